/// A problem with something a reader sent, naming the field, a stable machine code and a message
/// a front-end developer can act on.
public struct InputProblem: Error, Sendable, Equatable {
    public let field: String
    public let code: String
    public let message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}
