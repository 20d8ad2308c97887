/// After step 5: numbers disguised for a phone or account number's sake are written as numbers.
///
/// - Pictographs and symbols between digits are dropped (`0812🔥3456🔥7890` → `081234567890`): up
///   to three in a row, with a digit on both sides.
/// - Letters standing for digits inside a number become the digits (`08l2-3456-78O0` →
///   `0812-3456-7800`): `o`→0, `l` and `i`→1, `s`→5, `z`→2, in a run of digits and those letters with
///   no other letter next to it, at least two digits, and at most one such letter per three digits.
///   Words (`solo`, `covid19`, `ios`, `2lol`) are left alone.
struct NumberRepair: NormalizationStep {
    static let digitLetters: [Unicode.Scalar: Unicode.Scalar] = ["o": "0", "l": "1", "i": "1", "s": "5", "z": "2"]
    static let maxSymbolsBetweenDigits = 3

    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        let joined = input.elements.withUnsafeBufferPointer { elements -> MappedScalarBuffer? in
            guard Self.hasSymbolBetweenDigits(elements) else { return nil }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                var index = 0
                while index < elements.count {
                    if index > 0, NormalizerCharacterClass.isDigit(elements[index - 1].scalar), Self.isPictograph(elements[index].scalar) {
                        var end = index
                        while end < elements.count, end - index < Self.maxSymbolsBetweenDigits, Self.isPictograph(elements[end].scalar) { end += 1 }
                        if end < elements.count, NormalizerCharacterClass.isDigit(elements[end].scalar) {
                            index = end
                            continue
                        }
                    }
                    output.append(elements[index])
                    index += 1
                }
            }
        }
        let current = joined ?? input
        return current.elements.withUnsafeBufferPointer { elements in
            var runs: [Range<Int>] = []
            var index = 0
            // Most comments have no digit at all: nothing to read as a number.
            guard elements.contains(where: { NormalizerCharacterClass.isDigit($0.scalar) }) else { return current }
            while index < elements.count {
                guard Self.isNumberScalar(elements[index].scalar) else {
                    index += 1
                    continue
                }
                var end = index
                var digits = 0
                var letters = 0
                while end < elements.count, Self.isNumberScalar(elements[end].scalar) {
                    if NormalizerCharacterClass.isDigit(elements[end].scalar) { digits += 1 } else { letters += 1 }
                    end += 1
                }
                let bounded = (index == 0 || !NormalizerCharacterClass.isLetter(elements[index - 1].scalar))
                    && (end == elements.count || !NormalizerCharacterClass.isLetter(elements[end].scalar))
                if bounded, letters > 0, digits >= 2, letters * 3 <= digits { runs.append(index..<end) }
                index = end
            }
            guard !runs.isEmpty else { return current }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                var copied = 0
                for run in runs {
                    output.append(elements, copied..<run.lowerBound)
                    for position in run {
                        let element = elements[position]
                        output.append(element.with(Self.digitLetters[element.scalar] ?? element.scalar))
                    }
                    copied = run.upperBound
                }
                output.append(elements, copied..<elements.count)
            }
        }
    }

    @inline(__always)
    private static func isNumberScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x6F, 0x6C, 0x69, 0x73, 0x7A: true  // digits, o l i s z
        default: false
        }
    }

    /// Emoji and other symbols (Unicode So and Sk from U+2100 on), never letters, digits or punctuation.
    static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x2100 else { return false }
        switch scalar.properties.generalCategory {
        case .otherSymbol, .modifierSymbol: return true
        default: return false
        }
    }

    private static func hasSymbolBetweenDigits(_ elements: Elements) -> Bool {
        for index in elements.indices.dropFirst() where isPictograph(elements[index].scalar) {
            if NormalizerCharacterClass.isDigit(elements[index - 1].scalar) { return true }
        }
        return false
    }
}
