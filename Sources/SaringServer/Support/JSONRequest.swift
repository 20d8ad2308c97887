import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1

/// Reads a JSON request body safely: content type, size (refused before it is buffered),
/// UTF-8, syntax and shape each get their own precise error.
enum JSONRequest {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, maxBytes: Int) async throws -> T {
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" else {
            throw APIError(
                .unsupportedMediaType, "unsupported_media_type",
                "Content-Type must be application/json, got '\(contentType.isEmpty ? "none" : contentType)'")
        }
        let tooLarge = APIError(.contentTooLarge, "body_too_large", "request body is larger than \(maxBytes) bytes")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw tooLarge
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        } catch HTTPParserError.invalidEOFState {
            throw APIError(.badRequest, "incomplete_body", "the connection closed before the request body was complete")
        } catch let error as HTTPParserError {
            throw APIError(.badRequest, "malformed_body", "the request body is not valid HTTP (\(error))")
        }
        let bytes = Array(buffer.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw APIError(.badRequest, "invalid_utf8", "request body is not valid UTF-8")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error)
        }
    }

    private static func describe(_ error: DecodingError) -> APIError {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = (codingPath + (last.map { [$0] } ?? [])).map { key in
                key.intValue.map { "[\($0)]" } ?? key.stringValue
            }
            return keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return APIError(.unprocessableContent, "missing_field", "\(path(context.codingPath, key)) is required")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            if context.codingPath.isEmpty {
                return APIError(.badRequest, "malformed_json", "request body must be a JSON object")
            }
            return APIError(
                .unprocessableContent, "invalid_field", "\(path(context.codingPath)) must be \(describe(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return APIError(.badRequest, "malformed_json", "request body is not valid JSON")
            }
            return APIError(.unprocessableContent, "invalid_field", "\(path(context.codingPath)) is invalid")
        @unknown default:
            return APIError(.badRequest, "malformed_json", "request body is not valid JSON")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int64.Type, is Int.Type: "an integer"
        default: "of another type"
        }
    }
}
