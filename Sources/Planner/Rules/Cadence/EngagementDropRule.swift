/// A persona's interaction rate (comments + replies per published moment
/// with results) below `baseline` three ISO weeks with results in a row
/// (spec 11.5). Weeks without results are skipped, not counted as zero; the
/// default baseline is the median of the persona's own weeks with results.
struct EngagementDropRule: Rule {
    let id = "engagement-drop"
    let scope = RuleScope.persona
    let defaultSeverity = Severity.notice
    static let weeksInARow = 3
    let options = [
        RuleOption("baseline", .number, default: nil, Localized(
            zh: "每条已发布朋友圈的评论 + 回复的基准值；默认：该人设各周（有数据的周）的中位数",
            en: "Comments + replies per published moment to stay above; default: the median of the persona's weeks with results")),
    ]
    let summary = Localized(
        zh: "人设的内容互动率（每条有效果数据的已发布朋友圈的评论 + 回复）连续 3 个有数据的 ISO 周低于 {baseline}（默认：它自己各周的中位数）",
        en: "A persona's interaction rate (comments + replies per published moment with results) below {baseline} (default: the median of its own weeks) three ISO weeks with results in a row")
    let explanation = Localized(
        zh: "客户不再评论、不再回复，是信任变冷的第一个信号，往往早于退群和取关。连续三周走低不是偶然：该换一种方式，让客户参与进来，而不是继续单向发布。",
        en: "Customers who stop commenting and replying are the first sign of trust cooling, well before they leave a group or unfollow. Three weeks in a row is not chance: it is time to let customers take part instead of broadcasting more.")
    let example = Localized(
        zh: "小招 2026-W49 每条 1.5、W50 1.0、W51 0.5 次评论 + 回复，都低于她的中位数 2",
        en: "小招 draws 1.5, 1.0 and 0.5 comments + replies per moment in 2026-W49, W50 and W51, all below her median of 2")

    /// Seed 003's advice for three weeks of low interaction.
    static let hint = Localized(
        zh: "内容互动率连续 3 周走低时，立即启动「内容共创计划」：请客户一起出题、投稿或评选（征集他们的故事、让他们投票选下周的话题），把客户的声音放进接下来一周的内容里。",
        en: "When interaction stays low three weeks running, start a content co-creation plan (「内容共创计划」) now: ask customers to set topics, send in their stories or vote on next week's posts, and put their voices into the coming week's content.")

    func check(_ context: RuleContext) -> [Finding] {
        let configured = context.options.number("baseline")
        let hasBaseline = context.config.rules.byRule[id]?.options["baseline"] != nil
        var findings: [Finding] = []
        for persona in context.plan.personas where context.covers(persona.id) {
            let moments = context.inRange(context.index.momentsByPersona[persona.id] ?? [])
            let weeks = InteractionRate.byWeek(moments)
            guard weeks.count >= Self.weeksInARow,
                let baseline = hasBaseline ? configured : InteractionRate.median(weeks.compactMap(\.rate.rate))
            else { continue }
            var run: [(week: ISOWeek, rate: InteractionRate)] = []
            func close() {
                defer { run = [] }
                guard run.count >= Self.weeksInARow else { return }
                findings.append(finding(run, persona: persona, baseline: baseline, defaulted: !hasBaseline, moments: moments))
            }
            for week in weeks {
                if let rate = week.rate.rate, rate < baseline { run.append(week) } else { close() }
            }
            close()
        }
        return findings
    }

    private func finding(
        _ run: [(week: ISOWeek, rate: InteractionRate)], persona: Persona, baseline: Double, defaulted: Bool, moments: [Item]
    ) -> Finding {
        let first = run[0].week.monday
        let last = run[run.count - 1].week.monday.adding(days: 6)
        let counted = moments.dated(from: first, through: last).filter(\.hasPublishedResults)
        // On the results of the latest moment counted: the week that made it three.
        let anchor = counted.last!
        let weeks = run.map { "\($0.week) \(InteractionRate.format($0.rate.rate ?? 0))" }
        let base = InteractionRate.format(baseline)
        return Finding(
            location: anchor.location(of: "results"), itemID: anchor.id,
            message: Localized(
                zh: "\(persona.name) 的内容互动率连续 \(run.count) 周低于\(defaulted ? "自己的中位数" : "基准") \(base)（每条已发布朋友圈的评论 + 回复）："
                    + weeks.joined(separator: "，") + "。",
                en: "\(persona.name)'s interaction rate has been below \(defaulted ? "its own median" : "the baseline") \(base) for \(run.count) weeks in a row (comments + replies per published moment): "
                    + weeks.joined(separator: ", ") + "."),
            hint: Self.hint,
            related: counted.suffix(10).map { RelatedLocation.item($0, note: nil) },
            date: anchor.date, persona: persona.id,
            identity: [persona.id, run[0].week.description])
    }
}
