/// Character classes for the literal extractor: `[…]` sets, hex escapes.
extension LiteralExtractor.Parser {
    typealias Info = LiteralExtractor.Info

    /// A bracketed class. Small sets of plain characters are exact; a class of only non-ASCII
    /// characters (look-alike ranges such as `[\x{1D400}-\x{1D7FF}]`) needs "some non-ASCII".
    mutating func parseClass() -> Info? {
        var ranges: [ClosedRange<UInt32>] = []
        var complex = index < chars.count && chars[index] == "^"
        if complex { index += 1 }
        var first = true
        var previous: UInt32? = nil  // last single member, may start a range
        var inRange = false  // a '-' followed `previous`
        func flush() {
            if let member = previous { ranges.append(member...member) }
            previous = nil
        }
        while index < chars.count {
            let c = chars[index]
            if c == "]" && !first {
                index += 1
                flush()
                if inRange { ranges.append(0x2D...0x2D) }
                return classInfo(ranges, complex: complex)
            }
            first = false
            if c == "-", previous != nil, !inRange, index + 1 < chars.count, chars[index + 1] != "]" {
                inRange = true
                index += 1
                continue
            }
            var member: UInt32? = nil
            if c == "\\" {
                index += 1
                guard index < chars.count else { return nil }
                let escaped = chars[index]
                if escaped == "x" {
                    guard let value = parseHexEscape() else { return nil }
                    member = value
                } else if escaped == "p" {
                    var name = ""
                    if index + 1 < chars.count, chars[index + 1] == "{" {
                        index += 2
                        while index < chars.count, chars[index] != "}" {
                            name.append(chars[index])
                            index += 1
                        }
                    }
                    // Other symbols (So) are all outside ASCII: the class needs non-ASCII there.
                    if name == "so" && original(at: index - name.count - 2) == "p" {
                        flush()
                        inRange = false
                        ranges.append(0x80...0x10FFFF)
                        index += 1
                        continue
                    }
                } else if !(escaped.isLetter || escaped.isNumber) {
                    member = escaped.unicodeScalars.first?.value
                }
            } else if c == "[", index + 1 < chars.count, chars[index + 1] == ":" {
                while index < chars.count, chars[index] != "]" { index += 1 }
            } else if c.unicodeScalars.count == 1 {
                member = c.unicodeScalars.first?.value
            }
            index += 1
            guard let member else {
                complex = true
                flush()
                inRange = false
                continue
            }
            if inRange, let start = previous {
                ranges.append(min(start, member)...max(start, member))
                previous = nil
                inRange = false
            } else {
                flush()
                previous = member
            }
        }
        return nil  // unterminated class
    }

    func classInfo(_ ranges: [ClosedRange<UInt32>], complex: Bool) -> Info {
        guard !complex, !ranges.isEmpty else { return .anything }
        if ranges.allSatisfy({ $0.lowerBound >= 0x80 }) {
            return Info(exact: nil, required: [LiteralExtractor.nonASCII])
        }
        if ranges.count > 1 || ranges[0].lowerBound != ranges[0].upperBound,
            ranges.allSatisfy({ $0.lowerBound >= 0x30 && $0.upperBound <= 0x39 })
        {
            return Info(exact: nil, required: [LiteralExtractor.digit])
        }
        // Non-ASCII ranges plus a few ASCII characters (`[\p{So}\[\]()]`): any of them.
        let ascii = ranges.filter { $0.lowerBound < 0x80 }
        if ascii.count < ranges.count, ascii.count <= 8, ascii.allSatisfy({ $0.lowerBound == $0.upperBound }) {
            let characters = ascii.compactMap { Unicode.Scalar($0.lowerBound).map { String(Character($0)).lowercased() } }
            return Info(exact: nil, required: [LiteralExtractor.nonASCII] + characters)
        }
        let singles = ranges.filter { $0.lowerBound == $0.upperBound }
        guard singles.count == ranges.count, singles.count <= 8 else { return .anything }
        let strings = singles.compactMap { Unicode.Scalar($0.lowerBound).map { String(Character($0)).lowercased() } }
        return Info(exact: Array(Set(strings)), required: nil)
    }

    /// `\x{HHHH}` or `\xHH` with `index` on the `x`; leaves `index` on the last character.
    mutating func parseHexEscape() -> UInt32? {
        guard index + 1 < chars.count else { return nil }
        if chars[index + 1] == "{" {
            var end = index + 2
            while end < chars.count, chars[end] != "}" { end += 1 }
            guard end < chars.count, let value = UInt32(String(chars[(index + 2)..<end]), radix: 16) else { return nil }
            index = end
            return value
        }
        guard index + 2 < chars.count, let value = UInt32(String(chars[(index + 1)...(index + 2)]), radix: 16) else { return nil }
        index += 2
        return value
    }
}
