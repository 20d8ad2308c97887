/// What a queue listing found: the first items, how many the queue holds, and the comments a
/// text search could not decide (the pattern exceeded its match budget on them).
public struct QueueSearch: Sendable, Equatable {
    public var items: [QueueItem]
    public var total: Int
    public var overBudget: [Int64]

    public init(items: [QueueItem], total: Int, overBudget: [Int64]) {
        self.items = items
        self.total = total
        self.overBudget = overBudget
    }
}
