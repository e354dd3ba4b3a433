import Foundation
import Testing
@testable import Planner

/// serve writes a feed over the parts it wrote last time from the first part
/// that changed on (`PageFileWriter.write(parts:over:to:)`): whatever the
/// change, the file must hold exactly the new parts.
@Suite struct FeedPatchTests {
    @Test func aFeedWrittenOverItsLastPartsHoldsExactlyTheNewParts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("feed-patch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = PageFileWriter(root: root)
        let file = root.appendingPathComponent("calendar.ics")
        var random = IncrementalServeTests.SeededRandom(state: 2_027)
        func part(_ length: Int) -> [UInt8] { (0..<length).map { _ in UInt8.random(in: 65...90, using: &random) } }
        var parts = (0..<40).map { _ in part(Int.random(in: 1...30, using: &random)) }
        try writer.write(parts: parts, over: nil, to: "calendar.ics")
        for step in 1...300 {
            var next = parts
            let at = Int.random(in: 0..<next.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: next[at] = part(next[at].count)  // the same length: written where it is
            case 1: next[at] = part(Int.random(in: 1...30, using: &random))
            case 2: next.insert(part(Int.random(in: 1...30, using: &random)), at: at)
            case 3 where next.count > 2: next.remove(at: at)
            case 4: next[at] = part(next[at].count)
                next[next.count - 1 - at] = part(next[next.count - 1 - at].count)
            default: break  // unchanged
            }
            try writer.write(parts: next, over: parts, to: "calendar.ics")
            #expect(try Data(contentsOf: file) == Data(next.joined()), "step \(step)")
            parts = next
        }
        // A file that is not as the last parts left it (changed behind serve's back) is written whole.
        try Data("BEGIN:VCALENDAR".utf8).write(to: file)
        let last = parts.map { $0.reversed() as [UInt8] }
        try writer.write(parts: last, over: parts, to: "calendar.ics")
        #expect(try Data(contentsOf: file) == Data(last.joined()))
    }
}
