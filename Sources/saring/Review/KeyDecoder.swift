// Turns the bytes a terminal sends in raw mode into keys. Pure: the caller feeds each chunk read
// from the terminal; an escape sequence or UTF-8 character split across two reads is completed by
// the next chunk.

/// Decodes terminal input bytes into ``Key`` values.
struct KeyDecoder {
    private var pending: [UInt8] = []

    /// Decodes `bytes` (appended to what an earlier call left incomplete).
    ///
    /// A lone ESC at the end of a chunk is the Esc key: terminals send an escape sequence in one
    /// write, so an ESC with nothing after it was typed on its own. ESC followed by an ordinary
    /// character (Alt+key) is ignored rather than read as Esc and then a command key.
    mutating func feed(_ bytes: [UInt8]) -> [Key] {
        let input = pending + bytes
        pending = []
        var keys: [Key] = []
        var i = 0
        while i < input.count {
            let byte = input[i]
            switch byte {
            case 0x1B:
                guard i + 1 < input.count else {
                    keys.append(.escape)
                    i += 1
                    continue
                }
                let next = input[i + 1]
                if next == UInt8(ascii: "[") || next == UInt8(ascii: "O") {
                    // CSI / SS3: parameters, then one final byte in 0x40...0x7E.
                    var j = i + 2
                    while j < input.count, !(0x40...0x7E).contains(input[j]) { j += 1 }
                    guard j < input.count else {
                        pending = Array(input[i...])
                        return keys
                    }
                    keys.append(Self.sequence(parameters: Array(input[(i + 2)..<j]), final: input[j]))
                    i = j + 1
                } else if next == 0x1B {
                    keys.append(.escape)
                    i += 1
                } else {
                    keys.append(.other)
                    i += 1 + Self.utf8Length(next)
                }
            case 0x0D, 0x0A:
                keys.append(.enter)
                i += 1
            case 0x7F, 0x08:
                keys.append(.backspace)
                i += 1
            case 0x03:
                keys.append(.interrupt)
                i += 1
            case 0x00..<0x20:
                keys.append(.other)
                i += 1
            default:
                let length = Self.utf8Length(byte)
                guard i + length <= input.count else {
                    pending = Array(input[i...])
                    return keys
                }
                let text = String(decoding: input[i..<(i + length)], as: UTF8.self)
                keys.append(text.first.map(Key.character) ?? .other)
                i += length
            }
        }
        return keys
    }

    private static func sequence(parameters: [UInt8], final: UInt8) -> Key {
        switch (String(decoding: parameters, as: UTF8.self), Character(Unicode.Scalar(final))) {
        case ("", "A"): .up
        case ("", "B"): .down
        case ("5", "~"): .pageUp
        case ("6", "~"): .pageDown
        default: .other
        }
    }

    /// Length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
    private static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}
