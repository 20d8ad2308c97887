import Foundation
import GRDB
import SaringCore

/// A policy version as the history keeps it.
public struct PolicyVersionRecord: Sendable, Equatable {
    public var id: Int64
    /// The content hash (what a policy decision's `decidedBy` holds).
    public var version: String
    public var files: [PolicySource.File]
    public var rules: [RuleSummary]
    /// When the server last loaded it.
    public var loadedAt: Date
    /// The first and last time it judged a comment, as the server flushed them (nil: not yet).
    public var firstUsedAt: Date?
    public var lastUsedAt: Date?

    public init(
        id: Int64, version: String, files: [PolicySource.File], rules: [RuleSummary], loadedAt: Date, firstUsedAt: Date?, lastUsedAt: Date?
    ) {
        self.id = id
        self.version = version
        self.files = files
        self.rules = rules
        self.loadedAt = loadedAt
        self.firstUsedAt = firstUsedAt
        self.lastUsedAt = lastUsedAt
    }
}

/// One rule's cost as measured in the server, to add to the day's aggregate.
public struct RuleTimingSample: Sendable, Equatable {
    public var ruleId: String
    public var runs: Int
    public var matches: Int
    public var nanos: Int64

    public init(ruleId: String, runs: Int, matches: Int, nanos: Int64) {
        self.ruleId = ruleId
        self.runs = runs
        self.matches = matches
        self.nanos = nanos
    }
}

/// The policy history as the server writes it and the CLI reads it, on SQLite and PostgreSQL alike.
public protocol PolicyHistoryStore: Sendable {
    /// Records a version the server loads; decisions written afterwards with it name its row.
    @discardableResult
    func recordPolicyVersion(_ source: PolicySource, _ policy: Policy) async throws -> Int64
    /// Adds when versions judged and what their rules cost since the last flush.
    func recordPolicyUse(uses: [String: ClosedRange<Int64>], timings: [String: [RuleTimingSample]], at date: Date) async throws
    /// A version by hash, unique prefix (4+ characters) or `#id`.
    func policyVersion(_ name: String) async throws -> PolicyVersionRecord?
    /// Every version, newest load first, without their files.
    func policyVersions() async throws -> [PolicyVersionRecord]
}

extension SaringStore: PolicyHistoryStore {}

/// How both stores write and look up a version: its files and rules as the JSON the history
/// keeps, and a version named by a prefix.
public enum PolicyHistoryText {
    /// `[{"name", "text"}, …]` and the rule summaries, as stored.
    public static func columns(_ source: PolicySource, _ policy: Policy) throws -> (files: String, rules: String) {
        (try SaringJSON.text(source.files.map { ["name": $0.name, "text": $0.text] }), try SaringJSON.text(policy.ruleSummaries))
    }

    /// A prefix for `LIKE … ESCAPE '\'`: the name's own `\`, `%` and `_` taken literally.
    public static func likePrefix(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }

    /// Which of the versions found for `name` it names: the exact one, else the only one (a
    /// prefix of 4 characters or more, or `#id`).
    ///
    /// - Throws: ``StoreError/ambiguousVersion(_:matches:)`` when a prefix names several.
    public static func pick(_ name: String, among records: [PolicyVersionRecord]) throws -> PolicyVersionRecord? {
        if let exact = records.first(where: { $0.version == name }) { return exact }
        guard records.count <= 1 else { throw StoreError.ambiguousVersion(name, matches: records.map(\.version)) }
        guard let record = records.first, name.hasPrefix("#") || name.count >= 4 else { return nil }
        return record
    }
}

