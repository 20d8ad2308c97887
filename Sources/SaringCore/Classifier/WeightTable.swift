/// Feature weights by hash in an open-addressed table: a lookup per n-gram while judging must cost
/// a few nanoseconds, which a `Dictionary<String, Double>` (hashing and comparing strings) does not.
struct WeightTable: Sendable {
    private var keys: [UInt64]
    private var weights: [Float]
    private let mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        weights = [Float](repeating: 0, count: size)
        mask = size - 1
    }

    /// Adds a weight; the weight of a key seen before is replaced (returns false then).
    @discardableResult
    mutating func insert(_ key: UInt64, _ weight: Float) -> Bool {
        var slot = Self.slot(key, mask)
        while keys[slot] != 0 {
            if keys[slot] == key {
                weights[slot] = weight
                return false
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        weights[slot] = weight
        count += 1
        return true
    }

    /// The weight of a feature, or 0 for one the model does not know.
    @inline(__always)
    func weight(_ key: UInt64) -> Float {
        keys.withUnsafeBufferPointer { keys in
            var slot = Self.slot(key, mask)
            while true {
                let found = keys[slot]
                if found == key { return weights[slot] }
                if found == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        // FNV's low bits are weak on short inputs: mix before masking.
        Int(truncatingIfNeeded: ((key ^ (key >> 29)) &* 0xbf58_476d_1ce4_e5b9) >> 32) & mask
    }
}
