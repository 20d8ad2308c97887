/// Turns a comment into the evasion-proof text the policy regexes run on, keeping a map back to the
/// original so matches can be highlighted and masked where the writer typed them.
///
/// The pipeline, in order (each step its own type and file):
/// 0. `CharacterReferenceDecoding` — `&#103;acor`, `&amp;` → `gacor`, `&`; then, on text that is
///    not plain ASCII, `UpsideDownFolding` — `ʇols ɹoɔɐƃ` → `gacor slot` (before 3, which reads ƃ as b)
/// 1. `CompatibilityFolding` — NFKC per scalar (𝗦𝗟𝗢𝗧, ＳＬＯＴ, Ⓢ → S L O T)
/// 2. `DiacriticFolding` — precomposed accents off (é → e)
/// 3. `LookalikeFolding` — UTS #39 confusables and a hand-kept table: Cyrillic, Greek, small capitals,
///    ł ø, ❶ … → ASCII (needs case, so before 4)
/// 4. `CaseFolding` — lower case
/// 5. `InvisibleCharacterRemoval` — zero-width, bidi, soft hyphen, combining marks (after 4, which can
///    produce marks: İ → i + ◌̇)
///    then `NumberRepair` — `0812🔥3456🔥7890`, `08l2-3456-78O0` → digits
/// 6. `SpacedLetterJoining` — `s l o t`, `s🎰l🎰o🎰t` → `slot` (before leet, so `s l 0 t` is one word
///    first); then `LinkDotFolding` — `bit(.)ly`, `situs[dot]com`, `b i t . l y` → `bit.ly`
/// 7. `LeetspeakFolding` — `g4c0r` → `gacor`
///    then `MaskedLetterRestoring` — `b*jing*n`, `k#nt#l` → `bajingan`, `kontol` (curses and gambling words)
/// 8. `StretchedRunSqueezing` — `gacooor` → `gacor` (after leet: `gaco0or`)
///    then `WordRepair` — `ga⏎cor`, `ga-⏎cor` and backwards `rocag` → `gacor`; then
///    `NumberWordReading` — `nol delapan satu dua tiga empat lima enam` → `08123456`
/// 9. `WhitespaceCollapsing` — one space between words, none at the edges
///
/// Steps 1–4 run as one table lookup per scalar (`CombinedScalarFolding`); pure ASCII input skips
/// them and is lower-cased while it is read. Every step returns its input untouched, without
/// copying, when a quick scan finds nothing to do. Build one normalizer and reuse it: the first one
/// made in a process fills the Unicode tables (~40–100 ms); after that, making one is free.
public struct TextNormalizer: Sendable {
    private let scalarFolding: CombinedScalarFolding
    private let references = CharacterReferenceDecoding()
    private let upsideDown = UpsideDownFolding()
    private let invisibles = InvisibleCharacterRemoval()
    private let numbers = NumberRepair()
    private let linkDots = LinkDotFolding()
    private let wordRepair = WordRepair()
    private let masked = MaskedLetterRestoring()
    private let numberWords = NumberWordReading()
    private let joining = SpacedLetterJoining()
    private let leetspeak = LeetspeakFolding()
    private let squeezing = StretchedRunSqueezing()
    private let whitespace = WhitespaceCollapsing()

    public init() {
        self.init(tables: .standard)
    }

    init(tables: UnicodeFoldTables) {
        scalarFolding = CombinedScalarFolding(tables: tables)
    }

    public func normalize(_ original: String) -> NormalizedText {
        precondition(original.utf8.count < Int(Int32.max), "text too long to normalize")
        let ascii = MappedScalarBuffer(lowercasingASCII: original)
        let isASCII = ascii != nil
        var current = ascii ?? MappedScalarBuffer(original)
        let scalarCount = current.count
        func run(_ step: some NormalizationStep) {
            current = step.apply(current)
        }
        var needsFolding = !isASCII
        let decoded = references.apply(current)
        if decoded.count != current.count {
            current = decoded
            // A reference can stand for any character (and `&#71;` for a capital), so fold.
            needsFolding = true
        }
        if needsFolding {
            run(upsideDown)
            run(scalarFolding)
        }
        run(invisibles)
        run(numbers)
        run(joining)
        run(linkDots)
        run(leetspeak)
        run(masked)
        run(squeezing)
        run(wordRepair)
        run(numberWords)
        run(whitespace)
        return NormalizedText(original: original, originalScalarCount: scalarCount, normalized: current)
    }
}
