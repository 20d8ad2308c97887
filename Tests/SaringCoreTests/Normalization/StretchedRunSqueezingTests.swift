import Testing

@testable import SaringCore

@Suite("Normalizer step 8: stretched runs squeezed")
struct StretchedRunSqueezingTests {
    let step = StretchedRunSqueezing()

    @Test(arguments: [
        ("anjiiiing", "anjing"), ("gacooor", "gacor"), ("mantaaaap!!!!", "mantap!"), ("wkwkwk...", "wkwkwk."),
        ("a   b", "a b"), ("yesss", "yes"), ("ѕѕѕ", "ѕ"),
    ])
    func squeezesRunsOfThreeOrMore(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test(arguments: ["maaf", "saat", "tinggi", "1000", "Rp 50.000", "www.situs.com", "🔥🔥🔥", "a  b", "!!"])
    func keepsDoublesDigitsSymbolsAndLinks(_ input: String) {
        #expect(step.applied(to: input) == input)
    }

    @Test func squeezedLetterCoversTheWholeRun() {
        #expect(NormalizationTestSupport.origins(of: "gooo!", after: step) == [0..<1, 1..<4, 4..<5])
    }
}
