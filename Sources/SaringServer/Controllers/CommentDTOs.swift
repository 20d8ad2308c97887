import Foundation
import SaringCore

/// `POST /v1/articles/{articleId}/comments` body.
struct SubmitCommentRequest: Decodable {
    struct Author: Decodable {
        let name: String
        let email: String?
        /// The site's user id of a logged-in reader; only with a site key.
        let id: String?
    }
    let author: Author
    let body: String
    let parentId: Int64?
}

/// The answer to a submission: the comment's id and where it stands.
struct SubmitCommentResponse: JSONWritable {
    let id: Int64
    let articleId: String
    let parentId: Int64?
    let status: String
    let createdAt: Date
    /// Only when the server is configured to reveal reasons.
    let reasons: [String]?

    func write(to json: inout JSONWriter) {
        json.raw("{")
        json.key("articleId")
        json.string(articleId)
        json.raw(",")
        json.key("createdAt")
        json.timestamp(millis: JSONResponse.millis(createdAt))
        json.raw(",")
        json.key("id")
        json.int(id)
        json.raw(",")
        json.key("parentId")
        json.int(parentId)
        if let reasons {
            json.raw(",")
            json.key("reasons")
            json.strings(reasons)
        }
        json.raw(",")
        json.key("status")
        json.string(status)
        json.raw("}")
    }
}

/// A published comment as readers see it: never the e-mail address, never the unmasked text.
/// `parentId` is written as null for top-level comments so every item has the same keys.
struct PublicComment: JSONWritable {
    let comment: PublishedComment

    init(_ comment: PublishedComment) {
        self.comment = comment
    }

    func write(to json: inout JSONWriter) {
        json.raw("{")
        json.key("author")
        json.raw("{")
        json.key("name")
        json.string(comment.authorName)
        json.raw("},")
        json.key("body")
        json.string(comment.body)
        json.raw(",")
        json.key("createdAt")
        json.timestamp(millis: JSONResponse.millis(comment.createdAt))
        json.raw(",")
        json.key("id")
        json.int(comment.id)
        json.raw(",")
        json.key("parentId")
        json.int(comment.parentId)
        json.raw("}")
    }
}

struct CommentListResponse: JSONWritable {
    let comments: [PublishedComment]
    /// Explicit null on the last page, so clients can test for it.
    let nextCursor: String?

    func write(to json: inout JSONWriter) {
        json.raw("{")
        json.key("comments")
        json.raw("[")
        for (index, comment) in comments.enumerated() {
            if index > 0 { json.raw(",") }
            PublicComment(comment).write(to: &json)
        }
        json.raw("],")
        json.key("nextCursor")
        json.string(nextCursor)
        json.raw("}")
    }
}
