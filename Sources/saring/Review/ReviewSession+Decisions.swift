import SaringCore
import SaringStore

// The store calls behind the keys. A refusal by the store (decided meanwhile, claimed by another
// moderator, database busy) becomes the notice line; nothing here ends the session.
extension ReviewSession {
    func decide(_ verdict: ModeratorVerdict, reason: String?) async {
        guard let item = state.item else { return }
        let id = item.comment.id
        do {
            let decision = try await store.decide(
                commentId: id, verdict, moderator: moderator, reason: reason, expectedLastDecision: item.lastDecisionId)
            undoStack.append(.decision(id: decision.id, commentId: id, verdict: verdict))
            if verdict == .approve { tally.approved += 1 } else { tally.rejected += 1 }
            let because = reason.map { " (\(TextWidth.singleLine($0)))" } ?? ""
            state.notice = .info((verdict == .approve ? "approved #\(id)" : "rejected #\(id)\(because)") + " · u undoes")
            await advance()
        } catch let error as StoreError {
            switch error {
            case .decidedMeanwhile, .claimedByOther, .commentNotFound:
                // Not ours to decide any more: say why and move on.
                state.notice = .error(error.description)
                await advance()
            default:
                state.mode = .browsing
                state.notice = .error("\(error.description); nothing was recorded, try again")
            }
        } catch {
            state.mode = .browsing
            state.notice = .error("\(Self.describe(error)); nothing was recorded, try again")
        }
    }

    func skip() async {
        guard let item = state.item else { return }
        skipped.insert(item.comment.id)
        state.skipped = skipped.count
        tally.skipped += 1
        state.notice = .info("skipped #\(item.comment.id); it stays in the queue for others")
        await advance()
    }

    /// Reads the author's current pending count and asks for confirmation.
    func prepareBan() async {
        guard let item = state.item else { return }
        let identity = AuthorIdentity(moderatorInput: item.author.identity)
        let author = (try? await store.author(identity)) ?? item.author
        let rejectsShown = item.comment.status == .published
        state.notice = nil
        promptedAt = .now
        state.mode = .confirmingBan(
            BanPlan(
                identity: item.author.identity, name: item.comment.authorName, previousStanding: author.standing,
                pendingCount: author.pending, rejectsShownComment: rejectsShown))
    }

    func ban(_ plan: BanPlan) async {
        guard let item = state.item else { return }
        let id = item.comment.id
        do {
            var rejected = try await store.setStanding(
                .banned, of: AuthorIdentity(moderatorInput: plan.identity), moderator: moderator,
                reason: "banned while reviewing comment \(id)")
            var text = "banned \(TextWidth.singleLine(plan.name)); rejected \(rejected.count) pending"
            if plan.rejectsShownComment {
                do {
                    try await store.decide(
                        commentId: id, .reject, moderator: moderator, reason: "author banned",
                        expectedLastDecision: item.lastDecisionId)
                    rejected.append(id)
                    text += " and #\(id)"
                } catch {
                    text += "; #\(id) not rejected: \(Self.describe(error))"
                }
            }
            undoStack.append(.ban(plan, commentId: id, rejected: rejected))
            tally.banned += 1
            tally.rejected += rejected.count
            state.notice = .info(text + " · u undoes")
            await advance()
        } catch {
            state.mode = .browsing
            state.notice = .error("ban not recorded: \(Self.describe(error))")
        }
    }
}
