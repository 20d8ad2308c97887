import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore

// The policy history on PostgreSQL, as SaringStore+PolicyVersions keeps it on SQLite: each node
// records the versions it loads (the same folder gives the same row on every node) and adds when
// they judged and what their rules cost.
extension PostgresStore: PolicyHistoryStore {
    @discardableResult
    public func recordPolicyVersion(_ source: PolicySource, _ policy: Policy) async throws -> Int64 {
        let millis = Timestamp.millis(now())
        let (files, rules) = try PolicyHistoryText.columns(source, policy)
        let version = policy.version
        let query: PostgresQuery = """
            INSERT INTO policy_versions (version, files, rules, loaded_at) VALUES (\(version), \(files)::JSONB, \(rules)::JSONB, \(millis))
            ON CONFLICT (version) DO UPDATE SET loaded_at = GREATEST(policy_versions.loaded_at, excluded.loaded_at)
            RETURNING id
            """
        let id = try await bounded { try await Self.first(self.client.query(query, logger: self.logger), as: Int64.self)! }
        policyVersionIds.withLock { $0[version] = id }
        return id
    }

    public func recordPolicyUse(uses: [String: ClosedRange<Int64>], timings: [String: [RuleTimingSample]], at date: Date) async throws {
        guard !uses.isEmpty || !timings.isEmpty else { return }
        let day = Int32(Timestamp.millis(date) / 86_400_000)
        let logger = logger
        try await transaction { db in
            for (version, range) in uses.sorted(by: { $0.key < $1.key }) {
                try await db.query(
                    """
                    UPDATE policy_versions SET first_used_at = LEAST(coalesce(first_used_at, \(range.lowerBound)), \(range.lowerBound)),
                        last_used_at = GREATEST(coalesce(last_used_at, \(range.upperBound)), \(range.upperBound)) WHERE version = \(version)
                    """, logger: logger)
            }
            for (version, samples) in timings.sorted(by: { $0.key < $1.key }) {
                for sample in samples where sample.runs > 0 {
                    try await db.query(
                        """
                        INSERT INTO rule_timings (day, rule_id, version_id, runs, matches, nanos)
                        SELECT \(day), \(sample.ruleId), id, \(Int64(sample.runs)), \(Int64(sample.matches)), \(sample.nanos)
                        FROM policy_versions WHERE version = \(version)
                        ON CONFLICT (day, rule_id, version_id) DO UPDATE SET runs = rule_timings.runs + excluded.runs,
                            matches = rule_timings.matches + excluded.matches, nanos = rule_timings.nanos + excluded.nanos
                        """, logger: logger)
                }
            }
        }
    }

    public func policyVersion(_ name: String) async throws -> PolicyVersionRecord? {
        let query: PostgresQuery
        if name.hasPrefix("#"), let id = Int64(name.dropFirst()) {
            query = "SELECT \(unescaped: Self.versionColumns) FROM policy_versions WHERE id = \(id)"
        } else {
            query = """
                SELECT \(unescaped: Self.versionColumns) FROM policy_versions
                WHERE version = \(name) OR version LIKE \(PolicyHistoryText.likePrefix(name)) ORDER BY id LIMIT 5
                """
        }
        return try PolicyHistoryText.pick(name, among: try await bounded { try await self.versions(query) })
    }

    public func policyVersions() async throws -> [PolicyVersionRecord] {
        try await bounded {
            try await self.versions(
                "SELECT id, version, '[]'::TEXT, rules::TEXT, loaded_at, first_used_at, last_used_at FROM policy_versions ORDER BY loaded_at DESC, id DESC"
            )
        }
    }

    private static let versionColumns = "id, version, files::TEXT, rules::TEXT, loaded_at, first_used_at, last_used_at"

    private func versions(_ query: PostgresQuery) async throws -> [PolicyVersionRecord] {
        let decoder = JSONDecoder()
        var records: [PolicyVersionRecord] = []
        let rows = try await client.query(query, logger: logger)
        for try await (id, version, files, rules, loaded, first, last) in rows.decode(
            (Int64, String, String, String, Int64, Int64?, Int64?).self)
        {
            records.append(
                PolicyVersionRecord(
                    id: id, version: version,
                    files: try decoder.decode([[String: String]].self, from: Data(files.utf8)).map {
                        PolicySource.File(name: $0["name"] ?? "", text: $0["text"] ?? "")
                    },
                    rules: try decoder.decode([RuleSummary].self, from: Data(rules.utf8)), loadedAt: Timestamp.date(loaded),
                    firstUsedAt: first.map(Timestamp.date), lastUsedAt: last.map(Timestamp.date)))
        }
        return records
    }
}
