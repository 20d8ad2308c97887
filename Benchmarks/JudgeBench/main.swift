// Judge and normalizer throughput on one core, and policy reload time, against baselines run in
// the same process: `swift run -c release saring-bench [--policies DIR] [--count N]`; and the
// moderation queue's first page: `saring-bench --queue 100000`.
import Foundation
import SaringCore
import SaringFiles


var policiesPath = "Policies"
var count = 20_000
var queueComments: Int? = nil
var judgeOnly = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--policies": policiesPath = arguments.next() ?? policiesPath
    case "--count": count = arguments.next().flatMap(Int.init) ?? count
    case "--queue": queueComments = arguments.next().flatMap(Int.init) ?? 100_000
    case "--judge-only": judgeOnly = true  // one pass of the judge, for profilers (valgrind --tool=callgrind)
    default:
        print("usage: saring-bench [--policies DIR] [--count N] | saring-bench --queue N")
        exit(2)
    }
}

func measure(_ label: String, texts: [String], repeats: Int = 3, _ work: (String) -> Void) -> Double {
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        for text in texts { work(text) }
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let perSecond = Double(texts.count) / best
    print(String(format: "%-44@ %10.0f comments/s  %7.2f MB/s  %6.2f µs/comment", label as NSString, perSecond, Double(bytes) / best / 1e6, best / Double(texts.count) * 1e6))
    return perSecond
}

if let queueComments {
    try await QueueBench.run(comments: queueComments)
    exit(0)
}

let policy = try PolicyFolder.load(policiesPath)
let naivePolicy = policy.withoutPrefilter()
print("policy \(policy.version): \(policy.ruleSpecs.count) rules from \(policiesPath); one thread; best of 3")
let mixed = Corpus.make(count: count, seed: 42)
let fixed300 = Corpus.make(count: count, seed: 7, targetBytes: 300...300)
let normalizer = TextNormalizer()
let context = JudgeContext(standing: .normal, approvedComments: 10)
func draft(_ text: String) -> CommentDraft {
    CommentDraft(articleId: "a", authorName: "Pembaca", authorEmail: nil, body: text, parentId: nil)
}

if judgeOnly {
    for text in fixed300 { _ = policy.judge(draft(text), context: context) }
    exit(0)
}

print("\n-- 300-byte comments --")
let normalize300 = measure("normalize only", texts: fixed300) { _ = normalizer.normalize($0) }
let naive300 = measure("judge, every rule runs (baseline)", texts: fixed300) { _ = naivePolicy.judge(draft($0), context: context) }
let judge300 = measure("judge, literal prefilter", texts: fixed300) { _ = policy.judge(draft($0), context: context) }
print(String(format: "prefilter speed-up: %.1fx; normalization is %.0f%% of judge time", judge300 / naive300, judge300 / normalize300 * 100))

print("\n-- costliest rules on the 300-byte corpus --")
for cost in policy.profile(Array(fixed300.prefix(5_000))).prefix(8) {
    print(String(format: "%-28@ ran %5d× (%@) %8.2f µs/run  %7.2f µs/comment", cost.ruleId as NSString, cost.runs, cost.prefiltered ? (cost.branches > 1 ? "\(cost.branches) branches" : "prefiltered") as NSString : "always", cost.seconds / Double(max(cost.runs, 1)) * 1e6, cost.seconds / 5_000 * 1e6))
}

print("\n-- mixed 50–1,000-byte comments --")
let naiveMixed = measure("judge, every rule runs (baseline)", texts: mixed) { _ = naivePolicy.judge(draft($0), context: context) }
let judgeMixed = measure("judge, literal prefilter", texts: mixed) { _ = policy.judge(draft($0), context: context) }
print(String(format: "prefilter speed-up: %.1fx", judgeMixed / naiveMixed))

print("\n-- reload --")
/// A letters-only name for rule `i` that the normalizer leaves alone: digits inside words would be
/// read as leetspeak and runs of three letters squeezed, so letters a–y alternate with `z`.
func letters(_ i: Int) -> String {
    var n = i
    var parts: [String] = []
    repeat {
        parts.append(String(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(n % 25)))))
        n /= 25
    } while n > 0
    return parts.joined(separator: "z")
}

func syntheticRules(_ n: Int) -> PolicySource {
    var text = "rules:\n"
    for i in 0..<n {
        text += """
              - id: bench.rule\(i)
                description: Synthetic rule \(i)
                pattern: '\\bkataq\(letters(i))\\w{0,5}\\s+(?:satu|dua)\\b'
                action: flag
                examples:
                  match: ["ada kataq\(letters(i))nya satu"]
                  no-match: ["tidak ada"]

            """
    }
    return PolicySource(files: [.init(name: "bench.yaml", text: text)])
}
for n in [100, 1_000] {
    let source = syntheticRules(n)
    var best = Duration.seconds(100)
    for _ in 0..<3 {
        let start = ContinuousClock.now
        if case .failure(let error) = PolicyCompiler.compile(source) { fatalError("synthetic policy does not compile: \(error.diagnostics.prefix(3))") }
        best = min(best, ContinuousClock.now - start)
    }
    print("compile + check examples of \(n) rules: \(best.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
}
let shipped = try PolicyFolder.read(policiesPath)
let start = ContinuousClock.now
_ = PolicyCompiler.compile(shipped)
print("compile + check examples of the shipped pack: \((ContinuousClock.now - start).formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
