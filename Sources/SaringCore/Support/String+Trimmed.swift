extension StringProtocol {
    /// The text without leading and trailing white space and line breaks. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString and cost more than the whole rest of
    /// judging a comment.
    public var trimmedWhitespace: Substring {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }) else { return Substring() }
        let last = scalars.lastIndex(where: { !Self.isSpace($0) })!
        return Substring(scalars[first...last])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
}
