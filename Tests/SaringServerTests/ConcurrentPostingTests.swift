import Foundation
import SaringCore
import SaringTestSupport
import Testing

@Suite("Concurrent posting")
struct ConcurrentPostingTests {
    /// 8 clients post 500 comments each at once: every 201 is stored, ids are unique, nothing else is.
    @Test func everyAcknowledgedCommentIsStoredOnce() async throws {
        try await LiveServer.run { server in
            let acknowledged = try await withThrowingTaskGroup(of: [(Int, String)].self) { group in
                for client in 0..<8 {
                    group.addTask {
                        var mine: [(Int, String)] = []
                        for n in 0..<500 {
                            let body = "klien \(client) komentar \(n)"
                            let reply = try await server.client.json(
                                "POST", "/v1/articles/ramai-\(client % 3)/comments",
                                ["author": ["name": "Pembaca \(client)"], "body": body])
                            if reply.status == 201, let id = try reply.json()["id"] as? Int { mine.append((id, body)) }
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: [(Int, String)]()) { $0 += $1 }
            }
            #expect(acknowledged.count == 4_000)
            #expect(Set(acknowledged.map(\.0)).count == acknowledged.count)
            #expect(try await server.store.commentCounts() == [.published: 4_000])
            for (id, body) in acknowledged.shuffled().prefix(200) {
                #expect(try await server.store.comment(id: Int64(id))?.body == body)
            }
        }
    }
}
