import ArgumentParser
import Foundation
import SaringCore

extension Saring.PolicyCommand {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Judge one text with a policy folder and show why.",
            discussion: "Shows the status, score, every hit with its span highlighted in the original text, and the normalized text.")

        @OptionGroup var policy: PolicyOptions

        @Argument(help: "The comment text, or - to read it from standard input.")
        var text: String?

        @Option(help: "Read the comment text from this file.")
        var file: String?

        @Option(help: "Author name to judge along with the text.")
        var author: String = "Pembaca"

        @Flag(help: "Print the verdict as JSON.")
        var json = false

        func validate() throws {
            if (text == nil) == (file == nil) { throw ValidationError("give the text as an argument, - for stdin, or --file F (one of them)") }
            // `saring policy test Policies` reads as "test this folder", but would judge the word "Policies"
            // and say published: a folder named as the text is refused rather than judged.
            var isFolder: ObjCBool = false
            if let text, text != "-", FileManager.default.fileExists(atPath: text, isDirectory: &isFolder), isFolder.boolValue {
                throw ValidationError(
                    "'\(text)' is a folder, not a text to judge: give the folder as --policies \(text) and the comment text as the argument; "
                        + "`saring policy check \(text)` runs its rules' examples (to judge a text that is also a folder's name, pass it on stdin with -)")
            }
        }

        func run() throws {
            let body = try readText()
            let loaded = try policy.load()
            let draft = CommentDraft(articleId: "test", authorName: author, authorEmail: nil, body: body, parentId: nil)
            let verdict = loaded.judge(draft, context: JudgeContext(standing: .trusted, approvedComments: Int.max))
            let normalized = loaded.normalize(body).text
            if json {
                print(try VerdictJSON(verdict, normalized: normalized).jsonLine())
                return
            }
            let style = TerminalStyle.forStandardOutput()
            let say = { (line: String) in print(TerminalText.neutralized(line)) }
            say("status:     \(verdict.status.rawValue)\(verdict.flagged ? " (flagged)" : "")")
            say("score:      \(verdict.score.formatted())")
            say("policy:     \(verdict.policyVersion)")
            print("normalized: \(TerminalText.neutralized(normalized, lineBreaks: .kept))")
            // Neutralized before highlighting: the highlight's own escapes must survive, the text's must not.
            let bodySpans = verdict.hits.filter { $0.field == .body }.compactMap(\.span)
            print("text:       \(Highlighter.highlight(TerminalText.neutralized(body, lineBreaks: .kept), spans: bodySpans, style: style))")
            if verdict.publishedBody != body { print("published:  \(TerminalText.neutralized(verdict.publishedBody, lineBreaks: .kept))") }
            for hit in verdict.hits { print(HitLine.format(hit, body: body, author: author)) }
            for reason in verdict.reasons { say("reason:     \(reason)") }
        }

        private func readText() throws -> String {
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("\(file): cannot read file") }
                guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(file): not UTF-8 text") }
                return text
            }
            if text == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                guard let text = String(data: data, encoding: .utf8) else { throw CLIError("standard input is not UTF-8 text") }
                return text
            }
            return text ?? ""
        }
    }
}

/// The verdict as `saring policy test --json` prints it.
struct VerdictJSON: Encodable {
    struct Hit: Encodable {
        let ruleId, category, action, field, description: String
        let score: Double
        let start, end: Int?
        let shadow: Bool
    }
    let status: String
    let flagged: Bool
    let score: Double
    let policyVersion: String
    let publishedBody: String
    let normalized: String
    let reasons: [String]
    let hits: [Hit]

    init(_ verdict: Verdict, normalized: String) {
        status = verdict.status.rawValue
        flagged = verdict.flagged
        score = verdict.score
        policyVersion = verdict.policyVersion
        publishedBody = verdict.publishedBody
        self.normalized = normalized
        reasons = verdict.reasons
        hits = verdict.hits.map {
            Hit(ruleId: $0.ruleId, category: $0.category, action: $0.action.rawValue, field: $0.field.rawValue, description: $0.description,
                score: $0.score, start: $0.span?.lowerBound, end: $0.span?.upperBound, shadow: $0.shadow)
        }
    }
}
