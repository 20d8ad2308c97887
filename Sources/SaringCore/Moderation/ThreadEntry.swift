/// One comment of a thread, with how deep it sits (0: the thread's first comment).
public struct ThreadEntry: Sendable, Equatable {
    public var comment: Comment
    public var depth: Int

    public init(comment: Comment, depth: Int) {
        self.comment = comment
        self.depth = depth
    }
}
