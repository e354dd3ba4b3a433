/// `groups/index.html` and `segments/index.html`: each group or segment
/// with a line of figures, so the top navigation reaches every one of them.
extension EntityPages {
    struct OverviewRow: Sendable, TemplateFields {
        let label: String
        let id: String
        let href: String
        let figures: [String]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.id, id)
            visitor.field(FieldKey.href, href)
            visitor.field(FieldKey.figures, figures)
        }
    }

    struct OverviewPage: Sendable, TemplateFields {
        let site: Chrome
        let title: String
        let intro: String
        let rows: [OverviewRow]
        let hasRows: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.title, title)
            visitor.field(FieldKey.intro, intro)
            visitor.field(FieldKey.rows, rows)
            visitor.field(FieldKey.hasRows, hasRows)
        }
    }

    func groupsIndex(index: PlanIndex) -> LazyPageJob {
        let path = SitePath.groups
        return LazyPageJob(path: path) {
            let zh = model.language == .zhCN
            let config = model.plan.config
            let rows = config.groups.filter { SitePath.isSafeSegment($0.id) }.map { group -> OverviewRow in
                let topics = (index.topicsByGroup[group.id] ?? []).filter { config.contains($0.date) }
                let owner = group.owner.map(model.personaName) ?? model.strings.none
                let segments = group.segments.map { config.segment($0)?.label ?? $0 }.joined(separator: zh ? "、" : ", ")
                return OverviewRow(
                    label: group.label, id: group.id, href: SitePath.encode(SitePath.group(group.id)),
                    figures: [
                        zh ? "\(topics.count) 个话题" : "\(topics.count) topic\(topics.count == 1 ? "" : "s")",
                        "\(model.strings.owner)\(model.strings.colon)\(owner)",
                        "\(model.strings.segments)\(model.strings.colon)\(segments.isEmpty ? model.strings.none : segments)",
                    ])
            }
            let page = OverviewPage(
                site: Chrome(model: model, pagePath: path, pageTitle: model.strings.groups, section: "groups", serveMode: serveMode),
                title: model.strings.groups,
                intro: zh ? "计划里的每个社群：话题数（计划范围内）、群主和服务的客群。" : "Every group of the plan: its topics in the range, its owner and the segments it serves.",
                rows: rows, hasRows: !rows.isEmpty)
            return PageJob(path: path, template: "overview", page: page)
        }
    }

    func segmentsIndex(index: PlanIndex) -> LazyPageJob {
        let path = SitePath.segments
        return LazyPageJob(path: path) {
            let zh = model.language == .zhCN
            let config = model.plan.config
            let rows = config.segments.filter { SitePath.isSafeSegment($0.id) }.map { segment -> OverviewRow in
                let counted = Set(config.touchKinds(ofSegment: segment.id))
                let touches = (index.touchesBySegment[segment.id] ?? []).filter { config.contains($0.date) }
                let effective = touches.filter { counted.contains($0.kind) }.count
                let surprises = (index.surprisesBySegment[segment.id] ?? []).filter { config.contains($0.date) }.count
                var figures = [
                    zh ? "有效触达 \(effective) 次（计划范围内）" : "\(effective) effective touch\(effective == 1 ? "" : "es") in the range",
                    zh ? "惊喜 \(surprises) 次" : "\(surprises) surprise\(surprises == 1 ? "" : "s")",
                ]
                if let tier = config.stageSettings(ofSegment: segment.id) {
                    figures.insert("\(model.strings.stage)\(model.strings.colon)\(model.text(tier.label))", at: 0)
                }
                return OverviewRow(label: segment.label, id: segment.id, href: SitePath.encode(SitePath.segment(segment.id)), figures: figures)
            }
            let page = OverviewPage(
                site: Chrome(model: model, pagePath: path, pageTitle: model.strings.segments, section: "segments", serveMode: serveMode),
                title: model.strings.segments,
                intro: zh ? "计划里的每个客群：信任层级、有效触达和惊喜的次数。" : "Every segment of the plan: its trust stage, its effective touches and its surprises.",
                rows: rows, hasRows: !rows.isEmpty)
            return PageJob(path: path, template: "overview", page: page)
        }
    }
}
