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

/// A tiny deterministic generator (SplitMix64), so property tests see the same strings every run.
struct NormalizerTestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
