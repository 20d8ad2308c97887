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
        if draft.authorName.count > limits.maxNameCharacters {
            throw InputProblem(
                field: "author.name", code: "author_name_too_long",
                message: "author.name is longer than \(limits.maxNameCharacters) characters")
        }
        if draft.authorName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw InputProblem(
                field: "author.name", code: "invalid_author_name", message: "author.name must not contain control characters")
        }
        if let email = authorEmail {
            let trimmed = String(email.trimmedWhitespace)
            guard EmailAddress.isPlausible(trimmed) else {
                throw InputProblem(field: "author.email", code: "invalid_email", message: "author.email is not a valid e-mail address")
            }
            draft.authorEmail = trimmed
        }
        if body.trimmedWhitespace.isEmpty {
            throw InputProblem(field: "body", code: "empty_body", message: "body must not be empty")
        }
        if body.count > limits.maxBodyCharacters {
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

    private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\r" && scalar != "\t"
    }
}
