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

    static func make(_ status: HTTPResponse.Status, _ value: some JSONWritable) -> Response {
        make(status, bytes: encode(value))
    }

    static func encode(_ value: some JSONWritable, capacity: Int = 512) -> Data {
        var json = JSONWriter(capacity: capacity)
        value.write(to: &json)
        return Data(json.bytes)
    }

    static func encode(_ value: some Encodable) -> Data {
        // Encoding our own DTOs cannot fail; fall back to an empty object rather than trap.
        (try? SaringJSON.encoder().encode(value)) ?? Data("{}".utf8)
    }

    /// Dates in the API are whole milliseconds, as stored, written by ``ISOTimestamp``: not
    /// `Date.ISO8601FormatStyle`, which truncates the fraction of a `Date` made from milliseconds
    /// and so wrote 23:06:31.000 for .001 about half the time.
    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// A date as the API writes it (in Encodable answers).
    static func timestamp(_ date: Date) -> String {
        ISOTimestamp.string(millis: millis(date))
    }
}
