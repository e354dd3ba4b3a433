/// serve: signatures of the pages made from items' copy, the playbook weeks
/// and the persona feeds, from their items' inputs (`RenderMemo.signatures`)
/// — signing their models would mean rendering every item's Markdown on
/// each save. Every other page is signed by its model (`PageJob.signature`).
/// Items are taken by their position in the plan: a lookup by id hashes
/// Chinese text, an array does not.
struct PageSignatures {
    let model: SiteModel
    let index: PlanIndex
    /// Positions of each week's items.
    let weekOffsets: [ISOWeek: [Int]]
    /// Full item signatures (`RenderMemo.signatures`), by position.
    let items: [Int]
    /// Whether an item's outputs were reused: the others changed (their body
    /// may have, which `items` does not cover), so pages showing them render again.
    let unchanged: [Bool]

    func all() -> [String: Int] {
        // Every page's header shows the site-wide counts.
        var base = Hasher()
        base.combine(model.severityCounts.error)
        base.combine(model.severityCounts.warning)
        base.combine(model.severityCounts.notice)
        base.combineText(model.today.description)
        let site = base.finalize()
        let changed = UInt64.random(in: 0...UInt64.max)
        func signature(_ kind: String, offsets: [Int]) -> Int {
            var hasher = Hasher()
            hasher.combine(site)
            hasher.combineText(kind)
            for offset in offsets {
                hasher.combine(items[offset])
                if !unchanged[offset] { hasher.combine(changed) }
            }
            return hasher.finalize()
        }
        var pages: [String: Int] = [:]
        for week in model.weeks {
            pages[SitePath.playbookWeek(week)] = signature("playbook", offsets: weekOffsets[week] ?? [])
        }
        for persona in model.plan.personas {
            pages[SitePath.personaFeed(persona.id)] = signature("feed", offsets: index.itemPositionsByPersona[persona.id] ?? [])
        }
        return pages
    }
}
