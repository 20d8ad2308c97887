// A site's history for the tuning commands: distinct everyday Indonesian comments from distinct
// authors, judged by a real policy folder and written through the real store, then answered by
// moderators through the real moderation desk. Times come from a clock that moves one second per
// reading, so every comment and every standing change has its own moment (two days ago).
import Foundation
import SaringCore
import SaringStore
import Synchronization

struct TuningFixture {
    let folder: URL
    let dbPath: String
    let inForce: URL
    let candidate: URL
    /// Open unless made `atRest`.
    let store: SaringStore?
    let policy: Policy
    /// Comment ids by the fixture's own names.
    let ids: [String: Int64]
    let bodies: [String: String]

    static let inForceRules = """
        # The fixture's policy in force.
        rules:
          - id: judol.keywords
            description: Online-gambling spam keywords
            words: [slot gacor, maxwin]
            action: reject
            examples:
              match: ["main slot gacor"]
          - id: kasar.umpatan
            description: Profanity
            words: [bangsat]
            action: hold
            examples:
              match: ["dasar bangsat"]
          - id: trial.promo
            description: Promotions offering something free
            words: [promo gratis]
            action: hold
            mode: shadow
            examples:
              match: ["ada promo gratis"]
          - id: pii.nik
            description: A 16-digit NIK number
            pattern: '\\b\\d{16}\\b'
            action: hold
            examples:
              match: ["nik saya 3171234567890123"]
        """

    /// The change under test: a new rule for deposits by phone credit, and profanity flagged
    /// instead of held.
    static var candidateRules: String {
        inForceRules.replacingOccurrences(of: "    words: [bangsat]\n    action: hold", with: "    words: [bangsat]\n    action: flag")
            + """

              - id: judol.depo
                description: Deposits by phone credit
                words: [deposit pulsa]
                action: reject
                examples:
                  match: ["bisa deposit pulsa"]
            """
    }

    static let clean: [(String, String, String)] = [
        ("clean0", "Andi Saputra", "Semoga pembangunan jalan tol ini cepat selesai, macetnya sudah parah sekali."),
        ("clean1", "Siti Rahmawati", "Harga cabai di pasar Kramat naik lagi minggu ini, kasihan pedagang kecil."),
        ("clean2", "Bayu Pratama", "Timnas main bagus tadi malam, pertahanan jauh lebih rapi dari biasanya."),
        ("clean3", "Dewi Lestari", "Terima kasih infonya, jadwal KRL yang baru memang lebih masuk akal."),
        ("clean4", "Fajar Nugroho", "Banjir di Kemang sudah surut belum? Kemarin sore airnya setinggi lutut."),
        ("clean5", "Rina Wulandari", "Pemerintah daerah harus lebih tegas soal sampah di sungai Ciliwung."),
        ("clean6", "Hendra Wijaya", "Artikel yang bagus, penjelasan soal inflasi mudah dipahami orang awam."),
        ("clean7", "Maya Sari", "Saya setuju sekolah negeri perlu tambahan guru honorer yang digaji layak."),
        ("clean8", "Agus Setiawan", "Kapan pendaftaran beasiswa tahap dua dibuka? Mohon infonya."),
        ("clean9", "Rudi Hartono", "Pelayanan puskesmas di kecamatan kami sekarang jauh lebih cepat."),
    ]

