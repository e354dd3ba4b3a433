/// Fewer than `min` touches (the kinds the segment's tier counts) to a declared segment in some 30-day
/// window wholly inside start…end (the rule of seven, 七次法则). A range
/// shorter than 30 days has no window, so nothing is reported.
///
/// Overlapping offending windows are merged into one finding per run, quoting
/// the worst window (fewest touches, earliest on a tie).
struct TouchFloorRule: Rule {
    let id = "touch-floor"
    let scope = RuleScope.segment
    let defaultSeverity = Severity.notice
    static let windowLength = 30
    let options = [
        RuleOption("min", .integer, default: .integer(7), Localized(zh: "每个客群 30 天内至少被触达几次", en: "Fewest touches to a segment in 30 days")),
    ]
    let summary = Localized(
        zh: "任意 30 天内对一个客群的有效触达（默认私聊、话题、惊喜；朋友圈是广播，不算）少于 {min: 7} 次（七次法则）",
        en: "Fewer than {min: 7} touches (by default chats, topics and surprises; a moment is a broadcast) to a segment in any 30-day window (七次法则)")
    let explanation = Localized(
        zh: "营销里的“七次法则”：客户平均要接触到你 7 次以上，才会对你产生足够的信任。一个月里连 7 次有效触达都没有，关系就停在原地，甚至慢慢淡掉。",
        en: "The rule of seven (七次法则): a customer needs to meet you seven times or more before trusting you enough. Fewer than seven real touches in a month and the relationship stalls or fades.")
    let example = Localized(
        zh: "车主客群 12-01 至 12-30 只被触达 3 次",
        en: "The car segment is reached only 3 times from 12-01 to 12-30")

    func check(_ context: RuleContext) -> [Finding] {
        let minimum = context.options.integer("min")
        let length = Self.windowLength
        let starts = context.windowStarts(length: length)
        guard minimum > 0, !starts.isEmpty else { return [] }
        var findings: [Finding] = []
        for segment in context.config.segments.sorted(by: { $0.id < $1.id }) where context.covers(segment.id) {
            let kinds = Set(context.config.touchKinds(ofSegment: segment.id))
            let touches = context.inRange(context.index.touchesBySegment[segment.id] ?? []).filter { kinds.contains($0.kind) }
            let tally = DayTally(touches, range: context.config)
            let offending = starts.filter { tally.count(from: $0, length: length) < minimum }
            for run in overlappingRuns(offending, length: length) {
                var worst = run[0]
                for start in run.dropFirst()
                where tally.count(from: start, length: length) < tally.count(from: worst, length: length) {
                    worst = start
                }
                let end = worst.adding(days: length - 1)
                let inWindow = Array(touches.dated(from: worst, through: end))
                // On a touch inside the window, else on the segment: never on an item outside it.
                let place = inWindow.first
                let name = context.segmentName(segment.id)
                findings.append(
                    Finding(
                        location: place?.location(of: "date") ?? context.segmentLocation(segment.id),
                        message: Localized(
                            zh: "客群\(name.zh)在 \(worst) 至 \(end) 只有 \(inWindow.count) 次有效触达，任意 30 天至少 \(minimum) 次（七次法则）。",
                            en: "The segment \(name.en) gets only \(inWindow.count) touch\(inWindow.count == 1 ? "" : "es") from \(worst) to \(end); at least \(minimum) in any 30 days (the rule of seven, 七次法则)."),
                        hint: Localized(
                            zh: "七次法则数的是有来有往的沟通：给这个客群多安排几次私聊、话题或惊喜，分散在这段时间里（朋友圈是广播，不算）。",
                            en: "The rule of seven counts two-way contact: plan more chats, topics or surprises for this segment, spread over the period (a moment is a broadcast and does not count)."),
                        related: inWindow.map { RelatedLocation.item($0, note: nil) },
                        date: worst, identity: [segment.id, run[0].description]))
            }
        }
        return findings
    }
}
