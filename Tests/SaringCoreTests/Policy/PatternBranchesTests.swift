import Testing

@testable import SaringCore

/// A rule that is one big alternation runs as its alternatives, each only when its own literals
/// occur; the split must never change what the rule matches.
@Suite("Policy: big alternations run branch by branch")
struct PatternBranchesTests {
    static let lead = #"(?<![\p{L}\p{N}])"#
    static let tail = #"(?![\p{L}\p{N}])"#

    @Test func splitsAGroupOfAlternativesBetweenAPrefixAndASuffix() {
        let pattern = Self.lead + "(?:buang islam|teroris[\\s\\p{P}]+(?:islam|kristen)|penista agama|sembah[\\s\\p{P}]*2)" + Self.tail
        #expect(
            PatternBranches.split(pattern) == [
                Self.lead + "buang islam" + Self.tail,
                Self.lead + "teroris[\\s\\p{P}]+(?:islam|kristen)" + Self.tail,
                Self.lead + "penista agama" + Self.tail,
                Self.lead + "sembah[\\s\\p{P}]*2" + Self.tail,
            ])
        #expect(PatternBranches.split("slot gacor|maxwin|depo pulsa|wd lancar") == ["slot gacor", "maxwin", "depo pulsa", "wd lancar"])
        // A leading group of assertions (a word start or a literal \n) is part of the prefix.
        let boundary = #"(?:(?<![\p{L}\p{N}])|(?<=\\n))"#
        #expect(PatternBranches.split(boundary + "(?:aa|bb|cc|dd)x")?.first == boundary + "aax")
    }

    @Test func barsInsideClassesEscapesAndNestedGroupsAreNotAlternatives() {
        #expect(PatternBranches.split(#"(?:a[|]b|c\|d|e(?:f|g)|h|i)"#) == [#"a[|]b"#, #"c\|d"#, "e(?:f|g)", "h", "i"])
        #expect(PatternBranches.split(#"[|]|\||x(?:y|z)"#) == nil)  // three alternatives: not worth it
    }

    @Test(arguments: [
        #"(a|b|c|d)\1"#,  // a back-reference
        #"(?:aa|bb|cc|dd)+"#,  // a quantified group
        #"(?:aa|bb|cc|dd){2}"#,
        #"(?i)(?:aa|bb|cc|dd)"#,  // options carry over into later alternatives
        #"(?:aa|(?i)bb|cc|dd)"#,
        #"(?<name>aa|bb|cc|dd)"#,  // a named group could be referred to
        #"(?:aa|bb|cc|dd)(?(1)x|y)"#,  // a conditional
        #"(*UCP)(?:aa|bb|cc|dd)"#,  // a verb
        #"(?:aa|bb|cc|dd)x(?:ee|ff|gg|hh)"#,  // two groups of alternatives
        #"(?:aa|bb|cc)"#,  // too few
        #"[[:alpha:]](?:aa|bb|cc|dd)"#,  // POSIX class
        #"(?:aa|bb|cc|dd"#,  // unbalanced
        #"(?>aa|bb|cc|dd)"#,  // atomic
    ])
    func refusesWhatTheSplitCouldChange(_ pattern: String) {
        #expect(PatternBranches.split(pattern) == nil)
    }

    static let rule = """
        rules:
          - id: sara.contoh
            description: Calls against a religion
            category: sara
            pattern: '(?<![\\p{L}\\p{N}])(?:buang[\\s\\p{P}]+islam|teroris[\\s\\p{P}]+(?:islam|kristen)|penista[\\s\\p{P}]+agama|bubarkan[\\s\\p{P}]+ahmadiyah)(?![\\p{L}\\p{N}])'
            action: hold
            examples:
              match: ["buang islam", "dasar teroris kristen", "tangkap penista agama"]
              no-match: ["islam agama damai", "penistaan agama dilarang undang-undang"]
        """

    @Test func thePrefilterRunsOnlyTheBranchesWhoseLiteralsOccur() throws {
        let policy = try PolicyFixtures.compile(["sara.yaml": Self.rule])
        #expect(policy.rules[0].branches?.count == 4)
        let text = FieldText("Itu teroris kristen, bukan umat", normalizer: policy.normalizer)
        let candidates = policy.candidates(for: .body, in: text)
        #expect(candidates[0])
        #expect(Array(candidates.branches(of: 0)) == [false, true, false, false])
        let clean = policy.candidates(for: .body, in: FieldText("Selamat hari raya", normalizer: policy.normalizer))
        #expect(!clean[0])
    }

    @Test func hitsAndMasksAreTheSameAsTheWholePatterns() throws {
        let policy = try PolicyFixtures.compile(["sara.yaml": Self.rule])
        let whole = policy.withoutPrefilter()
        for body in [
            "Buang islam! Dan teroris  islam itu, tangkap penista agama", "bubarkan ahmadiyah, buang islam", "tidak ada apa-apa di sini",
            "teroris-kristen dan teroris islam",
        ] {
            let split = policy.judge(PolicyFixtures.draft(body))
            let reference = whole.judge(PolicyFixtures.draft(body))
            #expect(split.status == reference.status, "\(body)")
            #expect(split.hits.map(\.span) == reference.hits.map(\.span), "\(body)")
        }
        #expect(policy.judge(PolicyFixtures.draft("dasar teroris kristen")).status == .pending)
    }

    /// The whole pattern would report `anjing` and `gila banget` (its first alternative wins at
    /// 0); the branches find `anjing gila` and `gila banget` too, which overlap and are merged.
    @Test func overlappingMatchesOfTwoBranchesBecomeOneSpan() throws {
        let rule = """
            rules:
              - id: kasar.contoh
                description: Profanity
                category: kasar
                pattern: '(?:anjing|anjing gila|gila banget|bangsat)'
                action: mask
                examples:
                  match: ["anjing gila banget"]
            """
        let policy = try PolicyFixtures.compile(["kasar.yaml": rule])
        #expect(policy.rules[0].branches?.count == 4)
        let verdict = policy.judge(PolicyFixtures.draft("anjing gila banget"))
        #expect(verdict.hits.count == 1)
        #expect(verdict.hits.first?.span == 0..<18)
        #expect(verdict.publishedBody == "***")
    }

    @Test func aRuleWhoseBranchHasNoLiteralRunsWhole() throws {
        let rule = """
            rules:
              - id: pii.contoh
                description: Numbers
                category: pii
                pattern: '(?:nik[\\s:]*\\d{16}|npwp[\\s:]*\\d{15}|\\d{4}-\\d{4}-\\d{4}|paspor[\\s:]*[a-z]\\d{7})'
                action: hold
                examples:
                  match: ["nik 3201234567890123"]
            """
        let policy = try PolicyFixtures.compile(["pii.yaml": rule])
        let literals = policy.rules[0].branches?.map(\.requiredLiterals)
        // \d{4}-… needs "some digit", which the prefilter knows; every branch has a literal here.
        #expect(literals?.count == 4)
        let unguarded = """
            rules:
              - id: pii.contoh
                description: Numbers
                category: pii
                pattern: '(?:nik[\\s:]*\\d{16}|npwp[\\s:]*\\d{15}|[\\s\\p{P}]+x|paspor[\\s:]*[a-z]\\d{7})'
                action: hold
                examples:
                  match: ["nik 3201234567890123"]
            """
        #expect(try PolicyFixtures.compile(["pii.yaml": unguarded]).rules[0].branches == nil)
    }
}
