import Dispatch
import Foundation

/// Resolves decoded files against plan.yml into one immutable `Plan`:
/// each item's time, persona, theme, segments and group, reporting every
/// reference that points nowhere (`unknown-ref`) and every missing file.
struct Resolver {
    let config: PlanConfig
    let assets: Set<String>
    let contentPrefix: String
    /// The plan's people (id, alias), for items resolved one at a time (`new`, import).
    var people: [(id: String, alias: String)] = []
    /// Each person's segment: a chat held with one person reaches the person's segment.
    var personSegments: [String: String] = [:]

    struct Output {
        var plan: Plan
        var diagnostics: [Diagnostic]
        /// How `diagnostics` is made, for serve to patch after an edit of one
        /// item: what plan.yml, the people and the personas gave, then each
        /// item's (by position in the items given), then the series templates'.
        var beforeItems: [Diagnostic] = []
        var itemProblems: [[Diagnostic]] = []
        /// Each item given, resolved (nil: it could not be placed in time).
        var resolvedItems: [Item?] = []
        var afterItems: [Diagnostic] = []
        /// Resolves one more item the way these were (serve, after an edit).
        var context: ItemContext?
    }

    /// What items are resolved against once plan.yml, the personas and the people are.
    struct ItemContext: @unchecked Sendable {  // immutable
        let resolver: Resolver
        let personas: [String: Persona]
        let names: NameIndex

        func resolve(_ decoded: DecodedItem) -> (Item?, [Diagnostic]) {
            resolver.resolve(decoded, personas: personas, names: names)
        }
    }

