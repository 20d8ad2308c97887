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
struct PublicComment: Encodable {
    struct Author: Encodable {
        let name: String
    }
    let id: Int64
    let parentId: Int64?
    let author: Author
    let body: String
    let createdAt: String

    enum CodingKeys: String, CodingKey { case id, parentId, author, body, createdAt }

    /// `parentId` is written as null for top-level comments so every item has the same keys.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(parentId, forKey: .parentId)
        try container.encode(author, forKey: .author)
        try container.encode(body, forKey: .body)
        try container.encode(createdAt, forKey: .createdAt)
    }

    init(_ comment: Comment) {
        id = comment.id
        parentId = comment.parentId
        author = Author(name: comment.authorName)
        body = comment.publishedBody
        createdAt = JSONResponse.timestamp(comment.createdAt)
    }
}

struct CommentListResponse: Encodable {
    let comments: [PublicComment]
    /// Explicit null on the last page, so clients can test for it.
    let nextCursor: String?

    enum CodingKeys: String, CodingKey { case comments, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(comments, forKey: .comments)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