    /// - Parameter atRest: close the database as a stopped server leaves it (checkpointed, no WAL).
    static func make(atRest: Bool = false) async throws -> TuningFixture {
        let folder = try CLI.temporaryFolder()
        let inForce = folder.appendingPathComponent("in-force")
        let candidate = folder.appendingPathComponent("candidate")
        try CLI.write(["rules.yaml": inForceRules], to: inForce)
        try CLI.write(["rules.yaml": candidateRules], to: candidate)
        let dbPath = folder.appendingPathComponent("site.sqlite").path
        let clock = Mutex(Date().addingTimeInterval(-2 * 86_400))
        var store: SaringStore? = try SaringStore(path: dbPath, now: {
            clock.withLock { now in
                now.addTimeInterval(1)
                return now
            }
        })
        try store!.migrate()
        let source = PolicySource(files: [.init(name: "rules.yaml", text: inForceRules)])
        let policy = try PolicyCompiler.compile(source).get()
        try await store!.recordPolicyVersion(source, policy)

        var ids: [String: Int64] = [:]
        var bodies: [String: String] = [:]
        func post(_ key: String, _ author: String, _ body: String, article: String = "berita-1") async throws {
            let draft = CommentDraft(articleId: article, authorName: author, authorEmail: nil, body: body, parentId: nil)
            ids[key] = try await store!.submit(draft, verdict: policy.judge(draft)).id
            bodies[key] = body
        }
        for (key, author, body) in clean { try await post(key, author, body, article: "berita-\(key.last!)") }
        try await post("slot0", "Sultan Slot", "Slot gacor malam ini pasti maxwin, daftar lewat link di profil.")
        try await post("slot1", "Ratu Jackpot", "Info s l o t g4c0r hari ini, dijamin jackpot.")
        try await post("kasar0", "Wahyu Hidayat", "Dasar koruptor bangsat, uang rakyat dimakan sendiri!")
        try await post("kasar1", "Eko Purnomo", "Pemain belakang itu bangsat, bikin gol bunuh diri lagi.")
        try await post("depo0", "Joko Susilo", "Mau cuan cepat? Situs kami terima deposit pulsa tanpa potongan, langsung main.")
        try await post("depo1", "Lina Marlina", "Bosan kerja kantoran, coba deposit pulsa mulai lima ribu di link bio.")
        try await post("depo2", "Tono Prasetyo", "Admin ramah 24 jam, deposit pulsa Telkomsel dan XL diproses kilat.")
        try await post("depo3", "Yanto Kurniawan", "Cuma modal deposit pulsa, menang jutaan tiap malam, buktikan sendiri.")
        let desk = ModerationDesk(store: store!, moderator: "ana")
        // Banned before this comment: rejected on arrival, under any policy.
        try await desk.ban(AuthorIdentity(name: "Rudi Hartono", email: nil), reason: "spam")
        try await post("depoBanned", "Rudi Hartono", "Gabung sekarang, deposit pulsa bonus seratus persen untuk member baru.")
        try await post("promo0", "Toko Berkah", "Ada promo gratis ongkir di toko kami, cek akun kami ya kak.")
        try await post("promo1", "Kuota Murah", "Promo gratis kuota internet buat seratus pembeli pertama, buruan klik.")
        try await post("promo2", "Voucher Hemat", "Dapatkan promo gratis voucher belanja, isi data diri di formulir.")
        try await post("promo3", "Langganan Kilat", "Promo gratis langganan tiga bulan, cukup kirim nomor KTP.")
        try await post("promo4", "Saldo Cepat", "Klaim promo gratis saldo dompet digital sebelum kehabisan.")
        try await post("promo5", "Nina Kartika", "Warung kopi dekat kantor sedang promo gratis satu gelas untuk pelajar, lumayan.")

        for key in ["kasar0", "depo0", "depo1", "depo2", "depo3", "promo0", "promo1", "promo2", "promo3", "promo4"] {
            try await desk.decide(ids[key]!, .reject)
        }
        for key in ["kasar1", "promo5"] { try await desk.decide(ids[key]!, .approve) }
        // Banned after their comment: replay judges it with the standing it had then (normal).
        try await desk.ban(AuthorIdentity(name: "Yanto Kurniawan", email: nil), reason: "spam")
        if atRest { store = nil }
        return TuningFixture(
            folder: folder, dbPath: dbPath, inForce: inForce, candidate: candidate, store: store, policy: policy, ids: ids,
            bodies: bodies)
    }

    /// Scalar offsets of `phrase` in the fixture's comment `key`.
    func span(_ key: String, _ phrase: String) -> [Int] {
        let body = bodies[key]!
        let range = body.range(of: phrase, options: .caseInsensitive)!
        let start = body.unicodeScalars.distance(from: body.unicodeScalars.startIndex, to: range.lowerBound)
        return [start, start + phrase.unicodeScalars.count]
    }

    func files() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("site.sqlite") {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }
}
