import Foundation

/// The one JSON set-up of Saring's output (HTTP answers, `--json` lines, stored reason lists):
/// sorted keys, slashes as they are.
public enum SaringJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as UTF-8 JSON text.
    public static func text(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
