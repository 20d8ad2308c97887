import Foundation
import Hummingbird
import SaringCore
import SaringStore

/// The moderators' HTTP API: queues, one comment's whole story, decisions, claims, author
/// standing and bulk rejection — every route under the same rules as the terminal (``ModerationDesk``, ``DecisionRules``),
/// as the moderator whose token made the request. Readers get 401, site keys 403.
struct ModerationController<Context: RemoteAddressRequestContext> {
    /// SQLite or PostgreSQL: every route runs on both.
    let moderation: any ModerationStore
    let settings: ServerSettings
    let abuse: AbuseControls
    let authenticator: Authenticator
    let pages: PageCache

    /// How long a claim lasts unless renewed (`POST …/claim` again), and its bounds.
    static var defaultLease: Int { 600 }
    static var leaseRange: ClosedRange<Int> { 10...3600 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("queue", use: queue)
        group.get("comments/:commentId/moderation", use: detail)
        group.post("comments/:commentId/decision", use: decide)
        group.post("comments/:commentId/claim", use: claim)
        group.delete("comments/:commentId/claim", use: release)
        group.get("bans", use: bans)
        group.post("authors/ban", use: { try await standing($0, $1, .banned) })
        group.post("authors/unban", use: { try await standing($0, $1, .normal) })
        group.post("authors/trust", use: { try await standing($0, $1, .trusted) })
        group.post("bulk/reject", use: bulkReject)
        group.post("batches/:batchId/undo", use: undoBatch)
        group.post("decisions/:decisionId/undo", use: undoDecision)
    }

    /// The moderator whose token made the request (401 or 403 otherwise).
    func moderator(_ request: Request, _ context: Context) async throws -> String {
        try await authenticator.moderator(request, context)
    }


    @Sendable func queue(_ request: Request, context: Context) async throws -> Response {
        _ = try await moderator(request, context)
        let query = request.uri.queryParameters
        var page = try Self.filter(
            kind: query["kind"].map(String.init), article: query["article"].map(String.init), since: query["since"].map(String.init))
        if let author = query["author"].map(String.init) {
            let identity = try Self.identity(author)
            guard try await moderation.author(identity) != nil else {
                throw APIError(.notFound, "author_not_found", "no author \(identity.key)")
            }
            page.authorIdentity = identity.key
        }
        page.limit = try Self.limit(request.uri.queryParameters["limit"].map(String.init))
        page.afterId = try request.uri.queryParameters["cursor"].map { try PageCursor.decode(String($0)) }
        // One more than asked: whether there is a next page, without counting the queue.
        var probe = page
        probe.limit += 1
        let items = try await Self.translating { try await moderation.queue(probe) }
        let shown = Array(items.prefix(page.limit))
        let next = items.count > page.limit ? shown.last.map { PageCursor.encode(afterId: $0.comment.id) } : nil
        return JSONResponse.make(.ok, QueuePageResponse(items: shown.map(QueueItemJSON.init), nextCursor: next))
    }

    @Sendable func bans(_ request: Request, context: Context) async throws -> Response {
        _ = try await moderator(request, context)
        let bans = try await moderation.currentBans()
        return JSONResponse.make(.ok, BansResponse(bans: bans.map(BanJSON.init)))
    }

    @Sendable func detail(_ request: Request, context: Context) async throws -> Response {
        _ = try await moderator(request, context)
        let id = try Self.id(context, "commentId")
        guard let item = try await moderation.queueItem(commentId: id) else { throw Self.notFound(id) }
        let hits = try await moderation.hits(commentId: id)
        let decisions = try await moderation.decisions(commentId: id)
        let author = item.author
        return JSONResponse.make(
            .ok,
            ModerationDetailResponse(
                comment: QueueItemJSON(item), articleTitle: item.articleTitle,
                author: .init(
                    name: author.name, identity: author.identity, standing: author.standing.rawValue, published: author.published,
                    rejected: author.rejected, pending: author.pending),
                hits: hits.map(HitJSON.init), policyVersion: item.policyVersion, claimedBy: item.claimedBy,
                lastDecisionId: item.lastDecisionId, decisions: decisions.map(DecisionJSON.init)))
    }

