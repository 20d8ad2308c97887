import Testing

@testable import SaringCore

@Suite("Normalizer step 2: diacritics removal")
struct DiacriticFoldingTests {
    let step = DiacriticFolding()

    @Test(arguments: [
        ("café", "cafe"), ("CAFÉ", "CAFE"), ("ọ", "o"), ("ñ", "n"), ("ĝ", "g"), ("ё", "е"), ("ώ", "ω"), ("が", "か"),
    ])
    func stripsAccentsFromPrecomposedLetters(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test func leavesLettersWhoseStrokeIsPartOfTheLetter() {
        #expect(step.applied(to: "łøđ") == "łøđ")
    }

    @Test func keepsOriginsOneToOne() {
        #expect(NormalizationTestSupport.origins(of: "éa", after: step) == [0..<1, 1..<2])
    }
}
