/// More than `max` touches of the active kinds to one segment (all personas
/// together) in any 7-day window wholly inside start…end: over-operation.
///
/// Like promo-share, overlapping offending windows are merged into one
/// finding per run, quoting the worst window (most touches, earliest on a
/// tie) and placed at its first touch beyond the cap.
struct TouchCapRule: Rule {
    let id = "touch-cap"
    let scope = RuleScope.segment
    let defaultSeverity = Severity.warning
    static let windowLength = 7
    let options = [
        RuleOption("max", .integer, default: .integer(10), Localized(zh: "每个客群 7 天内最多被触达几次", en: "Most touches to a segment in 7 days")),
        RuleOption("kinds", .kinds, default: .kinds(StageSettings.defaultTouchKinds), Localized(zh: "计入的触达类型（旧写法；现由信任层级的 touch-kinds 决定）", en: "The kinds of item counted (old form; a trust tier's touch-kinds now decides)")),
    ]
    let summary = Localized(
        zh: "任意 7 天内对一个客群的有效触达（默认私聊、话题、惊喜；层级可另定）超过 {max: 10} 次——过度运营",
        en: "More than {max: 10} touches (by default chats, topics and surprises; a tier may say otherwise) to one segment in any 7-day window — over-operation")
    let explanation = Localized(
        zh: "触达不是越多越好。一周里被同一家银行找了十几次，客户感到的不是关心而是骚扰，这就是“过度运营”：退群、屏蔽、拉黑都从这里开始。",
        en: "More touches are not better. Reached a dozen times in one week by the same bank, a customer feels harassed rather than cared for — over-operation (过度运营) — and that is where leaving groups, muting and blocking begin.")
    let example = Localized(
        zh: "代发客群 12-01 至 12-07 收到 12 次话题和惊喜",
        en: "The payroll segment gets 12 topics and surprises from 12-01 to 12-07")

    func check(_ context: RuleContext) -> [Finding] {
        let planMaximum = context.options.integer("max")
        let length = Self.windowLength
        var findings: [Finding] = []
        for segmentID in PlanIndex.sortedKeys(context.index.touchesBySegment) where context.config.segment(segmentID) != nil && context.covers(segmentID) {
            // A tier's own cap and touch kinds replace the plan-wide ones (SPEC 11.4).
            let maximum = context.config.stageSettings(ofSegment: segmentID)?.touchCap ?? planMaximum
            let kinds = Set(context.config.touchKinds(ofSegment: segmentID))
            let kindList = ItemKind.allCases.filter(kinds.contains)
            let kindsText = Localized(
                zh: kindList.map(\.label.zh).joined(separator: "、"), en: kindList.map(\.rawValue).joined(separator: ", "))
            let touches = context.inRange(context.index.touchesBySegment[segmentID] ?? []).filter { kinds.contains($0.kind) }
            guard touches.count > maximum else { continue }
            let tally = DayTally(touches, range: context.config)
            let offending = context.windowStarts(length: length).filter { tally.count(from: $0, length: length) > maximum }
            for run in overlappingRuns(offending, length: length) {
                var worst = run[0]
                for start in run.dropFirst()
                where tally.count(from: start, length: length) > tally.count(from: worst, length: length) {
                    worst = start
                }
                let end = worst.adding(days: length - 1)
                let inWindow = Array(touches.dated(from: worst, through: end))
                guard inWindow.count > maximum else { continue }
                let primary = inWindow[maximum]
                let name = context.segmentName(segmentID)
                findings.append(
                    Finding(
                        item: primary, key: "date",
                        message: Localized(
                            zh: "客群\(name.zh)在 \(worst) 至 \(end) 被触达 \(inWindow.count) 次（\(kindsText.zh)），任意 7 天最多 \(maximum) 次——过度运营。",
                            en: "The segment \(name.en) gets \(inWindow.count) touches (\(kindsText.en)) from \(worst) to \(end); at most \(maximum) in any 7 days — over-operation."),
                        hint: Localized(
                            zh: "删掉或推迟几次触达，或把它们分给别的客群。",
                            en: "Drop or postpone some of these touches, or aim them at another segment."),
                        related: inWindow.filter { $0.id != primary.id },
                        identity: [segmentID, run[0].description]))
            }
        }
        return findings
    }
}
