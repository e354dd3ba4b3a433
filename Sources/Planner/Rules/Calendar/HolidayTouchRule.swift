/// A day named in `days` (春节, 中秋, 冬至 by default) inside the range without
/// a surprise or moment reaching each segment the plan covers.
struct HolidayTouchRule: Rule {
    let id = "holiday-touch"
    let defaultSeverity = Severity.notice
    let options = [
        RuleOption(
            "days", .words, default: .words(["春节", "中秋", "冬至"]),
            Localized(zh: "每个客群都要有触达的日子（节日、节气或 events 的名字）", en: "Days every segment is touched on (festival, term or event names)")),
    ]
    let summary = Localized(
        zh: "{days: [春节, 中秋, 冬至]} 中的某天，有客群没有收到惊喜或朋友圈",
        en: "A day of {days: [春节, 中秋, 冬至]} on which a segment gets no surprise or moment")
    let explanation = Localized(
        zh: "节日是表达心意最自然的时刻：冬至一句“记得吃饺子”、中秋一份小礼，客户会记得是谁在这天想着他们。",
        en: "Festivals are the most natural moment to show you care: a note on the winter solstice or a small gift at Mid-Autumn, and customers remember who thought of them that day.")
    let example = Localized(zh: "冬至当天车主客群没有任何触达", en: "No touch for the car segment on the winter solstice")

    func check(_ context: RuleContext) -> [Finding] {
        let names = context.options.words("days")
        guard !names.isEmpty else { return [] }
        // Every declared segment: the plan covers them all, and a finding never appears because a touch was added.
        let covered = context.config.segments.map(\.id).sorted()
        var findings = context.unknownDayNames(rule: id)
        for day in context.plan.calendarDays where context.config.contains(day.date) {
            guard let name = names.first(where: { day.answers(to: $0) }) else { continue }
            let reaching = context.plan.items.filter {
                $0.date == day.date && ($0.kind == .surprise || $0.kind == .moment)
            }
            let title = day.title
            if context.config.segments.isEmpty {
                // Without segments the plan is one audience: one touch that day answers it.
                if reaching.isEmpty {
                    findings.append(
                        Finding(
                            location: context.config.location(of: "start"),
                            message: Localized(
                                zh: "\(day.date)（\(title.zh)）没有安排任何惊喜或朋友圈。",
                                en: "\(day.date) (\(title.en)) has no surprise or moment."),
                            hint: hint, date: day.date, identity: [name, day.date.description]))
                }
                continue
            }
            for segment in covered where !reaching.contains(where: { $0.segments.contains(segment) }) {
                let segmentName = context.segmentName(segment)
                findings.append(
                    Finding(
                        location: context.segmentLocation(segment),
                        message: Localized(
                            zh: "\(day.date)（\(title.zh)）客群\(segmentName.zh)没有收到惊喜或朋友圈。",
                            en: "On \(day.date) (\(title.en)) the segment \(segmentName.en) gets no surprise or moment."),
                        hint: hint,
                        related: reaching.prefix(10).map { RelatedLocation.item($0, note: nil) },
                        date: day.date, identity: [name, day.date.description, segment]))
            }
        }
        return findings
    }

    private var hint: Localized {
        Localized(
            zh: "这天给这个客群安排一次惊喜（trigger: holiday）或一条应景的朋友圈；不需要时可在 rules 里改 holiday-touch 的 days。",
            en: "Plan a surprise (trigger: holiday) or a fitting moment for it that day; or change holiday-touch's days under rules.")
    }
}
