/// Top-level domains a dotted word must end in to count as a link when it has no `://` or `www.`.
///
/// Without a list, every missing space after a full stop (`benar.saya`) would look like a domain.
/// The list is the suffixes seen in Indonesian comment spam (gambling, loans, fake shops) plus the
/// common generic ones; a domain outside it still yields its words as ordinary tokens.
enum LinkSuffixes {
    static let all = TokenHashSet(
        [
            "com", "net", "org", "id", "co", "io", "me", "ly", "xyz", "site", "online", "vip", "top",
            "info", "biz", "asia", "link", "click", "live", "pro", "app", "cc", "tv", "us", "to", "gg",
            "bet", "club", "fun", "store", "shop", "win", "icu", "ws", "la", "sg", "my", "ph", "pw",
            "tk", "ml", "ga", "cf", "gq", "best", "life", "world", "today", "space", "website", "tech",
            "ai", "casino", "games", "game", "cloud", "page", "art", "bio", "wiki", "gl", "be", "im",
        ].map { CampaignHash.token($0.utf8) }
    )
}
