import Foundation
@testable import Planner

/// Hand-built diagnostics whose text holds everything a format must escape:
/// `%`, `,`, `:`, CR, LF, `|`, `<script>`, quotes, backslashes and Chinese.
enum ReportSamples {
    static let nastyFile = "content/moments/2026-12/01,晨跑:100%.md"
    static let nastyMessage = Localized(
        zh: "同一天有两条推文：50% 的人 | 会看到 <script>alert(1)</script>\r\n第二行",
        en: "Two posts on 2026-12-01: 50% of people | see <script>alert(1)</script>\r\nsecond line")

    static let date = LocalDate(year: 2026, month: 12, day: 1)!

    static let error = Diagnostic(
        ruleID: "posts-per-day", severity: .error, message: nastyMessage,
        location: SourceLocation(file: nastyFile, line: 3, column: 7),
        itemID: "moments/2026-12/01,晨跑", date: date, persona: "xiaozhao",
        related: [
            RelatedLocation(
                location: SourceLocation(file: "content/moments/2026-12/01-b.md", line: 2, column: 1),
                message: Localized(zh: "另一条：\"引号\" \\ 反斜杠", en: "the other one: \"quoted\" \\ backslash"),
                itemID: "moments/2026-12/01-b"),
            RelatedLocation(
                location: SourceLocation(file: "content/moments/2026-12/01-c.md", line: 2, column: 1),
                message: Localized("third")),
        ],
        hint: Localized(zh: "把一条移到 12 月 2 日，或者删掉。", en: "Move one to 2026-12-02, or drop it."),
        fingerprint: "00112233445566778899aabbccddeeff")

    static let warning = Diagnostic(
        ruleID: "unknown-key", severity: .warning, message: Localized(zh: "没有人读取键 tittle。", en: "Nobody reads the key tittle."),
        location: SourceLocation(file: "content/a.md", line: 4, column: 1), itemID: "a",
        hint: Localized(zh: "是不是 title？", en: "Did you mean title?"),
        fingerprint: "ffeeddccbbaa99887766554433221100")

    static let notice = Diagnostic(
        ruleID: "out-of-range", severity: .notice, message: Localized(zh: "日期在计划范围之外。", en: "The date is outside the plan."),
        location: SourceLocation(file: "content/b.md"), fingerprint: "0123456789abcdef0123456789abcdef")

    /// A rule plan-build does not list (as a later rule, or a bug, might produce).
    static let stray = Diagnostic(
        ruleID: "not-in-catalogue", severity: .warning, message: Localized("Stray."),
        location: SourceLocation(file: "content/c.md"), fingerprint: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")

    /// In report order (file, line, column, rule): the warning (a.md), the notice (b.md), the error.
    static var all: [Diagnostic] { [notice, warning, error].sorted(by: Diagnostic.reportOrder) }

    static func report(_ diagnostics: [Diagnostic] = all, language: Language = .en, root: URL? = nil, colour: Bool = false)
        -> Report
    {
        Report(diagnostics: diagnostics, language: language, repositoryRoot: root, colour: colour, toolVersion: "1.2.3")
    }

    /// `count` distinct diagnostics of one severity.
    static func many(_ count: Int, _ severity: Severity, rule: String = "posts-per-day") -> [Diagnostic] {
        (0..<count).map { index in
            Diagnostic(
                ruleID: rule, severity: severity, message: Localized("\(severity) \(index)"),
                location: SourceLocation(file: "content/\(severity)-\(index).md", line: index + 1),
                fingerprint: Fingerprint.make([rule, severity.rawValue, String(index)]))
        }
    }

    /// Parses JSON text with Foundation, as a consumer would.
    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
