import SaringCore
import Testing

@Suite("Classifier training: deterministic, measured, and it learns")
struct ClassifierTrainerTests {
    static func trainer() -> ClassifierTrainer {
        var trainer = ClassifierTrainer()
        trainer.iterations = 60
        return trainer
    }

    @Test func theSameExamplesGiveTheSameFile() {
        let examples = ClassifierFixtures.examples(count: 20)
        let first = Self.trainer().train(examples, trainedOn: ["fixtures"])
        let second = Self.trainer().train(examples, trainedOn: ["fixtures"])
        #expect(ClassifierModelFile.text(of: first.model) == ClassifierModelFile.text(of: second.model))
        #expect(!first.model.weights.isEmpty)
    }

    @Test func itSeparatesUnseenSpamFromUnseenCommentsAndSaysHowWellItDid() {
        let outcome = Self.trainer().train(ClassifierFixtures.examples(count: 24), trainedOn: ["fixtures"])
        #expect(outcome.crossValidated.tp + outcome.crossValidated.fn == 24)
        #expect(outcome.crossValidated.precision >= 0.9)
        #expect(outcome.crossValidated.recall >= 0.9)
        #expect(outcome.model.measured?.hasPrefix("5-fold cross-validation at threshold 0.50: precision") == true)
        #expect(outcome.model.trainedOn == ["fixtures", "48 texts, 24 positive"])
        #expect(outcome.model.read("buruan daftar di situsjudi77 gacor maxwin depo 10k").probability >= 0.5)
        #expect(outcome.model.read("Warga sekitar pasar minta trotoar diperbaiki").probability < 0.5)
        // The heaviest weights are gambling words, readable at the top of the file.
        let top = outcome.model.weights.prefix(12).filter { $0.weight > 0 }.map(\.feature)
        #expect(top.contains { ["w:gacor", "w:maxwin", "w:depo", "w:jackpot", "w:scatter", "w:bonus", "w:rtp", "w:wd"].contains($0) || $0.hasPrefix("c:") })
    }

    @Test func aMinimumPrecisionRaisesTheThresholdNoLowerThanNeeded() {
        let examples = ClassifierFixtures.examples(count: 24)
        let outcome = Self.trainer().train(examples, minimumPrecision: 0.99, trainedOn: [])
        #expect(outcome.model.threshold >= 0.05 && outcome.model.threshold <= 0.99)
        #expect(outcome.crossValidated.precision >= 0.99)
    }

    @Test func maxFeaturesKeepsTheHeaviestWeights() {
        var trainer = Self.trainer()
        let all = trainer.train(ClassifierFixtures.examples(count: 12), trainedOn: []).model.weights
        trainer.maxFeatures = 10
        let kept = trainer.train(ClassifierFixtures.examples(count: 12), trainedOn: []).model.weights
        #expect(kept.count == 10)
        #expect(kept == Array(all.prefix(10)))
    }
}
