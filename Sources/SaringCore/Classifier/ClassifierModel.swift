import Foundation

/// A linear model over n-grams of normalized text (logistic regression): the learned rule kind.
///
/// A comment's score is `bias + Σ weight(feature) / √(number of features)` over every feature
/// occurrence (see ``NGramFeatures``); its probability is the logistic of the score, and the rule
/// fires at `threshold` or above. The model reads as a file (``ClassifierModelFile``) that an editor
/// can open: the heaviest weights come first.
public struct ClassifierModel: Sendable, Equatable {
    /// A feature by its name (`w:gacor`, `c:_ga`) and weight.
    public struct Weight: Sendable, Equatable {
        public var feature: String
        public var weight: Double

        public init(feature: String, weight: Double) {
            self.feature = feature
            self.weight = weight
        }
    }

    public var bias: Double
    public var threshold: Double
    /// Heaviest first (by absolute weight, then by name).
    public private(set) var weights: [Weight]
    /// What the model was trained on, in the trainer's words (file, columns, rows, licence).
    public var trainedOn: [String]
    /// The trainer's cross-validated figures, as a line of text.
    public var measured: String?
    let table: WeightTable

    public init(bias: Double, threshold: Double, weights: [Weight], trainedOn: [String] = [], measured: String? = nil) {
        self.bias = bias
        self.threshold = threshold
        self.weights = weights.sorted { abs($0.weight) != abs($1.weight) ? abs($0.weight) > abs($1.weight) : $0.feature < $1.feature }
        self.trainedOn = trainedOn
        self.measured = measured
        var table = WeightTable(capacity: weights.count)
        for weight in weights { table.insert(NGramFeatures.key(ofName: weight.feature), Float(weight.weight)) }
        self.table = table
    }

    public static func == (lhs: ClassifierModel, rhs: ClassifierModel) -> Bool {
        lhs.bias == rhs.bias && lhs.threshold == rhs.threshold && lhs.weights == rhs.weights && lhs.trainedOn == rhs.trainedOn
            && lhs.measured == rhs.measured
    }

    /// What the model says about one text, and the pieces of it that weighed most towards firing.
    public struct Reading: Sendable, Equatable {
        public var probability: Double
        /// UTF-8 byte ranges in the normalized text, heaviest first, at most three, not overlapping,
        /// each widened to the whole words it touches (a piece like `ena` tells a moderator nothing;
        /// `kemenangan` does).
        public var strongest: [Range<Int>]
    }

    /// Reads normalized text (UTF-8 bytes).
    public func read(_ text: UnsafeBufferPointer<UInt8>) -> Reading {
        let (count, summed) = table.withLookup { lookup in
            var reading = WeightSum(lookup: lookup)
            let count = NGramFeatures.visit(text, &reading)
            return (count, reading)
        }
        guard count > 0 else { return Reading(probability: Self.logistic(bias), strongest: []) }
        let score = bias + Double(summed.sum) / Double(count).squareRoot()
        return Reading(probability: Self.logistic(score), strongest: summed.top.ranges(widenedToWordsIn: text))
    }

    /// The sum of a text's feature weights and its heaviest features, as the features are visited.
    private struct WeightSum: NGramFeatures.Visitor {
        let lookup: WeightTable.Lookup
        var sum: Float = 0
        var top = StrongestFeatures()

        @inline(__always)
        mutating func visit(_ key: UInt64, _ lower: Int, _ upper: Int) {
            let weight = lookup.weight(key)
            sum += weight
            if weight > top.lightest { top.offer(weight, lower..<upper) }
        }
    }

    public func read(_ normalized: String) -> Reading {
        var copy = normalized
        return copy.withUTF8 { read($0) }
    }

    static func logistic(_ score: Double) -> Double { 1 / (1 + exp(-score)) }
}

/// The few heaviest positive feature occurrences seen so far, kept without allocating per feature.
struct StrongestFeatures {
    private var entries: [(weight: Float, range: Range<Int>)] = []
    static let limit = 6
    /// The weight an occurrence must beat to be kept: read for every feature, so stored.
    private(set) var lightest: Float = 0

    mutating func offer(_ weight: Float, _ range: Range<Int>) {
        if entries.isEmpty { entries.reserveCapacity(Self.limit) }
        if entries.count == Self.limit { entries.removeLast() }
        let index = entries.firstIndex { $0.weight < weight } ?? entries.count
        entries.insert((weight, range), at: index)
        lightest = entries.count < Self.limit ? 0 : entries[entries.count - 1].weight
    }

    /// Up to three ranges, heaviest first, each widened to whole words, skipping any that overlaps
    /// one already taken.
    func ranges(widenedToWordsIn text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var taken: [Range<Int>] = []
        for entry in entries where taken.count < 3 {
            let range = Self.widened(entry.range, in: text)
            if !taken.contains(where: { $0.overlaps(range) }) { taken.append(range) }
        }
        return taken
    }

    static func widened(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 }
        var lower = min(range.lowerBound, text.count)
        var upper = min(range.upperBound, text.count)
        while lower > 0, isWordByte(text[lower - 1]) { lower -= 1 }
        while upper < text.count, isWordByte(text[upper]) { upper += 1 }
        return lower..<upper
    }
}
