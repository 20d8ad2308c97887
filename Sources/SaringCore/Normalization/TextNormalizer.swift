/// Turns a comment into the evasion-proof text the policy regexes run on, keeping a map back to the
/// original so matches can be highlighted and masked where the writer typed them.
///
/// The pipeline, in order (each step its own type and file):
/// 1. `CompatibilityFolding` — NFKC per scalar (𝗦𝗟𝗢𝗧, ＳＬＯＴ, Ⓢ → S L O T)
/// 2. `DiacriticFolding` — precomposed accents off (é → e)
/// 3. `LookalikeFolding` — Cyrillic, Greek, small capitals, ł ø, ❶ … → ASCII (needs case, so before 4)
/// 4. `CaseFolding` — lower case
/// 5. `InvisibleCharacterRemoval` — zero-width, bidi, soft hyphen, combining marks (after 4, which can
///    produce marks: İ → i + ◌̇)
/// 6. `SpacedLetterJoining` — `s l o t` → `slot` (before leet, so `s l 0 t` is one word first)
/// 7. `LeetspeakFolding` — `g4c0r` → `gacor`
/// 8. `StretchedRunSqueezing` — `gacooor` → `gacor` (after leet: `gaco0or`)
/// 9. `WhitespaceCollapsing` — one space between words, none at the edges
///
/// Steps 1–4 run as one table lookup per scalar (`CombinedScalarFolding`); pure ASCII input skips
/// them and is lower-cased while it is read. Every step returns its input untouched, without
/// copying, when a quick scan finds nothing to do. Build one normalizer and reuse it: the first one
/// made in a process fills the Unicode tables (~40–100 ms); after that, making one is free.
public struct TextNormalizer: Sendable {
    private let scalarFolding: CombinedScalarFolding
    private let invisibles = InvisibleCharacterRemoval()
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
        if !isASCII {
            run(scalarFolding)
        }
        run(invisibles)
        run(joining)
        run(leetspeak)
        run(squeezing)
        run(whitespace)
        return NormalizedText(original: original, originalScalarCount: scalarCount, normalized: current)
    }
}
