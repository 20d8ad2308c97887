// Rate-limit buckets in PostgreSQL: two stores on one database (two nodes) take from the same
// buckets, all or nothing, and never both take a bucket's last token.
import Foundation
import SaringCore
import SaringPostgres
import SaringStore
import SaringTestSupport
import Synchronization
import Testing

@Suite("Rate limits shared by the nodes on one PostgreSQL database")
struct SharedRateLimitTests {
    static let rule = BucketRule(burst: 3, perMinute: 6)

    static func withTwoNodes(_ body: (PostgresStore, PostgresStore) async throws -> Void) async throws {
        try await PostgresScratch.withDatabaseAddress { address in
            let one = PostgresStore(address: address)
            let two = PostgresStore(address: address)
            do {
                try await one.migrate()
                try await body(one, two)
            } catch {
                await one.close()
                await two.close()
                throw error
            }
            await one.close()
            await two.close()
        }
    }

    @Test func aBucketEmptiedOnOneNodeIsEmptyOnTheOtherAndRefillsWithTime() async throws {
        try await Self.withTwoNodes { (one: PostgresStore, two: PostgresStore) async throws in
            let millis: Int64 = 1_780_000_000_000
            let bucket = [RateBucket(key: "author:name:pembaca", rule: Self.rule, limit: "author")]
            #expect(try await one.take(bucket, at: millis) == .allowed)
            #expect(try await two.take(bucket, at: millis) == .allowed)
            #expect(try await one.take(bucket, at: millis) == .allowed)
            #expect(try await two.take(bucket, at: millis) == .limited(limit: "author", retryAfterMillis: 10_000))
            #expect(try await one.take(bucket, at: millis + 4_000) == .limited(limit: "author", retryAfterMillis: 6_000))
            #expect(try await two.take(bucket, at: millis + 10_000) == .allowed)
            #expect(try await one.take(bucket, at: millis + 10_000) == .limited(limit: "author", retryAfterMillis: 10_000))
            // Another key is another bucket.
            #expect(try await one.take([RateBucket(key: "author:name:lain", rule: Self.rule, limit: "author")], at: millis) == .allowed)
        }
    }

    @Test func aTakeRefusedByOneBucketTakesFromNone() async throws {
        try await Self.withTwoNodes { (one: PostgresStore, two: PostgresStore) async throws in
            let millis: Int64 = 1_780_000_000_000
            let client = RateBucket(key: "client:abc", rule: Self.rule, limit: "client")
            let author = RateBucket(key: "author:name:dewi", rule: BucketRule(burst: 1, perMinute: 1), limit: "author")
            #expect(try await one.take([client, author], at: millis) == .allowed)
            for _ in 0..<3 {
                #expect(try await two.take([client, author], at: millis) == .limited(limit: "author", retryAfterMillis: 60_000))
            }
            // The client's bucket lost only the one token the allowed take took.
            #expect(try await one.take([client], at: millis) == .allowed)
            #expect(try await two.take([client], at: millis) == .allowed)
            #expect(try await one.take([client], at: millis) == .limited(limit: "client", retryAfterMillis: 10_000))
        }
    }

    @Test func nodesTakingAtOnceNeverTakeMoreThanTheBucketHolds() async throws {
        try await Self.withTwoNodes { (one: PostgresStore, two: PostgresStore) async throws in
            let millis: Int64 = 1_780_000_000_000
            let rule = BucketRule(burst: 10, perMinute: 0.001)
            let buckets = [
                RateBucket(key: "client:serbu", rule: rule, limit: "client"),
                RateBucket(key: "article:berita-ramai", rule: BucketRule(burst: 100, perMinute: 100), limit: "article"),
            ]
            let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<30 {
                    let node = n.isMultiple(of: 2) ? one : two
                    group.addTask { try await node.take(buckets, at: millis) == .allowed }
                }
                var count = 0
                for try await ok in group where ok { count += 1 }
                return count
            }
            #expect(allowed == 10)
        }
    }
}
