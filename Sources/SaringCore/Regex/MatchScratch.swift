import CPCRE2

/// Per-task matching state: PCRE2 match data (reused across patterns and matches) and the match
/// context that carries the limits. Not shareable between concurrent matches; make one per judge
/// call or per task.
public final class MatchScratch {
    /// Work limits per match attempt. `matchLimit` bounds backtracking (and, with JIT, is the only
    /// bound); `depthLimit` applies to the interpreter; `heapLimitKiB` bounds its memory.
    public struct Limits: Sendable, Equatable {
        public var matchLimit: UInt32
        public var depthLimit: UInt32
        public var heapLimitKiB: UInt32

        public init(matchLimit: UInt32 = 100_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000) {
            self.matchLimit = matchLimit
            self.depthLimit = depthLimit
            self.heapLimitKiB = heapLimitKiB
        }
    }

    let matchData: OpaquePointer
    let context: OpaquePointer
    let emptyByte: UnsafeMutablePointer<UInt8>

    public init(limits: Limits = Limits()) {
        // 32 pairs cover any pattern we accept; PCRE2 only fills what the pattern has.
        matchData = pcre2_match_data_create_8(32, nil)!
        context = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        emptyByte = .allocate(capacity: 1)
        emptyByte.initialize(to: 0)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        emptyByte.deallocate()
    }
}
