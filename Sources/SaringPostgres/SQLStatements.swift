import Foundation

/// Splits a migration file into its statements for the extended protocol, which takes one at a
/// time (PostgresNIO sends every query that way). Written here because no library in reach does
/// it: semicolons inside quotes, quoted names, comments and dollar-quoted bodies (`$$ … $$`,
/// `$fn$ … $fn$`, as function definitions use) do not end a statement. Statements come back
/// trimmed, comments kept, empty ones dropped.
enum SQLStatements {
    static func split(_ sql: String) -> [String] {
        let scalars = Array(sql.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        func flush() {
            let text = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty, !isOnlyComments(text) { statements.append(text) }
            current = String.UnicodeScalarView()
        }
        func copy(until end: Int) {
            current.append(contentsOf: scalars[index..<min(end, scalars.count)])
            index = min(end, scalars.count)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case ";":
                index += 1
                flush()
            case "'", "\"":
                // A quoted string or name; a doubled quote inside stays inside.
                var end = index + 1
                while end < scalars.count {
                    if scalars[end] == scalar {
                        if end + 1 < scalars.count, scalars[end + 1] == scalar {
                            end += 2
                            continue
                        }
                        break
                    }
                    end += 1
                }
                copy(until: end + 1)
            case "-" where next == "-":
                var end = index
                while end < scalars.count, scalars[end] != "\n" { end += 1 }
                copy(until: end)
            case "/" where next == "*":
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == "*" && scalars[end + 1] == "/") { end += 1 }
                copy(until: end + 2)
            case "$":
                // `$tag$` opens a body that only the same `$tag$` closes; `$1` (a parameter) is not a tag.
                var end = index + 1
                while end < scalars.count, scalars[end] == "_" || scalars[end].properties.isAlphabetic
                    || (end > index + 1 && ("0"..."9").contains(scalars[end]))
                {
                    end += 1
                }
                guard end < scalars.count, scalars[end] == "$" else {
                    copy(until: index + 1)
                    continue
                }
                let tag = Array(scalars[index...end])
                var close = end + 1
                while close + tag.count <= scalars.count, Array(scalars[close..<(close + tag.count)]) != tag { close += 1 }
                copy(until: close + tag.count)
            default:
                current.append(scalar)
                index += 1
            }
        }
        flush()
        return statements
    }

    /// Whether `text` holds nothing but `--` comments (the tail of a file after its last statement).
    private static func isOnlyComments(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
    }
}
