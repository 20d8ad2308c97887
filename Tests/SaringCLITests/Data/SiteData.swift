// A small site's database made through the real store and moderation desk: threads, masked and
// flagged comments, a campaign, reports, a ban with its batch and address ban, an undo.
import Foundation
import GRDB
import SaringCore
import SaringStore

struct SiteData {
    let path: String
    let store: SaringStore
    /// Comment ids by a short name.
    var ids: [String: Int64] = [:]

    static let texts = [
        "Harga cabai di pasar Kramat Jati naik lagi minggu ini, ibu-ibu mengeluh.",
        "Semoga pemerintah daerah segera turun tangan soal banjir di Kampung Melayu.",
        "Saya setuju dengan pendapat di atas, drainase memang harus diperbaiki.",
        "Kemacetan di Jalan Sudirman tiap pagi makin parah sejak proyek galian.",
        "Terima kasih atas liputannya, beritanya lengkap dan jelas sekali.",
        "Apakah ada info jadwal KRL tambahan selama libur akhir tahun nanti?",
        "Timnas main bagus semalam, lini tengahnya jauh lebih rapi dari biasanya.",
        "Warga RT 05 sudah tiga hari tidak dapat air bersih dari PDAM.",
    ]

    /// - Parameter clock: the store's clock (retention tests make old rejections).
    static func make(
        in folder: URL? = nil, name: String = "site.sqlite", clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> SiteData {
        let folder = try folder ?? CLI.temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        let store = try SaringStore(path: path, now: clock)
        try store.migrate()
        var site = SiteData(path: path, store: store)
        _ = try await store.saveArticle(
            Article(
                id: "berita-banjir", title: "Banjir & genangan di \"Jakarta Timur\"", url: "https://portal.example/berita-banjir",
                section: "metro"))
        func post(
            _ name: String, _ article: String, _ author: String, _ email: String?, _ text: String, parent: String? = nil,
            verdict: (String) -> Verdict = { Verdict(status: .published, publishedBody: $0, policyVersion: "policy-v1") },
            client: String
        ) async throws {
            let draft = CommentDraft(
                articleId: article, authorName: author, authorEmail: email, body: text, parentId: parent.flatMap { site.ids[$0] },
                clientHash: client)
            site.ids[name] = try await store.submit(draft, verdict: verdict(text)).id
        }
        try await post("first", "berita-banjir", "Dewi Lestari", "dewi.lestari@example.com", texts[1], client: "a1b2c3d4e5f60718")
        try await post("reply", "berita-banjir", "Rahmat Hidayat", nil, texts[2], parent: "first", client: "0f1e2d3c4b5a6978")
        try await post(
            "masked", "berita-banjir", "Budi Santoso", "budi.santoso@example.com", "Hubungi saya di 0812-3456-7890 soal relawan banjir.",
            verdict: { _ in
                Verdict(
                    status: .published, score: 2,
                    hits: [RuleHit(ruleId: "pii.phone", category: "pii", description: "Phone number", action: .mask, span: 16..<29)],
                    publishedBody: "Hubungi saya di *** soal relawan banjir.", policyVersion: "policy-v1", reasons: ["pii.phone: mask"])
            }, client: "77aa88bb99cc0011")
        try await post(
            "held", "harga-cabai", "Budi Santoso", "budi.santoso@example.com", texts[0],
            verdict: { Verdict(status: .pending, score: 3, publishedBody: $0, policyVersion: "policy-v1", reasons: ["score 3 ≥ hold-at"]) },
            client: "77aa88bb99cc0011")
        try await post(
            "flagged", "harga-cabai", "Sari Wulandari", "sari.w@example.com", texts[3],
            verdict: { Verdict(status: .published, flagged: true, publishedBody: $0, policyVersion: "policy-v1", reasons: ["flag"]) },
            client: "1234abcd5678ef90")
        try await post("thanks", "harga-cabai", "Agus Pratama", nil, texts[4], client: "fedcba9876543210")
        let campaign = CampaignTag(id: site.ids["held"]!, members: [site.ids["held"]!])
        try await post(
            "later", "harga-cabai", "Budi Santoso", "budi.santoso@example.com", texts[7],
            verdict: {
                var verdict = Verdict(status: .pending, publishedBody: $0, policyVersion: "policy-v1", reasons: ["campaign"])
                verdict.campaign = campaign
                return verdict
            }, client: "77aa88bb99cc0011")
        try await post(
            "question", "harga-cabai", "Rina Marlina", "rina.m@example.com", texts[5],
            verdict: { Verdict(status: .pending, publishedBody: $0, policyVersion: "policy-v1", reasons: ["first comment"]) },
            client: "abababab12121212")

        // A reader reports Budi's comment; Budi reports another (from his own address).
        _ = try await store.report(commentId: site.ids["masked"]!, reason: "nomor telepon pribadi", clientHash: "5555666677778888")
        _ = try await store.report(
            commentId: site.ids["thanks"]!, reason: "Budi Santoso tidak suka komentar ini", clientHash: "77aa88bb99cc0011")
        let ana = ModerationDesk(store: store, moderator: "ana")
        try await ana.decide(site.ids["flagged"]!, .approve, reason: "bukan masalah")
        let rejected = try await ana.decide(site.ids["thanks"]!, .reject, reason: "uji coba")
        try await ana.undo(decision: rejected.decision.id)
        // Budi is banned: his pending comment goes in the ban's batch, his addresses are banned.
        try await ana.ban(AuthorIdentity(moderatorInput: "budi.santoso@example.com"), reason: "spam nomor dari Budi Santoso")
        return site
    }

    /// Every text value of every table, with where it was found.
    static func everyText(at path: String) throws -> [(place: String, text: String)] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var found: [(String, String)] = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for (column, value) in row {
                        if let text = String.fromDatabaseValue(value) { found.append(("\(table).\(column)", text)) }
                    }
                }
            }
            return found
        }
    }
}
