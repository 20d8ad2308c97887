import Foundation
import Hummingbird
import SaringCore
import SaringStore

/// The CMS describes articles: title, url, section, open/closed, premoderated. Admin token required.
struct ArticlesController<Context: RemoteAddressRequestContext> {
    let store: any CommentStore
    let settings: ServerSettings
    let authenticator: Authenticator

    struct ArticleRequest: Decodable {
        let title: String?
        let url: String?
        let section: String?
        let open: Bool?
        let premoderated: Bool?
    }

    struct ArticleResponse: Encodable {
        let id: String
        let title: String?
        let url: String?
        let section: String?
        let open: Bool
        let premoderated: Bool
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.put("articles/:articleId", use: save)
    }

    @Sendable func save(_ request: Request, context: Context) async throws -> Response {
        _ = try await authenticator.admin(request, context)
        let id = try CommentsController<Context>.articleId(context)
        let input = try await JSONRequest.decode(ArticleRequest.self, from: request, maxBytes: settings.maxRequestBytes)
        try Self.checkLength(input.title, field: "title", max: 500)
        try Self.checkLength(input.url, field: "url", max: 2000)
        try Self.checkLength(input.section, field: "section", max: 200)
        if let url = input.url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            throw APIError(.unprocessableContent, "invalid_url", "url must start with http:// or https://")
        }
        let article = try await store.saveArticle(
            Article(
                id: id, title: input.title, url: input.url, section: input.section, isOpen: input.open ?? true,
                premoderated: input.premoderated ?? false))
        return JSONResponse.make(
            .ok,
            ArticleResponse(
                id: article.id, title: article.title, url: article.url, section: article.section,
                open: article.isOpen, premoderated: article.premoderated))
    }

    private static func checkLength(_ value: String?, field: String, max: Int) throws {
        guard let value else { return }
        if value.unicodeScalars.count > max {
            throw APIError(.unprocessableContent, "\(field)_too_long", "\(field) is longer than \(max) characters")
        }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw APIError(.unprocessableContent, "invalid_\(field)", "\(field) must not contain control characters")
        }
    }
}
