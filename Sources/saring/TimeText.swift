import Foundation

/// Times as the CLI prints them for people: in UTC, always with the zone written out
/// (`2026-11-29 09:53 UTC`), in `show`, `review`, `bans` and `migrate --status` alike. UTC
/// because moderators of one site sit in different zones (Indonesia alone has three) and read
/// each other's decisions, and because logs and `--json` (ISO 8601 with `Z`) are in UTC too.
enum TimeText {
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }
}
