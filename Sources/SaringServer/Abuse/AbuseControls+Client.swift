import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}

extension AbuseControls {
    /// The keyed hash of the request's client (see ``ClientResolver``).
    ///
    /// - Parameter trustingPeer: the peer is trusted like a proxy (the site's backend, by its key).
    func clientHash(_ request: Request, _ context: some RemoteAddressRequestContext, trustingPeer: Bool = false) -> String {
        resolver.hash(
            resolver.address(peer: context.peerAddress, forwardedFor: request.headers[values: .xForwardedFor], trustingPeer: trustingPeer))
    }
}
