import Foundation

import Dispatch

/// Runs every enabled rule over a plan, merges the diagnostics the earlier
/// stages found, applies severities and suppressions, and sorts the result.
public struct RuleEngine: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule] = RuleCatalogue.all) {
        self.rules = rules
    }

    /// - Parameter memo: what the last run worked out (serve), updated by this run.
    /// - Parameter context: the loader's context generation (serve): while it
    ///   and today stay the same, rules with a scope re-run only for the parts
    ///   the changed items belong to.
    /// - Parameter index: the plan's index when the caller made it already (a build shares it with the render).
    public func run(
        plan: Plan, stageDiagnostics: [Diagnostic], today: LocalDate, memo: RuleMemo? = nil, context: Int? = nil,
        index: PlanIndex? = nil
    ) -> [Diagnostic] {
        let settings = plan.config.rules
        let index = index ?? PlanIndex(plan: plan)
        let enabled = rules.filter { settings.isEnabled($0.id) }
        let changes = memo?.changes(in: plan, today: today, context: context)
        let stores = enabled.map { rule in rule.scope == .plan ? nil : memo?.store(for: rule.id) }
        let results = ConcurrentResults<[Diagnostic]>(count: enabled.count)
        let order = Self.heaviestFirst(enabled)
        DispatchQueue.concurrentPerform(iterations: enabled.count) { slot in
            Heap.prepareThread()
            let position = order[slot]
            let rule = enabled[position]
            let options = RuleOptions(rule: rule, settings: settings)
            let severity = settings.severity(of: rule)
            func diagnose(_ only: Set<String>?) -> [Diagnostic] {
                let ruleContext = RuleContext(plan: plan, options: options, today: today, index: index, memo: memo, only: only)
                return rule.check(ruleContext).map { finding in
                    Diagnostic(
                        ruleID: rule.id, severity: severity, message: finding.message, location: finding.location,
                        itemID: finding.itemID, date: finding.date, persona: finding.persona,
                        related: finding.related, hint: finding.hint,
                        fingerprint: Fingerprint.make([rule.id] + finding.identity), subject: finding.subject)
                }
            }
            if let store = stores[position] {
                results.set(position, store.update(scope: rule.scope, changes: changes, plan: plan, index: index, diagnose: diagnose))
            } else {
                results.set(position, diagnose(nil))
            }
        }
        memo?.endRun(items: plan.items, today: today, context: context)
        let found = results.values
        func merged() -> [Diagnostic] {
            var diagnostics = stageDiagnostics.compactMap { diagnostic -> Diagnostic? in
                guard settings.isEnabled(diagnostic.ruleID) else { return nil }
                // A notice written while loading (an old option's new reading) stays one unless plan.yml sets a severity.
                if diagnostic.severity == .notice && settings.byRule[diagnostic.ruleID]?.severity == nil { return diagnostic }
                return diagnostic.with(severity: settings.severity(ofRuleID: diagnostic.ruleID))
            }
            diagnostics += found.flatMap { $0 }
            diagnostics = applySuppressions(diagnostics, plan: plan, settings: settings)
            return Self.sortedForReport(Self.onlyConflicts(diagnostics))
        }
        guard let memo else { return merged() }
        return memo.outcome(stage: stageDiagnostics, rules: found, plan: plan, changes: changes, make: merged)
    }

    /// Rules that read every item's body (a few times the rest together)
    /// start first: the cores take rules in turn, and one of these started
    /// last would run alone at the end.
    static let heavyRules = ["duplicate-copy", "banned-word", "review-required", "min-gap", "future-published"]

    /// The positions of `rules` in the order they are started; results stay by position.
    static func heaviestFirst(_ rules: [any Rule]) -> [Int] {
        let heavy = heavyRules.compactMap { id in rules.firstIndex { $0.id == id } }
        return heavy + rules.indices.filter { !heavy.contains($0) }
    }

    /// A file with conflict markers gets those findings only: the rest of
    /// what it says is two versions at once.
    static func onlyConflicts(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let conflicted = Set(diagnostics.lazy.filter { $0.ruleID == MergeConflictRule.ruleID }.map(\.location.file))
        if conflicted.isEmpty { return diagnostics }
        return diagnostics.filter { $0.ruleID == MergeConflictRule.ruleID || !conflicted.contains($0.location.file) }
    }

    private func applySuppressions(_ diagnostics: [Diagnostic], plan: Plan, settings: RuleSettings) -> [Diagnostic] {
        var used: Set<String> = []
        var kept: [Diagnostic] = []
        // A person's `ignore:` answers the findings written at that person's file (person-day).
        var peopleByFile: [String: Person] = [:]
        for person in plan.people where !person.ignores.isEmpty { peopleByFile[person.file] = person }
        for diagnostic in diagnostics {
            if let itemID = diagnostic.itemID, let item = plan.item(itemID),
                let ignore = item.ignores.first(where: { $0.covers(diagnostic) })
            {
                used.insert(ignore.usageKey)
                continue
            }
            if diagnostic.itemID == nil, let person = peopleByFile[diagnostic.location.file],
                let ignore = person.ignores.first(where: { $0.covers(diagnostic) })
            {
                used.insert(ignore.usageKey)
                continue
            }
            kept.append(diagnostic)
        }
        let suppressionRule = SuppressionRule()
        guard settings.isEnabled(suppressionRule.id) else { return kept }
        let severity = settings.severity(of: suppressionRule)
        let known = Set(rules.map(\.id))
        // Who wrote each ignore: an item, a series (for all its occurrences at once) or a person.
        // Only items that write an ignore have one to report on.
        var owners: [(ignores: [Suppression], seriesFile: String?, owner: String, date: LocalDate?, persona: String?, itemID: String?)] =
            plan.items.filter { !$0.ignores.isEmpty }.map { ($0.ignores, $0.series?.seriesFile, $0.series.map { "series:" + $0.series } ?? $0.id, $0.date, $0.persona, $0.id) }
        owners += plan.people.map { ($0.ignores, nil, "people:" + $0.id, nil, nil, nil) }
        var reported: Set<String> = []
        for owner in owners {
            for ignore in owner.ignores where reported.insert(ignore.usageKey).inserted {
                let problem: Localized?
                // “banned-word” or “banned-word” 的 “稳赚”.
                let named = ignore.subject.map {
                    Localized(zh: "“\(ignore.ruleID)” 的 “\($0)”", en: "“\(ignore.ruleID)” for “\($0)”")
                } ?? Localized(zh: "“\(ignore.ruleID)”", en: "“\(ignore.ruleID)”")
                if !known.contains(ignore.ruleID) {
                    let guess = DidYouMean.suggestion(for: ignore.ruleID, among: Array(known))
                    problem = Localized(
                        zh: "ignore 里的规则 “\(ignore.ruleID)” 不存在。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                        en: "There is no rule “\(ignore.ruleID)” to ignore." + (guess.map { " Did you mean “\($0)”?" } ?? ""))
                } else if ignore.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    problem = Localized(
                        zh: "忽略 \(named.zh) 时没有写理由。",
                        en: "The ignore of \(named.en) gives no reason.")
                } else if !used.contains(ignore.usageKey) {
                    problem = Localized(
                        zh: "忽略 \(named.zh) 没有压制任何问题。",
                        en: "The ignore of \(named.en) suppressed nothing.")
                } else {
                    problem = nil
                }
                guard let problem else { continue }
                // An ignore written once for a whole series is not about one of its occurrences.
                let single = owner.seriesFile == nil || ignore.location.file != owner.seriesFile
                kept.append(
                    Diagnostic(
                        ruleID: suppressionRule.id, severity: severity, message: problem, location: ignore.location,
                        itemID: single ? owner.itemID : nil, date: single ? owner.date : nil, persona: owner.persona,
                        hint: Localized(
                            zh: "写明为什么这里可以破例，或删掉这条 ignore。",
                            en: "Say why the exception is fine here, or remove the ignore."),
                        fingerprint: Fingerprint.make(
                            [suppressionRule.id, owner.owner.hasPrefix("series:") && !single ? owner.owner : owner.itemID ?? owner.owner, ignore.ruleID]
                                + (ignore.subject.map { [$0] } ?? []))))
            }
        }
        return kept
    }
}

/// Fixed slots that concurrent workers fill by index; read once all are done.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLockShim()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { storage[index] = value }
    }

    var values: [Value] { lock.withLock { storage.compactMap { $0 } } }

    /// The slots, moved out (this object is left empty): each value keeps
    /// its one reference instead of being copied and released again, for
    /// thousands of decoded files or items a serial pass over all their fields.
    func take() -> [Value?] {
        lock.withLock {
            var taken: [Value?] = []
            swap(&taken, &storage)
            return taken
        }
    }
}

extension Suppression {
    /// Whether this ignore answers the diagnostic: same rule, and same subject when it names one
    /// (compared as banned words are matched: any case or width, spaces left out).
    func covers(_ diagnostic: Diagnostic) -> Bool {
        guard ruleID == diagnostic.ruleID else { return false }
        guard let subject else { return true }
        guard let other = diagnostic.subject else { return false }
        return BannedText.key(subject) == BannedText.key(other)
    }

    /// Identifies the ignore by where it is written, to tell whether it
    /// suppressed anything: one written in a series answers for every occurrence.
    var usageKey: String {
        location.description + "\u{0}" + ruleID + (subject.map { "\u{0}" + $0 } ?? "")
    }
}
