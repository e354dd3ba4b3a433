/// A declared segment with no surprise in some `days`-day window wholly
/// inside start…end; a shorter range has no window, so nothing is reported.
/// Overlapping empty windows are merged into one finding per run.
struct SurpriseCoverageRule: Rule {
    let id = "surprise-coverage"
    let scope = RuleScope.segment
    let defaultSeverity = Severity.notice
    let options = [
        RuleOption("days", .integer, default: .integer(30), Localized(zh: "每个客群每多少天至少一次惊喜", en: "Each segment gets a surprise within this many days")),
    ]
    let summary = Localized(
        zh: "某个客群在一个 {days: 30} 天的窗口里没有任何惊喜触达",
        en: "A segment with no surprise in a {days: 30}-day window")
    let explanation = Localized(
        zh: "惊喜是从“认识”走到“信任”的台阶：一个月里一次都没有，客户感受到的只有日常推送，关系很难再往前走一步。",
        en: "A surprise is the step from knowing you to trusting you: a month without one leaves the customer with routine posts only, and the relationship does not move forward.")
    let example = Localized(
        zh: "车主客群 12-01 至 12-30 没有任何惊喜",
        en: "The car segment gets no surprise from 12-01 to 12-30")

    func check(_ context: RuleContext) -> [Finding] {
        let length = context.options.integer("days")
        guard length > 0 else { return [] }
        let starts = context.windowStarts(length: length)
        guard !starts.isEmpty else { return [] }
        var findings: [Finding] = []
        for segment in context.config.segments.sorted(by: { $0.id < $1.id }) where context.covers(segment.id) {
            let surprises = context.inRange(context.index.surprisesBySegment[segment.id] ?? [])
            let touches = context.inRange(context.index.touchesBySegment[segment.id] ?? [])
            let tally = DayTally(surprises, range: context.config)
            let empty = starts.filter { tally.count(from: $0, length: length) == 0 }
            for run in overlappingRuns(empty, length: length) {
                // Empty windows that overlap form one stretch without any surprise.
                let first = run[0]
                let last = run[run.count - 1].adding(days: length - 1)
                let span = last.dayNumber - first.dayNumber + 1
                // No surprise lies in the stretch: the finding goes on the segment's first touch
                // inside it, else on the segment's declaration; the surprises around it are related.
                let place = touches.dated(from: first, through: last).first
                let index = surprises.firstIndex(onOrAfter: first)
                let around = [index > 0 ? surprises[index - 1] : nil, index < surprises.count ? surprises[index] : nil]
                let name = context.segmentName(segment.id)
                findings.append(
                    Finding(
                        location: place.map { $0.location(of: $0.keyLocations["segments"] != nil ? "segments" : "date") }
                            ?? context.segmentLocation(segment.id),
                        message: Localized(
                            zh: "客群\(name.zh)从 \(first) 到 \(last) 的 \(span) 天里没有任何惊喜触达，每 \(length) 天至少要有一次。",
                            en: "The segment \(name.en) gets no surprise in the \(span) days from \(first) to \(last); plan one in every \(length) days."),
                        hint: Localized(
                            zh: "在这段时间里给这个客群安排一次惊喜（天气、节日、生日都是好时机）。",
                            en: "Plan a surprise for this segment in that stretch — weather, holidays and birthdays are good moments."),
                        related: around.compactMap { $0 }.map { RelatedLocation.item($0, note: nil) },
                        date: first, identity: [segment.id, first.description]))
            }
        }
        return findings
    }
}
