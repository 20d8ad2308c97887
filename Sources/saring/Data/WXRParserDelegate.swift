import Foundation
import SaringCore
import SaringStore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// XMLParser's callbacks, collecting one `<item>` and its `<wp:comment>`s at a time.
final class WXRParserDelegate: NSObject, XMLParserDelegate {
    let file: String
    var items: [ImportItem] = []
    var skipped = 0
    var problem: ImportError?
    var sawChannel = false
    var xmlError: Error?
    var xmlErrorLine: Int?
    var xmlErrorColumn: Int?

    private var path: [String] = []
    private var text = ""
    private var itemIndex = 0
    private var itemLine = 0
    private var item: [String: String] = [:]
    private var categories: [String] = []
    private var categoryDomain: String?
    private var comments: [(fields: [String: String], position: String)] = []
    private var comment: [String: String]?
    private var commentIndex = 0
    private var commentLine = 0

    init(file: String) { self.file = file }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        path.append(name)
        text = ""
        switch name {
        case "channel" where path == ["rss", "channel"]: sawChannel = true
        case "item" where path == ["rss", "channel", "item"]:
            itemIndex += 1
            itemLine = parser.lineNumber
            item = [:]
            categories = []
            comments = []
            commentIndex = 0
        case "wp:comment" where path.count == 4 && path[2] == "item":
            commentIndex += 1
            commentLine = parser.lineNumber
            comment = [:]
        case "category": categoryDomain = attributes["domain"]
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        guard xmlError == nil else { return }
        xmlError = error
        xmlErrorLine = parser.lineNumber
        xmlErrorColumn = parser.columnNumber
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            path.removeLast()
            text = ""
        }
        guard problem == nil else { return }
        // Past a well-formedness error libxml2 may carry on: nothing after it is trusted.
        if xmlError != nil {
            parser.abortParsing()
            return
        }
        if path.count == 5, path[3] == "wp:comment" {
            comment?[name] = text
        } else if path.count == 4, path[2] == "item" {
            if name == "wp:comment", let fields = comment {
                comments.append((fields, "wp:comment \(commentIndex) of item \(itemIndex) (line \(commentLine))"))
                comment = nil
            } else if name == "category" {
                if categoryDomain == "category" { categories.append(text) }
            } else {
                item[name] = text
            }
        } else if path == ["rss", "channel", "item"] {
            do {
                try finishItem()
            } catch let error as ImportError {
                problem = error
                parser.abortParsing()
            } catch {
                problem = ImportError(source: "\(file): item \(itemIndex) (line \(itemLine))", message: "\(error)")
                parser.abortParsing()
            }
        }
    }

    private func finishItem() throws {
        let position = "\(file): item \(itemIndex) (line \(itemLine))"
        let type = item["wp:post_type"] ?? "post"
        guard type == "post" || type == "page" else {
            skipped += comments.count
            return
        }
        guard let postId = item["wp:post_id"].flatMap({ Int64($0.trimmedWhitespace) }), postId > 0 else {
            throw ImportError(source: position, message: "wp:post_id must be a positive number, got '\(item["wp:post_id"] ?? "")'")
        }
        let title = item["title"].map { String($0.trimmedWhitespace) }.flatMap { $0.isEmpty ? nil : $0 }
        let link = item["link"].map { String($0.trimmedWhitespace) }.flatMap { $0.isEmpty ? nil : $0 }
        let article = ExportRecord.ArticleRecord(
            id: String(postId), title: title, url: link, section: categories.first, open: (item["wp:comment_status"] ?? "open") == "open",
            premoderated: false)
        items.append(ImportItem(.article(article), source: position))

        var records: [Int64: (ExportRecord, String)] = [:]
        var order: [Int64] = []
        for (fields, where_) in comments {
            let source = "\(file): \(where_)"
            let type = fields["wp:comment_type"]?.trimmedWhitespace ?? ""
            if type == "pingback" || type == "trackback" {
                skipped += 1
                continue
            }
            let record = try Self.record(fields, article: article, source: source)
            guard records[record.id] == nil else {
                throw ImportError(source: source, message: "wp:comment_id \(record.id) appears twice")
            }
            records[record.id] = (record, source)
            order.append(record.id)
        }
        // Parents before replies, whatever order the file lists them in.
        var emitted = Set<Int64>()
        func emit(_ id: Int64, chain: Set<Int64>) throws {
            guard !emitted.contains(id), let entry = records[id] else { return }
            let (record, source) = entry
            if let parent = record.parentId {
                guard records[parent] != nil else {
                    throw ImportError(source: source, message: "wp:comment_parent \(parent) is not a comment of this post")
                }
                guard !chain.contains(parent) else {
                    throw ImportError(source: source, message: "wp:comment_parent \(parent) makes a cycle of replies")
                }
                try emit(parent, chain: chain.union([id]))
            }
            emitted.insert(id)
            items.append(ImportItem(.comment(record), source: source))
        }
        for id in order { try emit(id, chain: []) }
    }

    private static func record(_ fields: [String: String], article: ExportRecord.ArticleRecord, source: String) throws -> ExportRecord {
        func number(_ key: String) -> Int64? { fields[key].flatMap { Int64($0.trimmedWhitespace) } }
        guard let id = number("wp:comment_id"), id > 0 else {
            throw ImportError(source: source, message: "wp:comment_id must be a positive number, got '\(fields["wp:comment_id"] ?? "")'")
        }
        let parent = number("wp:comment_parent") ?? 0
        var name = String((fields["wp:comment_author"] ?? "").trimmedWhitespace)
        if name.isEmpty { name = "Anonymous" }
        let rawEmail = String((fields["wp:comment_author_email"] ?? "").trimmedWhitespace)
        let email = EmailAddress.isPlausible(rawEmail) ? rawEmail : nil
        let userId = number("wp:comment_user_id").flatMap { $0 > 0 ? String($0) : nil }
        let identity = AuthorIdentity(name: name, email: email, userId: userId)
        let approved = (fields["wp:comment_approved"] ?? "0").trimmedWhitespace
        let status: CommentStatus = approved == "1" ? .published : (approved == "spam" || approved == "trash") ? .rejected : .pending
        guard let date = Self.isoDate(fields["wp:comment_date_gmt"]) ?? Self.isoDate(fields["wp:comment_date"]) else {
            throw ImportError(
                source: source,
                message: "wp:comment_date_gmt must be a time like 2024-03-01 08:15:00, got '\(fields["wp:comment_date_gmt"] ?? "")'")
        }
        let body = fields["wp:comment_content"] ?? ""
        let decision = ExportRecord.DecisionRecord(
            id: id, actor: "system", by: "import:wordpress", action: DecisionAction(status: status, flagged: false).rawValue,
            status: status.rawValue, reasons: ["imported from WordPress (wp:comment_approved \(approved))"], at: date)
        return ExportRecord(
            id: id, parentId: parent > 0 ? parent : nil, article: article,
            author: .init(identity: identity.key, name: name, email: email, standing: "normal"), authorName: name, body: body,
            publishedBody: body, status: status.rawValue, flagged: false, score: 0, createdAt: date, updatedAt: date,
            decisions: [decision])
    }

    /// `2024-03-01 08:15:00` (WordPress's MySQL format) as ISO 8601; nil for `0000-00-00 00:00:00` or junk.
    private static func isoDate(_ text: String?) -> String? {
        guard let text = text?.trimmedWhitespace, text.count == 19, !text.hasPrefix("0000") else { return nil }
        let iso = text.replacingOccurrences(of: " ", with: "T") + ".000Z"
        return ISOTimestamp.millis(iso) == nil ? nil : iso
    }
}
