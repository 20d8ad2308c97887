import Foundation
import SaringServer
import SaringTestSupport
import Testing

/// What the server does with connections, over real sockets: a refused body ends its connection
/// with the answer readable, HTTP/1.0 is closed after its answer, a slow body is cut off, broken
/// chunked encoding is a 400, and one client cannot open connections without end.
@Suite("Connection discipline over real sockets")
struct ConnectionDisciplineTests {
    static func head(_ lines: [String]) -> Data { Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) }

    @Test func aBodyOverTheLimitIsAnswered413AndTheConnectionClosed() async throws {
        try await LiveServer.run { server in
            // Announces 1 MB, sends 4 KB and keeps the connection open, as a client still uploading.
            var request = Self.head([
                "POST /v1/articles/a1/comments HTTP/1.1", "Host: x", "Content-Type: application/json", "Content-Length: 1000000",
            ])
            request.append(Data(repeating: UInt8(ascii: "x"), count: 4096))
            let (reply, closed) = try await server.client.converse(request, readTimeout: 30)
            #expect(reply.status == 413)
            #expect(reply.errorCode == "body_too_large")
            #expect(closed)
        }
    }

    @Test func aChunkedBodyGrowingPastTheLimitIsAnswered413AndClosed() async throws {
        // The body deadline is out of the way: on a machine loaded enough that the body takes 10 s
        // to be read, the 408 came first (seen in parallel runs); this test is about the 413.
        var settings = ServerSettings(adminToken: "test-admin-token")
        settings.bodyDeadline = .seconds(300)
        try await LiveServer.run(settings: settings) { server in
            var request = Self.head([
                "POST /v1/articles/a1/comments HTTP/1.1", "Host: x", "Content-Type: application/json", "Transfer-Encoding: chunked",
            ])
            for _ in 0..<20 {
                request.append(Data("1000\r\n".utf8) + Data(repeating: UInt8(ascii: "y"), count: 4096) + Data("\r\n".utf8))
            }
            let (reply, closed) = try await server.client.converse(request, readTimeout: 30)
            #expect(reply.status == 413)
            #expect(closed)
        }
    }

    @Test(arguments: ["ZZZ\r\nabc\r\n0\r\n\r\n", "5\r\nabc\r\n0\r\n\r\n", "-1\r\nab\r\n"])
    func malformedChunkedEncodingIsA400(_ chunks: String) async throws {
        try await LiveServer.run { server in
            var request = Self.head([
                "POST /v1/articles/a1/comments HTTP/1.1", "Host: x", "Content-Type: application/json", "Transfer-Encoding: chunked",
            ])
            request.append(Data(chunks.utf8))
            let (reply, _) = try await server.client.converse(request, readTimeout: 30)
            #expect(reply.status == 400)
            #expect(try await server.store.commentCounts().isEmpty)
        }
    }

    @Test func http10WithoutKeepAliveIsClosedAfterTheAnswer() async throws {
        try await LiveServer.run { server in
            let (reply, closed) = try await server.client.converse(Self.head(["GET /healthz HTTP/1.0", "Host: x"]), readTimeout: 30)
            #expect(reply.status == 200)
            #expect(closed)
        }
    }

    @Test func aBodyThatDoesNotArriveInTimeGets408AndTheConnectionEnds() async throws {
        var settings = ServerSettings(adminToken: "test-admin-token")
        settings.bodyDeadline = .seconds(1)
        try await LiveServer.run(settings: settings) { server in
            var request = Self.head([
                "POST /v1/articles/a1/comments HTTP/1.1", "Host: x", "Content-Type: application/json", "Content-Length: 200",
            ])
            request.append(Data(#"{"author":"#.utf8))
            let (reply, closed) = try await server.client.converse(request, readTimeout: 30)
            #expect(reply.status == 408)
            #expect(reply.errorCode == "request_timeout")
            #expect(closed)
        }
    }

    @Test func aClientHangingUpMidBodyIsNoErrorInTheLog() async throws {
        let log = CapturedLog()
        try await LiveServer.run(log: log) { server in
            var request = Self.head([
                "POST /v1/articles/a1/comments HTTP/1.1", "Host: x", "Content-Type: application/json", "Content-Length: 500",
            ])
            request.append(Data(#"{"author":{"name":"Budi"},"body":"tulisan yang terputus"#.utf8))
            // Sends part of the body, then hangs up its side, as a phone losing signal. The server
            // answers (it logs before answering) and closes: that close is what we wait for.
            let (reply, closed) = try await server.client.converse(request, halfClose: true, readTimeout: 30)
            #expect(reply.status == 400)
            #expect(reply.errorCode == "incomplete_body")
            #expect(closed)
            #expect(!log.all.contains { $0.level >= .error }, "\(log.all.map { "\($0.level) \($0.message)" })")
        }
    }

    @Test func oneClientCannotHoldMoreThanItsShareOfConnections() async throws {
        var settings = ServerSettings(adminToken: "test-admin-token")
        settings.maxConnectionsPerClient = 4
        // 127.0.0.1 is not a trusted proxy here, so its connections count as one client's.
        try await LiveServer.run(settings: settings, trustedProxies: "") { server in
            var held: [Int32] = []
            defer { held.forEach(RawHTTP.closeConnection) }
            for _ in 0..<4 {
                let connection = try server.client.openConnection()
                held.append(connection)
                // Answered: the server counts it before the next one arrives.
                #expect(RawHTTP.ping(connection))
            }
            // The fifth is closed by the server at once.
            let fifth = try server.client.openConnection()
            defer { RawHTTP.closeConnection(fifth) }
            #expect(RawHTTP.serverCloses(fifth, within: 30))
            // Once one is given back, the client may connect again.
            RawHTTP.closeConnection(held.removeFirst())
            var answered = false
            for _ in 0..<50 where !answered {
                let reply = try? await server.client.send("GET", "/healthz", contentType: nil)
                answered = reply?.status == 200
                if !answered { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(answered)
        }
    }
}
