/// Step 3: look-alike letters and digits that NFKC leaves alone, folded to lower-case ASCII.
///
/// Unicode's confusables (UTS #39, generated into `ConfusablesTable`: Cyrillic and Greek letters as in
/// ѕlоt, Lisu ꓢꓡꓳꓔ, Coptic, Cherokee, letters with strokes ł ø đ), then the hand-kept `LookalikeTable`
/// over it for what the standard lacks or reads wrong for Indonesian text (small capitals ꜱʟᴏᴛ, negative
/// circled and squared letters 🅢🅛🅞🅣, dingbat digits ❶❻, Я as r, б as b not 6), and any script's
/// decimal digits (by numeric value). ASCII is never remapped: UTS #39's 0 → O, 1 and I → l, rn → m
/// are for comparing identifiers, not for reading comments. Runs before case folding: capital and
/// small Greek letters look like different Latin letters (Η/H but η/n, Ν/N but ν/v).
struct LookalikeFolding: NormalizationStep {
    let table: ScalarFoldMap

    init(tables: UnicodeFoldTables = .standard) {
        table = tables.lookalikes
    }

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        table.foldEach(input)
    }
}
