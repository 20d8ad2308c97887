/// Step 0: HTML character references left in the text (`&#103;acor`, `&#x67;acor`, `&amp;`,
/// `&aacute;`) become the characters they stand for, as a browser would show them. The decoded
/// character covers the whole reference in the original (`&#103;` highlights as one).
///
/// Only well-formed references with their `;` are decoded (`&#103` and `AT&T` stay as they are);
/// a number that is no character (a surrogate, past U+10FFFF, or a control other than tab and line
/// feed) is left alone. Named references: the few that occur in comments pasted from web pages.
struct CharacterReferenceDecoding: NormalizationStep {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "shy": "\u{AD}",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "hellip": "…", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "middot": "·", "bull": "•", "copy": "©", "reg": "®",
        "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú", "agrave": "à", "egrave": "è",
        "auml": "ä", "euml": "ë", "ouml": "ö", "uuml": "ü", "ntilde": "ñ", "ccedil": "ç", "acirc": "â", "ecirc": "ê",
    ]
    /// Longest reference looked at: `&#x10FFFF;` and the longest name.
    static let maxLength = 10

    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            guard elements.contains(where: { $0.scalar == "&" }) else { return input }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                var index = 0
                while index < elements.count {
                    if elements[index].scalar == "&", let (scalar, length) = Self.reference(at: index, elements) {
                        output.append(MappedScalar(scalar, start: elements[index].start, end: elements[index + length - 1].end))
                        index += length
                    } else {
                        output.append(elements[index])
                        index += 1
                    }
                }
            }
        }
    }

    /// The character a reference starting at `start` (an `&`) stands for, and the reference's length.
    private static func reference(at start: Int, _ elements: Elements) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < elements.count, end - start <= maxLength, elements[end].scalar != ";" {
            guard elements[end].scalar.isASCII, elements[end].scalar != "&", !NormalizerCharacterClass.isSpace(elements[end].scalar)
            else { return nil }
            end += 1
        }
        guard end < elements.count, elements[end].scalar == ";", end > start + 1 else { return nil }
        var body = String.UnicodeScalarView()
        body.append(contentsOf: elements[(start + 1)..<end].lazy.map(\.scalar))
        let text = String(body)
        let length = end - start + 1
        if text.first == "#" {
            let digits = text.dropFirst()
            let hex = digits.first == "x" || digits.first == "X"
            let number = hex ? digits.dropFirst() : digits
            guard !number.isEmpty, number.count <= 7, number.allSatisfy({ hex ? $0.isHexDigit : $0.isASCII && $0.isNumber }) else {
                return nil
            }
            let value = UInt32(number, radix: hex ? 16 : 10)
            guard let value, let scalar = Unicode.Scalar(value), value >= 0x20 || value == 0x09 || value == 0x0A,
                !(0x7F...0x9F).contains(value)
            else { return nil }
            return (scalar, length)
        }
        // The ASCII fast path has lower-cased the text already; names are matched in lower case.
        return named[text.lowercased()].map { ($0, length) }
    }
}
