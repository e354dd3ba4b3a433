import Dispatch
import Foundation

/// Resolves decoded files against plan.yml into one immutable `Plan`:
/// each item's time, persona, theme, segments and group, reporting every
/// reference that points nowhere (`unknown-ref`) and every missing file.
struct Resolver {
    let config: PlanConfig
    let assets: Set<String>
    let contentPrefix: String

    struct Output {
        var plan: Plan
        var diagnostics: [Diagnostic]
    }

    func resolve(personas decodedPersonas: [DecodedPersona], items decodedItems: [DecodedItem], assetList: [String]) -> Output {
        var diagnostics: [Diagnostic] = []
        diagnostics += checkPlanReferences(personaIDs: decodedPersonas.map(\.id))
        var personas: [Persona] = []
        for decoded in decodedPersonas {
            let (persona, problems) = resolve(decoded)
            personas.append(persona)
            diagnostics += problems
        }
        let personaByID = Dictionary(personas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Items are resolved on all cores (each on its own), then gathered in order.
        let results = ConcurrentResults<(Item?, [Diagnostic])>(count: decodedItems.count)
        DispatchQueue.concurrentPerform(iterations: (decodedItems.count + 255) / 256) { chunk in
            for index in (chunk * 256)..<min(decodedItems.count, chunk * 256 + 256) {
                results.set(index, resolve(decodedItems[index], personas: personaByID))
            }
        }
        var items: [Item] = []
        items.reserveCapacity(decodedItems.count)
        for (item, problems) in results.values {
            if let item { items.append(item) }
            diagnostics += problems
        }
        let plan = Plan(config: config, personas: personas, items: items, assets: assetList, contentPrefix: contentPrefix)
        return Output(plan: plan, diagnostics: diagnostics)
    }

    // MARK: - plan.yml

    private func checkPlanReferences(personaIDs: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let segmentIDs = config.segments.map(\.id)
        for group in config.groups {
            if let owner = group.owner, !personaIDs.contains(owner) {
                diagnostics.append(
                    unknownRef(
                        kind: Localized(zh: "人设", en: "persona"), value: owner, candidates: personaIDs,
                        at: group.location, id: "plan", key: "groups.\(group.id).owner"))
            }
            for segment in group.segments where !segmentIDs.contains(segment) {
                diagnostics.append(
                    unknownRef(
                        kind: Localized(zh: "客群", en: "segment"), value: segment, candidates: segmentIDs,
                        at: group.location, id: "plan", key: "groups.\(group.id).segments"))
            }
        }
        return diagnostics
    }

    // MARK: - Personas

    private func resolve(_ decoded: DecodedPersona) -> (Persona, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let location = { (key: String) in decoded.keyLocations[key] ?? SourceLocation(file: decoded.file) }
        if let avatar = decoded.avatar, let problem = missingFile(avatar, at: location("avatar"), id: decoded.id, key: "avatar") {
            diagnostics.append(problem)
        }
        let themeIDs = config.themes.map(\.id)
        for theme in decoded.themes ?? [] where !themeIDs.contains(theme) {
            diagnostics.append(unknownRef(kind: Localized(zh: "主题", en: "theme"), value: theme, candidates: themeIDs, at: location("themes"), id: decoded.id, key: "themes"))
        }
        let segmentIDs = config.segments.map(\.id)
        for segment in decoded.segments ?? [] where !segmentIDs.contains(segment) {
            diagnostics.append(unknownRef(kind: Localized(zh: "客群", en: "segment"), value: segment, candidates: segmentIDs, at: location("segments"), id: decoded.id, key: "segments"))
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
            themes: decoded.themes, channels: channels, segments: decoded.segments, story: decoded.story,
            storyLine: decoded.storyLine, keyLocations: decoded.keyLocations)
        return (persona, diagnostics)
    }

    // MARK: - Items

    func resolve(_ decoded: DecodedItem, personas: [String: Persona]) -> (Item?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let location = { (key: String) in decoded.keyLocations[key] ?? SourceLocation(file: decoded.file) }
        func reference(_ kind: Localized, _ value: String, _ candidates: [String], key: String) {
            diagnostics.append(unknownRef(kind: kind, value: value, candidates: candidates, at: location(key), id: decoded.id, key: key))
        }
        var time = decoded.time
        if let slotID = decoded.slot {
            if let slot = config.slot(slotID) { time = slot.time } else {
                reference(Localized(zh: "时段", en: "slot"), slotID, config.slots.map(\.id), key: "slot")
            }
        }
        let persona = personas[decoded.persona]
        if persona == nil {
            reference(Localized(zh: "人设", en: "persona"), decoded.persona, personas.keys.sorted(), key: "persona")
        }
        if let theme = decoded.theme, config.theme(theme) == nil {
            reference(Localized(zh: "主题", en: "theme"), theme, config.themes.map(\.id), key: "theme")
        }
        let segmentIDs = config.segments.map(\.id)
        for segment in decoded.segments ?? [] where !segmentIDs.contains(segment) {
            reference(Localized(zh: "客群", en: "segment"), segment, segmentIDs, key: "segments")
        }
        var group: Group?
        if let groupID = decoded.group {
            group = config.group(groupID)
            if group == nil { reference(Localized(zh: "社群", en: "group"), groupID, config.groups.map(\.id), key: "group") }
        }
        if let action = decoded.action, config.action(action) == nil {
            reference(Localized(zh: "信任动作", en: "trust action"), action, config.actions.map(\.id), key: "action")
        }
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
        if let explicit = decoded.segments {
            segments = explicit
        } else if decoded.kind == .topic {
            segments = group?.segments ?? []
        } else {
            segments = persona?.segments ?? segmentIDs
        }
        let item = Item(
            id: decoded.id, kind: decoded.kind, file: decoded.file, date: decoded.date, time: time, slot: decoded.slot,
            persona: decoded.persona, theme: decoded.theme,
            title: decoded.title ?? Self.title(fromBody: decoded.body, fallback: decoded.id),
            segments: segments, segmentsExplicit: decoded.segments != nil, action: decoded.action,
            status: decoded.status, owner: decoded.owner, tags: decoded.tags, ignores: decoded.ignores, images: images,
            group: decoded.group, format: decoded.format, trigger: decoded.trigger, via: decoded.via, gift: decoded.gift,
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

    private func unknownRef(kind: Localized, value: String, candidates: [String], at location: SourceLocation, id: String, key: String) -> Diagnostic {
        let guess = DidYouMean.suggestion(for: value, among: candidates)
        let known = candidates.sorted().prefix(12).joined(separator: ", ")
        return Diagnostic(
            ruleID: "unknown-ref", severity: .error,
            message: Localized(
                zh: "\(kind.zh) “\(value)” 没有声明。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                en: "The \(kind.en) “\(value)” is not declared." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
            location: location, itemID: id,
            hint: Localized(
                zh: candidates.isEmpty ? "先在 plan.yml 或 personas/ 里声明它。" : "可用的有：\(known)。",
                en: candidates.isEmpty ? "Declare it first in plan.yml or personas/." : "Known: \(known)."),
            fingerprint: Fingerprint.make(["unknown-ref", id, key, value]))
    }
}
