/// Pretty JSON written straight into bytes, exactly as `JSONValue` writes it
/// (two spaces per level, `": "` after a key, `[]` and `{}` when empty), for
/// plan.json's items: building a `JSONValue` per item, with a dictionary per
/// diagnostic whose keys are sorted again on every write, cost more than the
/// rest of the item's line of work. Keys must be given in sorted order.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    private var indent: Int
    /// Whether the innermost open object or array has no member yet.
    private var empty = true

    /// - Parameter indent: the level the value starts at (its closing bracket's indentation).
    init(indent: Int, capacity: Int) {
        self.indent = indent
        bytes.reserveCapacity(capacity)
    }

    mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        indent += 1
        empty = true
    }

    mutating func close(_ bracket: UInt8) {
        indent -= 1
        if !empty { newline() }
        bytes.append(bracket)
        empty = false
    }

    /// Starts the next element of an array.
    mutating func element() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newline()
    }

    /// Starts the next member of an object.
    mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    mutating func key(_ name: String) {
        element()
        JSONValue.quote(name, into: &bytes)
        bytes.append(contentsOf: ": ".utf8)
    }

    mutating func string(_ text: String?) {
        guard let text else { return null() }
        JSONValue.quote(text, into: &bytes)
    }

    /// The decimal digits, as `String(number)` writes them, without making the string.
    mutating func int(_ number: Int) {
        if number < 0 {
            bytes.append(UInt8(ascii: "-"))
            // Int.min has no positive twin: its digits by way of the magnitude.
            appendDigits(number.magnitude)
        } else {
            appendDigits(UInt(number))
        }
    }

    private mutating func appendDigits(_ value: UInt) {
        if value >= 10 { appendDigits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    mutating func null() {
        bytes.append(UInt8(ascii: "n"))
        bytes.append(UInt8(ascii: "u"))
        bytes.append(UInt8(ascii: "l"))
        bytes.append(UInt8(ascii: "l"))
    }

    mutating func strings(_ values: [String]) {
        open(UInt8(ascii: "["))
        for value in values {
            element()
            JSONValue.quote(value, into: &bytes)
        }
        close(UInt8(ascii: "]"))
    }

    private mutating func newline() {
        let width = 1 + 2 * indent
        if width <= Self.newlineAndSpaces.count {
            Self.newlineAndSpaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<width])) }
        } else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
        }
    }

    /// A line break and the indentation of the deepest level plan.json's items reach, to copy a prefix of.
    private static let newlineAndSpaces: [UInt8] = [0x0A] + Array(repeating: UInt8(ascii: " "), count: 32)
}

extension PlanJSON {
    /// The metrics in the order of their keys' bytes: a results object's member order.
    static let metricsByKey = ItemResults.Metric.allCases.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }

    /// One item as a member of plan.json's `items` array (two levels deep), keys sorted.
    func itemFragment(_ item: Item) -> [UInt8] {
        var json = PrettyJSONWriter(indent: 2, capacity: 1024)
        json.open(UInt8(ascii: "{"))
        json.key("action")
        json.string(item.action)
        json.key("date")
        json.string(item.date.description)
        json.key("diagnostics")
        json.open(UInt8(ascii: "["))
        for diagnostic in model.diagnosticsByItem[item.id] ?? [] {
            json.element()
            write(diagnostic, into: &json)
        }
        json.close(UInt8(ascii: "]"))
        json.key("file")
        json.string(item.file)
        json.key("format")
        json.string(item.format?.rawValue)
        json.key("gift")
        json.string(item.gift)
        json.key("group")
        json.string(item.group)
        json.key("id")
        json.string(item.id)
        json.key("images")
        json.strings(item.images)
        json.key("kind")
        json.string(item.kind.singular)
        // A series occurrence's number ({{n}}); null for other items.
        json.key("occurrence")
        if let series = item.series { json.int(series.number) } else { json.null() }
        json.key("owner")
        json.string(item.owner)
        json.key("page")
        json.string(SitePath.item(item.id))
        json.key("person")
        json.string(item.person)
        json.key("persona")
        json.string(item.persona)
        json.key("purpose")
        json.string(item.purpose?.rawValue)
        // The counts written, by key; null without `results:`.
        json.key("results")
        if let results = item.results {
            json.open(UInt8(ascii: "{"))
            for metric in Self.metricsByKey {
                guard let count = results[metric] else { continue }
                json.key(metric.key)
                json.int(count)
            }
            json.close(UInt8(ascii: "}"))
        } else {
            json.null()
        }
        // The sign-off as written, with its state; null for an item that needs none and has none.
        json.key("review")
        if let state = model.reviewState(of: item) {
            json.open(UInt8(ascii: "{"))
            json.key("by")
            json.string(item.review?.by)
            json.key("hash")
            json.string(item.review?.hash)
            json.key("on")
            json.string(item.review?.on?.description)
            json.key("state")
            json.string(state.rawValue)
            json.close(UInt8(ascii: "}"))
        } else {
            json.null()
        }
        json.key("segments")
        json.strings(item.segments)
        json.key("series")
        json.string(item.series?.series)
        json.key("slot")
        json.string(item.slot)
        json.key("status")
        json.string(item.status.rawValue)
        json.key("tags")
        json.strings(item.tags)
        json.key("theme")
        json.string(item.theme)
        json.key("time")
        json.string(item.time.description)
        json.key("title")
        json.string(item.title)
        json.key("trigger")
        json.string(item.trigger?.rawValue)
        json.key("via")
        json.string(item.via?.rawValue)
        json.close(UInt8(ascii: "}"))
        return json.bytes
    }

    /// A diagnostic as `diagnostic(_:)` makes it, keys sorted.
    private func write(_ diagnostic: Diagnostic, into json: inout PrettyJSONWriter) {
        json.open(UInt8(ascii: "{"))
        json.key("column")
        json.int(diagnostic.location.column)
        json.key("date")
        json.string(diagnostic.date?.description)
        json.key("file")
        json.string(diagnostic.location.file)
        json.key("fingerprint")
        json.string(diagnostic.fingerprint)
        json.key("hint")
        json.string(diagnostic.hint.map(model.text))
        json.key("line")
        json.int(diagnostic.location.line)
        json.key("message")
        json.string(model.text(diagnostic.message))
        json.key("persona")
        json.string(diagnostic.persona)
        json.key("rule")
        json.string(diagnostic.ruleID)
        json.key("severity")
        json.string(diagnostic.severity.rawValue)
        json.close(UInt8(ascii: "}"))
    }
}
