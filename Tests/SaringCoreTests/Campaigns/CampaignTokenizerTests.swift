import Testing

@testable import SaringCore

@Suite("Campaign tokenizer: what a token is")
struct CampaignTokenizerTests {
    private func tokens(_ text: String) -> [CampaignToken] {
        var tokens: [CampaignToken] = []
        CampaignTokenizer().forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

    private func word(_ text: String) -> UInt64 { CampaignHash.token(text.utf8) }

    @Test func wordsAreLetterRunsWithPunctuationAndEmojiDropped() {
        #expect(tokens("halo, 🔥apa kabar?!").map(\.hash) == [word("halo"), word("apa"), word("kabar")])
    }

    @Test(arguments: ["deposit 25rb", "deposit 50rb", "deposit 1.000.000rb", "deposit 0812 3456 7890rb"])
    func everyNumberIsTheSameSingleToken(_ text: String) {
        #expect(tokens(text).map(\.hash) == [word("deposit"), CampaignToken.numberHash, word("rb")])
    }

    @Test func numbersSeparatedByWordsStaySeparate() {
        #expect(tokens("50rb jadi 5jt").map(\.kind) == [.number, .word, .word, .number, .word])
    }

    @Test func apostrophesInsideWordsAreSkipped() {
        #expect(tokens("raji'un raji’un").map(\.hash) == [word("rajiun"), word("rajiun")])
    }

    @Test func lettersOfOtherScriptsAreWords() {
        #expect(tokens("ありがとう مرحبا").map(\.kind) == [.word, .word])
    }

    @Test(arguments: [
        ("gacor88.com", "gacor#.com"), ("(gacor77.com)!", "gacor#.com"), ("https://bit.ly/3xyz", "bit.ly"),
        ("www.pinjol-cepat.id/daftar", "pinjol-cepat.id"), ("cs@pinjam.co.id", "cs@pinjam.co.id"),
        ("@admin_slot88", "@admin_slot#"), ("wa.me/6281234", "wa.me"),
    ])
    func linksAndHandlesAreOneInformativeToken(_ text: String, _ host: String) {
        #expect(tokens(text) == [CampaignToken(kind: .link, hash: word(host), isInformative: true)])
    }

    @Test(arguments: ["benar.saya", "50.000", "dll.", "s.d", "@", "@!"])
    func dottedOrdinaryTextIsNotALink(_ text: String) {
        #expect(!tokens(text).contains { $0.kind == .link })
    }

    @Test func commonWordsAndSingleLettersAreNotInformative() {
        let informative = tokens("yang penting gacor d x aja").map(\.isInformative)
        #expect(informative == [false, true, true, false, false, false])
    }

    @Test func contactWordsAreInformative() {
        #expect(tokens("wa telegram daftar link").allSatisfy { $0.isInformative })
    }
}
