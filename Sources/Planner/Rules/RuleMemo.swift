/// What rules worked out from each item's body in the last run, kept by
/// `serve` between rebuilds: after one edit, the other items' bodies are the
/// very same strings (the document cache hands them back), so their banned-word
/// search and duplicate-copy key are reused instead of worked out again.
/// `check` and `build` run once and pass none.
public final class RuleMemo: Sendable {
    let duplicateKeys = BodyMemo<[UInt8]>()
    let bannedWordHits = BodyMemo<[(hits: [Int], place: (line: Int, column: Int)?)]>()

    public init() {}

    /// Drops the entries of items that were not looked up in the run that just ended (deleted or renamed).
    func endRun() {
        duplicateKeys.endRun()
        bannedWordHits.endRun()
    }
}

/// One value per item, valid while the item's body (and the `salt` its
/// computation depends on) is unchanged. Each rule owns its memo and reads it
/// from the one thread that runs the rule, and runs do not overlap.
final class BodyMemo<Value>: @unchecked Sendable {
    private struct Entry: @unchecked Sendable {  // only read and written by its rule's thread
        let body: String
        let salt: Int
        let value: Value
    }

    private var entries = TextKeyed<Entry>()
    private var used = TextKeyed<Entry>()

    func value(for item: Item, salt: Int = 0, make: () -> Value) -> Value {
        // `==` on the same string storage returns at once; only an edited body is compared byte by byte.
        if let entry = entries[item.id], entry.salt == salt, entry.body == item.body {
            used[item.id] = entry
            return entry.value
        }
        let value = make()
        used[item.id] = Entry(body: item.body, salt: salt, value: value)
        return value
    }

    func endRun() {
        entries = used
        used = TextKeyed(minimumCapacity: entries.count)
    }
}
