import Foundation
import SaringCore
import Synchronization

/// The policy in force: the one piece of shared mutable state in the server. Requests take the
/// current snapshot and judge with it; a reload swaps in a new snapshot atomically, so a request
/// that started on the old policy finishes on it. It also remembers when the policy loaded and the
/// last reload it refused (for `GET /v1/policy`).
public final class PolicyHolder: CommentJudge {
    /// A folder the reloader refused, with every problem.
    public struct RefusedReload: Sendable, Equatable {
        /// The folder's content hash, or nil when it could not be read.
        public var version: String?
        public var at: Date
        public var problems: [String]
    }

    private struct State {
        var policy: Policy
        var loadedAt: Date
        var lastRefused: RefusedReload?
    }

    private let state: Mutex<State>

    public init(_ policy: Policy, loadedAt: Date = Date()) {
        state = Mutex(State(policy: policy, loadedAt: loadedAt))
    }

    public var current: Policy { state.withLock { $0.policy } }

    /// When the policy in force was loaded.
    public var loadedAt: Date { state.withLock { $0.loadedAt } }

    public var lastRefused: RefusedReload? { state.withLock { $0.lastRefused } }

    public func replace(with policy: Policy, at date: Date = Date()) {
        state.withLock {
            $0.policy = policy
            $0.loadedAt = date
        }
    }

    /// Remembers a refused reload; the policy in force stays.
    public func refused(_ reload: RefusedReload) {
        state.withLock { $0.lastRefused = reload }
    }

    public var settings: PolicySettings { current.settings }

    public var versionInForce: String? { current.version }

    public func judge(_ draft: CommentDraft) -> Verdict {
        current.judge(draft)
    }

    public func judge(_ draft: CommentDraft, normalizedBody: NormalizedText) -> Verdict {
        current.judge(draft, normalizedBody: normalizedBody)
    }
}
