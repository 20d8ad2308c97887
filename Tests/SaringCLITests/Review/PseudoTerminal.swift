// Runs the real `saring` binary on a pseudo-terminal: the test types keys into the master side
// and reads what the program draws, through ``ScreenEmulator``, with bounded waits.
import Foundation
import Glibc
import SaringTestSupport

struct ScreenTimeout: Error, CustomStringConvertible {
    let description: String
}

final class PseudoTerminal {
    let process: ChildProcess
    private let master: Int32
    /// Every byte the program wrote, escape sequences included.
    private(set) var output: [UInt8] = []
    private(set) var screen: ScreenEmulator

    /// Starts `saring` with `arguments` on a new pseudo-terminal of `width`×`height`.
    ///
    /// - Parameter noColor: sets `NO_COLOR=1` (the default) or removes it from the environment.
    init(_ arguments: [String], width: Int = 80, height: Int = 24, noColor: Bool = true, environment: [String: String] = [:])
        throws
    {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw ScreenTimeout(description: "openpty failed: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.master = master
        screen = ScreenEmulator(width: width, height: height)

        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = noColor ? "1" : nil
        env["TERM"] = "xterm-256color"
        env["SARING_MODERATOR"] = nil
        for (key, value) in environment { env[key] = value }
        do {
            process = try ChildProcess(
                executable: CLI.binary.path, arguments: arguments, environment: env,
                input: .descriptor(slave), output: .descriptor(slave), error: .descriptor(slave))
        } catch {
            close(slave)
            close(master)
            throw error
        }
        close(slave)
    }

    deinit {
        if process.isRunning {
            process.signal(SIGKILL)
            process.waitForExit()
        }
        close(master)
    }

    var text: String { screen.text }

    /// Types `keys` (escape sequences and all) into the terminal.
    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the screen shows `text`; throws with a picture of the screen after `timeout`.
    func waitFor(_ text: String, timeout: Duration = .seconds(20)) throws {
        try waitUntil("the screen to show \"\(text)\"", timeout: timeout) { $0.text.contains(text) }
    }

    /// Waits until `condition` holds for the screen.
    func waitUntil(_ what: String, timeout: Duration = .seconds(20), _ condition: (ScreenEmulator) -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            pump(for: .milliseconds(20))
            if condition(screen) { return }
            if ContinuousClock.now >= deadline {
                throw ScreenTimeout(description: "timed out waiting for \(what); screen:\n\(screen.picture)")
            }
        }
    }

    /// Changes the window size and tells the program, as a terminal emulator does.
    func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        screen.resize(width: width, height: height)
        process.signal(SIGWINCH)
    }

    func signal(_ number: Int32) { process.signal(number) }

    /// Waits for the program to exit, reading what it still writes; returns its exit status.
    func waitForExit(timeout: Duration = .seconds(20)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            pump(for: .milliseconds(20))
            if ContinuousClock.now >= deadline {
                throw ScreenTimeout(description: "saring review did not exit; screen:\n\(screen.picture)")
            }
        }
        pump(for: .milliseconds(20))
        return process.waitForExit()
    }

    /// Reads whatever arrives within `duration`.
    private func pump(for duration: Duration) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            output += buffer[..<count]
            screen.feed(Array(buffer[..<count]))
        }
    }
}
