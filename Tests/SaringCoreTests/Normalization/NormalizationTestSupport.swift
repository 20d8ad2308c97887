@testable import SaringCore

/// Helpers shared by the normalizer tests.
enum NormalizationTestSupport {
    /// Origins of each output scalar when `step` runs alone on `text`.
    static func origins(of text: String, after step: some NormalizationStep) -> [Range<Int>] {
        step.apply(MappedScalarBuffer(text)).elements.map { Int($0.start)..<Int($0.end) }
    }

    /// UTF-8 byte range of the first occurrence of `needle` in `normalized.text`.
    static func byteRange(of needle: String, in normalized: NormalizedText) -> Range<Int>? {
        let haystack = Array(normalized.text.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
            return start..<start + pattern.count
        }
        return nil
    }
}

