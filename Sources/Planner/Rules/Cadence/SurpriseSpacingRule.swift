/// Two surprises to one segment less than `days` calendar days apart.
struct SurpriseSpacingRule: Rule {
    let id = "surprise-spacing"
    let scope = RuleScope.segment
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("days", .integer, default: .integer(14), Localized(zh: "同一客群两次惊喜至少相隔几天", en: "Fewest days between two surprises to a segment")),
    ]
    let summary = Localized(
        zh: "同一客群的两次惊喜触达相隔不到 {days: 14} 天",
        en: "Two surprises to one segment less than {days: 14} apart")
    let explanation = Localized(
        zh: "惊喜之所以打动人，是因为意想不到；隔三差五就来一次，惊喜就成了例行公事，甚至让人怀疑你别有所图。",
        en: "A surprise moves people because it is unexpected; every few days it becomes routine, or even makes customers wonder what you are after.")
    let example = Localized(
        zh: "代发客群 12-01 和 12-06 各收到一次惊喜",
        en: "The payroll segment gets surprises on 12-01 and 12-06")

    func check(_ context: RuleContext) -> [Finding] {
        let days = context.options.integer("days")
        var findings: [Finding] = []
        for segmentID in PlanIndex.sortedKeys(context.index.surprisesBySegment) where context.covers(segmentID) {
            let surprises = context.index.surprisesBySegment[segmentID] ?? []
            // Chronological, so only neighbours can be too close.
            for (previous, item) in zip(surprises, surprises.dropFirst()) {
                let apart = item.date.dayNumber - previous.date.dayNumber
                guard apart < days else { continue }
                let name = context.segmentName(segmentID)
                findings.append(
                    Finding(
                        item: item, key: "date",
                        message: Localized(
                            zh: "客群\(name.zh)的两次惊喜只隔 \(apart) 天（\(previous.date) 与 \(item.date)），至少要隔 \(days) 天。",
                            en: "The segment \(name.en) gets two surprises only \(apart) day\(apart == 1 ? "" : "s") apart (\(previous.date) and \(item.date)); keep at least \(days) days between them."),
                        hint: Localized(
                            zh: "把这次惊喜推后，或换给别的客群。", en: "Postpone this surprise, or aim it at another segment."),
                        related: [previous],
                        identity: [segmentID, previous.id, item.id]))
            }
        }
        return findings
    }
}
