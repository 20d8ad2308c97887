/// The signatures of the comments posted within a time window, searchable for near-copies.
///
/// Lookups go through LSH buckets (`CampaignBanding`), so they cost 21 table reads plus one
/// full comparison per candidate, not one per entry; a large live campaign is itself the candidate
/// list, which is what its matches have to list anyway.
///
/// Entries are kept in arrival order. They leave when older than the window (on `insert`, relative
/// to the inserted entry's time, or on `evict(before:)`) or, oldest first, when there are more than
/// `maxEntries`. Each bucket remembers only its newest entry and each entry the next older one in
/// each of its buckets, so leaving costs nothing but dropping buckets whose newest entry left and
/// the bucket table never outgrows `bandCount` keys per live entry.
///
/// Memory per entry, about 1.2 KB: the signature's 64 slots (256 bytes, in one flat array with
/// every other entry's), a 128-byte block (below), the entry (~100 bytes + key strings longer than
/// 15 bytes), 21 bucket keys and heads in ``BucketHeads`` (16 bytes a slot, at most three-quarters
/// full: 450–900 bytes) and the comment-id lookup. 50 000 entries: about 60 MB. Lookup costs,
/// measured in a release build: ~3 µs against 50 000 unrelated entries; ~1.4 ms when the text
/// belongs to a live campaign of 5 000 entries, which are all returned.
///
/// Most candidates a lookup walks are false (two texts sharing one band by chance: ~180 a lookup
/// against 50 000 entries of the benchmark's texts), and each costs the cache misses of what it
/// reads. So an entry's chain links, its time and a sketch of its slots (their low two bits)
/// share one 128-byte block: the sketch bounds the equal slots from above (equal slots have equal
/// bits), so nearly every false candidate is dropped from its block alone, and only the rest
/// read the slots, 16 at a time, given up as soon as too few are left to reach the threshold.
public struct CampaignIndex: Sendable {
    public let windowMillis: Int64
    public let similarityThreshold: Double
    public let maxEntries: Int

    /// Entry of sequence number s at `entries[s - base]`; nil once evicted, so its strings go at
    /// once, while the slot itself waits for compaction.
    private var entries: [Entry?] = []
    /// The signature slots of entry i at `slots[i * slotCount ..< (i + 1) * slotCount]`.
    private var slots: [UInt32] = []
    /// Entry i's block at `blocks[i * Block.size ..< (i + 1) * Block.size]` (see ``Block``).
    private var blocks: [UInt32] = []
    private var base = 0
    /// Index in `entries` of the oldest live entry.
    private var head = 0
    /// Bucket key → sequence number of its newest entry.
    private(set) var buckets = BucketHeads()
    /// Comment id → sequence number, for `assign`.
    private var sequenceByComment: [Int64: Int] = [:]
    /// The fewest equal slots whose share reaches `similarityThreshold` (65: none does).
    private let neededEqualSlots: Int

    /// - Parameters:
    ///   - windowMillis: how far back a comment's matches are looked for.
    ///   - similarityThreshold: estimated Jaccard similarity from which two texts are near-copies.
    ///     At 0.5, one changed word in a ten-word text (~0.7) and two in a twenty-word one still
    ///     match; comments that only share a topic stay below 0.15.
    ///   - maxEntries: the most entries kept, whatever the window.
    public init(windowMillis: Int64, similarityThreshold: Double = 0.5, maxEntries: Int = 50_000) {
        precondition(windowMillis >= 0 && maxEntries > 0, "the window cannot be negative, the capacity must be positive")
        self.windowMillis = windowMillis
        self.similarityThreshold = similarityThreshold
        self.maxEntries = maxEntries
        neededEqualSlots =
            (0...CampaignSignature.slotCount).first { Double($0) / Double(CampaignSignature.slotCount) >= similarityThreshold }
            ?? CampaignSignature.slotCount + 1
        // Storage reaches twice the live entries (plus 1024) before compaction: reserved once, up
        // to 100,000 entries' worth, so the flat slots never exist twice while being regrown (the
        // pages are only resident once written).
        let stored = min(maxEntries, 50_000) * 2 + 1024
        slots.reserveCapacity(stored * CampaignSignature.slotCount)
        blocks.reserveCapacity(stored * Block.size)
    }

