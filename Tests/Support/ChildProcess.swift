// Starts a child process with posix_spawn, for tests that run the real `saring` binary.
//
// Why not Foundation's `Process`: on Linux, `Process.run()` finds the highest open descriptor by
// reading /proc/self/fd and copying each entry's whole 256-byte name field out of glibc's
// directory buffer. When the test process holds some 1,300 descriptors (parallel tests with live
// connections), the last entry sits at the end of that buffer and the copy reads past the end of
// its mapping: the whole test run dies of SIGSEGV inside `Process.run()` (seen in CI). Here the
// child closes every descriptor from 3 up itself (`posix_spawn_file_actions_addclosefrom_np`),
// so nothing is read from /proc and no pipe end of one test leaks into another test's child.
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `ended` is guarded by `lock`; everything else is set once in `init`.

    /// What one of the child's standard streams is connected to.
    public enum Stream {
        /// A new pipe; the parent's end is in ``standardInput`` / ``standardOutput`` / ``standardError``.
        case pipe
        /// `/dev/null`.
        case null
        /// An open descriptor of the parent's (a terminal's slave side, say), duplicated into the child.
        case descriptor(Int32)
        /// The same as the child's standard output (only for standard error).
        case sameAsOutput
    }

    public let pid: pid_t
    /// The parent's ends of the pipes asked for, or nil. The parent closes them (``closeStandardInput()``, ``close()``).
    public private(set) var standardInput: Int32?
    public private(set) var standardOutput: Int32?
    public private(set) var standardError: Int32?

    private let lock = NSLock()
    private var ended: Int32? = nil

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `executable` with `arguments` (without the program name), in `directory` when given,
    /// in a process group of its own (so a terminal's Ctrl-C reaches only the test).
    public init(
        executable: String, arguments: [String], environment: [String: String], directory: String? = nil,
        input: Stream = .null, output: Stream = .pipe, error: Stream = .pipe
    ) throws {
        _ = Self.ignoreBrokenPipes
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var childEnds: [Int32] = []
        var parentEnds: [Int32] = []
        defer { for fd in childEnds { Glibc.close(fd) } }
        func connect(_ stream: Stream, to target: Int32, childReads: Bool) throws -> Int32? {
            switch stream {
            case .pipe:
                var fds: [Int32] = [-1, -1]
                // pipe2 is declared only under _GNU_SOURCE; the window before FD_CLOEXEC is set does
                // not matter, as every child started here closes all descriptors from 3 up.
                guard pipe(&fds) == 0 else { throw Failure(description: "pipe failed: errno \(errno)") }
                for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
                let (child, parent) = childReads ? (fds[0], fds[1]) : (fds[1], fds[0])
                childEnds.append(child)
                parentEnds.append(parent)
                posix_spawn_file_actions_adddup2(&actions, child, target)
                return parent
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", childReads ? O_RDONLY : O_WRONLY, 0)
                return nil
            case .descriptor(let fd):
                posix_spawn_file_actions_adddup2(&actions, fd, target)
                return nil
            case .sameAsOutput:
                posix_spawn_file_actions_adddup2(&actions, 1, target)
                return nil
            }
        }
        do {
            standardInput = try connect(input, to: 0, childReads: true)
            standardOutput = try connect(output, to: 1, childReads: false)
            standardError = try connect(error, to: 2, childReads: false)
        } catch {
            for fd in parentEnds { Glibc.close(fd) }
            throw error
        }
        if let directory {
            guard Self.addChdir(&actions, directory) == 0 else {
                for fd in parentEnds { Glibc.close(fd) }
                throw Failure(description: "posix_spawn_file_actions_addchdir_np is missing from this C library")
            }
        }
        guard Self.addCloseFrom(&actions, 3) == 0 else {
            for fd in parentEnds { Glibc.close(fd) }
            throw Failure(description: "posix_spawn_file_actions_addclosefrom_np is missing from this C library")
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            for fd in parentEnds { Glibc.close(fd) }
            throw Failure(description: "posix_spawn \(executable) failed: \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            _ = waitForExit()
        }
        close()
    }

    /// Closes the parent's end of the child's standard input (the child reads end of file).
    public func closeStandardInput() {
        if let fd = standardInput { Glibc.close(fd) }
        standardInput = nil
    }

    /// Closes the parent's ends of all pipes (once: a second call closes nothing, so a descriptor
    /// number reused meanwhile by another test is never closed under it).
    public func close() {
        closeStandardInput()
        if let fd = standardOutput { Glibc.close(fd) }
        if let fd = standardError { Glibc.close(fd) }
        standardOutput = nil
        standardError = nil
    }

    public func signal(_ number: Int32) { kill(pid, number) }

    /// Blocks until the child ends; its exit code, or the number of the signal that ended it.
    @discardableResult
    public func waitForExit() -> Int32 {
        if let status = lock.withLock({ ended }) { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        return record(raw)
    }

    /// Whether the child still runs (reaps it if it has ended).
    public var isRunning: Bool {
        if lock.withLock({ ended }) != nil { return false }
        var raw: Int32 = 0
        let reaped = waitpid(pid, &raw, WNOHANG)
        if reaped == pid {
            record(raw)
            return false
        }
        return reaped == 0
    }

    /// The exit code, or the number of the signal that ended the child; nil while it runs.
    public var terminationStatus: Int32? {
        isRunning ? nil : lock.withLock { ended }
    }

    /// Whether a signal ended the child (false while it runs).
    public private(set) var endedBySignal = false

    @discardableResult
    private func record(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7F
        let status = signal == 0 ? (raw >> 8) & 0xFF : signal
        lock.withLock {
            if ended == nil {
                ended = status
                endedBySignal = signal != 0
            }
        }
        return lock.withLock { ended! }
    }

    /// Reads `fd` to end of file.
    public static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }

    /// Writes all of `data` to `fd`; false when the reader has gone.
    @discardableResult
    public static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// A child that exits before reading all its input must not kill the test process with SIGPIPE:
    /// the write fails with EPIPE instead.
    private static let ignoreBrokenPipes: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()

    // glibc has both since 2.34 and 2.29, but declares them only under _GNU_SOURCE, which Swift's
    // Glibc module does not set: they are looked up by name.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias Chdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static let closeFromFunction: CloseFrom? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: CloseFrom.self) }
    private static let chdirFunction: Chdir? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: Chdir.self) }

    private static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32 {
        closeFromFunction?(actions, from) ?? -1
    }

    private static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Int32 {
        guard let chdirFunction else { return -1 }
        return path.withCString { chdirFunction(actions, $0) }
    }
}
