import Foundation

/// The built-in theme (compiled into the binary) with a plan's
/// `themes/<name>/` laid over it file by file.
public struct Theme: Sendable {
    let templates: TemplateSet
    /// Files under `static/`, as (path under static/, bytes), sorted by path.
    public let staticFiles: [(path: String, data: Data)]

    public struct LoadError: Error, CustomStringConvertible {
        public let diagnostic: Diagnostic
        public var description: String { diagnostic.message.en }
    }

    /// - Parameter overrideDirectory: the `themes/` folder; `themes/<name>/` inside it overrides.
    public static func load(name: String, overrideDirectory: URL?) throws -> Theme {
        var files: [String: Data] = [:]
        /// Where each overridden file came from, for error positions.
        var origins: [String: String] = [:]
        for entry in EmbeddedTheme.files {
            files[entry.path] = Data(base64Encoded: entry.base64) ?? Data()
        }
        if let base = overrideDirectory {
            let folder = base.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
                for (path, data) in try overrides(in: folder) {
                    files[path] = data
                    origins[path] = displayPath(folder.appendingPathComponent(path))
                }
            } else if name != "default" {
                throw LoadError(diagnostic: themeProblem(
                    Localized(zh: "找不到主题 “\(name)”（\(folder.path)）。", en: "The theme “\(name)” was not found (\(folder.path))."),
                    file: "plan.yml", line: 1, column: 1, code: "missing-theme:\(name)"))
            }
        } else if name != "default" {
            throw LoadError(diagnostic: themeProblem(
                Localized(zh: "找不到主题 “\(name)”。", en: "The theme “\(name)” was not found."), file: "plan.yml", line: 1, column: 1,
                code: "missing-theme:\(name)"))
        }
        var templates: [String: CompiledTemplate] = [:]
        /// Where each template came from, for error positions.
        var templateFiles: [String: String] = [:]
        func compile(_ path: String, _ data: Data, as templateName: String, builtIn: Bool = false) throws {
            let file = builtIn ? "(built-in theme)/\(path)" : origins[path] ?? "(built-in theme)/\(path)"
            do {
                templates[templateName] = try MustacheParser.parse(String(decoding: data, as: UTF8.self))
                templateFiles[templateName] = file
            } catch {
                throw LoadError(diagnostic: themeProblem(
                    Localized(zh: "模板 \(path) 无法解析：\(error.message.zh)", en: "The template \(path) does not parse: \(error.message.en)"),
                    file: file, line: error.line, column: error.column, code: "template:\(path)"))
            }
        }
        var statics: [(String, Data)] = []
        for path in files.keys.sorted() {
            let data = files[path]!
            if let templateName = templateName(path) {
                try compile(path, data, as: templateName)
            } else if path.hasPrefix("static/") {
                statics.append((String(path.dropFirst("static/".count)), data))
            }
        }
        // The built-in templates also as `builtin/<name>`, so that an override can extend the page it replaces.
        for entry in EmbeddedTheme.files.sorted(by: { $0.path < $1.path }) {
            guard let templateName = templateName(entry.path) else { continue }
            if origins[entry.path] == nil, let compiled = templates[templateName] {
                templates["builtin/" + templateName] = compiled
                templateFiles["builtin/" + templateName] = templateFiles[templateName]
            } else {
                try compile(entry.path, Data(base64Encoded: entry.base64) ?? Data(), as: "builtin/" + templateName, builtIn: true)
            }
        }
        try checkReferences(templates, files: templateFiles)
        return Theme(templates: TemplateSet(templates), staticFiles: statics)
    }

    private static func templateName(_ path: String) -> String? {
        guard path.hasPrefix("templates/") && path.hasSuffix(".mustache") else { return nil }
        return String(path.dropFirst("templates/".count).dropLast(".mustache".count))
    }

    /// A partial or parent the theme does not have would render as nothing: a
    /// page written for an older theme (`{{>head}}`) would lose its frame unseen.
    private static func checkReferences(_ templates: [String: CompiledTemplate], files: [String: String]) throws {
        for name in templates.keys.sorted() {
            for reference in templates[name]!.references where templates[reference.name] == nil {
                let known = templates.keys.filter { !$0.hasPrefix("builtin/") }.sorted().joined(separator: ", ")
                throw LoadError(diagnostic: themeProblem(
                    Localized(
                        zh: "模板 \(name) 引用了主题中没有的模板 “\(reference.name)”（现有：\(known)）。",
                        en: "The template \(name) names “\(reference.name)”, which the theme does not have (it has: \(known))."),
                    file: files[name] ?? name, line: reference.line, column: reference.column, code: "template-reference:\(name):\(reference.name)"))
            }
        }
    }

    /// A path as the user would type it: relative to the working folder when inside it.
    private static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }

    private static func overrides(in folder: URL) throws -> [(String, Data)] {
        var result: [(String, Data)] = []
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return result
        }
        let root = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            result.append((path, try Data(contentsOf: url)))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    private static func themeProblem(_ message: Localized, file: String, line: Int, column: Int, code: String) -> Diagnostic {
        Diagnostic(
            ruleID: "front-matter", severity: .error, message: message, location: SourceLocation(file: file, line: line, column: column),
            fingerprint: Fingerprint.make(["theme", code]))
    }

    /// Renders a page model with one of the theme's templates.
    func render(_ value: TemplateValue, template: String, into output: inout [UInt8]) {
        templates.render(value, template: template, into: &output)
    }

    /// Renders a page model into a buffer kept from page to page (`PageBuffers`).
    func render(_ value: TemplateValue, template: String, into sink: inout ByteSink, memo: FragmentMemo? = nil) {
        templates.render(value, template: template, into: &sink, memo: memo)
    }
}
