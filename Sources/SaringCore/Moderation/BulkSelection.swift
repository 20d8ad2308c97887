import Foundation

/// Which comments a bulk rejection takes: those of a queue whose normalized text matches a
/// pattern, or the published and held comments of a spam campaign.
public enum BulkSelection: Sendable, Equatable {
    case matching(pattern: String, filter: QueueFilter)
    case campaign(Int64)

    /// How the batch is described in the history.
    public var description: String {
        switch self {
        case .matching(let pattern, let filter): "\(filter.kind.rawValue) comments matching \(pattern)"
        case .campaign(let id): "spam campaign #\(id)"
        }
    }
}

/// The comments a bulk rejection would take, found before anything is written.
public struct BulkPlan: Sendable {
    public struct Match: Sendable {
        public var comment: Comment
        /// Where the pattern matched, in Unicode scalars of the original text.
        public var spans: [Range<Int>]

        public init(comment: Comment, spans: [Range<Int>]) {
            self.comment = comment
            self.spans = spans
        }
    }

    public var selection: BulkSelection
    public var matches: [Match]
    /// Comments on which the pattern ran out of its match budget: neither matched nor cleared.
    public var overBudget: [Int64]
    /// Left out on request (`--except`).
    public var excepted: [Int64]
    /// The status the comments had when listed; one that changed meanwhile is skipped.
    public var expectedStatus: CommentStatus?

    public init(
        selection: BulkSelection, matches: [Match], overBudget: [Int64], excepted: [Int64], expectedStatus: CommentStatus?
    ) {
        self.selection = selection
        self.matches = matches
        self.overBudget = overBudget
        self.excepted = excepted
        self.expectedStatus = expectedStatus
    }
}

/// What a bulk rejection did.
public struct BulkOutcome: Sendable, Equatable {
    /// Nil when nothing was decided.
    public var batchId: Int64?
    public var decided: [Int64]
    /// Changed since they were listed, or under review by another moderator.
    public var skipped: [Int64]
    public var articleIds: Set<String>

    public init(batchId: Int64?, decided: [Int64], skipped: [Int64], articleIds: Set<String>) {
        self.batchId = batchId
        self.decided = decided
        self.skipped = skipped
        self.articleIds = articleIds
    }
}

/// Why a bulk selection was refused before anything was looked at.
public enum BulkSelectionError: Error, Equatable, CustomStringConvertible {
    case emptyPattern
    /// The pattern matches an empty text or every probe text: it would take the whole queue.
    case matchesEverything(pattern: String)
    case invalidPattern(message: String, offset: Int)
    case unknownCampaign(Int64)
    /// Rejected comments cannot be rejected again.
    case rejectedQueue

    public var description: String {
        switch self {
        case .emptyPattern: "the pattern is empty: it would match every comment"
        case .matchesEverything(let pattern): "the pattern \(pattern) matches any text: it would reject the whole queue"
        case .invalidPattern(let message, let offset): "the pattern does not compile: \(message) at offset \(offset)"
        case .unknownCampaign(let id): "campaign #\(id) has no published or held comments"
        case .rejectedQueue: "bulk rejection works on the pending, flagged and reported queues, not on rejected comments"
        }
    }
}
