/// Spans of rule hits as a moderator should see them: one highlight per matched stretch.
///
/// A regex finds matches one after another, never overlapping, so a rule that spots a Cyrillic
/// letter inside a Latin word reports `Hа` and `gа` of `Hаrgа` as two matches with the `r`
/// between them in neither, which showed as `[[Hа]]r[[gа]]`. Spans are merged when they overlap,
/// touch, or are separated only by letters, marks and digits (the same word); a space or a
/// punctuation mark keeps them apart, so `[[slot gacor]] … [[maxwin]]` stays two.
enum SpanMerging {
    /// `spans` (Unicode-scalar offsets into `text`) sorted and merged; empty and out-of-range
    /// spans are dropped.
    static func merged(_ spans: [Range<Int>], in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        let sorted = spans.filter { !$0.isEmpty && $0.lowerBound >= 0 && $0.upperBound <= scalars.count }
            .sorted { $0.lowerBound < $1.lowerBound }
        var result: [Range<Int>] = []
        for span in sorted {
            if let last = result.last, span.lowerBound <= last.upperBound || sameWord(scalars[last.upperBound..<span.lowerBound]) {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                result.append(span)
            }
        }
        return result
    }

    private static func sameWord(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        gap.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                true
            default: false
            }
        }
    }
}
