/// Word 1–3-grams of a comment as rules see it (the normalized text), for finding what rejected
/// comments share: the phrases that carry information, not function words or chat fillers.
public struct Phrases: Sendable {
    let normalizer: TextNormalizer
    private static let common = Set(CommonWords.words)

    public init(normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
    }

    /// The words of `text` after normalization: runs of letters and digits.
    public func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in normalizer.normalize(text).text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The distinct informative phrases of `text`: 1–3 consecutive words that neither start nor
    /// end with a common word, single words of at least 3 letters, none made only of digits.
    public func phrases(_ text: String) -> Set<String> {
        let words = words(text)
        var result = Set<String>()
        for start in words.indices {
            for length in 1...3 where start + length <= words.count {
                let gram = words[start..<start + length]
                guard !Self.common.contains(gram.first!), !Self.common.contains(gram.last!) else { continue }
                if length == 1, gram.first!.unicodeScalars.count < 3 { continue }
                if gram.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.numericType != nil } }) { continue }
                result.insert(gram.joined(separator: " "))
            }
        }
        return result
    }
}
