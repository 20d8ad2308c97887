// Terminal columns taken by text: the review screen wraps and truncates by these, so a line of
// Chinese, emoji or combining accents never spills past the window's edge.

enum TextWidth {
    /// Columns one grapheme occupies: 2 for wide (East Asian, emoji), 0 for a lone mark, else 1.
    static func columns(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation })
            || (first.properties.isEmoji && character.unicodeScalars.contains("\u{FE0F}"))
        {
            return 2
        }
        if isWide(first.value) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return 1
        }
    }

    static func columns(_ text: String) -> Int { text.reduce(0) { $0 + columns($1) } }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    /// `text` with everything that could steer the moderator's terminal made visible and inert, line
    /// breaks kept: see ``TerminalText`` for the stand-ins. One scalar is replaced by one scalar, so
    /// rule spans (scalar offsets) still point at the same text.
    static func sanitized(_ text: String) -> String {
        TerminalText.neutralized(text, lineBreaks: .kept)
    }

    /// `text` on one line (newlines as ` ⏎ `), sanitized.
    static func singleLine(_ text: String) -> String {
        sanitized(text).replacingOccurrences(of: "\n", with: " ⏎ ")
    }
}
