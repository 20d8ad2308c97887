import Foundation

/// Lines written to a file or standard output through a 64 KB buffer: an export of a million
/// comments is a million small writes otherwise, and must not be held in memory either.
final class LineOutput {
    private let handle: FileHandle
    private var buffer = Data()
    private let closes: Bool

    /// Standard output, or a new file at `path` (refused when it exists, unless `overwrite`).
    init(path: String?, overwrite: Bool = true) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            closes = false
            return
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: path), !overwrite { throw CLIError("\(path) exists already") }
        guard manager.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        closes = true
        buffer.reserveCapacity(1 << 16)
    }

    func write(line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        if closes { try handle.close() }
    }
}
