// Just enough of a terminal to know what `saring review` shows: cursor addressing, line and
// screen erase, text with wrapping. Colour and mode sequences are read and ignored (the raw
// bytes stay in `PseudoTerminal.output` for tests about them).

struct ScreenEmulator {
    private(set) var width: Int
    private(set) var height: Int
    private var grid: [[Character]]
    private var row = 0
    private var column = 0
    private var pending: [UInt8] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        grid = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    /// The rows as text, trailing spaces removed.
    var lines: [String] {
        grid.map { String(String($0).reversed().drop { $0 == " " }.reversed()) }
    }

    var text: String { lines.joined(separator: "\n") }

    /// The rows joined by spaces, to find a message the screen wrapped.
    var flatText: String { lines.joined(separator: " ") }

    /// The screen inside a frame, for failure messages and the report.
    var picture: String {
        let edge = "+" + String(repeating: "-", count: width) + "+"
        return ([edge] + grid.map { "|" + String($0) + "|" } + [edge]).joined(separator: "\n")
    }

    mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        grid = Array(repeating: Array(repeating: " ", count: width), count: height)
        row = min(row, height - 1)
        column = min(column, width - 1)
    }

    mutating func feed(_ bytes: [UInt8]) {
        let input = pending + bytes
        pending = []
        var i = 0
        while i < input.count {
            if input[i] == 0x1B {
                guard i + 1 < input.count else { break }
                if input[i + 1] == UInt8(ascii: "[") {
                    var j = i + 2
                    while j < input.count, !(0x40...0x7E).contains(input[j]) { j += 1 }
                    guard j < input.count else { break }
                    control(String(decoding: input[(i + 2)..<j], as: UTF8.self), Character(Unicode.Scalar(input[j])))
                    i = j + 1
                } else {
                    i += 2
                }
                continue
            }
            let length = input[i] >= 0xF0 ? 4 : input[i] >= 0xE0 ? 3 : input[i] >= 0xC0 ? 2 : 1
            guard i + length <= input.count else { break }
            for character in String(decoding: input[i..<(i + length)], as: UTF8.self) { put(character) }
            i += length
        }
        pending = Array(input[i...])
    }

    private mutating func control(_ parameters: String, _ final: Character) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch final {
        case "H", "f":
            row = min(max((numbers.first.flatMap { $0 } ?? 1) - 1, 0), height - 1)
            column = min(max((numbers.count > 1 ? numbers[1] ?? 1 : 1) - 1, 0), width - 1)
        case "K":
            let from = parameters == "2" ? 0 : column
            for c in from..<width { grid[row][c] = " " }
        case "J":
            if parameters == "2" || parameters == "?1049" {
                grid = Array(repeating: Array(repeating: " ", count: width), count: height)
            } else {
                for c in column..<width { grid[row][c] = " " }
                for r in (row + 1)..<height { grid[r] = Array(repeating: " ", count: width) }
            }
        case "h" where parameters == "?1049":
            grid = Array(repeating: Array(repeating: " ", count: width), count: height)
        default:
            break
        }
    }

    private mutating func put(_ character: Character) {
        switch character {
        case "\r": column = 0
        case "\n", "\r\n":
            if character == "\r\n" { column = 0 }
            newLine()
        default:
            if column >= width {
                column = 0
                newLine()
            }
            grid[row][column] = character
            column += 1
        }
    }

    private mutating func newLine() {
        if row == height - 1 {
            grid.removeFirst()
            grid.append(Array(repeating: " ", count: width))
        } else {
            row += 1
        }
    }
}
