/// The checks every moderation product has that are not regexes: links, length and shouting (the
/// premoderation of an author's first comments needs the author's record:
/// ``Verdict/applying(author:)``). Each one that fires becomes a hit with a `settings.*` rule id,
/// so it is explained and stored like any rule.
struct SettingsChecks {
    let settings: PolicySettings
    let linkPattern: PCRE2Pattern
    let scratch: MatchScratch

    func hits(_ draft: CommentDraft) -> [RuleHit] {
        var hits: [RuleHit] = []
        func add(_ id: String, _ description: String, _ action: RuleAction) {
            hits.append(
                RuleHit(ruleId: "settings.\(id)", category: "limits", description: description, action: action.kind, score: action.points))
        }
        if let maxLinks = settings.maxLinks, Self.mayHoldLinks(draft.body) {
            var body = draft.body
            let links = body.withUTF8 { linkPattern.matches(in: $0, scratch: scratch) }.ranges.count
            if links > maxLinks { add("links", "\(links) links (at most \(maxLinks))", settings.linksAction) }
        }
        // Characters are never more than UTF-8 bytes, so most comments need no counting at all.
        let trimmed = draft.body.trimmedWhitespace
        if trimmed.prefix(settings.minLength).count < settings.minLength {
            add("length", "\(trimmed.count) characters (at least \(settings.minLength))", settings.lengthAction)
        } else if let maxLength = settings.maxLength, trimmed.utf8.count > maxLength, trimmed.count > maxLength {
            add("length", "\(trimmed.count) characters (at most \(maxLength))", settings.lengthAction)
        }
        if let ratio = settings.shoutingMaxCapsRatio {
            var (letters, capitals) = Self.countLetters(ascii: draft.body)
            if letters < 0 {
                (letters, capitals) = (0, 0)
                for scalar in draft.body.unicodeScalars where scalar.properties.isAlphabetic {
                    letters += 1
                    if scalar.properties.isUppercase { capitals += 1 }
                }
            }
            if letters >= settings.shoutingMinLetters, Double(capitals) / Double(letters) > ratio {
                add("shouting", "\(capitals) of \(letters) letters are capitals", settings.shoutingAction)
            }
        }
        return hits
    }

    /// Letters and capitals of an ASCII text in one pass over its bytes; (-1, -1) when the text is
    /// not ASCII (the caller then asks Unicode).
    static func countLetters(ascii text: String) -> (Int, Int) {
        var copy = text
        return copy.withUTF8 { bytes in
            var letters = 0
            var capitals = 0
            for byte in bytes {
                if byte >= 0x80 { return (-1, -1) }
                let folded = byte | 0x20
                if folded >= 0x61, folded <= 0x7A {
                    letters += 1
                    if byte < 0x60 { capitals += 1 }
                }
            }
            return (letters, capitals)
        }
    }

    /// Every link the pattern counts has `//` or a dot directly followed by a letter or digit
    /// (`x.com`, `www.`, `bit.ly`), so text without either is skipped without running the regex.
    static func mayHoldLinks(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") { return true }
                if previous == UInt8(ascii: "."), byte >= 0x30, byte <= 0x39 || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) {
                    return true
                }
                previous = byte
            }
            return false
        }
    }
}