extension SaringStore {
    /// Records a policy version the server loads (once per load, not per comment): its files and
    /// rules, and its load time. Decisions written afterwards with this version name its row.
    ///
    /// - Returns: the version's row id.
    @discardableResult
    public func recordPolicyVersion(_ source: PolicySource, _ policy: Policy) async throws -> Int64 {
        let millis = Timestamp.millis(now())
        let (filesJSON, rulesJSON) = try PolicyHistoryText.columns(source, policy)
        let version = policy.version
        let id = try await write { db in
            try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO policy_versions (version, files, rules, loaded_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(version) DO UPDATE SET loaded_at = excluded.loaded_at
                    RETURNING id
                    """,
                arguments: [version, filesJSON, rulesJSON, millis])!
        }
        policyVersionIds.withLock { $0[version] = id }
        return id
    }

    /// The row of a version recorded by this process, for a new decision; nil for other deciders.
    func policyVersionId(_ version: String) -> Int64? {
        policyVersionIds.withLock { $0[version] }
    }

    /// Adds what the server measured since its last flush: when each version judged comments, and
    /// what its rules cost (summed into the UTC day's row). One transaction, off the submit path;
    /// versions never recorded (a built-in decider) are skipped.
    ///
    /// - Parameters:
    ///   - uses: per version hash, the first and last judging time (milliseconds) in this period.
    ///   - timings: per version hash, the rules' costs.
    public func recordPolicyUse(
        uses: [String: ClosedRange<Int64>], timings: [String: [RuleTimingSample]], at date: Date
    ) async throws {
        guard !uses.isEmpty || !timings.isEmpty else { return }
        let day = Timestamp.millis(date) / 86_400_000
        try await write { db in
            for (version, range) in uses {
                try db.execute(
                    sql: """
                        UPDATE policy_versions SET first_used_at = min(coalesce(first_used_at, ?), ?),
                            last_used_at = max(coalesce(last_used_at, ?), ?) WHERE version = ?
                        """,
                    arguments: [range.lowerBound, range.lowerBound, range.upperBound, range.upperBound, version])
            }
            for (version, samples) in timings {
                for sample in samples where sample.runs > 0 {
                    try db.execute(
                        sql: """
                            INSERT INTO rule_timings (day, rule_id, version_id, runs, matches, nanos)
                            SELECT ?, ?, id, ?, ?, ? FROM policy_versions WHERE version = ?
                            ON CONFLICT(day, rule_id, version_id) DO UPDATE SET runs = runs + excluded.runs,
                                matches = matches + excluded.matches, nanos = nanos + excluded.nanos
                            """,
                        arguments: [day, sample.ruleId, sample.runs, sample.matches, sample.nanos, version])
                }
            }
        }
    }

    /// A version by its content hash or a unique prefix of it (at least 4 characters), or by its
    /// row id written `#N`.
    ///
    /// - Throws: ``StoreError/ambiguousVersion(_:matches:)`` when a prefix names several.
    public func policyVersion(_ name: String) async throws -> PolicyVersionRecord? {
        try await read { db in
            let rows: [Row]
            if name.hasPrefix("#"), let id = Int64(name.dropFirst()) {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM policy_versions WHERE id = ?", arguments: [id])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM policy_versions WHERE version = ? OR version LIKE ? ESCAPE '\\' ORDER BY id LIMIT 5",
                    arguments: [name, PolicyHistoryText.likePrefix(name)])
            }
            return try PolicyHistoryText.pick(name, among: rows.map(Self.policyVersion(from:)))
        }
    }

    /// Every recorded version, newest load first, without their files.
    public func policyVersions() async throws -> [PolicyVersionRecord] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, version, '[]' AS files, rules, loaded_at, first_used_at, last_used_at FROM policy_versions ORDER BY loaded_at DESC, id DESC"
            ).map(Self.policyVersion(from:))
        }
    }

    /// The version loaded last (the one in force if the server runs), without its files, or nil.
    public func latestPolicyVersion() async throws -> PolicyVersionRecord? {
        try await read { db in try Self.latestPolicyVersion(db) }
    }

    static func latestPolicyVersion(_ db: Database) throws -> PolicyVersionRecord? {
        try Row.fetchOne(db, sql: HotQueries.latestPolicyVersion).map(policyVersion(from:))
    }

    /// The version of a policy decision, if it was recorded.
    public func policyVersion(ofDecision id: Int64) async throws -> PolicyVersionRecord? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT p.* FROM decisions d JOIN policy_versions p ON p.id = d.policy_version_id WHERE d.id = ?",
                arguments: [id]
            ).map(Self.policyVersion(from:))
        }
    }

    static func policyVersion(from row: Row) throws -> PolicyVersionRecord {
        let decoder = JSONDecoder()
        let files = try decoder.decode([[String: String]].self, from: Data((row["files"] as String).utf8)).map {
            PolicySource.File(name: $0["name"] ?? "", text: $0["text"] ?? "")
        }
        let firstUsed: Int64? = row["first_used_at"]
        let lastUsed: Int64? = row["last_used_at"]
        return PolicyVersionRecord(
            id: row["id"], version: row["version"], files: files,
            rules: try decoder.decode([RuleSummary].self, from: Data((row["rules"] as String).utf8)),
            loadedAt: Timestamp.date(row["loaded_at"]), firstUsedAt: firstUsed.map(Timestamp.date),
            lastUsedAt: lastUsed.map(Timestamp.date))
    }
}
