/// Splits normalized comment text into campaign tokens in one pass over its UTF-8 bytes.
///
/// Campaign variants differ in what carries no meaning to the reader, so that is what tokens drop:
/// punctuation, emoji and other symbols separate words and vanish; apostrophes inside a word are
/// skipped (`raji'un` = `rajiun`); every number becomes the one `number` token, so `deposit 50rb`
/// and `deposit 25rb` tokenize alike. Space-separated chunks that look like a domain, URL or
/// `@handle` stay one `link` token (host only, digits folded), because spam rotates the path and
/// site number while the rest of the message stays.
///
/// Hashes only, no `String` per token: a 300-byte comment tokenizes in well under a microsecond.
struct CampaignTokenizer: Sendable {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    func forEachToken(in text: String, _ body: (CampaignToken) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var afterNumber = false
            var start = 0
            while start < bytes.count {
                if Self.isSpace(bytes[start]) {
                    start += 1
                    continue
                }
                var end = start
                var mayBeLink = false  // only a '.' or '@' makes a link; most chunks skip the check
                while end < bytes.count, !Self.isSpace(bytes[end]) {
                    mayBeLink = mayBeLink || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "@")
                    end += 1
                }
                if mayBeLink, let link = Self.linkToken(bytes, start..<end) {
                    body(link)
                    afterNumber = false
                } else {
                    Self.splitWords(bytes, start..<end, afterNumber: &afterNumber, body)
                }
                start = end
            }
        }
    }

    /// Letter runs become words, digit runs numbers; `afterNumber` carries across chunks so that
    /// `0812 3456 7890` is one number, like `0812-3456-7890`.
    private static func splitWords(
        _ bytes: Bytes, _ chunk: Range<Int>, afterNumber: inout Bool, _ body: (CampaignToken) -> Void
    ) {
        var index = chunk.lowerBound
        while index < chunk.upperBound {
            let byte = bytes[index]
            if isDigit(byte) {
                repeat { index += 1 } while index < chunk.upperBound && isDigit(bytes[index])
                if !afterNumber {
                    body(CampaignToken(kind: .number, hash: CampaignToken.numberHash, isInformative: true))
                    afterNumber = true
                }
                continue
            }
            let (scalar, length) = scalar(in: bytes, at: index)
            guard NormalizerCharacterClass.isLetter(scalar) else {
                index += length
                continue
            }
            var hash = CampaignHash.fnvOffsetBasis
            var letters = 0
            while index < chunk.upperBound {
                let (scalar, length) = Self.scalar(in: bytes, at: index)
                if NormalizerCharacterClass.isLetter(scalar) {
                    if length == 1 {
                        hash = CampaignHash.fnv(hash, bytes[index] | 0x20)
                    } else {
                        for offset in index..<(index + length) { hash = CampaignHash.fnv(hash, bytes[offset]) }
                    }
                    letters += 1
                } else if !isApostrophe(scalar) {
                    break
                }
                index += length
            }
            let token = CampaignHash.mix(hash)
            body(CampaignToken(kind: .word, hash: token, isInformative: letters >= 2 && !CommonWords.contains(token)))
            afterNumber = false
        }
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0x80
    }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    /// Decodes the scalar starting at `index`; the bytes come from a `String`, so they are valid
    /// UTF-8 and `index` is at a scalar boundary.
    @inline(__always)
    static func scalar(in bytes: Bytes, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
