import Foundation

extension SpreadsheetImport {
    struct PlacedFile {
        let row: Int
        /// Under content/, with `.md`.
        let path: String
        let text: String
    }

    struct Placement {
        var files: [PlacedFile] = []
        var diagnostics: [Diagnostic] = []
        var refused: [Int] = []
    }

    /// Gives each draft its path, drops what the plan would resolve to anyway
    /// (a moment's title that its body gives, a moment's or topic's segments
    /// equal to the default), renders it, and decodes the text as `check`
    /// would, so that what is written is a file the plan reads without error.
    func place(_ drafts: [ItemDraft], reader: SheetRowReader, plan: Plan) -> Placement {
        var placement = Placement()
        let given = Set(drafts.compactMap(\.id))
        var taken: Set<String> = []
        let resolver = Resolver(config: plan.config, assets: Set(plan.assets), contentPrefix: plan.contentPrefix, people: plan.people.map { ($0.id, $0.alias) },
            personSegments: Dictionary(plan.people.compactMap { person in person.segment.map { (person.id, $0) } }, uniquingKeysWith: { first, _ in first }))
        let personas = Dictionary(plan.personas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for var draft in drafts {
            let id: String
            if let explicit = draft.id {
                guard taken.insert(explicit).inserted else {
                    placement.refused.append(draft.row)
                    placement.diagnostics.append(
                        reader.diagnostic(
                            row: draft.row, column: .id, rule: "duplicate-id",
                            message: Localized(zh: "id “\(explicit)” 在表格里出现了不止一次。", en: "The id “\(explicit)” appears more than once in the sheet.")))
                    continue
                }
                // An occurrence of a series: the series file makes it, nothing is written.
                if !explicit.contains("/"), explicit.contains("@") { continue }
                id = explicit
            } else {
                var title = ""
                if case .text(let text)? = draft.values["title"] { title = text } else {
                    title = Resolver.title(fromBody: draft.body, fallback: "")
                }
                let base = ItemPath.derivedID(kind: draft.kind, date: draft.date, title: title)
                var candidate = base
                var number = 2
                // Rows that would share a name are told apart; an id given in another row is never taken.
                while taken.contains(candidate) || given.contains(candidate) {
                    candidate = "\(base)-\(number)"
                    number += 1
                }
                taken.insert(candidate)
                id = candidate
            }
            simplify(&draft, id: id, plan: plan)
            let text = ItemFileText.render(draft)
            let path = id + ".md"
            let problems = verify(text: text, path: path, draft: draft, reader: reader, resolver: resolver, personas: personas)
            if problems.isEmpty {
                placement.files.append(PlacedFile(row: draft.row, path: path, text: text))
            } else {
                placement.refused.append(draft.row)
                placement.diagnostics += problems
            }
        }
        return placement
    }

    /// Leaves out what the plan derives to the same value, so an imported
    /// file says what a person would have written.
    private func simplify(_ draft: inout ItemDraft, id: String, plan: Plan) {
        if draft.kind == .moment, case .text(let title)? = draft.values["title"],
            Resolver.title(fromBody: draft.body, fallback: id) == title
        {
            draft.values["title"] = nil
        }
        guard draft.kind == .moment || draft.kind == .topic, case .list(let segments)? = draft.values["segments"] else { return }
        let defaults: [String]?
        if draft.kind == .topic {
            if case .text(let group)? = draft.values["group"] { defaults = plan.config.group(group)?.segments } else { defaults = nil }
        } else if case .text(let persona)? = draft.values["persona"] {
            defaults = plan.persona(persona)?.segments ?? plan.config.segments.map(\.id)
        } else {
            defaults = nil
        }
        if defaults == segments { draft.values["segments"] = nil }
    }

    /// The decoder's and resolver's errors on the text, each at the cell of
    /// the key it is about (the first column when it is about no one key).
    private func verify(
        text: String, path: String, draft: ItemDraft, reader: SheetRowReader, resolver: Resolver, personas: [String: Persona]
    ) -> [Diagnostic] {
        let entry = SourceEntry(
            role: .item(draft.kind), relativePath: path, displayPath: path,
            absolutePath: contentDirectory.appendingPathComponent(path).path)
        let (document, decodeProblems) = DocumentDecoder(maximumFileSize: FrontMatterSplitter.defaultMaximumSize)
            .decode(entry: entry, data: Data(text.utf8))
        var problems = decodeProblems
        if case .item(let decoded) = document { problems += resolver.resolve(decoded, personas: personas).1 }
        let errors = problems.filter { $0.severity == .error }
        if errors.isEmpty { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return errors.map { problem in
            let line = problem.location.line
            let key = line >= 2 && line <= min(lines.count, draft.values.count + 1) ? lines[line - 1].split(separator: ":").first.map(String.init) : nil
            return reader.diagnostic(
                row: draft.row, column: key.flatMap(SheetColumn.init(rawValue:)), rule: problem.ruleID, message: problem.message,
                hint: problem.hint)
        }
    }
}
