import Testing

@testable import SaringCore

@Suite("Normalizer step 9: white space")
struct WhitespaceCollapsingTests {
    let step = WhitespaceCollapsing()

    @Test(arguments: [
        ("a  b", "a b"), ("a\t\nb", "a b"), ("  a b  ", "a b"), ("a\u{00A0}\u{2003}b", "a b"), ("a\u{2800}b", "a b"),
        ("\n\n", ""), ("", ""),
    ])
    func collapsesWhiteSpaceToOneSpace(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test func keepsPunctuation() {
        #expect(step.applied(to: "halo, apa kabar?!") == "halo, apa kabar?!")
    }

    @Test func collapsedSpaceCoversTheWholeRun() {
        #expect(NormalizationTestSupport.origins(of: " a \t b", after: step) == [1..<2, 2..<5, 5..<6])
    }
}
