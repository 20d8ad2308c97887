import Testing

@testable import SaringCore

@Suite("Normalizer step 6: spaced-out letters joined")
struct SpacedLetterJoiningTests {
    let step = SpacedLetterJoining()

    @Test(arguments: [
        ("s l o t", "slot"), ("S.L.O.T", "SLOT"), ("s-l-o-t", "slot"), ("s_l_o_t", "slot"), ("s*l*o*t", "slot"),
        ("s|l|o|t", "slot"), ("s/l/o/t", "slot"), ("s - l - o - t", "slot"), ("s   l   o   t", "slot"),
        ("main di s l o t sekarang", "main di slot sekarang"), ("(s.l.o.t)", "(slot)"), ("S.L.O.T.", "SLOT."),
        ("h o k i 8 8", "hoki88"), ("s\u{3000}l\u{3000}o", "slo"), ("s·l·o·t", "slot"),
    ])
    func joinsSpacedOutWord(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test(arguments: [
        ("s-l-o-t g-a-c-o-r", "slot gacor"), ("s l o t  g a c o r", "slot gacor"),
        ("s.l.o.t / g.a.c.o.r", "slot gacor"), ("s l o t g4c0r", "slot g4c0r"),
    ])
    func keepsAWiderGapBetweenGroupsAsOneSpace(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test(arguments: [
        "a b", "kelas a dan b", "1 2 3", "0 8 1 2 3 4", "s.l-o.t", "nomor 5 dan 6 ya", "Rp 50.000",
        "di sini ada a, b, c", "J. K. Rowling", "s l  o",
    ])
    func leavesTextWithoutThreeEvenlySpacedSingles(_ input: String) {
        #expect(step.applied(to: input) == input)
    }

    @Test func joinedLettersKeepTheirOwnOrigins() {
        #expect(NormalizationTestSupport.origins(of: "s l o", after: step) == [0..<1, 2..<3, 4..<5])
    }

    @Test func spaceBetweenGroupsComesFromTheWholeGap() {
        let origins = NormalizationTestSupport.origins(of: "a.b.c / d.e.f", after: step)
        #expect(origins[3] == 5..<8)
    }
}
