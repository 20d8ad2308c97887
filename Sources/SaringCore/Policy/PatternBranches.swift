/// Splits a pattern that is one big alternation into one pattern per alternative, so that the
/// prefilter can run only the alternatives whose literals occur in a comment.
///
/// Editors grow a rule by adding alternatives (`buang islam|teroris islam|penista agama|…`). Once
/// any of their literals occurs, PCRE2 tries every alternative at every word start; a rule of 20
/// alternatives cost 25 µs per comment where its alternatives, each run only when its own
/// literals occur, cost a tenth of that. The split is the identity `X(?:A|B)Y` = `XAY|XBY`: a text
/// matches the rule exactly when it matches one of the parts (spans can differ where alternatives
/// overlap; hits are the union of the parts' spans).
///
/// It is refused (nil: the rule runs whole) wherever that identity or the group numbering could
/// break: back-references, recursion and subroutine calls, conditionals, inline option changes
/// (which in PCRE2 carry over into later alternatives), verbs, a quantified group, and patterns
/// with fewer than ``minimumBranches`` alternatives.
enum PatternBranches {
    static let minimumBranches = 4

    static func split(_ pattern: String) -> [String]? {
        let chars = Array(pattern)
        // POSIX classes (`[[:alpha:]]`) would need a fuller class parser than this one.
        guard !pattern.contains("[:"), isSafeToSplit(chars), let items = topLevelItems(chars) else { return nil }
        // A top-level alternation: the parts as they are.
        let topBars = items.filter { $0.kind == .bar }
        if !topBars.isEmpty {
            let parts = pieces(chars, between: topBars.map(\.range.lowerBound), in: 0..<chars.count)
            return parts.count >= minimumBranches ? parts : nil
        }
        // Otherwise one group holding an alternation, between a prefix and a suffix: X(?:A|B)Y.
        let candidates = items.filter { $0.kind == .group && !$0.bars.isEmpty && !isAssertionsOnly($0, chars) }
        guard candidates.count == 1, let group = candidates.first, !group.quantified, group.bars.count + 1 >= minimumBranches,
            group.opener == "(?:" || group.opener == "("
        else { return nil }
        let prefix = String(chars[0..<group.range.lowerBound])
        let suffix = String(chars[group.range.upperBound..<chars.count])
        let inner = (group.range.lowerBound + group.opener.count)..<(group.range.upperBound - 1)
        return pieces(chars, between: group.bars, in: inner).map { prefix + $0 + suffix }
    }

    /// A group whose alternatives are only lookarounds, like `(?:(?<![\p{L}\p{N}])|(?<=\\n))`
    /// (a word start, or right after a literal `\n`): zero-width, so it belongs to the prefix.
    private static func isAssertionsOnly(_ group: Item, _ chars: [Character]) -> Bool {
        let inner = (group.range.lowerBound + group.opener.count)..<(group.range.upperBound - 1)
        return pieces(chars, between: group.bars, in: inner).allSatisfy { piece in
            guard let items = topLevelItems(Array(piece)), !items.isEmpty else { return false }
            return items.allSatisfy { $0.kind == .group && ["(?=", "(?!", "(?<=", "(?<!"].contains($0.opener) }
        }
    }

    private static func pieces(_ chars: [Character], between bars: [Int], in range: Range<Int>) -> [String] {
        var result: [String] = []
        var start = range.lowerBound
        for bar in bars {
            result.append(String(chars[start..<bar]))
            start = bar + 1
        }
        result.append(String(chars[start..<range.upperBound]))
        return result
    }

