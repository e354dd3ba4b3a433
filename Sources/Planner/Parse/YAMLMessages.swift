/// The words of YAML diagnostics, in Chinese and English: libyaml's own
/// messages are English and name the parser's state, not the writer's slip.
extension YAMLDocument {
    static func describe(_ slip: InputSlip) -> (message: Localized, hint: Localized, code: String) {
        let fixed = slip.fixed.trimmingCharacters(in: .whitespaces)
        switch slip.kind {
        case .fullWidthColon(let key):
            return (
                Localized(
                    zh: "键 “\(key)” 后面是全角冒号 “：”，YAML 只认半角冒号 “:”。",
                    en: "The key “\(key)” is followed by a full-width colon “：”; YAML only reads the ASCII colon “:”."),
                Localized(
                    zh: "把 “：” 改成半角冒号 “:”，冒号后留一个空格：\(fixed)",
                    en: "Change “：” to an ASCII colon “:” followed by a space: \(fixed)"),
                "slip:colon:\(key)")
        case .fullWidthSpace:
            return (
                Localized(
                    zh: "这里是一个全角空格 “　”（U+3000），YAML 只认半角空格。",
                    en: "This is a full-width space “　” (U+3000); YAML only reads ASCII spaces."),
                Localized(
                    zh: "切换到半角输入，把全角空格换成半角空格（缩进只用半角空格，同一层的键要对齐）：\(fixed)",
                    en: "Replace the full-width space with ASCII spaces (indent with ASCII spaces only, keys of one level aligned): \(fixed)"),
                "slip:space")
        case .listSeparator(let separator):
            let name = separator == "、" ? Localized(zh: "顿号", en: "an enumeration comma") : Localized(zh: "全角逗号", en: "a full-width comma")
            return (
                Localized(
                    zh: "列表项之间用了\(name.zh) “\(separator)”，YAML 只认半角逗号 “,”，会把几项读成一项。",
                    en: "The list entries are separated by \(name.en) “\(separator)”; YAML only splits at the ASCII comma “,”, so they would read as one entry."),
                Localized(
                    zh: "把 “\(separator)” 改成半角逗号加空格：\(fixed)（若它本是文字的一部分，给这一项加上英文引号）",
                    en: "Change “\(separator)” to an ASCII comma and a space: \(fixed) (if it is part of the text, put the entry in ASCII quotes)"),
                "slip:separator")
        case .curlyQuotes(let open, let close):
            return (
                Localized(
                    zh: "值被中文引号 \(open)…\(close) 包住了；YAML 不把它们当引号，它们会成为值的一部分。",
                    en: "The value is wrapped in curly quotes \(open)…\(close); YAML does not read them as quotes, so they become part of the value."),
                Localized(
                    zh: "删掉开头的 “\(open)” 和结尾的 “\(close)”（需要引号时用英文引号 \"…\"）：\(fixed)",
                    en: "Remove the opening “\(open)” and the closing “\(close)” (use ASCII quotes \"…\" when quotes are needed): \(fixed)"),
                "slip:quotes")
        }
    }

