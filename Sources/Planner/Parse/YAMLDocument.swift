import Foundation
internal import CYaml
import Yams

/// Parses one YAML block into a Yams node, turning every failure into a
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
    static func parse(_ yaml: String, file: String, id: String, firstLine: Int) -> Result<Node?, Failure> {
        if let problem = guardProblem(yaml) {
            return .failure(Failure(diagnostic: diagnostic(problem.message, file: file, line: firstLine + problem.line - 1, column: 1, id: id, code: problem.code)))
        }
        do {
            return .success(try Yams.compose(yaml: yaml, .default, .default, encoding))
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

    /// Refuses, before Yams composes anything, YAML that nests deeper than
    /// any plan needs or whose aliases would expand into a huge tree.
    ///
    /// Yams composes recursively (and `Node` is compared, hashed and freed
    /// recursively), so depth must be bounded before it runs: this walks
    /// libyaml's event stream, which is iterative, counting the depth of
    /// flow and block collections alike and the number of nodes each alias
    /// stands for. Returns the first offending line (1-based in `yaml`).
    /// A syntax error stops the walk: Yams reports it, from the same parser.
    static func guardProblem(_ yaml: String) -> (message: Localized, line: Int, code: String)? {
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return nil }
        bytes.append(0)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> (message: Localized, line: Int, code: String)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            // Expanded node counts of the open collections, innermost last.
            var open: [(count: Int, anchor: String?)] = []
            var anchored: [String: Int] = [:]
            var aliases = 0
            var expanded = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if open.count >= maximumDepth { return tooDeep(line) }
                    let anchor = event.type == YAML_SEQUENCE_START_EVENT
                        ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    open.append((1, anchor.map { String(cString: $0) }))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { continue }
                    if let anchor = closed.anchor { anchored[anchor] = closed.count }
                    if !open.isEmpty { open[open.count - 1].count += closed.count }
                case YAML_SCALAR_EVENT:
                    if let anchor = event.data.scalar.anchor { anchored[String(cString: anchor)] = 1 }
                    if !open.isEmpty { open[open.count - 1].count += 1 }
                case YAML_ALIAS_EVENT:
                    aliases += 1
                    let size = event.data.alias.anchor.flatMap { anchored[String(cString: $0)] } ?? 1
                    expanded += size
                    if aliases > maximumAliases || expanded > maximumExpandedNodes { return aliasBomb(line) }
                    if !open.isEmpty { open[open.count - 1].count += size }
                default:
                    break
                }
            }
            // libyaml has a nesting limit of its own (1,000, counted ahead by
            // its scanner); say so in the same words as ours.
            if let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting") {
                return tooDeep(Int(parser.problem_mark.line) + 1)
            }
            return nil
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

    private static func aliasBomb(_ line: Int) -> (message: Localized, line: Int, code: String) {
        (
            Localized(
                zh: "YAML 别名（*）超过 \(maximumAliases) 个或展开后过大，已拒绝解析，以防“别名炸弹”。",
                en: "The YAML aliases (*) are more than \(maximumAliases) or expand too far: refused, to guard against alias bombs."),
            line, "aliases"
        )
    }

    private static func tooDeep(_ line: Int) -> (message: Localized, line: Int, code: String) {
        (
            Localized(
                zh: "YAML 嵌套超过 \(maximumDepth) 层，已拒绝解析。",
                en: "The YAML nests deeper than \(maximumDepth) levels and was refused."),
            line, "depth"
        )
    }
}
