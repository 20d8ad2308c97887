/// What the store tells whoever watches it (the server's metrics), without depending on them.
public struct StoreEvents: Sendable {
    /// A group commit of this many new comments committed.
    public var groupCommitted: @Sendable (Int) -> Void

    public init(groupCommitted: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.groupCommitted = groupCommitted
    }
}
