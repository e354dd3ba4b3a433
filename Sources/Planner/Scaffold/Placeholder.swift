/// The body of a file `new` or `init` writes: it names the persona, the day,
/// the time and the theme, so no two new files share a body (duplicate-copy
/// compares bodies across the plan), and a promotional item starts with the
/// persona's disclaimer (the disclaimer rule asks for it).
enum Placeholder {
    struct Context {
        var kind: ItemKind
        var date: LocalDate
        var slot: String?
        var time: LocalTime?
        var personaName: String
        var themeLabel: String?
        var disclaimer: String?
    }

    static func body(_ context: Context, zh: Bool) -> String {
        let weekday = (zh ? ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
            : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])[context.date.isoWeekday - 1]
        let when = [context.slot, context.time?.description].compactMap { $0 }.joined(separator: " ")
        let kind = context.kind.label.text(zh ? .zhCN : .en)
        var parts = [context.personaName, "\(context.date) \(weekday)"]
        if !when.isEmpty { parts.append(when) }
        if let theme = context.themeLabel { parts.append(theme) }
        let head = parts.joined(separator: " · ")
        let line = zh
            ? "（待写）\(head) 的\(kind)：在这里写文案。"
            : "(To write) \(head) \(kind.lowercased()): write the copy here."
        guard let disclaimer = context.disclaimer, !disclaimer.isEmpty else { return line }
        return disclaimer + "\n\n" + line
    }
}