    static func describe(_ problem: YAMLProblem, lineText: String) -> (message: Localized, hint: Localized) {
        switch problem.kind {
        case .tooDeep:
            return (
                Localized(
                    zh: "YAML 嵌套超过 \(maximumDepth) 层，已拒绝解析。",
                    en: "The YAML nests deeper than \(maximumDepth) levels and was refused."),
                Localized(zh: "文件头只需要几层键值；删掉多余的括号或缩进。", en: "Front matter needs only a few levels; remove the extra brackets or indentation."))
        case .aliasBomb:
            return (
                Localized(
                    zh: "YAML 别名（*）超过 \(maximumAliases) 个或展开后过大，已拒绝解析，以防“别名炸弹”。",
                    en: "The YAML aliases (*) are more than \(maximumAliases) or expand too far: refused, to guard against alias bombs."),
                Localized(zh: "把内容直接写出来，不用 & 和 *。", en: "Write the values out instead of using & and *."))
        case .duplicateKey(let key):
            return (
                Localized(zh: "同一层里重复的键：\(key)。", en: "Duplicate keys in one mapping: \(key)."),
                Localized(zh: "删掉其中一个 “\(key)”，或把两处合并。", en: "Remove one “\(key)”, or merge the two."))
        case .undefinedAlias(let name):
            return (
                Localized(zh: "别名 “*\(name)” 没有对应的锚点 “&\(name)”。", en: "The alias “*\(name)” has no anchor “&\(name)”."),
                Localized(zh: "在前面用 &\(name) 标出要引用的值，或直接写出值。", en: "Mark the value with &\(name) before it, or write the value out."))
        case .multipleDocuments:
            return (
                Localized(
                    zh: "这里的 --- 开始了第二个 YAML 文档；一个文件只能有一个。",
                    en: "This --- starts a second YAML document; a file holds only one."),
                Localized(zh: "删掉这一行 ---。", en: "Remove this --- line."))
        case .syntax(let problem, _):
            return syntax(problem, lineText: lineText)
        }
    }

