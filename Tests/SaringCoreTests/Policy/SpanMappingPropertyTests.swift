import Foundation
import SaringCore
import Testing

/// Over many generated evasions: every hit's span lies in the original, the original text at the
/// span is what the writer typed for the word, and masking replaces exactly the spans.
@Suite("Span mapping through normalization")
struct SpanMappingPropertyTests {
    static let policy = try! PolicyFixtures.compile([
        "kasar.yaml": """
            rules:
              - id: kasar.umpatan
                description: Profanity
                words: [bangsat, goblok, anjing]
                action: mask
                examples:
                  match: ["bangsat"]
            """
    ])

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    /// One way of writing a letter that the normalizer must see through. Two leet digits in a row
    /// at a word's end read as a number (`gacor88`), so `allowLeet` is off after a leet digit.
    static func disguise(_ letter: Character, _ random: inout Generator, allowLeet: Bool = true) -> String {
        let bold: [Character: String] = ["a": "𝗮", "b": "𝗯", "g": "𝗴", "n": "𝗻", "s": "𝘀", "t": "𝘁", "o": "𝗼", "l": "𝗹", "k": "𝗸", "j": "𝗷", "i": "𝗶"]
        let leet: [Character: String] = ["a": "4", "s": "5", "t": "7", "o": "0", "i": "1"]
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return String(letter).uppercased()
        case 1: return bold[letter] ?? String(letter)
        case 2: return allowLeet ? leet[letter] ?? String(letter) : String(letter)
        case 3: return String(letter) + "\u{200B}"
        case 4: return String(letter) + "\u{035F}"
        default: return String(letter)
        }
    }

    @Test func spansCoverWhatTheWriterTypedAndMasksReplaceExactlyThem() {
        var random = Generator(state: 2026)
        let fillers = ["berita ini", "bangsa kita", "pantai indah", "🇮🇩🔥", "kontrol harga", "2023", "Rp 50.000", "café", "\n"]
        for _ in 0..<500 {
            var text = ""
            var planted = 0
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                if Bool.random(using: &random) {
                    let word = ["bangsat", "goblok", "anjing"].randomElement(using: &random)!
                    var previousWasDigit = false
                    for letter in word {
                        let written = Self.disguise(letter, &random, allowLeet: !previousWasDigit)
                        previousWasDigit = written.first?.isNumber == true
                        text += written
                    }
                    planted += 1
                } else {
                    text += fillers.randomElement(using: &random)!
                }
                text += [" ", ", ", "! "].randomElement(using: &random)!
            }
            let draft = PolicyFixtures.draft(text)
            let verdict = Self.policy.judge(draft, context: JudgeContext())
            let scalars = Array(text.unicodeScalars)
            let spans = verdict.hits.compactMap(\.span)
            #expect(spans.count == planted, "\(text.debugDescription)")
            for span in spans {
                #expect(span.lowerBound >= 0 && span.upperBound <= scalars.count)
                var typed = String.UnicodeScalarView()
                typed.append(contentsOf: scalars[span])
                let seen = Self.policy.normalize(String(typed)).text
                #expect(["bangsat", "goblok", "anjing"].contains(seen), "span \(span) of \(text.debugDescription) is \(String(typed).debugDescription) → \(seen)")
            }
            #expect(verdict.publishedBody == Masking.apply(spans, to: text))
            #expect(!["bangsat", "goblok", "anjing"].contains { Self.policy.normalize(verdict.publishedBody).text.contains($0) })
        }
    }
}
