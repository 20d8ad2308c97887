import NIOConcurrencyHelpers
import NIOCore
import Synchronization

/// Caps open connections per client address (a trusted proxy's connections are not counted: they
/// carry many clients). Per process.
final class ConnectionLimiter: Sendable {
    let maxPerClient: Int
    let trustedProxies: [AddressRange]
    private let open = Mutex<[IPAddress: Int]>([:])

    init(maxPerClient: Int, trustedProxies: [AddressRange]) {
        self.maxPerClient = maxPerClient
        self.trustedProxies = trustedProxies
    }

    /// Counts the channel in, or returns false when its client has too many open already.
    func open(_ channel: any Channel) -> Bool {
        guard let text = channel.remoteAddress?.ipAddress, let address = IPAddress(text)?.subscriber,
            !trustedProxies.contains(where: { $0.contains(address) })
        else { return true }
        let admitted = open.withLock { counts in
            guard counts[address, default: 0] < maxPerClient else { return false }
            counts[address, default: 0] += 1
            return true
        }
        guard admitted else { return false }
        channel.closeFuture.whenComplete { _ in
            self.open.withLock { counts in
                let left = counts[address, default: 1] - 1
                counts[address] = left > 0 ? left : nil
            }
        }
        return true
    }
}
