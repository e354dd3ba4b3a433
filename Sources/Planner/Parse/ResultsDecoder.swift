/// `results: {likes, comments, replies, shares, left_group, new_contacts}`
/// (SPEC §11.5): each a count, 0 or more. A wrong shape or a count that is
/// not a whole number is a `front-matter` error at the value; an unknown
/// count is `unknown-key` with a suggestion.
extension DocumentDecoder {
    func decodeResults(_ reader: inout MappingReader) -> ItemResults? {
        guard let node = reader.node("results") else { return nil }
        let location = reader.location(of: node)
        let keys = ItemResults.Metric.allCases.map(\.key)
        guard var block = reader.mapping("results") else { return nil }
        var counts: [ItemResults.Metric: Int] = [:]
        for metric in ItemResults.Metric.allCases {
            guard let value = block.node(metric.key) else { continue }
            if case .scalar(let scalar) = value, scalar.isNullValue { continue }
            if let count = Self.count(value) {
                counts[metric] = count
            } else {
                block.report(
                    Localized(
                        zh: "“results.\(metric.key)” 应为非负整数（次数），例如 \(metric.key): 12。",
                        en: "“results.\(metric.key)” should be a whole number, 0 or more, like \(metric.key): 12."),
                    at: block.location(of: value),
                    hint: Localized(zh: "只写数字，不带单位或逗号。", en: "Write the digits only, without units or separators."),
                    code: "type:results.\(metric.key)")
            }
        }
        block.reportUnknownKeys(known: keys)
        reader.absorb(block)
        return ItemResults(counts: counts, location: location)
    }

    /// A plain or quoted scalar of ASCII digits, within Int's range.
    static func count(_ node: YAMLNode) -> Int? {
        guard case .scalar(let scalar) = node else { return nil }
        let text = scalar.string
        guard !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
