/// The month and week filters without JavaScript: each `<option>` of a filter, once
/// chosen, hides the chips that lack its index class (`fp0`, `fk1`, `t2`,
/// `fs3`, `fg0`; see `ItemChip.filterClasses`). Options are addressed by
/// position and chips by index classes, so nothing user-written reaches CSS.
/// app.js does the same with `.filtered-out` where `:has()` is missing.
enum FilterStyles {
    static func css(for plan: Plan) -> String {
        let dimensions: [(select: String, prefix: String, count: Int)] = [
            ("persona", "fp", plan.personas.count),
            ("kind", "fk", ItemKind.allCases.count),
            ("segment", "fg", plan.config.segments.count),
            ("theme", "t", plan.config.themes.count),
            ("status", "fs", ItemStatus.allCases.count),
        ]
        var selectors: [String] = []
        for dimension in dimensions {
            for index in 0..<dimension.count {
                // nth-child(1) is “all”; the n-th value is child n + 2.
                selectors.append(
                    "body:has(select[name=\"\(dimension.select)\"] > option:nth-child(\(index + 2)):checked) .month .chip:not(.\(dimension.prefix)\(index)),\n"
                        + "body:has(select[name=\"\(dimension.select)\"] > option:nth-child(\(index + 2)):checked) .outside .chip:not(.\(dimension.prefix)\(index)),\n"
                        + "body:has(select[name=\"\(dimension.select)\"] > option:nth-child(\(index + 2)):checked) .week-grid .chip:not(.\(dimension.prefix)\(index))")
            }
        }
        guard !selectors.isEmpty else { return "" }
        return "/* Index filters without JavaScript. */\n" + selectors.joined(separator: ",\n") + " { display: none; }\n"
    }
}
