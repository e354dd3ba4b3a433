/// One budget for every page whose entries grow with the plan (SPEC §11.8:
/// no HTML page over 1 MB): a page ends before its entries' estimated bytes
/// pass `bytes` (or their count passes `count`), and the rest continues on
/// `<name>-2.html`, … The estimates are made from the input, not from the
/// rendered page, so serve knows every page path before it renders.
enum PageBudget {
    /// Well under 1 MB: the chrome and the estimates' error have room beside it.
    static let bytes = 800_000

    /// The entries of each page, in order; always at least one (maybe empty) page.
    /// - Parameter estimate: the bytes the entry at an offset adds to a page.
    static func ranges(count total: Int, count limit: Int = .max, bytes budget: Int = bytes, estimate: (Int) -> Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for offset in 0..<total {
            let size = estimate(offset)
            if offset > start && (offset - start == limit || bytes + size > budget) {
                ranges.append(start..<offset)
                start = offset
                bytes = 0
            }
            bytes += size
        }
        ranges.append(start..<total)
        return ranges
    }

    /// How many entries of each group a page shows when they do not all fit
    /// (a month's crowded days): the largest k such that the first k entries
    /// of every group, plus `overflow` bytes for each group cut short (its
    /// "+n more" link), stay within `budget`; nil when every entry fits.
    /// - Parameter groups: each group's entries' estimated bytes, in order.
    static func firstEntries(of groups: [[Int]], bytes budget: Int, overflow: Int) -> Int? {
        guard groups.reduce(0, { $0 + $1.reduce(0, +) }) > budget else { return nil }
        func cost(_ k: Int) -> Int {
            groups.reduce(0) { sum, sizes in sum + sizes.prefix(k).reduce(0, +) + (sizes.count > k ? overflow : 0) }
        }
        // cost grows with k (an entry weighs more than a link): the last k that fits, by halving.
        var fits = 0
        var over = groups.map(\.count).max() ?? 0
        while fits + 1 < over {
            let middle = (fits + over) / 2
            if cost(middle) <= budget { fits = middle } else { over = middle }
        }
        return fits
    }

    /// Links to every page of a split page, this one marked; `href` gives page n's link.
    static func links(pages: Int, current: Int, href: (Int) -> String) -> [Chrome.NavLink] {
        (1...max(1, pages)).map { Chrome.NavLink(href: href($0), label: String($0), current: $0 == current) }
    }

    /// " · 第 2 页，共 3 页" (" · page 2 of 3") after a continued page's title; nothing on a page of its own.
    static func suffix(page: Int, of pages: Int, language: Language) -> String {
        guard pages > 1 else { return "" }
        return language == .zhCN ? " · 第 \(page) 页，共 \(pages) 页" : " · page \(page) of \(pages)"
    }
}
