import Hummingbird
import NIOCore

/// Saring's request context: Hummingbird's core storage plus the socket peer, which limits and
/// bans need (through ``ClientResolver``).
public struct SaringRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

extension RemoteAddressRequestContext {
    /// The peer as an ``IPAddress`` (nil for a Unix socket).
    var peerAddress: IPAddress? { remoteAddress?.ipAddress.flatMap { IPAddress($0) } }
}
