import SaringCore
import SaringStore

// `u`: takes back this session's last decision (or ban) through the store's undo, which appends
// to the history rather than erasing it, then shows that comment again under a fresh claim.
extension ReviewSession {
    func undo() async {
        guard let entry = undoStack.popLast() else {
            state.notice = .info("nothing to undo in this session")
            return
        }
        let text: String
        do {
            switch entry {
            case .decision(let id, let commentId, let verdict):
                try await store.undo(decisionId: id, moderator: moderator)
                if verdict == .approve { tally.approved -= 1 } else { tally.rejected -= 1 }
                text = "undid \(verdict.rawValue) of #\(commentId)"
            case .ban(let plan, _, let rejected):
                try await store.setStanding(
                    plan.previousStanding, of: AuthorIdentity(moderatorInput: plan.identity), moderator: moderator,
                    reason: "undo of ban")
                var notRestored: [Int64] = []
                for commentId in rejected {
                    // Only this moderator's rejection, still the newest decision, is taken back.
                    let last = try await store.decisions(commentId: commentId).last
                    if let last, last.actor == .moderator, last.decidedBy == moderator, last.action == "reject",
                        (try? await store.undo(decisionId: last.id, moderator: moderator)) != nil
                    {
                        continue
                    }
                    notRestored.append(commentId)
                }
                tally.banned -= 1
                tally.rejected -= rejected.count - notRestored.count
                text =
                    "undid ban of \(TextWidth.singleLine(plan.name)); \(rejected.count - notRestored.count) comments back"
                    + (notRestored.isEmpty
                        ? "" : "; decided since, left as they are: " + notRestored.map { "#\($0)" }.joined(separator: " "))
            }
        } catch {
            state.notice = .error(Self.describe(error))
            return
        }
        state.notice = .info(text)
        await show(entry.commentId)
    }

    /// Claims `target` and shows it, the current comment going back to the queue.
    private func show(_ target: Int64) async {
        skipped.remove(target)
        state.skipped = skipped.count
        if let current = state.item?.comment.id, current != target {
            try? await store.releaseClaims(moderator: moderator, commentId: current)
        }
        if let item = try? await store.claim(commentId: target, moderator: moderator, lease: lease) {
            state.item = item
            state.mode = .browsing
            state.bodyScroll = 0
            state.remaining = (try? await store.queueCount(filter)) ?? state.remaining
            shownAt = .now
            return
        }
        state.item = nil
        state.notice?.text += "; #\(target) is back in the queue but another moderator has it"
        await advance()
    }
}
