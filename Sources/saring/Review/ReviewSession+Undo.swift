import SaringCore
import SaringStore

// `u`: takes back this session's last decision (or ban, as its batch) through the desk's undo,
// which appends to the history rather than erasing it, then shows that comment again under a fresh claim.
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
                try await desk.undo(decision: id)
                if verdict == .approve { tally.approved -= 1 } else { tally.rejected -= 1 }
                text = "undid \(verdict.rawValue) of #\(commentId)"
            case .ban(let plan, _, let batchId, let rejected):
                let outcome = try await desk.undo(batch: batchId)
                tally.banned -= 1
                tally.rejected -= outcome.restored.count
                let back = outcome.restored.count
                text =
                    "undid ban of \(TextWidth.singleLine(plan.name)); \(Plural.count(back, "comment")) back"
                    + (outcome.decidedSince.isEmpty
                        ? "" : "; decided since, left as they are: " + outcome.decidedSince.map { "#\($0)" }.joined(separator: " "))
                _ = rejected
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
            state.remaining = (try? await store.queueCount(filter, excluding: [])) ?? state.remaining
            shownAt = .now
            return
        }
        state.item = nil
        state.notice?.text += "; #\(target) is back in the queue but another moderator has it"
        await advance()
    }
}
