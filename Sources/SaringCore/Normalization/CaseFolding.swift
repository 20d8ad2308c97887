/// Step 4: case folding to lower case, any script (full mappings: İ → i + ◌̇, the mark is removed
/// by the next step).
///
/// Lower case rather than Unicode case folding so ß and ς stay themselves; look-alike folding has
/// already turned the letters that matter into ASCII.
struct CaseFolding: NormalizationStep {
    /// Unicode's longest full lower-case mapping has 2 scalars (İ); 3 leaves room.
    private static let maxMappingLength = 3

    private static func changes(_ element: MappedScalar) -> Bool {
        element.value < 0x80 ? element.value &- 0x41 < 26 : element.scalar.properties.changesWhenLowercased
    }

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            guard elements.contains(where: Self.changes) else { return input }
            var maxCount = elements.count
            for element in elements where element.value >= 0x80 {
                maxCount += Self.maxMappingLength - 1
            }
            return MappedScalarBuffer(maxCount: maxCount) { output in
                for element in elements {
                    let value = element.value
                    if value < 0x80 {
                        let isUpper = value &- 0x41 < 26
                        output.append(isUpper ? element.with(Unicode.Scalar(UInt8(value | 0x20))) : element)
                    } else if element.scalar.properties.changesWhenLowercased {
                        for scalar in Self.lowercased(element.scalar) { output.append(element.with(scalar)) }
                    } else {
                        output.append(element)
                    }
                }
            }
        }
    }

    /// The full lower-case mapping of one scalar.
    static func lowercased(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        guard scalar.properties.changesWhenLowercased else { return [scalar] }
        return Array(scalar.properties.lowercaseMapping.unicodeScalars.prefix(maxMappingLength))
    }
}
