/// The checks every moderation product has that are not regexes: links, length, shouting, and
/// premoderation of an author's first comments. Each one that fires becomes a hit with a
/// `settings.*` rule id, so it is explained and stored like any rule.
struct SettingsChecks {
    let settings: PolicySettings
    let linkPattern: PCRE2Pattern
    let scratch: MatchScratch

    func hits(_ draft: CommentDraft, context: JudgeContext) -> [RuleHit] {
        var hits: [RuleHit] = []
        func add(_ id: String, _ description: String, _ action: RuleAction) {
            hits.append(
                RuleHit(ruleId: "settings.\(id)", category: "limits", description: description, action: action.name, score: action.points))
        }
        if let maxLinks = settings.maxLinks, Self.mayHoldLinks(draft.body) {
            var body = draft.body
            let links = body.withUTF8 { linkPattern.matches(in: $0, scratch: scratch) }.ranges.count
            if links > maxLinks { add("links", "\(links) links (at most \(maxLinks))", settings.linksAction) }
        }
        let length = draft.body.trimmedWhitespace.count
        if length < settings.minLength {
            add("length", "\(length) characters (at least \(settings.minLength))", settings.lengthAction)
        } else if let maxLength = settings.maxLength, length > maxLength {
            add("length", "\(length) characters (at most \(maxLength))", settings.lengthAction)
        }
        if let ratio = settings.shoutingMaxCapsRatio {
            var letters = 0
            var capitals = 0
            for scalar in draft.body.unicodeScalars {
                if scalar.isASCII {
                    // Fast path: most comments are ASCII.
                    let value = scalar.value
                    if (0x41...0x5A).contains(value) { letters += 1; capitals += 1 }
                    else if (0x61...0x7A).contains(value) { letters += 1 }
                } else if scalar.properties.isAlphabetic {
                    letters += 1
                    if scalar.properties.isUppercase { capitals += 1 }
                }
            }
            if letters >= settings.shoutingMinLetters, Double(capitals) / Double(letters) > ratio {
                add("shouting", "\(capitals) of \(letters) letters are capitals", settings.shoutingAction)
            }
        }
        if settings.premoderateFirstComments > 0, context.standing != .trusted,
            context.approvedComments < settings.premoderateFirstComments
        {
            add(
                "first-comments",
                "author has \(context.approvedComments) published comments; the first \(settings.premoderateFirstComments) are reviewed",
                .hold)
        }
        return hits
    }

    /// Every link the pattern counts has `//` or a dot directly followed by a letter or digit
    /// (`x.com`, `www.`, `bit.ly`), so text without either is skipped without running the regex.
    static func mayHoldLinks(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") { return true }
            if previous == UInt8(ascii: "."), byte >= 0x30, byte <= 0x39 || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) {
                return true
            }
            previous = byte
        }
        return false
    }
}
