/// The reasons offered after `r`, by number. Short, in the newsroom's language, and the same
/// words the decision history and reports use.
enum RejectReason {
    static let presets = ["spam", "judi online", "kata kasar", "SARA", "data pribadi"]

    /// A typed reason is kept to this many characters.
    static let maximumLength = 200
}
