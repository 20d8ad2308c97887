/// Finds, in one pass over a text, which rules can possibly match it: a rule whose pattern needs
/// one of a few literals (`gacor`, `slot`, …) is only run when one of them occurs. Most comments
/// are clean, so most rules never reach PCRE2.
///
/// A direct 64 Kbit bitmap says which pairs of bytes start some literal. Only at text positions
/// where one does (nearly half of them in Indonesian text) are three hashed bitmaps asked whether
/// a two-byte literal, a three-byte literal or the first four bytes of a longer one may stand
/// there, and only then the flat open-addressed table of that kind (a `Dictionary`, hashing its
/// key with SipHash, cost more than the whole pass over a byte). One-byte literals (`[`, `(`),
/// "some digit" and "some non-ASCII byte" are read off the set of bytes seen.
struct LiteralPrefilter: Sendable {
    /// One bit per pair of bytes that some literal of two bytes or more starts with.
    private var starts = [UInt64](repeating: 0, count: 1024)
    /// Hashed bitmaps (64 Kbit each) of the two-byte literals, the three-byte literals and the
    /// first four bytes of the longer ones: which table can hold a position's bytes.
    private var bigramBits = [UInt64](repeating: 0, count: 1024)
    private var trigramBits = [UInt64](repeating: 0, count: 1024)
    private var quadBits = [UInt64](repeating: 0, count: 1024)
    /// A three-byte literal → its index in `literals`; the first four bytes of a longer one → the
    /// indexes of those starting so (compared byte by byte from the fifth).
    private var byTrigram = FlatIndex()
    private var byQuad = FlatIndex()
    private var literals: [(bytes: [UInt8], rules: [Int])] = []
    /// Bigram → rules.
    private var byBigram = FlatIndex()
    private var needDigit: [Int] = []
    private var needNonASCII: [Int] = []
    /// Rules needing one of a few single bytes (`[`, `(`, …).
    private var byByte: [(byte: UInt8, rules: [Int])] = []
    /// Rules without usable literals: always candidates.
    private var alwaysRun: [Int] = []
    let ruleCount: Int
    /// Whether some literal holds a character lower-casing can write (a letter, a mark, or any
    /// cased character: `ⓢ` and `ⅹ` are a symbol and a number), so the text must be lower-cased
    /// before it is marked. Without such a literal the text as typed gives the same candidates,
    /// or more (a Kelvin sign K is non-ASCII before and `k` after), never fewer.
    let readsCase: Bool

