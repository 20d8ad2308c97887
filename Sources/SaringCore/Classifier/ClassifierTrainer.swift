import Foundation

/// Trains a ``ClassifierModel``: logistic regression with L2 regularization by full-batch Adam,
/// deterministic (no random order, no clock), so the same examples always give the same file.
public struct ClassifierTrainer: Sendable {
    public struct Example: Sendable {
        public var text: String
        public var label: Bool

        public init(text: String, label: Bool) {
            self.text = text
            self.label = label
        }
    }

    /// Features kept in the written model, heaviest first; the rest weigh too little to matter.
    public var maxFeatures = 6000
    /// A feature must occur in this many training texts to be learned at all.
    public var minTexts = 2
    public var iterations = 160
    public var learningRate = 0.08
    public var l2 = 2e-5
    public var folds = 5
    let normalizer = TextNormalizer()

    public init() {}

    /// A trained model with its cross-validated figures.
    public struct Outcome: Sendable {
        public var model: ClassifierModel
        public var crossValidated: Evaluation
    }

    /// Trains on every example after measuring by `folds`-fold cross-validation (example `i` is held
    /// out in fold `i % folds`). With `minimumPrecision`, the threshold is the lowest at which the
    /// cross-validated precision reaches it (recall as high as that allows); else 0.5.
    ///
    /// - Returns: nil when no threshold reaches `minimumPrecision`.
    public func train(_ examples: [Example], minimumPrecision: Double? = nil, trainedOn: [String]) -> Outcome? {
        let normalized = examples.map { normalizer.normalize($0.text).text }
        let names = normalized.map(NGramFeatures.names(in:))
        var heldOut = [Double](repeating: 0, count: examples.count)
        if folds >= 2 && examples.count >= folds * 2 {
            for fold in 0..<folds {
                let training = examples.indices.filter { $0 % folds != fold }
                let model = fit(names, examples, training, threshold: 0.5)
                for index in examples.indices where index % folds == fold {
                    heldOut[index] = model.read(normalized[index]).probability
                }
            }
        }
        var threshold = 0.5
        if let minimumPrecision {
            guard let chosen = chooseThreshold(heldOut, examples, minimumPrecision: minimumPrecision) else { return nil }
            threshold = chosen
        }
        var evaluation = Evaluation()
        for (index, example) in examples.enumerated() { evaluation.add(predicted: heldOut[index] >= threshold, actual: example.label) }
        var model = fit(names, examples, Array(examples.indices), threshold: threshold)
        let positives = examples.filter(\.label).count
        model.trainedOn = trainedOn + ["\(examples.count) texts, \(positives) positive"]
        model.measured = String(
            format: "%d-fold cross-validation at threshold %.2f: precision %.4f recall %.4f f1 %.4f",
            folds, threshold, evaluation.precision, evaluation.recall, evaluation.f1)
        return Outcome(model: model, crossValidated: evaluation)
    }

    /// The lowest threshold (in steps of 0.01) whose precision on held-out texts reaches the target,
    /// or nil when none does.
    func chooseThreshold(_ probabilities: [Double], _ examples: [Example], minimumPrecision: Double) -> Double? {
        for step in 5...99 {
            let threshold = Double(step) / 100
            var evaluation = Evaluation()
            for (index, example) in examples.enumerated() { evaluation.add(predicted: probabilities[index] >= threshold, actual: example.label) }
            if evaluation.tp > 0 && evaluation.precision >= minimumPrecision { return threshold }
        }
        return nil
    }

    /// Fits one model on the examples at `indices`.
    func fit(_ allNames: [[String]], _ examples: [Example], _ indices: [Int], threshold: Double) -> ClassifierModel {
        // Vocabulary: features in at least `minTexts` training texts, numbered in name order.
        var textCounts: [String: Int] = [:]
        let featureNames = indices.map { allNames[$0] }
        for names in featureNames {
            for name in Set(names) { textCounts[name, default: 0] += 1 }
        }
        let vocabulary = textCounts.filter { $0.value >= minTexts }.keys.sorted()
        var number: [String: Int32] = [:]
        for (offset, name) in vocabulary.enumerated() { number[name] = Int32(offset) }
        // Each text as (feature, value) pairs, value = count / √(all feature occurrences).
        var rows: [[(Int32, Double)]] = []
        rows.reserveCapacity(indices.count)
        for names in featureNames {
            var counts: [Int32: Int] = [:]
            for name in names { if let feature = number[name] { counts[feature, default: 0] += 1 } }
            let scale = names.isEmpty ? 0 : 1 / Double(names.count).squareRoot()
            rows.append(counts.sorted { $0.key < $1.key }.map { ($0.key, Double($0.value) * scale) })
        }
        let labels = indices.map { examples[$0].label ? 1.0 : 0.0 }
        let (weights, bias) = optimize(rows, labels, featureCount: vocabulary.count)
        let kept = vocabulary.indices
            .filter { weights[$0] != 0 }
            .sorted { abs(weights[$0]) != abs(weights[$1]) ? abs(weights[$0]) > abs(weights[$1]) : vocabulary[$0] < vocabulary[$1] }
            .prefix(maxFeatures)
        let modelWeights = kept.map { ClassifierModel.Weight(feature: vocabulary[$0], weight: Self.rounded(weights[$0])) }
        return ClassifierModel(bias: Self.rounded(bias), threshold: threshold, weights: modelWeights)
    }

    /// Full-batch Adam on the mean logistic loss plus `l2`·‖w‖².
    func optimize(_ rows: [[(Int32, Double)]], _ labels: [Double], featureCount: Int) -> ([Double], Double) {
        var weights = [Double](repeating: 0, count: featureCount)
        var bias = 0.0
        var firstMoment = [Double](repeating: 0, count: featureCount + 1)
        var secondMoment = [Double](repeating: 0, count: featureCount + 1)
        var gradient = [Double](repeating: 0, count: featureCount + 1)
        let count = Double(max(rows.count, 1))
        let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)
        for step in 1...max(iterations, 1) {
            for index in gradient.indices { gradient[index] = 0 }
            for (row, label) in zip(rows, labels) {
                var score = bias
                for (feature, value) in row { score += weights[Int(feature)] * value }
                let error = ClassifierModel.logistic(score) - label
                for (feature, value) in row { gradient[Int(feature)] += error * value }
                gradient[featureCount] += error
            }
            let correction1 = 1 - pow(beta1, Double(step))
            let correction2 = 1 - pow(beta2, Double(step))
            for index in 0...featureCount {
                var g = gradient[index] / count
                if index < featureCount { g += 2 * l2 * weights[index] }
                firstMoment[index] = beta1 * firstMoment[index] + (1 - beta1) * g
                secondMoment[index] = beta2 * secondMoment[index] + (1 - beta2) * g * g
                let change = learningRate * (firstMoment[index] / correction1) / ((secondMoment[index] / correction2).squareRoot() + epsilon)
                if index < featureCount { weights[index] -= change } else { bias -= change }
            }
        }
        return (weights, bias)
    }

    /// Weights as the file writes them, so a model read back from its file judges exactly alike.
    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
}