    /// Constructs whose meaning depends on group numbers, on the other alternatives or on the
    /// pattern as a whole.
    private static func isSafeToSplit(_ chars: [Character]) -> Bool {
        var index = 0
        var inClass = false
        while index < chars.count {
            let char = chars[index]
            let next = index + 1 < chars.count ? chars[index + 1] : nil
            if char == "\\" {
                // \1…\9, \g{…}, \k<…>: references to groups.
                if let next, next.isNumber && next != "0" || next == "g" || next == "k" { return false }
                index += 2
                continue
            }
            if inClass {
                if char == "]" { inClass = false }
                index += 1
                continue
            }
            if char == "[" {
                inClass = true
                // A `]` right after `[` or `[^` is a literal member.
                index += 1
                if index < chars.count, chars[index] == "^" { index += 1 }
                if index < chars.count, chars[index] == "]" { index += 1 }
                continue
            }
            if char == "(", next == "*" { return false }  // verbs and start-of-pattern options
            if char == "(", next == "?" {
                let after = index + 2 < chars.count ? chars[index + 2] : nil
                guard let after else { return false }
                switch after {
                case ":", "=", "!": break
                case "<":
                    // Lookbehinds only; named groups could be referred to.
                    let third = index + 3 < chars.count ? chars[index + 3] : nil
                    guard third == "=" || third == "!" else { return false }
                default: return false  // options, conditionals, recursion, named groups, atomic, …
                }
            }
            index += 1
        }
        return !inClass
    }

    struct Item {
        enum Kind { case bar, group, other }
        var kind: Kind
        var range: Range<Int>
        /// For a group: how it opens (`(?:`, `(`, `(?<!`, …) and the offsets of its own `|`s.
        var opener = ""
        var bars: [Int] = []
        var quantified = false
    }

    /// The pattern's top-level pieces: `|`s, groups (with their own top-level bars) and the rest.
    private static func topLevelItems(_ chars: [Character]) -> [Item]? {
        var items: [Item] = []
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "|" {
                items.append(Item(kind: .bar, range: index..<(index + 1)))
                index += 1
                continue
            }
            if char == "(" {
                guard let (end, bars) = groupEnd(chars, from: index) else { return nil }
                var item = Item(kind: .group, range: index..<end, bars: bars)
                item.opener = opener(chars, at: index)
                if end < chars.count, "*+?{".contains(chars[end]) { item.quantified = true }
                items.append(item)
                index = end
                continue
            }
            if char == ")" { return nil }
            let end = skipAtom(chars, from: index)
            items.append(Item(kind: .other, range: index..<end))
            index = end
        }
        return items
    }

    private static func opener(_ chars: [Character], at index: Int) -> String {
        var end = index + 1
        if end < chars.count, chars[end] == "?" {
            end += 1
            while end < chars.count, "<=!:".contains(chars[end]) {
                end += 1
                if chars[end - 1] == ":" || chars[end - 1] == "=" || chars[end - 1] == "!" { break }
            }
        }
        return String(chars[index..<end])
    }

    /// The offset after the group opening at `start`, and the offsets of its depth-1 bars.
    private static func groupEnd(_ chars: [Character], from start: Int) -> (Int, [Int])? {
        var depth = 0
        var bars: [Int] = []
        var index = start
        while index < chars.count {
            let char = chars[index]
            switch char {
            case "\\", "[":
                index = skipAtom(chars, from: index)
                continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return (index + 1, bars) }
            case "|": if depth == 1 { bars.append(index) }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The offset after one atom: an escape (with `\p{…}`, `\x{…}` braces), a class, or a character.
    private static func skipAtom(_ chars: [Character], from start: Int) -> Int {
        let char = chars[start]
        if char == "\\" {
            var end = min(start + 2, chars.count)
            if end < chars.count, chars[end] == "{" {
                while end < chars.count, chars[end] != "}" { end += 1 }
                end = min(end + 1, chars.count)
            }
            return end
        }
        if char == "[" {
            var end = start + 1
            if end < chars.count, chars[end] == "^" { end += 1 }
            if end < chars.count, chars[end] == "]" { end += 1 }
            while end < chars.count, chars[end] != "]" {
                end += chars[end] == "\\" ? 2 : 1
            }
            return min(end + 1, chars.count)
        }
        return start + 1
    }
}
