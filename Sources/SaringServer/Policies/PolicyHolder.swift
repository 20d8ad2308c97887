import SaringCore
import Synchronization

/// The policy in force: the one piece of shared mutable state in the server. Requests take the
/// current snapshot and judge with it; a reload swaps in a new snapshot atomically, so a request
/// that started on the old policy finishes on it.
public final class PolicyHolder: CommentJudge {
    private let state: Mutex<Policy>

    public init(_ policy: Policy) {
        state = Mutex(policy)
    }

    public var current: Policy { state.withLock { $0 } }

    public func replace(with policy: Policy) {
        state.withLock { $0 = policy }
    }

    public var settings: PolicySettings { current.settings }

    public var versionInForce: String? { current.version }

    public func judge(_ draft: CommentDraft) -> Verdict {
        current.judge(draft)
    }
}