    /// Entries currently kept.
    public var count: Int { entries.count - head }

    /// Slots held for entries, live or awaiting compaction (for tests of the memory bound).
    var storedRecordSlots: Int { entries.count }

    func isLive(_ sequence: Int) -> Bool {
        sequence - base >= head && sequence - base < entries.count
    }

    /// The entry of the live record `sequence` when it is no older than `oldest` and similar
    /// enough to `signature`, else nil.
    /// `sketch` is `signature`'s (``Block/sketch(of:)``), made once per lookup.
    func matchingEntry(
        _ sequence: Int, _ signature: CampaignSignature, sketch: (UInt32, UInt32, UInt32, UInt32), from oldest: Int64
    ) -> Entry? {
        guard isLive(sequence) else { return nil }
        let index = sequence - base
        let passes = withBlock(index) { Block.time($0) >= oldest && Block.equalSketchGroups($0, sketch) >= neededEqualSlots }
        guard passes, hasEnoughEqualSlots(index, signature) else { return nil }
        return entries[index]
    }

    /// Reads the block of entry `index` (an index into `entries`, not a sequence number).
    private func withBlock<Result>(_ index: Int, _ body: (UnsafePointer<UInt32>) -> Result) -> Result {
        blocks.withUnsafeBufferPointer { body($0.baseAddress! + index * Block.size) }
    }

    private func time(ofIndex index: Int) -> Int64 { withBlock(index) { Block.time($0) } }

    /// Whether entry `index` and `signature` agree in at least `neededEqualSlots` slots; counted
    /// 16 slots at a time, and given up once the slots left cannot make up the difference.
    private func hasEnoughEqualSlots(_ index: Int, _ signature: CampaignSignature) -> Bool {
        let count = CampaignSignature.slotCount
        guard signature.slots.count == count else { return false }
        return slots.withUnsafeBufferPointer { stored in
            signature.slots.withUnsafeBufferPointer { theirs in
                let mine = stored.baseAddress! + index * count
                var equal = 0
                var compared = 0
                while compared < count {
                    for offset in compared..<(compared + 16) where mine[offset] == theirs[offset] { equal += 1 }
                    compared += 16
                    if equal >= neededEqualSlots { return true }
                    if equal + (count - compared) < neededEqualSlots { return false }
                }
                return equal >= neededEqualSlots
            }
        }
    }

    /// The live entry with this sequence number, if any.
    func record(_ sequence: Int) -> Entry? {
        isLive(sequence) ? entries[sequence - base] : nil
    }

    /// The next older entry in the same bucket of `band` (maybe no longer live).
    func olderInBucket(than sequence: Int, band: Int) -> Int {
        let distance = blocks[(sequence - base) * Block.size + Block.links + band]
        return distance == 0 ? -1 : sequence - Int(distance)
    }

    /// The indexed entry of a comment, if it is still in the index.
    public func entry(commentId: Int64) -> Entry? {
        sequenceByComment[commentId].flatMap { record($0) }
    }

    /// The oldest time still inside the window that ends at `millis`.
    func windowStart(endingAt millis: Int64) -> Int64 {
        let (start, overflow) = millis.subtractingReportingOverflow(windowMillis)
        return overflow ? .min : start
    }

    /// Indexes a comment; first drops the entries older than its window, then, past `maxEntries`,
    /// the oldest.
    public mutating func insert(_ signature: CampaignSignature, entry: Entry) {
        precondition(signature.slots.count == CampaignSignature.slotCount, "a signature has \(CampaignSignature.slotCount) slots")
        evict(before: windowStart(endingAt: entry.atMillis))
        let sequence = base + entries.count
        entries.append(entry)
        slots += signature.slots
        let sketch = Block.sketch(of: signature)
        for word in [sketch.0, sketch.1, sketch.2, sketch.3] { blocks.append(word) }
        blocks.append(UInt32(truncatingIfNeeded: entry.atMillis))
        blocks.append(UInt32(truncatingIfNeeded: entry.atMillis >> 32))
        for band in 0..<CampaignBanding.bandCount {
            let key = CampaignBanding.key(band: band, of: signature)
            // The next older entry of the bucket, as a distance back (0: none); it is live, so
            // within the entries kept.
            let older = buckets.updateValue(sequence, forKey: key)
            blocks.append(older.map { UInt32(truncatingIfNeeded: sequence - $0) } ?? 0)
        }
        for _ in (Block.links + CampaignBanding.bandCount)..<Block.size { blocks.append(0) }
        sequenceByComment[entry.commentId] = sequence
        while count > maxEntries {
            evictOldest()
        }
    }

