import Foundation
import SaringCore

/// Who is on the other end of a request, as limits and bans see them: the socket peer, or — only
/// when the peer is a trusted proxy — the rightmost `X-Forwarded-For` address that is not one.
/// The result is a keyed hash: raw addresses are personal data (UU PDP) and are never stored.
public struct ClientResolver: Sendable {
    let trustedProxies: [AddressRange]
    let key: [UInt8]

    public init(trustedProxies: [AddressRange], key: [UInt8]) {
        self.trustedProxies = trustedProxies
        self.key = key
    }

    /// The client's address: `peer` unless it is a trusted proxy, then the forwarded chain read
    /// from the right, skipping trusted proxies. A chain that holds no untrusted address (or
    /// garbage where the client should be) leaves the last trusted hop as the client.
    public func address(peer: IPAddress?, forwardedFor: [String], trustingPeer: Bool = false) -> IPAddress? {
        guard let peer, trustingPeer || isTrusted(peer) else { return peer }
        var client = peer
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard let address = IPAddress(hop) else { break }
            client = address
            if !isTrusted(address) { break }
        }
        return client
    }

    /// The keyed hash of a client address (its /64 for IPv6), or `unknown` without one.
    public func hash(_ address: IPAddress?) -> String {
        guard let address else { return "unknown" }
        return String(Digests.hmacHex(address.subscriber.description, key: key).prefix(32))
    }

    func isTrusted(_ address: IPAddress) -> Bool { trustedProxies.contains { $0.contains(address) } }
}
