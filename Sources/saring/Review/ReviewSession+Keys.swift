import Foundation
import SaringCore

// What each key does in each mode. Only lower-case letters act, so a split arrow-key sequence or
// Caps Lock never approves anything; decision keys pressed before the shown comment appeared
// are dropped, so a double press never decides a comment the moderator has not seen.
extension ReviewSession {
    func handle(_ key: Key, at time: ContinuousClock.Instant) async {
        if key == .interrupt {
            quitting = true
            return
        }
        let screen = screen()
        if screen.width < ReviewScreen.minimumWidth || screen.height < ReviewScreen.minimumHeight {
            if key == .character("q") { quitting = true }
            return
        }
        switch state.mode {
        case .help, .viewing:
            state.mode = .browsing
        case .choosingReason(let purpose):
            await chooseReason(key, for: purpose)
        case .typingReason(let text, let purpose):
            await typeReason(key, text: text, for: purpose)
        case .confirmingBan(let plan):
            if key == .character("y") {
                // A `y` typed ahead with the `b` (before the question was on screen) answers nothing.
                guard time >= promptedAt else { return }
                await ban(plan)
            } else {
                state.mode = .browsing
                state.notice = .info("ban cancelled; nothing changed")
            }
        case .browsing:
            await browse(key, fresh: time >= shownAt)
        }
    }

    private func browse(_ key: Key, fresh: Bool) async {
        let decides: Set<Key> = [.character("a"), .character("r"), .character("s"), .character("b")]
        if decides.contains(key), state.item != nil, !fresh {
            let note = " · ignored a key pressed too early"
            if let notice = state.notice, !notice.text.hasSuffix(note) {
                state.notice?.text += note
            } else if state.notice == nil {
                state.notice = .info("ignored a key pressed before this comment appeared")
            }
            return
        }
        switch key {
        case .character("q"):
            quitting = true
        case .character("?"):
            state.mode = .help
        case .character("a") where state.item != nil:
            await decide(.approve, reason: nil)
        case .character("r") where state.item != nil:
            state.notice = nil
            state.mode = .choosingReason(.reject)
        case .character("s") where state.item != nil:
            await skip()
        case .character("s") where !skipped.isEmpty:
            skipped = []
            state.skipped = 0
            state.notice = .info("going through the skipped comments again")
            await advance()
        case .character("b") where state.item != nil:
            await prepareBan()
        case .character("u"):
            await undo()
        case .character("t") where state.item != nil:
            await showThread()
        case .character("c") where state.item != nil:
            await showAuthorComments()
        case .character("j"), .down:
            scroll(by: 1)
        case .character("k"), .up:
            scroll(by: -1)
        case .pageDown, .character(" "):
            scroll(by: screen().bodyPageSize())
        case .pageUp:
            scroll(by: -screen().bodyPageSize())
        case .character(let character) where character.isUppercase:
            state.notice = .error("keys are lower-case (is Caps Lock on?)")
        case .character:
            state.notice = .error("unknown key; ? shows the keys")
        default:
            break
        }
    }

    private func chooseReason(_ key: Key, for purpose: Purpose) async {
        switch key {
        case .character(let digit) where digit.wholeNumberValue.map { (1...RejectReason.presets.count).contains($0) } == true:
            await give(RejectReason.presets[digit.wholeNumberValue! - 1], for: purpose)
        case .character("t"):
            state.mode = .typingReason("", purpose)
        case .enter:
            await give(nil, for: purpose)
        case .escape, .character("q"):
            cancel(purpose)
        default:
            state.notice = .error("choose 1-\(RejectReason.presets.count), t, Enter or Esc")
        }
    }

    private func typeReason(_ key: Key, text: String, for purpose: Purpose) async {
        switch key {
        case .character(let character) where text.count < RejectReason.maximumLength:
            state.mode = .typingReason(text + String(character), purpose)
        case .character:
            state.notice = .error("a reason is at most \(RejectReason.maximumLength) characters")
        case .backspace:
            state.mode = .typingReason(String(text.dropLast()), purpose)
        case .enter:
            let reason = text.trimmingCharacters(in: .whitespaces)
            await give(reason.isEmpty ? nil : reason, for: purpose)
        case .escape:
            cancel(purpose)
        default:
            break
        }
    }

    /// A reason chosen: the rejection is made, or the ban goes on to its y/N question.
    private func give(_ reason: String?, for purpose: Purpose) async {
        switch purpose {
        case .reject:
            await decide(.reject, reason: reason)
        case .ban(var plan):
            plan.reason = reason
            promptedAt = .now
            state.mode = .confirmingBan(plan)
        }
    }

    private func cancel(_ purpose: Purpose) {
        state.mode = .browsing
        state.notice = .info(purpose == .reject ? "reject cancelled; nothing changed" : "ban cancelled; nothing changed")
    }

    /// `t`: the whole thread the comment is part of, the comment marked.
    private func showThread() async {
        guard let item = state.item else { return }
        do {
            let entries = try await store.thread(of: item.comment.id, limit: Self.listLimit)
            state.mode = .viewing(CommentList(kind: .thread, focus: item.comment.id, entries: entries))
        } catch {
            state.notice = .error("cannot read the thread: \(Self.describe(error))")
        }
    }

    /// `c`: the author's newest comments, whatever their status, this one marked.
    private func showAuthorComments() async {
        guard let item = state.item else { return }
        do {
            let comments = try await store.recentComments(ofAuthor: item.author.identity, limit: Self.listLimit)
            state.mode = .viewing(
                CommentList(
                    kind: .author(name: item.comment.authorName), focus: item.comment.id,
                    entries: comments.map { ThreadEntry(comment: $0, depth: 0) }))
        } catch {
            state.notice = .error("cannot read the author's comments: \(Self.describe(error))")
        }
    }

    /// The most a list reads: more than any window shows.
    static let listLimit = 200

    private func scroll(by lines: Int) {
        let limit = screen().bodyScrollLimit()
        state.bodyScroll = min(max(0, state.bodyScroll + lines), limit)
    }
}
