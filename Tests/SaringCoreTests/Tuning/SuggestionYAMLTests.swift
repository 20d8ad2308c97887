import Testing

@testable import SaringCore

@Suite("Suggested rules as a policy file")
struct SuggestionYAMLTests {
    @Test func examplesWithQuotesControlsAndBidiStayInsideTheirStringsAndTheFileCompiles() throws {
        let hostile = "Klik \"link\" \\ di bio\u{1B}[2J\n\u{202E}deposit pulsa\u{200B} murah\u{0007} 𝗗𝗘𝗣𝗢"
        let suggestion = RuleSuggestion(
            phrase: "deposit pulsa", rejected: 3, approved: 0, match: [hostile, "bisa deposit pulsa"], noMatch: ["pulsa habis lagi", "deposit pulsa"])
        let checked = SuggestionYAML.checked([suggestion])
        #expect(checked.count == 1)
        // The no-match example that matches is dropped; the rest hold.
        #expect(checked[0].match == [hostile, "bisa deposit pulsa"])
        #expect(checked[0].noMatch == ["pulsa habis lagi"])
        let text = SuggestionYAML.file(checked, header: ["a header"])
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}") && !text.contains("\u{0007}") && !text.contains("\u{200B}"))
        #expect(text.contains(#"- "Klik \"link\" \\ di bio\u001B[2J\n\u202Edeposit pulsa\u200B murah\u0007 𝗗𝗘𝗣𝗢""#))
        let policy = try PolicyCompiler.compile(PolicySource(files: [.init(name: "suggested.yaml", text: text)])).get()
        #expect(policy.ruleSpecs.map(\.id) == ["suggested.deposit-pulsa"])
        #expect(policy.ruleSpecs[0].shadow)
        #expect(policy.ruleSpecs[0].mustMatch.first == hostile)
    }

    @Test func aSuggestionWhoseExamplesAllFailIsDropped() {
        let suggestion = RuleSuggestion(phrase: "deposit pulsa", rejected: 3, approved: 0, match: ["tidak ada di sini"], noMatch: [])
        #expect(SuggestionYAML.checked([suggestion]).isEmpty)
    }

    @Test(arguments: [("deposit pulsa", "deposit-pulsa"), ("über gratis", "ber-gratis"), ("日本", "phrase")])
    func idsUseOnlyTopicNameCharacters(phrase: String, slug: String) {
        #expect(SuggestionYAML.slug(phrase) == slug)
    }
}
