import Hummingbird
import Synchronization

/// The router's routes by path pattern, so a request for a known path with a method it does not
/// take is answered 405 with `Allow` (not 404, which says the path does not exist). Filled once,
/// after the routes are added; read only on requests that matched no route.
final class RouteTable: Sendable {
    private let routes = Mutex<[(segments: [Substring], method: String)]>([])

    func fill(_ descriptions: [Router<SaringRequestContext>.RouteDescription]) {
        let table = descriptions.map { (segments: Self.segments("\($0.path)"), method: $0.method.rawValue) }
        routes.withLock { $0 = table }
    }

    /// The methods routes of this path take (sorted), or none when no route has the path.
    func methods(for path: String) -> [String] {
        let wanted = Self.segments(path)
        let methods = routes.withLock { routes in
            routes.filter { route in
                route.segments.count == wanted.count
                    && zip(route.segments, wanted).allSatisfy { pattern, segment in
                        (pattern.hasPrefix("{") && pattern.hasSuffix("}") && !segment.isEmpty) || pattern == segment
                    }
            }.map(\.method)
        }
        return Set(methods).sorted()
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
