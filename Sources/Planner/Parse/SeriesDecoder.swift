/// A series file (`content/series/<id>.md`): the item every occurrence
/// starts from, its kind, and its `repeat:` rule.
struct DecodedSeries: Sendable {
    var id: String
    var file: String
    var kind: ItemKind
    /// The item each occurrence starts from (its date is set per occurrence).
    var template: DecodedItem
    var recurrence: Recurrence
    /// Where `repeat:` is written: an occurrence's `date` points there.
    var repeatLocation: SourceLocation
}

/// An item file with `series: <id>` and the `date:` of one occurrence: its
/// own keys win over the series' (SPEC 11.6); `cancel: true` removes it.
struct DecodedOverride: Sendable {
    var file: String
    var series: String
    var seriesLocation: SourceLocation
    var date: LocalDate
    var dateLocation: SourceLocation
    var cancel: Bool
    var keys: PartialItem
}

extension DocumentDecoder {
    static func seriesKeys(_ kind: ItemKind) -> [String] { itemKeys(kind).filter { $0 != "date" } + ["kind", "repeat"] }

    /// A series' `kind:` by folder name (`moments`), singular (`moment`) or label (朋友圈, Moment).
    static func seriesKind(named text: String) -> ItemKind? {
        let name = MappingReader.trimmingSpaces(text)
        return ItemKind(rawValue: name.lowercased())
            ?? ItemKind.allCases.first { $0.singular == name.lowercased() || $0.label.zh == name || $0.label.en.lowercased() == name.lowercased() }
    }

