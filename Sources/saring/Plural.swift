/// Counts as moderators read them: "1 comment", "2 comments", "0 comments".
enum Plural {
    /// `count` and `noun`, the noun in the plural unless the count is one. `plural` for the
    /// irregular ones; the default adds an `s`.
    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
