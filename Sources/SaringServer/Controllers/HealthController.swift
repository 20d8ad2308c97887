import Hummingbird
import SaringCore
import SaringStore

/// Liveness (`/healthz`: the process answers and its database can be read) and readiness
/// (`/readyz`: the database answers a query and a policy is in force, so comments can be judged
/// and stored), for load balancers and orchestrators.
struct HealthController<Context: RequestContext> {
    let store: any CommentStore
    let judge: any CommentJudge

    func addRoutes(to router: Router<Context>) {
        router.get("healthz") { _, _ in
            guard await store.isReachable() else {
                throw APIError(.serviceUnavailable, "storage_unavailable", "the database cannot be read")
            }
            return JSONResponse.make(.ok, ["status": "ok"])
        }
        router.get("readyz") { _, _ in
            guard await store.isReachable() else {
                return JSONResponse.make(
                    .serviceUnavailable, ReadyResponse(status: "unavailable", reason: "storage_unavailable", policyVersion: judge.versionInForce))
            }
            guard let version = judge.versionInForce else {
                return JSONResponse.make(.serviceUnavailable, ReadyResponse(status: "unavailable", reason: "no_policy", policyVersion: nil))
            }
            return JSONResponse.make(.ok, ReadyResponse(status: "ready", reason: nil, policyVersion: version))
        }
    }

    struct ReadyResponse: Encodable {
        let status: String
        let reason: String?
        let policyVersion: String?
    }
}
