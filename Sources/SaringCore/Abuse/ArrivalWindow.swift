/// Recent arrival times of new comments on one article, enough to tell whether more than `limit`
/// arrived within a window: it keeps at most `limit + 1` times, so its size is bounded whatever
/// the traffic.
public struct ArrivalWindow: Sendable, Equatable {
    private var times: [Int64] = []
    private var start = 0

    public init() {}

    /// Records an arrival at `millis` and returns how many arrived within `windowMillis` up to it,
    /// counting at most `limit + 1`.
    public mutating func record(at millis: Int64, windowMillis: Int64, limit: Int) -> Int {
        times.append(millis)
        while start < times.count, times[start] <= millis - windowMillis { start += 1 }
        let keep = limit + 1
        if times.count - start > keep { start = times.count - keep }
        // Compact now and then so the array never grows past twice what it holds.
        if start > keep {
            times.removeFirst(start)
            start = 0
        }
        return times.count - start
    }

    /// The newest arrival, to forget idle articles.
    public var latest: Int64? { times.last }
}
