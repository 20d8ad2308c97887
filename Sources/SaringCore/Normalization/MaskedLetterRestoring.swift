/// After step 7: a symbol standing for a letter inside a word (`b*jing*n`, `br3ngs*k` → after leet
/// `brengs*k`, `k#nt#l`) is read as the letter it hides, when the word then is one of the curses
/// and gambling words in `lexicon` (so the rules see `bajingan`, and the highlight covers the `*`).
///
/// Only a single `* # % ? ^ ~ ! +` with a letter on both sides counts, at most one for every two
/// letters of the word, and only when a lexicon word fits (suffixes `nya lah mu lu` may follow). `****`, `a*b`, `5*3`, `x*y*z`, `#hashtag` and words outside the lexicon are left alone.
struct MaskedLetterRestoring: NormalizationStep {
    static let suffixes: [[Unicode.Scalar]] = ["", "nya", "lah", "mu", "lu"].map { Array($0.unicodeScalars) }
    static let lexicon: [[Unicode.Scalar]] = [
        "bangsat", "bajingan", "brengsek", "keparat", "jancuk", "jancok", "kampret", "anjing", "anjir", "babi", "monyet",
        "goblok", "tolol", "bodoh", "bego", "idiot", "dungu", "kontol", "memek", "ngentot", "jembut", "pepek", "pelacur",
        "lonte", "bacot", "setan", "sialan", "tai", "asu", "gacor", "slot", "togel", "maxwin", "judi", "jackpot",
        "scatter", "bandar", "casino", "deposit",
    ].map { Array($0.unicodeScalars) }

    private typealias Elements = UnsafeBufferPointer<MappedScalar>

    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer {
        input.elements.withUnsafeBufferPointer { elements in
            guard Self.hasMaskBetweenLetters(elements) else { return input }
            var restored: [Int: Unicode.Scalar] = [:]
            var index = 0
            while index < elements.count {
                guard Self.isLetter(elements[index].scalar) else {
                    index += 1
                    continue
                }
                // A word: letters, and single masks between letters.
                var end = index + 1
                var masks: [Int] = []
                while end < elements.count {
                    let scalar = elements[end].scalar
                    if Self.isLetter(scalar) {
                        end += 1
                    } else if Self.isMask(scalar), end + 1 < elements.count, Self.isLetter(elements[end + 1].scalar) {
                        masks.append(end)
                        end += 1
                    } else {
                        break
                    }
                }
                let word = index..<end
                if !masks.isEmpty, masks.count * 3 <= word.count, let fill = Self.fill(word, masks: masks, elements) {
                    for (position, letter) in zip(masks, fill) { restored[position] = letter }
                }
                index = end
            }
            guard !restored.isEmpty else { return input }
            return MappedScalarBuffer(maxCount: elements.count) { output in
                for (position, element) in elements.enumerated() {
                    output.append(restored[position].map(element.with) ?? element)
                }
            }
        }
    }

    /// The letters the masks stand for in the first lexicon word (with a suffix) that fits.
    private static func fill(_ word: Range<Int>, masks: [Int], _ elements: Elements) -> [Unicode.Scalar]? {
        for entry in lexicon {
            for suffix in suffixes where entry.count + suffix.count == word.count {
                let candidate = entry + suffix
                var letters: [Unicode.Scalar] = []
                var fits = true
                for (offset, position) in word.enumerated() {
                    let scalar = elements[position].scalar
                    if masks.contains(position) {
                        letters.append(candidate[offset])
                    } else if scalar != candidate[offset] {
                        fits = false
                        break
                    }
                }
                // Every word of the lexicon is one a rule catches: the first that fits will do
                // (`janc*k` is `jancuk` or `jancok`, the same curse).
                if fits { return letters }
            }
        }
        return nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x61 && scalar.value <= 0x7A
    }

    @inline(__always)
    private static func isMask(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2A, 0x23, 0x25, 0x3F, 0x5E, 0x7E, 0x21, 0x2B: true  // * # % ? ^ ~ ! +
        default: false
        }
    }

    private static func hasMaskBetweenLetters(_ elements: Elements) -> Bool {
        for index in elements.indices.dropFirst().dropLast() where isMask(elements[index].scalar) {
            if isLetter(elements[index - 1].scalar), isLetter(elements[index + 1].scalar) { return true }
        }
        return false
    }
}
