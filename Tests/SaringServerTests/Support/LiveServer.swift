// Starts the real Saring HTTP server on 127.0.0.1 (port 0) over a real SQLite file in a temporary
// folder, runs a test body against it, and shuts it down.
import Foundation
import Hummingbird
import Logging
import SaringCore
import SaringServer
import SaringStore

struct LiveServer: Sendable {
    let client: RawHTTP
    let store: SaringStore
    let databasePath: String

    static func run(
        settings: ServerSettings = ServerSettings(adminToken: "test-admin-token"),
        judge: any CommentJudge = PublishAllJudge(),
        _ body: @Sendable (LiveServer) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("saring-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = settings
        settings.port = 0
        settings.databasePath = folder.appendingPathComponent("test.sqlite").path
        let store = try SaringStore(path: settings.databasePath)
        try store.migrate()

        var logger = Logger(label: "saring-test")
        // Cancelling the server at the end of each test logs an error we do not need to see.
        logger.logLevel = .critical
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            settings: settings, store: store, judge: judge, logger: logger,
            onServerRunning: { port in portSink.yield(port) })
        let serverTask = Task { try await app.run() }
        defer { serverTask.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw RawHTTP.Failure(description: "server did not start") }
        try await body(LiveServer(client: RawHTTP(port: port), store: store, databasePath: settings.databasePath))
    }
}
