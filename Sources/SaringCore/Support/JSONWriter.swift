/// JSON written straight into bytes, for the few shapes the API answers with on every request (a
/// page of comments, a submission's answer, a decision's reasons): Foundation's `JSONEncoder`
/// spends most of its time in generic containers and boxing for what is a handful of known keys.
///
/// The caller writes keys in the order it wants (the API's are sorted, as `JSONEncoder` with
/// `.sortedKeys` wrote them). Strings are escaped as RFC 8259 requires (`"`, `\` and every
/// control character), plus U+2028 and U+2029, which JavaScript before ES2019 does not accept
/// unescaped in a string literal, and U+FEFF, which some parsers drop as a byte-order mark even
/// inside a string (Foundation's `JSONSerialization` on Linux does); `/` is not escaped.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// Punctuation or a literal written as is (`{`, `,"key":`, `null`).
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"key":` (keys are our own, plain ASCII: written without escaping).
    public mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func int(_ value: Int64) {
        // A decimal of at most 20 bytes is a small string: no allocation.
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func int(_ value: Int64?) {
        if let value { int(value) } else { raw("null") }
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs that need no escaping are copied whole; most texts are one run.
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2, byte != 0xEF {
                    index += 1
                    continue
                }
                if byte == 0xEF {
                    // U+FEFF is EF BB BF.
                    guard index + 2 < count, utf8[index + 1] == 0xBB, utf8[index + 2] == 0xBF else {
                        index += 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    raw("\\ufeff")
                    index += 3
                    runStart = index
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 is E2 80 A8, U+2029 is E2 80 A9; any other E2 sequence is copied.
                    guard index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    raw(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 3
                    runStart = index
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    raw("\\u00")
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0x0F)])
                }
                index += 1
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An array of strings (`["a","b"]`).
    public mutating func strings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A point in time as an ISO 8601 string in UTC with milliseconds (`"2026-12-01T23:06:31.120Z"`).
    public mutating func timestamp(millis: Int64) {
        bytes.append(UInt8(ascii: "\""))
        ISOTimestamp.append(millis: millis, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}

extension JSONWriter {
    /// `["a","b"]` as a string (the decision history stores reasons so).
    public static func stringArray(_ values: [String]) -> String {
        var writer = JSONWriter(capacity: values.reduce(2) { $0 + $1.utf8.count + 3 })
        writer.strings(values)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
