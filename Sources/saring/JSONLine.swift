import Foundation

extension Encodable {
    /// This value as one line of JSON with sorted keys: what every `--json` flag prints.
    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
