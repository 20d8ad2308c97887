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

    /// The digit a number word stands for, compared in place (no copy of the word).
    private static func digit(_ elements: Elements, _ range: Range<Int>) -> Unicode.Scalar? {
        for entry in words where entry.word.count == range.count {
            if entry.word.indices.allSatisfy({ elements[range.lowerBound + $0].scalar == entry.word[$0] }) { return entry.digit }
        }
        return nil
    }
}
