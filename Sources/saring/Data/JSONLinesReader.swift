import Foundation
import SaringCore
import SaringStore

/// Reads an export file one line at a time (constant memory), turning each line into an import
/// item or an ``ImportError`` naming the line.
final class JSONLinesReader {
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var lineNumber = 0
    private let decoder = JSONDecoder()

    init(path: String) throws {
        guard let file = fopen(path, "r") else { throw CLIError("cannot read \(path): \(String(cString: strerror(errno)))") }
        self.file = file
        self.path = path
    }

    deinit { fclose(file) }

    /// The next comment, skipping empty lines; nil at the end of the file.
    func next() throws -> ImportItem? {
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        while true {
            let length = getline(&line, &capacity, file)
            guard length >= 0, let line else {
                if ferror(file) != 0 { throw ImportError(source: "\(path): line \(lineNumber + 1)", message: "cannot read the file") }
                return nil
            }
            lineNumber += 1
            var bytes = UnsafeBufferPointer(start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: length)
            if bytes.last == UInt8(ascii: "\n") { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            if bytes.last == UInt8(ascii: "\r") { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            if bytes.isEmpty { continue }
            let source = "\(path): line \(lineNumber)"
            guard String(validating: bytes, as: UTF8.self) != nil else { throw ImportError(source: source, message: "not UTF-8") }
            do {
                return ImportItem(.comment(try decoder.decode(ExportRecord.self, from: Data(bytes))), source: source)
            } catch let error as DecodingError {
                throw ImportError(source: source, message: Self.describe(error))
            }
        }
    }

    /// A decoding error as one line naming the field (`decisions[0].at`), not Foundation's dump.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath + [key])
            return "missing \(at)"
        case .typeMismatch(let type, let context):
            return context.codingPath.isEmpty ? "not a JSON object" : "\(path(context.codingPath)) must be \(Self.name(type))"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)) must be \(Self.name(type)), not null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not a JSON object" : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "not a comment of an export"
        }
    }

    private static func name(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int64.Type, is Int.Type, is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
