import Foundation
import Hummingbird
import SaringCore

/// `GET /v1/policy` (moderator or admin token): the policy version in force, its rules, when it
/// loaded and the last reload the server refused, so a moderator can tell which rules judge now.
struct PolicyController<Context: RemoteAddressRequestContext> {
    let judge: any CommentJudge
    let authenticator: Authenticator

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("policy", use: show)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        _ = try await authenticator.moderator(request, context)
        guard let holder = judge as? PolicyHolder else {
            // A built-in decider (tests, no policy folder): no rules, nothing loaded.
            let version = judge.judge(CommentDraft(articleId: "x", authorName: "x", authorEmail: nil, body: "x", parentId: nil)).policyVersion
            return JSONResponse.make(.ok, PolicyResponse(version: version, loadedAt: nil, rules: [], lastRefusedReload: nil))
        }
        let policy = holder.current
        return JSONResponse.make(
            .ok,
            PolicyResponse(
                version: policy.version, loadedAt: JSONResponse.timestamp(holder.loadedAt), rules: policy.ruleSummaries,
                lastRefusedReload: holder.lastRefused.map {
                    RefusedReloadJSON(version: $0.version, at: JSONResponse.timestamp($0.at), problems: $0.problems)
                }))
    }
}

/// The answer of `GET /v1/policy`.
struct PolicyResponse: Encodable {
    let version: String
    let loadedAt: String?
    let rules: [RuleSummary]
    let lastRefusedReload: RefusedReloadJSON?

    enum CodingKeys: String, CodingKey {
        case version, loadedAt, rules, lastRefusedReload
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        // Written as null rather than left out: a client can tell "none" from "not sent".
        try container.encode(loadedAt, forKey: .loadedAt)
        try container.encode(rules, forKey: .rules)
        try container.encode(lastRefusedReload, forKey: .lastRefusedReload)
    }
}

struct RefusedReloadJSON: Encodable {
    /// nil when the folder could not be read at all.
    let version: String?
    let at: String
    let problems: [String]
}
