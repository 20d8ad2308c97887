import Testing

@testable import SaringCore

/// The evasion tricks the normalizer undoes (issue: what the policies catch), each with the
/// near-misses that must come through unchanged, and the spans mapped back to what was typed.
@Suite("Normalizer: evasion tricks")
struct EvasionRepairTests {
    static let normalizer = TextNormalizer()

    static func normalized(_ text: String) -> String { normalizer.normalize(text).text }

    /// The original text a normalized word maps back to.
    static func typed(_ word: String, in text: String) throws -> String {
        let result = normalizer.normalize(text)
        let range = try #require(NormalizationTestSupport.byteRange(of: word, in: result), "\(word) in \(result.text)")
        return String(text[result.originalRange(forNormalizedUTF8: range)])
    }

    @Test(arguments: [
        ("&#103;acor", "gacor"), ("&#x67;ACOR", "gacor"), ("&#X47;acor", "gacor"), ("slot &amp; togel", "slot & togel"),
        ("caf&eacute; &lt;3", "cafe <3"), ("&#1109;lot", "slot"), ("s&shy;lot", "slot"),
    ])
    func characterReferencesAreDecoded(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test(arguments: ["AT&T", "&#103", "& amp;", "&bogus;", "&#0;", "&#xD800;", "&#99999999;", "R&D; lalu", "&#+103;"])
    func malformedReferencesStayAsTyped(_ text: String) {
        #expect(Self.normalized(text) == text.lowercased())
    }

    @Test func aDecodedCharacterHighlightsTheWholeReference() throws {
        #expect(try Self.typed("gacor", in: "main &#103;acor!") == "&#103;acor")
    }

    @Test(arguments: [("ɹoɔɐƃ", "gacor"), ("ʇols ɹoɔɐƃ", "gacor slot"), ("lǝƃoʇ", "togel"), ("nɯ ʇols", "slot mu")])
    func upsideDownTextIsTurnedBack(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    /// One rotated-only letter among others is IPA, not upside-down text: folded, not reversed.
    @Test(arguments: [("ɐ", "a"), ("fonetik [ɹ] dan [ɔ]", "fonetik [r] dan [c]"), ("ɛ ɔ tabel IPA", "e c tabel ipa")])
    func aSingleIPALetterIsNotUpsideDownText(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test func anUpsideDownRunHighlightsAsAWhole() throws {
        #expect(try Self.typed("gacor", in: "ayo ɹoɔɐƃ sekarang") == "ɹoɔɐƃ")
    }

    @Test(arguments: [
        ("WA 08l2-3456-78O0", "wa 0812-3456-7800"), ("0812 3456 78O0", "0812 3456 7800"), ("tahun 2O24", "tahun 2024"),
        ("0812🔥3456🔥7890", "081234567890"), ("WA 0812💰💰3456", "wa 08123456"), ("٠٨١٢-٣٤٥٦", "0812-3456"), ("⁰⁸¹²", "0812"),
    ])
    func disguisedNumbersAreNumbers(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test(arguments: ["covid19", "solo 2", "ios 17", "2lol", "mp3", "b2b", "10 so", "lo 100", "naik 5🔥 turun"])
    func wordsNextToNumbersStayWords(_ text: String) {
        #expect(Self.normalized(text) == text.lowercased())
    }

    @Test(arguments: [
        ("bit(.)ly/abc", "bit.ly/abc"), ("situs[dot]com", "situs.com"), ("situs (dot) com", "situs.com"), ("togel。com", "togel.com"),
        ("gacor dot com", "gacor.com"), ("b i t . l y", "bit.ly"), ("main di KAMI[.]XYZ", "main di kami.xyz"), ("ayo ke situs . c o m", "ayo ke situs.com"),
    ])
    func writtenOutDotsOfLinksAreDots(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test(arguments: ["titik (.) di akhir", "dot matrix", "pakai [.] sebagai pemisah", "harga naik . lalu turun", "polka dot merah"])
    func dotsWithoutALinkSuffixStay(_ text: String) {
        #expect(Self.normalized(text) == text)
    }

    @Test(arguments: [("s🎰l🎰o🎰t", "slot"), ("g★a★c★o★r", "gacor"), ("T💎O💎G💎E💎L", "togel")])
    func symbolsBetweenLettersAreJoined(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test(arguments: ["bagus👍banget", "mantap 🔥🔥🔥", "a 😀 b"])
    func emojiBetweenWordsStay(_ text: String) {
        #expect(Self.normalized(text).unicodeScalars.contains { $0.value >= 0x2100 })
    }

    @Test(arguments: [("ga\ncor", "gacor"), ("main sl\not hari ini", "main slot hari ini"), ("pemerin-\ntah", "pemerintah"), ("ban\r\ngsat", "bangsat")])
    func wordsSplitAcrossALineBreakAreJoined(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test(arguments: ["semoga\nberhasil", "slot\nparkir", "terima kasih\nsalam"])
    func twoWordsOnTwoLinesStayTwo(_ text: String) {
        #expect(Self.normalized(text) == text.replacingOccurrences(of: "\n", with: " "))
    }

    @Test(arguments: [("rocag", "gacor"), ("main tols rocag", "main slot gacor"), ("LEGOT", "togel"), ("nawgnab", "nawgnab")])
    func highValueWordsWrittenBackwardsAreTurnedAround(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test(arguments: ["kamu tolol", "asuransi kota tolitoli", "grafik scatter", "slot parkir penuh", "ibu kota", "lolos"])
    func ordinaryWordsAreNotTurnedAround(_ text: String) {
        #expect(Self.normalized(text) == text)
    }

    @Test(arguments: [
        ("b*jing*n", "bajingan"), ("br3ngs*k", "brengsek"), ("j4nc*k", "jancuk"), ("dasar k#nt#l", "dasar kontol"),
        ("b*ngs*tnya", "bangsatnya"), ("sl*t gac*r", "slot gacor"), ("b?bi", "babi"),
    ])
    func aSymbolStandingForALetterOfACurseIsThatLetter(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test(arguments: ["a*b", "5*3", "#hashtag", "wow!keren", "harga*diskon", "rumah#1", "ka*u"])
    func symbolsInOtherWordsStay(_ text: String) {
        #expect(Self.normalized(text) == text)
    }

    @Test func aRestoredLetterHighlightsItsSymbol() throws {
        #expect(try Self.typed("bajingan", in: "dasar b*jing*n!") == "b*jing*n")
    }

    @Test(arguments: [
        ("wa nol delapan satu dua tiga empat lima enam", "wa 08123456"), ("hub 08 satu dua 3456 tujuh delapan", "hub 0812345678"),
        ("nik tiga dua nol satu 2345 6789 0001", "nik 3201234567890001"), ("KOSONG delapan-satu-tiga 4567 89", "0813456789"),
    ])
    func numbersSpelledInNumberWordsAreNumbers(_ text: String, _ expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test(arguments: ["satu dua tiga", "tujuh belas agustus", "dua ribu dua puluh empat", "tujuh tujuh tujuh", "nomor satu di 2024"])
    func countingInProseStaysWords(_ text: String) {
        #expect(Self.normalized(text) == text)
    }

    @Test func aSpelledDigitHighlightsItsWord() throws {
        #expect(try Self.typed("08123456", in: "wa nol delapan satu dua tiga empat lima enam ya") == "nol delapan satu dua tiga empat lima enam")
    }

    @Test func aReversedWordHighlightsAsTyped() throws {
        #expect(try Self.typed("gacor", in: "ayo ROCAG!") == "ROCAG")
    }
}
