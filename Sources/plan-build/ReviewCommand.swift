import ArgumentParser
import Foundation
import Planner

struct ReviewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "review",
            abstract: words("合规审核：签发内容。", "Compliance review: sign items off."),
            subcommands: [ReviewSignCommand.self])
    }
}

struct ReviewSignCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sign",
            abstract: words("签发内容：在文件头写入 review（签发人、日期、正文哈希），文件其余部分一字不改。",
                            "Sign items off: write review (who, when, the body's hash) into the front matter, changing nothing else in the file."),
            discussion: words(
                "签发后正文再改，review-required 会报错，直到重新签发。",
                "If the body changes after signing, review-required reports it until the item is signed again."))
    }

    @Argument(help: help("内容的 id（如 moments/2026-12/05-理财）或文件路径。", "Item ids (like moments/2026-12/05-fund) or file paths."))
    var items: [String]

    @Option(name: .long, help: help("签发人。", "Who signs."))
    var by: String

    @Option(name: .long, help: help("签发日期（YYYY-MM-DD）；默认：计划时区的今天。", "The date signed (YYYY-MM-DD); default: today in the plan's timezone."))
    var on: String?

    @Option(name: .long, help: help("内容文件夹。", "The content folder."))
    var content: String = "content"

    func run() throws {
        guard !items.isEmpty else { throw ValidationError(words("请写出要签发的内容。", "Name the items to sign.")) }
        guard !by.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(words("--by 不能为空。", "--by must not be empty."))
        }
        var date: LocalDate?
        if let on {
            guard let parsed = LocalDate(parsing: on) else {
                throw ValidationError(words("--on 要写成 YYYY-MM-DD 的日期，而不是“\(on)”。", "--on must be a date YYYY-MM-DD, not “\(on)”."))
            }
            date = parsed
        }
        let url = try contentFolder(content)
        switch ReviewSign(contentDirectory: url, reviewer: by, date: date).run(items: items) {
        case .failure(let failure):
            complain(words(failure.message))
            throw ExitCode(1)
        case .success(let signed):
            for entry in signed {
                print(words("已签发 \(entry.file)（sha256 \(entry.hash.prefix(12))…）", "Signed \(entry.file) (sha256 \(entry.hash.prefix(12))…)"))
            }
        }
    }
}
