import CSV
import Foundation

/// `plan-build export --format csv`: the resolved plan, one row per item
/// (SPEC §11.7): `id` first, display names elsewhere, UTF-8 with a BOM (so
/// Excel reads Chinese), CRLF between rows, and `'` before a cell that a
/// spreadsheet would run as a formula. `import` reads it back to the same plan.
public struct SpreadsheetExport: Sendable {
    public let plan: Plan
    /// Headers and display names.
    public let language: Language

    public init(plan: Plan, language: Language) {
        self.plan = plan
        self.language = language
    }

    /// The columns written. Purpose and person join once items carry them.
    static let columns = SheetColumn.allCases

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public func csv() throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        do {
            let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .crlf)
            try writer.write(row: Self.columns.map { $0.header(language) })
            let names = SheetNames(plan: plan)
            for item in plan.items {
                try writer.write(row: Self.columns.map { SheetCells.guarded(cell($0, of: item, names: names)) })
            }
        } catch {
            throw Failure(description: "cannot write CSV: \(error)")
        }
        stream.close()
        // As NSData, copied in one go (bridging to Data goes byte by byte on Linux).
        guard let written = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? NSData else {
            throw Failure(description: "cannot write CSV")
        }
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(written.bytes.assumingMemoryBound(to: UInt8.self), count: written.length)
        data.append(contentsOf: [13, 10])
        return data
    }

    private func cell(_ column: SheetColumn, of item: Item, names: SheetNames) -> String {
        switch column {
        case .id: return item.id
        case .date: return item.date.description
        case .time: return item.slot == nil ? item.time.description : ""
        case .slot: return item.slot ?? ""
        case .kind: return display(item.kind.rawValue, in: names.kinds)
        case .persona: return display(item.persona, in: names.personas)
        case .theme: return item.theme.map { display($0, in: names.themes) } ?? ""
        case .title: return item.title
        // Trailing blank lines are invisible in a cell; import ends the file with one newline.
        case .body:
            var body = item.body
            while let last = body.last, last.isNewline || last == " " { body.removeLast() }
            return body
        case .segments: return list(item.segments.map { display($0, in: names.segments) })
        case .group: return item.group.map { display($0, in: names.groups) } ?? ""
        case .format: return item.format.map { display($0.rawValue, in: names.formats) } ?? ""
        case .trigger: return item.trigger.map { display($0.rawValue, in: names.triggers) } ?? ""
        case .via: return item.via.map { display($0.rawValue, in: names.vias) } ?? ""
        case .gift: return item.gift ?? ""
        case .images: return list(item.images)
        case .action: return item.action.map { display($0, in: names.actions) } ?? ""
        case .status: return display(item.status.rawValue, in: names.statuses)
        case .owner: return item.owner ?? ""
        case .tags: return list(item.tags)
        case .ignore: return item.ignores.map { $0.reason.isEmpty ? $0.ruleID : "\($0.ruleID): \($0.reason)" }.joined(separator: "\n")
        case .purpose: return item.purpose?.rawValue ?? ""
        case .person: return item.person ?? ""
        case .review:
            guard let review = item.review else { return "" }
            guard review.hash != nil || review.by != nil || review.on != nil else { return "pending" }
            return [review.by.map { "by: \($0)" }, review.on.map { "on: \($0)" }, review.hash.map { "hash: \($0)" }]
                .compactMap { $0 }.joined(separator: "\n")
        case .results:
            guard let results = item.results else { return "" }
            return ItemResults.Metric.allCases.compactMap { metric in results[metric].map { "\(metric.key): \($0)" } }
                .joined(separator: "\n")
        }
    }

    /// The display name, or the id when the name would not lead back to it
    /// (two personas with one name, a label that is another entry's id, a
    /// name with a list separator in it).
    private func display(_ id: String, in table: NameTable) -> String {
        let name = table.display(id, language)
        guard !name.contains(where: { $0 == "、" || $0 == "," || $0 == "，" }), table.resolve(name) == .found(id) else { return id }
        return name
    }

    private func list(_ entries: [String]) -> String {
        entries.joined(separator: language == .zhCN ? "、" : ", ")
    }
}

extension SpreadsheetExport {
    /// The plan to export and the diagnostics of loading it; an error among
    /// them means some item is missing from the plan.
    public static func load(contentDirectory: URL) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        let loaded = Pipeline(content: contentDirectory).load()
        return (loaded.plan, loaded.diagnostics.sorted(by: Diagnostic.reportOrder))
    }
}
