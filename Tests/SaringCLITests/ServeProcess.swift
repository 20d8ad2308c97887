// Starts `saring serve` as a real process on a free port, for tests of signals and crashes.
import Foundation
import SaringTestSupport

final class ServeProcess: @unchecked Sendable {
    // @unchecked: `process` and `output` are only touched from the test that owns this object.
    let process = Process()
    let client: RawHTTP
    let folder: URL
    private var output = Data()
    private let pipe = Pipe()

    /// Starts the server in `folder` (which holds `Policies/`) and waits until it listens.
    init(folder: URL, arguments: [String] = []) throws {
        self.folder = folder
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0", "--db", folder.appendingPathComponent("serve.sqlite").path] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var port: Int? = nil
        while port == nil, Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output.append(chunk)
            let text = String(decoding: output, as: UTF8.self)
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber })
            }
        }
        guard let port else {
            process.terminate()
            throw RawHTTP.Failure(description: "serve did not start: \(String(decoding: output, as: UTF8.self))")
        }
        client = RawHTTP(port: port)
    }

    /// Reads the server's output until it contains `text` (30 s at most).
    func waitForOutput(_ text: String) throws {
        let deadline = Date().addingTimeInterval(30)
        while !String(decoding: output, as: UTF8.self).contains(text) {
            guard Date() < deadline else { throw RawHTTP.Failure(description: "serve never printed '\(text)'") }
            // Wait for output at most a second at a time, so a missing line fails instead of hanging.
            var ready = pollfd(fd: pipe.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 1_000) <= 0 { continue }
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { throw RawHTTP.Failure(description: "serve ended before printing '\(text)'") }
            output.append(chunk)
        }
    }

    /// Everything the server printed so far.
    var outputText: String { String(decoding: output, as: UTF8.self) }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
