import CPCRE2

/// A compiled, JIT-compiled PCRE2 pattern (UTF-8, Unicode properties).
///
/// `@unchecked Sendable`: the compiled code is never mutated after `init`, and PCRE2 documents
/// compiled patterns as safe to match from several threads at once, each with its own match data
/// (``MatchScratch``).
public final class PCRE2Pattern: @unchecked Sendable {
    public struct Options: Sendable, Equatable {
        public var caseless = true
        /// `x` flag: whitespace and `#` comments in the pattern are ignored.
        public var extended = false
        public var multiline = false
        public var dotAll = false

        public init(caseless: Bool = true, extended: Bool = false, multiline: Bool = false, dotAll: Bool = false) {
            self.caseless = caseless
            self.extended = extended
            self.multiline = multiline
            self.dotAll = dotAll
        }
    }

    let code: OpaquePointer
    public let source: String
    public let captureCount: Int

    /// - Throws: ``PatternError`` with PCRE2's message and the offset of the problem.
    public init(_ source: String, options: Options = Options()) throws(PatternError) {
        var flags = UInt32(PCRE2_UTF | PCRE2_UCP)
        if options.caseless { flags |= UInt32(PCRE2_CASELESS) }
        if options.extended { flags |= UInt32(PCRE2_EXTENDED) }
        if options.multiline { flags |= UInt32(PCRE2_MULTILINE) }
        if options.dotAll { flags |= UInt32(PCRE2_DOTALL) }
        var errorCode: Int32 = 0
        var errorOffset = 0
        var bytes = Array(source.utf8)
        if bytes.isEmpty { bytes = [0] }  // PCRE2 rejects a nil pointer even with length 0
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, source.utf8.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternError(message: PCRE2Pattern.message(for: errorCode), offset: errorOffset)
        }
        // JIT is an optimisation: if the platform lacks it, the interpreter still matches.
        pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        self.code = compiled
        self.source = source
        self.captureCount = Int(captures)
    }

    deinit { pcre2_code_free_8(code) }

    /// Finds every non-overlapping match in `text` (UTF-8 bytes), up to `maxMatches`.
    ///
    /// - Returns: the byte ranges found, or ``MatchOutcome/limitExceeded`` when PCRE2 stopped on a
    ///   match, depth, heap or JIT-stack limit (the pattern is too costly for this input).
    public func matches(in text: UnsafeBufferPointer<UInt8>, scratch: MatchScratch, maxMatches: Int = 64) -> MatchOutcome {
        var found: [Range<Int>] = []
        var start = 0
        let base = text.baseAddress ?? UnsafePointer(scratch.emptyByte)
        while start <= text.count, found.count < maxMatches {
            let result = pcre2_match_8(
                code, base, text.count, start, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, scratch.context)
            if result == PCRE2_ERROR_NOMATCH { break }
            if result < 0 {
                return result == PCRE2_ERROR_MATCHLIMIT || result == PCRE2_ERROR_DEPTHLIMIT
                    || result == PCRE2_ERROR_HEAPLIMIT || result == PCRE2_ERROR_JIT_STACKLIMIT
                    ? .limitExceeded : .failed(code: Int(result))
            }
            let vector = pcre2_get_ovector_pointer_8(scratch.matchData)!
            let range = vector[0]..<vector[1]
            found.append(range)
            if range.isEmpty {
                // Step over one whole UTF-8 character after an empty match.
                var next = range.upperBound + 1
                while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
                start = next
            } else {
                start = range.upperBound
            }
        }
        return .matched(found)
    }

    /// Convenience for tests and the CLI: does the pattern match anywhere in `text`?
    public func matches(_ text: String, scratch: MatchScratch = MatchScratch()) -> MatchOutcome {
        var copy = text
        return copy.withUTF8 { matches(in: $0, scratch: scratch) }
    }

    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(errorCode)"
    }
}

/// The result of running one pattern over one text.
public enum MatchOutcome: Sendable, Equatable {
    case matched([Range<Int>])
    case limitExceeded
    case failed(code: Int)

    public var ranges: [Range<Int>] {
        if case .matched(let ranges) = self { return ranges }
        return []
    }
}
