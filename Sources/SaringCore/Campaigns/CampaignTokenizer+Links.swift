/// Recognizing the chunks that tell a reader where to go: `gacor88.com`, `https://bit.ly/x1`,
/// `www.pinjol-cepat.id/daftar`, `cs@pinjam.co.id`, `@admin_slot88`.
extension CampaignTokenizer {
    /// The chunk as one `link` token, or nil when it is ordinary text (`benar.saya`, `50.000`).
    static func linkToken(_ bytes: Bytes, _ chunk: Range<Int>) -> CampaignToken? {
        var start = chunk.lowerBound
        var end = chunk.upperBound
        while start < end, isWrapper(bytes[start]), bytes[start] != UInt8(ascii: "@") { start += 1 }
        while end > start, isWrapper(bytes[end - 1]) { end -= 1 }
        guard end - start >= 3 else { return nil }
        if bytes[start] == UInt8(ascii: "@") {
            guard isAlphanumeric(bytes[start + 1]) else { return nil }
            return link(bytes, start..<end)
        }
        var hostStart = start
        var isMarked = false
        if let scheme = find("://", in: bytes, start..<end) {
            hostStart = scheme + 3
            isMarked = true
        }
        var hostEnd = hostStart
        while hostEnd < end, !isHostTerminator(bytes[hostEnd]) { hostEnd += 1 }
        if find("www.", in: bytes, hostStart..<hostEnd) == hostStart {
            hostStart += 4
            isMarked = true
        }
        var lastDot = hostEnd - 1
        while lastDot > hostStart, bytes[lastDot] != UInt8(ascii: ".") { lastDot -= 1 }
        guard lastDot > hostStart, lastDot + 1 < hostEnd, isAlphanumeric(bytes[lastDot - 1]) else { return nil }
        if !isMarked {
            let suffix = CampaignHash.token(UnsafeBufferPointer(rebasing: bytes[(lastDot + 1)..<hostEnd]).lazy.map { $0 | 0x20 })
            guard LinkSuffixes.all.contains(suffix) else { return nil }
        }
        return link(bytes, hostStart..<hostEnd)
    }

    /// Digit runs fold to one `#`, so `slot88.com` and `slot77.com` are the same link.
    private static func link(_ bytes: Bytes, _ range: Range<Int>) -> CampaignToken {
        var hash = CampaignHash.fnvOffsetBasis
        var afterDigit = false
        for index in range {
            let byte = bytes[index]
            if isDigit(byte) {
                if !afterDigit { hash = CampaignHash.fnv(hash, UInt8(ascii: "#")) }
                afterDigit = true
            } else {
                hash = CampaignHash.fnv(hash, byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                afterDigit = false
            }
        }
        return CampaignToken(kind: .link, hash: CampaignHash.mix(hash), isInformative: true)
    }

    /// Punctuation a link is written inside or followed by: `(gacor88.com)`, `bit.ly/x1!`.
    private static func isWrapper(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "."), UInt8(ascii: ","),
            UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    private static func isHostTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ":")
    }

    private static func find(_ needle: StaticString, in bytes: Bytes, _ range: Range<Int>) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard range.count >= count else { return nil }
        let pattern = needle.utf8Start
        outer: for start in range.lowerBound...(range.upperBound - count) {
            for offset in 0..<count where bytes[start + offset] | 0x20 != pattern[offset] | 0x20 { continue outer }
            return start
        }
        return nil
    }
}
