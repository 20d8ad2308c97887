/// Step 2: diacritics removal on precomposed letters (é → e, ọ → o, ώ → ω, ё → е, が → か).
///
/// Canonical decomposition without its combining marks. Letters whose "diacritic" is part of the
/// letter itself (ł, ø, đ) have no decomposition; `LookalikeFolding` handles them. Case is kept, since
/// look-alike folding after this step needs it.
struct DiacriticFolding: NormalizationStep {
    let table: ScalarFoldMap

    init(tables: UnicodeFoldTables = .standard) {
        table = tables.diacritics
    }

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        table.foldEach(input)
    }
}
