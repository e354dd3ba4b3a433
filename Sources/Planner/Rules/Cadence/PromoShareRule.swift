/// The promotional share of a persona's moments in any 7-day window wholly
/// inside start…end and the persona's working days.
///
/// Sliding windows overlap, so one promotional burst would otherwise be
/// reported by up to seven windows. Offending windows that overlap are merged
/// into one finding per run; it quotes the worst window (the highest share,
/// the earliest on a tie), is placed at that window's first promotional
/// moment, and its identity is the persona and the run's first window.
struct PromoShareRule: Rule {
    let id = "promo-share"
    let scope = RuleScope.persona
    let defaultSeverity = Severity.warning
    static let windowLength = 7
    let options = [
        RuleOption("max", .number, default: .number(0.2), Localized(zh: "7 天内推广朋友圈的最高占比", en: "Highest share of promotional moments in 7 days")),
    ]
    let summary = Localized(
        zh: "人设在岗的任意 7 天内推广朋友圈的占比高于 {max: 0.2}",
        en: "Promotional share of moments in any 7-day window the persona works throughout above {max: 0.2}")
    let explanation = Localized(
        zh: "私域是服务渠道，不是广告位。推广占比一高，朋友圈就成了广告号，客户会屏蔽你，连有用的内容也看不到了；推广最好不超过两成。",
        en: "A private feed is a service channel, not an ad slot. Once promotion dominates, customers mute you and miss the useful posts too; keep promotion to about a fifth.")
    let example = Localized(
        zh: "12-01 至 12-07 的 10 条朋友圈里有 3 条推广（30%）",
        en: "3 of the 10 moments from 12-01 to 12-07 are promotional (30%)")

    func check(_ context: RuleContext) -> [Finding] {
        let maximum = context.options.number("max")
        let length = Self.windowLength
        var findings: [Finding] = []
        for personaID in PlanIndex.sortedKeys(context.index.momentsByPersona) where context.covers(personaID) {
            let moments = context.activeInRange(context.index.momentsByPersona[personaID] ?? [], of: personaID)
            let promotional = moments.filter(context.isPromotional)
            guard !promotional.isEmpty else { continue }
            let all = DayTally(moments, range: context.config)
            let promo = DayTally(promotional, range: context.config)
            func share(_ start: LocalDate) -> (promo: Int, all: Int) {
                (promo.count(from: start, length: length), all.count(from: start, length: length))
            }
            let offending = context.windowStarts(length: length, activeFor: personaID).filter { start in
                let (p, a) = share(start)
                return a > 0 && Double(p) / Double(a) > maximum
            }
            for run in overlappingRuns(offending, length: length) {
                var worst = run[0]
                for start in run.dropFirst() {
                    let (p, a) = share(start)
                    let (wp, wa) = share(worst)
                    if p * wa > wp * a { worst = start }
                }
                let (p, a) = share(worst)
                let end = worst.adding(days: length - 1)
                let inWindow = Array(promotional.dated(from: worst, through: end))
                guard let primary = inWindow.first else { continue }
                let percent = Int((Double(p) * 100 / Double(a)).rounded())
                let limit = Int((maximum * 100).rounded())
                let spanEnd = run[run.count - 1].adding(days: length - 1)
                let spread = run.count > 1
                    ? Localized(
                        zh: "从 \(run[0]) 到 \(spanEnd) 共有 \(run.count) 个 7 天窗口超标。",
                        en: " \(run.count) overlapping 7-day windows from \(run[0]) to \(spanEnd) are over.")
                    : Localized(zh: "", en: "")
                findings.append(
                    Finding(
                        item: primary, key: "theme",
                        message: Localized(
                            zh: "\(context.personaName(personaID)) 在 \(worst) 至 \(end) 的 \(a) 条朋友圈里有 \(p) 条推广（\(percent)%），任意 7 天最多 \(limit)%。" + spread.zh,
                            en: "\(p) of \(context.personaName(personaID))'s \(a) moments from \(worst) to \(end) are promotional (\(percent)%); at most \(limit)% in any 7 days." + spread.en),
                        hint: Localized(
                            zh: "把一条推广换成干货或生活内容，或挪到推广较少的一周。",
                            en: "Turn a promotion into a useful or personal post, or move it to a lighter week."),
                        related: inWindow.filter { $0.id != primary.id },
                        identity: [personaID, run[0].description]))
            }
        }
        return findings
    }
}
