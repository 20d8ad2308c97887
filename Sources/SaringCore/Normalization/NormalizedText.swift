/// A comment's normalized text, what the policy regexes run on, with the map back to the original.
///
/// Offsets in the normalized text are UTF-8 byte offsets, as PCRE2 reports them; offsets in the
/// original are Unicode-scalar offsets (`original.unicodeScalars`), which survive any re-encoding of
/// the original. Use `originalRange(forNormalizedUTF8:)` to get `String.Index`es for highlighting and
/// masking.
public struct NormalizedText: Sendable, Equatable {
    public let original: String
    /// The normalized text, what regexes run on.
    public let text: String
    /// Each scalar of `text` with its origin (original scalar offsets).
    private let scalars: [MappedScalar]
    /// UTF-8 offset in `text` where each scalar starts; empty when `text` is ASCII (offset = index).
    private let scalarUTF8Starts: [Int]
    private let originalScalarCount: Int

    init(original: String, originalScalarCount: Int, normalized: MappedScalarBuffer) {
        self.original = original
        self.originalScalarCount = originalScalarCount
        scalars = normalized.elements
        let isASCII = !normalized.elements.contains { $0.value >= 0x80 }
        scalarUTF8Starts = isASCII ? [] : Self.utf8Starts(of: normalized.elements)
        let byteCount = isASCII ? normalized.count : scalarUTF8Starts.last.map { $0 + 4 } ?? 0
        text = String(unsafeUninitializedCapacity: byteCount) { bytes in
            var offset = 0
            for element in normalized.elements {
                if isASCII {
                    bytes[offset] = UInt8(truncatingIfNeeded: element.value)
                    offset += 1
                    continue
                }
                for byte in UTF8.encode(element.scalar)! {
                    bytes[offset] = byte
                    offset += 1
                }
            }
            return offset
        }
    }

    private static func utf8Starts(of elements: [MappedScalar]) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(elements.count)
        var offset = 0
        for element in elements {
            starts.append(offset)
            offset += UTF8.width(element.scalar)
        }
        return starts
    }

    /// Maps a range of UTF-8 byte offsets in `text` (as PCRE2 reports them) to the range of
    /// Unicode-scalar offsets in `original` that produced it (smallest range covering every
    /// original scalar that contributed to any normalized byte in the range).
    ///
    /// The range is clamped to `text`; a range inside one multi-byte scalar maps to that scalar's
    /// origin. An empty range maps to an empty range at the matching original position.
    public func originalScalarRange(forNormalizedUTF8 range: Range<Int>) -> Range<Int> {
        let byteCount = text.utf8.count
        let lower = min(max(range.lowerBound, 0), byteCount)
        let upper = min(max(range.upperBound, lower), byteCount)
        guard lower < upper else {
            let position = lower < byteCount ? scalars[scalarIndex(containingByte: lower)].start
                : (scalars.last?.end ?? 0)
            return Int(position)..<Int(position)
        }
        let first = scalarIndex(containingByte: lower)
        let last = scalarIndex(containingByte: upper - 1)
        var start = scalars[first].start
        var end = scalars[first].end
        for element in scalars[first...last] {
            start = min(start, element.start)
            end = max(end, element.end)
        }
        return Int(start)..<min(Int(end), originalScalarCount)
    }

    /// Like `originalScalarRange(forNormalizedUTF8:)`, as indices into `original`.
    public func originalRange(forNormalizedUTF8 range: Range<Int>) -> Range<String.Index> {
        let scalars = originalScalarRange(forNormalizedUTF8: range)
        let view = original.unicodeScalars
        let lower = view.index(view.startIndex, offsetBy: scalars.lowerBound)
        let upper = view.index(lower, offsetBy: scalars.count)
        return lower..<upper
    }

    private func scalarIndex(containingByte byte: Int) -> Int {
        guard !scalarUTF8Starts.isEmpty else { return byte }
        // Last scalar starting at or before `byte`.
        var low = 0
        var high = scalarUTF8Starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if scalarUTF8Starts[middle] <= byte { low = middle } else { high = middle }
        }
        return low
    }
}
