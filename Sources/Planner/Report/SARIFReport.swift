/// `--format sarif`: a SARIF 2.1.0 log with one run, the metadata of every
/// rule plan-build knows, and one result per diagnostic carrying the
/// diagnostic's fingerprint as `partialFingerprints["planBuild/v1"]`.
///
/// Locations are relative URIs under `%SRCROOT%` (the repository root);
/// columns count Unicode code points, as `SourceLocation` does.
struct SARIFReport {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    static let fingerprintKey = "planBuild/v1"

    func render(_ report: Report) -> String {
        document(report).encoded() + "\n"
    }

    func document(_ report: Report) -> JSONValue {
        let language = report.language
        var descriptors = RuleCatalogue.all.map { SARIFReport.descriptor($0, language) }
        var index: [String: Int] = [:]
        for (position, rule) in RuleCatalogue.all.enumerated() where index[rule.id] == nil {
            index[rule.id] = position
        }
        // A diagnostic whose rule the catalogue does not list still gets a descriptor,
        // so every result can name its rule by index.
        let unknown = Set(report.diagnostics.map(\.ruleID)).filter { index[$0] == nil }.sorted()
        for id in unknown {
            index[id] = descriptors.count
            descriptors.append(["id": .string(id), "name": .string(SARIFReport.pascalCase(id))])
        }

        var driver: [String: JSONValue] = [
            "name": "plan-build",
            "version": .string(report.toolVersion),
            "rules": .array(descriptors),
        ]
        if SARIFReport.isSemanticVersion(report.toolVersion) {
            driver["semanticVersion"] = .string(report.toolVersion)
        }
        if let uri = PlanBuild.informationURI { driver["informationUri"] = .string(uri) }

        let run: JSONValue = [
            "tool": ["driver": .object(driver)],
            "language": .string(language.rawValue),
            "columnKind": "unicodeCodePoints",
            "results": .array(report.diagnostics.map { SARIFReport.result($0, ruleIndex: index[$0.ruleID]!, language) }),
        ]
        return [
            "$schema": .string(SARIFReport.schemaURI),
            "version": "2.1.0",
            "runs": [run],
        ]
    }

    // MARK: Rules

    static func descriptor(_ rule: any Rule, _ language: Language) -> JSONValue {
        let summary = rule.summary.text(language)
        let explanation = rule.explanation.text(language)
        let example = rule.example.text(language)
        let exampleLabel = language == .zhCN ? "示例" : "Example"
        var helpText = explanation
        var helpMarkdown = MarkdownReport.escape(explanation)
        if !example.isEmpty {
            helpText += "\n\n\(exampleLabel)\(language == .zhCN ? "：" : ":")\n\(example)"
            helpMarkdown += "\n\n**\(exampleLabel)**\n\n" + MarkdownReport.fencedBlock(example, info: "yaml")
        }
        var properties: [String: JSONValue] = ["tags": ["plan-build"]]
        if !rule.options.isEmpty {
            properties["options"] = .array(
                rule.options.map { option in
                    [
                        "name": .string(option.name),
                        "kind": .string(option.kind.rawValue),
                        "default": .string(option.defaultValue?.description),
                        "summary": .string(option.summary.text(language)),
                    ]
                })
        }
        return [
            "id": .string(rule.id),
            "name": .string(pascalCase(rule.id)),
            "shortDescription": ["text": .string(summary)],
            "fullDescription": ["text": .string(explanation)],
            "help": ["text": .string(helpText), "markdown": .string(helpMarkdown)],
            "defaultConfiguration": ["level": .string(level(rule.defaultSeverity))],
            "properties": .object(properties),
        ]
    }

    // MARK: Results

    static func result(_ diagnostic: Diagnostic, ruleIndex: Int, _ language: Language) -> JSONValue {
        var text = diagnostic.message.text(language)
        if let hint = diagnostic.hint {
            text += "\n" + (language == .zhCN ? "建议：" : "Hint: ") + hint.text(language)
        }
        var result: [String: JSONValue] = [
            "ruleId": .string(diagnostic.ruleID),
            "ruleIndex": .int(ruleIndex),
            "level": .string(level(diagnostic.severity)),
            "message": ["text": .string(text)],
            "locations": [["physicalLocation": physicalLocation(diagnostic.location)]],
            "partialFingerprints": [fingerprintKey: .string(diagnostic.fingerprint)],
        ]
        if !diagnostic.related.isEmpty {
            result["relatedLocations"] = .array(
                diagnostic.related.enumerated().map { id, related in
                    [
                        "id": .int(id),
                        "physicalLocation": physicalLocation(related.location),
                        "message": ["text": .string(related.message.text(language))],
                    ]
                })
        }
        var properties: [String: JSONValue] = [:]
        if let item = diagnostic.itemID { properties["item"] = .string(item) }
        if let date = diagnostic.date { properties["date"] = .string(date.description) }
        if let persona = diagnostic.persona { properties["persona"] = .string(persona) }
        if let hint = diagnostic.hint { properties["hint"] = .string(hint.text(language)) }
        if !properties.isEmpty { result["properties"] = .object(properties) }
        return .object(result)
    }

    static func physicalLocation(_ location: SourceLocation) -> JSONValue {
        [
            "artifactLocation": ["uri": .string(uri(location.file)), "uriBaseId": "%SRCROOT%"],
            "region": ["startLine": .int(location.line), "startColumn": .int(location.column)],
        ]
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .notice: return "note"
        }
    }

    /// A repository-relative path as a relative URI reference: `/` stays, every
    /// byte outside RFC 3986's unreserved set is percent-encoded (spaces,
    /// `%`, `:`, `#`, Chinese…), so no segment can be read as a scheme or query.
    static func uri(_ path: String) -> String { PercentEncoding.encode(path, .path) }

    /// `posts-per-day` → `PostsPerDay`, SARIF's customary form of a rule name.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    static func isSemanticVersion(_ version: String) -> Bool {
        let core = version.split(separator: "-", maxSplits: 1).first ?? ""
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
