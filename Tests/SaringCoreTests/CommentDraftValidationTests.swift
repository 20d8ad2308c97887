import SaringCore
import Testing

@Suite("Comment validation")
struct CommentDraftValidationTests {
    static func draft(name: String = "Budi", email: String? = nil, body: String = "halo", parent: Int64? = nil) -> CommentDraft {
        CommentDraft(articleId: "a1", authorName: name, authorEmail: email, body: body, parentId: parent)
    }

    @Test func trimsAuthorNameAndEmail() throws {
        let draft = try Self.draft(name: "  Budi  ", email: " budi@example.com ").validated(limits: SubmissionLimits())
        #expect(draft.authorName == "Budi")
        #expect(draft.authorEmail == "budi@example.com")
    }

    @Test(arguments: ["budi@example.com", "b.u+di@mail.example.co.id", "sari@dömain.id"])
    func acceptsPlausibleEmails(_ email: String) throws {
        _ = try Self.draft(email: email).validated(limits: SubmissionLimits())
    }

    @Test(arguments: ["budi", "budi@", "@example.com", "budi@example", "bu di@example.com", "budi@@example.com", "budi@-x.com"])
    func refusesImplausibleEmails(_ email: String) {
        #expect(throws: InputProblem.self) { try Self.draft(email: email).validated(limits: SubmissionLimits()) }
    }

    /// The schema's CHECKs count with SQLite's length(): Unicode scalars, not bytes or graphemes.
    @Test func countsLengthInUnicodeScalarsLikeTheSchema() throws {
        let limits = SubmissionLimits(maxBodyCharacters: 3)
        _ = try Self.draft(body: "日本語").validated(limits: limits)
        _ = try Self.draft(body: "🇮🇩é").validated(limits: limits)
        #expect(throws: InputProblem(field: "body", code: "body_too_long", message: "body is longer than 3 characters")) {
            try Self.draft(body: "e\u{301}\u{301}\u{301}").validated(limits: limits)
        }
        #expect(throws: InputProblem(field: "body", code: "body_too_long", message: "body is longer than 3 characters")) {
            try Self.draft(body: "abcd").validated(limits: limits)
        }
    }

    @Test func keepsLineBreaksAndTabsInBody() throws {
        _ = try Self.draft(body: "baris satu\r\nbaris\tdua").validated(limits: SubmissionLimits())
    }

    @Test func identifiesAuthorsByEmailElseByName() {
        #expect(Self.draft(name: "Budi", email: "BUDI@Example.com").authorIdentity.key == "email:budi@example.com")
        #expect(Self.draft(name: "  Budi   Santoso ").authorIdentity.key == "name:budi santoso")
        #expect(AuthorIdentity(moderatorInput: "budi@example.com").key == "email:budi@example.com")
        #expect(AuthorIdentity(moderatorInput: "Budi Santoso").key == "name:budi santoso")
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func matchesKnownDigests(_ input: String, _ expected: String) {
        #expect(Digests.sha256Hex(input) == expected)
    }
}

@Suite("Verdict precedence over article and author")
struct VerdictArticleRulesTests {
    static let published = Verdict(status: .published, publishedBody: "x", policyVersion: "v")

    @Test func premoderationHoldsPublishedComments() {
        #expect(Self.published.applying(premoderated: true, standing: .normal).status == .pending)
    }

    @Test func premoderationKeepsRejection() {
        var rejected = Self.published
        rejected.status = .rejected
        #expect(rejected.applying(premoderated: true, standing: .normal).status == .rejected)
    }

    @Test func banRejects() {
        let verdict = Self.published.applying(premoderated: false, standing: .banned)
        #expect(verdict.status == .rejected)
        #expect(verdict.reasons == ["author is banned"])
    }
}

@Suite("Control characters")
struct ControlCharacterTests {
    /// The ranges the validator checks are exactly Unicode's control characters, over every scalar.
    @Test func theControlRangesAreExactlyGeneralCategoryCc() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let forbidden = CommentDraft.isForbiddenControl(scalar)
            let expected = scalar.properties.generalCategory == .control && !["\n", "\r", "\t"].contains(scalar)
            if forbidden != expected { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
