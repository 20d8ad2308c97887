import Hummingbird
import Logging
import SaringStore

/// Gives every failure the API's JSON error shape: unknown routes, framework errors, and anything
/// unexpected (logged, answered 500 without details). Busy storage answers 503 so clients retry;
/// nothing was acknowledged, so nothing is lost.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: SaringMetrics
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            if let limit = error.limit { metrics.rateLimited(limit) }
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            return try translate(error, request).response(from: request, context: context)
        } catch StoreError.busy {
            metrics.storageBusy()
            context.logger.warning("database busy", metadata: ["path": "\(request.uri.path)"])
            return try APIError(.serviceUnavailable, "storage_busy", "the database is busy; retry shortly", retryAfter: 1)
                .response(from: request, context: context)
        } catch {
            // The error's kind only: a database error's description holds SQL and can hold
            // comment text, which do not belong in logs at the default level.
            context.logger.error("request failed: \(type(of: error))", metadata: ["path": "\(request.uri.path)"])
            context.logger.debug("request failed: \(String(reflecting: error))", metadata: ["path": "\(request.uri.path)"])
            return try APIError(.internalServerError, "internal_error", "the server failed to handle this request")
                .response(from: request, context: context)
        }
    }

    private func translate(_ error: HTTPError, _ request: Request) -> APIError {
        switch error.status {
        case .notFound:
            if case let methods = routes.methods(for: request.uri.path), !methods.isEmpty {
                APIError(
                    .methodNotAllowed, "method_not_allowed", "\(request.uri.path) takes \(methods.joined(separator: ", ")), not \(request.method)",
                    allow: methods.joined(separator: ", "))
            } else {
                APIError(.notFound, "not_found", "no route for \(request.method) \(request.uri.path)")
            }
        case .contentTooLarge:
            APIError(.contentTooLarge, "body_too_large", "request body is too large")
        default:
            APIError(error.status, "http_error", error.body ?? error.status.reasonPhrase)
        }
    }
}
