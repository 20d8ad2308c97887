import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring.PolicyCommand {
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a classifier model (a .model file for a rule's 'classifier:') from labeled texts.",
            discussion: """
                Either a labeled CSV file (--dataset, with --text-column and --label-column) or the \
                moderators' own decisions in the database (--from-db: rejected = 1, approved = 0, as the \
                comments stand now). Prints the cross-validated precision and recall, and writes the model \
                to --out. The same data gives the same file. Name the file in a rule:
                  - id: judol.model
                    classifier: judol.model
                    action: hold
                """)

        @Option(help: "Labeled CSV file with a header row.")
        var dataset: String?

        @Option(help: "Column holding the comment text.")
        var textColumn: String = "text"

        @Option(help: "Column holding the label (1/0, true/false, yes/no).")
        var labelColumn: String = "label"

        @Flag(help: "Learn from the moderators' approve/reject decisions in the database instead.")
        var fromDb = false

        @Option(help: "With --from-db: only comments posted this recently (e.g. 90d).")
        var since: String?

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The model file to write (NAME.model, in the policy folder to use it).")
        var out: String

        @Option(help: "Choose the threshold with at least this cross-validated precision (e.g. 0.99); else 0.5.")
        var minPrecision: Double?

        @Option(help: "Keep at most this many weights, heaviest first.")
        var maxFeatures: Int = 6000

        @Option(help: "A line naming the data's source and licence, written into the file (repeatable).")
        var note: [String] = []

        func validate() throws {
            if (dataset == nil) == !fromDb { throw ValidationError("give either --dataset CSV or --from-db") }
            if since != nil && !fromDb { throw ValidationError("--since goes with --from-db") }
            if let since, AgeParser.seconds(since) == nil {
                throw ValidationError("--since must be an age like 12h, 30d or 90d, got '\(since)'")
            }
            if let minPrecision, !(minPrecision > 0 && minPrecision < 1) {
                throw ValidationError("--min-precision must be between 0 and 1, got \(minPrecision)")
            }
            if maxFeatures < 1 { throw ValidationError("--max-features must be at least 1") }
            if !out.hasSuffix(".\(ClassifierModelFile.fileExtension)") {
                throw ValidationError("--out must name a .model file (a rule's 'classifier:' names it), got '\(out)'")
            }
        }

        func run() async throws {
            var examples: [ClassifierTrainer.Example] = []
            var source: [String] = []
            if let dataset {
                let rows = try LabeledDataset(path: dataset, textColumn: textColumn, labelColumn: labelColumn).rows
                examples = rows.map { ClassifierTrainer.Example(text: $0.text, label: $0.label) }
                source.append("\((dataset as NSString).lastPathComponent), text column '\(textColumn)', label column '\(labelColumn)'")
            } else {
                let start = since.flatMap(AgeParser.seconds).map { Date().addingTimeInterval(-$0) }
                let labels = try await database.withSiteStore { try await $0.moderatorLabels(since: start) }
                examples = labels.map { ClassifierTrainer.Example(text: $0.body, label: $0.rejected) }
                source.append("moderators' decisions" + (since.map { " of the last \($0)" } ?? "") + " (rejected = 1, approved = 0; standing verdicts, erased texts left out)")
            }
            let positives = examples.filter(\.label).count
            guard positives > 0, positives < examples.count else {
                throw CLIError("cannot train on \(Plural.count(examples.count, "text")) with \(positives) positive: both kinds are needed")
            }
            guard examples.count >= 10 else { throw CLIError("cannot train on \(Plural.count(examples.count, "text")): at least 10 are needed") }
            var trainer = ClassifierTrainer()
            trainer.maxFeatures = maxFeatures
            guard let outcome = trainer.train(examples, minimumPrecision: minPrecision, trainedOn: source + note) else {
                throw CLIError(
                    "no threshold reaches a cross-validated precision of \(minPrecision ?? 0) on these texts; nothing written (lower --min-precision or add data)")
            }
            let text = ClassifierModelFile.text(
                of: outcome.model, comment: ["Written by `saring policy train`. Retrain rather than edit the weights; the threshold may be edited."])
            do {
                try text.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw CLIError("\(out): cannot write: \(error.localizedDescription)")
            }
            print(TerminalText.neutralized("trained on \(Plural.count(examples.count, "text")) (\(positives) positive); wrote \(out) (\(Plural.count(outcome.model.weights.count, "weight")))"))
            print(outcome.model.measured ?? "")
        }
    }
}
