import Foundation
import SaringCore

extension Encodable {
    /// This value as one line of JSON with sorted keys: what every `--json` flag prints.
    ///
    /// JSONEncoder already writes C0 controls as escapes (`\u001b`, `\r`); DEL, C1 controls and bidi
    /// overrides it writes raw, where a terminal showing the line could obey them. Those can only sit
    /// inside string literals, so writing them as `\uXXXX` there keeps the JSON valid and equal.
    func jsonLine() throws -> String {
        let json = try SaringJSON.text(self)
        var result = ""
        for scalar in json.unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
