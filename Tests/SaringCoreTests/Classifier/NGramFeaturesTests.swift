@testable import SaringCore
import Testing

@Suite("Classifier features: words, word pairs and letter pieces")
struct NGramFeaturesTests {
    @Test func namesOfAShortTextAreWordsPairsAndEdgeMarkedPieces() {
        #expect(
            NGramFeatures.names(in: "slot gacor") == [
                "w:slot", "c:_sl", "c:_slo", "c:slo", "c:slot", "c:lot", "c:lot_", "c:ot_",
                "w:gacor", "w:slot gacor", "c:_ga", "c:_gac", "c:gac", "c:gaco", "c:aco", "c:acor", "c:cor", "c:cor_", "c:or_",
            ])
    }

    @Test(arguments: [
        "main slot gacor hari ini, depo 25k!!", "Harga cabai naik lagi; warga mengeluh.", "ÅSÍK bänget 🎰🎰 zeus4d",
        "satu", "a b", "", "   ,,, ", "kata🔥api", "\(String(repeating: "x", count: 50)) dan panjang sekali",
        "Ελληνικά και русский текст 123",
    ])
    func hashesWhileJudgingEqualTheHashesOfTheNamesInTheSameOrder(text: String) {
        var copy = text
        let keys = copy.withUTF8 { bytes in
            var keys: [UInt64] = []
            NGramFeatures.forEach(in: bytes) { keys.append($0.key) }
            return keys
        }
        #expect(keys == NGramFeatures.names(in: text).map(NGramFeatures.key(ofName:)))
    }

    @Test func eachOccurrenceCoversTheBytesItNames() {
        let text = "main slot gacor"
        var copy = text
        let covered = copy.withUTF8 { bytes in
            var covered: [String] = []
            NGramFeatures.forEach(in: bytes) { covered.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.range]), as: UTF8.self)) }
            return covered
        }
        let names = NGramFeatures.names(in: text)
        #expect(covered.count == names.count)
        for (name, piece) in zip(names, covered) {
            #expect(piece == String(name.dropFirst(2)).replacingOccurrences(of: "_", with: ""), "\(name)")
        }
    }
}
