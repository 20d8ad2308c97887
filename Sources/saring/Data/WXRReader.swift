import Foundation
import SaringCore
import SaringStore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a WordPress export (WXR: RSS 2.0 with the `wp:` namespace) into import items: each post
/// or page (`wp:post_type`) becomes an article whose id is its `wp:post_id` (what WordPress's own
/// comment form sends as `comment_post_ID`), titled and linked as in the file, its section the
/// first `category`; each comment keeps its `wp:comment_id` (into an empty database) and its
/// thread (`wp:comment_parent`). `wp:comment_approved` 1 is published, `spam` and `trash`
/// rejected, anything else pending; pingbacks and trackbacks are left out. The author is the
/// site's user (`user:ID`) when `wp:comment_user_id` is set, else by e-mail address, else by name.
/// The whole file is read before anything is stored; a bad element is refused with its position.
enum WXRReader {
    struct Result {
        var items: [ImportItem] = []
        var skipped = 0
    }

    static func read(_ data: Data, file: String) throws -> Result {
        let delegate = WXRParserDelegate(file: file)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let parsed = parser.parse()
        if let problem = delegate.problem { throw problem }
        // On Linux a fatal error can end parse() with true: the delegate's report counts too.
        if let error = delegate.xmlError ?? (parsed ? nil : parser.parserError ?? NSError(domain: "XML", code: 0)) {
            let line = delegate.xmlErrorLine ?? parser.lineNumber
            let column = delegate.xmlErrorColumn ?? parser.columnNumber
            throw ImportError(
                source: "\(file): line \(line), column \(column)", message: "not well-formed XML (\(Self.describe(error)))")
        }
        guard delegate.sawChannel else {
            throw ImportError(source: file, message: "not a WordPress export: no <rss><channel> element")
        }
        return Result(items: delegate.items, skipped: delegate.skipped)
    }

    /// libxml2's error code as a short phrase, where XMLParser's message is only a number.
    static func describe(_ error: Error) -> String {
        let code = (error as NSError).code
        switch code {
        case 9: return "a character XML does not allow, such as a control character"
        case 26: return "an undeclared entity such as &nbsp;"
        case 73, 76: return "an element not closed, or closed with another name"
        case 5: return "the document ends too early"
        default: return "XML error \(code)"
        }
    }
}
