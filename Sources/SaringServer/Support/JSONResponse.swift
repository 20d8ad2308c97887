import Foundation
import Hummingbird
import SaringCore

/// Builds JSON responses with one encoder configuration for the whole API.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        make(status, bytes: encode(value))
    }

    static func make(_ status: HTTPResponse.Status, bytes: Data) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func encode(_ value: some Encodable) -> Data {
        // Encoding our own DTOs cannot fail; fall back to an empty object rather than trap.
        (try? SaringJSON.encoder().encode(value)) ?? Data("{}".utf8)
    }

    /// ISO 8601 with milliseconds, UTC.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
