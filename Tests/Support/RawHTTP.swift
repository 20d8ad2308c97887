// A deliberately small HTTP/1.1 client over a plain socket, so tests can send exactly the bytes
// they mean (invalid UTF-8, lying Content-Length, oversized bodies) to the real server. Blocking
// socket calls run on their own thread, never on Swift's cooperative pool.
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public struct HTTPReply: Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }

    public func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
    }

    /// `error.code` of an API error body, or nil.
    public var errorCode: String? {
        ((try? json())?["error"] as? [String: Any])?["code"] as? String
    }
}

public struct RawHTTP: Sendable {
    public let port: Int

    public init(port: Int) { self.port = port }

    /// Sends one request on a fresh connection and reads the reply until the server closes.
    public func send(
        _ method: String, _ path: String, body: Data? = nil, contentType: String? = "application/json",
        headers: [String: String] = [:]
    ) async throws -> HTTPReply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        if let body, headers["Content-Length"] == nil { head += "Content-Length: \(body.count)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let request = Data(head.utf8) + (body ?? Data())
        return try await exchange(request)
    }

    public func json(_ method: String, _ path: String, _ object: Any, headers: [String: String] = [:]) async throws -> HTTPReply {
        try await send(method, path, body: try JSONSerialization.data(withJSONObject: object), headers: headers)
    }

    /// Sends raw bytes. `halfClose` shuts the sending side afterwards, as a client that gives up would.
    public func exchange(_ request: Data, halfClose: Bool = false) async throws -> HTTPReply {
        try await converse(request, halfClose: halfClose).reply
    }

    /// Sends raw bytes (without closing) and reads until the server closes or `readTimeout`
    /// passes; `closedByServer` says which, so tests can check that the server ends a connection.
    public func converse(
        _ request: Data, halfClose: Bool = false, readTimeout: Int = 30
    ) async throws -> (reply: HTTPReply, closedByServer: Bool) {
        let port = self.port
        let (raw, closed): (Data, Bool) = try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result { try Self.roundTrip(request, port: port, halfClose: halfClose, readTimeout: readTimeout) })
            }.start()
        }
        return (try Self.parse(raw), closed)
    }

    /// Opens a connection and leaves it open (tests of per-client connection caps).
    public func openConnection() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect to port \(port) failed: errno \(errno)")
        }
        return fd
    }

    /// Whether the server closes `fd` within `seconds` (reads until end of stream or the timeout).
    public static func serverCloses(_ fd: Int32, within seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count == 0 || (count < 0 && errno == ECONNRESET) { return true }
            if count < 0 { return false }
        }
    }

    public static func closeConnection(_ fd: Int32) { close(fd) }

    /// Writes all of `bytes` to an open connection; false when the server has closed it.
    public static func write(_ fd: Int32, _ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    /// Sends `GET /healthz` on an open connection (keep-alive) and waits for the start of the
    /// answer: proof that the server has taken the connection on.
    public static func ping(_ fd: Int32, within seconds: Int = 30) -> Bool {
        let request = Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard Glibc.send(fd, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else { return false }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var chunk = [UInt8](repeating: 0, count: 4096)
        return recv(fd, &chunk, chunk.count, 0) > 0
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    private static func roundTrip(_ request: Data, port: Int, halfClose: Bool, readTimeout: Int) throws -> (Data, Bool) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect to port \(port) failed: errno \(errno)") }
        // The server may answer (413) and close before the whole body is sent: stop sending then,
        // and read what it said.
        request.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { break }
                offset += sent
            }
        }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        var response = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var closed = false
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count == 0 { closed = true }
            if count < 0, errno == ECONNRESET { closed = true }
            if count <= 0 { break }
            response.append(contentsOf: chunk[0..<count])
        }
        guard !response.isEmpty else { throw Failure(description: "empty reply (errno \(errno))") }
        return (response, closed)
    }

    private static func parse(_ raw: Data) throws -> HTTPReply {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "no header end in reply: \(String(decoding: raw, as: UTF8.self))")
        }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init), body.count > length {
            body = body.prefix(length)
        }
        return HTTPReply(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            let end = rest.index(start, offsetBy: size)
            result.append(rest[start..<end])
            rest = rest[min(rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex, rest.endIndex)...]
        }
        return result
    }
}
