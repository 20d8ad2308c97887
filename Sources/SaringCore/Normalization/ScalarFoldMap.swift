/// A fast scalar → scalars lookup (two-level page table), shared by the table-driven steps.
///
/// A dictionary lookup costs tens of nanoseconds and the normalizer does one per non-ASCII scalar, so
/// the tables are paged arrays instead: one array read finds the 256-scalar page, one more the entry.
/// Unmapped scalars (most of Unicode) land on a shared all-identity page.
struct ScalarFoldMap: Sendable {
    private static let pageCount = 0x110000 >> 8

    /// Page slot for each 256-scalar page; slot 0 is the shared all-identity page.
    private var pageSlots: [UInt16]
    /// 256 entries per slot: 0 = identity, else `(offset << 8) | count` into `targets`.
    private var entries: [UInt32]
    private var targets: [Unicode.Scalar]

    /// Builds the map; mappings to an empty sequence or to the scalar itself are ignored.
    init(_ mappings: some Sequence<(Unicode.Scalar, [Unicode.Scalar])>) {
        pageSlots = Array(repeating: 0, count: Self.pageCount)
        entries = Array(repeating: 0, count: 256)
        targets = []
        for (source, mapped) in mappings where !mapped.isEmpty && mapped != [source] {
            precondition(mapped.count < 256, "fold target too long")
            let page = Int(source.value >> 8)
            if pageSlots[page] == 0 {
                pageSlots[page] = UInt16(entries.count / 256)
                entries.append(contentsOf: repeatElement(0, count: 256))
            }
            let slot = Int(pageSlots[page]) * 256 + Int(source.value & 0xFF)
            entries[slot] = UInt32(targets.count) << 8 | UInt32(mapped.count)
            targets.append(contentsOf: mapped)
        }
    }

    @inline(__always)
    private func entry(_ scalar: Unicode.Scalar) -> UInt32 {
        entries[Int(pageSlots[Int(scalar.value >> 8)]) &* 256 &+ Int(scalar.value & 0xFF)]
    }

    /// Number of scalars `scalar` folds to; 0 when it maps to itself.
    @inline(__always)
    func foldedCount(_ scalar: Unicode.Scalar) -> Int {
        Int(entry(scalar) & 0xFF)
    }

    /// The fold of `scalar` (empty when it maps to itself).
    func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let entry = entry(scalar)
        let offset = Int(entry >> 8)
        return Array(targets[offset..<offset + Int(entry & 0xFF)])
    }

    /// Appends the fold of `element` (same origin for each scalar); false, appending nothing, when
    /// the scalar maps to itself. Avoids handing out slices, which cost a retain per scalar.
    @inline(__always)
    func appendFold(of element: MappedScalar, to output: inout MappedScalarBuffer.Writer) -> Bool {
        let entry = entry(element.scalar)
        guard entry != 0 else { return false }
        let offset = Int(entry >> 8)
        for index in offset..<offset + Int(entry & 0xFF) {
            output.append(element.with(targets[index]))
        }
        return true
    }

    /// Replaces every scalar by its fold, keeping its origin; the table-driven steps are this.
    /// Scalars below `threshold` are known to map to themselves and skip the lookup.
    func foldEach(_ input: MappedScalarBuffer, skippingBelow threshold: UInt32 = 0x80) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            var maxCount = elements.count
            var changes = 0
            for element in elements where element.value >= threshold {
                let count = foldedCount(element.scalar)
                if count > 0 {
                    changes += 1
                    maxCount += count - 1
                }
            }
            guard changes > 0 else { return input }
            return MappedScalarBuffer(maxCount: maxCount) { output in
                var copied = 0  // input before this is in the output already
                for index in elements.indices where elements[index].value >= threshold && foldedCount(elements[index].scalar) > 0 {
                    output.append(elements, copied..<index)
                    _ = appendFold(of: elements[index], to: &output)
                    copied = index + 1
                }
                output.append(elements, copied..<elements.count)
            }
        }
    }
}
