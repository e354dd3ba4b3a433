import Foundation

/// `plan.json`: the whole resolved plan for other tools, keys sorted.
struct PlanJSON {
    let model: SiteModel

    /// - Parameter items: each item's member of the `items` array (`itemFragment`), in plan order.
    func render(items itemFragments: [[UInt8]]) -> [UInt8] {
        let plan = model.plan
        let config = plan.config
        let object: JSONValue = [
            "version": 1,
            "generator": .string("plan-build \(PlanBuild.version)"),
            "title": .string(config.title),
            "locale": .string(config.locale.rawValue),
            "timezone": .string(config.timezone),
            "start": .string(config.start.description),
            "end": .string(config.end.description),
            "slots": .array(config.slots.map { ["id": .string($0.id), "time": .string($0.time.description)] }),
            "themes": .array(config.themes.map {
                ["id": .string($0.id), "label": .string($0.label), "color": .string($0.color), "promotional": .bool($0.promotional)]
            }),
            "segments": .array(config.segments.map {
                ["id": .string($0.id), "label": .string($0.label), "stage": .string($0.stage?.rawValue), "page": .string(SitePath.segment($0.id))]
            }),
            "groups": .array(config.groups.map {
                [
                    "id": .string($0.id), "label": .string($0.label), "owner": .string($0.owner), "segments": strings($0.segments),
                    "page": .string(SitePath.group($0.id)),
                ]
            }),
            "personas": .array(plan.personas.map {
                [
                    "id": .string($0.id), "name": .string($0.name), "file": .string($0.file), "page": .string(SitePath.persona($0.id)),
                    "feed": .string(SitePath.personaFeed($0.id)), "identity": .string($0.identity),
                    "signature": .string($0.signature), "avatar": .string($0.avatar),
                    // The working period (spec 11.2); null and [] when the persona always works.
                    "start": .string($0.period.start?.description), "end": .string($0.period.end?.description),
                    "pauses": .array($0.period.pauses.map { pause in
                        ["from": .string(pause.from.description), "to": .string(pause.to.description), "reason": .string(pause.reason)]
                    }),
                ]
            }),
            "people": .array(plan.people.map { person in
                [
                    "id": .string(person.id), "alias": .string(person.alias), "segment": .string(person.segment),
                    "file": .string(person.file), "page": .string(SitePath.person(person.id)),
                    "dates": .array(person.dates.map { ["name": .string($0.name), "date": .string($0.written)] }),
                    // The days of those dates inside the range.
                    "days": .array(person.days(from: config.start, to: config.end).map {
                        ["date": .string($0.date.description), "name": .string($0.entry.name)]
                    }),
                ]
            }),
            // China's calendar over the range (SPEC 11.6): exactly these five keys per day.
            "days": .array(plan.calendarDays.map { day in
                [
                    "date": .string(day.date.description), "labels": .array(day.labels.map { .string(model.text($0)) }),
                    "holiday": .bool(day.holiday), "workday": .bool(day.workday), "quiet": .bool(day.quiet),
                ]
            }),
            "summary": [
                "items": .int(plan.items.count),
                "errors": .int(model.severityCounts.error),
                "warnings": .int(model.severityCounts.warning),
                "notices": .int(model.severityCounts.notice),
            ],
            // Interaction rates (SPEC §11.5), as the results page shows them.
            "rates": rates(),
            // Diagnostics not about any item (plan.yml, personas…); the rest sit on their items.
            "diagnostics": .array(model.diagnostics.filter { $0.itemID.flatMap { plan.item($0) } == nil }.map(diagnostic)),
        ]
        // The top level by hand, so the items, encoded apart, go in at their key.
        guard case .object(var members) = object else { return [] }
        members["items"] = .array([])
        // Every other member encoded first, so the whole file is allocated once at its
        // size: grown by doubling, a 50 MB plan.json would briefly hold 150 MB.
        let keys = JSONValue.sortedKeys(members)
        let encoded = keys.map { key -> [UInt8] in
            var bytes: [UInt8] = []
            if key != "items" || itemFragments.isEmpty { members[key]?.write(into: &bytes, pretty: true, indent: 1) }
            return bytes
        }
        var output: [UInt8] = []
        output.reserveCapacity(
            itemFragments.reduce(16) { $0 + $1.count + 6 } + zip(keys, encoded).reduce(0) { $0 + $1.0.utf8.count + $1.1.count + 8 })
        output.append(UInt8(ascii: "{"))
        for (index, (key, bytes)) in zip(keys, encoded).enumerated() {
            output.append(contentsOf: (index > 0 ? ",\n  " : "\n  ").utf8)
            JSONValue.quote(key, into: &output)
            output.append(contentsOf: ": ".utf8)
            if key == "items", !itemFragments.isEmpty {
                output.append(UInt8(ascii: "["))
                for (position, fragment) in itemFragments.enumerated() {
                    output.append(contentsOf: (position > 0 ? ",\n    " : "\n    ").utf8)
                    output.append(contentsOf: fragment)
                }
                output.append(contentsOf: "\n  ]".utf8)
            } else {
                output.append(contentsOf: bytes)
            }
        }
        output.append(contentsOf: "\n}\n".utf8)
        return output
    }

    /// Rates per persona (with its weeks), theme, segment and ISO week; `rate` is null where no item has results.
    private func rates() -> JSONValue {
        let rates = ResultRates(plan: model.plan, weeks: model.weeks)
        func row(_ row: ResultRates.Row, key: String) -> JSONValue {
            [
                key: .string(row.id), "items": .int(row.rate.items), "comments": .int(row.rate.comments),
                "replies": .int(row.rate.replies), "rate": row.rate.rate.map(JSONValue.double) ?? .null,
            ]
        }
        return [
            "definition": "(comments + replies) / published items with results",
            "personas": .array(rates.personas.map { persona in
                guard case .object(var members) = row(persona, key: "id") else { return .null }
                members["weeks"] = .array((rates.personaWeeks[persona.id] ?? []).map { row($0, key: "week") })
                return .object(members)
            }),
            "themes": .array(rates.themes.map { row($0, key: "id") }),
            "segments": .array(rates.segments.map { row($0, key: "id") }),
            "weeks": .array(rates.weeks.map { row($0, key: "week") }),
        ]
    }

    private func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    private func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        [
            "rule": .string(diagnostic.ruleID), "severity": .string(diagnostic.severity.rawValue),
            "message": .string(model.text(diagnostic.message)), "hint": .string(diagnostic.hint.map(model.text)),
            "file": .string(diagnostic.location.file), "line": .int(diagnostic.location.line),
            "column": .int(diagnostic.location.column), "date": .string(diagnostic.date?.description),
            "persona": .string(diagnostic.persona), "fingerprint": .string(diagnostic.fingerprint),
        ]
    }
}
