/// An explicit `segments` entry naming a segment the persona does not serve.
/// Resolved defaults (a topic's group, the persona's own list) are not blamed.
struct PersonaSegmentRule: Rule {
    let id = "persona-segment"
    let scope = RuleScope.item
    let defaultSeverity = Severity.warning
    let summary = Localized(zh: "内容发给了人设不服务的客群", en: "A segment the persona does not serve")
    let explanation = Localized(
        zh: "客户认的是那个一直服务他的人。让不负责这个客群的人设去触达，客户会困惑“你是谁”，之前的信任也接不上。",
        en: "Customers trust the person who has been serving them. A persona that does not serve their segment reaching out makes them wonder who you are, and the trust built so far does not carry over.")
    let example = Localized(
        zh: "人设 segments: [payroll]，内容却写 segments: [car]",
        en: "The persona serves segments: [payroll], the item says segments: [car]")

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for item in context.coveredItems where item.segmentsExplicit {
            guard let persona = context.plan.persona(item.persona) else { continue }
            var seen: Set<String> = []
            for segment in item.segments where seen.insert(segment).inserted {
                // An undeclared segment is unknown-ref's business.
                guard context.config.segment(segment) != nil, !persona.serves(segment: segment) else { continue }
                let served = persona.segments.map { $0.isEmpty ? "—" : $0.joined(separator: ", ") } ?? ""
                findings.append(
                    Finding(
                        item: item, key: "segments",
                        message: Localized(
                            zh: "\(persona.name) 不服务客群\(context.segmentName(segment).zh)（服务：\(served)）。",
                            en: "\(persona.name) does not serve the segment \(context.segmentName(segment).en) (serves: \(served))."),
                        hint: Localized(
                            zh: "交给服务这个客群的人设，或从 segments 里去掉它。",
                            en: "Give the item to a persona serving that segment, or drop it from segments."),
                        identity: [item.id, segment]))
            }
        }
        return findings
    }
}
