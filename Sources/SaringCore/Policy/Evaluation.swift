/// Confusion counts of "a rule of this category fired" against a labeled data set.
public struct Evaluation: Sendable, Equatable, Codable {
    public var tp = 0
    public var fp = 0
    public var fn = 0
    public var tn = 0

    public init() {}

    public mutating func add(predicted: Bool, actual: Bool) {
        switch (predicted, actual) {
        case (true, true): tp += 1
        case (true, false): fp += 1
        case (false, true): fn += 1
        case (false, false): tn += 1
        }
    }

    public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
    public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

extension Policy {
    /// Whether a non-shadow rule (or, if asked, a shadow one) of `category` fires on `text` as a
    /// comment body.
    public func fires(category: String, on text: String, includeShadow: Bool = false) -> Bool {
        let draft = CommentDraft(articleId: "eval", authorName: "eval", authorEmail: nil, body: text, parentId: nil)
        return judge(draft, context: JudgeContext(standing: .trusted, approvedComments: Int.max)).hits.contains {
            $0.category == category && $0.field == .body && (includeShadow || !$0.shadow)
        }
    }
}
