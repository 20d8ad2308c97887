/// Article ids come from the site's CMS and travel in URLs, so they are kept to a URL-safe set.
public enum ArticleID {
    public static let maxLength = 128

    /// - Throws: ``InputProblem`` with code `invalid_article_id` when the id is empty, too long, or
    ///   holds characters other than ASCII letters, digits and `-_.:~`.
    public static func validate(_ id: String) throws(InputProblem) {
        let allowed = id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "~"):
                true
            default:
                false
            }
        }
        guard !id.isEmpty, id.utf8.count <= maxLength, allowed else {
            throw InputProblem(
                field: "articleId", code: "invalid_article_id",
                message: "article id must be 1-\(maxLength) characters of A-Z a-z 0-9 - _ . : ~")
        }
    }
}
