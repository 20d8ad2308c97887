/// The working text of the normalizer: scalars, each remembering which original scalars produced it.
///
/// Every normalization step reads one buffer and writes another, so the offset map is composed for
/// free: a step that merges scalars unions their origins, a step that expands one scalar gives each
/// output the same origin, a step that drops a scalar drops its origin. Origins only ever grow in step
/// order, which keeps them monotonic (see `NormalizedText.originalScalarRange`).
struct MappedScalarBuffer: Sendable, Equatable {
    private(set) var elements: [MappedScalar]

    /// A buffer where scalar *i* of `string` comes from original offset *i*.
    init(_ string: String) {
        self.init(maxCount: string.utf8.count) { output in
            var offset: Int32 = 0
            for scalar in string.unicodeScalars {
                output.append(MappedScalar(scalar, start: offset, end: offset + 1))
                offset += 1
            }
        }
    }

    /// Builds a buffer of at most `maxCount` elements by appending through a writer that skips
    /// `Array.append`'s per-call checks (a third of the pipeline's time before). Going over
    /// `maxCount` traps, it never writes out of bounds.
    init(maxCount: Int, _ body: (inout Writer) -> Void) {
        elements = Array(unsafeUninitializedCapacity: max(maxCount, 1)) { buffer, initializedCount in
            var writer = Writer(base: buffer.baseAddress!, capacity: max(maxCount, 1))
            body(&writer)
            initializedCount = writer.count
        }
    }

    /// The ASCII fast path's entry, nil when `string` is not pure ASCII. Letters come out lower-cased,
    /// which is all `CaseFolding` would do to ASCII.
    init?(lowercasingASCII string: String) {
        var string = string
        var isASCII = true
        let buffer = string.withUTF8 { bytes in
            MappedScalarBuffer(maxCount: bytes.count) { output in
                var offset: Int32 = 0
                for byte in bytes {
                    guard byte < 0x80 else {
                        isASCII = false
                        return
                    }
                    let lowered = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    output.append(MappedScalar(Unicode.Scalar(lowered), start: offset, end: offset &+ 1))
                    offset &+= 1
                }
            }
        }
        guard isASCII else { return nil }
        self = buffer
    }

    var count: Int { elements.count }

    var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: elements.lazy.map(\.scalar))
        return String(view)
    }

    /// Appends into a buffer under construction; `MappedScalar` is trivial, so no deinitialization
    /// is needed when elements are dropped.
    struct Writer {
        private let base: UnsafeMutablePointer<MappedScalar>
        private let capacity: Int
        private(set) var count = 0

        fileprivate init(base: UnsafeMutablePointer<MappedScalar>, capacity: Int) {
            self.base = base
            self.capacity = capacity
        }

        @inline(__always)
        mutating func append(_ element: MappedScalar) {
            precondition(count < capacity, "normalization step wrote past its bound")
            (base + count).initialize(to: element)
            count += 1
        }

        /// Copies `source[range]` in one go; steps copy unchanged stretches of their input this way.
        @inline(__always)
        mutating func append(_ source: UnsafeBufferPointer<MappedScalar>, _ range: Range<Int>) {
            guard !range.isEmpty else { return }
            precondition(range.lowerBound >= 0 && range.upperBound <= source.count, "copy outside the input")
            precondition(count + range.count <= capacity, "normalization step wrote past its bound")
            (base + count).initialize(from: source.baseAddress! + range.lowerBound, count: range.count)
            count += range.count
        }

        @inline(__always)
        subscript(index: Int) -> MappedScalar {
            precondition(index >= 0 && index < count)
            return base[index]
        }

        var last: MappedScalar? { count > 0 ? base[count - 1] : nil }

        /// Widens the last element's origin to also cover `end`, for a dropped scalar that belongs to it.
        mutating func extendLast(to end: Int32) {
            guard count > 0 else { return }
            base[count - 1].end = max(base[count - 1].end, end)
        }

        /// Drops the elements from `index` on.
        mutating func truncate(to index: Int) {
            precondition(index >= 0 && index <= count)
            count = index
        }
    }
}
