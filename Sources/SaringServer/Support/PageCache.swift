import Foundation
import Synchronization

/// The first page of each article's public list as ready bytes with its ETag, so most page views
/// never touch SQLite. This server drops an article's pages the moment it publishes, hides or
/// decides a comment there; what another process changes (a moderator's CLI) is seen within
/// `ttlMillis`, as browsers and CDNs may keep a page for `Cache-Control: max-age=5` anyway.
/// With several nodes (PostgreSQL) each page also carries the article's version it was read at
/// and is served only while the database's version is still that one.
/// Bounded: past `maxArticles` the articles touched longest ago go.
final class PageCache: Sendable {
    struct Page: Sendable {
        let bytes: Data
        let etag: String
    }

    private struct Entry {
        let page: Page
        let storedAt: Int64
        let version: Int64?
    }

    private struct Article {
        /// Bumped by every invalidation, so a page read before one is never stored after it.
        var generation: UInt64 = 0
        var pages: [Int: Entry] = [:]
        var touchedAt: Int64 = 0
    }

    private let articles = Mutex<[String: Article]>([:])
    let ttlMillis: Int64
    let maxArticles: Int

    init(ttlMillis: Int64 = 1_000, maxArticles: Int = 20_000) {
        self.ttlMillis = ttlMillis
        self.maxArticles = maxArticles
    }

    /// A fresh first page of `limit` comments (read at `version`, when one is given), or nil.
    func page(_ articleId: String, limit: Int, at millis: Int64, version: Int64? = nil) -> Page? {
        articles.withLock { articles in
            guard let entry = articles[articleId]?.pages[limit], millis >= entry.storedAt, millis - entry.storedAt < ttlMillis,
                entry.version == version
            else { return nil }
            return entry.page
        }
    }

    /// The article's generation now; pass it to ``store(_:articleId:limit:generation:version:at:)``.
    func generation(of articleId: String) -> UInt64 {
        articles.withLock { $0[articleId]?.generation ?? 0 }
    }

    /// Keeps a page read at `generation`, unless the article changed since.
    func store(_ page: Page, articleId: String, limit: Int, generation: UInt64, version: Int64? = nil, at millis: Int64) {
        articles.withLock { articles in
            guard (articles[articleId]?.generation ?? 0) == generation else { return }
            if articles[articleId] == nil, articles.count >= maxArticles { Self.evict(&articles, keep: maxArticles * 9 / 10) }
            articles[articleId, default: Article()].pages[limit] = Entry(page: page, storedAt: millis, version: version)
            articles[articleId]?.touchedAt = millis
        }
    }

    /// Drops an article's pages: something readers see there changed.
    func invalidate(_ articleId: String, at millis: Int64) {
        articles.withLock { articles in
            if articles[articleId] == nil, articles.count >= maxArticles { Self.evict(&articles, keep: maxArticles * 9 / 10) }
            articles[articleId, default: Article()].generation &+= 1
            articles[articleId]?.pages = [:]
            articles[articleId]?.touchedAt = millis
        }
    }

    private static func evict(_ articles: inout [String: Article], keep: Int) {
        let oldest = articles.sorted { $0.value.touchedAt < $1.value.touchedAt }.prefix(max(0, articles.count - keep))
        for (article, _) in oldest { articles[article] = nil }
    }
}
