import ArgumentParser
import Foundation
import SaringCore

extension Saring.PolicyCommand {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure a category of rules against a labeled CSV file.",
            discussion: """
                Runs the judge over every row and counts whether a rule of the category fired against the \
                label (1/true/yes = positive). Prints the confusion counts and precision, recall and F1.
                """)

        @OptionGroup var policy: PolicyOptions

        @Option(help: "Labeled CSV file with a header row.")
        var dataset: String

        @Option(help: "Column holding the comment text.")
        var textColumn: String = "text"

        @Option(help: "Column holding the label (1/0, true/false, yes/no).")
        var labelColumn: String = "label"

        @Option(help: "Rule category to measure, e.g. judol or kasar.")
        var category: String

        @Flag(help: "Count shadow rules' hits too.")
        var includeShadow = false

        @Option(help: "Print up to N misclassified texts of each kind (false positives, misses).")
        var show: Int = 0

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() throws {
            let loaded = try policy.load()
            let rows = try LabeledDataset(path: dataset, textColumn: textColumn, labelColumn: labelColumn).rows
            var evaluation = Evaluation()
            var falsePositives: [String] = []
            var misses: [String] = []
            for (text, actual) in rows {
                let predicted = loaded.fires(category: category, on: text, includeShadow: includeShadow)
                evaluation.add(predicted: predicted, actual: actual)
                if predicted && !actual && falsePositives.count < show { falsePositives.append(text) }
                if !predicted && actual && misses.count < show { misses.append(text) }
            }
            if json {
                print(try EvaluationJSON(evaluation).jsonLine())
            } else {
                print(TerminalText.neutralized("category \(category) on \(dataset) (\(Plural.count(evaluation.tp + evaluation.fp + evaluation.fn + evaluation.tn, "row")), policy \(loaded.version))"))
                print("tp \(evaluation.tp)  fp \(evaluation.fp)  fn \(evaluation.fn)  tn \(evaluation.tn)")
                print(String(format: "precision %.4f  recall %.4f  f1 %.4f", evaluation.precision, evaluation.recall, evaluation.f1))
            }
            for text in falsePositives { print("FP: \(TerminalText.neutralized(text, lineBreaks: .spaces))") }
            for text in misses { print("FN: \(TerminalText.neutralized(text, lineBreaks: .spaces))") }
        }
    }
}

struct EvaluationJSON: Encodable {
    let tp, fp, fn, tn: Int
    let precision, recall, f1: Double

    init(_ evaluation: Evaluation) {
        tp = evaluation.tp
        fp = evaluation.fp
        fn = evaluation.fn
        tn = evaluation.tn
        precision = evaluation.precision
        recall = evaluation.recall
        f1 = evaluation.f1
    }
}
