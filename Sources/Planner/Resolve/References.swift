/// `unknown-ref`: a reference that names nothing, or two things at once.
extension Resolver {
    /// The canonical id `written` names, or nil after reporting why there is none.
    func reference(
        _ written: String, _ kind: NameKind, _ names: NameIndex, at location: SourceLocation, id: String, key: String,
        into diagnostics: inout [Diagnostic]
    ) -> String? {
        switch names.resolve(written, as: kind) {
        case .found(let canonical):
            return canonical
        case .ambiguous(let candidates):
            diagnostics.append(ambiguousRef(kind, written, candidates, names, at: location, id: id, key: key))
            return nil
        case .unknown:
            let known = names.ids(of: kind).map { listed($0, kind, names) }
            diagnostics.append(
                unknownRef(
                    kind: kind.label, value: written, candidates: names.names(of: kind), at: location, id: id, key: key, known: known,
                    emptyHint: kind == .person
                        ? Localized(zh: "先在 content/people/<id>.md 里建这个人物（只写化名）。", en: "Create content/people/<id>.md for this person first (an alias only).")
                        : nil))
            return nil
        }
    }

    /// `xiaozhao（小招）`: an id with the name people know it by.
    private func listed(_ id: String, _ kind: NameKind, _ names: NameIndex) -> String {
        guard let display = names.display(of: id, as: kind), display != id else { return id }
        return "\(id)（\(display)）"
    }

    private func ambiguousRef(
        _ kind: NameKind, _ written: String, _ candidates: [String], _ names: NameIndex, at location: SourceLocation, id: String, key: String
    ) -> Diagnostic {
        let listedZh = candidates.map { listed($0, kind, names) }.joined(separator: "、")
        let listedEn = candidates.map { listed($0, kind, names).replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")") }
            .joined(separator: ", ")
        return Diagnostic(
            ruleID: "unknown-ref", severity: .error,
            message: Localized(
                zh: "\(kind.label.zh) “\(written)” 有歧义：\(listedZh) 都叫这个名字。",
                en: "The \(kind.label.en) “\(written)” is ambiguous: it names \(listedEn)."),
            location: location, itemID: id == "plan" ? nil : id,
            hint: Localized(
                zh: "改写成其中一个的 id：\(candidates.joined(separator: " 或 "))。",
                en: "Write the id of the one you mean: \(candidates.joined(separator: " or "))."),
            fingerprint: Fingerprint.make(["unknown-ref", id, key, written]))
    }

    func unknownRef(
        kind: Localized, value: String, candidates: [String], at location: SourceLocation, id: String, key: String, known: [String]? = nil,
        emptyHint: Localized? = nil
    ) -> Diagnostic {
        let guess = DidYouMean.suggestion(for: value, among: candidates)
        let list = (known ?? candidates.sorted()).prefix(12)
        return Diagnostic(
            ruleID: "unknown-ref", severity: .error,
            message: Localized(
                zh: "\(kind.zh) “\(value)” 没有声明。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                en: "The \(kind.en) “\(value)” is not declared." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
            location: location, itemID: id == "plan" ? nil : id,
            hint: list.isEmpty && emptyHint != nil ? emptyHint : Localized(
                zh: list.isEmpty ? "先在 plan.yml 或 personas/ 里声明它。" : "可用的有：\(list.joined(separator: "、"))。",
                en: list.isEmpty
                    ? "Declare it first in plan.yml or personas/."
                    : "Known: \(list.map { $0.replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")") }.joined(separator: ", "))."),
            fingerprint: Fingerprint.make(["unknown-ref", id, key, value]))
    }
}
