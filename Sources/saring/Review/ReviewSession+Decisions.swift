import SaringCore
import SaringStore

// The moderation desk's use cases behind the keys. A refusal (decided meanwhile, claimed by
// another moderator, database busy) becomes the notice line; nothing here ends the session.
extension ReviewSession {
    var desk: ModerationDesk { ModerationDesk(store: store, moderator: moderator) }

    func decide(_ verdict: ModeratorVerdict, reason: String?) async {
        guard let item = state.item else { return }
        let id = item.comment.id
        do {
            // The queue put the comment before this moderator with its history on screen: deciding it
            // again over another moderator's earlier word is the point of the reported queue. A decision
            // made since it was shown is still refused (expectedLastDecision).
            let outcome = try await desk.decide(
                id, verdict, reason: reason, override: true, expectedLastDecision: item.lastDecisionId)
            if outcome.changed { undoStack.append(.decision(id: outcome.decision.id, commentId: id, verdict: verdict)) }
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
        // First why (recorded with the ban and each rejection it makes), then y/N.
        state.mode = .choosingReason(
            .ban(
                BanPlan(
                    identity: item.author.identity, name: item.comment.authorName, previousStanding: author.standing,
                    pendingCount: author.pending, rejectsShownComment: rejectsShown)))
    }

    func ban(_ plan: BanPlan) async {
        guard let item = state.item else { return }
        let id = item.comment.id
        do {
            let outcome = try await desk.ban(
                AuthorIdentity(moderatorInput: plan.identity), reason: plan.reason ?? "banned while reviewing comment \(id)",
                alsoRejecting: item.comment.status == .rejected ? nil : id)
            let rejected = outcome.rejected
            let shownPublished = item.comment.status == .published && rejected.contains(id)
            var text = "banned \(TextWidth.singleLine(plan.name)); rejected \(rejected.count - (shownPublished ? 1 : 0)) pending"
            if shownPublished { text += " and #\(id)" }
            if let batchId = outcome.batchId { undoStack.append(.ban(plan, commentId: id, batchId: batchId, rejected: rejected)) }
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
