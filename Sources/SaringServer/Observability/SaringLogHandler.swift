import Foundation
import Logging
import SaringCore

/// Saring's log lines, one per event, as JSON objects or as text (`--log-format json|text`).
///
/// Written by hand: swift-log ships only a text handler (`StreamLogHandler`), and no package in
/// the local mirror writes JSON lines to a stream (swift-otel exports to an OTLP collector, which
/// is a different job). It is small: a fixed set of fields, escaping done by ``JSONWriter``.
///
/// Fields: `time` (UTC, milliseconds), `level`, `message`, `request_id` (Hummingbird's
/// `hb.request.id` metadata, set by ``RequestObservation``), then the other metadata sorted by key.
/// Each line is written with one `write` call, so lines of concurrent requests never interleave.
public struct SaringLogHandler: LogHandler {
    public enum Format: String, Sendable, CaseIterable {
        case json
        case text
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let format: Format
    let sink: @Sendable (String) -> Void
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - sink: receives each line with its newline; standard error unless given (tests).
    public init(
        format: Format, level: Logger.Level = .info, now: @escaping @Sendable () -> Date = { Date() },
        sink: @escaping @Sendable (String) -> Void = SaringLogHandler.standardError
    ) {
        self.format = format
        self.logLevel = level
        self.now = now
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let requestId = all.removeValue(forKey: RequestObservation<SaringRequestContext>.metadataKey)?.description
        let millis = Int64((now().timeIntervalSince1970 * 1000).rounded(.down))
        let message = "\(event.message)"
        switch format {
        case .json: sink(Self.json(millis, event.level, message, requestId, all))
        case .text: sink(Self.text(millis, event.level, message, requestId, all))
        }
    }

    static func json(_ millis: Int64, _ level: Logger.Level, _ message: String, _ requestId: String?, _ metadata: Logger.Metadata) -> String {
        var json = JSONWriter(capacity: 160 + message.utf8.count)
        json.raw("{")
        json.key("time")
        json.timestamp(millis: millis)
        json.raw(",")
        json.key("level")
        json.string(level.rawValue)
        json.raw(",")
        json.key("message")
        json.string(message)
        if let requestId {
            json.raw(",")
            json.key("request_id")
            json.string(requestId)
        }
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            json.raw(",")
            json.string(key)
            json.raw(":")
            json.string(value.description)
        }
        json.raw("}\n")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static func text(_ millis: Int64, _ level: Logger.Level, _ message: String, _ requestId: String?, _ metadata: Logger.Metadata) -> String {
        var line = ISOTimestamp.string(millis: millis) + " " + level.rawValue + " " + Self.visible(message)
        if let requestId { line += " request_id=" + Self.visible(requestId) }
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += " " + Self.visible(key) + "=" + Self.visible(value.description)
        }
        return line + "\n"
    }

    /// Control characters written as escapes, so no value can start a line of its own.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Writes a line to standard error in one call.
    public static let standardError: @Sendable (String) -> Void = { line in
        var line = line
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
