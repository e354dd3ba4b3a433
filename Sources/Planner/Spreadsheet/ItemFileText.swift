import Foundation

/// Where an imported row goes under content/, and the file it becomes.
enum ItemPath {
    enum IDCheck: Equatable {
        case valid(String, ItemKind)
        case invalid(Localized)
    }

    static let idHint = Localized(
        zh: "id 是 content/ 下不带 .md 的路径，如 moments/2026-12/01-晨跑。",
        en: "An id is the path under content/ without .md, like moments/2026-12/01-run.")

    /// An id names a file inside its kind's folder: no `..`, no hidden or
    /// ignored (`_`) parts, nothing a file system or git refuses.
    static func check(id given: String) -> IDCheck {
        var id = given
        if id.hasSuffix(".md") { id.removeLast(3) }
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        let forbidden = CharacterSet(charactersIn: "\\:*?\"<>|").union(.controlCharacters)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.hasPrefix("_") && $0.utf8.count <= 200 }),
            id.unicodeScalars.allSatisfy({ !forbidden.contains($0) })
        else {
            return .invalid(Localized(zh: "id “\(given)” 不是可用的文件路径。", en: "The id “\(given)” is not a usable file path."))
        }
        guard let kind = ItemKind(rawValue: String(parts[0])) else {
            let folders = ItemKind.allCases.map { $0.rawValue + "/" }.joined(separator: ", ")
            return .invalid(
                Localized(zh: "id “\(given)” 应当以 \(folders) 之一开头。", en: "The id “\(given)” should start with one of \(folders)."))
        }
        return .valid(id, kind)
    }

    /// `<kind>/<YYYY-MM>/<DD>-<title or first words>`.
    static func derivedID(kind: ItemKind, date: LocalDate, title: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in title {
            if character.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) }) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                slug.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
            if slug.count >= 20 { break }
        }
        return "\(kind.rawValue)/\(LocalDate.pad(date.year, 4))-\(LocalDate.pad(date.month, 2))/\(LocalDate.pad(date.day, 2))-\(slug.isEmpty ? "item" : slug)"
    }
}

/// The text of an imported item: front matter in one fixed key order (the
/// order the example plan and `new` use), then the body.
enum ItemFileText {
    static let keyOrder = [
        "date", "slot", "time", "persona", "theme", "title", "group", "format", "segments", "trigger", "via", "gift",
        "purpose", "person", "action", "status", "owner", "tags", "images", "ignore", "review", "results",
    ]

    static func render(_ draft: ItemDraft) -> String {
        var lines = ["---"]
        let keys = keyOrder.filter { draft.values[$0] != nil } + draft.values.keys.filter { !keyOrder.contains($0) }.sorted()
        for key in keys {
            switch draft.values[key]! {
            case .raw(let text): lines.append("\(key): \(text)")
            case .text(let text): lines.append("\(key): \(scalar(text))")
            case .list(let entries): lines.append("\(key): [\(entries.map { scalar($0, inList: true) }.joined(separator: ", "))]")
            case .mapping(let pairs):
                lines.append("\(key): {\(pairs.map { "\(scalar($0.0, inList: true)): \(Scaffold.yamlScalar($0.1))" }.joined(separator: ", "))}")
            }
        }
        lines.append("---")
        var text = lines.joined(separator: "\n") + "\n" + draft.body
        if !draft.body.isEmpty && !draft.body.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// Plain when YAML reads it back as the same string and no slip check
    /// (SPEC §11.1) mistakes it: it starts with a letter or ideograph and
    /// holds no YAML indicator (`: `, ` #`, quotes, flow brackets, commas);
    /// in a flow list not `，`/`、` either. Otherwise double-quoted.
    static func scalar(_ text: String, inList: Bool = false) -> String {
        let asciiAllowed = Set(" -_./+()!?%&=~".unicodeScalars)
        let nonASCIIRefused: Set<Unicode.Scalar> = inList
            ? ["\u{FEFF}", "\u{2028}", "\u{2029}", "\u{85}", "\u{3000}", "，", "、"]
            : ["\u{FEFF}", "\u{2028}", "\u{2029}", "\u{85}", "\u{3000}"]
        let scalars = text.unicodeScalars
        let plain = scalars.allSatisfy { scalar in
            if scalar.isASCII {
                return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || asciiAllowed.contains(scalar)
            }
            return !nonASCIIRefused.contains(scalar) && scalar.properties.generalCategory != .control
        }
        guard plain, let first = scalars.first, let last = scalars.last, last != " ", !text.contains("  "),
            first.properties.isAlphabetic || (!first.isASCII && first.properties.numericType != nil),
            !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
        else { return Scaffold.yamlScalar(text) }
        return text
    }
}
