/// What rules worked out in the last run, kept by `serve` between rebuilds.
/// Per item body: after one edit, the other items' bodies are the very same
/// strings (the document cache hands them back), so their banned-word search
/// and duplicate-copy key are reused instead of worked out again. Per rule
/// with a scope: its diagnostics by part (persona, group, segment, item), so
/// that only the parts the changed items belong to are checked again.
/// `check` and `build` run once and pass none.
public final class RuleMemo: @unchecked Sendable {  // used by one run at a time
    let duplicateKeys = BodyMemo<DuplicateCopyRule.Key>()
    let bannedWordHits = BodyMemo<[BannedWordRule.Hit?]>()
    private var scoped: [String: ScopedFindings] = [:]
    /// The last run: its items, its day, and the loader's context generation.
    private var last: (items: [Item], today: LocalDate, context: Int)?
    /// The last plan's index and the items it was made of.
    private var lastIndex: (items: [Item], index: PlanIndex)?
    /// This run's changes since the last (`changes(in:today:context:)`), for rules over the whole plan.
    private(set) var currentChanges: ItemChanges?
    let duplicateCopy = DuplicateCopyMemo()

    public init() {}

    /// The items changed since the last run; nil: check everything (no last
    /// run, another day, or plan.yml, a persona or the assets changed).
    func changes(in plan: Plan, today: LocalDate, context: Int?) -> ItemChanges? {
        guard let last, let context, last.context == context, last.today == today else {
            currentChanges = nil
            return nil
        }
        currentChanges = ItemChanges.between(last.items, plan.items)
        return currentChanges
    }

    /// The plan's index: the last one with the changed items put in place
    /// when no item moved and each kept its persona, kind, group and
    /// segments (an edit of copy, a title, a status); else made afresh.
    public func index(for plan: Plan) -> PlanIndex {
        let index = lastIndex.flatMap { $0.index.patched(from: $0.items, to: plan.items) } ?? PlanIndex(plan: plan)
        lastIndex = (plan.items, index)
        return index
    }

    /// The last run's findings as each stage and rule made them, and the
    /// result merged, suppressed and sorted from them.
    private var lastOutcome: (stage: [Diagnostic], rules: [[Diagnostic]], people: [[Suppression]], result: [Diagnostic])?

    /// The run's result: the last one (the very same array) when the earlier
    /// stages and every rule found what they found last time and no changed
    /// item writes an `ignore:` (nor did before), else `make()`. A sort of
    /// thousands of findings and their suppressions are most of what a rebuild's rules cost otherwise.
    func outcome(
        stage: [Diagnostic], rules: [[Diagnostic]], plan: Plan, changes: ItemChanges?, make: () -> [Diagnostic]
    ) -> [Diagnostic] {
        let people = plan.people.map(\.ignores)
        if let last = lastOutcome, let changes, changes.items.allSatisfy({ $0.ignores.isEmpty }), last.people == people,
            last.stage == stage, last.rules == rules
        {
            return last.result
        }
        let result = make()
        lastOutcome = (stage, rules, people, result)
        return result
    }

    /// The store of a rule's scoped diagnostics (made before the rules run in parallel).
    func store(for ruleID: String) -> ScopedFindings {
        if let store = scoped[ruleID] { return store }
        let store = ScopedFindings()
        scoped[ruleID] = store
        return store
    }

    /// Drops the entries of items that were not looked up in the run that just
    /// ended (deleted or renamed), and remembers the run for the next one.
    func endRun(items: [Item], today: LocalDate, context: Int?) {
        duplicateKeys.endRun()
        bannedWordHits.endRun()
        last = context.map { (items, today, $0) }
    }
}

/// One value per item, valid while the item's body (and the `salt` its
/// computation depends on) is unchanged. Each rule owns its memo and reads it
/// from the one thread that runs the rule, and runs do not overlap. Entries
/// are kept by the item's position in the plan: after an edit that moves no
/// item, a lookup is an array access and a pointer comparison; when items
/// moved, the last run's entries are found by id.
final class BodyMemo<Value>: @unchecked Sendable {
    private struct Entry {
        let id: String
        let body: String
        let salt: Int
        let value: Value
    }

    private var last: [Entry?] = []
    private var lastByID: TextKeyed<Int>?
    private var next: [Entry?] = []

