extension CampaignIndex {
    /// The entries posted at most `windowMillis` before `atMillis` whose similarity to `signature`
    /// reaches the threshold, oldest first: the newest `limit` of them, and looking at no more than
    /// `4 × limit` candidates, so a lookup costs the same whether a campaign has 20 members or
    /// 20,000 (the newest members carry its id and are enough to count its sources).
    ///
    /// Each band's bucket is a chain from newest to oldest; the chains are walked together, always
    /// taking the newest sequence number next, so a candidate found in several bands (a near-copy
    /// shares most of them) is verified once, without a set or a sort.
    public func matches(_ signature: CampaignSignature, atMillis: Int64, limit: Int = .max) -> CampaignMatch {
        let oldest = windowStart(endingAt: atMillis)
        let sketch = Block.sketch(of: signature)
        var cursors = (0..<CampaignBanding.bandCount).map { band in
            buckets[CampaignBanding.key(band: band, of: signature)] ?? -1
        }
        var newestFirst: [Entry] = []
        let maxCandidates = limit > Int.max / 4 ? Int.max : limit * 4
        var examined = 0
        while newestFirst.count < limit, examined < maxCandidates {
            var next = -1
            for cursor in cursors where cursor > next && isLive(cursor) {
                next = cursor
            }
            guard next >= 0, isLive(next) else { break }
            examined += 1
            for band in cursors.indices where cursors[band] == next {
                let older = olderInBucket(than: next, band: band)
                cursors[band] = older < next ? older : -1  // chains only go back; never loop on a key collision
            }
            // Compared in place: most candidates do not match, and copying a record out (its
            // signature and key strings, retained and released) cost more than comparing it.
            if let entry = matchingEntry(next, signature, sketch: sketch, from: oldest) { newestFirst.append(entry) }
        }
        return CampaignMatch(entries: newestFirst.reversed())
    }
}
