import Foundation

/// The text form of a ``ClassifierModel``, kept in a policy folder as `NAME.model`:
///
/// ```
/// # comment lines
/// format: saring-classifier 1
/// features: words 1-2, letters 3-4
/// trained-on: judol-youtube-dev.csv, column text, label label, 13026 rows (5012 positive)
/// measured: 5-fold cross-validation at threshold 0.5: precision 0.9921 recall 0.9702
/// bias: -1.234567
/// threshold: 0.5
/// weights: 2
/// +3.218734 w:gacor
/// -1.002100 c:gaco
/// ```
///
/// Heaviest weights first, so the top of the file is what the model looks for. Writing the same
/// model gives the same bytes.
public enum ClassifierModelFile {
    public static let fileExtension = "model"
    static let format = "saring-classifier 1"
    static let features = "words 1-2, letters 3-4"

    public static func text(of model: ClassifierModel, comment: [String] = []) -> String {
        var lines = comment.map { "# \($0)" }
        lines.append("format: \(format)")
        lines.append("features: \(features)")
        for line in model.trainedOn { lines.append("trained-on: \(line)") }
        if let measured = model.measured { lines.append("measured: \(measured)") }
        lines.append("bias: \(number(model.bias))")
        lines.append("threshold: \(number(model.threshold))")
        lines.append("weights: \(model.weights.count)")
        for weight in model.weights {
            lines.append("\(weight.weight >= 0 ? "+" : "")\(number(weight.weight)) \(weight.feature)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Six decimals: enough for the model, and the same text on every machine.
    static func number(_ value: Double) -> String {
        let text = String(format: "%.6f", value)
        return text == "-0.000000" ? "0.000000" : text
    }

    /// - Returns: the model, or every problem with its line.
    public static func parse(_ text: String, file: String) -> Result<ClassifierModel, PolicyError> {
        var diagnostics: [Diagnostic] = []
        func problem(_ line: Int, _ message: String) { diagnostics.append(Diagnostic(file: file, line: line, message: message)) }
        var bias: Double? = nil
        var threshold: Double? = nil
        var trainedOn: [String] = []
        var measured: String? = nil
        var declaredWeights: Int? = nil
        var sawFormat = false
        var weights: [ClassifierModel.Weight] = []
        var seen: [String: Int] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            if declaredWeights != nil {
                guard let space = line.firstIndex(of: " "), let weight = Double(line[..<space]), weight.isFinite else {
                    problem(number, "a weight line reads '+1.234567 w:word', not '\(line.prefix(60))'")
                    continue
                }
                let feature = String(line[line.index(after: space)...])
                guard feature.hasPrefix("w:") || feature.hasPrefix("c:"), feature.count > 2 else {
                    problem(number, "feature '\(feature.prefix(60))' must start with 'w:' (words) or 'c:' (letters)")
                    continue
                }
                if let first = seen[feature] {
                    problem(number, "feature '\(feature)' appears twice (first on line \(first))")
                    continue
                }
                seen[feature] = number
                weights.append(ClassifierModel.Weight(feature: feature, weight: weight))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                problem(number, "expected 'key: value', found '\(line.prefix(60))'")
                continue
            }
            let key = line[..<colon]
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "format":
                sawFormat = true
                if value != format { problem(number, "unknown model format '\(value)' (this Saring reads '\(format)')") }
            case "features":
                if value != features { problem(number, "unknown features '\(value)' (this Saring reads '\(features)')") }
            case "trained-on": trainedOn.append(value)
            case "measured": measured = value
            case "bias":
                bias = Double(value).flatMap { $0.isFinite ? $0 : nil }
                if bias == nil { problem(number, "'bias' must be a number, not '\(value)'") }
            case "threshold":
                threshold = Double(value)
                if let value = threshold, value > 0, value < 1 {} else {
                    problem(number, "'threshold' must be a probability between 0 and 1 (exclusive), not '\(value)'")
                    threshold = nil
                }
            case "weights":
                guard let count = Int(value), count >= 0 else {
                    problem(number, "'weights' must give the number of weight lines that follow, not '\(value)'")
                    return .failure(PolicyError(diagnostics))
                }
                declaredWeights = count
            default:
                problem(number, "unknown key '\(key)' (known: format, features, trained-on, measured, bias, threshold, weights)")
            }
        }
        if !sawFormat { problem(1, "not a Saring model: no 'format: \(format)' line") }
        if bias == nil && !diagnostics.contains(where: { $0.message.hasPrefix("'bias'") }) { problem(1, "a model needs a 'bias'") }
        if threshold == nil && !diagnostics.contains(where: { $0.message.hasPrefix("'threshold'") }) { problem(1, "a model needs a 'threshold'") }
        if let declaredWeights, declaredWeights != weights.count, diagnostics.isEmpty {
            problem(lines.count, "'weights: \(declaredWeights)' but \(weights.count) weight lines follow (file cut short?)")
        }
        if declaredWeights == nil { problem(lines.count, "a model needs a 'weights: N' line followed by its weights") }
        guard diagnostics.isEmpty, let bias, let threshold else { return .failure(PolicyError(diagnostics)) }
        return .success(ClassifierModel(bias: bias, threshold: threshold, weights: weights, trainedOn: trainedOn, measured: measured))
    }
}
