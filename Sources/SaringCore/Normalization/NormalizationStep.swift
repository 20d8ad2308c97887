/// One stage of `TextNormalizer`'s pipeline: a pure function from one working buffer to the next.
protocol NormalizationStep: Sendable {
    func apply(_ input: MappedScalarBuffer) -> MappedScalarBuffer
}

extension NormalizationStep {
    /// Runs the step on its own over a plain string (tests, one-off use).
    func applied(to string: String) -> String {
        apply(MappedScalarBuffer(string)).string
    }
}