    /// - Parameters:
    ///   - templates: each series' item, resolved for the problems of the series file itself
    ///     (reported once, not once per occurrence); they are not part of the plan.
    ///   - people: the customers of `people/`.
    ///   - known: per item, what resolving it gave in the last load of the
    ///     same context (serve); nil or missing: resolve it.
    ///   - made: told of each item resolved afresh, by position (from worker threads).
    ///   - calendarGrid: `Plan.calendarGrid(config)` when worked out already.
    func resolve(
        personas decodedPersonas: [DecodedPersona], items decodedItems: [DecodedItem], assetList: [String],
        templates: [DecodedItem] = [], people decodedPeople: [DecodedPerson] = [],
        known: [(Item?, [Diagnostic])?] = [], calendarGrid: [CalendarDay]? = nil,
        made: (@Sendable (Int, Item?, [Diagnostic]) -> Void)? = nil
    ) -> Output {
        var diagnostics: [Diagnostic] = []
        let names = NameIndex(
            config: config, personas: decodedPersonas.map { ($0.id, $0.name) }, people: decodedPeople.map { ($0.id, $0.alias) })
        // Groups name their owner and segments as people say them too; the plan keeps ids.
        let (config, planProblems) = resolvePlanReferences(names)
        diagnostics += planProblems
        var people: [Person] = []
        for decoded in decodedPeople {
            var segment = decoded.segment
            if let written = decoded.segment {
                segment = reference(
                    written, .segment, names, at: decoded.keyLocations["segment"] ?? SourceLocation(file: decoded.file), id: decoded.id,
                    key: "segment", into: &diagnostics) ?? written
            }
            people.append(
                Person(
                    id: decoded.id, file: decoded.file, alias: decoded.alias, segment: segment, dates: decoded.dates,
                    ignores: decoded.ignores, keyLocations: decoded.keyLocations))
        }
        var personSegments: [String: String] = [:]
        for person in people { if let segment = person.segment, config.segment(segment) != nil { personSegments[person.id] = segment } }
        let resolver = Resolver(config: config, assets: assets, contentPrefix: contentPrefix, personSegments: personSegments)
        var personas: [Persona] = []
        for decoded in decodedPersonas {
            let (persona, problems) = resolver.resolve(decoded, names: names)
            personas.append(persona)
            diagnostics += problems
        }
        let personaByID = Dictionary(personas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Items are resolved on all cores (each on its own), then gathered in order.
        let results = ConcurrentResults<(Item?, [Diagnostic])>(count: decodedItems.count)
        DispatchQueue.concurrentPerform(iterations: (decodedItems.count + 255) / 256) { chunk in
            Heap.prepareThread()
            for index in (chunk * 256)..<min(decodedItems.count, chunk * 256 + 256) {
                if index < known.count, let kept = known[index] {
                    results.set(index, kept)
                    continue
                }
                let output = resolver.resolve(decodedItems[index], personas: personaByID, names: names)
                made?(index, output.0, output.1)
                results.set(index, output)
            }
        }
        var items: [Item] = []
        items.reserveCapacity(decodedItems.count)
        let beforeItems = diagnostics
        var itemProblems: [[Diagnostic]] = []
        itemProblems.reserveCapacity(decodedItems.count)
        var resolvedItems: [Item?] = []
        resolvedItems.reserveCapacity(decodedItems.count)
        var resolved = results.take()
        for index in resolved.indices {
            // Moved out of its slot, not copied: see `ConcurrentResults.take`.
            guard let (item, problems) = resolved[index].take() else { continue }
            if let item { items.append(item) }
            resolvedItems.append(item)
            // What the series file says wrong is reported once, by its template.
            let seriesFile = item?.series?.seriesFile
            let reported = seriesFile.map { file in problems.filter { $0.location.file != file } } ?? problems
            diagnostics += reported
            itemProblems.append(reported)
        }
        var afterItems: [Diagnostic] = []
        for template in templates {
            afterItems += resolver.resolve(template, personas: personaByID, names: names).1
        }
        diagnostics += afterItems
        let plan = Plan(
            config: config, personas: personas, items: items, assets: assetList, contentPrefix: contentPrefix, people: people,
            calendarGrid: calendarGrid)
        return Output(
            plan: plan, diagnostics: diagnostics, beforeItems: beforeItems, itemProblems: itemProblems, resolvedItems: resolvedItems,
            afterItems: afterItems,
            context: ItemContext(resolver: resolver, personas: personaByID, names: names))
    }

    // MARK: - plan.yml

    /// The config with each group's owner and segments as ids.
    private func resolvePlanReferences(_ names: NameIndex) -> (PlanConfig, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var config = self.config
        config.groups = config.groups.map { group in
            var owner = group.owner
            if let written = group.owner {
                owner = reference(written, .persona, names, at: group.location, id: "plan", key: "groups.\(group.id).owner", into: &diagnostics) ?? written
            }
            let segments = group.segments.map { written in
                reference(written, .segment, names, at: group.location, id: "plan", key: "groups.\(group.id).segments", into: &diagnostics) ?? written
            }
            return Group(id: group.id, label: group.label, owner: owner, segments: segments, location: group.location)
        }
        return (config, diagnostics)
    }

    // MARK: - Personas

    private func resolve(_ decoded: DecodedPersona, names: NameIndex) -> (Persona, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let location = { (key: String) in decoded.keyLocations[key] ?? SourceLocation(file: decoded.file) }
        if let avatar = decoded.avatar, let problem = missingFile(avatar, at: location("avatar"), id: decoded.id, key: "avatar") {
            diagnostics.append(problem)
        }
        let themes = decoded.themes?.map { written in
            reference(written, .theme, names, at: location("themes"), id: decoded.id, key: "themes", into: &diagnostics) ?? written
        }
        let segments = decoded.segments?.map { written in
            reference(written, .segment, names, at: location("segments"), id: decoded.id, key: "segments", into: &diagnostics) ?? written
        }
        var channels: [ItemKind]?
        if let names = decoded.channels {
            var kinds: [ItemKind] = []
            for name in names {
                if let kind = ItemKind(rawValue: name) ?? ItemKind.allCases.first(where: { $0.singular == name }) {
                    kinds.append(kind)
                } else {
                    diagnostics.append(
                        unknownRef(kind: Localized(zh: "渠道", en: "channel"), value: name, candidates: ItemKind.allCases.map(\.rawValue),
                                   at: location("channels"), id: decoded.id, key: "channels"))
                }
            }
            channels = kinds
        }
        let persona = Persona(
            id: decoded.id, file: decoded.file, name: decoded.name, avatar: decoded.avatar.map(normalizedAsset),
            identity: decoded.identity, signature: decoded.signature, personality: decoded.personality,
            catchphrases: decoded.catchphrases, banned: decoded.banned, period: decoded.period, disclaimer: decoded.disclaimer,
            themes: themes, channels: channels, segments: segments, story: decoded.story,
            storyLine: decoded.storyLine, keyLocations: decoded.keyLocations)
        return (persona, diagnostics)
    }

    // MARK: - Items

    /// - Parameter names: the plan's names (built from `config` and `personas` when not given).
    func resolve(_ decoded: DecodedItem, personas: [String: Persona], names: NameIndex? = nil) -> (Item?, [Diagnostic]) {
        let names = names ?? NameIndex(config: config, personas: personas.values.map { ($0.id, $0.name) }, people: people)
        var diagnostics: [Diagnostic] = []
        let location = { (key: String) in decoded.keyLocations[key] ?? SourceLocation(file: decoded.file) }
        func resolved(_ written: String, _ kind: NameKind, key: String) -> String? {
            reference(written, kind, names, at: location(key), id: decoded.id, key: key, into: &diagnostics)
        }
        var time = decoded.time
        if let slotID = decoded.slot {
            if let slot = config.slot(slotID) { time = config.time(ofSlot: slot, on: decoded.date) } else {
                diagnostics.append(
                    unknownRef(
                        kind: Localized(zh: "时段", en: "slot"), value: slotID, candidates: config.slots.map(\.id),
                        at: location("slot"), id: decoded.id, key: "slot"))
            }
        }
        let personaID = resolved(decoded.persona, .persona, key: "persona")
        let persona = personaID.flatMap { personas[$0] }
        let theme = decoded.theme.map { resolved($0, .theme, key: "theme") ?? $0 }
        let explicitSegments = decoded.segments?.map { resolved($0, .segment, key: "segments") ?? $0 }
        var group: Group?
        var groupID = decoded.group
        if let written = decoded.group, let id = resolved(written, .group, key: "group") {
            groupID = id
            group = config.group(id)
        }
        let action = decoded.action.map { resolved($0, .action, key: "action") ?? $0 }
        let person = decoded.person.map { resolved($0, .person, key: "person") ?? $0 }
        var images: [String] = []
        for image in decoded.images {
            if let problem = missingFile(image, at: location("images"), id: decoded.id, key: "images:\(image)") {
                diagnostics.append(problem)
            } else {
                images.append(normalizedAsset(image))
            }
        }
        guard let time else { return (nil, diagnostics) }
        let segments: [String]
        if let explicitSegments {
            segments = explicitSegments
        } else if decoded.kind == .topic {
            segments = group?.segments ?? []
        } else if decoded.kind == .chat {
            // A chat held with one person reaches that person's segment, not the persona's whole audience.
            segments = person.flatMap { personSegments[$0] }.map { [$0] } ?? []
        } else {
            segments = persona?.segments ?? config.segments.map(\.id)
        }
        let item = Item(
            id: decoded.id, kind: decoded.kind, file: decoded.file, date: decoded.date, time: time, slot: decoded.slot,
            persona: personaID ?? decoded.persona, theme: theme,
            title: decoded.title ?? Self.title(fromBody: decoded.body, fallback: decoded.id),
            segments: segments, segmentsExplicit: decoded.segments != nil, action: action,
            status: decoded.status, owner: decoded.owner, tags: decoded.tags, ignores: decoded.ignores, images: images,
            group: groupID, format: decoded.format, trigger: decoded.trigger, via: decoded.via, gift: decoded.gift,
            purpose: decoded.purpose, person: person, review: decoded.review, results: decoded.results, series: decoded.series,
            body: decoded.body, bodyLine: decoded.bodyLine, keyLocations: decoded.keyLocations)
        return (item, diagnostics)
    }

    // MARK: - Files

    /// `./assets/a.png` → `assets/a.png`.
    private func normalizedAsset(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." { parts.append(part) }
        return parts.joined(separator: "/")
    }

    private func missingFile(_ path: String, at location: SourceLocation, id: String, key: String) -> Diagnostic? {
        let normalized = normalizedAsset(path)
        let escapes = path.hasPrefix("/") || path.split(separator: "/").contains("..") || path.contains("\\")
            || path.contains("://")
        if !escapes && assets.contains(normalized) { return nil }
        let message = escapes
            ? Localized(
                zh: "“\(path)” 必须是 content/ 里的相对路径。", en: "“\(path)” must be a relative path inside content/.")
            : Localized(zh: "文件 “\(path)” 不存在。", en: "The file “\(path)” does not exist.")
        let guess = escapes ? nil : DidYouMean.suggestion(for: normalized, among: Array(assets))
        return Diagnostic(
            ruleID: "missing-file", severity: .error, message: message, location: location, itemID: id,
            hint: guess.map { Localized(zh: "是不是 “\($0)”？", en: "Did you mean “\($0)”?") }
                ?? Localized(zh: "把文件放进 content/assets/，路径相对于 content/。", en: "Put the file in content/assets/; paths are relative to content/."),
            fingerprint: Fingerprint.make(["missing-file", id, key]))
    }
}
