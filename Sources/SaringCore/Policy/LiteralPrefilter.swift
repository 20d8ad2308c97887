/// Finds, in one pass over a text, which rules can possibly match it: a rule whose pattern needs
/// one of a few literals (`gacor`, `slot`, …) is only run when one of them occurs. Most comments
/// are clean, so most rules never reach PCRE2.
///
/// Literals are indexed by their first three bytes; a 64 Kbit hashed bitmap of those trigrams
/// rejects most text positions before the dictionary is consulted. Two-byte literals (`wd`, `jp`)
/// sit in a direct 64 Kbit bigram table, and rules that need "some digit" are marked when the
/// text has one.
struct LiteralPrefilter: Sendable {
    private var bitmap = [UInt64](repeating: 0, count: 1024)
    private var byTrigram: [UInt32: [Int]] = [:]
    private var literals: [(bytes: [UInt8], rules: [Int])] = []
    private var bigramBitmap = [UInt64](repeating: 0, count: 1024)
    private var byBigram: [UInt16: [Int]] = [:]
    private var needDigit: [Int] = []
    private var needNonASCII: [Int] = []
    /// Rules needing one of a few single bytes (`[`, `(`, …), indexed by byte.
    private var byByte: [UInt8: [Int]] = [:]
    /// Rules without usable literals: always candidates.
    private var alwaysRun: [Int] = []
    let ruleCount: Int

    /// - Parameter literalSets: per rule, its required literals; nil: always a candidate; empty:
    ///   never (the rule belongs to another prefilter).
    init(_ literalSets: [[String]?]) {
        ruleCount = literalSets.count
        var literalIndex: [[UInt8]: Int] = [:]
        for (rule, set) in literalSets.enumerated() {
            if set?.isEmpty == true { continue }
            guard let set, !set.isEmpty else {
                alwaysRun.append(rule)
                continue
            }
            for literal in set {
                if literal == LiteralExtractor.digit {
                    needDigit.append(rule)
                    continue
                }
                if literal == LiteralExtractor.nonASCII {
                    needNonASCII.append(rule)
                    continue
                }
                let bytes = Array(literal.utf8)
                if bytes.count == 1 {
                    byByte[bytes[0], default: []].append(rule)
                    continue
                }
                if bytes.count == 2 {
                    let key = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
                    byBigram[key, default: []].append(rule)
                    bigramBitmap[Int(key) >> 6] |= 1 << UInt64(key & 63)
                    continue
                }
                if let index = literalIndex[bytes] {
                    literals[index].rules.append(rule)
                    continue
                }
                literalIndex[bytes] = literals.count
                literals.append((bytes, [rule]))
                let key = Self.trigram(bytes[0], bytes[1], bytes[2])
                byTrigram[key, default: []].append(literals.count - 1)
                let bit = Self.bit(key)
                bitmap[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    /// True when no rule belongs to this prefilter (nothing to mark).
    var isEmpty: Bool {
        alwaysRun.isEmpty && needDigit.isEmpty && needNonASCII.isEmpty && literals.isEmpty && byBigram.isEmpty && byByte.isEmpty
    }

    /// Marks in `candidates` (one flag per rule) the rules that may match `text`.
    func mark(_ text: UnsafeBufferPointer<UInt8>, into candidates: inout [Bool]) {
        for rule in alwaysRun { candidates[rule] = true }
        guard !text.isEmpty else { return }
        // One pass over the bytes: digits, non-ASCII, bigrams and trigrams, each looked up only
        // when its bitmap says some literal starts that way.
        var sawDigit = false
        var sawNonASCII = false
        let checkBigrams = !byBigram.isEmpty
        var key: UInt32 = 0
        bitmap.withUnsafeBufferPointer { trigramBits in
            bigramBitmap.withUnsafeBufferPointer { bigramBits in
                for i in 0..<text.count {
                    let byte = text[i]
                    sawDigit = sawDigit || (byte &- 0x30) < 10
                    sawNonASCII = sawNonASCII || byte >= 0x80
                    key = (key << 8 | UInt32(byte)) & 0xFF_FFFF
                    if checkBigrams, i >= 1 {
                        let pair = UInt16(truncatingIfNeeded: key)
                        if bigramBits[Int(pair) >> 6] & (1 << UInt64(pair & 63)) != 0, let rules = byBigram[pair] {
                            for rule in rules { candidates[rule] = true }
                        }
                    }
                    guard i >= 2 else { continue }
                    let bit = Self.bit(key)
                    guard trigramBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let entries = byTrigram[key] else { continue }
                    markLiterals(entries, at: i - 2, in: text, into: &candidates)
                }
            }
        }
        if !byByte.isEmpty {
            for (byte, rules) in byByte where text.contains(byte) {
                for rule in rules { candidates[rule] = true }
            }
        }
        if sawDigit { for rule in needDigit { candidates[rule] = true } }
        if sawNonASCII { for rule in needNonASCII { candidates[rule] = true } }
    }

    private func markLiterals(_ entries: [Int], at start: Int, in text: UnsafeBufferPointer<UInt8>, into candidates: inout [Bool]) {
        // Read in place: copying a literal (two arrays) per trigram hit cost a fifth of the pass.
        literals.withUnsafeBufferPointer { literals in
            for entry in entries {
                let matches = literals[entry].bytes.withUnsafeBufferPointer { bytes in
                    start + bytes.count <= text.count && (3..<bytes.count).allSatisfy { text[start + $0] == bytes[$0] }
                }
                if matches { for rule in literals[entry].rules { candidates[rule] = true } }
            }
        }
    }

    private static func trigram(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }

    private static func bit(_ key: UInt32) -> Int { Int((key &* 2_654_435_761) >> 16) & 0xFFFF }
}
