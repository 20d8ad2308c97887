/// A whole screen of output: every row addressed and cleared, then written, so a frame never
/// depends on what the previous one left behind and nothing scrolls.
struct ScreenFrame {
    var lines: [StyledLine]
    /// Where to show the cursor (1-based row, column), or nil to keep it hidden.
    var cursor: (row: Int, column: Int)?

    func output(height: Int, palette: ScreenPalette) -> String {
        var output = "\u{1B}[?25l"
        for row in 1...max(height, 1) {
            output += "\u{1B}[\(row);1H\u{1B}[2K"
            if row <= lines.count { output += palette.render(lines[row - 1]) }
        }
        if let cursor {
            output += "\u{1B}[\(cursor.row);\(cursor.column)H\u{1B}[?25h"
        }
        return output
    }
}
