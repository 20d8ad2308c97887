import Foundation
import SaringCore
import Testing

@Suite("PCRE2 patterns")
struct PCRE2PatternTests {
    @Test func findsEveryMatchAsUTF8ByteRanges() throws {
        let pattern = try PCRE2Pattern(#"slot\s*gacor"#)
        #expect(pattern.matches("é SLOT gacor dan slotgacor").ranges == [3..<13, 18..<27])
    }

    @Test func matchesUnicodePropertiesAndCaselessByDefault() throws {
        let pattern = try PCRE2Pattern(#"\bjudi\b"#)
        #expect(pattern.matches("Judi itu haram").ranges == [0..<4])
        #expect(pattern.matches("perjudian").ranges.isEmpty)
        #expect(try PCRE2Pattern(#"\p{Lu}{3}"#, options: .init(caseless: false)).matches("abc ÀÉÎ").ranges == [4..<10])
    }

    @Test func emptyMatchesDoNotLoopForever() throws {
        let pattern = try PCRE2Pattern("x*")
        #expect(pattern.matches("aé").ranges == [0..<0, 1..<1, 3..<3])
        #expect(pattern.matches("").ranges == [0..<0])
    }

    @Test func reportsCompileErrorWithOffset() {
        #expect(throws: PatternError.self) { try PCRE2Pattern("slot(gacor") }
        do {
            _ = try PCRE2Pattern("ab[c")
        } catch {
            #expect(error.offset == 4)
            #expect(error.message.contains("missing terminating ]"))
        }
    }

    /// `(a+)+$` against 50,000 `a`s and a `!` would backtrack for ages; the limits stop it.
    @Test func catastrophicPatternHitsTheLimitQuickly() throws {
        let pattern = try PCRE2Pattern("(a+)+$")
        let text = String(repeating: "a", count: 50_000) + "!"
        #expect(pattern.matches(text) == .limitExceeded)
    }
}