    /// - Parameter position: the item's position in `plan.items`.
    func value(for item: Item, at position: Int, salt: Int = 0, make: () -> Value) -> Value {
        if next.count <= position {
            next.append(contentsOf: repeatElement(nil, count: max(last.count, position + 1) - next.count))
        }
        var entry = position < last.count ? last[position] : nil
        if entry.map({ !$0.id.hasSameBytes(as: item.id) }) ?? (position >= last.count && !last.isEmpty) {
            // Items moved or were added: look the id up among the last run's entries.
            if lastByID == nil {
                var byID = TextKeyed<Int>(minimumCapacity: last.count)
                for (index, old) in last.enumerated() { if let old { byID[old.id] = index } }
                lastByID = byID
            }
            entry = lastByID?[item.id].flatMap { last[$0] }
        }
        // `==` on the same string storage returns at once; only an edited body is compared byte by byte.
        if let entry, entry.salt == salt, entry.body.hasSameBytes(as: item.body) {
            next[position] = entry
            return entry.value
        }
        let value = make()
        next[position] = Entry(id: item.id, body: item.body, salt: salt, value: value)
        return value
    }

    func endRun() {
        // A run that looked nothing up (its rule found its answer another way) leaves the entries as they were.
        if next.isEmpty {
            lastByID = nil
            return
        }
        last = next
        next = []
        lastByID = nil
    }
}

extension PlanIndex {
    /// This index of `old` made an index of `new`, when only some items at
    /// the same positions changed, each keeping what the index groups it by;
    /// nil otherwise (or when many changed: making it afresh is as quick).
    func patched(from old: [Item], to new: [Item]) -> PlanIndex? {
        guard old.count == new.count else { return nil }
        var changed: [Int] = []
        for position in new.indices where !old[position].isSame(as: new[position]) {
            let (before, after) = (old[position], new[position])
            guard before.id == after.id, before.kind == after.kind, before.persona == after.persona, before.group == after.group,
                before.segments == after.segments
            else { return nil }
            changed.append(position)
            if changed.count > 64 { return nil }
        }
        var index = self
        for position in changed {
            let item = new[position]
            func replace(in list: inout [Item]?, positions: [Int]?) {
                if let positions, let at = Self.offset(of: position, in: positions), list != nil, at < list!.count {
                    list![at] = item
                } else if let at = list?.firstIndex(where: { $0.id == item.id }) {
                    list![at] = item
                }
            }
            replace(in: &index.itemsByPersona[item.persona], positions: itemPositionsByPersona[item.persona])
            var seen: Set<String> = []
            let segments = item.segments.filter { seen.insert($0).inserted }
            switch item.kind {
            case .moment: replace(in: &index.momentsByPersona[item.persona], positions: nil)
            case .topic: if let group = item.group { replace(in: &index.topicsByGroup[group], positions: topicPositionsByGroup[group]) }
            case .surprise: for segment in segments { replace(in: &index.surprisesBySegment[segment], positions: nil) }
            case .chat: break
            }
            for segment in segments {
                replace(in: &index.touchesBySegment[segment], positions: touchPositionsBySegment[segment])
            }
        }
        return index
    }

    /// Where `position` is in a sorted list of positions.
    private static func offset(of position: Int, in positions: [Int]) -> Int? {
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low < positions.count && positions[low] == position ? low : nil
    }
}

/// duplicate-copy's last run (serve): each item's key by position and the
/// findings. Findings only link items whose copy is the same; an edit of an
/// item whose copy was used once and still is changes none of them.
final class DuplicateCopyMemo: @unchecked Sendable {  // used by the rule's one thread
    private var keys: [DuplicateCopyRule.Key] = []
    private var findings: [Finding] = []
    private var days: Int?

    func store(keys: [DuplicateCopyRule.Key], findings: [Finding], days: Int) {
        self.keys = keys
        self.findings = findings
        self.days = days
    }

    /// The last findings, when they still hold: the same items at the same
    /// positions but a few, each of those with copy used nowhere else before and after.
    func kept(items: [Item], days: Int, changes: ItemChanges?) -> [Finding]? {
        guard self.days == days, keys.count == items.count, let positions = changes?.positions, positions.count <= 16 else { return nil }
        var keys = self.keys
        for position in positions {
            let old = keys[position]
            let new = DuplicateCopyRule.Key(DuplicateCopyRule.key(items[position].body))
            keys[position] = new
            // Used once: no other position holds it (an empty key is never compared).
            func usedOnce(_ key: DuplicateCopyRule.Key) -> Bool {
                guard !key.bytes.isEmpty else { return true }
                for (other, held) in keys.enumerated() where other != position && held.digest == key.digest && held == key { return false }
                return true
            }
            guard usedOnce(old), usedOnce(new) else { return nil }
        }
        self.keys = keys
        return findings
    }
}
