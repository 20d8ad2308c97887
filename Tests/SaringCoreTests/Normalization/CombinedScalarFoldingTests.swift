import Testing

@testable import SaringCore

@Suite("Normalizer steps 1–4 combined")
struct CombinedScalarFoldingTests {
    @Test func equalsRunningTheFourStepsOneAfterTheOther() {
        let combined = CombinedScalarFolding()
        let steps: [any NormalizationStep] = [CompatibilityFolding(), DiacriticFolding(), LookalikeFolding(), CaseFolding()]
        for text in NormalizerPropertyTests.generatedTexts(count: 1_000) + ["ǅ ﷺ ẛ Ⅻ ㈜ İ ΣΟΦΙΑ Ηη ѐ 𝟗 ❿"] {
            let buffer = MappedScalarBuffer(text)
            let oneByOne = steps.reduce(buffer) { $1.apply($0) }
            #expect(combined.apply(buffer) == oneByOne, "\(text.debugDescription)")
        }
    }

    @Test func coversEveryScalarAnyStepChanges() {
        // Exhaustive over the blocks spam draws from: Latin, Greek, Cyrillic, letterlike symbols,
        // enclosed alphanumerics, dingbats, fullwidth forms, mathematical alphanumerics.
        let ranges: [ClosedRange<UInt32>] = [0x41...0x24F, 0x370...0x4FF, 0x2100...0x24FF, 0x2700...0x27BF,
                                             0xFF00...0xFFEF, 0x1D400...0x1D7FF, 0x1F100...0x1F1FF]
        let combined = CombinedScalarFolding()
        let steps: [any NormalizationStep] = [CompatibilityFolding(), DiacriticFolding(), LookalikeFolding(), CaseFolding()]
        let text = String(String.UnicodeScalarView(ranges.joined().compactMap(Unicode.Scalar.init)))
        let buffer = MappedScalarBuffer(text)
        #expect(combined.apply(buffer) == steps.reduce(buffer) { $1.apply($0) })
    }
}
