import Testing

@testable import SaringCore

@Suite("Campaign wave: 500 generated variants of one spam message form one campaign")
struct CampaignWaveTests {
    /// One gambling message as a bot rotates it: site name and number, amounts, phone numbers,
    /// styled letters, a filler word or two, emoji.
    static func variant(_ number: Int, using random: inout SeededRandom) -> String {
        let sites = ["GACOR", "MAXWIN", "HOKI", "CUAN", "SULTAN", "PETIR"]
        let suffixes = ["com", "vip", "site", "xyz", "online"]
        let fillers = ["bosku", "gan", "dijamin", "resmi", "terpercaya", "100% aman", "sekarang juga", "hari ini"]
        let emoji = ["🔥", "💰", "🎰", "✅", "💸", "🤑", ""]
        let site = sites.randomElement(using: &random)! + String(Int.random(in: 7...999, using: &random))
        let styled = Bool.random(using: &random) ? "𝗠𝗔𝗫𝗪𝗜𝗡" : "maxw1n"
        var words = [
            "Lagi", "butuh", "modal?", "Main", "di", site, "aja,", "deposit", "\(Int.random(in: 1...9, using: &random) * 10)rb",
            "langsung", "dapat", "bonus", "new", "member", "\(Int.random(in: 5...20, using: &random) * 10)%,",
            styled, "tiap", "hari", "dan", "withdraw", "cepat.", "Daftar", "sekarang", "di",
            site.lowercased() + "." + suffixes.randomElement(using: &random)!, "atau", "chat", "WA",
            "08\(Int.random(in: 11...99, using: &random))-\(Int.random(in: 1000...9999, using: &random))-\(Int.random(in: 1000...9999, using: &random))",
        ]
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            words.insert(fillers.randomElement(using: &random)!, at: Int.random(in: 0...words.count, using: &random))
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            words.insert(emoji.randomElement(using: &random)!, at: Int.random(in: 0...words.count, using: &random))
        }
        return words.joined(separator: " ")
    }

    static let variants: [String] = {
        var random = SeededRandom(seed: 20_240_501)
        return (0..<500).map { variant($0, using: &random) }
    }()

    @Test func lastVariantMatchesAlmostAllEarlierOnes() throws {
        var index = CampaignIndex(windowMillis: 3_600_000)
        let signatures = try Self.variants.map { try #require(CampaignCorpus.signature($0)) }
        for (number, signature) in signatures.enumerated().dropLast() {
            let entry = CampaignIndex.Entry(
                commentId: Int64(number), authorKey: "akun\(number % 97)", clientKey: "ip\(number % 13)",
                articleId: "artikel\(number % 40)", atMillis: Int64(number) * 5_000)
            index.insert(signature, entry: entry)
        }
        let match = index.matches(signatures[signatures.count - 1], atMillis: 500 * 5_000)
        #expect(match.entries.count >= 475)
        #expect(match.distinctAuthors == 97)
        #expect(match.distinctArticles == 40)
    }

    /// The server's loop: look up, decide, then index the comment and tag the campaign's members.
    @Test func detectionLoopPutsEveryVariantInOneCampaign() throws {
        var index = CampaignIndex(windowMillis: 3_600_000)
        var nextCampaignId: Int64 = 1
        for (number, text) in Self.variants.enumerated() {
            let signature = try #require(CampaignCorpus.signature(text))
            let entry = CampaignIndex.Entry(
                commentId: Int64(number), authorKey: "akun\(number % 97)", clientKey: nil,
                articleId: "artikel\(number % 40)", atMillis: Int64(number) * 5_000)
            let match = index.matches(signature, atMillis: entry.atMillis)
            index.insert(signature, entry: entry)
            if match.isCampaign(minimumSources: 3, includingNew: entry.authorKey, clientKey: entry.clientKey) {
                let campaignId = match.campaignId ?? nextCampaignId
                if campaignId == nextCampaignId { nextCampaignId += 1 }
                index.assign(campaignId: campaignId, to: match.memberIds + [entry.commentId])
            }
        }
        let campaignIds = (0..<Int64(Self.variants.count)).map { index.entry(commentId: $0)?.campaignId }
        #expect(campaignIds.allSatisfy { $0 == 1 })
    }

    @Test func ordinaryCommentsInTheSameWindowStayOutOfTheCampaign() throws {
        var index = CampaignIndex(windowMillis: 3_600_000)
        for (number, text) in Self.variants.prefix(100).enumerated() {
            let entry = CampaignIndex.Entry(
                commentId: Int64(number), authorKey: "akun\(number)", clientKey: nil, articleId: "a", atMillis: 0)
            index.insert(try #require(CampaignCorpus.signature(text)), entry: entry)
        }
        for comment in CampaignCorpus.ordinaryComments {
            let signature = try #require(CampaignCorpus.signature(comment))
            #expect(index.matches(signature, atMillis: 0).entries.isEmpty, "\(comment)")
        }
    }
}
