import Testing

@testable import SaringCore

@Suite("The literal prefilter")
struct LiteralPrefilterTests {
    /// What the prefilter must answer, written the slow way: a rule is a candidate when any of its
    /// literals occurs in the text (digits and non-ASCII as the extractor names them).
    static func expected(_ sets: [[String]?], _ text: String) -> [Bool] {
        sets.map { set in
            guard let set else { return true }
            return set.contains { literal in
                if literal == LiteralExtractor.digit { return text.utf8.contains { $0 &- 0x30 < 10 } }
                if literal == LiteralExtractor.nonASCII { return text.utf8.contains { $0 >= 0x80 } }
                return text.utf8.firstRange(of: literal.utf8) != nil
            }
        }
    }

    @Test func aRuleIsACandidateExactlyWhenOneOfItsLiteralsOccurs() {
        // Shared trigrams (sla/slo/slot), a literal that is a prefix of another, two- and
        // one-byte literals, digits, non-ASCII, a rule without literals and one of another prefilter.
        let sets: [[String]?] = [
            ["slot", "slotgacor"], ["slank", "sla"], ["gacor", "maxwin"], ["wd", "jp"], ["["], [LiteralExtractor.digit],
            [LiteralExtractor.nonASCII], nil, [], ["judi online", "bandar"], ["ang"], ["kontol", "kntl", "kon"],
        ]
        let prefilter = LiteralPrefilter(sets)
        let texts = [
            "", "s", "sl", "slo", "slot", "main slot gacor hari ini", "slotgacor88", "slankers", "sl ot", "gaco r",
            "bisa wd 50rb", "jp terus", "link [di bio]", "nomor 0812", "harga naik 😡", "judi onlinee", "bandarq",
            "Pemerintah melarang judi online di daerah", "pulang kampung", "kon", "ko", "maxwi", "maxwin", "xxkontolxx",
            "selamat pagi warga", "ɢacor", "tanggal 17", String(repeating: "sla", count: 50) + "t",
        ]
        for text in texts {
            var candidates = [Bool](repeating: false, count: sets.count)
            var copy = text
            copy.withUTF8 { prefilter.mark($0, into: &candidates) }
            var wanted = Self.expected(sets, text)
            wanted[8] = false  // belongs to the other prefilter: never marked here
            #expect(candidates == wanted, "\(text)")
        }
    }

    @Test func manyLiteralsSharingTrigramsAndBigramsAreEachFound() {
        // Hundreds of literals over a few letters (so trigrams, bigrams and probe sequences of the
        // flat tables collide), texts drawn from the same letters: every answer the slow way's.
        var generator = SeededRandom(seed: 20_261_204)
        let letters = Array("abcdeg [1é")
        func word(_ lengths: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: lengths, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
        }
        var sets: [[String]?] = (0..<300).map { _ in (0..<Int.random(in: 1...3, using: &generator)).map { _ in word(1...6) } }
        sets.append(nil)
        sets.append([LiteralExtractor.digit, "zz"])
        sets.append([LiteralExtractor.nonASCII])
        let prefilter = LiteralPrefilter(sets)
        for _ in 0..<400 {
            let text = word(0...40)
            var candidates = [Bool](repeating: false, count: sets.count)
            var copy = text
            copy.withUTF8 { prefilter.mark($0, into: &candidates) }
            #expect(candidates == Self.expected(sets, text), "\(text)")
        }
    }

    @Test func onlyLiteralsThatLowerCasingCanWriteNeedTheTextLowerCased() {
        #expect(!LiteralPrefilter([["(", "[", LiteralExtractor.digit, LiteralExtractor.nonASCII, "④", "４", "𝟒", "【"], nil, []]).readsCase)
        #expect(LiteralPrefilter([["(", "slot"]]).readsCase)
        #expect(LiteralPrefilter([["wd"]]).readsCase)
        #expect(LiteralPrefilter([["é"]]).readsCase)
        #expect(LiteralPrefilter([["\u{301}"]]).readsCase)
        #expect(LiteralPrefilter([["ǅ"]]).readsCase)
        // Cased without being letters: circled letters (So) and Roman numerals (Nl) lower-case too.
        #expect(LiteralPrefilter([["ⓢⓛⓞⓣ"]]).readsCase)
        #expect(LiteralPrefilter([["ⅹ"]]).readsCase)
    }
}

