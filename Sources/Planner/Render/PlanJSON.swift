import Foundation

/// `plan.json`: the whole resolved plan for other tools, keys sorted.
struct PlanJSON {
    let model: SiteModel

    func render() -> Data {
        let plan = model.plan
        let config = plan.config
        let object: [String: Any] = [
            "version": 1,
            "generator": "plan-build \(PlanBuild.version)",
            "title": config.title,
            "locale": config.locale.rawValue,
            "timezone": config.timezone,
            "start": config.start.description,
            "end": config.end.description,
            "slots": config.slots.map { ["id": $0.id, "time": $0.time.description] },
            "themes": config.themes.map { ["id": $0.id, "label": $0.label, "color": $0.color, "promotional": $0.promotional] as [String: Any] },
            "segments": config.segments.map { segment -> [String: Any] in
                var entry: [String: Any] = ["id": segment.id, "label": segment.label, "page": SitePath.segment(segment.id)]
                if let stage = segment.stage { entry["stage"] = stage.rawValue }
                return entry
            },
            "groups": config.groups.map { group -> [String: Any] in
                var entry: [String: Any] = ["id": group.id, "label": group.label, "segments": group.segments, "page": SitePath.group(group.id)]
                if let owner = group.owner { entry["owner"] = owner }
                return entry
            },
            "personas": plan.personas.map { persona -> [String: Any] in
                var entry: [String: Any] = [
                    "id": persona.id, "name": persona.name, "file": persona.file, "page": SitePath.persona(persona.id),
                    "feed": SitePath.personaFeed(persona.id),
                ]
                if let identity = persona.identity { entry["identity"] = identity }
                if let signature = persona.signature { entry["signature"] = signature }
                if let avatar = persona.avatar { entry["avatar"] = avatar }
                return entry
            },
            "items": plan.items.map(item),
            "summary": [
                "items": plan.items.count,
                "errors": model.severityCounts.error,
                "warnings": model.severityCounts.warning,
                "notices": model.severityCounts.notice,
            ],
            "diagnostics": model.diagnostics.filter { $0.itemID.flatMap { plan.item($0) } == nil }.map(diagnostic),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return data + Data("\n".utf8)
    }

    private func item(_ item: Item) -> [String: Any] {
        var entry: [String: Any] = [
            "id": item.id, "kind": item.kind.singular, "date": item.date.description, "time": item.time.description,
            "persona": item.persona, "segments": item.segments, "file": item.file, "page": item.pagePath,
            "title": item.title, "status": item.status.rawValue, "tags": item.tags, "images": item.images,
            "diagnostics": (model.diagnosticsByItem[item.id] ?? []).map(diagnostic),
        ]
        if let theme = item.theme { entry["theme"] = theme }
        if let slot = item.slot { entry["slot"] = slot }
        if let action = item.action { entry["action"] = action }
        if let owner = item.owner { entry["owner"] = owner }
        if let group = item.group { entry["group"] = group }
        if let format = item.format { entry["format"] = format.rawValue }
        if let trigger = item.trigger { entry["trigger"] = trigger.rawValue }
        if let via = item.via { entry["via"] = via.rawValue }
        if let gift = item.gift { entry["gift"] = gift }
        return entry
    }

    private func diagnostic(_ diagnostic: Diagnostic) -> [String: Any] {
        var entry: [String: Any] = [
            "rule": diagnostic.ruleID, "severity": diagnostic.severity.rawValue, "message": model.text(diagnostic.message),
            "file": diagnostic.location.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
            "fingerprint": diagnostic.fingerprint,
        ]
        if let hint = diagnostic.hint { entry["hint"] = model.text(hint) }
        if let date = diagnostic.date { entry["date"] = date.description }
        if let persona = diagnostic.persona { entry["persona"] = persona }
        return entry
    }
}
