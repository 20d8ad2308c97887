/// The features a classifier rule reads from a comment's normalized text: each word, each pair of
/// neighbouring words, and the 3- and 4-letter pieces of each word with `_` marking its edges
/// (`gacor` gives `c:_ga`, `c:gac`, …, `c:cor_`). A word is a run of letters and digits.
///
/// Features are named `w:slot`, `w:slot gacor`, `c:_ga` in model files; while judging they are
/// hashed straight from the text's bytes (no strings built), each with the byte range it covers so
/// a hit can point at what the writer typed.
enum NGramFeatures {
    static let pieceLengths = 3...4
    /// Longer runs (hashes, base64) add pieces only from their first letters.
    static let longestWordForPieces = 32

    /// One feature occurrence: its hash and the UTF-8 byte range of the text it covers.
    struct Occurrence {
        var key: UInt64
        var range: Range<Int>
    }

    /// Calls `body` with every feature of `text`, in text order; returns how many there were.
    @discardableResult
    static func forEach(in text: UnsafeBufferPointer<UInt8>, _ body: (Occurrence) -> Void) -> Int {
        withoutActuallyEscaping(body) { body in
            var visitor = ClosureVisitor(body: body)
            return visit(text, &visitor)
        }
    }

    /// What reads every feature of a text: `visit` gets each feature's hash and the byte range it
    /// covers as two bounds (a `Range` is only built by a visitor that keeps the feature).
    protocol Visitor {
        mutating func visit(_ key: UInt64, _ lower: Int, _ upper: Int)
    }

    private struct ClosureVisitor: Visitor {
        let body: (Occurrence) -> Void
        mutating func visit(_ key: UInt64, _ lower: Int, _ upper: Int) { body(Occurrence(key: key, range: lower..<upper)) }
    }

