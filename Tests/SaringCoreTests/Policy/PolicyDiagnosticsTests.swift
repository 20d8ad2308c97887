import SaringCore
import Testing

@Suite("Policy check: problems name file, line and rule")
struct PolicyDiagnosticsTests {
    @Test func shippedStylePackCompiles() throws {
        let policy = try PolicyFixtures.compile(PolicyFixtures.pack)
        #expect(policy.ruleSpecs.count == 6)
        #expect(policy.version.count == 16)
    }

    @Test func brokenRegexNamesFileLineRuleAndOffset() {
        let problems = PolicyFixtures.diagnostics([
            "a.yaml": """
                rules:
                  - id: a.ok
                    description: fine
                    words: [halo]
                    action: flag
                    examples: {match: [halo]}
                  - id: a.broken
                    description: broken
                    pattern: 'slot(gacor'
                    action: reject
                    examples: {match: [slot]}
                """
        ])
        #expect(problems.count == 1)
        let problem = try! #require(problems.first)
        #expect(problem.file == "a.yaml")
        #expect(problem.line == 7)
        #expect(problem.ruleId == "a.broken")
        #expect(problem.message.contains("missing closing parenthesis"))
        #expect(problem.message.contains("offset 10"))
        #expect(problem.description.hasPrefix("a.yaml:7: a.broken: pattern does not compile"))
    }

    @Test func duplicateIdAcrossFilesPointsAtBoth() {
        let rule = """
            rules:
              - id: x.same
                description: d
                words: [halo]
                action: flag
                examples: {match: [halo]}
            """
        let problems = PolicyFixtures.diagnostics(["a.yaml": rule, "b.yaml": rule])
        #expect(problems.map(\.description) == ["b.yaml:2: x.same: duplicate rule id (first defined at a.yaml:2)"])
    }

    @Test func unknownKeyIsReportedWithItsLine() {
        let problems = PolicyFixtures.diagnostics([
            "a.yaml": """
                rules:
                  - id: a.rule
                    description: d
                    words: [halo]
                    action: flag
                    severity: high
                    examples: {match: [halo]}
                """
        ])
        #expect(problems.count == 1)
        #expect(problems.first?.line == 6)
        #expect(problems.first?.message.contains("unknown key 'severity'") == true)
    }

    @Test func failingExamplesAreEachReported() {
        let problems = PolicyFixtures.diagnostics([
            "a.yaml": """
                rules:
                  - id: a.rule
                    description: d
                    words: [bangsat]
                    action: mask
                    examples:
                      match: ["bangsat", "b4ngs4t", "keren"]
                      no-match: ["bangsa", "dasar bangsat"]
                """
        ])
        #expect(problems.map(\.message).contains { $0.hasPrefix("example does not match: \"keren\"") })
        #expect(problems.map(\.message).contains { $0.hasPrefix("no-match example matches: \"dasar bangsat\"") })
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.line == 2 && $0.ruleId == "a.rule" })
    }

    @Test(arguments: [
        ("rules: [", "invalid YAML"),
        ("rules:\n  - id: a.r\n    description: d\n    words: [x]\n    pattern: x\n    action: flag\n    examples: {match: [x]}\n", "give one of 'pattern', 'words' or 'classifier'"),
        ("rules:\n  - id: a.r\n    description: d\n    words: [x]\n    action: delete\n    examples: {match: [x]}\n", "unknown action 'delete'"),
        ("rules:\n  - id: a.r\n    description: d\n    words: [x]\n    action: flag\n", "at least one 'examples: match:'"),
        ("rules:\n  - id: Bad Id\n    description: d\n    words: [x]\n    action: flag\n    examples: {match: [x]}\n", "must look like topic.name"),
        ("rules:\n  - id: a.r\n    description: d\n    pattern: 'x*'\n    action: flag\n    examples: {match: [x]}\n", "matches empty text"),
        ("rules:\n  - id: a.r\n    description: d\n    words: [x]\n    action: flag\n    fields: [title]\n    examples: {match: [x]}\n", "unknown field 'title'"),
        ("rules:\n  - id: a.r\n    id: a.s\n    description: d\n    words: [x]\n    action: flag\n    examples: {match: [x]}\n", "duplicate key 'id'"),
        ("rulez: []", "unknown key 'rulez'"),
    ])
    func refusesMalformedRuleFiles(_ text: String, _ expected: String) {
        let problems = PolicyFixtures.diagnostics(["a.yaml": text])
        #expect(problems.contains { $0.message.contains(expected) }, "\(problems)")
    }

    @Test func settingsProblemsAreReported() {
        let problems = PolicyFixtures.diagnostics([
            "settings.yaml": """
                score:
                  hold-at: 10
                  reject-at: 5
                links:
                  max: many
                colour: red
                """
        ])
        #expect(problems.map(\.line).sorted() == [3, 5, 6])
    }
}
