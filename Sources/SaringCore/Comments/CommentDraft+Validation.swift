import Foundation

extension CommentDraft {
    /// Checks the draft against the limits and returns it trimmed, ready to judge.
    ///
    /// - Throws: the first ``InputProblem`` found, in field order (article, author, email, body).
    public func validated(limits: SubmissionLimits) throws(InputProblem) -> CommentDraft {
        try ArticleID.validate(articleId)
        var draft = self
        draft.authorName = String(authorName.trimmedWhitespace)
        if draft.authorName.isEmpty {
            throw InputProblem(field: "author.name", code: "empty_author_name", message: "author.name must not be empty")
        }
        // Unicode scalars, as SQLite's length() counts them in the schema's CHECKs: one letter with
        // 200 combining marks is 201, not one.
        if draft.authorName.unicodeScalars.count > limits.maxNameCharacters {
            throw InputProblem(
                field: "author.name", code: "author_name_too_long",
                message: "author.name is longer than \(limits.maxNameCharacters) characters")
        }
        if draft.authorName.unicodeScalars.contains(where: Self.isControl) {
            throw InputProblem(
                field: "author.name", code: "invalid_author_name", message: "author.name must not contain control characters")
        }
        if let email = authorEmail {
            let trimmed = String(email.trimmedWhitespace)
            guard EmailAddress.isPlausible(trimmed), !trimmed.unicodeScalars.contains(where: Self.isControl) else {
                throw InputProblem(field: "author.email", code: "invalid_email", message: "author.email is not a valid e-mail address")
            }
            draft.authorEmail = trimmed
        }
        if let userId = verifiedUserId {
            guard (1...128).contains(userId.unicodeScalars.count),
                !userId.unicodeScalars.contains(where: { Self.isControl($0) || $0.properties.isWhitespace })
            else {
                throw InputProblem(
                    field: "author.id", code: "invalid_author_id",
                    message: "author.id must be 1-128 characters without spaces or control characters")
            }
        }
        if body.trimmedWhitespace.isEmpty {
            throw InputProblem(field: "body", code: "empty_body", message: "body must not be empty")
        }
        if body.unicodeScalars.count > limits.maxBodyCharacters {
            throw InputProblem(
                field: "body", code: "body_too_long", message: "body is longer than \(limits.maxBodyCharacters) characters")
        }
        if body.unicodeScalars.contains(where: Self.isForbiddenControl) {
            throw InputProblem(
                field: "body", code: "invalid_body", message: "body must not contain control characters other than line breaks and tabs")
        }
        if let parentId, parentId <= 0 {
            throw InputProblem(field: "parentId", code: "invalid_parent_id", message: "parentId must be a positive comment id")
        }
        return draft
    }

    /// A control character other than a line break or tab: refused in texts, never cut out.
    public static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) && scalar != "\n" && scalar != "\r" && scalar != "\t"
    }

    /// C0, DEL and C1 controls, NUL among them: Unicode's general category Cc, which is fixed
    /// forever to U+0000–U+001F and U+007F–U+009F (asking the Unicode tables for every scalar of
    /// every body cost 3% of a POST's CPU).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value <= 0x9F)
    }
}
