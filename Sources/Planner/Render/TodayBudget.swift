/// A persona's today page within the page budget (SPEC §11.8, no HTML page
/// over 1 MB): every item carries its whole copy, so a busy persona's eight
/// days can pass it. Past `entriesBytes` the page holds fewer days — the built
/// day first, then the following ones while they fit — and, when the built day
/// alone does not fit, its first k items and a "+n more" link. What is left
/// out is linked to the persona's playbook week, which has the same copy, copy
/// buttons and images (a client manager posting from a phone wants the copy,
/// not the calendar grid). A page that fits is unchanged.
extension TodayPages {
    /// The entries of one page: the rest is the chrome and the list of days left out.
    static let entriesBytes = PageBudget.bytes * 7 / 8
    /// A "+n more" link with its words.
    static let moreBytes = 300

    /// The bytes an entry adds to the page: the template's 330 bytes of
    /// markup, the fields as often as it writes them, the copy escaped (`&`,
    /// `<`, `>` and quotes grow to 4–6 bytes) and the image grid; measured
    /// within 10% above the rendered entries of long copy.
    static func estimatedBytes(_ entry: Entry) -> Int {
        let chip = entry.chip.shown
        var bytes = 400 + entry.meta.utf8.count + chip.themeClass.utf8.count + chip.href.utf8.count + chip.title.utf8.count * 5 / 4
        for byte in entry.plain {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"): bytes += 4
            case UInt8(ascii: "&"), UInt8(ascii: "'"): bytes += 5
            case UInt8(ascii: "\""): bytes += 6
            default: bytes += 1
            }
        }
        if !entry.images.isEmpty { bytes += 150 }
        for image in entry.images { bytes += 120 + 2 * image.src.utf8.count + image.alt.utf8.count + image.fileName.utf8.count }
        return bytes
    }

    /// A link to where a left-out day's items are, or its day shortened.
    struct More: Sendable, TemplateFields {
        let label: String
        /// After the label, for screen readers: which day and where.
        let context: String
        /// Nil for a left-out day with nothing planned.
        let href: String?

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.context, context)
            visitor.field(FieldKey.href, href)
        }
    }

    /// What the page leaves out and where it is.
    struct LeftOut: Sendable, TemplateFields {
        let title: String
        let note: String
        let days: [More]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.title, title)
            visitor.field(FieldKey.note, note)
            visitor.field(FieldKey.days, days)
        }
    }

    /// The days and entries that fit: `days` cut to the ones embedded (the
    /// first one's entries maybe cut too, with its "+n more"), and what is left
    /// out; nil when everything fits.
    /// - Parameter items: each day's items, as `days` holds their entries.
    func fitted(_ days: [Day], items: [[Item]], persona: String) -> (days: [Day], leftOut: LeftOut)? {
        let sizes = days.map { $0.entries.map(Self.estimatedBytes) }
        guard sizes.reduce(0, { $0 + $1.reduce(0, +) }) > Self.entriesBytes else { return nil }
        let language = model.language
        let embedded = PageBudget.ranges(count: days.count, bytes: Self.entriesBytes) { sizes[$0].reduce(0, +) }[0].count
        var kept = Array(days.prefix(embedded))
        var shownItems: Int?
        if embedded == 1, let first = PageBudget.firstEntries(of: [sizes[0]], bytes: Self.entriesBytes, overflow: Self.moreBytes) {
            let rest = days[0].entries.count - first
            kept[0].entries = Array(days[0].entries.prefix(first))
            kept[0].more = [More(
                label: CrowdedDays.moreLabel(rest, language: language),
                context: Localized(zh: "（\(days[0].label)，其余内容在手册周页）", en: " (\(days[0].label): the rest is on the playbook week)").text(language),
                href: link(to: items[0][first], persona: persona))]
            shownItems = first
        }
        let later: [More] = days.indices.dropFirst(embedded).map { index in
            let count = items[index].count
            return More(
                label: days[index].label,
                context: count == 0 ? model.text(Localized(zh: "没有安排内容", en: "nothing planned"))
                    : model.text(Localized(zh: "\(count) 条", en: count == 1 ? "1 item" : "\(count) items")),
                href: items[index].first.map { link(to: $0, persona: persona) })
        }
        var note: [String] = []
        if let shownItems {
            note.append(Localized(
                zh: "\(days[0].label)的内容太多，放不进一页：这里只显示前 \(shownItems) 条，“另有 n 条”打开该人设这一周的手册页，那里有全部文案和配图。",
                en: "\(days[0].label) has too many items for one page: the first \(shownItems) are here, and “+n more” opens the persona’s playbook week, which has every item’s copy and images."
            ).text(language))
        }
        if embedded < days.count {
            let last = days[embedded - 1].label
            note.append(Localized(
                zh: "本页只放得下\(embedded == 1 ? last : "\(days[0].label)至\(last)")的内容；之后几天的内容在下面各天的链接里（该人设这一周的手册页，有文案和配图）。",
                en: "This page holds \(embedded == 1 ? last : "\(days[0].label) to \(last)") only; the later days are linked below, each to the persona’s playbook week with the copy and images."
            ).text(language))
        }
        return (kept, LeftOut(title: model.text(Localized(zh: "不在本页的内容", en: "Not on this page")), note: note.joined(separator: " "), days: later))
    }

    /// The page that holds an item's copy: the persona's playbook week page
    /// with it (`PlaybookPages.pageRanges`), or, outside the range, which has
    /// no playbook weeks, the item's own page. Relative to `today/`.
    func link(to item: Item, persona: String) -> String {
        let config = model.plan.config
        guard config.contains(item.date) else { return "../" + (model.chips[item.id]?.shown.href ?? "") }
        let week = item.date.isoWeek
        let weekItems = model.plan.items.filter { $0.persona == persona && $0.date.isoWeek == week && config.contains($0.date) }
        let position = weekItems.firstIndex { $0.id == item.id } ?? 0
        let page = PlaybookPages.pageRanges(weekItems).firstIndex { $0.contains(position) } ?? 0
        return "../" + SitePath.encode(SitePath.playbookWeek(week, persona: persona, page: page + 1))
    }

    /// Said by the script when the viewer's date is not on a shortened page.
    static let shortOutsideNote = Localized(
        zh: "今天（{today}）不在本页包含的日子里，下面仍是生成当天 {date} 的内容；其余日子见“不在本页的内容”。",
        en: "Today ({today}) is not among the days this page holds; below is still {date}, the day it was made. The other days are under “Not on this page”.")
}
