import Testing
@testable import Planner

@Suite struct ImageCountTests {
    private func moment(images count: Int) -> [String: String] {
        var files: [String: String] = [:]
        let paths = (1...count).map { "assets/\($0).png" }
        for path in paths { files[path] = "png" }
        files["moments/a.md"] = TestPlan.moment(
            date: "2026-12-05", slot: "morning", extra: "images: [\(paths.joined(separator: ", "))]")
        return files
    }

    @Test func reportsTenImages() throws {
        let plan = try TestPlan(moment(images: 10))
        defer { plan.remove() }
        let found = plan.check().diagnostics("image-count")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "image-count")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file == "content/moments/a.md")
        #expect(diagnostic.location.line == 6)
        #expect(diagnostic.message.en == "This moment has 10 images; a moment holds at most 9.")
    }

    @Test func nearMissNineImages() throws {
        let plan = try TestPlan(moment(images: 9))
        defer { plan.remove() }
        #expect(plan.check().diagnostics("image-count").isEmpty)
    }
}
