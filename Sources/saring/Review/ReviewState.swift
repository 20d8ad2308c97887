import SaringCore

/// Everything the review screen shows. The session changes it; ``ReviewScreen`` draws it.
struct ReviewState {
    enum Mode: Equatable {
        case browsing
        case help
        /// After `r` (or `b`): a reason by number, typed, or none.
        case choosingReason(Purpose = .reject)
        case typingReason(String, Purpose = .reject)
        case confirmingBan(BanPlan)
        /// The comment's thread or the author's other comments, over the comment; any key goes back.
        case viewing(CommentList)
    }

    struct Notice: Equatable {
        enum Kind { case info, error }
        var text: String
        var kind: Kind

        static func info(_ text: String) -> Notice { Notice(text: text, kind: .info) }
        static func error(_ text: String) -> Notice { Notice(text: text, kind: .error) }
    }

    var filter: QueueFilter
    var moderator: String
    /// The database file, as given: the header says which one this screen works on.
    var database = ""
    /// The comment on screen, claimed by this moderator; nil when the queue has nothing for us.
    var item: QueueItem?
    /// Comments in the queue, including ones other moderators hold, not the ones skipped.
    var remaining = 0
    /// How many comments the other queues hold (same article, author and age), for the header.
    var counts: [QueueKind: Int] = [:]
    /// Comments the text search could not decide (the pattern ran out of its match budget).
    var overBudget = 0
    var skipped = 0
    var mode = Mode.browsing
    var notice: Notice?
    /// First body line shown, for comments longer than the window.
    var bodyScroll = 0
    /// How often an empty queue is checked again, for the empty screen's wording.
    var pollSeconds = 2
    /// The claim's lease, for the help page.
    var leaseSeconds = 300
}

/// What a reason is asked for: a rejection, or a ban (then confirmed).
enum Purpose: Equatable {
    case reject
    case ban(BanPlan)
}

/// What a ban will do, shown for confirmation before anything is written.
struct BanPlan: Equatable {
    var identity: String
    var name: String
    var previousStanding: AuthorStanding
    /// Pending comments of the author, the shown one included when it is pending.
    var pendingCount: Int
    /// The shown comment is published (flagged or reported queue) and is rejected too.
    var rejectsShownComment: Bool
    /// Why, recorded with the ban and each rejection it makes.
    var reason: String? = nil
}

/// What `t` (the thread) and `c` (the author's recent comments) show.
struct CommentList: Equatable {
    enum Kind: Equatable {
        case thread
        case author(name: String)
    }

    var kind: Kind
    /// The comment on screen, marked in the list.
    var focus: Int64
    var entries: [ThreadEntry]
}