    /// - Parameter literalSets: per rule, its required literals; nil: always a candidate; empty:
    ///   never (the rule belongs to another prefilter).
    init(_ literalSets: [[String]?]) {
        ruleCount = literalSets.count
        readsCase = literalSets.contains { set in
            (set ?? []).contains { literal in
                literal != LiteralExtractor.digit && literal != LiteralExtractor.nonASCII
                    && literal.unicodeScalars.contains { Self.mayChangeWhenLowercased($0) }
            }
        }
        var literalIndex: [[UInt8]: Int] = [:]
        var trigrams: [UInt32: [Int]] = [:]
        var quads: [UInt32: [Int]] = [:]
        var bigrams: [UInt32: [Int]] = [:]
        var bytes1: [UInt8: [Int]] = [:]
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
                    bytes1[bytes[0], default: []].append(rule)
                    continue
                }
                if bytes.count == 2 {
                    let key = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
                    bigrams[UInt32(key), default: []].append(rule)
                    starts[Int(key) >> 6] |= 1 << UInt64(key & 63)
                    Self.set(&bigramBits, UInt32(key))
                    continue
                }
                if let index = literalIndex[bytes] {
                    literals[index].rules.append(rule)
                    continue
                }
                literalIndex[bytes] = literals.count
                literals.append((bytes, [rule]))
                var key: UInt32 = 0
                for byte in bytes.prefix(4) { key = key << 8 | UInt32(byte) }
                if bytes.count == 3 {
                    trigrams[key, default: []].append(literals.count - 1)
                    Self.set(&trigramBits, key)
                } else {
                    quads[key, default: []].append(literals.count - 1)
                    Self.set(&quadBits, key)
                }
                let pair = Int(bytes[0]) << 8 | Int(bytes[1])
                starts[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        byTrigram = FlatIndex(trigrams)
        byQuad = FlatIndex(quads)
        byBigram = FlatIndex(bigrams)
        byByte = bytes1.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// True when no rule belongs to this prefilter (nothing to mark).
    var isEmpty: Bool {
        alwaysRun.isEmpty && needDigit.isEmpty && needNonASCII.isEmpty && literals.isEmpty && byBigram.isEmpty && byByte.isEmpty
    }

    /// Marks in `candidates` (one flag per rule) the rules that may match `text`.
    func mark(_ text: UnsafeBufferPointer<UInt8>, into candidates: inout [Bool]) {
        for rule in alwaysRun { candidates[rule] = true }
        guard !text.isEmpty else { return }
        let seen = candidates.withUnsafeMutableBufferPointer { candidates in
            starts.withUnsafeBufferPointer { starts in scan(text, starts, candidates) }
        }
        for (byte, rules) in byByte {
            let found = byte >= 0x80 ? seen.other != 0 && text.contains(byte) : (byte < 0x40 ? seen.low : seen.high) & (1 << UInt64(byte & 63)) != 0
            if found { for rule in rules { candidates[rule] = true } }
        }
        // Digits are bytes 0x30–0x39: bits 48–57 of the low set.
        if seen.low & (0x3FF << 48) != 0 { for rule in needDigit { candidates[rule] = true } }
        if seen.other != 0 { for rule in needNonASCII { candidates[rule] = true } }
    }

    /// The pass over the bytes: at each position whose two bytes start some literal (a direct bit
    /// test), the tables of two-, three- and four-byte starts; returns the ASCII bytes seen (below
    /// and from 0x40) and whether any byte was not ASCII. Its own function, so those three stay in
    /// locals (captured by a closure, each byte waited on the previous byte's store to them).
    private func scan(
        _ text: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<UInt64>, _ candidates: UnsafeMutableBufferPointer<Bool>
    ) -> (low: UInt64, high: UInt64, other: UInt8) {
        bigramBits.withUnsafeBufferPointer { bigramBits in
            trigramBits.withUnsafeBufferPointer { trigramBits in
                quadBits.withUnsafeBufferPointer { quadBits in
                    scan(text, starts, bigramBits, trigramBits, quadBits, candidates)
                }
            }
        }
    }

    private func scan(
        _ text: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<UInt64>, _ bigramBits: UnsafeBufferPointer<UInt64>,
        _ trigramBits: UnsafeBufferPointer<UInt64>, _ quadBits: UnsafeBufferPointer<UInt64>, _ candidates: UnsafeMutableBufferPointer<Bool>
    ) -> (low: UInt64, high: UInt64, other: UInt8) {
        // The bytes seen in a loop of their own: with the tables' lookups in the same loop, the
        // three sets did not fit in registers and every byte waited on their spills.
        var low: UInt64 = 0
        var high: UInt64 = 0
        var other: UInt8 = 0
        for byte in text {
            let bit = UInt64(1) << UInt64(byte & 63)
            low |= byte < 0x40 ? bit : 0
            high |= byte & 0xC0 == 0x40 ? bit : 0
            other |= byte & 0x80
        }
        var pair: UInt32 = 0
        let count = text.count
        for index in 0..<count {
            pair = (pair << 8 | UInt32(text[index])) & 0xFFFF
            guard index > 0, starts[Int(pair) >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
            let start = index &- 1
            if Self.test(bigramBits, pair) { byBigram.forEach(pair) { candidates[$0] = true } }
            guard start &+ 3 <= count else { continue }
            let trigram = pair << 8 | UInt32(text[start &+ 2])
            if Self.test(trigramBits, trigram) {
                byTrigram.forEach(trigram) { for rule in literals[$0].rules { candidates[rule] = true } }
            }
            guard start &+ 4 <= count else { continue }
            let quad = trigram << 8 | UInt32(text[start &+ 3])
            if Self.test(quadBits, quad) { byQuad.forEach(quad) { entry in markLiteral(entry, at: start, in: text, into: candidates) } }
        }
        return (low, high, other)
    }

    @inline(__always)
    private static func bit(_ key: UInt32) -> Int { Int(truncatingIfNeeded: (key &* 2_654_435_761) >> 16) }

    private static func set(_ bits: inout [UInt64], _ key: UInt32) {
        let bit = bit(key)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always)
    private static func test(_ bits: UnsafeBufferPointer<UInt64>, _ key: UInt32) -> Bool {
        let bit = bit(key)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// A letter, a mark or a cased character: what lower-casing can write.
    private static func mayChangeWhenLowercased(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isCased || scalar.properties.changesWhenLowercased { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark,
            .enclosingMark:
            return true
        default: return false
        }
    }

    private func markLiteral(_ entry: Int, at start: Int, in text: UnsafeBufferPointer<UInt8>, into candidates: UnsafeMutableBufferPointer<Bool>) {
        // Read in place: copying a literal (two arrays) per trigram hit cost a fifth of the pass.
        literals.withUnsafeBufferPointer { literals in
            let matches = literals[entry].bytes.withUnsafeBufferPointer { bytes in
                guard start + bytes.count <= text.count else { return false }
                for offset in 4..<bytes.count where text[start + offset] != bytes[offset] { return false }
                return true
            }
            if matches { for rule in literals[entry].rules { candidates[rule] = true } }
        }
    }
}

/// A read-only map from a 32-bit key (any but 2³² − 1) to a short list of integers, in three flat
/// arrays: slots probed linearly from a multiplicative hash, each naming its list's range in
/// `values`.
struct FlatIndex: Sendable {
    private static let empty = UInt32.max
    private var keys: [UInt32] = [empty]
    private var ranges: [(start: Int32, end: Int32)] = [(0, 0)]
    private var values: [Int] = []
    private var shift: UInt32 = 31

    init() {}

    init(_ lists: [UInt32: [Int]]) {
        var capacity = 1
        var bits: UInt32 = 0
        while capacity < max(lists.count * 2, 1) {
            capacity *= 2
            bits += 1
        }
        keys = [UInt32](repeating: Self.empty, count: capacity)
        ranges = [(Int32, Int32)](repeating: (0, 0), count: capacity)
        shift = 32 - max(bits, 1)
        // Sorted, so the same literals always make the same table.
        for (key, list) in lists.sorted(by: { $0.key < $1.key }) {
            precondition(key != Self.empty, "FlatIndex keys are below 2^32 - 1")
            var slot = slot(of: key)
            while keys[slot] != Self.empty { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            ranges[slot] = (Int32(values.count), Int32(values.count + list.count))
            values += list
        }
    }

    var isEmpty: Bool { values.isEmpty }

    @inline(__always)
    private func slot(of key: UInt32) -> Int {
        Int(truncatingIfNeeded: (key &* 2_654_435_761) >> shift) & (keys.count - 1)
    }

    /// Calls `body` with each value listed under `key` (none when the key is absent).
    @inline(__always)
    func forEach(_ key: UInt32, _ body: (Int) -> Void) {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = slot(of: key)
            while true {
                let found = keys[slot]
                if found == key {
                    let range = ranges[slot]
                    values.withUnsafeBufferPointer { values in
                        for index in Int(range.start)..<Int(range.end) { body(values[index]) }
                    }
                    return
                }
                if found == Self.empty { return }
                slot = (slot + 1) & mask
            }
        }
    }
}