    /// libyaml's problem in the writer's terms.
    private static func syntax(_ problem: String, lineText: String) -> (message: Localized, hint: Localized) {
        let general = Localized(
            zh: "检查这一行的缩进、冒号后的空格和引号是否成对；YAML 不能用 Tab 缩进。",
            en: "Check this line's indentation, the space after each colon and that quotes pair up; YAML cannot indent with tabs.")
        switch problem {
        case "could not find expected ':'":
            let glued = lineText.range(of: #"^\s*[^\s:#]+:[^\s/]"#, options: .regularExpression) != nil
            return (
                glued
                    ? Localized(
                        zh: "这一行的冒号 “:” 后面少了一个空格，YAML 读不出它的键和值。",
                        en: "The colon “:” on this line has no space after it, so YAML cannot read its key and value.")
                    : Localized(
                        zh: "这一行不是 “键: 值” 的写法：找不到半角冒号 “:”。",
                        en: "This line is not a “key: value” pair: there is no ASCII colon “:”."),
                glued
                    ? Localized(zh: "冒号后面要有一个空格，例如 theme: life。", en: "Put a space after the colon, like theme: life.")
                    : Localized(
                        zh: "写成 键: 值（半角冒号，后面有空格）；若是上一行文字的续行，要比上一行的键多缩进。",
                        en: "Write key: value (an ASCII colon and a space); a line that goes on with the text above must be indented past its key."))
        case "mapping values are not allowed in this context":
            return (
                Localized(
                    zh: "这里不能再写 “键: 值”：这一行多了一个 “冒号加空格”，或缩进不对。",
                    en: "A “key: value” is not allowed here: the line has a second colon and space, or its indentation is off."),
                Localized(
                    zh: "值里有 “: ” 时给整个值加英文引号，例如 title: \"早安: 跑步\"；否则检查缩进。",
                    en: "When a value holds “: ”, quote it, like title: \"Morning: run\"; otherwise check the indentation."))
        case "found character that cannot start any token":
            return (
                Localized(
                    zh: "这个字符不能出现在这里：YAML 把 @、` 等留作他用，也不能用 Tab 缩进。",
                    en: "This character cannot start anything here: YAML reserves @ and `, and cannot indent with tabs."),
                Localized(zh: "给值加英文引号，或把 Tab 换成空格。", en: "Quote the value, or replace the tab with spaces."))
        case "did not find expected key":
            return (
                Localized(zh: "这里应当是一个键，但缩进或写法不对。", en: "A key should be here, but the indentation or layout is off."),
                Localized(zh: "同一层的键要对齐，只用半角空格缩进。", en: "Align the keys of one level; indent with ASCII spaces only."))
        case "did not find expected ',' or ']'":
            return (
                Localized(zh: "方括号列表没有正确结束：缺少 “,” 或 “]”。", en: "A [ list is not closed properly: a “,” or “]” is missing."),
                Localized(zh: "补上结尾的 “]”，列表项之间用半角逗号分开。", en: "Add the closing “]” and separate the entries with ASCII commas."))
        case "did not find expected ',' or '}'":
            return (
                Localized(zh: "花括号映射没有正确结束：缺少 “,” 或 “}”。", en: "A { mapping is not closed properly: a “,” or “}” is missing."),
                Localized(zh: "补上结尾的 “}”，各项之间用半角逗号分开。", en: "Add the closing “}” and separate the entries with ASCII commas."))
        case "found unexpected end of stream":
            return (
                Localized(zh: "这里开始的引号没有闭合。", en: "The quote opened here is never closed."),
                Localized(zh: "在值的结尾补上同样的引号。", en: "Close the value with the same quote."))
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return (
                Localized(zh: "缩进里有 Tab；YAML 只能用空格缩进。", en: "The indentation holds a tab; YAML indents with spaces only."),
                Localized(zh: "把 Tab 换成空格。", en: "Replace the tab with spaces."))
        case "block sequence entries are not allowed in this context":
            return (
                Localized(zh: "这里不能开始 “- ” 列表。", en: "A “- ” list cannot start here."),
                Localized(
                    zh: "把列表写成 [a, b]，或把每个 “- ” 另起一行并缩进。",
                    en: "Write the list as [a, b], or put each “- ” on a line of its own, indented."))
        case "did not find expected '-' indicator":
            return (
                Localized(zh: "这一层是 “- ” 列表，这一行却不是列表项。", en: "This level is a “- ” list, but this line is not an entry."),
                Localized(zh: "给这一行加上 “- ”，或调整缩进。", en: "Start the line with “- ”, or fix its indentation."))
        case "did not find expected node content":
            return (
                Localized(zh: "这里缺少一个值。", en: "A value is missing here."),
                Localized(zh: "写上值，或删掉多余的标点。", en: "Write the value, or remove the stray punctuation."))
        case "found unknown escape character":
            return (
                Localized(zh: "双引号里的反斜杠 “\\” 后面不是有效的转义。", en: "A backslash “\\” in double quotes starts an unknown escape."),
                Localized(zh: "改用单引号，或写成两个反斜杠 “\\\\”。", en: "Use single quotes, or write two backslashes “\\\\”."))
        case "did not find expected comment or line break":
            return (
                Localized(zh: "值结束后这一行还有多余的内容。", en: "Something follows the value on this line."),
                Localized(zh: "引号要包住整个值；注释前要有空格：# 注释。", en: "Quote the whole value; a comment needs a space before #."))
        case "control characters are not allowed":
            return (
                Localized(zh: "文本里有看不见的控制字符。", en: "The text holds an invisible control character."),
                Localized(zh: "删掉这个字符后重新输入这一行。", en: "Delete the character and type the line again."))
        case "did not find expected alphabetic or numeric character":
            return (
                Localized(
                    zh: "以 “&” 或 “*” 开头的值被当成了 YAML 的锚点或别名。",
                    en: "A value that starts with “&” or “*” is read as a YAML anchor or alias."),
                Localized(zh: "给整个值加英文引号，例如 title: \"*重点*\"。", en: "Quote the whole value, like title: \"*key*\"."))
        case "found undefined tag handle", "did not find expected tag URI", "did not find expected '!'":
            return (
                Localized(zh: "以 “!” 开头的值被当成了 YAML 的标签。", en: "A value that starts with “!” is read as a YAML tag."),
                Localized(zh: "给整个值加英文引号，例如 title: \"!重要\"。", en: "Quote the whole value, like title: \"!important\"."))
        default:
            return (
                Localized(zh: "YAML 在这里无法解析。", en: "The YAML does not parse here: \(problem)."),
                Localized(zh: general.zh + "（解析器的说明：\(problem)）", en: general.en))
        }
    }
}

extension YAMLProblem.Kind {
    /// For fingerprints: which problem, never where.
    var code: String {
        switch self {
        case .syntax, .multipleDocuments, .undefinedAlias, .duplicateKey: return "yaml"
        case .tooDeep: return "depth"
        case .aliasBomb: return "aliases"
        }
    }
}
