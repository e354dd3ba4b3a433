import Foundation
import Testing
@testable import Planner

@Suite struct ReviewRequiredTests {
    private let promo = TestPlan.moment(
        date: "2026-12-05", slot: "noon", theme: "promotion", extra: "status: ready",
        body: "代发专属理财上线。理财有风险，投资需谨慎")

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func aReadyPromotionWithoutSignOffIsAnError() throws {
        let plan = try TestPlan(["moments/a.md": promo])
        defer { plan.remove() }
        let found = plan.check().diagnostics("review-required")
        #expect(found.map(\.location.description) == ["content/moments/a.md:6:1"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.en == "This moment needs a compliance sign-off and is already ready without one.")
    }

    @Test func signThenEditThenSignAgain() throws {
        let plan = try TestPlan(["moments/a.md": promo])
        defer { plan.remove() }
        let file = plan.content.appendingPathComponent("moments/a.md")
        let signer = ReviewSign(contentDirectory: plan.content, reviewer: "合规 王", date: LocalDate(parsing: "2026-11-30"))
        guard case .success = signer.run(items: ["moments/a"]) else { Issue.record("sign failed"); return }
        let signed = try String(contentsOf: file, encoding: .utf8)
        // Only the review line is new; every other byte is as it was.
        let added = signed.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("review:") }
        #expect(added.count == 1)
        #expect(signed.replacingOccurrences(of: added[0] + "\n", with: "") == promo)
        #expect(added[0].hasPrefix("review: {by: \"合规 王\", on: 2026-11-30, hash: "))
        #expect(plan.check().diagnostics("review-required").isEmpty)

        // An edit of the body voids the sign-off.
        try Data(signed.replacingOccurrences(of: "上线。", with: "上线，收益更高。").utf8).write(to: file)
        let changed = plan.check().diagnostics("review-required")
        #expect(changed.count == 1)
        #expect(changed.first?.message.en.contains("changed after it was signed off by 合规 王") == true)

        // Signing again replaces the block in place and clears it.
        let before = try String(contentsOf: file, encoding: .utf8)
        guard case .success = signer.run(items: [file.path]) else { Issue.record("sign failed"); return }
        let after = try String(contentsOf: file, encoding: .utf8)
        let strip = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("review:") } }
        #expect(strip(before) == strip(after))
        #expect(plan.check().diagnostics("review-required").isEmpty)
    }

    @Test func signingKeepsCRLFAndReplacesABlockStyleReview() throws {
        let original = "---\r\ndate: 2026-12-05\r\nslot: noon\r\npersona: xiaozhao\r\ntheme: promotion\r\nreview:\r\n  by: 某人\r\n  on: 2026-11-01\r\nstatus: published\r\n---\r\n推广。理财有风险，投资需谨慎\r\n"
        let signed = try #require(try? ReviewSigner.sign(Array(original.utf8), by: "李", on: LocalDate(parsing: "2026-12-01")!).get())
        let text = String(decoding: signed, as: UTF8.self)
        let expectedHash = SHA256.hex("推广。理财有风险，投资需谨慎\n")
        #expect(text == "---\r\ndate: 2026-12-05\r\nslot: noon\r\npersona: xiaozhao\r\ntheme: promotion\r\nreview: {by: \"李\", on: 2026-12-01, hash: \(expectedHash)}\r\nstatus: published\r\n---\r\n推广。理财有风险，投资需谨慎\r\n")
    }

    @Test func nearMissDraftsOrdinaryThemesPendingAndSalesChats() throws {
        let plan = try TestPlan([
            "moments/draft.md": TestPlan.moment(date: "2026-12-05", slot: "noon", theme: "promotion", extra: "status: draft", body: "推广。理财有风险，投资需谨慎"),
            "moments/life.md": TestPlan.moment(date: "2026-12-06", slot: "noon", extra: "status: published"),
            "chats/sales.md": TestPlan.chat(date: "2026-12-07", extra: "purpose: sales\nstatus: ready"),
            "chats/care.md": TestPlan.chat(date: "2026-12-08", extra: "purpose: care\nstatus: ready"),
        ])
        defer { plan.remove() }
        // Only the ready sales chat needs a sign-off: sales chats count as promotional.
        #expect(plan.check().diagnostics("review-required").map(\.itemID) == ["chats/sales"])
        // `review: pending` is no sign-off either, and patterns widen what needs review.
        let patterns = try TestPlan(
            ["moments/rate.md": TestPlan.moment(date: "2026-12-05", slot: "noon", extra: "status: ready\nreview: pending", body: "利率上调了。")],
            plan: TestPlan.plan(extra: "review_required: {patterns: [利率]}"))
        defer { patterns.remove() }
        #expect(patterns.check().diagnostics("review-required").map(\.location.description) == ["content/moments/rate.md:7:1"])
    }
}
