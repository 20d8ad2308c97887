import Foundation

/// The opaque `cursor` of the public comment list: the last id of the previous page, wrapped so
/// clients do not build cursors themselves and we can change the scheme later.
enum PageCursor {
    static func encode(afterId: Int64) -> String {
        Data("v1:\(afterId)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// - Throws: `invalid_cursor` for anything this server did not hand out.
    static func decode(_ cursor: String) throws -> Int64 {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard cursor.count <= 64, let data = Data(base64Encoded: base64),
            let text = String(data: data, encoding: .utf8), text.hasPrefix("v1:"),
            let id = Int64(text.dropFirst(3)), id > 0
        else {
            throw APIError(.badRequest, "invalid_cursor", "cursor is not one this server returned")
        }
        return id
    }
}