    /// Visits every feature of `text`, in text order; returns how many there were.
    ///
    /// Written for speed (it runs on every comment a classifier rule judges): bytes read through a
    /// raw pointer, FNV steps inline, words of ASCII letters (nearly all, after normalization) cut
    /// into pieces without a table of scalar offsets, and the visitor passed `inout` and
    /// specialized, so a reading's running sum stays in a register instead of a captured variable
    /// stored and loaded again for every feature.
    @discardableResult
    static func visit<V: Visitor>(_ text: UnsafeBufferPointer<UInt8>, _ visitor: inout V) -> Int {
        guard let bytes = text.baseAddress else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestWordForPieces + 2) { padded in
            features(bytes, text, padded, &visitor)
        }
    }

    private static func features<V: Visitor>(
        _ bytes: UnsafePointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>, _ padded: UnsafeMutableBufferPointer<UInt8>,
        _ visitor: inout V
    ) -> Int {
        var count = 0
        var previous: (range: Range<Int>, hash: UInt64)? = nil
        var scalarStarts: [Int] = []
        var position = 0
        let wordSeed = Self.wordSeed
        let pieceSeed = Self.pieceSeed
        while let word = nextWord(in: text, from: position) {
            position = word.upperBound
            var wordHash = wordSeed
            var ascii = true
            for index in word {
                let byte = bytes[index]
                ascii = ascii && byte < 0x80
                wordHash = step(wordHash, byte)
            }
            visitor.visit(key(wordHash), word.lowerBound, word.upperBound)
            count &+= 1
            if let previous {
                var pair = step(previous.hash, 0x20)
                for index in word { pair = step(pair, bytes[index]) }
                visitor.visit(key(pair), previous.range.lowerBound, word.upperBound)
                count &+= 1
            }
            previous = (word, wordHash)
            if ascii {
                // `_word_` copied into `padded`, then every 3- and 4-byte window of it.
                let letters = min(word.count, longestWordForPieces)
                let base = word.lowerBound
                padded[0] = 0x5F
                for offset in 0..<letters { padded[offset &+ 1] = bytes[base &+ offset] }
                padded[letters &+ 1] = 0x5F
                let last = letters &+ 1
                for start in 0...(last &- 2) {
                    var hash = step(step(step(pieceSeed, padded[start]), padded[start &+ 1]), padded[start &+ 2])
                    let lower = base &+ max(start &- 1, 0)
                    visitor.visit(key(hash), lower, base &+ min(start &+ 2, letters))
                    count &+= 1
                    guard start &+ 3 <= last else { continue }
                    hash = step(hash, padded[start &+ 3])
                    visitor.visit(key(hash), lower, base &+ min(start &+ 3, letters))
                    count &+= 1
                }
                continue
            }
            // Other scripts: pieces over scalars, by their byte offsets.
            scalarStarts.removeAll(keepingCapacity: true)
            var index = word.lowerBound
            while index < word.upperBound, scalarStarts.count < longestWordForPieces {
                scalarStarts.append(index)
                index += UTF8Width.ofLeadByte(bytes[index])
            }
            scalarStarts.append(min(index, word.upperBound))
            let letters = scalarStarts.count - 1
            for start in -1..<letters {
                var hash = pieceSeed
                var length = 0
                var at = start
                while length < pieceLengths.upperBound, at <= letters {
                    if at == -1 || at == letters {
                        hash = step(hash, 0x5F)
                    } else {
                        for offset in scalarStarts[at]..<scalarStarts[at + 1] { hash = step(hash, bytes[offset]) }
                    }
                    length += 1
                    at += 1
                    if length >= pieceLengths.lowerBound {
                        visitor.visit(key(hash), scalarStarts[max(start, 0)], scalarStarts[min(at, letters)])
                        count += 1
                    }
                }
            }
        }
        return count
    }

    private static let wordSeed = FeatureHash("w:").value
    private static let pieceSeed = FeatureHash("c:").value

    @inline(__always)
    private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    @inline(__always)
    private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// The names of every feature of `text`, in the order ``forEach(in:_:)`` visits them (training).
    static func names(in text: String) -> [String] {
        var names: [String] = []
        var words: [Substring] = []
        var copy = text
        copy.withUTF8 { bytes in
            var position = 0
            while let word = nextWord(in: bytes, from: position) {
                position = word.upperBound
                words.append(Substring(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self))
            }
        }
        for (index, word) in words.enumerated() {
            names.append("w:\(word)")
            if index > 0 { names.append("w:\(words[index - 1]) \(word)") }
            let letters = Array(word.unicodeScalars.prefix(longestWordForPieces)).map(String.init)
            let padded = ["_"] + letters + ["_"]
            for start in 0..<(padded.count - 1) {
                for length in pieceLengths where start + length <= padded.count {
                    names.append("c:" + padded[start..<(start + length)].joined())
                }
            }
        }
        return names
    }

    /// The hash a feature name stands for, as ``forEach(in:_:)`` computes it from text.
    static func key(ofName name: String) -> UInt64 {
        var hash = FeatureHash()
        hash.add(name.utf8)
        return hash.key
    }

    /// The next run of letters and digits at or after `position`.
    @inline(__always)
    static func nextWord(in text: UnsafeBufferPointer<UInt8>, from position: Int) -> Range<Int>? {
        var start = position
        while start < text.count {
            let byte = text[start]
            if byte < 0x80 {
                if isASCIIWordByte(byte) { break }
                start += 1
                continue
            }
            let width = isWordScalar(text, at: start)
            if width > 0 { break }
            start -= width
        }
        guard start < text.count else { return nil }
        var end = start
        while end < text.count {
            let byte = text[end]
            if byte < 0x80 {
                guard isASCIIWordByte(byte) else { break }
                end += 1
                continue
            }
            let width = isWordScalar(text, at: end)
            guard width > 0 else { break }
            end += width
        }
        return start..<end
    }

    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// The width of the scalar at `offset`, positive when it is a letter or digit, negative when not.
    @inline(__always)
    private static func isWordScalar(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let byte = text[offset]
        if byte < 0x80 {
            let isWord = (byte &- 0x61 < 26) || (byte &- 0x30 < 10) || (byte &- 0x41 < 26)
            return isWord ? 1 : -1
        }
        let width = min(UTF8Width.ofLeadByte(byte), text.count - offset)
        var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for index in (offset + 1)..<(offset + width) { value = value << 6 | UInt32(text[index] & 0x3F) }
        return isLetterOutsideASCII(value) ? width : -width
    }

    /// Letters and digits of the scripts a comment may still hold after normalization (which folds
    /// look-alikes to ASCII), by block: Unicode's properties cost a table search per scalar, and
    /// what remains outside these blocks (emoji, symbols, punctuation) separates words.
    @inline(__always)
    static func isLetterOutsideASCII(_ value: UInt32) -> Bool {
        switch value {
        case 0xC0...0x24F: value != 0xD7 && value != 0xF7  // Latin-1 letters, Latin Extended
        case 0x370...0x58F: value != 0x37E && value != 0x387  // Greek, Cyrillic, Armenian
        case 0x5D0...0x5EA, 0x620...0x64A, 0x660...0x669, 0x671...0x6D3: true  // Hebrew, Arabic, Arabic-Indic digits
        case 0x900...0xDFF, 0xE00...0xEFF: true  // Indic scripts, Thai, Lao
        case 0x1E00...0x1FFF: true  // Latin Extended Additional, Greek Extended
        case 0x3041...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true  // Kana, CJK, Hangul
        default: false
        }
    }
}

enum UTF8Width {
    @inline(__always)
    static func ofLeadByte(_ byte: UInt8) -> Int {
        switch byte {
        case ..<0xC0: 1
        case ..<0xE0: 2
        case ..<0xF0: 3
        default: 4
        }
    }
}
