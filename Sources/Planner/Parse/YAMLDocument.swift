import Foundation
import Yams

/// Parses one YAML block into a Yams node, turning every failure into a
/// `front-matter` diagnostic at the file line it happened on.
enum YAMLDocument {
    /// Front matter never needs more; these bounds keep alias bombs and deep
    /// nesting from exhausting memory or the stack of a worker thread.
    static let maximumAliases = 64
    static let maximumDepth = 64
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
            let line = firstLine + max(0, (mark?.line ?? 1) - 1)
            return .failure(Failure(diagnostic: diagnostic(message, file: file, line: line, column: mark?.column ?? 1, id: id, code: "yaml")))
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

    /// A cheap scan before Yams sees the text: too many aliases, or nesting
    /// deeper than any plan needs. Returns the first offending line.
    private static func guardProblem(_ yaml: String) -> (message: Localized, line: Int, code: String)? {
        var aliases = 0
        var line = 1
        var flowDepth = 0
        var atLineStart = true
        var indentation = 0
        var blockPrefixes = 0
        var quote: UInt8?
        var previous: UInt8 = 10
        for byte in yaml.utf8 {
            if byte == 10 {
                line += 1
                atLineStart = true
                indentation = 0
                blockPrefixes = 0
                // A comment ends with its line; a quoted scalar may go on.
                if quote == 10 { quote = nil }
                previous = byte
                continue
            }
            if atLineStart {
                if byte == 32 {
                    indentation += 1
                    if indentation > maximumDepth * 8 { return tooDeep(line) }
                    previous = byte
                    continue
                }
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") { blockPrefixes += 1 } else { atLineStart = false }
                if blockPrefixes > maximumDepth { return tooDeep(line) }
            }
            if let open = quote {
                if byte == open { quote = nil }
                previous = byte
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if previous == 32 || previous == 10 || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
                    || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":")
                {
                    quote = byte
                }
            case UInt8(ascii: "#") where previous == 32 || previous == 10:
                // Skip the comment: treat the rest of the line as quoted by newline.
                quote = 10
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth > maximumDepth { return tooDeep(line) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: "*") where previous == 32 || previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",") || previous == 10:
                aliases += 1
                if aliases > maximumAliases {
                    return (
                        Localized(
                            zh: "YAML 别名（*）超过 \(maximumAliases) 个，已拒绝解析，以防“别名炸弹”。",
                            en: "More than \(maximumAliases) YAML aliases (*): refused, to guard against alias bombs."),
                        line, "aliases"
                    )
                }
            default: break
            }
            previous = byte
        }
        return nil
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
