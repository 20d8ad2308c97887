/// A MinHash sketch of a comment's wording, for finding the near-copies a spam campaign posts.
///
/// Built from normalized text (`TextNormalizer().normalize(s).text`), so look-alike letters,
/// leetspeak and stretched letters are gone before this sees the text; the tokenizer then drops
/// punctuation and emoji and makes every number the same token. What is left is hashed as a set of
/// *features*: each informative word on its own (so a text of ten words keeps most of its features
/// when one word is swapped) and each pair of neighbouring words (so word order counts and shared
/// topic words alone do not make two comments alike). `similarity(to:)` estimates the Jaccard
/// similarity of two feature sets from the fraction of equal slots.
///
/// Only texts with enough information can have a signature: stock replies ("Setuju.", "Semoga
/// cepat pulih", a condolence formula) are written alike by hundreds of honest readers, so equality
/// says nothing about them. 64 slots of 4 bytes: 256 bytes per signature.
public struct CampaignSignature: Sendable, Equatable {
    /// Distinct informative tokens a text needs before it can count as a campaign member.
    public static let defaultMinimumInformativeTokens = 5
    /// MinHash slots; the LSH bands of `CampaignIndex` use 63 of them.
    static let slotCount = 64

    /// Distinct tokens that are neither common words nor single letters; numbers count as one
    /// token, each link or handle as one.
    public let informativeTokenCount: Int
    /// The high 32 bits of each slot's minimum: ties between different features are then 1 in 2³²,
    /// and the signature is half the size of 64-bit slots.
    let slots: [UInt32]

    /// - Parameters:
    ///   - normalizedText: the comment after `TextNormalizer`.
    ///   - minimumInformativeTokens: fewer distinct informative tokens than this gives nil.
    /// - Returns: nil when the text carries too little information ever to be a campaign.
    public init?(normalizedText: String, minimumInformativeTokens: Int = Self.defaultMinimumInformativeTokens) {
        var features: [UInt64] = []
        var informative: [UInt64] = []
        features.reserveCapacity(normalizedText.utf8.count / 3)
        informative.reserveCapacity(normalizedText.utf8.count / 6)
        var previous: UInt64?
        CampaignTokenizer().forEachToken(in: normalizedText) { token in
            if token.isInformative {
                informative.append(token.hash)
                features.append(CampaignHash.mix(token.hash))
            }
            if let previous {
                features.append(CampaignHash.pair(previous, token.hash))
            }
            previous = token.hash
        }
        informative.sort()
        var distinct = informative.isEmpty ? 0 : 1
        for index in informative.indices.dropFirst() where informative[index] != informative[index - 1] {
            distinct += 1
        }
        guard distinct >= minimumInformativeTokens, !features.isEmpty else { return nil }
        informativeTokenCount = distinct
        slots = MinHash.slots(of: features)
    }

    /// A signature of given slots (tests of the index's slot counting).
    init(slots: [UInt32], informativeTokenCount: Int) {
        self.slots = slots
        self.informativeTokenCount = informativeTokenCount
    }

    /// The estimated Jaccard similarity of the two texts' feature sets, from 0 to 1.
    public func similarity(to other: CampaignSignature) -> Double {
        var equal = 0
        slots.withUnsafeBufferPointer { mine in
            other.slots.withUnsafeBufferPointer { theirs in
                for index in 0..<min(mine.count, theirs.count, Self.slotCount) where mine[index] == theirs[index] {
                    equal += 1
                }
            }
        }
        return Double(equal) / Double(Self.slotCount)
    }
}
