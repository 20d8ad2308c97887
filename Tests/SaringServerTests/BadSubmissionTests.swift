import Foundation
import SaringServer
import SaringTestSupport
import Testing

/// Every malformed submission gets its own 4xx and error code, and nothing is stored.
@Suite("Bad submissions")
struct BadSubmissionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        let body: Data
        let contentType: String?
        let status: Int
        let code: String
        var testDescription: String { name }

        init(_ name: String, path: String = "/v1/articles/a1/comments", _ body: String, contentType: String? = "application/json", _ status: Int, _ code: String) {
            self.init(name, path: path, bytes: Data(body.utf8), contentType: contentType, status, code)
        }

        init(_ name: String, path: String = "/v1/articles/a1/comments", bytes: Data, contentType: String? = "application/json", _ status: Int, _ code: String) {
            self.name = name
            self.path = path
            self.body = bytes
            self.contentType = contentType
            self.status = status
            self.code = code
        }
    }

    static let cases: [Case] = [
        Case("malformed JSON", #"{"author": {"name": "Budi"}, "body": "#, 400, "malformed_json"),
        Case("JSON array instead of object", "[1, 2]", 400, "malformed_json"),
        Case("wrong content type", #"{"author": {"name": "Budi"}, "body": "hi"}"#, contentType: "text/plain", 415, "unsupported_media_type"),
        Case("no content type", #"{"author": {"name": "Budi"}, "body": "hi"}"#, contentType: nil, 415, "unsupported_media_type"),
        Case("invalid UTF-8", bytes: Data(#"{"author": {"name": "Budi"}, "body": ""#.utf8) + Data([0xC3, 0x28, 0xFF]) + Data(#""}"#.utf8), 400, "invalid_utf8"),
        Case("missing author", #"{"body": "hi"}"#, 422, "missing_field"),
        Case("missing author name", #"{"author": {}, "body": "hi"}"#, 422, "missing_field"),
        Case("body not a string", #"{"author": {"name": "Budi"}, "body": 12}"#, 422, "invalid_field"),
        Case("empty body", #"{"author": {"name": "Budi"}, "body": "  \n "}"#, 422, "empty_body"),
        Case("over-long body", #"{"author": {"name": "Budi"}, "body": "\#(String(repeating: "a", count: 5_001))"}"#, 422, "body_too_long"),
        Case("control characters in body", #"{"author": {"name": "Budi"}, "body": "hi\u0000there"}"#, 422, "invalid_body"),
        Case("empty author name", #"{"author": {"name": "   "}, "body": "hi"}"#, 422, "empty_author_name"),
        Case("bad email", #"{"author": {"name": "Budi", "email": "budi@"}, "body": "hi"}"#, 422, "invalid_email"),
        Case("email with spaces", #"{"author": {"name": "Budi", "email": "bu di@example.com"}, "body": "hi"}"#, 422, "invalid_email"),
        Case("unknown parent", #"{"author": {"name": "Budi"}, "body": "hi", "parentId": 999}"#, 422, "unknown_parent"),
        Case("negative parent", #"{"author": {"name": "Budi"}, "body": "hi", "parentId": -3}"#, 422, "invalid_parent_id"),
        Case("parent not an integer", #"{"author": {"name": "Budi"}, "body": "hi", "parentId": "x"}"#, 422, "invalid_field"),
        Case("bad article id", path: "/v1/articles/a%20b/comments", #"{"author": {"name": "Budi"}, "body": "hi"}"#, 400, "invalid_article_id"),
        Case("over-long article id", path: "/v1/articles/\(String(repeating: "x", count: 129))/comments", #"{"author": {"name": "Budi"}, "body": "hi"}"#, 400, "invalid_article_id"),
    ]

    @Test(arguments: cases)
    func refusesWithPreciseErrorAndStoresNothing(_ testCase: Case) async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.send("POST", testCase.path, body: testCase.body, contentType: testCase.contentType)
            #expect(reply.status == testCase.status, "\(reply.text)")
            #expect(reply.errorCode == testCase.code, "\(reply.text)")
            let message = ((try? reply.json())?["error"] as? [String: Any])?["message"] as? String
            #expect(message?.isEmpty == false)
            #expect(try await server.store.commentCounts().isEmpty)
        }
    }

    @Test func refusesDeclaredOversizedBodyBeforeReadingIt() async throws {
        try await LiveServer.run { server in
            let huge = Data(repeating: UInt8(ascii: "a"), count: 200_000)
            let reply = try await server.client.send("POST", "/v1/articles/a1/comments", body: huge)
            #expect(reply.status == 413)
            #expect(reply.errorCode == "body_too_large")
        }
    }

    @Test func refusesChunkedBodyThatGrowsPastTheLimit() async throws {
        try await LiveServer.run { server in
            var request = Data(
                "POST /v1/articles/a1/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    .utf8)
            let piece = String(repeating: "b", count: 16_384)
            for _ in 0..<6 { request += Data("4000\r\n\(piece)\r\n".utf8) }
            request += Data("0\r\n\r\n".utf8)
            let reply = try await server.client.exchange(request)
            #expect(reply.status == 413)
            #expect(reply.errorCode == "body_too_large")
            #expect(try await server.store.commentCounts().isEmpty)
        }
    }

    @Test func serverKeepsServingAfterGarbage() async throws {
        try await LiveServer.run { server in
            _ = try? await server.client.exchange(Data("\u{1}\u{2} NOT HTTP\r\n\r\n".utf8))
            _ = try? await server.client.exchange(
                Data("POST /v1/articles/a1/comments HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{".utf8),
                halfClose: true)
            let health = try await server.client.send("GET", "/healthz", contentType: nil)
            #expect(health.status == 200)
        }
    }
}

@Suite("Slow clients")
struct SlowClientTests {
    /// A client that starts a request and then sends nothing is disconnected after the idle timeout.
    @Test func idleConnectionIsClosed() async throws {
        var settings = ServerSettings(adminToken: "t")
        settings.idleTimeout = .seconds(1)
        try await LiveServer.run(settings: settings) { server in
            // The server, not the client's own 30-second read timeout, ends the connection. No bound on
            // the wall time beyond that: on a loaded CI machine a 1-second timer fires late.
            let connection = try server.client.openConnection()
            defer { RawHTTP.closeConnection(connection) }
            let partial = Data("POST /v1/articles/a1/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Le".utf8)
            #expect(RawHTTP.write(connection, partial))
            #expect(RawHTTP.serverCloses(connection, within: 30))
            let health = try await server.client.send("GET", "/healthz", contentType: nil)
            #expect(health.status == 200)
        }
    }
}
