/// What `saring policy replay` found: how many comments it judged again and, per transition
/// (`published → rejected`, …), how many, the rules that cause it and a sample. Partial reports of
/// consecutive runs of comments merge in order, so the sample is the same however the work was split.
public struct ReplayReport: Sendable, Equatable, Codable {
    public struct RuleCount: Sendable, Equatable, Codable {
        public var rule: String
        /// `added`: decides under the candidate only; `removed`: under the policy in force only;
        /// `changed`: under both, with another action.
        public var change: String
        public var count: Int
    }

    public struct Sample: Sendable, Equatable, Codable {
        public var id: Int64
        public var articleId: String
        public var author: String
        public var body: String
        public var spans: [ReplaySpan]
    }

    public struct Transition: Sendable, Equatable, Codable {
        public var from: ReplayState
        public var to: ReplayState
        public var count: Int
        public var rules: [RuleCount]
        public var sample: [Sample]
    }

    public var replayed = 0
    public var changed = 0
    public var transitions: [Transition] = []
    public let samplesPerTransition: Int

    public init(samplesPerTransition: Int) {
        self.samplesPerTransition = samplesPerTransition
    }

    /// Counts one comment judged again, with its change if any.
    public mutating func add(_ comment: ReplayComment, _ change: ReplayChange?) {
        replayed += 1
        guard let change else { return }
        changed += 1
        let index = transitionIndex(change.from, change.to)
        transitions[index].count += 1
        for rule in change.added { count(rule, "added", in: index, by: 1) }
        for rule in change.removed { count(rule, "removed", in: index, by: 1) }
        for rule in change.changed { count(rule, "changed", in: index, by: 1) }
        if transitions[index].sample.count < samplesPerTransition {
            transitions[index].sample.append(
                Sample(
                    id: comment.id, articleId: comment.draft.articleId, author: comment.draft.authorName, body: comment.draft.body,
                    spans: change.spans))
        }
    }

    /// Appends a report of the comments after this one's.
    public mutating func merge(_ other: ReplayReport) {
        replayed += other.replayed
        changed += other.changed
        for transition in other.transitions {
            let index = transitionIndex(transition.from, transition.to)
            transitions[index].count += transition.count
            for rule in transition.rules { count(rule.rule, rule.change, in: index, by: rule.count) }
            let room = max(0, samplesPerTransition - transitions[index].sample.count)
            transitions[index].sample += transition.sample.prefix(room)
        }
    }

    /// Transitions by count (most first), each one's rules by count.
    public var sorted: ReplayReport {
        var copy = self
        copy.transitions = transitions.map { transition in
            var transition = transition
            transition.rules.sort { ($1.count, $0.change, $0.rule) < ($0.count, $1.change, $1.rule) }
            return transition
        }.sorted { ($1.count, $0.from, $0.to) < ($0.count, $1.from, $1.to) }
        return copy
    }

    private mutating func transitionIndex(_ from: ReplayState, _ to: ReplayState) -> Int {
        if let index = transitions.firstIndex(where: { $0.from == from && $0.to == to }) { return index }
        transitions.append(Transition(from: from, to: to, count: 0, rules: [], sample: []))
        return transitions.count - 1
    }

    private mutating func count(_ rule: String, _ change: String, in index: Int, by count: Int) {
        if let ruleIndex = transitions[index].rules.firstIndex(where: { $0.rule == rule && $0.change == change }) {
            transitions[index].rules[ruleIndex].count += count
        } else {
            transitions[index].rules.append(RuleCount(rule: rule, change: change, count: count))
        }
    }

    enum CodingKeys: String, CodingKey {
        case replayed, changed, transitions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        replayed = try container.decode(Int.self, forKey: .replayed)
        changed = try container.decode(Int.self, forKey: .changed)
        transitions = try container.decode([Transition].self, forKey: .transitions)
        samplesPerTransition = transitions.map(\.sample.count).max() ?? 0
    }
}