    /// Marks the listed comments as members of a campaign; ids no longer indexed are ignored.
    public mutating func assign(campaignId: Int64, to commentIds: [Int64]) {
        for commentId in commentIds {
            guard let sequence = sequenceByComment[commentId] else { continue }
            entries[sequence - base]?.campaignId = campaignId
        }
    }

    /// Drops entries posted before `millis`, oldest first, stopping at the first newer one (entries
    /// are expected in roughly arrival order; a straggler leaves with the ones after it).
    public mutating func evict(before millis: Int64) {
        while head < entries.count, entries[head] != nil, time(ofIndex: head) < millis {
            evictOldest()
        }
    }

    private mutating func evictOldest() {
        guard head < entries.count, let oldest = entries[head] else { return }
        let sequence = base + head
        let count = CampaignSignature.slotCount
        let keys = slots.withUnsafeBufferPointer { slots in
            let own = UnsafeBufferPointer(rebasing: slots[(head * count)..<((head + 1) * count)])
            return (0..<CampaignBanding.bandCount).map { CampaignBanding.key(band: $0, of: own) }
        }
        for key in keys where buckets[key] == sequence {
            // Newer entries in the bucket end their chain here: the link now points below `base + head`.
            buckets[key] = nil
        }
        if sequenceByComment[oldest.commentId] == sequence {
            sequenceByComment[oldest.commentId] = nil
        }
        entries[head] = nil
        head += 1
        compactIfWorthIt()
    }

    /// Drops evicted slots once they are at least half of the storage, so the storage stays within
    /// twice the live entries (plus 1024) and compaction costs amortized O(1) per entry.
    private mutating func compactIfWorthIt() {
        guard head >= 1024 || head == entries.count, head * 2 >= entries.count else { return }
        entries.removeFirst(head)
        slots.removeFirst(head * CampaignSignature.slotCount)
        blocks.removeFirst(head * Block.size)
        base += head
        head = 0
    }
}

extension CampaignIndex {
    /// The layout of an entry's block, 32 words (128 bytes, two cache lines): the sketch (words
    /// 0–3: the low two bits of each of the 64 slots), the time (4–5, low word first), the chain
    /// links (6–26: per band, the distance back to the next older entry of its bucket, 0 for none).
    enum Block {
        static let size = 32
        static let links = 6

        static func sketch(of signature: CampaignSignature) -> (UInt32, UInt32, UInt32, UInt32) {
            var words: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
            for (index, slot) in signature.slots.prefix(CampaignSignature.slotCount).enumerated() {
                let bits = (slot & 3) << UInt32((index % 16) * 2)
                switch index / 16 {
                case 0: words.0 |= bits
                case 1: words.1 |= bits
                case 2: words.2 |= bits
                default: words.3 |= bits
                }
            }
            return words
        }

        @inline(__always)
        static func time(_ block: UnsafePointer<UInt32>) -> Int64 {
            Int64(bitPattern: UInt64(block[5]) << 32 | UInt64(block[4]))
        }

        /// How many of the 64 two-bit groups of the block's sketch equal `sketch`'s: at least the
        /// number of equal slots.
        @inline(__always)
        static func equalSketchGroups(_ block: UnsafePointer<UInt32>, _ sketch: (UInt32, UInt32, UInt32, UInt32)) -> Int {
            func equal(_ a: UInt32, _ b: UInt32) -> Int {
                let differ = a ^ b
                return (~(differ | differ >> 1) & 0x5555_5555).nonzeroBitCount
            }
            return equal(block[0], sketch.0) + equal(block[1], sketch.1) + equal(block[2], sketch.2) + equal(block[3], sketch.3)
        }
    }
}

