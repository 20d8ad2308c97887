import Testing

@testable import SaringCore

@Suite("Campaign index: memory stays bounded")
struct CampaignIndexMemoryTests {
    /// Distinct, informative texts: ten words drawn from forty, each text its own set of buckets.
    static func uniqueSignature(_ number: Int) -> CampaignSignature {
        let words = [
            "banjir", "tanggul", "pompa", "warga", "posko", "relawan", "perahu", "sungai", "hujan", "lumpur",
            "harga", "bensin", "solar", "antrean", "subsidi", "ojol", "nelayan", "sembako", "gaji", "pajak",
            "timnas", "wasit", "penalti", "kiper", "gol", "suporter", "stadion", "tiket", "pelatih", "liga",
            "sekolah", "guru", "jalan", "macet", "kereta", "bandara", "pasar", "beras", "cabai", "listrik",
        ]
        var random = SeededRandom(seed: UInt64(number))
        let text = (0..<10).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
        return CampaignSignature(normalizedText: text, minimumInformativeTokens: 1)!
    }

    @Test func bucketsAndStorageStayBoundedAfterThreeTimesMaxEntries() {
        let maxEntries = 500
        var index = CampaignIndex(windowMillis: .max / 2, maxEntries: maxEntries)
        var largestBucketCount = 0
        for number in 0..<(3 * maxEntries) {
            let entry = CampaignIndex.Entry(
                commentId: Int64(number), authorKey: "u\(number)", clientKey: nil, articleId: "a", atMillis: Int64(number))
            index.insert(Self.uniqueSignature(number), entry: entry)
            largestBucketCount = max(largestBucketCount, index.buckets.count)
        }
        #expect(index.count == maxEntries)
        #expect(largestBucketCount <= maxEntries * CampaignBanding.bandCount)
        #expect(index.buckets.count <= maxEntries * CampaignBanding.bandCount)
        #expect(index.storedRecordSlots <= 2 * maxEntries + 1024)
        #expect(index.entry(commentId: 0) == nil)
        #expect(index.entry(commentId: Int64(3 * maxEntries - 1)) != nil)
    }

    @Test func evictingEverythingEmptiesTheBuckets() {
        var index = CampaignIndex(windowMillis: 1_000, maxEntries: 100)
        for number in 0..<250 {
            let entry = CampaignIndex.Entry(
                commentId: Int64(number), authorKey: "u", clientKey: nil, articleId: "a", atMillis: Int64(number))
            index.insert(Self.uniqueSignature(number), entry: entry)
        }
        index.evict(before: 10_000)
        #expect(index.count == 0)
        #expect(index.buckets.isEmpty)
        #expect(index.storedRecordSlots == 0)
    }
}
