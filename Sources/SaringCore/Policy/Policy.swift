/// A compiled policy folder: an immutable snapshot that judges comments. Build one with
/// ``PolicyCompiler/compile(_:)``; swap snapshots to reload.
public struct Policy: Sendable {
    /// Content hash of the folder the policy was compiled from.
    public let version: String
    public let settings: PolicySettings
    let rules: [CompiledRule]
    let normalizer = TextNormalizer()
    /// Prefilters over normalized and over raw (lower-cased) text, each for its own rules.
    let normalizedPrefilter: LiteralPrefilter
    let rawPrefilter: LiteralPrefilter
    let linkPattern: PCRE2Pattern
    /// Where each rule's prefilter units (its branches, or itself) start among the prefilters'
    /// entries; one more at the end.
    let unitStarts: [Int]
    /// The fields each rule looks at, one bit per field (``RuleField/bit``), apart from the rules:
    /// read per field of every comment.
    let ruleFields: [UInt8]
    /// The fields some rule looks at: the others are not normalized or searched at all (the
    /// shipped pack looks at bodies only, and every comment has an author name).
    let judgedFields: [RuleField]
    /// Off only to measure what the prefilter saves (benchmarks).
    var usesPrefilter = true

    init(version: String, settings: PolicySettings, rules: [CompiledRule]) {
        self.version = version
        self.settings = settings
        self.rules = rules
        var starts = [0]
        var normalizedUnits: [[String]?] = []
        var rawUnits: [[String]?] = []
        for rule in rules {
            let units = rule.prefilterUnits
            normalizedUnits += units.map { rule.spec.target == .normalized ? $0 : [] }
            rawUnits += units.map { rule.spec.target == .raw ? $0 : [] }
            starts.append(starts[starts.count - 1] + units.count)
        }
        unitStarts = starts
        ruleFields = rules.map { $0.spec.fields.reduce(0) { $0 | $1.bit } }
        let lookedAt = ruleFields.reduce(0, |)
        judgedFields = RuleField.allCases.filter { lookedAt & $0.bit != 0 }
        normalizedPrefilter = LiteralPrefilter(normalizedUnits)
        rawPrefilter = LiteralPrefilter(rawUnits)
        // A link: a scheme or www., or a host name ending in a common top-level domain.
        linkPattern = try! PCRE2Pattern(
            #"(?:https?://|www\.)[^\s]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|id|co|io|me|ly|xyz|info|biz|site|online|top|link|vip|club|app|pro|cc|gg|bet|win|asia)\b(?:/[^\s]*)?"#)
    }

    /// The rules, in file order, as editors wrote them.
    public var ruleSpecs: [RuleSpec] { rules.map(\.spec) }

    /// The same policy running every rule on every comment: the baseline the prefilter is measured against.
    public func withoutPrefilter() -> Policy {
        var copy = self
        copy.usesPrefilter = false
        return copy
    }

    /// Normalizes text the way rules see it (for `saring policy test` and tools).
    public func normalize(_ text: String) -> NormalizedText { normalizer.normalize(text) }
}
