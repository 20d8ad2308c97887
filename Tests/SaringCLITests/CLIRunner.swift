// Runs the real `saring` binary (built next to the test bundle) and captures what it prints.
import Foundation
import SaringTestSupport

struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLI {
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("saring")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        // `swift test` runs an .xctest bundle inside the build folder.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0])
        while folder.path != "/" {
            folder.deleteLastPathComponent()
            let candidate = folder.appendingPathComponent("saring")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/saring")
    }

    /// ``run(_:stdin:environment:in:)`` off the concurrency pool, for async tests (see `offThePool`).
    static func running(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in directory: URL? = nil
    ) async throws -> CLIResult {
        try await offThePool { try run(arguments, stdin: stdin, environment: environment, in: directory) }
    }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in directory: URL? = nil) throws -> CLIResult {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        let child = try ChildProcess(
            executable: binary.path, arguments: arguments, environment: env, directory: directory?.path,
            input: .pipe, output: .pipe, error: .pipe)
        defer { child.close() }
        // Standard input is written, and standard error read, on threads of their own, so a child
        // that fills one pipe while the test waits on another cannot stall both.
        let input = Data((stdin ?? "").utf8)
        let inputFD = child.standardInput!
        let inputDone = DispatchSemaphore(value: 0)
        let writer = Thread {
            ChildProcess.writeAll(input, to: inputFD)
            child.closeStandardInput()
            inputDone.signal()
        }
        let errFD = child.standardError!
        let errBox = DataBox()
        let errDone = DispatchSemaphore(value: 0)
        let reader = Thread {
            errBox.data = ChildProcess.readAll(errFD)
            errDone.signal()
        }
        writer.start()
        reader.start()
        let outData = ChildProcess.readAll(child.standardOutput!)
        errDone.wait()
        inputDone.wait()
        let status = child.waitForExit()
        return CLIResult(
            status: status, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("saring-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func write(_ files: [String: String], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }
}

/// What a reader thread hands back (read only after its semaphore is signalled).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
