/// Size limits on what a reader may submit; configurable per deployment.
public struct SubmissionLimits: Sendable, Equatable {
    /// Maximum comment length in characters (grapheme clusters).
    public var maxBodyCharacters: Int
    /// Maximum author display-name length in characters.
    public var maxNameCharacters: Int
    /// Maximum report-reason length in characters.
    public var maxReasonCharacters: Int

    public init(maxBodyCharacters: Int = 5_000, maxNameCharacters: Int = 100, maxReasonCharacters: Int = 500) {
        self.maxBodyCharacters = maxBodyCharacters
        self.maxNameCharacters = maxNameCharacters
        self.maxReasonCharacters = maxReasonCharacters
    }
}
