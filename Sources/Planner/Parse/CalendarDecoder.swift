/// plan.yml `calendar:`, `events:` and `holiday_slots:` (SPEC 11.6).
extension PlanConfigDecoder {
    func decodeCalendar(_ reader: inout MappingReader, slots: [Slot]) -> CalendarSettings {
        var settings = CalendarSettings()
        if case .scalar(let scalar)? = reader.node("calendar"), !scalar.isNullValue,
            let on = MappingReader.boolValue(MappingReader.trimmingSpaces(scalar.string)) {
            // `calendar: off` turns every built-in set off; the team's events stay.
            settings.holidays = on
            settings.terms = on
            settings.festivals = on
            settings.commercial = on
        } else if var sets = reader.mapping("calendar") {
            settings.holidays = sets.bool("holidays") ?? true
            settings.terms = sets.bool("terms") ?? true
            settings.festivals = sets.bool("festivals") ?? true
            settings.commercial = sets.bool("commercial") ?? true
            sets.reportUnknownKeys(known: ["holidays", "terms", "festivals", "commercial"])
            reader.absorb(sets)
        }
        if let node = reader.node("events") {
            settings.events = decodeEvents(node, &reader)
        }
        if var moved = reader.mapping("holiday_slots") {
            for key in moved.keys {
                guard let time = moved.time(key) else { continue }
                guard slots.contains(where: { $0.id == key }) else {
                    let guess = DidYouMean.suggestion(for: key, among: slots.map(\.id))
                    moved.report(
                        Localized(
                            zh: "holiday_slots 里的 “\(key)” 不是 slots 中声明的时段。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                            en: "“\(key)” in holiday_slots is not a slot declared under slots." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                        at: moved.keyLocations[key] ?? moved.location,
                        hint: Localized(
                            zh: "可用的时段：\(slots.map(\.id).joined(separator: "、"))。",
                            en: "Declared slots: \(slots.map(\.id).joined(separator: ", "))."),
                        code: "holiday_slots:\(key)", rule: "unknown-ref")
                    continue
                }
                settings.holidaySlots.append(Slot(id: key, time: time))
            }
            reader.absorb(moved)
        }
        return settings
    }

    private func decodeEvents(_ node: YAMLNode, _ reader: inout MappingReader) -> [CalendarEvent] {
        if case .scalar(let scalar) = node, scalar.isNullValue { return [] }
        guard case .sequence(let sequence) = node else {
            reader.wrongType(
                "events", node,
                expected: Localized(zh: "列表，每项形如 {date: 2026-12-13, label: 滨江半马}", en: "a list of {date: 2026-12-13, label: Half marathon}"))
            return []
        }
        var events: [CalendarEvent] = []
        for (position, element) in sequence.nodes.enumerated() {
            var entry = MappingReader(
                node: element, file: reader.file, id: reader.id, lineOffset: reader.lineOffset,
                path: "events[\(position + 1)]")
            guard case .mapping = element else {
                reader.report(
                    Localized(
                        zh: "events 的第 \(position + 1) 项应写成 {date: …, label: …}。",
                        en: "Entry \(position + 1) of events should be {date: …, label: …}."),
                    at: entry.location, code: "type:events[\(position + 1)]")
                continue
            }
            let date = entry.date("date", required: true)
            let label = entry.string("label", required: true)
            let quiet = entry.bool("quiet") ?? false
            entry.reportUnknownKeys(known: ["date", "label", "quiet"])
            reader.absorb(entry)
            if let date, let label {
                events.append(CalendarEvent(date: date, label: label, quiet: quiet, location: entry.location))
            }
        }
        return events
    }
}
