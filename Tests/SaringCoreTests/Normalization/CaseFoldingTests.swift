import Testing

@testable import SaringCore

@Suite("Normalizer step 4: case folding")
struct CaseFoldingTests {
    let step = CaseFolding()

    @Test(arguments: [("SLOT Gacor", "slot gacor"), ("ÉCOLE", "école"), ("ДЖ", "дж"), ("ΣΟΦΙΑ", "σοφια"), ("ß", "ß")])
    func lowercasesAnyScript(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test func expandsDottedCapitalIWithItsMarkFromTheSameOrigin() {
        #expect(step.applied(to: "İ") == "i\u{0307}")
        #expect(NormalizationTestSupport.origins(of: "İ", after: step) == [0..<1, 0..<1])
    }

    @Test func returnsTextWithoutCapitalsUnchanged() {
        #expect(step.applied(to: "sudah kecil 123 🔥") == "sudah kecil 123 🔥")
    }
}
