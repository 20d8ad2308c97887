import Testing

@testable import SaringCore

@Suite("Prefilter literals")
struct LiteralExtractorTests {
    @Test(arguments: [
        (#"\bslot\s*gacor\b"#, ["gacor"]),
        (#"\b(slot\s*gacor|situs\s*judi)\b"#, ["gacor", "situs"]),
        (#"(?<![\p{L}\p{N}])(?:bangsat|anjing[\p{L}\p{N}]*)(?![\p{L}\p{N}])"#, ["anjing", "bangsat"]),
        (#"colou?r"#, ["color", "colour"]),
        (#"max\s?win"#, ["max"]),
        (#"wa\.me/\d+"#, ["wa.me/"]),
        (#"(?i)judi"#, ["judi"]),
        (#"(?:RTP|rtp)\s+\d+"#, ["rtp"]),
        (#"[gq]acor"#, ["gacor", "qacor"]),
        (#"ab|cd"#, ["ab", "cd"]),
        (#"[\x{1D400}-\x{1D7FF}\x{FF21}-\x{FF5A}][a-z]"#, [LiteralExtractor.nonASCII]),
        (#"(?:[A-Za-z][\x{0300}-\x{036F}]+){4,}"#, [LiteralExtractor.nonASCII]),
        (#"x(?:4|\x{1D7D2}|\x{FF14})d"#, ["x4d", "x４d", "x𝟒d"]),
        (#"[a-c]lot"#, ["lot"]),
        (#"[1-9]\p{N}{15}"#, [LiteralExtractor.digit]),
        (#"(?:[\p{So}\[\]()]{1,2}[\p{L}\p{N}]){5,}"#, ["(", ")", "[", "]", LiteralExtractor.nonASCII].sorted()),
        (#"\b(?:wd|jp)\b"#, ["jp", "wd"]),
        (#"\d{16}"#, [LiteralExtractor.digit]),
        (#"\p{L}{3,}(?:4d|\d{3})"#, ["4d", LiteralExtractor.digit].sorted()),
    ])
    func derivesRequiredLiterals(_ pattern: String, _ expected: [String]) {
        #expect(LiteralExtractor.requiredLiterals(pattern) == expected)
    }

    @Test(arguments: [
        #"\w+x"#,  // one letter is too common to index
        #"[\p{L}\[]x"#,  // letters of any script
        #"\D{3}"#,  // anything but digits
        #"[^\x{80}-\x{10FFFF}]{3}"#,  // a negated class says nothing
        #"(?:slot|\w+)x"#,  // one branch has no literal
        #"slot*"#,  // 'slo' + optional t: still fine? no: 'slo' is 3 bytes
        #"(?(1)a|b)"#,  // conditional: not understood
        #"\Qslot\E"#,  // quoting: not understood
    ])
    func givesUpWhenNoSafeLiteralExists(_ pattern: String) {
        let literals = LiteralExtractor.requiredLiterals(pattern)
        if pattern == #"slot*"# {
            #expect(literals == ["slo"])
        } else {
            #expect(literals == nil)
        }
    }

    /// Whatever the extractor derives, a text the pattern matches contains one of the literals.
    @Test func derivedLiteralsOccurInEveryMatch() throws {
        let cases: [(String, [String])] = [
            (#"\b(slot\s*gacor|situs\s*judi)\b"#, ["slot   gacor", "situsjudi", "situs judi"]),
            (#"dep(?:o|osit)\s*(?:pulsa|dana)"#, ["depo pulsa", "deposit dana"]),
            (#"(?:link\s+)?alternatif"#, ["alternatif", "link alternatif"]),
        ]
        for (pattern, texts) in cases {
            let literals = try #require(LiteralExtractor.requiredLiterals(pattern))
            let compiled = try PCRE2Pattern(pattern)
            for text in texts {
                #expect(!compiled.matches(text).ranges.isEmpty)
                #expect(literals.contains { text.lowercased().contains($0) }, "\(pattern) on \(text): \(literals)")
            }
        }
    }
}
