import Foundation
import SaringCore
import Testing

@Suite("ISO 8601 timestamps")
struct ISOTimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1, "1970-01-01T00:00:00.001Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (1_709_251_199_999, "2024-02-29T23:59:59.999Z"),
        (-2_203_891_200_000, "1900-03-01T00:00:00.000Z"),
        (1_764_630_391_001, "2025-12-01T23:06:31.001Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ])
    func writesKnownInstants(_ millis: Int64, _ expected: String) {
        #expect(ISOTimestamp.string(millis: millis) == expected)
    }

    /// Foundation's own formatter agrees on whole seconds (it truncates fractions of a `Date`
    /// made from milliseconds, so only those compare), and its parser reads our fractions back
    /// to the millisecond.
    @Test func agreesWithFoundation() throws {
        var generator = SplitMix(seed: 7)
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        for _ in 0..<5_000 {
            let millis = Int64(generator.next() % 4_102_444_800_000)
            let seconds = millis / 1000 * 1000
            #expect(ISOTimestamp.string(millis: seconds) == Date(timeIntervalSince1970: Double(seconds) / 1000).formatted(style))
            let parsed = try style.parse(ISOTimestamp.string(millis: millis))
            #expect(Int64((parsed.timeIntervalSince1970 * 1000).rounded()) == millis)
        }
    }
}
