/// A moderator's `--text REGEX`: a PCRE2 pattern (caseless) that a comment matches when it finds
/// the pattern in the text as written or in its normalized form (what rules see), so both
/// `Harga` and `slot\s*gacor` find `𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥`. Each attempt runs under the match budget of
/// ``MatchScratch/Limits``; a comment that exhausts it is neither a match nor silently dropped:
/// the outcome says so and callers report it.
public struct TextSearch: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case match
        case noMatch
        /// The pattern ran out of its budget on this text (too costly, e.g. nested repetition).
        case overBudget
    }

    public let pattern: PCRE2Pattern
    let limits: MatchScratch.Limits

    /// - Throws: ``PatternError`` when the pattern does not compile.
    public init(_ source: String, limits: MatchScratch.Limits = MatchScratch.Limits()) throws(PatternError) {
        pattern = try PCRE2Pattern(source)
        self.limits = limits
    }

    public var source: String { pattern.source }

    /// Scratch for ``matches(_:scratch:normalizer:)``; one per task.
    public func makeScratch() -> MatchScratch { MatchScratch(limits: limits) }

    /// Whether `body` matches, as written or normalized.
    public func matches(_ body: String, scratch: MatchScratch, normalizer: TextNormalizer) -> Outcome {
        let written = pattern.matches(body, scratch: scratch)
        if !written.ranges.isEmpty { return .match }
        let normalized = pattern.matches(normalizer.normalize(body).text, scratch: scratch)
        if !normalized.ranges.isEmpty { return .match }
        return written == .limitExceeded || normalized == .limitExceeded ? .overBudget : .noMatch
    }

    public static func == (lhs: TextSearch, rhs: TextSearch) -> Bool {
        lhs.pattern.source == rhs.pattern.source && lhs.limits == rhs.limits
    }
}
