/// The campaign index's bucket heads: bucket key → sequence number of its newest entry, in one
/// flat open-addressed table probed linearly (deletion by backward shift, no tombstones).
///
/// Each comment reads 21 heads, writes 21 and removes up to 21 as it leaves the window; with a
/// `Dictionary` each of those hashed its 64-bit key with SipHash, a few percent of a POST's CPU.
/// Bucket keys are hashes already, so a multiplication spreads them over the slots.
struct BucketHeads: Sendable {
    private static let empty = Int.min
    private var keys: [UInt64]
    private var values: [Int]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [Int](repeating: Self.empty, count: 16)
        shift = 60
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> (slot: Int, found: Bool) {
        let mask = keys.count - 1
        var slot = home(key)
        while values[slot] != Self.empty {
            if keys[slot] == key { return (slot, true) }
            slot = (slot + 1) & mask
        }
        return (slot, false)
    }

    subscript(key: UInt64) -> Int? {
        get {
            let (slot, found) = find(key)
            return found ? values[slot] : nil
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Sets the head of `key`; returns the head it replaces, if any.
    @discardableResult
    mutating func updateValue(_ value: Int, forKey key: UInt64) -> Int? {
        precondition(value != Self.empty, "Int.min marks an empty slot")
        let (slot, found) = find(key)
        if found {
            let old = values[slot]
            values[slot] = value
            return old
        }
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 4 > keys.count * 3 { grow() }
        return nil
    }

    /// Removes `key`; the entries after it in its probe run move back, so lookups never need to
    /// step over a hole.
    mutating func removeValue(forKey key: UInt64) {
        var (hole, found) = find(key)
        guard found else { return }
        let mask = keys.count - 1
        var slot = hole
        while true {
            slot = (slot + 1) & mask
            guard values[slot] != Self.empty else { break }
            let wanted = home(keys[slot])
            // Move the entry back into the hole unless its home lies cyclically in (hole, slot].
            let stays = hole <= slot ? (hole < wanted && wanted <= slot) : (hole < wanted || wanted <= slot)
            if !stays {
                keys[hole] = keys[slot]
                values[hole] = values[slot]
                hole = slot
            }
        }
        values[hole] = Self.empty
        count -= 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int](repeating: Self.empty, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for index in oldKeys.indices where oldValues[index] != Self.empty {
            updateValue(oldValues[index], forKey: oldKeys[index])
        }
    }
}
