import Testing
@testable import Planner

/// Input-method slips found before YAML reads the text (spec 11.1).
@Suite struct InputSlipTests {
    enum Expected: Equatable {
        case colon(String), space, separator(Character), quotes
    }

    static func slips(_ yaml: String) -> [String] {
        InputSlips.find(in: yaml).map { slip in
            let name: String
            switch slip.kind {
            case .fullWidthColon(let key): name = "colon(\(key))"
            case .fullWidthSpace: name = "space"
            case .listSeparator(let separator): name = "separator(\(separator))"
            case .curlyQuotes(let open, _): name = "quotes(\(open))"
            }
            return "\(name)@\(slip.line):\(slip.column)"
        }
    }

    static let triggering: [(String, [String])] = [
        ("date: 2026-12-01\ntheme：life\n", ["colon(theme)@2:6"]),
        ("date：2026-12-01\n", ["colon(date)@1:5"]),
        ("title：早安: 跑步\n", ["colon(title)@1:6"]),
        ("themes:\n  life：{label: 生活}\n", ["colon(life)@2:7"]),
        ("segments:\n  payroll: {label：代发客群, stage: weak}\n", ["colon(label)@2:18"]),
        ("pauses:\n  - from: 2026-12-24\n    to：2026-12-26\n", ["colon(to)@3:7"]),
        ("pauses:\n  - from：2026-12-24\n", ["colon(from)@2:9"]),
        ("rules:\n  theme-mix: {min: {life：2}}\n", ["colon(life)@2:25"]),
        ("\"title\"：x\n", ["colon(title)@1:8"]),
        ("date:\u{3000}2026-12-01\n", ["space@1:6"]),
        ("\u{3000}slot: morning\n", ["space@1:1"]),
        ("themes:\n\u{3000}\u{3000}life: {label: 生活}\n", ["space@2:1"]),
        ("themes:\n  \u{3000}life: {label: 生活}\n", ["space@2:3"]),
        ("tags: [晨跑，理财]\n", ["separator(，)@1:10"]),
        ("segments: [代发客群、车主客群]\n", ["separator(、)@1:16"]),
        ("segments: [payroll, car，newcomer]\n", ["separator(，)@1:24"]),
        ("banned: [稳赚，{word: 保本, allow: [非保本，不保本]}]\n", ["separator(，)@1:12", "separator(，)@1:35"]),
        ("persona: “小招”\n", ["quotes(“)@1:10"]),
        ("title: ‘晨跑’\n", ["quotes(‘)@1:8"]),
        ("tags: [“晨跑”, “理财”]\n", ["quotes(“)@1:8", "quotes(“)@1:14"]),
        ("catchphrases:\n  - “今天也要加油哦”\n", ["quotes(“)@2:5"]),
        ("a: {label: “代发客群”}\n", ["quotes(“)@1:12"]),
        ("date: 2026-12-01\ntheme：life\n\u{3000}slot: noon\npersona: “小招”\n", ["colon(theme)@2:6", "space@3:1", "quotes(“)@4:10"]),
    ]

    @Test(arguments: triggering.indices)
    func slipIsFoundAtItsCharacter(_ index: Int) {
        let (yaml, expected) = Self.triggering[index]
        #expect(Self.slips(yaml) == expected, "\(yaml.debugDescription)")
    }

    static let legal = [
        "title: 他说“加油”就跑了\n", "title: “加油”和“努力”\n", "title: “双11”来了\n", "title: \"早安：跑步\"\n", "title: 早安：跑步\n",
        "signature: 跑得更远，理财更稳\n", "personality: 阳光、耐心、说话带点幽默\n",
        "catchphrases: [今天也要加油哦, 慢慢来，比较快, 配速稳住]\n", "catchphrases: [光线刚刚好, 咔嚓，给您留个念想, 有事随时喊我]\n",
        "personality: |\n  时间：早上\n  \u{3000}\u{3000}缩进\nname: 小招\n", "story: >-\n  第一句，“引号”\n  \u{3000}第二句\n",
        "title: \"a\n  b：c\"\nslot: noon\n", "title: 很长\n  标题：续\n", "catchphrases:\n  - 记住：理财要趁早\n", "- 记住：理财要趁早\n",
        "# 说明：这里用全角\ntitle: x\n", "title: x # 备注：全角\n", "tags: [\"晨跑，理财\"]\n", "groups:\n  runners: {label: 晨跑、理财俱乐部}\n",
        "gift: 'it''s “ok”'\n", "title: “晨跑”打卡\n",
    ]

    @Test(arguments: legal)
    func legalTextIsNoSlip(_ yaml: String) {
        #expect(Self.slips(yaml).isEmpty, "\(yaml.debugDescription): \(Self.slips(yaml))")
    }

    @Test func theDiagnosticNamesTheCharacterAndTheFixInBothLanguages() throws {
        let result = YAMLDocument.parse("date: 2026-12-01\ntheme：life\n", file: "content/moments/a.md", id: "moments/a", firstLine: 2)
        guard case .failure(let failure) = result else {
            Issue.record("parsed")
            return
        }
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.ruleID == "front-matter" && diagnostic.severity == .error)
        #expect(diagnostic.location.line == 3 && diagnostic.location.column == 6)
        #expect(diagnostic.message.zh.contains("：") && diagnostic.message.zh.contains("theme"))
        #expect(diagnostic.message.en.contains("full-width colon"))
        #expect(diagnostic.hint?.zh.contains("theme: life") == true)
        #expect(diagnostic.hint?.en.contains("theme: life") == true)
    }

    @Test func eachSlipOfAFileIsReportedWithItsOwnFingerprint() {
        let result = YAMLDocument.parse("tags: [a，b，c]\n", file: "f.md", id: "f", firstLine: 2)
        guard case .failure(let failure) = result else {
            Issue.record("parsed")
            return
        }
        #expect(failure.diagnostics.map(\.location.column) == [9, 11])
        #expect(Set(failure.diagnostics.map(\.fingerprint)).count == 2)
    }

    @Test func textWithoutSlipCharactersIsSkippedAtOnce() {
        #expect(!InputSlips.mayHoldSlips("date: 2026-12-01\ntitle: 晨跑打卡。完成\n"))
        #expect(InputSlips.mayHoldSlips("theme：life\n"))
    }
}

/// The slips as `check` prints them, in the plan's language even when the
/// slip is in plan.yml itself (then no plan is read, but its locale is).
@Suite struct InputSlipCLITests {
    @Test(arguments: [("en", "full-width colon"), ("zh-CN", "全角冒号")])
    func aSlipInPlanYmlIsReportedInThePlansLanguage(_ locale: String, _ words: String) throws {
        let planYAML = TestPlan.planYAML.replacingOccurrences(of: "locale: en", with: "locale: \(locale)")
            .replacingOccurrences(of: "car: {label: 车主客群}", with: "car：{label: 车主客群}")
        let plan = try TestPlan([:], plan: planYAML)
        defer { plan.remove() }
        let run = try CLI.run(["check", "--today", "2026-11-23"], in: plan.root, environment: ["LANG": "C"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("content/plan.yml:8:6:") && run.stdout.contains(words), "\(run.stdout)")
    }
}
