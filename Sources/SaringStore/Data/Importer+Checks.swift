import SaringCore

/// The checks an imported value passes before the schema sees it, each naming the field.
extension Importer {
    func time(_ text: String, _ field: String) throws -> Int64 {
        guard let millis = ISOTimestamp.millis(text) else {
            throw Problem(message: "\(field) must be an ISO 8601 time like 2026-12-01T08:00:00.000Z, got '\(text)'")
        }
        return millis
    }

    func name(_ value: String, _ field: String) throws {
        guard (1...100).contains(value.unicodeScalars.count), !value.trimmedWhitespace.isEmpty,
            !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw Problem(message: "\(field) must be 1-100 characters without control characters") }
    }

    func body(_ value: String, _ field: String) throws {
        guard !value.trimmedWhitespace.isEmpty else { throw Problem(message: "\(field) must not be empty") }
        guard !value.unicodeScalars.contains(where: CommentDraft.isForbiddenControl) else {
            throw Problem(message: "\(field) must not contain control characters other than line breaks and tabs")
        }
    }

    func text(_ value: String?, _ field: String, most: Int) throws {
        guard let value else { return }
        guard value.unicodeScalars.count <= most, !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw Problem(message: "\(field) must be at most \(most) characters without control characters") }
    }
}