    func decodeSeries(entry: SourceEntry, reader: inout MappingReader, document: SplitDocument) -> DecodedSeries? {
        var kind: ItemKind?
        if let text = reader.string("kind", required: true) {
            kind = Self.seriesKind(named: text)
            if kind == nil {
                let allowed = ItemKind.allCases.map(\.rawValue)
                let guess = DidYouMean.suggestion(for: text, among: allowed)
                reader.report(
                    Localized(
                        zh: "“kind” 的值 “\(text)” 不在可选范围内：\(allowed.joined(separator: ", "))。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                        en: "“\(text)” is not a valid kind: one of \(allowed.joined(separator: ", "))." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                    at: reader.location(of: reader.node("kind")!), code: "choice:kind")
            }
        }
        let recurrence = decodeRecurrence(&reader)
        if reader.has("date") {
            reader.report(
                Localized(
                    zh: "系列文件不写 date：日期由 repeat 算出。", en: "A series has no date: its dates come from repeat."),
                at: reader.location(of: reader.node("date")!),
                hint: Localized(
                    zh: "删掉 date，用 repeat 的 from/until 限定日期；要改某一期，另建一个写 series 和 date 的内容文件。",
                    en: "Remove date and bound the dates with repeat's from/until; to change one occurrence, write an item file with series and date."),
                code: "series-date")
        }
        guard let kind else { return nil }
        let keys = readItemKeys(kind: kind, reader: &reader, document: document, mode: .series)
        reader.reportUnknownKeys(known: Self.seriesKeys(kind) + ["date"])
        guard let recurrence,
            let template = keys.complete(id: entry.id, kind: kind, file: entry.displayPath, date: LocalDate(dayNumber: 0))
        else { return nil }
        return DecodedSeries(
            id: entry.id, file: entry.displayPath, kind: kind, template: template, recurrence: recurrence.value,
            repeatLocation: recurrence.location)
    }

    /// Every key an item of some kind reads, plus `series` and `cancel`.
    static let overrideKeys = Array(Set(ItemKind.allCases.flatMap(itemKeys) + ["series", "cancel"])).sorted()

    /// The series' kind is not known yet: keys of every kind are read here,
    /// and those the series' kind has no use for are reported when it is.
    func decodeOverride(entry: SourceEntry, reader: inout MappingReader, document: SplitDocument) -> DecodedOverride? {
        let series = reader.string("series", required: true)
        let date = reader.date("date", required: true)
        let cancel = reader.bool("cancel") ?? false
        let keys = readItemKeys(kind: nil, reader: &reader, document: document, mode: .override)
        reader.reportUnknownKeys(known: Self.overrideKeys)
        guard let series, let date else { return nil }
        return DecodedOverride(
            file: entry.displayPath, series: series, seriesLocation: reader.location(of: reader.node("series")!), date: date,
            dateLocation: reader.location(of: reader.node("date")!), cancel: cancel, keys: keys)
    }

    /// `repeat: {every, interval, on, from, until, except, holidays}`; every
    /// bad value is reported at its own line and column.
    private func decodeRecurrence(_ reader: inout MappingReader) -> (value: Recurrence, location: SourceLocation)? {
        guard let node = reader.node("repeat") else {
            reader.missing("repeat")
            return nil
        }
        let location = reader.location(of: node)
        guard var block = reader.mapping("repeat") else { return nil }
        defer { reader.absorb(block) }
        let every = block.choice("every", required: true, as: Recurrence.Every.self)
        var valid = every != nil
        var interval = 1
        if let intervalNode = block.node("interval") {
            if case .scalar(let scalar) = intervalNode, let value = Int(MappingReader.trimmingSpaces(scalar.string)), value >= 1 {
                interval = value
            } else {
                block.report(
                    Localized(zh: "“repeat.interval” 应是 1 或更大的整数。", en: "“repeat.interval” should be a whole number, 1 or more."),
                    at: block.location(of: intervalNode), hint: Localized(zh: "例如 interval: 2 表示隔一周。", en: "For example interval: 2 for every other week."),
                    code: "repeat.interval")
                valid = false
            }
        }
        var weekdays: [Int] = []
        var monthDays: [Int] = []
        if let onNode = block.node("on") {
            let elements: [YAMLNode]
            if case .sequence(let sequence) = onNode { elements = sequence.nodes } else { elements = [onNode] }
            for element in elements {
                guard case .scalar(let scalar) = element else {
                    block.wrongType("on", element, expected: MappingReader.listType)
                    valid = false
                    continue
                }
                let text = MappingReader.trimmingSpaces(scalar.string)
                switch every {
                case .week?:
                    if let weekday = Recurrence.weekday(named: text) { weekdays.append(weekday) } else {
                        block.report(
                            Localized(
                                zh: "“\(text)” 不是星期几：可写 mon, tue, wed, thu, fri, sat, sun。",
                                en: "“\(text)” is not a weekday: one of mon, tue, wed, thu, fri, sat, sun."),
                            at: block.location(of: element), hint: Localized(zh: "例如 on: [mon, fri]。", en: "For example on: [mon, fri]."),
                            code: "repeat.on:" + text)
                        valid = false
                    }
                case .month?:
                    if let day = Int(text), (1...31).contains(day) { monthDays.append(day) } else {
                        block.report(
                            Localized(zh: "“\(text)” 不是每月的几号（1–31）。", en: "“\(text)” is not a day of the month (1–31)."),
                            at: block.location(of: element), hint: Localized(zh: "例如 on: 15。", en: "For example on: 15."),
                            code: "repeat.on:" + text)
                        valid = false
                    }
                case .day?:
                    block.report(
                        Localized(
                            zh: "every: day 不用写 on：它每 interval 天一次。", en: "every: day takes no on: it repeats every interval days."),
                        at: block.location(of: element),
                        hint: Localized(zh: "删掉 on，或改成 every: week。", en: "Remove on, or use every: week."), code: "repeat.on-day")
                    valid = false
                case nil:
                    break
                }
            }
        }
        let from = block.date("from")
        let until = block.date("until")
        if let from, let until, until < from, let untilNode = block.node("until") {
            block.report(
                Localized(zh: "repeat 的 until（\(until)）早于 from（\(from)）。", en: "repeat's until (\(until)) is before its from (\(from))."),
                at: block.location(of: untilNode), code: "repeat.until")
            valid = false
        }
        var except: [LocalDate] = []
        if let exceptNode = block.node("except") {
            let elements: [YAMLNode]
            if case .sequence(let sequence) = exceptNode { elements = sequence.nodes } else { elements = [exceptNode] }
            for element in elements {
                if case .scalar(let scalar) = element, let date = LocalDate(parsing: MappingReader.trimmingSpaces(scalar.string)) {
                    except.append(date)
                } else {
                    block.report(
                        Localized(
                            zh: "repeat.except 的 “\(element.string ?? "")” 不是有效的日期（YYYY-MM-DD）。",
                            en: "“\(element.string ?? "")” in repeat.except is not a valid date (YYYY-MM-DD)."),
                        at: block.location(of: element), hint: Localized(zh: "例如 except: [2026-12-25]。", en: "For example except: [2026-12-25]."),
                        code: "repeat.except:" + (element.string ?? ""))
                    valid = false
                }
            }
        }
        let holidays = block.choice("holidays", as: Recurrence.Holidays.self) ?? .keep
        block.reportUnknownKeys(known: ["every", "interval", "on", "from", "until", "except", "holidays"])
        // Any error in the block (a bad date, a wrong type) leaves no rule to expand.
        guard valid, let every, !block.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return (
            Recurrence(
                every: every, interval: interval, weekdays: weekdays, monthDays: monthDays, from: from, until: until, except: except,
                holidays: holidays),
            location
        )
    }
}
