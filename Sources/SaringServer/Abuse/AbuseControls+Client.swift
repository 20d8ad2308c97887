import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}

extension AbuseControls {
    /// The keyed hash of the request's client (see ``ClientResolver``).
    func clientHash(_ request: Request, _ context: some RemoteAddressRequestContext) -> String {
        resolver.hash(resolver.address(peer: context.peerAddress, forwardedFor: request.headers[values: .xForwardedFor]))
    }
}
