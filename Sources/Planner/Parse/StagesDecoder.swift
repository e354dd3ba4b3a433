/// plan.yml `stages:` (each tier's overrides of the built-in defaults) and
/// `review_required:`.
extension PlanConfigDecoder {
    func decodeStages(_ reader: inout MappingReader) -> [StageSettings] {
        guard var stagesReader = reader.mapping("stages") else { return StageSettings.defaults }
        var stages = StageSettings.defaults
        for key in stagesReader.keys {
            guard let stage = TrustStage(rawValue: key) else {
                let names = TrustStage.allCases.map(\.rawValue)
                stagesReader.report(
                    Localized(
                        zh: "没有叫 “\(key)” 的信任层级：可以是 \(names.joined(separator: "、"))。",
                        en: "There is no trust tier “\(key)”: one of \(names.joined(separator: ", "))."),
                    at: stagesReader.keyLocations[key] ?? stagesReader.location, code: "stage:\(key)")
                continue
            }
            guard var tier = stagesReader.mapping(key) else { continue }
            let base = StageSettings.defaults.first { $0.stage == stage }!
            let label = tier.string("label")
            let needs = tier.strings("needs") ?? base.needs
            let promoShare = share(&tier, "promo-share") ?? base.promoShare
            let touchCap = count(&tier, "touch-cap") ?? base.touchCap
            var touchKinds: [ItemKind]?
            if let names = tier.strings("touch-kinds") {
                touchKinds = []
                for name in names {
                    if let kind = ItemKind(rawValue: name) ?? ItemKind.allCases.first(where: { $0.singular == name }) {
                        touchKinds?.append(kind)
                    } else {
                        let allowed = ItemKind.allCases.map(\.rawValue)
                        tier.report(
                            Localized(
                                zh: "touch-kinds 里的 “\(name)” 不是内容类型：可以是 \(allowed.joined(separator: "、"))。",
                                en: "“\(name)” in touch-kinds is not a kind: one of \(allowed.joined(separator: ", "))."),
                            at: tier.location(of: tier.node("touch-kinds")!), code: "touch-kinds:\(name)")
                    }
                }
            }
            tier.reportUnknownKeys(known: ["label", "needs", "promo-share", "touch-cap", "touch-kinds"])
            stagesReader.absorb(tier)
            let settings = StageSettings(
                stage: stage, customLabel: label, needs: needs, promoShare: promoShare, touchCap: touchCap,
                touchKinds: touchKinds, location: stagesReader.keyLocations[key])
            stages = stages.map { $0.stage == stage ? settings : $0 }
        }
        reader.absorb(stagesReader)
        return stages
    }

    func decodeReviewRequirement(_ reader: inout MappingReader) -> ReviewRequirement {
        guard var block = reader.mapping("review_required") else { return ReviewRequirement() }
        let themes = block.strings("themes")
        let patterns = block.strings("patterns") ?? []
        block.reportUnknownKeys(known: ["themes", "patterns"])
        reader.absorb(block)
        return ReviewRequirement(themes: themes, patterns: patterns)
    }

    /// A share between 0 and 1.
    private func share(_ reader: inout MappingReader, _ key: String) -> Double? {
        guard let text = reader.string(key) else { return nil }
        if let value = Double(text), value >= 0, value <= 1 { return value }
        reader.wrongType(key, reader.node(key)!, expected: Localized(zh: "0 到 1 之间的比例，例如 0.2", en: "a share between 0 and 1, like 0.2"))
        return nil
    }

    private func count(_ reader: inout MappingReader, _ key: String) -> Int? {
        guard let text = reader.string(key) else { return nil }
        if let value = Int(text), value >= 0 { return value }
        reader.wrongType(key, reader.node(key)!, expected: Localized(zh: "非负整数", en: "a whole number, 0 or more"))
        return nil
    }
}
