import Foundation
import Testing
@testable import Planner

@Suite(.serialized) struct ScaffoldTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func thisRepositoryCarriesTheSameCIFilesAsInitWrites() throws {
        let github = try String(contentsOf: Self.package.appendingPathComponent(CIFiles.githubWorkflowPath), encoding: .utf8)
        let gitlab = try String(contentsOf: Self.package.appendingPathComponent(CIFiles.gitlabPath), encoding: .utf8)
        let template = try String(contentsOf: Self.package.appendingPathComponent(CIFiles.gitlabTemplatePath), encoding: .utf8)
        #expect(github == CIFiles.githubWorkflow)
        #expect(gitlab == CIFiles.gitlab)
        #expect(template == CIFiles.gitlab)
    }

    /// The composite action installs the way the workflows do, and the same release by default.
    @Test func theActionInstallsLikeTheWorkflows() throws {
        let action = try String(contentsOf: Self.package.appendingPathComponent("action.yml"), encoding: .utf8)
        #expect(action.contains("      run: |\n" + CIFiles.indented(CIFiles.installScript(.github), 8) + "\n"))
        #expect(action.contains("    default: '\(PlanBuild.version)'\n"))
    }

    /// Every job installs a pinned release first, from the variables of SPEC §11.7.
    @Test func theCIFilesInstallAPinnedRelease() {
        for name in ["PLAN_BUILD_VERSION", "PLAN_BUILD_URL", "PLAN_BUILD_SHA256"] {
            #expect(CIFiles.githubWorkflow.contains("\(name): ${{ vars.\(name)"))
            #expect(CIFiles.gitlab.contains("  \(name): "))
        }
        #expect(CIFiles.gitlab.contains("PLAN_BUILD_GITLAB_TOKEN"))
        #expect(CIFiles.githubWorkflow.components(separatedBy: "- name: Install plan-build").count == 3)
        #expect(CIFiles.githubWorkflow.components(separatedBy: "uses: actions/cache@v4").count == 3)
        #expect(CIFiles.gitlab.components(separatedBy: "extends: .plan-build-install").count == 3)
        for script in [CIFiles.installScript(.github), CIFiles.installScript(.gitlab)] {
            #expect(script.contains("sha256sum -c -"))
        }
        // The job token goes only to the team's own GitLab API.
        #expect(CIFiles.installScript(.gitlab).contains(#"case "$url" in "$CI_API_V4_URL"/*) h="JOB-TOKEN: $CI_JOB_TOKEN""#))
        #expect(!CIFiles.installScript(.github).contains("TOKEN"))
    }

    @Test func initThenBuildWithOnlyTheBinary() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // A copy of the binary alone, so no source tree or theme folder is beside it.
        let binary = root.appendingPathComponent("bin/plan-build")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.binary, to: binary)
        let repo = root.appendingPathComponent("repo")
        let initRun = try run(binary, ["init", repo.path, "--today", "2026-11-20"], in: root)
        #expect(initRun.status == 0, "\(initRun.stderr)")
        for file in ["content/plan.yml", "content/personas/host.md", ".gitignore", "README.md", ".github/workflows/plan.yml", ".gitlab-ci.yml"] {
            #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent(file).path), "init writes \(file)")
        }
        let build = try run(binary, ["build"], in: repo)
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent("output/index.html").path))
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent("output/playbook/index.html").path))
        let again = try run(binary, ["init", repo.path, "--today", "2026-11-20"], in: root)
        #expect(again.status == 1, "init never overwrites")
    }

    @Test func newWritesFullFrontMatterAndNeverOverwrites() throws {
        let plan = try TestPlan([:], plan: TestPlan.planYAML + "\nthemes:\n  life: {label: 生活}\n  professional: {label: 专业}\n")
        defer { plan.remove() }
        let first = try CLI.run(
            ["new", "moment", "05-晨跑", "--date", "2026-12-05", "--slot", "morning", "--persona", "xiaozhao", "--theme", "life", "--today", "2026-11-23"],
            in: plan.root)
        #expect(first.status == 0, "\(first.stderr)")
        let text = try String(contentsOf: plan.content.appendingPathComponent("moments/2026-12/05-晨跑.md"), encoding: .utf8)
        for key in ["date: 2026-12-05", "slot: morning", "persona: xiaozhao", "theme: life", "status: idea"] {
            #expect(text.contains(key))
        }
        #expect(plan.check().diagnostics.filter { $0.itemID == "moments/2026-12/05-晨跑" && $0.ruleID != "stale-draft" }.isEmpty)
        let second = try CLI.run(["new", "moment", "05-晨跑", "--date", "2026-12-05", "--persona", "xiaozhao"], in: plan.root)
        #expect(second.status == 1, "never overwrites")
        let persona = try CLI.run(["new", "persona", "xiaoli", "--name", "小李", "--identity", "摄影师"], in: plan.root)
        #expect(persona.status == 0)
        #expect(plan.check().plan?.persona("xiaoli")?.name == "小李")
    }

    @Test func nextFreeSkipsSlotsThatWouldBreakARule() throws {
        // 12-01 already has three moments (the max), so the next free slot is on 12-02.
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-01", slot: "morning"),
            "moments/b.md": TestPlan.moment(date: "2026-12-01", slot: "noon", theme: "professional"),
            "moments/c.md": TestPlan.moment(date: "2026-12-01", slot: "evening", theme: "interaction"),
        ])
        defer { plan.remove() }
        let run = try CLI.run(
            ["new", "moment", "--date", "2026-12-01", "--persona", "xiaozhao", "--theme", "professional", "--next-free", "--today", "2026-11-23"],
            in: plan.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("moments/2026-12/02-"), "\(run.stdout)")
        let written = try #require(run.stdout.split(separator: "\n").first.map(String.init))
        let text = try String(contentsOf: plan.root.appendingPathComponent(written), encoding: .utf8)
        #expect(text.contains("date: 2026-12-02"))
    }

    private func run(_ binary: URL, _ arguments: [String], in directory: URL) throws -> CLI.Run {
        try CLI.run(arguments, in: directory, using: binary)
    }
}
