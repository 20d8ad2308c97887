/// One key press as the review screen understands it, decoded from the terminal's bytes.
enum Key: Hashable, Sendable {
    case character(Character)
    case enter
    case escape
    case backspace
    case up
    case down
    case pageUp
    case pageDown
    /// Ctrl-C: raw mode delivers it as a byte, not a signal.
    case interrupt
    /// Anything the screen has no use for (function keys, Alt-combinations, other controls).
    case other
}
