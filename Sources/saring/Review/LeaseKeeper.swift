import SaringStore

/// Renews this moderator's claims while the review screen is open, in its own task so a slow
/// store call in the screen's loop never lets a claim lapse. When the process dies, renewals stop
/// and the claim expires after one lease.
struct LeaseKeeper {
    let store: any ModerationStore
    let moderator: String
    let lease: Duration

    /// Starts renewing, three times per lease; cancel the task to stop.
    func start() -> Task<Void, Never> {
        let interval = max(lease / 3, .milliseconds(200))
        return Task { [store, moderator, lease] in
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                // A failed renewal (database busy) is retried on the next round; the lease has
                // room for two misses.
                try? await store.renewClaims(moderator: moderator, lease: lease)
            }
        }
    }
}
