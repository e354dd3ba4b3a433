/// Which items changed since the last run of the rules (serve), found by
/// comparing the plan's items with the last run's: the loader hands back the
/// very same item values for files it did not resolve again, so an
/// unchanged item is one pointer comparison.
struct ItemChanges: Sendable {
    /// The old and the new version of every changed item; an added item has
    /// only a new one, a deleted item only an old one.
    let items: [Item]
    /// When every item kept its position (same ids in the same order): the positions of the changed ones.
    var positions: [Int]? = nil

    /// Nil when there is no usable last run, or the context changed: every rule runs whole.
    static func between(_ last: [Item], _ current: [Item]) -> ItemChanges? {
        var changed: [Item] = []
        var matched = Array(repeating: false, count: last.count)
        var lastByID: TextKeyed<Int>?
        var positions: [Int]? = last.count == current.count ? [] : nil
        for (position, item) in current.enumerated() {
            if position < last.count, last[position].isSame(as: item) {
                matched[position] = true
                continue
            }
            if position < last.count, last[position].id == item.id {
                // Edited in place (the common case): its last version is right there, no table of ids is needed.
                positions?.append(position)
                matched[position] = true
                changed.append(last[position])
                changed.append(item)
                continue
            }
            positions = nil
            // Items moved or were added: find the last run's version by id.
            if lastByID == nil {
                var byID = TextKeyed<Int>(minimumCapacity: last.count)
                for (index, old) in last.enumerated() { byID[old.id] = index }
                lastByID = byID
            }
            if let index = lastByID?[item.id] {
                matched[index] = true
                if last[index].isSame(as: item) { continue }
                changed.append(last[index])
            }
            changed.append(item)
        }
        for (index, seen) in matched.enumerated() where !seen { changed.append(last[index]) }
        return ItemChanges(items: changed, positions: positions)
    }

    /// The parts of `scope` that the changed items belong to, old and new versions alike.
    func parts(of scope: RuleScope) -> Set<String> {
        var parts: Set<String> = []
        for item in items {
            switch scope {
            case .plan: break
            case .item: parts.insert(item.id)
            case .persona: parts.insert(item.persona)
            case .group: if let group = item.group { parts.insert(group) }
            case .segment: parts.formUnion(item.segments)
            }
        }
        return parts
    }
}

/// One rule's diagnostics of the last run, by part of its scope (serve).
/// Each rule's store is used by the one thread that runs the rule.
final class ScopedFindings: @unchecked Sendable {
    private var parts: [String: [Diagnostic]] = [:]
    private var filled = false
    /// What the last run returned: while no part's findings change, the same array (no copy, no sort).
    private var output: [Diagnostic]?

    /// This run's diagnostics of the rule: all parts checked afresh when
    /// `changes` is nil, else only the parts the changed items belong to.
    /// - Parameter diagnose: runs the rule over the given parts (nil: all).
    func update(
        scope: RuleScope, changes: ItemChanges?, plan: Plan, index: PlanIndex, diagnose: (Set<String>?) -> [Diagnostic]
    ) -> [Diagnostic] {
        if let changes, filled {
            let touched = changes.parts(of: scope)
            var changed = false
            if scope == .item {
                var before: [String: [Diagnostic]] = [:]
                for id in touched {
                    before[id] = parts[id]
                    parts[id] = nil
                }
                if !touched.isEmpty {
                    let found = diagnose(touched)
                    // A finding about another item (or none) lands in a part not looked at here.
                    if found.contains(where: { !touched.contains($0.itemID ?? "") }) { changed = true }
                    collectByItem(found)
                }
                if touched.contains(where: { parts[$0] != before[$0] }) { changed = true }
            } else {
                for part in touched.sorted() {
                    let found = diagnose([part])
                    let kept = found.isEmpty ? nil : found
                    if parts[part] != kept { changed = true }
                    parts[part] = kept
                }
            }
            if !changed, let output { return output }
        } else {
            parts = [:]
            if scope == .item {
                collectByItem(diagnose(nil))
            } else {
                for part in Self.allParts(of: scope, plan: plan, index: index) {
                    let found = diagnose([part])
                    if !found.isEmpty { parts[part] = found }
                }
            }
            filled = true
        }
        // A finding of an item rule about no item could not be re-run on its own: run that rule whole next time.
        if parts[""] != nil { filled = false }
        let all = parts.keys.sorted().flatMap { parts[$0]! }
        output = all
        return all
    }

    private func collectByItem(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { parts[diagnostic.itemID ?? "", default: []].append(diagnostic) }
    }

    /// Every part a rule of `scope` may report on: the declared ones and the ones items name.
    static func allParts(of scope: RuleScope, plan: Plan, index: PlanIndex) -> [String] {
        var parts: Set<String> = []
        switch scope {
        case .plan, .item: break
        case .persona:
            parts.formUnion(plan.personas.map(\.id))
            parts.formUnion(index.itemsByPersona.keys)
        case .group:
            parts.formUnion(plan.config.groups.map(\.id))
            parts.formUnion(index.topicsByGroup.keys)
        case .segment:
            parts.formUnion(plan.config.segments.map(\.id))
            parts.formUnion(index.touchesBySegment.keys)
        }
        return parts.sorted()
    }
}
