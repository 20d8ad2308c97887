import Testing

@testable import SaringCore

@Suite("Text normalizer: properties over generated text")
struct NormalizerPropertyTests {
    static let pools: [[String]] = [
        ["a", "b", "s", "l", "o", "t", "G", "A", "C", "R", "x", "y"],
        ["0", "1", "4", "5", "7", "8", "@", "$"],
        ["𝗦", "𝗟", "ｓ", "Ⓢ", "ѕ", "о", "Λ", "ᴀ", "ł", "é", "❶", "🅢", "ﬁ", "İ", "ß", "٣"],
        ["\u{035F}", "\u{0301}", "\u{200B}", "\u{FEFF}", "\u{202E}", "\u{00AD}", "\u{FE0F}"],
        [" ", " ", "  ", "\n", "\t", "\u{00A0}", ".", "-", "/", "!", ",", "ᆢ"],
        ["🔥", "👍🏼", "🇮🇩", "❤️", "日", "한"],
    ]

    static func generatedTexts(count: Int) -> [String] {
        var random = SeededRandom(seed: 0x5A41_1E6)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...40, using: &random)
            return (0..<length).map { _ in pools.randomElement(using: &random)!.randomElement(using: &random)! }.joined()
        }
    }

    @Test func mappedRangesStayInsideTheOriginalAndMoveForward() {
        let normalizer = TextNormalizer()
        for original in Self.generatedTexts(count: 1_500) {
            let normalized = normalizer.normalize(original)
            let scalarCount = original.unicodeScalars.count
            var previous = 0..<0
            var byte = 0
            for scalar in normalized.text.unicodeScalars {
                let width = UTF8.width(scalar)
                let range = normalized.originalScalarRange(forNormalizedUTF8: byte..<byte + width)
                #expect(range.lowerBound >= 0 && range.upperBound <= scalarCount, "\(original.debugDescription)")
                #expect(!range.isEmpty, "\(original.debugDescription)")
                #expect(range.lowerBound >= previous.lowerBound && range.upperBound >= previous.upperBound,
                        "\(original.debugDescription) maps backwards at byte \(byte)")
                previous = range
                byte += width
            }
        }
    }

    @Test func wholeTextCoversEveryVisibleOriginalCharacter() {
        let normalizer = TextNormalizer()
        for original in Self.generatedTexts(count: 1_500) {
            let normalized = normalizer.normalize(original)
            let whole = normalized.originalScalarRange(forNormalizedUTF8: 0..<normalized.text.utf8.count)
            for (offset, scalar) in original.unicodeScalars.enumerated() where Self.isVisible(scalar) {
                #expect(whole.contains(offset), "\(original.debugDescription) loses \(scalar.debugDescription)")
            }
        }
    }

    @Test func outputIsLowerCaseTrimmedAndFreeOfInvisibles() {
        let normalizer = TextNormalizer()
        for original in Self.generatedTexts(count: 1_500) {
            let text = normalizer.normalize(original).text
            #expect(!text.unicodeScalars.contains { ("A"..."Z").contains($0) })
            #expect(!text.unicodeScalars.contains { !Self.isVisible($0) && $0 != " " })
            #expect(!text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains("  "))
        }
    }

    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .control, .nonspacingMark, .spacingMark, .enclosingMark, .spaceSeparator, .lineSeparator,
            .paragraphSeparator:
            false
        default:
            !scalar.properties.isWhitespace
        }
    }
}