@Suite("Rules on the text as typed")
struct RawPrefilterTests {
    static let rules = """
        rules:
          - id: judol.dieja
            description: Spelled between brackets
            match: raw
            pattern: '(?:[\\[(]\\p{L}[\\])]){4,}'
            action: hold
            examples:
              match: ["[C][O][N][T][O]"]
              no-match: ["pilihan (a) dan (b)"]
          - id: judol.angka-gaya
            description: A styled four before a letter
            match: raw
            pattern: '(?:４|𝟒|④)\\p{L}'
            action: hold
            examples:
              match: ["ＣＯＮＴＯＨ４Ｄ"]
              no-match: ["4D biasa"]
        """

    /// The shipped pack's rules on the text as typed need brackets, digits or non-ASCII bytes:
    /// their candidates come from the text itself, without a lower-cased copy, and every verdict
    /// is the one the rules give run on every comment.
    /// A rule on the text as typed whose literal is a cased symbol (circled letters lower-case
    /// too) still finds it typed in capitals.
    @Test func aCasedSymbolLiteralIsFoundWhateverItsCase() throws {
        let rule = """
            rules:
              - id: judol.bulat
                description: Circled letters
                match: raw
                pattern: 'ⓈⓁⓄⓉ'
                flags: [caseless]
                action: hold
                examples:
                  match: ["main ⓈⓁⓄⓉ"]
                  no-match: ["main slot"]
            """
        let policy = try PolicyFixtures.compile(["judol.yaml": rule])
        #expect(policy.rawPrefilter.readsCase)
        #expect(policy.judge(PolicyFixtures.draft("main ⓈⓁⓄⓉ sekarang")).hits.map(\.ruleId) == ["judol.bulat"])
        #expect(policy.judge(PolicyFixtures.draft("main ⓢⓛⓞⓣ sekarang")).hits.map(\.ruleId) == ["judol.bulat"])
    }

    @Test func caselessLiteralsAreLookedForInTheTextAsTyped() throws {
        let policy = try PolicyFixtures.compile(["judol.yaml": Self.rules])
        #expect(!policy.rawPrefilter.readsCase)
        let whole = policy.withoutPrefilter()
        for body in [
            "[C][O][N][T][O][H] gacor", "(K)(E)(L)(V)(I)(N) \u{212A}", "ＣＯＮＴＯＨ４Ｄ juara", "ⒸⓄⓃⓉⓄⒽ ④Ｄ", "Harga cabai naik (lagi) [2024]",
            "İSTANBUL (A)(B)(C)(D)", "biasa saja",
        ] {
            let text = FieldText(body, normalizer: policy.normalizer)
            _ = policy.candidates(for: .body, in: text)
            #expect(!text.madeLoweredRaw, "\(body)")
            let verdict = policy.judge(PolicyFixtures.draft(body))
            let reference = whole.judge(PolicyFixtures.draft(body))
            #expect(verdict.status == reference.status, "\(body)")
            #expect(verdict.hits.map(\.ruleId) == reference.hits.map(\.ruleId), "\(body)")
            #expect(verdict.hits.map(\.span) == reference.hits.map(\.span), "\(body)")
        }
        #expect(policy.judge(PolicyFixtures.draft("[C][O][N][T][O]")).hits.map(\.ruleId) == ["judol.dieja"])
    }
}


@Suite("Fields judged")
struct JudgedFieldsTests {
    /// A field no rule looks at is neither normalized nor searched: a pack of body rules judges
    /// the body alone, however long the author's name.
    @Test func onlyTheFieldsSomeRuleLooksAtAreJudged() throws {
        let bodyOnly = try PolicyFixtures.compile(["kasar.yaml": PatternBranchesTests.rule])
        #expect(bodyOnly.judgedFields == [.body])
        #expect(bodyOnly.judge(PolicyFixtures.draft("buang islam", author: "teroris kristen")).hits.map(\.field) == [.body])
        let withAuthor = try PolicyFixtures.compile(PolicyFixtures.pack)
        #expect(withAuthor.judgedFields.contains(.author))
        #expect(withAuthor.judge(PolicyFixtures.draft("halo semua", author: "situs judi resmi")).hits.first?.field == .author)
    }
}
