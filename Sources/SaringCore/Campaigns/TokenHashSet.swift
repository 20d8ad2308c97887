/// A fixed set of token hashes, looked up with one or two array reads.
///
/// The tokenizer asks it about every word, and `Set<UInt64>` would run SipHash each time (as
/// long as the rest of the tokenizing). Token hashes are already SplitMix-mixed, so their low
/// bits index an open-addressed table directly; 0 marks an empty slot (a token hashing to 0 is
/// simply never common).
struct TokenHashSet: Sendable {
    private let table: [UInt64]
    private let mask: Int

    init(_ hashes: some Sequence<UInt64>) {
        let hashes = Array(Set(hashes)).filter { $0 != 0 }
        var size = 16
        while size < hashes.count * 3 { size *= 2 }  // at most a third full: probes stay short
        var table = [UInt64](repeating: 0, count: size)
        for hash in hashes {
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while table[slot] != 0 { slot = (slot + 1) & (size - 1) }
            table[slot] = hash
        }
        self.table = table
        mask = size - 1
    }

    func contains(_ hash: UInt64) -> Bool {
        guard hash != 0 else { return false }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = table[slot]
            if stored == hash { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}
