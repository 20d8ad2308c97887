/// Refusals by the store that the caller should turn into a precise message.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case articleClosed(articleId: String)
    /// A reply's parent does not exist in the same article.
    case parentNotFound(parentId: Int64, articleId: String)
    case commentNotFound(id: Int64)
    case cannotOpen(path: String, message: String)

    public var description: String {
        switch self {
        case .articleClosed(let articleId): "article \(articleId) is closed for comments"
        case .parentNotFound(let parentId, let articleId): "comment \(parentId) does not exist in article \(articleId)"
        case .commentNotFound(let id): "comment \(id) does not exist"
        case .cannotOpen(let path, let message): "cannot open database \(path): \(message)"
        }
    }
}
