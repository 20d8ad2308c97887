/// Step 8: squeezes stretched letters (`anjiiiing` → `anjing`, `gacooor` → `gacor`) and runs of
/// punctuation or white space (`!!!!` → `!`).
///
/// Only runs of three or more identical scalars shrink, to one: doubled letters are real spelling in
/// Indonesian (`maaf`, `saat`, `tinggi`). Digits are never squeezed (`1000`), nor symbols and emoji.
/// One exception keeps links readable: `www` before a dot stays.
struct StretchedRunSqueezing: NormalizationStep {
    static let minimumRun = 3

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            guard Self.hasLongRun(elements) else { return input }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                squeeze(elements, into: &output)
            }
        }
    }

    /// Cheap read-only pre-check: three identical squeezable scalars in a row.
    private static func hasLongRun(_ elements: UnsafeBufferPointer<MappedScalar>) -> Bool {
        guard elements.count >= minimumRun else { return false }
        for index in 2..<elements.count
        where elements[index].scalar == elements[index - 1].scalar && elements[index].scalar == elements[index - 2].scalar
            && isSqueezable(elements[index].scalar)
        {
            return true
        }
        return false
    }

    private func squeeze(_ elements: UnsafeBufferPointer<MappedScalar>, into output: inout MappedScalarBuffer.Writer) {
        var index = 0
        var copied = 0  // input before this is in the output already
        while index < elements.count {
            let scalar = elements[index].scalar
            var end = index + 1
            while end < elements.count, elements[end].scalar == scalar { end += 1 }
            if end - index >= Self.minimumRun, Self.isSqueezable(scalar),
                !Self.isWorldWideWeb(index..<end, elements)
            {
                output.append(elements, copied..<index)
                output.append(MappedScalar(scalar, start: elements[index].start, end: elements[end - 1].end))
                copied = end
            }
            index = end
        }
        output.append(elements, copied..<elements.count)
    }

    private static func isSqueezable(_ scalar: Unicode.Scalar) -> Bool {
        NormalizerCharacterClass.isLetter(scalar) || NormalizerCharacterClass.isPunctuation(scalar)
            || NormalizerCharacterClass.isSpace(scalar)
    }

    private static func isWorldWideWeb(_ run: Range<Int>, _ elements: UnsafeBufferPointer<MappedScalar>) -> Bool {
        run.count == 3 && elements[run.lowerBound].scalar == "w" && run.upperBound < elements.count
            && elements[run.upperBound].scalar == "."
    }
}
