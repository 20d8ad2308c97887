// The review screen's loop: one event at a time (keys, resize, tick, signal), each handled to the
// end — store call included — before the screen is redrawn and the next event is read.
import Foundation
import SaringCore
import SaringStore

final class ReviewSession {
    let store: any ModerationStore
    let terminal: RawTerminal
    let palette: ScreenPalette
    let lease: Duration
    let pollInterval: Duration = .seconds(2)
    let countInterval: Duration = .seconds(3)
    var state: ReviewState
    var size: (width: Int, height: Int)
    /// Comments skipped this session: not offered again until the moderator asks.
    var skipped: Set<Int64> = []
    var undoStack: [UndoEntry] = []
    /// When the shown comment appeared; decision keys that arrived before it are dropped.
    var shownAt = ContinuousClock.now
    /// When the ban question appeared; a `y` that arrived earlier does not confirm it.
    var promptedAt = ContinuousClock.now
    var lastPoll = ContinuousClock.now
    var lastCount = ContinuousClock.now
    var quitting = false
    private var lastFrame = ""
    var tally = (approved: 0, rejected: 0, skipped: 0, banned: 0)

    var moderator: String { state.moderator }
    var filter: QueueFilter { state.filter }

    init(
        store: any ModerationStore, terminal: RawTerminal, palette: ScreenPalette, moderator: String, filter: QueueFilter, lease: Duration,
        database: String
    ) {
        self.store = store
        self.terminal = terminal
        self.palette = palette
        self.lease = lease
        state = ReviewState(filter: filter, moderator: moderator)
        state.database = database
        state.leaseSeconds = Int(lease.components.seconds)
        state.pollSeconds = Int(pollInterval.components.seconds)
        size = RawTerminal.size()
    }

    /// Runs until the moderator quits, the terminal closes or a signal arrives.
    ///
    /// - Returns: the signal that ended the session, if one did.
    func run(events: TerminalEvents) async -> Int32? {
        await advance()
        draw()
        var endedBy: Int32?
        for await event in events.stream {
            switch event {
            case .keys(let keys, let at):
                for key in keys where !quitting { await handle(key, at: at) }
                // A decision, skip or undo changed what is left: the header says so at once.
                if !quitting, state.mode == .browsing { await refreshCounts() }
            case .resize:
                size = RawTerminal.size()
                lastFrame = ""  // The terminal may have reflowed what it showed: draw all of it.
            case .tick:
                await tick()
            case .terminate(let signal):
                endedBy = signal
                quitting = true
            case .inputClosed:
                quitting = true
            }
            if quitting { break }
            draw()
        }
        // Whatever ended the session, the shown comment goes back to the queue at once.
        if let item = state.item { try? await store.releaseClaims(moderator: moderator, commentId: item.comment.id) }
        return endedBy
    }

    /// One line for the shell after the screen closes.
    var summary: String {
        "reviewed \(filter.kind.rawValue): \(tally.approved) approved, \(tally.rejected) rejected, "
            + "\(tally.skipped) skipped, \(Plural.count(tally.banned, "author")) banned"
    }

    func screen() -> ReviewScreen {
        ReviewScreen(state: state, width: size.width, height: size.height, markers: palette.marksHighlightsInText, now: Date())
    }

    /// Writes the screen when it differs from what is shown (ticks come twice a second; over SSH
    /// an unchanged frame would be wasted bytes and flicker).
    func draw() {
        let output = screen().frame().output(height: size.height, palette: palette)
        guard output != lastFrame else { return }
        terminal.write(output)
        lastFrame = output
    }

    /// Releases the shown comment (if still claimed) and claims the next comment of the queue
    /// (or none), refreshing the count.
    func advance() async {
        let previous = state.item?.comment.id
        do {
            if let previous { try await store.releaseClaims(moderator: moderator, commentId: previous) }
            state.item = try await store.claimNext(moderator: moderator, filter: filter, lease: lease, skipping: skipped)
            try await countQueues()
        } catch {
            state.item = nil
            state.notice = .error(Self.describe(error))
        }
        state.mode = .browsing
        state.bodyScroll = 0
        if state.item?.comment.id != previous { shownAt = .now }
        lastPoll = .now
        lastCount = .now
    }

    private func tick() async {
        let now = ContinuousClock.now
        if state.item == nil, state.mode == .browsing || state.mode == .help, now - lastPoll >= pollInterval {
            await advance()
        } else if now - lastCount >= countInterval {
            await refreshCounts()
        }
    }

    /// Counts again what is left (without the skipped comments) and what the other queues hold,
    /// keeping the old numbers if the database is busy.
    func refreshCounts() async {
        try? await countQueues()
        lastCount = .now
    }

    private func countQueues() async throws {
        if filter.text != nil {
            var counting = filter
            counting.limit = 0
            let found = try await store.search(counting, excluding: skipped)
            state.remaining = found.total
            state.overBudget = found.overBudget.count
        } else {
            state.remaining = try await store.queueCount(filter, excluding: skipped)
        }
        // The other queues within the same scope, without the text search (a scan of each).
        var scope = filter
        scope.text = nil
        var counts: [QueueKind: Int] = [:]
        for kind in QueueKind.allCases where kind != filter.kind && kind != .rejected {
            scope.kind = kind
            counts[kind] = try await store.queueCount(scope, excluding: [])
        }
        state.counts = counts
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.description }
        return "\(error)"
    }
}
