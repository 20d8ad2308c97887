/// One token of a comment as campaign detection sees it: a hash, not a string, so the tokenizer
/// never allocates per word.
struct CampaignToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A run of letters (`gacor`, `rb` in `50rb`).
        case word
        /// Any run of digits, or several separated only by punctuation, spaces or emoji
        /// (`0812-3456-7890`): all numbers are the same token, so a changed phone number, amount
        /// or site number leaves the text unchanged.
        case number
        /// A domain, URL host, e-mail address or `@handle`: where spam sends its readers.
        case link
    }

    let kind: Kind
    let hash: UInt64
    /// Counts towards the information a text carries: not a common word, not a single letter.
    let isInformative: Bool

    /// The hash every number token shares.
    static let numberHash = CampaignHash.token("#".utf8)
}
