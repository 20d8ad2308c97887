import SaringCore

/// A decision of this session that `u` can take back, newest last.
enum UndoEntry {
    case decision(id: Int64, commentId: Int64, verdict: ModeratorVerdict)
    /// A ban: the author's standing before it, and the comments it (or the shown one) rejected.
    case ban(BanPlan, commentId: Int64, rejected: [Int64])

    var commentId: Int64 {
        switch self {
        case .decision(_, let commentId, _), .ban(_, let commentId, _): commentId
        }
    }
}
