/// Step 9: every run of white space (spaces, tabs, line breaks, NBSP, braille blank) becomes one
/// space; leading and trailing white space goes, so `^` and `$` in rules see the text's edges.
struct WhitespaceCollapsing: NormalizationStep {
    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        guard Self.needsCollapsing(input.elements) else { return input }
        return MappedScalarBuffer(maxCount: input.count) { output in
            var pendingSpace: MappedScalar?
            for element in input.elements {
                if NormalizerCharacterClass.isSpace(element.scalar) {
                    pendingSpace = MappedScalar(" ", start: pendingSpace?.start ?? element.start, end: element.end)
                    continue
                }
                if let space = pendingSpace, output.count > 0 {
                    output.append(space)
                }
                pendingSpace = nil
                output.append(element)
            }
        }
    }

    /// Cheap read-only pre-check: white space at an edge, other than a plain space, or doubled.
    private static func needsCollapsing(_ elements: [MappedScalar]) -> Bool {
        guard let first = elements.first, let last = elements.last else { return false }
        if NormalizerCharacterClass.isSpace(first.scalar) || NormalizerCharacterClass.isSpace(last.scalar) { return true }
        var previousWasSpace = false
        for element in elements {
            let isSpace = NormalizerCharacterClass.isSpace(element.scalar)
            if isSpace && (previousWasSpace || element.value != 0x20) { return true }
            previousWasSpace = isSpace
        }
        return false
    }
}
