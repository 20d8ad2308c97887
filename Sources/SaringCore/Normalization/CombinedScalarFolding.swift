/// Steps 1–4 (compatibility, diacritics, look-alikes, case) in one pass, for speed.
///
/// Each of the four is a scalar-by-scalar map, so their composition is one too: `UnicodeFoldTables`
/// composes their tables once, and the pipeline makes one lookup per scalar instead of four passes.
/// The steps stay separate types for testing and reading; a property test checks that this equals
/// running them one after the other.
struct CombinedScalarFolding: NormalizationStep {
    let table: ScalarFoldMap

    init(tables: UnicodeFoldTables = .standard) {
        table = tables.combined
    }

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        table.foldEach(input, skippingBelow: 0x41)  // ASCII capitals are in this table
    }
}
