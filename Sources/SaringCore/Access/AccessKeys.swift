import Crypto

/// The credentials of a keys file, kept only as SHA-256 digests. A presented token is hashed and
/// compared with every digest without stopping early, so timing tells nothing about which part
/// of which credential matched.
public struct AccessKeys: Sendable, Equatable {
    public struct Credential: Sendable, Equatable {
        public let name: String
        public let kind: Kind
        let digest: [UInt8]

        public init(name: String, kind: Kind, digest: [UInt8]) {
            self.name = name
            self.kind = kind
            self.digest = digest
        }
    }

    public enum Kind: String, Sendable, CaseIterable {
        case site = "site-keys"
        case moderator = "moderators"
        case admin = "admins"
    }

    public let credentials: [Credential]

    public init(credentials: [Credential] = []) {
        self.credentials = credentials
    }

    /// Adds one admin from `--admin-token` / `SARING_ADMIN_TOKEN`.
    public func adding(admin name: String, token: String) -> AccessKeys {
        AccessKeys(credentials: credentials + [Credential(name: name, kind: .admin, digest: Self.digest(token))])
    }

    public var isEmpty: Bool { credentials.isEmpty }

    /// The caller a bearer token belongs to, or nil when it is no known credential.
    public func caller(forToken token: String) -> Caller? {
        let presented = Self.digest(token)
        var found: Credential? = nil
        for credential in credentials {
            var difference: UInt8 = 0
            for (a, b) in zip(credential.digest, presented) { difference |= a ^ b }
            if difference == 0, found == nil { found = credential }
        }
        guard let found else { return nil }
        switch found.kind {
        case .site: return .site(name: found.name)
        case .moderator: return .moderator(name: found.name)
        case .admin: return .admin(name: found.name)
        }
    }

    static func digest(_ token: String) -> [UInt8] { Array(SHA256.hash(data: Array(token.utf8))) }
}
