// The terminal as the review screen needs it: raw mode (keys arrive one at a time, unechoed;
// Ctrl-C is a key, not a signal) on the alternate screen, and put back exactly as it was on
// every way out — quit, error, or a signal turned into a quit by ``TerminalEvents``.
import Foundation

final class RawTerminal {
    private var original = termios()
    private var active = false

    /// Switches the terminal on standard input/output to raw mode and the alternate screen.
    ///
    /// - Throws: ``CLIError`` when standard input is not a terminal whose settings can be changed.
    init() throws {
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            throw CLIError("cannot read the terminal's settings: \(String(cString: strerror(errno)))")
        }
        var raw = original
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        // TCSAFLUSH drops keys typed before the screen appeared: they were not meant for it.
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
            throw CLIError("cannot switch the terminal to raw mode: \(String(cString: strerror(errno)))")
        }
        active = true
        write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J")
    }

    deinit { restore() }

    /// Leaves the alternate screen and restores the original settings. Safe to call twice.
    func restore() {
        guard active else { return }
        active = false
        write("\u{1B}[?25h\u{1B}[?1049l")
        // TCSAFLUSH again: keys pressed after quitting must not spill into the shell.
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
    }

    /// Writes all of `text` to standard output (a terminal: small writes, retried on EINTR).
    func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return  // The terminal is gone (hang-up); the event loop sees the closed input and quits.
            }
            offset += written
        }
    }

    /// The window's size in columns and rows (80×24 when the terminal does not say).
    static func size() -> (width: Int, height: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
