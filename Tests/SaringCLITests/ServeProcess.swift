// Starts `saring serve` as a real process on a free port, for tests of signals and crashes.
import Foundation
import SaringTestSupport

final class ServeProcess: @unchecked Sendable {
    // @unchecked: `process` and `output` are only touched from the test that owns this object.
    let process: ChildProcess
    let client: RawHTTP
    let folder: URL
    private var output = Data()
    private let outputFD: Int32

    /// Starts the server in `folder` (which holds `Policies/`) and waits until it listens.
    ///
    /// - Parameters:
    ///   - database: `--db`; `serve.sqlite` in `folder` unless given (a postgresql:// URL, say).
    ///   - environment: added to the test's own.
    init(folder: URL, arguments: [String] = [], database: String? = nil, environment: [String: String] = [:]) throws {
        self.folder = folder
        var env = ProcessInfo.processInfo.environment
        for (name, value) in environment { env[name] = value }
        process = try ChildProcess(
            executable: CLI.binary.path,
            arguments: ["serve", "--port", "0", "--db", database ?? folder.appendingPathComponent("serve.sqlite").path] + arguments,
            environment: env, directory: folder.path, output: .pipe, error: .sameAsOutput)
        outputFD = process.standardOutput!
        let deadline = Date().addingTimeInterval(30)
        var port: Int? = nil
        while port == nil, Date() < deadline {
            let chunk = Self.readSome(outputFD)
            if chunk.isEmpty { break }
            output.append(chunk)
            let text = String(decoding: output, as: UTF8.self)
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber })
            }
        }
        guard let port else {
            process.signal(SIGTERM)
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
            var ready = pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 1_000) <= 0 { continue }
            let chunk = Self.readSome(outputFD)
            if chunk.isEmpty { throw RawHTTP.Failure(description: "serve ended before printing '\(text)'") }
            output.append(chunk)
        }
    }

    /// Everything the server printed so far.
    var outputText: String { String(decoding: output, as: UTF8.self) }

    func signal(_ number: Int32) { process.signal(number) }

    func stop() {
        if process.isRunning { process.signal(SIGTERM) }
        process.waitForExit()
        process.close()
    }

    /// What one read returns: empty at end of file.
    private static func readSome(_ fd: Int32) -> Data {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            return count > 0 ? Data(buffer[..<count]) : Data()
        }
    }
}
