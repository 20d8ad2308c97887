/// Step 3: look-alike letters and digits that NFKC leaves alone, folded to lower-case ASCII.
///
/// Cyrillic and Greek letters (ѕlоt, ΛΝGKΛSΛ), small capitals (ꜱʟᴏᴛ), letters with strokes (ł ø đ),
/// negative circled and squared letters (🅢🅛🅞🅣), dingbat digits (❶❻), other alphabets used by
/// fancy-text generators (`LookalikeTable`), and any script's decimal digits (by numeric value). Runs before case folding: capital and small Greek letters look like different
/// Latin letters (Η/H but η/n, Ν/N but ν/v).
struct LookalikeFolding: NormalizationStep {
    let table: ScalarFoldMap

    init(tables: UnicodeFoldTables = .standard) {
        table = tables.lookalikes
    }

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        table.foldEach(input)
    }
}
