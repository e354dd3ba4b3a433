/// Turns each series into its occurrences (`<series id>@YYYY-MM-DD`), as
/// ordinary decoded items, with the overrides and cancellations that item
/// files write for single occurrences (SPEC 11.6).
struct SeriesExpander {
    let config: PlanConfig
    /// "Is this a public holiday", for `holidays: skip`.
    let isPublicHoliday: (LocalDate) -> Bool

    struct Output {
        /// Every occurrence left after cancellations, overrides applied.
        var items: [DecodedItem] = []
        /// One item per series (id = series id), resolved for the series' own reference problems.
        var templates: [DecodedItem] = []
        var diagnostics: [Diagnostic] = []
    }

    func expand(series: [DecodedSeries], overrides: [DecodedOverride]) -> Output {
        var output = Output()
        let seriesByID = Dictionary(series.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // One override per occurrence: a second file for the same one claims the same id.
        var byOccurrence: [String: DecodedOverride] = [:]
        for override in overrides.sorted(by: { $0.file < $1.file }) {
            guard let owner = seriesByID[override.series] else {
                output.diagnostics.append(unknownSeries(override, known: series.map(\.id).sorted()))
                continue
            }
            let id = SeriesOccurrence.id(series: owner.id, date: override.date)
            if let first = byOccurrence[id] {
                output.diagnostics.append(
                    Diagnostic(
                        ruleID: "duplicate-id", severity: .error,
                        message: Localized(
                            zh: "\(first.file) 已经改写了 \(id) 这一期。", en: "\(first.file) already overrides the occurrence \(id)."),
                        location: override.dateLocation, itemID: id,
                        related: [RelatedLocation(location: first.dateLocation, message: Localized(zh: "先出现的文件", en: "the first file with this id"))],
                        hint: Localized(zh: "把两个文件合成一个。", en: "Merge the two files into one."),
                        fingerprint: Fingerprint.make(["duplicate-id", override.file])))
                continue
            }
            byOccurrence[id] = override
        }
        var claimed: Set<String> = []
        for entry in series.sorted(by: { $0.id < $1.id }) {
            var template = entry.template
            let dates = entry.recurrence.dates(start: config.start, end: config.end, isPublicHoliday: isPublicHoliday)
            template.date = dates.first ?? entry.recurrence.from ?? config.start
            template.keyLocations["date"] = entry.repeatLocation
            output.templates.append(template)
            for (offset, date) in dates.enumerated() {
                let id = SeriesOccurrence.id(series: entry.id, date: date)
                let override = byOccurrence[id]
                if override != nil { claimed.insert(id) }
                if override?.cancel == true { continue }
                var item = template
                if let override {
                    item = merged(template, override.keys, file: override.file, dateLocation: override.dateLocation)
                    output.diagnostics += unusedKeys(override, kind: entry.kind, occurrence: id)
                }
                item.id = id
                item.date = date
                let number = String(offset + 1)
                let written = item.body
                item.title = item.title.map { Self.fill($0, number: number, date: date) }
                item.body = Self.fill(written, number: number, date: date)
                item.series = SeriesOccurrence(
                    series: entry.id, number: offset + 1, seriesFile: entry.file, writtenBody: item.body == written ? nil : written)
                output.items.append(item)
            }
        }
        for (id, override) in byOccurrence.sorted(by: { $0.key < $1.key }) where !claimed.contains(id) {
            if let owner = seriesByID[override.series] { output.diagnostics.append(noOccurrence(override, series: owner)) }
        }
        return output
    }

    /// The series' item with the override's keys on top; `slot` and `time` go together.
    private func merged(_ template: DecodedItem, _ keys: PartialItem, file: String, dateLocation: SourceLocation) -> DecodedItem {
        var item = template
        item.file = file
        if keys.slot != nil || keys.time != nil {
            item.slot = keys.time == nil ? keys.slot : nil
            item.time = keys.time
        }
        if let value = keys.persona { item.persona = value }
        if template.kind != .chat, let value = keys.theme { item.theme = value }
        if let value = keys.title { item.title = value }
        if let value = keys.segments { item.segments = value }
        if let value = keys.action { item.action = value }
        if let value = keys.status { item.status = value }
        if let value = keys.owner { item.owner = value }
        if let value = keys.tags { item.tags = value }
        if let value = keys.ignores { item.ignores = value }
        let kind = template.kind
        if kind == .moment, let value = keys.images { item.images = value }
        if kind == .topic, let value = keys.group { item.group = value }
        if kind == .topic, let value = keys.format { item.format = value }
        if kind == .surprise, let value = keys.trigger { item.trigger = value }
        if kind == .surprise, let value = keys.via { item.via = value }
        if kind == .surprise, let value = keys.gift { item.gift = value }
        if kind == .chat, let value = keys.purpose { item.purpose = value }
        if kind == .surprise || kind == .chat, let value = keys.person { item.person = value }
        if let value = keys.review { item.review = value }
        if let value = keys.results { item.results = value }
        // An override without copy keeps the series' copy.
        if !keys.body.allSatisfy(\.isWhitespace) {
            item.body = keys.body
            item.bodyLine = keys.bodyLine
        }
        item.keyLocations.merge(keys.keyLocations) { _, own in own }
        item.keyLocations["date"] = dateLocation
        return item
    }

    /// An override's keys that an item of the series' kind has no use for (`images` on a topic).
    private func unusedKeys(_ override: DecodedOverride, kind: ItemKind, occurrence: String) -> [Diagnostic] {
        let known = Set(DocumentDecoder.itemKeys(kind) + ["series", "cancel"])
        return override.keys.keyLocations.keys.sorted().filter { !known.contains($0) }.map { key in
            Diagnostic(
                ruleID: "unknown-key", severity: .warning,
                message: Localized(
                    zh: "系列 “\(override.series)” 是\(kind.label.zh)，用不上 “\(key)” 这个键。",
                    en: "The series “\(override.series)” is of \(kind.rawValue), which do not read the key “\(key)”."),
                location: override.keys.keyLocations[key] ?? SourceLocation(file: override.file), itemID: occurrence,
                hint: Localized(zh: "删掉它，或检查 series 写的是不是这个系列。", en: "Remove it, or check that series names the right series."),
                fingerprint: Fingerprint.make(["unknown-key", override.file, key]))
        }
    }

    /// `{{n}}` and `{{date}}` (spaces inside the braces allowed).
    static func fill(_ text: String, number: String, date: LocalDate) -> String {
        guard text.contains("{{") else { return text }
        var result = text
        for (name, value) in [("n", number), ("date", date.description)] {
            result = result.replacingOccurrences(of: "{{\(name)}}", with: value)
                .replacingOccurrences(of: "{{ \(name) }}", with: value)
        }
        return result
    }

    private func unknownSeries(_ override: DecodedOverride, known: [String]) -> Diagnostic {
        let guess = DidYouMean.suggestion(for: override.series, among: known)
        return Diagnostic(
            ruleID: "unknown-ref", severity: .error,
            message: Localized(
                zh: "系列 “\(override.series)” 不存在。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                en: "There is no series “\(override.series)”." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
            location: override.seriesLocation,
            hint: Localized(
                zh: known.isEmpty ? "系列写在 content/series/<id>.md，id 是文件名。" : "已有的系列：\(known.prefix(12).joined(separator: "、"))。",
                en: known.isEmpty ? "A series is content/series/<id>.md; its id is the file name." : "Known series: \(known.prefix(12).joined(separator: ", "))."),
            fingerprint: Fingerprint.make(["unknown-ref", override.file, "series", override.series]))
    }

    /// An override or cancellation on a date the series has no occurrence on.
    private func noOccurrence(_ override: DecodedOverride, series: DecodedSeries) -> Diagnostic {
        let dates = series.recurrence.dates(start: config.start, end: config.end, isPublicHoliday: isPublicHoliday)
        let nearest = dates.sorted { abs($0.dayNumber - override.date.dayNumber) < abs($1.dayNumber - override.date.dayNumber) }.prefix(2)
            .sorted().map(\.description)
        let why: Localized
        if series.recurrence.except.contains(override.date) {
            why = Localized(zh: "（它在 repeat.except 里）", en: " (it is in repeat.except)")
        } else if !config.contains(override.date) {
            why = Localized(zh: "（它在计划范围之外）", en: " (it is outside the plan's range)")
        } else {
            why = Localized(zh: "", en: "")
        }
        return Diagnostic(
            ruleID: "unknown-ref", severity: .error,
            message: Localized(
                zh: "系列 “\(series.id)” 在 \(override.date) 没有这一期\(why.zh)。",
                en: "The series “\(series.id)” has no occurrence on \(override.date)\(why.en)."),
            location: override.dateLocation, itemID: nil,
            related: [RelatedLocation(location: series.repeatLocation, message: Localized(zh: "系列的 repeat", en: "the series' repeat"))],
            hint: nearest.isEmpty
                ? Localized(zh: "这个系列在计划范围内没有任何一期。", en: "The series has no occurrence inside the plan's range.")
                : Localized(zh: "最近的几期：\(nearest.joined(separator: "、"))。", en: "Nearest occurrences: \(nearest.joined(separator: ", "))."),
            fingerprint: Fingerprint.make(["unknown-ref", override.file, "series-date", override.series, override.date.description]))
    }
}

/// "Is this a public holiday" for `holidays: skip`: the State Council's
/// published holiday periods (weekends inside them included), as the plan's
/// calendar shows them; with `calendar: {holidays: false}` no day is one.
enum PublicHolidays {
    static func checker(for config: PlanConfig) -> (LocalDate) -> Bool {
        let shown = config.calendar.holidays
        return { date in shown && HolidayTable.isHoliday(date) }
    }
}
