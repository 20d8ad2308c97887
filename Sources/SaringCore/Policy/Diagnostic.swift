/// One problem in a policy folder, with where it is, so an editor can go straight to it.
/// Shown as `file:line: rule-id: message`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var ruleId: String?
    public var message: String

    public init(file: String, line: Int, ruleId: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.ruleId = ruleId
        self.message = message
    }

    public var description: String {
        "\(file):\(line): " + (ruleId.map { "\($0): " } ?? "") + message
    }
}

/// A policy folder that cannot be used, with every problem found in it.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
