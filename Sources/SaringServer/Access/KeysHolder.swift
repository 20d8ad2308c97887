import Foundation
import SaringCore
import Synchronization

/// The credentials in force: a keys file (reloaded on SIGHUP) plus `--admin-token`, swapped
/// atomically like the policy.
public final class KeysHolder: Sendable {
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    private let keys: Mutex<AccessKeys>
    /// The keys file, when one is configured.
    public let path: String?
    let adminToken: String?

    public init(path: String? = nil, adminToken: String? = nil) throws {
        self.path = path
        self.adminToken = adminToken
        keys = Mutex(AccessKeys())
        try reload()
    }

    public var current: AccessKeys { keys.withLock { $0 } }

    /// Re-reads the keys file; on any problem the keys in force stay and the error names file and line.
    public func reload() throws {
        var loaded = AccessKeys()
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LoadError(description: "\(path): cannot read the keys file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LoadError(description: "\(path): the keys file is not UTF-8 text")
            }
            switch KeysFileParser.parse(text, file: path) {
            case .success(let keys): loaded = keys
            case .failure(let error): throw LoadError(description: error.description)
            }
        }
        if let adminToken, !adminToken.isEmpty { loaded = loaded.adding(admin: "admin", token: adminToken) }
        keys.withLock { $0 = loaded }
    }
}
