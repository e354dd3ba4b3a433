import Foundation

extension RuleEngine {
    /// `sorted(by: Diagnostic.reportOrder)`, sorting positions: a sort moves
    /// its elements many times, and each move of a Diagnostic retains a dozen
    /// strings. Files are ranked once, so most comparisons are of integers:
    /// comparing two Chinese paths as strings checks every scalar of both.
    static func sortedForReport(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let ranks = fileRanks(diagnostics.map { $0.location.file })
        let order = diagnostics.indices.sorted { a, b in
            let x = diagnostics[a].location
            let y = diagnostics[b].location
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return Diagnostic.reportOrder(diagnostics[a], diagnostics[b])
        }
        return order.map { diagnostics[$0] }
    }

    /// For each file, its place among the distinct files in `<` order
    /// (equal strings, canonically, share a place).
    static func fileRanks(_ files: [String]) -> [Int] {
        var slots = TextKeyed<Int>(minimumCapacity: files.count)
        var distinct: [String] = []
        let slotOfFile = files.map { file in
            if let slot = slots[file] { return slot }
            slots[file] = distinct.count
            distinct.append(file)
            return distinct.count - 1
        }
        // Text in NFC compares as its bytes do; other text takes `<`.
        let bytewise = distinct.allSatisfy { $0.isPlainNFC }
        let sorted: [Int]
        if bytewise {
            let bytes = distinct.map { Array($0.utf8) }
            sorted = distinct.indices.sorted { a, b in
                bytes[a].withUnsafeBufferPointer { x in
                    bytes[b].withUnsafeBufferPointer { y in
                        let common = min(x.count, y.count)
                        let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                        return order != 0 ? order < 0 : x.count < y.count
                    }
                }
            }
        } else {
            sorted = distinct.indices.sorted { distinct[$0] < distinct[$1] }
        }
        var rankOfSlot = [Int](repeating: 0, count: distinct.count)
        var rank = 0
        for (position, slot) in sorted.enumerated() {
            if position > 0 && (bytewise || distinct[sorted[position - 1]] != distinct[slot]) { rank += 1 }
            rankOfSlot[slot] = rank
        }
        return slotOfFile.map { rankOfSlot[$0] }
    }
}
