import Testing

@testable import SaringCore

@Suite("Normalized text: offsets back to the original")
struct NormalizedTextTests {
    let normalizer = TextNormalizer()

    func originalText(of needle: String, in original: String) -> Substring? {
        let normalized = normalizer.normalize(original)
        guard let bytes = NormalizationTestSupport.byteRange(of: needle, in: normalized) else { return nil }
        return original[normalized.originalRange(forNormalizedUTF8: bytes)]
    }

    @Test(arguments: [
        ("Main di 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 pasti", "slot gacor", "𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥"), ("ayo s l o t sekarang", "slot", "s l o t"),
        ("cek g4c0r!", "gacor", "g4c0r"), ("sl\u{200B}ot", "slot", "sl\u{200B}ot"), ("x P͟U͟L͟A͟U͟ y", "pulau", "P͟U͟L͟A͟U͟"),
        ("GACOOOOR!!!", "gacor", "GACOOOOR"), ("🔥 ѕlоt 🔥", "slot", "ѕlоt"), ("ﬁx", "f", "ﬁ"), ("ﬁx", "x", "x"),
        ("a  \t b", "a b", "a  \t b"),
    ])
    func mapsAMatchBackToWhatTheWriterTyped(_ original: String, _ needle: String, _ typed: String) {
        #expect(originalText(of: needle, in: original) == Substring(typed))
    }

    @Test func mapsUTF8OffsetsAfterMultiByteScalars() {
        let normalized = normalizer.normalize("🔥 SLOT")
        #expect(normalized.text == "🔥 slot")
        #expect(normalized.originalScalarRange(forNormalizedUTF8: 5..<9) == 2..<6)
        #expect(normalized.originalScalarRange(forNormalizedUTF8: 0..<4) == 0..<1)
        // A range inside the emoji's four bytes still maps to the emoji.
        #expect(normalized.originalScalarRange(forNormalizedUTF8: 1..<2) == 0..<1)
    }

    @Test func mapsEmptyAndOutOfBoundsRangesSafely() {
        let normalized = normalizer.normalize("ab 𝗦")
        #expect(normalized.originalScalarRange(forNormalizedUTF8: 1..<1) == 1..<1)
        #expect(normalized.originalScalarRange(forNormalizedUTF8: 4..<4) == 4..<4)
        #expect(normalized.originalScalarRange(forNormalizedUTF8: -5..<100) == 0..<4)
        #expect(normalizer.normalize("").originalScalarRange(forNormalizedUTF8: 0..<3) == 0..<0)
    }

    @Test func wholeTextLeavesOutOnlyTrimmedWhiteSpaceAndInvisibles() {
        let normalized = normalizer.normalize("\u{200B}  Slot 88  \u{FEFF}")
        #expect(normalized.text == "slot 88")
        #expect(normalized.originalScalarRange(forNormalizedUTF8: 0..<7) == 3..<10)
    }

    @Test func equalTextsNormalizeEqual() {
        #expect(normalizer.normalize("𝗦𝗟𝗢𝗧") == normalizer.normalize("𝗦𝗟𝗢𝗧"))
        #expect(normalizer.normalize("𝗦𝗟𝗢𝗧") != normalizer.normalize("SLOT"))
    }
}
