/// Derives from a regex the literals at least one of which every match must contain, for the
/// prefilter. It understands the common subset of PCRE2 syntax used in policies and gives up
/// (returns nil: the rule always runs) on anything else, so it can only ever be conservative.
enum LiteralExtractor {
    /// Stands for "any ASCII digit" among required literals (`\d`, or a single digit).
    static let digit = "\u{1}digit"
    /// Stands for "any character outside ASCII" (classes of look-alike ranges).
    static let nonASCII = "\u{1}nonascii"

    /// Lower-case required literals (each at least 2 bytes, a single punctuation byte, ``digit`` or
    /// ``nonASCII``), or nil when none can be derived.
    static func requiredLiterals(_ pattern: String) -> [String]? {
        var parser = Parser(pattern)
        guard let node = parser.parseAlternation(), parser.atEnd, let set = node.best, !set.isEmpty else { return nil }
        var result = Set<String>()
        for literal in set {
            if literal == digit || literal == nonASCII || literal.utf8.count >= 2 {
                result.insert(literal)
            } else if let byte = literal.utf8.first, literal.utf8.count == 1, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                result.insert(digit)
            } else if literal.utf8.count == 1, let byte = literal.utf8.first, !(byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                result.insert(literal)  // one punctuation byte: rare enough to be worth indexing
            } else {
                return nil
            }
        }
        return result.sorted()
    }

    /// What is known about the strings a sub-pattern can match.
    struct Info {
        /// Every string it can match, when few; nil when unknown or too many.
        var exact: [String]?
        /// One of these occurs in every match; nil when unknown.
        var required: [String]?

        static let anything = Info(exact: nil, required: nil)
        static let empty = Info(exact: [""], required: nil)

        /// The most selective usable set: exact strings if none is empty, else the required ones.
        var best: [String]? {
            if let exact, !exact.contains("") { return exact }
            return required
        }
    }

    static let maxStrings = 64

    /// Prefers sets whose shortest string is longest (rarer in text); a digit counts as one character.
    static func better(_ a: [String]?, _ b: [String]?) -> [String]? {
        guard let a else { return b }
        guard let b else { return a }
        let shortestA = a.map { $0 == digit || $0 == nonASCII ? 1 : $0.count }.min() ?? 0
        let shortestB = b.map { $0 == digit || $0 == nonASCII ? 1 : $0.count }.min() ?? 0
        return shortestA != shortestB ? (shortestA > shortestB ? a : b) : (a.count <= b.count ? a : b)
    }

    struct Parser {
        let chars: [Character]
        /// The pattern before lower-casing, where case changes meaning (`\d` / `\D`).
        let originalChars: [Character]
        var index = 0

        init(_ pattern: String) {
            chars = Array(pattern.lowercased())
            originalChars = Array(pattern)
        }

        func original(at position: Int) -> Character? {
            chars.count == originalChars.count && position < originalChars.count ? originalChars[position] : nil
        }

        var atEnd: Bool { index >= chars.count }

        mutating func parseAlternation() -> Info? {
            var branches: [Info] = []
            while true {
                guard let branch = parseSequence() else { return nil }
                branches.append(branch)
                guard !atEnd, chars[index] == "|" else { break }
                index += 1
            }
            if branches.count == 1 { return branches[0] }
            var exact: [String]? = []
            var required: [String]? = []
            for branch in branches {
                if let e = branch.exact, let current = exact, current.count + e.count <= LiteralExtractor.maxStrings {
                    exact = current + e
                } else {
                    exact = nil
                }
                if let best = branch.best, let current = required { required = current + best } else { required = nil }
            }
            return Info(exact: exact, required: required)
        }

        mutating func parseSequence() -> Info? {
            var product: [String]? = [""]
            var candidates: [String]? = nil
            var brokeExact = false
            while !atEnd, chars[index] != "|", chars[index] != ")" {
                guard let atom = parseAtom(), let info = applyQuantifier(atom) else { return nil }
                if let e = info.exact, let current = product, current.count * e.count <= LiteralExtractor.maxStrings {
                    product = current.flatMap { prefix in e.map { prefix + $0 } }
                } else {
                    if let current = product, current != [""], !current.contains("") {
                        candidates = LiteralExtractor.better(candidates, current)
                    }
                    candidates = LiteralExtractor.better(candidates, info.best)
                    product = info.exact.map { $0.count <= LiteralExtractor.maxStrings ? $0 : [""] } ?? [""]
                    brokeExact = true
                }
            }
            if let current = product, current != [""], !current.contains("") {
                candidates = LiteralExtractor.better(candidates, current)
            }
            return Info(exact: brokeExact ? nil : product, required: candidates)
        }

        mutating func applyQuantifier(_ atom: Info) -> Info? {
            guard !atEnd else { return atom }
            var minimum = 1
            var maximum: Int? = 1
            switch chars[index] {
            case "*": minimum = 0; maximum = nil; index += 1
            case "+": minimum = 1; maximum = nil; index += 1
            case "?": minimum = 0; maximum = 1; index += 1
            case "{":
                guard let (low, high, length) = braceQuantifier() else { return atom }
                minimum = low; maximum = high; index += length
            default: return atom
            }
            if !atEnd, chars[index] == "?" || chars[index] == "+" { index += 1 }
            if minimum == 0 {
                if maximum == 1, let exact = atom.exact { return Info(exact: exact + [""], required: nil) }
                return .anything
            }
            if minimum == 1, maximum == 1 { return atom }
            return Info(exact: nil, required: atom.best)
        }

        /// `{n}`, `{n,}`, `{n,m}` at `index`: (min, max, characters consumed), or nil if literal.
        func braceQuantifier() -> (Int, Int?, Int)? {
            var end = index + 1
            while end < chars.count, chars[end] != "}" { end += 1 }
            guard end < chars.count else { return nil }
            let body = String(chars[(index + 1)..<end])
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard let low = Int(parts[0]), parts.count <= 2 else { return nil }
            if parts.count == 1 { return (low, low, end - index + 1) }
            if parts[1].isEmpty { return (low, nil, end - index + 1) }
            guard let high = Int(parts[1]) else { return nil }
            return (low, high, end - index + 1)
        }

        mutating func parseAtom() -> Info? {
            let c = chars[index]
            index += 1
            switch c {
            case "(": return parseGroup()
            case "[": return parseClass()
            case ".": return .anything
            case "^", "$": return .empty
            case "\\": return parseEscape()
            case "*", "+", "?", "{": return c == "{" ? Info(exact: ["{"], required: nil) : nil
            default: return Info(exact: [String(c)], required: nil)
            }
        }

        mutating func parseGroup() -> Info? {
            var lookaround = false
            if index < chars.count, chars[index] == "?" {
                let rest = String(chars[index..<min(chars.count, index + 4)])
                if rest.hasPrefix("?:") || rest.hasPrefix("?>") || rest.hasPrefix("?|") {
                    index += 2
                } else if rest.hasPrefix("?=") || rest.hasPrefix("?!") {
                    index += 2; lookaround = true
                } else if rest.hasPrefix("?<=") || rest.hasPrefix("?<!") {
                    index += 3; lookaround = true
                } else if rest.hasPrefix("?<") || rest.hasPrefix("?p<") || rest.hasPrefix("?'") {
                    // Named group: skip to the end of the name.
                    let terminator: Character = rest.hasPrefix("?'") ? "'" : ">"
                    index += rest.hasPrefix("?p<") ? 3 : 2
                    while index < chars.count, chars[index] != terminator { index += 1 }
                    index += 1
                } else {
                    // Inline options such as (?i) or (?i: …); case does not matter to us.
                    var end = index + 1
                    while end < chars.count, chars[end].isLetter || chars[end] == "-" { end += 1 }
                    guard end < chars.count, end > index + 1 else { return nil }
                    if chars[end] == ")" { index = end + 1; return .empty }
                    guard chars[end] == ":" else { return nil }
                    index = end + 1
                }
            } else if index < chars.count, chars[index] == "*" {
                return nil  // (*VERB)
            }
            guard let inner = parseAlternation(), index < chars.count, chars[index] == ")" else { return nil }
            index += 1
            return lookaround ? .empty : inner
        }

        mutating func parseEscape() -> Info? {
            guard index < chars.count else { return nil }
            let c = chars[index]
            index += 1
            switch c {
            case "b", "B", "A", "z", "Z", "G", "K": return .empty
            case "d":
                // Lower-cased, so `\D` reads as `\d` too: only trust it when the original was `\d`.
                return original(at: index - 1) == "d" ? Info(exact: nil, required: [LiteralExtractor.digit]) : .anything
            case "w", "W", "s", "S", "h", "H", "v", "V", "R", "X", "N", "C", "D":
                return .anything
            case "p", "P":
                if index < chars.count, chars[index] == "{" {
                    while index < chars.count, chars[index] != "}" { index += 1 }
                    index += 1
                } else {
                    index += 1
                }
                return .anything
            case "x":
                index -= 1
                guard let value = parseHexEscape(), let scalar = Unicode.Scalar(value) else { return nil }
                index += 1
                return Info(exact: [String(Character(scalar)).lowercased()], required: nil)
            case "1"..."9", "g", "k", "u", "o", "c", "e", "f", "n", "r", "t", "0", "q", "Q", "E", "l", "L", "U":
                // Back-references, code points, control escapes, \Q…\E: not worth understanding.
                return c.isNumber || c == "g" || c == "k" ? .anything : nil
            default:
                return c.isLetter ? nil : Info(exact: [String(c)], required: nil)
            }
        }
    }
}
