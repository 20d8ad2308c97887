// Stored and user-given text on its way to a moderator's terminal. A comment body, an author's
// name or e-mail address, a reason, an article id or a policy's description can carry bytes the
// terminal obeys instead of showing: ESC sequences that clear the screen, recolour it, retitle the
// window or rewrite the clipboard; a CR that overwrites the start of a line; a BEL; C1 controls
// (U+009B is a one-byte CSI to many terminals); bidi overrides that visually reorder a line so
// that what the moderator reads is not what is stored. Everything the CLI prints from outside
// the program goes through `neutralized` first, so those show up as visible stand-ins:
//
//   C0 controls U+0000–U+001F   the control picture U+2400 + code: ESC ␛, BEL ␇, CR ␍, LF ␊, NUL ␀
//   DEL U+007F                  ␡ (U+2421)
//   C1 controls U+0080–U+009F,  � (U+FFFD)
//   bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069,
//   and the direction marks U+200E, U+200F, U+061C
//
// except that a tab becomes a space, and where the output may run over several lines a line feed
// stays one and a CR right before it (a web form's CRLF) becomes a space. Every stand-in is one
// scalar for one scalar, so spans of rule hits (Unicode-scalar offsets into the original text)
// still point at the same text after neutralizing; highlight the neutralized text, never the raw.

import Foundation

enum TerminalText {
    /// What becomes of line feeds.
    enum LineBreaks {
        /// Shown as ␊: the text is one field on a line (a name, an id, a reason).
        case shown
        /// Kept: the text may span lines (a comment body, an error message); a CR before one is a space.
        case kept
        /// Turned into spaces, a CR before one too: a body squeezed onto one line of a table.
        case spaces
    }

    /// `text` with every scalar that could steer the terminal replaced by a visible stand-in (see the
    /// file's header); the result has exactly as many Unicode scalars as `text`.
    static func neutralized(_ text: String, lineBreaks: LineBreaks = .shown) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let beforeLineFeed = index + 1 < scalars.count && scalars[index + 1] == "\n"
            switch (scalar.value, lineBreaks) {
            case (0x0A, .kept): result.append(scalar)
            case (0x0A, .spaces), (0x09, _): result.append(" ")
            case (0x0D, _) where beforeLineFeed && lineBreaks != .shown: result.append(" ")
            case (0x00...0x1F, _): result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case (0x7F, _): result.append("\u{2421}")
            case (0x80...0x9F, _), (0x202A...0x202E, _), (0x2066...0x2069, _), (0x200E, _), (0x200F, _), (0x061C, _):
                result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Prints a problem on standard error in the CLI's one style, the one ArgumentParser uses for
    /// usage errors: `Error: ` then a lower-case message that names the file, argument, comment or
    /// author first, says what to do after a colon or semicolon, and ends without a full stop.
    /// Every command's failures, and each refused id of `approve`/`reject`, read the same way.
    static func printError(_ message: String) {
        printLine(message.hasPrefix("Error: ") ? message : "Error: " + message)
    }

    /// A result the moderator should know of that is not a failure, as `Warning: …`.
    static func printWarning(_ message: String) {
        printLine("Warning: " + message)
    }

    /// Prints `line` neutralized (line breaks kept) on standard error as it is: for diagnostics in
    /// the `FILE:LINE: …` shape editors jump to.
    static func printLine(_ line: String) {
        FileHandle.standardError.write(Data((neutralized(line, lineBreaks: .kept) + "\n").utf8))
    }
}
