// Lays out a comment's text for the screen: paragraphs word-wrapped to the window, every span a
// rule matched highlighted in the original text. Spans are Unicode-scalar offsets into the body as
// submitted; a grapheme is highlighted when any of its scalars is inside a span.

enum BodyLayout {
    private struct Cell {
        var text: String
        var width: Int
        var style: TextStyle
        var isSpace: Bool
    }

    /// The wrapped lines of `body`, with `spans` highlighted: in colour by style, otherwise with
    /// `[[` and `]]` around each highlighted run (`markers`).
    static func lines(_ body: String, spans: [Range<Int>], width: Int, markers: Bool) -> [StyledLine] {
        let text = TextWidth.sanitized(body)
        let scalarCount = text.unicodeScalars.count
        var covered = [Bool](repeating: false, count: scalarCount)
        for span in SpanMerging.merged(spans, in: text) {
            for i in span { covered[i] = true }
        }
        var paragraphs: [[Cell]] = [[]]
        var offset = 0
        for character in text {
            let count = character.unicodeScalars.count
            let marked = covered[offset..<(offset + count)].contains(true)
            offset += count
            if character.isNewline {
                paragraphs.append([])
                continue
            }
            paragraphs[paragraphs.count - 1].append(
                Cell(
                    text: String(character), width: TextWidth.columns(character), style: marked ? .highlight : .plain,
                    isSpace: character == " "))
        }
        return paragraphs.flatMap { paragraph in
            wrap(markers ? withMarkers(paragraph) : paragraph, width: max(width, 1))
        }
    }

    /// Inserts `[[` before and `]]` after each highlighted run of a paragraph.
    private static func withMarkers(_ cells: [Cell]) -> [Cell] {
        var result: [Cell] = []
        var inside = false
        for cell in cells {
            let marked = cell.style == .highlight
            if marked != inside {
                result += marker(marked ? "[[" : "]]")
                inside = marked
            }
            result.append(cell)
        }
        if inside { result += marker("]]") }
        return result
    }

    private static func marker(_ text: String) -> [Cell] {
        text.map { Cell(text: String($0), width: 1, style: .highlight, isSpace: false) }
    }

    /// Word-wraps cells; a word longer than the line is broken where the line ends.
    private static func wrap(_ cells: [Cell], width: Int) -> [StyledLine] {
        var lines: [[Cell]] = []
        var current: [Cell] = []
        var used = 0
        var lastSpace: Int?
        for cell in cells {
            if current.isEmpty, cell.isSpace, !lines.isEmpty { continue }
            if used + cell.width > width {
                if cell.isSpace {
                    lines.append(current)
                    (current, used, lastSpace) = ([], 0, nil)
                    continue
                }
                if let split = lastSpace, split > 0 {
                    lines.append(Array(current[..<split]))
                    current = Array(current[split...].drop { $0.isSpace })
                } else {
                    lines.append(current)
                    current = []
                }
                used = current.reduce(0) { $0 + $1.width }
                lastSpace = nil
            }
            current.append(cell)
            used += cell.width
            if cell.isSpace { lastSpace = current.count }
        }
        lines.append(current)
        return lines.map { line in styled(Array(line.reversed().drop(while: \.isSpace).reversed())) }
    }

    private static func styled(_ cells: [Cell]) -> StyledLine {
        var line = StyledLine()
        for cell in cells {
            if let last = line.runs.last, last.style == cell.style {
                line.runs[line.runs.count - 1].text += cell.text
            } else {
                line.append(cell.text, cell.style)
            }
        }
        return line
    }
}
