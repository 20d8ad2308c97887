/// The `.model` files of a policy folder, parsed once each however many rules use them, with a
/// note of which were used so a stray model (a rule renamed, a typo) is reported.
struct ModelFiles {
    private var texts: [String: String] = [:]
    private var parsed: [String: ClassifierModel?] = [:]

    init(_ source: PolicySource) {
        for file in source.files where file.name.hasSuffix(".\(ClassifierModelFile.fileExtension)") {
            texts[file.name] = file.text
        }
    }

    /// The model in `name`, or nil with a diagnostic (once per file for its own problems).
    mutating func model(named name: String, for spec: RuleSpec, into diagnostics: inout [Diagnostic]) -> ClassifierModel? {
        if let known = parsed[name] { return known }
        guard let text = texts[name] else {
            let known = texts.keys.sorted()
            let hint = known.isEmpty ? "the folder has no .model files" : "models here: \(known.joined(separator: ", "))"
            diagnostics.append(
                Diagnostic(file: spec.file, line: spec.line, ruleId: spec.id, message: "classifier file '\(name)' is not in the folder (\(hint))"))
            return nil
        }
        switch ClassifierModelFile.parse(text, file: name) {
        case .success(let model):
            parsed[name] = model
            return model
        case .failure(let error):
            parsed[name] = .some(nil)
            diagnostics += error.diagnostics
            return nil
        }
    }

    /// Model files no rule names.
    func unused() -> [Diagnostic] {
        texts.keys.sorted().filter { parsed[$0] == nil }.map {
            Diagnostic(file: $0, line: 1, message: "no rule uses this model (name it in a rule's 'classifier:')")
        }
    }
}
