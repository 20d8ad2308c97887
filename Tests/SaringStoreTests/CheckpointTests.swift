import Foundation
import GRDB
import SaringCore
import Testing

@testable import SaringStore

/// `saring serve` checkpoints the WAL from a connection of its own, not on the committing path.
@Suite("Background WAL checkpoints")
struct CheckpointTests {
    @Test func theCommittingConnectionLeavesCheckpointsToTheCheckpointer() async throws {
        let store = try SaringStore(path: MigrationTests.temporaryDatabase(), backgroundCheckpoints: true)
        try store.migrate()
        let autocheckpoint = try await store.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(autocheckpoint == 10_000)
        let topics = ["harga beras", "jalan rusak", "banjir", "tarif listrik", "antrean SPBU", "biaya sekolah", "macet", "sampah"]
        let views = ["makin mahal", "belum diperbaiki", "datang lagi", "naik terus", "panjang sekali", "memberatkan", "parah", "menumpuk"]
        for n in 0..<200 {
            let body = "\(topics[n % 8]) di kampung kami \(views[(n / 8) % 8]) sejak \(n / 64 + 1) bulan"
            let draft = CommentDraft(articleId: "a\(n % 7)", authorName: "Pembaca \(n)", authorEmail: nil, body: body, parentId: nil)
            _ = try await store.submit(draft, verdict: Verdict(status: .published, publishedBody: draft.body, policyVersion: "v"))
        }
        let result = try await store.checkpoint()
        #expect(result.walFrames > 0)
        #expect(result.checkpointed == result.walFrames)
        #expect(try await store.commentCounts()[.published] == 200)
    }

    @Test func withoutBackgroundCheckpointsSQLiteDefaultsStand() async throws {
        let store = try SaringStore(path: MigrationTests.temporaryDatabase())
        try store.migrate()
        let autocheckpoint = try await store.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(autocheckpoint == 1_000)
        #expect(try await store.checkpoint() == (0, 0))
    }
}
