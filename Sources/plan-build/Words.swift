import ArgumentParser
import Foundation
import Planner

/// The language of help and messages, chosen once before the arguments are
/// parsed (ArgumentParser's help is built from values, so choosing early is
/// enough to localise it).
let interfaceLanguage = InterfaceLanguage.choose(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
    directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))

/// One text of the interface, in the chosen language.
func words(_ zh: String, _ en: String) -> String { interfaceLanguage == .zhCN ? zh : en }

func words(_ text: Localized) -> String { text.text(interfaceLanguage) }

/// Help for an option or argument, in the chosen language.
func help(_ zh: String, _ en: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(words(zh, en), valueName: valueName)
}

/// Writes `plan-build: message` to standard error.
func complain(_ message: String) {
    FileHandle.standardError.write(Data("plan-build: \(message)\n".utf8))
}

/// ArgumentParser's own words (headings, the help and version flags, parse
/// errors) are English; under zh-CN they are replaced here.
enum ParserWords {
    static func localize(_ text: String) -> String {
        guard interfaceLanguage == .zhCN else { return text }
        var output = text
        for (english, chinese) in phrases { output = output.replacingOccurrences(of: english, with: chinese) }
        output = replace(#"See '([^']*)' for more information\."#, in: output) { "运行 '\($0)' 查看更多说明。" }
        output = replace(#" ?\(default:\s+([^)]*)\)"#, in: output) { "（默认：\(collapse($0))）" }
        output = replace(#" ?\(values:\s+([^)]*)\)"#, in: output) { "（可选值：\(collapse($0))）" }
        return output
    }

    private static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "概述："),
        ("USAGE: ", "用法："),
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："),
        ("Show help information.", "显示帮助。"),
        ("Show the version.", "显示版本号。"),
        ("for detailed help.", "查看详细帮助。"),
        ("<subcommand>", "<子命令>"),
        ("See 'plan-build help", "运行 'plan-build help"),
        ("Error: ", "错误："),
        ("Usage: ", "用法："),
        ("Help:  ", "帮助："),
        ("Missing expected argument ", "缺少参数 "),
        ("Missing value for ", "缺少取值："),
        ("Unknown option ", "未知选项 "),
        (". Did you mean ", "。是不是 "),
        ("Unexpected argument ", "多余的参数 "),
        (" unexpected arguments: ", " 个多余的参数："),
        ("Missing required subcommand.", "缺少子命令。"),
        ("The value ", "取值 "),
        (" is invalid for ", " 不能用于 "),
        (" is invalid.", " 无效。"),
        ("(default)", "（默认）"),
    ]

    /// A value the help wrapped over lines, on one line again.
    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    private static func replace(_ pattern: String, in text: String, with make: (String) -> String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        var output = text
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let whole = Range(match.range, in: output), let inner = Range(match.range(at: 1), in: output) else { continue }
            output.replaceSubrange(whole, with: make(String(output[inner])))
        }
        return output
    }
}
