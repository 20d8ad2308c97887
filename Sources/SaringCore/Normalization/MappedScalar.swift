/// One scalar of the normalizer's working text and the original scalars it came from.
struct MappedScalar: Sendable, Equatable {
    var scalar: Unicode.Scalar
    /// Unicode-scalar offsets in the original string, half-open. 32 bits keep an element at 12 bytes
    /// (the steps are memory-bound); `TextNormalizer` traps past 2³¹ scalars.
    var start: Int32
    var end: Int32

    @inline(__always)
    init(_ scalar: Unicode.Scalar, start: Int32, end: Int32) {
        self.scalar = scalar
        self.start = start
        self.end = end
    }

    @inline(__always)
    var value: UInt32 { scalar.value }

    /// The same origin, another scalar.
    @inline(__always)
    func with(_ scalar: Unicode.Scalar) -> MappedScalar {
        MappedScalar(scalar, start: start, end: end)
    }
}
