import Yams

/// Reads typed values out of a Yams node tree, collecting a ``Diagnostic`` (with the line) for
/// every wrong type, unknown key or duplicate key instead of stopping at the first.
struct YAMLMapping {
    let file: String
    let node: Node
    let ruleId: String?
    private(set) var pairs: [(key: String, value: Node, line: Int)] = []

    /// - Parameter allowed: the keys this mapping may have; others are reported.
    init?(_ node: Node, file: String, ruleId: String? = nil, allowed: Set<String>, what: String, into diagnostics: inout [Diagnostic]) {
        self.file = file
        self.node = node
        self.ruleId = ruleId
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(file: file, line: node.line, ruleId: ruleId, message: "\(what) must be a mapping of key: value"))
            return nil
        }
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let line = keyNode.line
            if !seen.insert(key).inserted {
                diagnostics.append(Diagnostic(file: file, line: line, ruleId: ruleId, message: "duplicate key '\(key)'"))
                continue
            }
            if !allowed.contains(key) {
                let known = allowed.sorted().joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(file: file, line: line, ruleId: ruleId, message: "unknown key '\(key)' in \(what) (known: \(known))"))
                continue
            }
            pairs.append((key, value, line))
        }
    }

    subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func line(of key: String) -> Int { pairs.first { $0.key == key }?.line ?? node.line }

    func problem(_ key: String, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line(of: key), ruleId: ruleId, message: message)
    }

    func string(_ key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let value = self[key] else { return nil }
        guard let scalar = value.scalar, value.tag.description != Tag.Name.null.rawValue else {
            diagnostics.append(problem(key, "'\(key)' must be a text"))
            return nil
        }
        return scalar.string
    }

    func number(_ key: String, into diagnostics: inout [Diagnostic]) -> Double? {
        guard let value = self[key] else { return nil }
        guard let number = value.scalar.flatMap({ Double($0.string) }), number.isFinite else {
            diagnostics.append(problem(key, "'\(key)' must be a number"))
            return nil
        }
        return number
    }

    func integer(_ key: String, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = self[key] else { return nil }
        guard let number = value.scalar.flatMap({ Int($0.string) }), number >= 0 else {
            diagnostics.append(problem(key, "'\(key)' must be a whole number ≥ 0"))
            return nil
        }
        return number
    }

    /// A list of texts; a single text is accepted as a list of one.
    func strings(_ key: String, into diagnostics: inout [Diagnostic]) -> [String]? {
        guard let value = self[key] else { return nil }
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else {
            diagnostics.append(problem(key, "'\(key)' must be a list of texts"))
            return nil
        }
        var result: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                diagnostics.append(Diagnostic(file: file, line: item.line, ruleId: ruleId, message: "every item of '\(key)' must be a text"))
                continue
            }
            result.append(scalar.string)
        }
        return result
    }
}

extension Node {
    /// 1-based line of this node in its file.
    var line: Int { mark?.line ?? 1 }
}
