/// `months/outside.html` (`outside-2.html`, … past the page budget): every item
/// dated outside the range, written only when index.html lists just the first
/// of them (`CrowdedDays`), so a plan with a few such items keeps its pages as they were.
extension CalendarPages {
    struct OutsidePage: Sendable, TemplateFields {
        let site: Chrome
        let title: String
        let range: String
        let pages: [Chrome.NavLink]
        let hasPages: Bool
        let legend: [LegendEntry]
        let items: [ItemChip]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.title, title)
            visitor.field(FieldKey.range, range)
            visitor.field(FieldKey.pages, pages)
            visitor.field(FieldKey.hasPages, hasPages)
            visitor.field(FieldKey.legend, legend)
            visitor.field(FieldKey.items, items)
        }
    }

    /// - Parameter chips: the chips of every item outside the range, in plan order.
    func outsidePages(_ chips: [ItemChip]) -> [LazyPageJob] {
        // Each entry is the chip and its date before it.
        let ranges = PageBudget.ranges(count: chips.count) { chips[$0].estimatedBytes + 40 }
        return ranges.enumerated().map { number, range in
            let page = number + 1
            let path = SitePath.outside(page: page)
            return LazyPageJob(path: path) {
                let zh = model.language == .zhCN
                let title = model.strings.outsideRange + PageBudget.suffix(page: page, of: ranges.count, language: model.language)
                let links = PageBudget.links(pages: ranges.count, current: page) {
                    SitePath.encode(String(SitePath.outside(page: $0).dropFirst("months/".count)))
                }
                let shown = zh
                    ? "第 \(range.lowerBound + 1)–\(range.upperBound) 条，共 \(chips.count) 条"
                    : "Items \(range.lowerBound + 1)–\(range.upperBound) of \(chips.count)"
                let outside = OutsidePage(
                    site: Chrome(model: model, pagePath: path, pageTitle: title, section: "calendar", serveMode: serveMode),
                    title: title, range: shown, pages: links, hasPages: ranges.count > 1, legend: legend(), items: Array(chips[range]))
                return PageJob(path: path, template: "outside", page: outside)
            }
        }
    }
}