    @Sendable func decide(_ request: Request, context: Context) async throws -> Response {
        let moderator = try await moderator(request, context)
        let id = try Self.id(context, "commentId")
        let input = try await JSONRequest.decode(DecisionRequest.self, from: request, maxBytes: settings.maxRequestBytes)
        guard let verdict = ModeratorVerdict(rawValue: input.action) else {
            throw APIError(.unprocessableContent, "invalid_action", "action must be approve or reject, got '\(input.action)'")
        }
        let reason = try Self.reason(input.reason, settings)
        let outcome = try await Self.translating {
            try await moderation.decide(
                id, verdict, by: moderator, reason: reason, override: input.override ?? false,
                expectedLastDecision: input.expectedLastDecision)
        }
        if outcome.changed { pages.invalidate(outcome.articleId, at: abuse.millis) }
        return JSONResponse.make(.ok, DecisionResponse(outcome))
    }

    @Sendable func undoDecision(_ request: Request, context: Context) async throws -> Response {
        let moderator = try await moderator(request, context)
        let id = try Self.id(context, "decisionId")
        let override = try await Self.overrideFlag(request, settings)
        let outcome = try await Self.translating { try await moderation.undo(decision: id, by: moderator, override: override) }
        pages.invalidate(outcome.articleId, at: abuse.millis)
        return JSONResponse.make(.ok, DecisionResponse(outcome))
    }

    @Sendable func claim(_ request: Request, context: Context) async throws -> Response {
        let moderator = try await moderator(request, context)
        let id = try Self.id(context, "commentId")
        var seconds = Self.defaultLease
        if request.headers[.contentLength].flatMap(Int.init) ?? 0 > 0 || request.headers[.transferEncoding] != nil {
            seconds = try await JSONRequest.decode(ClaimRequest.self, from: request, maxBytes: settings.maxRequestBytes).seconds ?? seconds
        }
        guard Self.leaseRange.contains(seconds) else {
            throw APIError(
                .unprocessableContent, "invalid_lease",
                "seconds must be \(Self.leaseRange.lowerBound)-\(Self.leaseRange.upperBound), got \(seconds)")
        }
        try await Self.translating {
            if try await moderation.claim(commentId: id, moderator: moderator, lease: .seconds(seconds)) != nil { return }
            guard let item = try await moderation.queueItem(commentId: id) else { throw StoreError.commentNotFound(id: id) }
            throw StoreError.claimedByOther(commentId: id, moderator: item.claimedBy ?? "another moderator")
        }
        let expires = Date(timeIntervalSince1970: Double(abuse.millis) / 1000 + Double(seconds))
        return JSONResponse.make(
            .ok, ClaimResponse(commentId: id, claimedBy: moderator, expiresAt: JSONResponse.timestamp(expires)))
    }

    @Sendable func release(_ request: Request, context: Context) async throws -> Response {
        let moderator = try await moderator(request, context)
        let id = try Self.id(context, "commentId")
        guard let item = try await moderation.queueItem(commentId: id) else { throw Self.notFound(id) }
        if let holder = item.claimedBy, holder != moderator {
            throw APIError(.conflict, "claimed_by_other", "comment \(id) is claimed by \(holder); only they can release it")
        }
        try await Self.translating { try await moderation.releaseClaims(moderator: moderator, commentId: id) }
        return Response(status: .noContent)
    }

