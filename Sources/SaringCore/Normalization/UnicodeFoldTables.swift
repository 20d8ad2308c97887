import Foundation

/// The per-scalar tables behind the folding steps, computed once per process.
///
/// Foundation's normalization costs ~0.6 µs per call on Linux and ~13 µs per 300-byte comment, more
/// than the whole budget, so the pipeline never calls it per comment. Instead every scalar whose fold
/// can differ is asked once, when the first `TextNormalizer` is made (~40–100 ms), and the answers are
/// kept in paged lookup tables. `standard` is an immutable constant, like a generated table in
/// source, not shared mutable state.
struct UnicodeFoldTables: Sendable {
    /// Scalar → its NFKC form (`precomposedStringWithCompatibilityMapping`).
    let compatibility: ScalarFoldMap
    /// Scalar → its canonical decomposition without combining marks (é → e, ώ → ω, ё → е).
    let diacritics: ScalarFoldMap
    /// Look-alike → lower-case ASCII: every script's decimal digits by numeric value (٣ → 3, Javanese
    /// ꧓ → 3), the generated `ConfusablesTable` (UTS #39), and the hand-kept `LookalikeTable` over both.
    let lookalikes: ScalarFoldMap
    /// The three tables above and lower-casing, composed: what steps 1–4 do to each scalar, in one
    /// lookup (they are all scalar-by-scalar maps, so composing them changes nothing but speed).
    let combined: ScalarFoldMap

    static let standard = UnicodeFoldTables()

    private init() {
        var compatibilityPairs: [(Unicode.Scalar, [Unicode.Scalar])] = []
        var lookalikePairs: [UInt32: [Unicode.Scalar]] = [:]
        var diacriticCandidates = Set<Unicode.Scalar>()
        var caseChanging: [Unicode.Scalar] = []
        for range in Self.scanRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let properties = scalar.properties
                if properties.changesWhenNFKCCaseFolded, let folded = Self.compatibilityFold(scalar) {
                    compatibilityPairs.append((scalar, folded))
                    diacriticCandidates.formUnion(folded.filter { $0.value >= 0xC0 })
                } else if properties.numericType == .decimal, let digit = properties.numericValue {
                    lookalikePairs[value] = Array(String(Int(digit)).unicodeScalars)
                }
                if properties.changesWhenLowercased {
                    caseChanging.append(scalar)
                }
                if properties.isAlphabetic, Self.letterScanRanges.contains(where: { $0.contains(value) }) {
                    diacriticCandidates.insert(scalar)
                }
            }
        }
        for table in [ConfusablesTable.entries, LookalikeTable.entries] {
            for (value, target) in table {
                lookalikePairs[value] = Array(target.unicodeScalars)  // the hand-kept table wins
            }
        }
        compatibility = ScalarFoldMap(compatibilityPairs)
        lookalikes = ScalarFoldMap(lookalikePairs.map { (Unicode.Scalar($0.key)!, $0.value) })
        diacritics = ScalarFoldMap(diacriticCandidates.compactMap { scalar in
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            let base = decomposed.filter { !NormalizerCharacterClass.isCombiningMark($0) }
            return base.isEmpty ? nil : (scalar, Array(base))
        })
        var sources = Set<Unicode.Scalar>(caseChanging)
        sources.formUnion(compatibilityPairs.map(\.0))
        sources.formUnion(diacriticCandidates)
        sources.formUnion(lookalikePairs.keys.compactMap { Unicode.Scalar($0) })
        sources.formUnion((UInt32(0x41)...0x5A).compactMap { Unicode.Scalar($0) })  // A–Z
        let stages = [compatibility, diacritics, lookalikes]
        combined = ScalarFoldMap(sources.map { (scalar: Unicode.Scalar) in
            let folded = stages.reduce([scalar]) { scalars, table in
                scalars.flatMap { (next: Unicode.Scalar) -> [Unicode.Scalar] in
                    let fold = table.fold(next)
                    return fold.isEmpty ? [next] : fold
                }
            }
            return (scalar, folded.flatMap(CaseFolding.lowercased))
        })
    }

    /// NFKC of one scalar, or nil when it should stay as it is.
    private static func compatibilityFold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        let folded = Array(String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars)
        guard folded != [scalar], !folded.isEmpty else { return nil }
        // Spacing accents (´ → space + combining acute) would inject a space into a word: keep them.
        if folded.count > 1, folded.first == " ", folded.dropFirst().allSatisfy(NormalizerCharacterClass.isCombiningMark) {
            return nil
        }
        // ⒮ and ⑴ fold to "(s)" and "(1)"; the parentheses are decoration, not text.
        let inner = folded.dropFirst().dropLast()
        if folded.count >= 3, folded.first == "(", folded.last == ")",
            inner.allSatisfy({ $0.isASCII && NormalizerCharacterClass.isLetterOrDigit($0) })
        {
            return Array(inner)
        }
        return folded
    }

    /// Everything but the big blocks without compatibility mappings or digits (CJK ideographs, Hangul
    /// syllables, surrogates, private use, planes 2+ except CJK compatibility), to keep the scan short.
    private static let scanRanges: [ClosedRange<UInt32>] = [
        0x0080...0x33FF, 0xA000...0xABFF, 0xF900...0xFFFF, 0x10000...0x1FFFF, 0x2F800...0x2FA1F,
    ]

    /// Blocks with precomposed letters (Latin, Greek, Cyrillic, Indic, kana, Latin Extended-D/E,
    /// presentation forms) whose canonical decomposition is asked for.
    private static let letterScanRanges: [ClosedRange<UInt32>] = [
        0x00C0...0x33FF, 0xA640...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFFEF,
    ]
}
