import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: gives every request its id (a sane incoming `X-Request-Id`, else
/// Hummingbird's own), which every log line of the request carries and the answer repeats, and
/// records the request's route, status and latency.
///
/// Cheap on the hot paths: one clock read at each end, the route label is Hummingbird's matched
/// route pattern as it is (no string built per request), the access line is at debug level and
/// its metadata built only when that level is on.
struct RequestObservation<Context: RequestContext>: RouterMiddleware {
    let metrics: SaringMetrics

    static var header: HTTPField.Name { .xRequestId }
    /// Hummingbird's key of the request id in a request's logger metadata.
    static var metadataKey: String { "hb.request.id" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        let id: String
        if let incoming = request.headers[Self.header], Self.isSane(incoming) {
            id = incoming
            context.logger[metadataKey: Self.metadataKey] = .string(incoming)
        } else {
            id = context.logger[metadataKey: Self.metadataKey]?.description ?? ""
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            finish(request, context, status: 500, start: start)
            throw error
        }
        response.headers[Self.header] = id
        finish(request, context, status: response.status.code, start: start)
        return response
    }

    private func finish(_ request: Request, _ context: Context, status: Int, start: ContinuousClock.Instant) {
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? SaringMetrics.unmatchedRoute
        metrics.request(route: route, method: request.method, status: status, duration: duration)
        context.logger.debug(
            "request",
            metadata: [
                "method": "\(request.method)", "route": "\(route)", "status": "\(status)",
                "duration_ms": "\(Double(duration.nanoseconds) / 1_000_000)",
            ])
    }

    /// 1–128 characters of letters, digits and `-_.:` — what request ids of proxies and load
    /// balancers look like (UUIDs, hex, ULIDs); anything else is replaced, so a log line or a
    /// header can never carry what a client smuggled into it.
    static func isSane(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...128).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
                true
            default: false
            }
        }
    }
}

extension HTTPField.Name {
    static let xRequestId = HTTPField.Name("X-Request-Id")!
}
