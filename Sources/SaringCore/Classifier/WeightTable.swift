/// Feature weights by hash in an open-addressed table: a lookup per n-gram while judging must cost
/// a few nanoseconds, which a `Dictionary<String, Double>` (hashing and comparing strings) does not.
struct WeightTable: Sendable {
    /// Eight bytes: the feature's hash folded to 32 bits (never 0, which marks an empty slot) and
    /// its weight, so a 6,000-weight model's table (16,384 slots) is 128 KB and stays in cache.
    struct Slot {
        var key: UInt32
        var weight: Float
    }

    private var slots: [Slot]
    private let mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, weight: 0), count: size)
        mask = size - 1
    }

    /// Adds a weight; the weight of a key seen before is replaced (returns false then).
    @discardableResult
    mutating func insert(_ hash: UInt64, _ weight: Float) -> Bool {
        let key = Self.fingerprint(hash)
        var slot = Self.slot(hash, mask)
        while slots[slot].key != 0 {
            if slots[slot].key == key {
                slots[slot].weight = weight
                return false
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, weight: weight)
        count += 1
        return true
    }

    /// Lookups without a bounds check or an array access per feature, for the span of `body`.
    struct Lookup {
        fileprivate let slots: UnsafeBufferPointer<Slot>
        fileprivate let mask: Int

        /// The weight of a feature, or 0 for one the model does not know.
        @inline(__always)
        func weight(_ hash: UInt64) -> Float {
            let key = WeightTable.fingerprint(hash)
            var slot = WeightTable.slot(hash, mask)
            while true {
                let found = slots[slot]
                if found.key == key { return found.weight }
                if found.key == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }

    func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        slots.withUnsafeBufferPointer { body(Lookup(slots: $0, mask: mask)) }
    }

    func weight(_ key: UInt64) -> Float { withLookup { $0.weight(key) } }

    @inline(__always)
    fileprivate static func fingerprint(_ hash: UInt64) -> UInt32 {
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        return folded == 0 ? 1 : folded
    }

    @inline(__always)
    fileprivate static func slot(_ key: UInt64, _ mask: Int) -> Int {
        // FNV's low bits are weak on short inputs: mix before masking.
        Int(truncatingIfNeeded: ((key ^ (key >> 29)) &* 0xbf58_476d_1ce4_e5b9) >> 32) & mask
    }
}
