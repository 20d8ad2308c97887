import NIOCore
import NIOHTTP1

/// Sits between NIO's HTTP/1 parser and Hummingbird, where the HTTP version is still known:
///
/// - a request that does not keep the connection alive (HTTP/1.0 without `keep-alive`, or
///   `Connection: close`) is marked `Connection: close`, which Hummingbird honours after answering;
/// - an answer written before its request's body has arrived (a 413, a 429, …) closes the
///   connection gracefully: `Connection: close`, the answer, a half-close, then the rest of the body
///   is read and dropped for a moment, so the client reads the answer instead of a reset;
/// - a request body that has not arrived whole within `bodyDeadline` gets 408 and the connection
///   is closed, so a slow client cannot hold a connection and a request handler forever.
final class ConnectionDiscipline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// How long the rest of a refused body is read and dropped before the connection closes.
    static let drainTime = TimeAmount.milliseconds(500)

    private let bodyDeadline: TimeAmount
    private var bodyInFlight = false
    private var answeredEarly = false
    private var draining = false
    private var deadline: Scheduled<Void>? = nil

    init(bodyDeadline: TimeAmount) {
        self.bodyDeadline = bodyDeadline
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if draining { return }
        switch unwrapInboundIn(data) {
        case .head(var head):
            if !head.isKeepAlive { head.headers.replaceOrAdd(name: "connection", value: "close") }
            bodyInFlight = true
            answeredEarly = false
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: bodyDeadline) { bound.value.0.bodyTimedOut(context: bound.value.1) }
            context.fireChannelRead(wrapInboundOut(.head(head)))
        case .body(let buffer):
            if answeredEarly { return }
            context.fireChannelRead(wrapInboundOut(.body(buffer)))
        case .end(let trailers):
            bodyInFlight = false
            deadline?.cancel()
            deadline = nil
            if answeredEarly { return }
            context.fireChannelRead(wrapInboundOut(.end(trailers)))
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where bodyInFlight:
            // Answered before the body came: this connection ends after the answer.
            answeredEarly = true
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end(let trailers) where answeredEarly:
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
            context.flush()
            closeGracefully(context: context)
        default:
            context.write(data, promise: promise)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
    }

    private func closeGracefully(context: ChannelHandlerContext) {
        guard !draining else { return }
        draining = true
        deadline?.cancel()
        // Hummingbird waits for the request's end before it reads on; it will not come through us.
        context.fireChannelRead(wrapInboundOut(.end(nil)))
        context.close(mode: .output, promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: Self.drainTime) { bound.value.close(promise: nil) }
    }

    private func bodyTimedOut(context: ChannelHandlerContext) {
        guard bodyInFlight, !answeredEarly else { return }
        answeredEarly = true
        let body = #"{"error":{"code":"request_timeout","message":"the request body did not arrive in time"}}"#
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/json; charset=utf-8")
        headers.add(name: "content-length", value: String(body.utf8.count))
        headers.add(name: "connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .requestTimeout, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        draining = true
        context.close(promise: nil)
    }
}
