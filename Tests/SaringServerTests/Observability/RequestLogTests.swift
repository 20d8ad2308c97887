import Foundation
import Logging
import SaringCore
@testable import SaringServer
import SaringTestSupport
import Synchronization
import Testing

/// Log lines of a live server through Saring's own handler, collected instead of written to stderr.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    var objects: [[String: String]] {
        all.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String]
        }
    }

    func logger(_ format: SaringLogHandler.Format = .json, level: Logger.Level) -> Logger {
        var logger = Logger(label: "saring-test") { _ in
            SaringLogHandler(format: format, level: level, sink: { line in self.lines.withLock { $0.append(line) } })
        }
        logger.logLevel = level
        return logger
    }
}

@Suite("Request ids and log lines")
struct RequestLogTests {
    @Test func everyLineOfARequestCarriesItsIdAndTheAnswerRepeatsIt() async throws {
        let log = LogLines()
        try await LiveServer.run(logger: log.logger(level: .debug)) { server in
            let reply = try await server.client.json(
                "POST", "/v1/articles/berita-1/comments", Readers.body(1), headers: ["X-Request-Id": "edge-7f3a.91:b_2"])
            #expect(reply.status == 201)
            #expect(reply.headers["x-request-id"] == "edge-7f3a.91:b_2")
            let lines = log.objects.filter { $0["request_id"] == "edge-7f3a.91:b_2" }
            #expect(lines.contains { $0["message"] == "request" && $0["route"] == "/v1/articles/{articleId}/comments" && $0["status"] == "201" })
            // Every line logged while requests ran belongs to one (the server's own lines aside).
            let requestLines = log.objects.filter { $0["message"] == "request" }
            #expect(requestLines.allSatisfy { $0["request_id"]?.isEmpty == false })
        }
    }

    @Test(arguments: [String(repeating: "a", count: 129), "dua kata", "<script>", "ü-umlaut", ""])
    func anInsaneIncomingIdIsReplacedByAGeneratedOne(incoming: String) async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.send("GET", "/healthz", contentType: nil, headers: ["X-Request-Id": incoming])
            #expect(reply.status == 200)
            let id = try #require(reply.headers["x-request-id"])
            #expect(id != incoming && id.count >= 16 && id.allSatisfy(\.isHexDigit), "\(id)")
        }
    }

    @Test func errorAnswersCarryTheRequestIdToo() async throws {
        try await LiveServer.run { server in
            let notFound = try await server.client.send("GET", "/v1/nothing-here", contentType: nil)
            #expect(notFound.status == 404 && notFound.headers["x-request-id"]?.isEmpty == false)
            let bad = try await server.client.send("POST", "/v1/articles/a1/comments", body: Data("{".utf8))
            #expect(bad.status == 400 && bad.headers["x-request-id"]?.isEmpty == false)
            let first = try await server.client.send("GET", "/healthz", contentType: nil)
            let second = try await server.client.send("GET", "/healthz", contentType: nil)
            #expect(first.headers["x-request-id"] != second.headers["x-request-id"])
        }
    }

    /// At the default level, a brake engaging logs a warning: it names the article, and nothing
    /// the readers sent (their texts, e-mail addresses, client addresses) reaches the log.
    @Test func theDefaultLevelLogsNoCommentTextEmailOrClientAddress() async throws {
        let log = LogLines()
        let files = ["settings.yaml": "article-brake:\n  max-comments: 3\n  window-minutes: 5\n  hold-minutes: 30\n"]
        try await LiveServer.run(policyFiles: files, logger: log.logger(level: .info)) { server in
            var sent: [String] = []
            for n in 0..<5 {
                let body = Readers.comment(n)
                sent.append(body)
                let reply = try await server.client.json(
                    "POST", "/v1/articles/berita-panas/comments",
                    ["author": ["name": Readers.name(n), "email": "pembaca\(n)@contoh.co.id"], "body": body],
                    headers: ["X-Forwarded-For": "203.0.113.\(40 + n)"])
                #expect(reply.status == 201)
            }
            let text = log.all.joined()
            #expect(log.objects.contains { $0["level"] == "warning" && $0["message"]?.contains("article brake engaged") == true })
            for body in sent { #expect(!text.contains(body)) }
            #expect(!text.contains("@contoh.co.id") && !text.contains("203.0.113."), "\(text)")
        }
    }

    @Test func jsonLinesEscapeWhatTheyCarryAndTextLinesStayOneLine() {
        let json = SaringLogHandler.json(0, .warning, "a \"quoted\"\nline\u{1B}[2J", "r-1", ["article": "a\nb"])
        #expect(json.hasSuffix("}\n") && json.dropLast().allSatisfy { $0 != "\n" })
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(object?["message"] == "a \"quoted\"\nline\u{1B}[2J")
        #expect(object?["time"] == "1970-01-01T00:00:00.000Z" && object?["request_id"] == "r-1" && object?["article"] == "a\nb")
        let text = SaringLogHandler.text(0, .info, "two\nlines\u{1B}", nil, ["k": "v\r"])
        #expect(text == "1970-01-01T00:00:00.000Z info two\\u{a}lines\\u{1b} k=v\\u{d}\n")
    }
}
