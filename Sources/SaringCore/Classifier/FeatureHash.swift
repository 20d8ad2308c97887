/// FNV-1a over bytes: the name of a classifier feature as a 64-bit number, computed the same way
/// from a model file's feature names and from a comment's text while it is judged.
struct FeatureHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(_ prefix: StaticString) {
        prefix.withUTF8Buffer { add($0) }
    }

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte) }
    }

    mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes { add(byte) }
    }

    /// Zero marks an empty slot of ``WeightTable``, so no feature is ever named zero.
    var key: UInt64 { value == 0 ? 1 : value }
}
