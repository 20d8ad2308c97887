import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring.PolicyCommand {
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the policy versions the server loaded, newest first, with when each judged.")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print one JSON object per version (version, id, rules, loadedAt, firstUsedAt, lastUsedAt).")
        var json = false

        func run() async throws {
            try await database.withSiteStore { try await list($0) }
        }

        private func list(_ store: any PolicyHistoryStore) async throws {
            for record in try await store.policyVersions() {
                if json {
                    print(try PolicyVersionJSON(record).jsonLine())
                    continue
                }
                let judged = record.firstUsedAt.map { "judged \(TimeText.utc($0)) – \(TimeText.utc(record.lastUsedAt ?? $0))" } ?? "not used yet"
                print(TerminalText.neutralized("\(record.version)  #\(record.id)  loaded \(TimeText.utc(record.loadedAt))  \(Plural.count(record.rules.count, "rule"))  \(judged)"))
            }
        }
    }
}

/// One line of `saring policy history --json`.
struct PolicyVersionJSON: Encodable {
    let version: String
    let id: Int64
    let rules: Int
    let loadedAt: String
    let firstUsedAt: String?
    let lastUsedAt: String?

    init(_ record: PolicyVersionRecord) {
        version = record.version
        id = record.id
        rules = record.rules.count
        loadedAt = ISOTimestamp.string(millis: Int64((record.loadedAt.timeIntervalSince1970 * 1000).rounded()))
        firstUsedAt = record.firstUsedAt.map { ISOTimestamp.string(millis: Int64(($0.timeIntervalSince1970 * 1000).rounded())) }
        lastUsedAt = record.lastUsedAt.map { ISOTimestamp.string(millis: Int64(($0.timeIntervalSince1970 * 1000).rounded())) }
    }
}
