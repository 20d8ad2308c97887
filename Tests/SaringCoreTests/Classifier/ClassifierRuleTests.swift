import SaringCore
import Testing

@Suite("Classifier rules: judged like any rule, explained by their pieces")
struct ClassifierRuleTests {
    static let model = ClassifierFixtures.modelText()

    static func rule(_ extra: String = "", examples: String = #"examples: {match: ["Mampir ke Garuda88 pasti gacor maxwin hari ini"], no-match: ["Harga cabai naik lagi, warga mengeluh"]}"#) -> String {
        """
        rules:
          - id: judol.model
            description: Reads like a gambling promotion (learned)
            category: judol
            classifier: judol.model
            action: hold
        \(extra.isEmpty ? "" : "    \(extra)\n")    \(examples)
        """
    }

    @Test func aClassifierRuleHoldsWhatItsModelReadsAsSpamAndNamesThePiecesThatWeighedMost() throws {
        let policy = try PolicyFixtures.compile(["judol.yaml": Self.rule(), "judol.model": Self.model])
        let body = "Cobain 𝐍𝐀𝐆𝐀303 auto sultan, depo 20k langsung wd"
        let verdict = policy.judge(PolicyFixtures.draft(body))
        #expect(verdict.status == .pending)
        let hits = verdict.hits.filter { $0.ruleId == "judol.model" }
        #expect(!hits.isEmpty && hits.count <= 3)
        let scalars = Array(body.unicodeScalars)
        for hit in hits {
            let span = try #require(hit.span)
            var typed = String.UnicodeScalarView()
            typed.append(contentsOf: scalars[span])
            // Each span is a piece of what the writer typed, and the reason quotes it.
            #expect(!String(typed).isEmpty)
            #expect(hit.description.contains("\"\(String(typed))\""), "\(hit.description)")
        }
        #expect(hits[0].description.hasPrefix("Reads like a gambling promotion (learned) (weighed most: "))
        #expect(policy.judge(PolicyFixtures.draft("Sekolah anak saya butuh guru tambahan")).status == .published)
    }

    @Test func aShadowClassifierRecordsItsHitAndChangesNothing() throws {
        let policy = try PolicyFixtures.compile(["judol.yaml": Self.rule("mode: shadow"), "judol.model": Self.model])
        let verdict = policy.judge(PolicyFixtures.draft("Buruan join koi55 bonus new member 100%"))
        #expect(verdict.status == .published)
        #expect(verdict.hits.contains { $0.ruleId == "judol.model" && $0.shadow })
    }

    @Test func aRuleThresholdOverridesTheModelsOwn() throws {
        let model = try ClassifierModelFile.parse(Self.model, file: "judol.model").get()
        let own = try PolicyFixtures.compile(["judol.yaml": Self.rule(), "judol.model": Self.model])
        let (weak, strong) = ("Hasil pertandingan semalam cukup seru", "Mampir ke Garuda88 pasti gacor maxwin hari ini")
        let weakP = model.read(own.normalize(weak).text).probability
        let strongP = model.read(own.normalize(strong).text).probability
        try #require(weakP + 0.02 < strongP)
        func policy(threshold: Double, example: String) throws -> Policy {
            try PolicyFixtures.compile([
                "judol.yaml": Self.rule("threshold: \(threshold)", examples: "examples: {match: [\"\(example)\"]}"), "judol.model": Self.model,
            ])
        }
        let between = try policy(threshold: (weakP + strongP) / 2, example: strong)
        #expect(between.judge(PolicyFixtures.draft(strong)).status == .pending)
        #expect(between.judge(PolicyFixtures.draft(weak)).status == .published)
        let below = try policy(threshold: weakP * 0.99, example: weak)
        #expect(below.judge(PolicyFixtures.draft(weak)).status == .pending)
    }

    @Test func examplesRunThroughTheModel() {
        let problems = PolicyFixtures.diagnostics([
            "judol.yaml": Self.rule(examples: #"examples: {match: ["Harga cabai naik lagi, warga mengeluh"]}"#), "judol.model": Self.model,
        ])
        #expect(problems.map(\.description).contains { $0.hasPrefix("judol.yaml:2: judol.model: example does not match: \"Harga cabai naik lagi, warga mengeluh\"") })
    }

    @Test(arguments: [
        (["judol.yaml": rule()], "judol.yaml:2: judol.model: classifier file 'judol.model' is not in the folder (the folder has no .model files)"),
        (["judol.yaml": rule().replacingOccurrences(of: "classifier: judol.model", with: "classifier: ../judol.model")], "judol.yaml:5: judol.model: 'classifier' names a .model file in this folder (e.g. judol.model), not '../judol.model'"),
        (["judol.yaml": rule("flags: [caseless]"), "judol.model": model], "judol.yaml:7: judol.model: a classifier rule takes no 'flags'"),
        (["judol.yaml": rule("match: raw"), "judol.model": model], "judol.yaml:7: judol.model: a classifier reads the normalized text: no 'match'"),
        (["judol.yaml": rule("threshold: 2"), "judol.model": model], "judol.yaml:7: judol.model: 'threshold' must be a probability between 0 and 1 (exclusive), not 2"),
        (["judol.yaml": rule(), "judol.model": model, "old.model": model], "old.model:1: no rule uses this model (name it in a rule's 'classifier:')"),
        (["judol.yaml": rule(), "judol.model": "format: saring-classifier 1\nbias: 1\nthreshold: 0.5\n"], "judol.model:4: a model needs a 'weights: N' line followed by its weights"),
    ])
    func aBrokenClassifierRuleIsRefusedWithWhereAndWhy(files: [String: String], problem: String) {
        #expect(PolicyFixtures.diagnostics(files).map(\.description) == [problem])
    }

    @Test func aPatternRuleWithAThresholdIsRefused() {
        let problems = PolicyFixtures.diagnostics([
            "a.yaml": """
                rules:
                  - id: a.word
                    description: a word
                    words: [gacor]
                    threshold: 0.5
                    action: flag
                    examples: {match: [gacor]}
                """
        ])
        #expect(problems.map(\.description) == ["a.yaml:5: a.word: 'threshold' goes with 'classifier' only"])
    }

    @Test func theModelIsPartOfThePolicyVersion() throws {
        let first = try PolicyFixtures.compile(["judol.yaml": Self.rule(), "judol.model": Self.model])
        let changed = Self.model.replacingOccurrences(of: "threshold: 0.500000", with: "threshold: 0.600000")
        let second = try PolicyFixtures.compile(["judol.yaml": Self.rule(), "judol.model": changed])
        #expect(first.version != second.version)
    }
}
