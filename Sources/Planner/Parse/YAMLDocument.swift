import Foundation
internal import CYaml
import Yams

/// Parses one YAML block into a node tree, turning every failure into a
/// `front-matter` diagnostic at the file line it happened on.
enum YAMLDocument {
    /// Front matter never needs more; these bounds keep alias bombs and deep
    /// nesting from exhausting memory or the stack of a worker thread.
    static let maximumAliases = 64
    static let maximumDepth = 64
    /// Nodes all aliases together may stand for once expanded.
    static let maximumExpandedNodes = 10_000
    /// Yams reads its default from the environment on every parse; once is enough.
    nonisolated(unsafe) static let encoding = Parser.Encoding.default  // an immutable enum value

    struct Failure: Error {
        let diagnostic: Diagnostic
    }

    /// - Parameters:
    ///   - firstLine: the file line on which `yaml` starts.
    static func parse(_ yaml: String, file: String, id: String, firstLine: Int) -> Result<YAMLNode?, Failure> {
        if let node = SimpleYAML.compose(yaml) { return .success(node) }
        let composer = YAMLComposer(
            maximumAliases: maximumAliases, maximumDepth: maximumDepth, maximumExpandedNodes: maximumExpandedNodes)
        switch composer.compose(yaml) {
        case .composed(let node):
            return .success(node)
        case .tooDeep(let line):
            return .failure(Failure(diagnostic: diagnostic(tooDeep, file: file, line: firstLine + line - 1, column: 1, id: id, code: "depth")))
        case .aliasBomb(let line):
            return .failure(Failure(diagnostic: diagnostic(aliasBomb, file: file, line: firstLine + line - 1, column: 1, id: id, code: "aliases")))
        case .deferred:
            break
        }
        // Yams composes what the composer left to it, and words its errors.
        do {
            return .success(try composeWithYams(yaml))
        } catch let error as YamlError {
            var (message, mark) = describe(error)
            // An unclosed bracket or quote is only noticed at the end of the
            // block; the context mark points at where it was opened.
            let lineCount = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
            if let found = mark, found.line >= lineCount, let context = Self.context(of: error) {
                mark = context.mark
                message = Localized(zh: message.zh + "（\(context.text)）", en: message.en + " (\(context.text))")
            }
            var line = firstLine + max(0, (mark?.line ?? 1) - 1)
            var column = mark?.column ?? 1
            // Yams points at the mapping; the second occurrence of the key is what to fix.
            if case .duplicatedKeysInMapping = error, let repeated = repeatedKey(yaml) {
                line = firstLine + repeated.line - 1
                column = repeated.column
            }
            return .failure(Failure(diagnostic: diagnostic(message, file: file, line: line, column: column, id: id, code: "yaml")))
        } catch {
            return .failure(Failure(diagnostic: diagnostic(Localized("\(error)"), file: file, line: firstLine, column: 1, id: id, code: "yaml")))
        }
    }

    /// The tree Yams composes (the same the composer builds, when it does); throws Yams' errors.
    static func composeWithYams(_ yaml: String) throws -> YAMLNode? {
        try Yams.compose(yaml: yaml, .default, .default, encoding).map(YAMLNode.init)
    }

    private static func diagnostic(_ message: Localized, file: String, line: Int, column: Int, id: String, code: String) -> Diagnostic {
        Diagnostic(
            ruleID: "front-matter", severity: .error, message: message,
            location: SourceLocation(file: file, line: line, column: column),
            hint: Localized(
                zh: "检查这一行的缩进、冒号后的空格和引号是否成对；YAML 不能用 Tab 缩进。",
                en: "Check this line's indentation, the space after each colon and that quotes pair up; YAML cannot indent with tabs."),
            fingerprint: Fingerprint.make(["front-matter", id, code]))
    }

    private static func context(of error: YamlError) -> YamlError.Context? {
        switch error {
        case .scanner(let context, _, _, _), .parser(let context, _, _, _), .composer(let context, _, _, _): return context
        default: return nil
        }
    }

    private static func describe(_ error: YamlError) -> (Localized, Mark?) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return (Localized(zh: "YAML 无法解析：\(problem)。", en: "The YAML does not parse: \(problem)."), mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.joined(separator: ", ")
            return (Localized(zh: "同一层里重复的键：\(keys)。", en: "Duplicate keys in one mapping: \(keys)."), context.mark)
        case .reader(let problem, _, _, _):
            return (Localized(zh: "YAML 无法读取：\(problem)。", en: "The YAML cannot be read: \(problem)."), nil)
        default:
            return (Localized(zh: "YAML 无法解析：\(error)", en: "The YAML does not parse: \(error)"), nil)
        }
    }

    /// The position (1-based in `yaml`) of the first plain key that repeats
    /// one before it in the same mapping.
    static func repeatedKey(_ yaml: String) -> (line: Int, column: Int)? {
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return nil }
        bytes.append(0)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var open: [(isMapping: Bool, expectingKey: Bool, keys: Set<String>)] = []
            func completed() {
                if let last = open.indices.last, open[last].isMapping { open[last].expectingKey.toggle() }
            }
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if open.count >= maximumDepth { return nil }
                    open.append((event.type == YAML_MAPPING_START_EVENT, true, []))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    _ = open.popLast()
                    completed()
                case YAML_SCALAR_EVENT:
                    if let last = open.indices.last, open[last].isMapping, open[last].expectingKey,
                        let value = event.data.scalar.value
                    {
                        let key = String(decoding: UnsafeBufferPointer(start: value, count: Int(event.data.scalar.length)), as: UTF8.self)
                        if !open[last].keys.insert(key).inserted {
                            return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                        }
                    }
                    completed()
                case YAML_ALIAS_EVENT:
                    completed()
                default:
                    break
                }
            }
            return nil
        }
    }

    private static let aliasBomb = Localized(
        zh: "YAML 别名（*）超过 \(maximumAliases) 个或展开后过大，已拒绝解析，以防“别名炸弹”。",
        en: "The YAML aliases (*) are more than \(maximumAliases) or expand too far: refused, to guard against alias bombs.")

    private static let tooDeep = Localized(
        zh: "YAML 嵌套超过 \(maximumDepth) 层，已拒绝解析。",
        en: "The YAML nests deeper than \(maximumDepth) levels and was refused.")
}
