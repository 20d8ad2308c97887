import Foundation
import SaringCore
import Testing

@Suite("Classifier model files: readable, exact, and refused with the line when wrong")
struct ClassifierModelFileTests {
    static let valid = """
        # a comment
        format: saring-classifier 1
        features: words 1-2, letters 3-4
        trained-on: fixtures, text column 'text'
        measured: 5-fold cross-validation at threshold 0.50: precision 1.0000 recall 1.0000 f1 1.0000
        bias: -0.500000
        threshold: 0.5
        weights: 3
        +2.000000 w:gacor
        -1.500000 c:_ha
        +0.250000 w:slot gacor

        """

    @Test func aWrittenModelReadsBackEqualAndWritesTheSameBytes() throws {
        let model = try ClassifierModelFile.parse(Self.valid, file: "t.model").get()
        #expect(model.bias == -0.5)
        #expect(model.weights.map(\.feature) == ["w:gacor", "c:_ha", "w:slot gacor"])
        let text = ClassifierModelFile.text(of: model)
        let again = try ClassifierModelFile.parse(text, file: "t.model").get()
        #expect(again == model)
        #expect(ClassifierModelFile.text(of: again) == text)
    }

    @Test func theModelReadsTheWeightsOfTheFeaturesItFinds() throws {
        let model = try ClassifierModelFile.parse(Self.valid, file: "t.model").get()
        // "slot gacor": 19 features, of which w:gacor (+2) and w:slot gacor (+0.25) are known.
        let reading = model.read("slot gacor")
        let expected = 1 / (1 + exp(-(-0.5 + 2.25 / Double(19).squareRoot())))
        #expect(abs(reading.probability - expected) < 1e-6)
        #expect(reading.strongest == [5..<10])  // "slot gacor" overlaps it and weighs less
        #expect(model.read("harga cabai").probability < 0.5)
    }

    @Test(arguments: [
        ("bias: 1\nthreshold: 0.5\nweights: 0\n", "t.model:1: not a Saring model: no 'format: saring-classifier 1' line"),
        ("format: saring-classifier 2\nbias: 1\nthreshold: 0.5\nweights: 0\n", "t.model:1: unknown model format 'saring-classifier 2' (this Saring reads 'saring-classifier 1')"),
        ("format: saring-classifier 1\nbias: x\nthreshold: 0.5\nweights: 0\n", "t.model:2: 'bias' must be a number, not 'x'"),
        ("format: saring-classifier 1\nbias: 1\nthreshold: 1.5\nweights: 0\n", "t.model:3: 'threshold' must be a probability between 0 and 1 (exclusive), not '1.5'"),
        ("format: saring-classifier 1\nbias: 1\nthreshold: 0.5\nweights: 1\nabc w:gacor\n", "t.model:5: a weight line reads '+1.234567 w:word', not 'abc w:gacor'"),
        ("format: saring-classifier 1\nbias: 1\nthreshold: 0.5\nweights: 1\n+1 x:gacor\n", "t.model:5: feature 'x:gacor' must start with 'w:' (words) or 'c:' (letters)"),
        ("format: saring-classifier 1\nbias: 1\nthreshold: 0.5\nweights: 2\n+1 w:a\n+2 w:a\n", "t.model:6: feature 'w:a' appears twice (first on line 5)"),
        ("format: saring-classifier 1\nbias: 1\nthreshold: 0.5\nweights: 3\n+1 w:a\n", "t.model:6: 'weights: 3' but 1 weight lines follow (file cut short?)"),
        ("format: saring-classifier 1\nbias: 1\nthreshold: 0.5\n", "t.model:4: a model needs a 'weights: N' line followed by its weights"),
        ("format: saring-classifier 1\ncolour: red\nbias: 1\nthreshold: 0.5\nweights: 0\n", "t.model:2: unknown key 'colour' (known: format, features, trained-on, measured, bias, threshold, weights)"),
        ("format: saring-classifier 1\nthreshold: 0.5\nweights: 0\n", "t.model:1: a model needs a 'bias'"),
    ])
    func aBrokenFileIsRefusedWithItsLine(text: String, problem: String) {
        switch ClassifierModelFile.parse(text, file: "t.model") {
        case .success: Issue.record("accepted: \(text)")
        case .failure(let error): #expect(error.diagnostics.map(\.description) == [problem])
        }
    }
}
