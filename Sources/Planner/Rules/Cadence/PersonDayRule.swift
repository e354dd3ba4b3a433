/// A person's day (birthday, anniversary, joining day, a custom date) inside
/// the plan with no surprise or chat naming that person on the day or in the
/// `days` days before it (SPEC 11.6). `ignore: {person-day: reason}` in the
/// person's file answers it.
struct PersonDayRule: Rule {
    static let ruleID = "person-day"
    let id = PersonDayRule.ruleID
    let defaultSeverity = Severity.notice
    let options = [
        RuleOption("days", .integer, default: .integer(7), Localized(zh: "当天之前几天内安排都算数", en: "Days before the date a touch still counts")),
    ]
    let summary = Localized(
        zh: "人物的日子（生日、纪念日、加入日……）在计划范围内，当天和前 {days: 7} 天内却没有点名 TA 的惊喜或私聊",
        en: "A person's date (birthday, anniversary, joining day…) inside the range with no surprise or chat naming them on the day or in the {days: 7} before")
    let explanation = Localized(
        zh: "记住客户的生日和纪念日，是“制造惊喜”最有分量的时刻（王阿姨七十大寿）；日子到了却没人想起，前面积累的信任也会打折扣。",
        en: "Remembering a customer's birthday or anniversary is the weightiest moment for a surprise (Auntie Wang's 70th birthday); a day that passes unnoticed costs the trust built before it.")
    let example = Localized(
        zh: "people/wang-ayi.md 写了 birthday: 12-05，12 月里却没有 person: wang-ayi 的惊喜或私聊",
        en: "people/wang-ayi.md has birthday: 12-05, but no surprise or chat in December names person: wang-ayi")

    func check(_ context: RuleContext) -> [Finding] {
        let window = max(0, context.options.integer("days"))
        let config = context.config
        var touchesByPerson: [String: [Item]] = [:]
        for item in context.plan.items where item.kind == .surprise || item.kind == .chat {
            if let person = item.person { touchesByPerson[person, default: []].append(item) }
        }
        var findings: [Finding] = []
        for person in context.plan.people {
            let touches = touchesByPerson[person.id] ?? []
            for day in person.days(from: config.start, to: config.end) {
                guard Self.touches(of: person.id, before: day.date, in: touches, days: window).isEmpty else { continue }
                let name = day.entry.label
                findings.append(
                    Finding(
                        location: day.entry.location,
                        message: Localized(
                            zh: "\(person.alias)的\(name.zh)（\(day.date)）在计划内，当天和前 \(window) 天却没有点名 TA 的惊喜或私聊。",
                            en: "\(person.alias)'s \(name.en.lowercased()) (\(day.date)) is inside the plan, but no surprise or chat names them on the day or in the \(window) days before."),
                        hint: Localized(
                            zh: "在 \(day.date.adding(days: -window))…\(day.date) 之间安排一条写了 person: \(person.id) 的惊喜或私聊；有意不安排就在 TA 的文件里写 ignore: {person-day: 理由}。",
                            en: "Plan a surprise or chat with person: \(person.id) between \(day.date.adding(days: -window)) and \(day.date); if none is meant, write ignore: {person-day: reason} in their file."),
                        date: day.date, identity: [person.id, day.entry.name, day.date.description]))
            }
        }
        return findings
    }

    /// The surprises and chats naming the person from `days` days before `date` through `date`.
    static func touches(of personID: String, before date: LocalDate, in items: [Item], days: Int = 7) -> [Item] {
        items.filter { item in
            (item.kind == .surprise || item.kind == .chat) && item.person == personID
                && item.date <= date && item.date.dayNumber >= date.dayNumber - days
        }
    }
}
