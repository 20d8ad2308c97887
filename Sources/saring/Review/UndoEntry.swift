import SaringCore

/// A decision of this session that `u` can take back, newest last.
enum UndoEntry {
    case decision(id: Int64, commentId: Int64, verdict: ModeratorVerdict)
    /// A ban: its batch, and the comments it (the shown one included) rejected.
    case ban(BanPlan, commentId: Int64, batchId: Int64, rejected: [Int64])

    var commentId: Int64 {
        switch self {
        case .decision(_, let commentId, _), .ban(_, let commentId, _, _): commentId
        }
    }
}
