/// The features a classifier rule reads from a comment's normalized text: each word, each pair of
/// neighbouring words, and the 3- to 5-letter pieces of each word with `_` marking its edges
/// (`gacor` gives `c:_ga`, `c:gac`, …, `c:cor_`). A word is a run of letters and digits.
///
/// Features are named `w:slot`, `w:slot gacor`, `c:_ga` in model files; while judging they are
/// hashed straight from the text's bytes (no strings built), each with the byte range it covers so
/// a hit can point at what the writer typed.
enum NGramFeatures {
    static let pieceLengths = 3...5
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
        var count = 0
        var previousWord: Range<Int>? = nil
        var previousHash = FeatureHash()
        var scalarStarts: [Int] = []
        var position = 0
        while position < text.count {
            guard let word = nextWord(in: text, from: position) else { break }
            position = word.upperBound
            // The word itself.
            var wordHash = FeatureHash("w:")
            wordHash.add(UnsafeBufferPointer(rebasing: text[word]))
            body(Occurrence(key: wordHash.key, range: word))
            count += 1
            // The pair with the word before.
            if let previous = previousWord {
                var pair = previousHash
                pair.add(0x20)
                pair.add(UnsafeBufferPointer(rebasing: text[word]))
                body(Occurrence(key: pair.key, range: previous.lowerBound..<word.upperBound))
                count += 1
            }
            previousWord = word
            previousHash = wordHash
            // The pieces, over scalars, with the word's edges as `_`.
            scalarStarts.removeAll(keepingCapacity: true)
            var index = word.lowerBound
            while index < word.upperBound, scalarStarts.count < longestWordForPieces {
                scalarStarts.append(index)
                index += UTF8Width.ofLeadByte(text[index])
            }
            let end = min(index, word.upperBound)
            scalarStarts.append(end)
            let letters = scalarStarts.count - 1
            // Padded positions: -1 is the leading `_`, `letters` the trailing one.
            for start in -1..<letters {
                var hash = FeatureHash("c:")
                var length = 0
                var position = start
                while length < pieceLengths.upperBound, position <= letters {
                    if position == -1 || position == letters {
                        hash.add(0x5F)
                    } else {
                        hash.add(UnsafeBufferPointer(rebasing: text[scalarStarts[position]..<scalarStarts[position + 1]]))
                    }
                    length += 1
                    position += 1
                    if length >= pieceLengths.lowerBound {
                        let lower = scalarStarts[max(start, 0)]
                        let upper = scalarStarts[min(position, letters)]
                        body(Occurrence(key: hash.key, range: lower..<upper))
                        count += 1
                    }
                }
            }
        }
        return count
    }

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
    static func nextWord(in text: UnsafeBufferPointer<UInt8>, from position: Int) -> Range<Int>? {
        var start = position
        while start < text.count {
            let width = isWordScalar(text, at: start)
            if width > 0 { break }
            start += max(-width, 1)
        }
        guard start < text.count else { return nil }
        var end = start
        while end < text.count {
            let width = isWordScalar(text, at: end)
            guard width > 0 else { break }
            end += width
        }
        return start..<end
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
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: text[offset..<(offset + width)]).makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return -width }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil ? width : -width
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
