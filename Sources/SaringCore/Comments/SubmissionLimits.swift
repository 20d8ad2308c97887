/// Size limits on what a reader may submit; configurable per deployment. Lengths count Unicode
/// scalars, the unit of SQLite's `length()` in the schema's CHECKs, so a text the app accepts is
/// never refused by the database (one letter plus 200 combining marks is 201 long).
public struct SubmissionLimits: Sendable, Equatable {
    /// Maximum comment length in Unicode scalars.
    public var maxBodyCharacters: Int
    /// Maximum author display-name length in Unicode scalars.
    public var maxNameCharacters: Int
    /// Maximum report-reason length in Unicode scalars.
    public var maxReasonCharacters: Int

    public init(maxBodyCharacters: Int = 5_000, maxNameCharacters: Int = 100, maxReasonCharacters: Int = 500) {
        self.maxBodyCharacters = maxBodyCharacters
        self.maxNameCharacters = maxNameCharacters
        self.maxReasonCharacters = maxReasonCharacters
    }
}
