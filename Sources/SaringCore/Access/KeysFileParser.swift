import Yams

/// Reads a keys file (YAML, kept outside the repository):
///
/// ```yaml
/// site-keys:
///   - name: portal-web
///     key: "…"            # or key-sha256: "<64 hex digits>"
/// moderators:
///   - name: ana
///     token: "…"          # or token-sha256
/// admins:
///   - name: ops
///     token: "…"
/// ```
///
/// Every problem is reported with its line; a file with any problem is refused whole.
public enum KeysFileParser {
    /// Shortest secret accepted: guessable keys are refused.
    public static let minimumSecretLength = 16

    public static func parse(_ text: String, file: String) -> Result<AccessKeys, PolicyError> {
        var diagnostics: [Diagnostic] = []
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            return .failure(PolicyError([PolicyParser.yamlProblem(error, file: PolicySource.File(name: file, text: text))]))
        }
        guard let node else { return .success(AccessKeys()) }
        guard let top = YAMLMapping(
            node, file: file, allowed: Set(AccessKeys.Kind.allCases.map(\.rawValue)), what: "a keys file", into: &diagnostics)
        else { return .failure(PolicyError(diagnostics)) }
        var credentials: [AccessKeys.Credential] = []
        var names: [AccessKeys.Kind: Set<String>] = [:]
        var digests: [[UInt8]: Int] = [:]
        for kind in AccessKeys.Kind.allCases {
            guard let list = top[kind.rawValue] else { continue }
            guard let items = list.sequence else {
                diagnostics.append(top.problem(kind.rawValue, "'\(kind.rawValue)' must be a list of entries with name and \(secretKey(kind))"))
                continue
            }
            for item in items {
                guard let credential = entry(item, kind: kind, file: file, into: &diagnostics) else { continue }
                if !names[kind, default: []].insert(credential.name).inserted {
                    diagnostics.append(Diagnostic(file: file, line: item.line, message: "'\(credential.name)' appears twice in \(kind.rawValue)"))
                }
                if let earlier = digests[credential.digest] {
                    diagnostics.append(
                        Diagnostic(file: file, line: item.line, message: "the same secret as the entry on line \(earlier): every credential must be its own"))
                }
                digests[credential.digest] = item.line
                credentials.append(credential)
            }
        }
        return diagnostics.isEmpty ? .success(AccessKeys(credentials: credentials)) : .failure(PolicyError(diagnostics))
    }

    static func secretKey(_ kind: AccessKeys.Kind) -> String { kind == .site ? "key" : "token" }

    private static func entry(_ node: Node, kind: AccessKeys.Kind, file: String, into diagnostics: inout [Diagnostic]) -> AccessKeys.Credential? {
        let secret = secretKey(kind)
        guard let mapping = YAMLMapping(
            node, file: file, allowed: ["name", secret, "\(secret)-sha256"], what: "an entry of \(kind.rawValue)", into: &diagnostics)
        else { return nil }
        guard let name = mapping.string("name", into: &diagnostics) else {
            diagnostics.append(Diagnostic(file: file, line: node.line, message: "an entry of \(kind.rawValue) needs a 'name'"))
            return nil
        }
        guard (1...100).contains(name.unicodeScalars.count),
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " })
        else {
            diagnostics.append(mapping.problem("name", "'name' must be 1-100 characters without spaces or control characters"))
            return nil
        }
        let plain = mapping.string(secret, into: &diagnostics)
        let hashed = mapping.string("\(secret)-sha256", into: &diagnostics)
        switch (plain, hashed) {
        case (let plain?, nil):
            guard plain.utf8.count >= minimumSecretLength else {
                diagnostics.append(mapping.problem(secret, "'\(secret)' of \(name) is shorter than \(minimumSecretLength) characters: too easy to guess"))
                return nil
            }
            return AccessKeys.Credential(name: name, kind: kind, digest: AccessKeys.digest(plain))
        case (nil, let hex?):
            guard let digest = Digests.bytes(hex: hex), digest.count == 32 else {
                diagnostics.append(mapping.problem("\(secret)-sha256", "'\(secret)-sha256' of \(name) must be 64 hex digits (a SHA-256)"))
                return nil
            }
            return AccessKeys.Credential(name: name, kind: kind, digest: digest)
        case (.some, .some):
            diagnostics.append(mapping.problem(secret, "\(name) has both '\(secret)' and '\(secret)-sha256': give one"))
        case (nil, nil):
            diagnostics.append(Diagnostic(file: file, line: node.line, message: "\(name) needs '\(secret)' or '\(secret)-sha256'"))
        }
        return nil
    }
}
