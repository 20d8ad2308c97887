/// PCRE2 refused a pattern: its message and the offset (in bytes) in the pattern where it stopped.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int

    public var description: String { "\(message) at offset \(offset)" }
}
