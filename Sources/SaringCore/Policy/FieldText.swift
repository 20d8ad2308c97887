/// One field of a comment prepared for matching: the original, its normalized copy, and a
/// lower-cased raw copy for the prefilter; each computed once per comment, only when needed.
final class FieldText {
    let original: String
    private let normalizer: TextNormalizer
    private var cachedNormalized: NormalizedText?
    private var cachedLoweredRaw: String?

    /// - Parameter normalized: the field normalized already, when it was (of `original`).
    init(_ original: String, normalizer: TextNormalizer, normalized: NormalizedText? = nil) {
        self.original = original
        self.normalizer = normalizer
        cachedNormalized = normalized
    }

    var normalized: NormalizedText {
        if let cachedNormalized { return cachedNormalized }
        let value = normalizer.normalize(original)
        cachedNormalized = value
        return value
    }

    /// Raw text lower-cased: only for the prefilter (offsets may differ from the original).
    /// ASCII text is lowered byte by byte: `String.lowercased()` cost a third of judging.
    var loweredRaw: String {
        if let cachedLoweredRaw { return cachedLoweredRaw }
        var copy = original
        let lowered: String? = copy.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (i, byte) in bytes.enumerated() { buffer[i] = byte &- 0x41 < 26 ? byte | 0x20 : byte }
                return bytes.count
            }
        }
        let value = lowered ?? original.lowercased()
        cachedLoweredRaw = value
        return value
    }

    /// Whether the lower-cased copy was made (tests).
    var madeLoweredRaw: Bool { cachedLoweredRaw != nil }

    /// The text a rule with this target matches against.
    func text(for target: RuleSpec.Target) -> String {
        target == .normalized ? normalized.text : original
    }

    /// Maps a UTF-8 byte range of the matched text back to Unicode-scalar offsets of the original.
    func originalScalarRange(_ range: Range<Int>, target: RuleSpec.Target) -> Range<Int> {
        switch target {
        case .normalized:
            return normalized.originalScalarRange(forNormalizedUTF8: range)
        case .raw:
            let bytes = original.utf8
            func scalars(upTo offset: Int) -> Int {
                bytes.prefix(offset).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            }
            let start = scalars(upTo: range.lowerBound)
            return start..<(start + bytes.dropFirst(range.lowerBound).prefix(range.count).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
        }
    }
}

extension CompiledRule {
    /// Runs the pattern on the field's text for this rule's target; a match is dropped when the
    /// rule's `unless` pattern matches the same text (checked only then, so it costs nothing on
    /// clean comments).
    ///
    /// - Parameter branches: for a rule that runs as branches, which of them the prefilter kept
    ///   (nil: the whole pattern runs).
    func run(on field: FieldText, scratch: MatchScratch, branches selected: ArraySlice<Bool>? = nil) -> MatchOutcome {
        var text = field.text(for: spec.target)
        return text.withUTF8 { bytes in
            let outcome: MatchOutcome
            switch matcher {
            case .pattern(let pattern):
                if let branches, let selected, selected.count == branches.count {
                    outcome = Self.run(branches, selected, on: bytes, scratch: scratch)
                } else {
                    outcome = pattern.matches(in: bytes, scratch: scratch)
                }
            case .classifier(let model, let threshold):
                let reading = model.read(bytes)
                guard reading.probability >= threshold else { return .matched([]) }
                outcome = .matched(reading.strongest.isEmpty ? [0..<bytes.count] : reading.strongest)
            }
            guard let unless, !outcome.ranges.isEmpty else { return outcome }
            let veto = unless.matches(in: bytes, scratch: scratch, maxMatches: 1)
            if case .matched(let ranges) = veto { return ranges.isEmpty ? outcome : .matched([]) }
            return veto  // too costly to tell: reported as the limit it hit
        }
    }

    /// The selected branches' matches, in text order, overlapping ones merged.
    private static func run(
        _ branches: [Branch], _ selected: ArraySlice<Bool>, on bytes: UnsafeBufferPointer<UInt8>, scratch: MatchScratch
    ) -> MatchOutcome {
        var ranges: [Range<Int>] = []
        for (branch, isSelected) in zip(branches, selected) where isSelected {
            switch branch.pattern.matches(in: bytes, scratch: scratch) {
            case .matched(let found): ranges += found
            case let other: return other
            }
        }
        guard ranges.count > 1 else { return .matched(ranges) }
        ranges.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        var merged: [Range<Int>] = [ranges[0]]
        for range in ranges.dropFirst() {
            let last = merged[merged.count - 1]
            if range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return .matched(merged)
    }

    /// What a hit of this rule tells a moderator: its description and, for a classifier, the
    /// pieces of text that weighed most.
    func description(of ranges: [Range<Int>], in field: FieldText) -> String {
        guard case .classifier = matcher else { return spec.description }
        let scalars = Array(field.original.unicodeScalars)
        let pieces = ranges.prefix(3).map { range -> String in
            let span = field.originalScalarRange(range, target: spec.target)
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[min(span.lowerBound, scalars.count)..<min(span.upperBound, scalars.count)].prefix(40))
            return "\"" + String(piece) + "\""
        }
        return pieces.isEmpty ? spec.description : "\(spec.description) (weighed most: \(pieces.joined(separator: ", ")))"
    }
}
