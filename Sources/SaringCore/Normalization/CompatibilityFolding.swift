/// Step 1: Unicode compatibility folding (NFKC), one scalar at a time.
///
/// Folds the "font" variants spam hides behind: mathematical bold/italic/sans (𝗦𝗟𝗢𝗧), fullwidth
/// (ＳＬＯＴ), circled (Ⓢ, ①), superscripts (ˢ), ligatures (ﬁ), compatibility spaces. Per-scalar NFKC
/// differs from whole-string NFKC only in composition (e + ◌́ stays two scalars), which is harmless
/// because later steps strip diacritics and marks anyway. Dingbat digits (❶ ➊ ⓿) and negative
/// squared letters (🅰) have no compatibility mapping; `LookalikeFolding` handles them.
struct CompatibilityFolding: NormalizationStep {
    let table: ScalarFoldMap

    init(tables: UnicodeFoldTables = .standard) {
        table = tables.compatibility
    }

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        table.foldEach(input)
    }
}
