/// A segment whose touches in some 30-day window wholly inside start…end use
/// none of the trust actions its tier needs, or whose promotional share of
/// the items reaching it is above the tier's `promo-share` (SPEC 11.4).
/// Overlapping offending windows are one finding per run, at a touch inside
/// the first window (else at the segment in plan.yml).
struct StageFitRule: Rule {
    let id = "stage-fit"
    let scope = RuleScope.segment
    let defaultSeverity = Severity.warning
    static let windowLength = 30
    let summary = Localized(
        zh: "任意 30 天内，一个客群的触达没用上它所在信任层级需要的任何信任动作（stages 的 needs），或触达它的内容里推广占比高于该层级的 promo-share",
        en: "In any 30-day window, a segment's touches use none of the trust actions its tier needs (`needs` under `stages`), or the promotional share of the items reaching it is above the tier's `promo-share`")
    let explanation = Localized(
        zh: "信任是一层一层升上去的：无关系靠好形象和专业，微关系靠解决问题、兑现承诺，弱关系靠情绪点和帮忙做决定，强关系靠惊喜和示弱，超强关系靠让客户认可和转介绍。动作不对层级，触达再多关系也不升级；关系越深，推广越要少——服务去销售化。",
        en: "Trust rises one tier at a time: image and expertise first, then solving problems and keeping promises, then emotional moments and helping decide, then surprises and showing a weakness, and at the top letting customers voice their recognition and refer friends. Touches that do not fit the tier do not move it, however many; and the closer the relationship, the less selling it bears (服务去销售化).")
    let example = Localized(
        zh: "代发客群处于弱关系，12-01 至 12-30 的触达没有一次是发现情绪点、帮助做决定或礼多人不怪",
        en: "The payroll segment is at the weak tier and none of its touches from 12-01 to 12-30 is an emotion point, help to decide or a small gift")

    func check(_ context: RuleContext) -> [Finding] {
        let length = Self.windowLength
        let starts = context.windowStarts(length: length)
        guard !starts.isEmpty else { return [] }
        var findings: [Finding] = []
        for segment in context.config.segments.sorted(by: { $0.id < $1.id }) where context.covers(segment.id) {
            guard let stage = segment.stage else { continue }
            let settings = context.config.stageSettings(stage)
            let reaching = context.inRange(context.index.touchesBySegment[segment.id] ?? [])
            let kinds = Set(context.config.touchKinds(ofSegment: segment.id))
            let touches = reaching.filter { kinds.contains($0.kind) }
            let name = context.segmentName(segment.id)
            let tier = settings.label
            if !settings.needs.isEmpty {
                let needs = Set(settings.needs)
                let fitting = DayTally(touches.filter { $0.action.map(needs.contains) ?? false }, range: context.config)
                let offending = starts.filter { fitting.count(from: $0, length: length) == 0 }
                let actions = settings.needs.map { id in context.config.action(id)?.label ?? Localized(zh: id, en: id) }
                for run in overlappingRuns(offending, length: length) {
                    let end = run[0].adding(days: length - 1)
                    let inWindow = Array(touches.dated(from: run[0], through: end))
                    findings.append(
                        Finding(
                            location: inWindow.first?.location(of: "action") ?? context.segmentLocation(segment.id),
                            itemID: inWindow.first?.id,
                            message: Localized(
                                zh: "客群\(name.zh)处于\(tier.zh)，\(run[0]) 至 \(end) 的 \(inWindow.count) 次触达没有用上这一层需要的信任动作（\(actions.map(\.zh).joined(separator: "、"))）。",
                                en: "The segment \(name.en) is at the \(tier.en) tier, and none of its \(inWindow.count) touches from \(run[0]) to \(end) uses an action that tier needs (\(actions.map(\.en).joined(separator: ", ")))."),
                            hint: Localized(
                                zh: "给这段时间里的一次私聊、话题或惊喜写上 action: \(settings.needs[0])（或这一层需要的其他动作）。",
                                en: "Give one chat, topic or surprise in this period action: \(settings.needs[0]) (or another action the tier needs)."),
                            related: inWindow.map { RelatedLocation.item($0, note: nil) },
                            date: run[0], identity: [segment.id, "needs", run[0].description]))
                }
            }
            if let limit = settings.promoShare, !reaching.isEmpty {
                let all = DayTally(reaching, range: context.config)
                let promotional = reaching.filter(context.isPromotional)
                let promo = DayTally(promotional, range: context.config)
                let offending = starts.filter { start in
                    let total = all.count(from: start, length: length)
                    return total > 0 && Double(promo.count(from: start, length: length)) > limit * Double(total)
                }
                for run in overlappingRuns(offending, length: length) {
                    let end = run[0].adding(days: length - 1)
                    let total = all.count(from: run[0], length: length)
                    let inWindow = Array(promotional.dated(from: run[0], through: end))
                    let percent = Int((Double(inWindow.count) / Double(max(total, 1)) * 100).rounded())
                    let cap = Int((limit * 100).rounded())
                    findings.append(
                        Finding(
                            location: inWindow.first?.location(of: "date") ?? context.segmentLocation(segment.id),
                            itemID: inWindow.first?.id,
                            message: Localized(
                                zh: "客群\(name.zh)处于\(tier.zh)，\(run[0]) 至 \(end) 触达它的 \(total) 条内容里有 \(inWindow.count) 条推广（\(percent)%），这一层最多 \(cap)%。",
                                en: "The segment \(name.en) is at the \(tier.en) tier, and \(inWindow.count) of the \(total) items reaching it from \(run[0]) to \(end) are promotional (\(percent)%); that tier allows at most \(cap)%."),
                            hint: Localized(
                                zh: "关系越深越要服务去销售化：把几条推广换成服务或关怀，或推迟到别的时段。",
                                en: "The closer the relationship, the less selling: turn some promotions into service or care, or move them to another period."),
                            related: inWindow.map { RelatedLocation.item($0, note: nil) },
                            date: run[0], identity: [segment.id, "promo-share", run[0].description]))
                }
            }
        }
        return findings
    }
}
