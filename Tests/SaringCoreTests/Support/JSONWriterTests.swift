import Foundation
import SaringCore
import Testing

/// The hand-written JSON must read back as exactly what was written, whatever the text holds.
@Suite("JSON writer")
struct JSONWriterTests {
    static let tricky: [String] = [
        "", "plain", "\"", "\\", "\\\"", "a\"b\\c", "/", "</script>", "\u{7F}", "\u{0}", "tab\there", "line\nbreak",
        "cr\r\nlf", "\u{8}\u{C}", "\u{1B}[31mred\u{1B}[0m", "\u{2028}", "\u{2029}", "a\u{2028}b\u{2029}c",
        // Near misses of U+2028/2029 (E2 80 A7, E2 80 AA, E2 82 AC, E2 80 A6) and other E2 sequences.
        "\u{2027}", "\u{202A}", "€", "…", "x…", "…x", "\u{2028}…\u{2029}€",
        "kopi ☕️ enak", "👩‍👩‍👧 keluarga", "é vs e\u{301}", "𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥", "\u{FEFF}bom", "bom\u{FEFF}", "\u{FEFE}\u{FFFD}", "\u{200B}zero width",
        "Ayo main di SLOT GACOR 💰💰 https://contoh.xyz/?a=1&b=2",
    ] + (0..<0x20).map { "c\(String(UnicodeScalar(UInt8($0))))c" }

    static func written(_ values: [String]) -> [UInt8] {
        var json = JSONWriter()
        json.strings(values)
        return json.bytes
    }

    @Test(arguments: tricky)
    func stringReadsBackAsWritten(_ text: String) throws {
        let bytes = Self.written([text])
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
        #expect(parsed == [text])
        #expect(try JSONDecoder().decode([String].self, from: Data(bytes)) == [text])
    }

    /// No raw control character, U+2028/2029 or U+FEFF ever reaches the output.
    @Test(arguments: tricky)
    func escapesControlsAndLineSeparators(_ text: String) {
        let bytes = Self.written([text])
        #expect(!bytes.contains { $0 < 0x20 })
        let output = String(decoding: bytes, as: UTF8.self)
        #expect(!output.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" })
    }

    @Test func writesTheShortEscapesAndLowercaseHex() {
        #expect(String(decoding: Self.written(["\"\\\n\r\t\u{8}\u{C}\u{1}\u{1F}/\u{2028}"]), as: UTF8.self)
            == #"["\"\\\n\r\t\b\f\u0001\u001f/\u2028"]"#)
    }

    /// Random mixes of the tricky pieces, seeded so a failure can be rerun.
    @Test func randomMixesReadBack() throws {
        var generator = SplitMix(seed: 20261202)
        let pieces = Self.tricky + ["a", " ", "kata", "ß", "日本"]
        var texts: [String] = []
        for _ in 0..<500 {
            let count = Int(generator.next() % 12)
            texts.append((0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(Self.written(texts))) as? [String]
        #expect(parsed == texts)
    }

    @Test(arguments: [0, 1, -1, 42, 9, 10, 1_000_000, Int64.max, Int64.min])
    func integersReadBack(_ value: Int64) throws {
        var json = JSONWriter()
        json.raw("[")
        json.int(value)
        json.raw(",")
        json.int(nil)
        json.raw("]")
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[\(value),null]")
        #expect(try JSONDecoder().decode([Int64?].self, from: Data(json.bytes)) == [value, nil])
    }

    @Test func stringArrayMatchesWhatJSONDecoderReads() throws {
        let reasons = ["judol.keywords (reject): Situs \"judi\" online", "total score 12 (hold at 5, reject at 10)", "baris\nbaru"]
        let text = JSONWriter.stringArray(reasons)
        #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == reasons)
        #expect(JSONWriter.stringArray([]) == "[]")
    }
}

/// SplitMix64: a small seeded generator for repeatable random tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
