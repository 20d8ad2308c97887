/// Before step 9: a phone or NIK number spelled out in Indonesian number words, wholly or partly
/// (`nol delapan satu dua tiga empat lima enam`, `08 satu dua 3456 tujuh`), is written as the
/// number (`08123456`, `081234567`), so the number rules see it. Each digit maps to its word.
///
/// A run counts when it is made of digit words (`nol kosong satu dua tiga empat lima enam tujuh
/// delapan sembilan`) and digit groups separated by spaces or `-.,`, holds at least three digit
/// words and at least eight digits in all. Counting in prose (`satu dua tiga`, `tujuh belas
/// agustus`, `dua ribu dua puluh empat`) stays as it is.
struct NumberWordReading: NormalizationStep {
    static let words: [(word: [Unicode.Scalar], digit: Unicode.Scalar)] = [
        ("nol", "0"), ("kosong", "0"), ("satu", "1"), ("dua", "2"), ("tiga", "3"), ("empat", "4"), ("lima", "5"),
        ("enam", "6"), ("tujuh", "7"), ("delapan", "8"), ("sembilan", "9"),
    ].map { (Array($0.0.unicodeScalars), $0.1) }
    static let minimumWords = 3
    static let minimumDigits = 8

    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    private enum Token {
        case word(Range<Int>, Unicode.Scalar)
        case digits(Range<Int>)
    }

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            guard Self.hasEnoughNumberWords(elements) else { return input }
            var runs: [[Token]] = []
            var current: [Token] = []
            func close() {
                let words = current.filter { if case .word = $0 { return true } else { return false } }.count
                let digits = current.reduce(0) { count, token in
                    switch token {
                    case .word: count + 1
                    case .digits(let range): count + range.count
                    }
                }
                if words >= Self.minimumWords, digits >= Self.minimumDigits { runs.append(current) }
                current = []
            }
            var index = 0
            while index < elements.count {
                let scalar = elements[index].scalar
                if NormalizerCharacterClass.isLetterOrDigit(scalar) {
                    var end = index
                    while end < elements.count, NormalizerCharacterClass.isLetterOrDigit(elements[end].scalar) { end += 1 }
                    if let digit = Self.digit(elements, index..<end) {
                        current.append(.word(index..<end, digit))
                    } else if elements[index..<end].allSatisfy({ NormalizerCharacterClass.isDigit($0.scalar) }) {
                        current.append(.digits(index..<end))
                    } else {
                        close()
                    }
                    index = end
                } else if scalar == " " || scalar == "-" || scalar == "." || scalar == "," || scalar == "\n" {
                    index += 1
                } else {
                    close()
                    index += 1
                }
            }
            close()
            guard !runs.isEmpty else { return input }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                var copied = 0
                for run in runs {
                    let start: Int
                    switch run[0] {
                    case .word(let range, _), .digits(let range): start = range.lowerBound
                    }
                    output.append(elements, copied..<start)
                    var end = start
                    for token in run {
                        switch token {
                        case .word(let range, let digit):
                            output.append(MappedScalar(digit, start: elements[range.lowerBound].start, end: elements[range.upperBound - 1].end))
                            end = range.upperBound
                        case .digits(let range):
                            output.append(elements, range)
                            end = range.upperBound
                        }
                    }
                    copied = end
                }
                output.append(elements, copied..<elements.count)
            }
        }
    }

    /// The number words packed (a letter a byte), and their digits.
    static let packed = PackedWordList(words.map { HighValueWords.pack($0.word)! })

    /// The digit a number word stands for, compared in place (no copy of the word).
    private static func digit(_ elements: Elements, _ range: Range<Int>) -> Unicode.Scalar? {
        guard (3...8).contains(range.count) else { return nil }
        var value: UInt64 = 0
        for index in range {
            guard elements[index].value < 0x80 else { return nil }
            value = value << 8 | UInt64(elements[index].value)
        }
        guard let index = packed.firstIndex(of: value) else { return nil }
        return words[index].digit
    }

    @inline(__always)
    private static func mayStartNumberWord(_ value: UInt32) -> Bool {
        switch value {
        case 0x64, 0x65, 0x6B, 0x6C, 0x6E, 0x73, 0x74: true  // d e k l n s t
        default: false
        }
    }

    @inline(__always)
    private static func isASCIILetter(_ value: UInt32) -> Bool { value >= 0x61 && value <= 0x7A }

    /// Cheap pre-check: at least ``minimumWords`` number words anywhere.
    private static func hasEnoughNumberWords(_ elements: Elements) -> Bool {
        var found = 0
        var index = 0
        while index < elements.count {
            guard isASCIILetter(elements[index].value) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < elements.count, isASCIILetter(elements[end].value) { end += 1 }
            // Number words start with one of d e k l n s t and are 3 to 8 letters long.
            if (3...8).contains(end - index), Self.mayStartNumberWord(elements[index].value), digit(elements, index..<end) != nil {
                found += 1
                if found >= minimumWords { return true }
            }
            index = end
        }
        return false
    }
}