    @Sendable func standing(_ request: Request, _ context: Context, _ standing: AuthorStanding) async throws -> Response {
        let moderator = try await moderator(request, context)
        let input = try await JSONRequest.decode(AuthorRequest.self, from: request, maxBytes: settings.maxRequestBytes)
        let identity = try Self.identity(input.author)
        let reason = try Self.reason(input.reason, settings)
        let hours = input.addressHours ?? 48
        guard (0...8_760).contains(hours) else {
            throw APIError(.unprocessableContent, "invalid_address_hours", "addressHours must be 0-8760, got \(hours)")
        }
        let response: AuthorResponse
        switch standing {
        case .banned:
            let outcome = try await Self.translating {
                try await moderation.ban(identity, by: moderator, reason: reason, addressBan: .seconds(hours * 3600), alsoRejecting: nil)
            }
            for article in outcome.articleIds { pages.invalidate(article, at: abuse.millis) }
            response = AuthorResponse(
                author: identity.key, standing: "banned", changed: outcome.batchId != nil, batchId: outcome.batchId,
                rejected: outcome.rejected)
        case .normal:
            let changed = try await Self.translating { try await moderation.unban(identity, by: moderator, reason: reason) }
            response = AuthorResponse(author: identity.key, standing: "normal", changed: changed, batchId: nil, rejected: nil)
        case .trusted:
            let changed = try await Self.translating { try await moderation.trust(identity, by: moderator, reason: reason) }
            response = AuthorResponse(author: identity.key, standing: "trusted", changed: changed, batchId: nil, rejected: nil)
        }
        return JSONResponse.make(.ok, response)
    }

    @Sendable func bulkReject(_ request: Request, context: Context) async throws -> Response {
        let moderator = try await moderator(request, context)
        let input = try await JSONRequest.decode(BulkRejectRequest.self, from: request, maxBytes: settings.maxRequestBytes)
        let selection: BulkSelection
        switch (input.matching, input.campaign) {
        case (let pattern?, nil):
            guard pattern.unicodeScalars.count <= 1_000 else {
                throw APIError(.unprocessableContent, "invalid_pattern", "matching is longer than 1000 characters")
            }
            selection = .matching(pattern: pattern, filter: try Self.filter(kind: input.kind, article: input.article, since: input.since))
        case (nil, let campaign?):
            guard campaign > 0 else { throw APIError(.unprocessableContent, "invalid_campaign", "campaign must be a positive id") }
            selection = .campaign(campaign)
        default:
            throw APIError(.unprocessableContent, "invalid_selection", "give exactly one of matching (a PCRE2 pattern) or campaign (an id)")
        }
        let reason = try Self.reason(input.reason, settings)
        let sampleSize = input.sample ?? 5
        guard (0...100).contains(sampleSize) else {
            throw APIError(.unprocessableContent, "invalid_sample", "sample must be 0-100, got \(sampleSize)")
        }
        let plan: BulkPlan
        do {
            plan = try await Self.translating { try await moderation.plan(selection, except: Set(input.except ?? []), moderator: moderator) }
        } catch let error as BulkSelectionError {
            if case .unknownCampaign = error { throw APIError(.notFound, "campaign_not_found", error.description) }
            throw APIError(.unprocessableContent, "invalid_pattern", error.description)
        }
        let dryRun = input.dryRun ?? false
        let sample = plan.matches.prefix(sampleSize).map { match in
            BulkRejectResponse.QueueSample(
                id: match.comment.id, articleId: match.comment.articleId, authorName: match.comment.authorName, body: match.comment.body,
                spans: match.spans.map { [$0.lowerBound, $0.upperBound] })
        }
        var outcome: BulkOutcome?
        if !dryRun, !plan.matches.isEmpty {
            let done = try await Self.translating { try await moderation.reject(plan, by: moderator, reason: reason) }
            for article in done.articleIds { pages.invalidate(article, at: abuse.millis) }
            outcome = done
        }
        return JSONResponse.make(
            .ok,
            BulkRejectResponse(
                count: plan.matches.count, sample: Array(sample), overBudget: plan.overBudget, excepted: plan.excepted, dryRun: dryRun,
                batchId: outcome?.batchId, decided: dryRun ? nil : outcome?.decided ?? [], skipped: dryRun ? nil : outcome?.skipped ?? []))
    }

    @Sendable func undoBatch(_ request: Request, context: Context) async throws -> Response {
        let moderator = try await moderator(request, context)
        let id = try Self.id(context, "batchId")
        let override = try await Self.overrideFlag(request, settings)
        let outcome = try await Self.translating { try await moderation.undo(batch: id, by: moderator, override: override) }
        for article in outcome.articleIds { pages.invalidate(article, at: abuse.millis) }
        return JSONResponse.make(.ok, BatchUndoResponse(batchId: id, restored: outcome.restored, decidedSince: outcome.decidedSince))
    }
}
