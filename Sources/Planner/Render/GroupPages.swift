/// One page per group: its topics, owner and segments.
extension EntityPages {
    struct GroupPage: Sendable, TemplateFields {
        let site: Chrome
        let label: String
        let id: String
        let owner: String
        let ownerHref: String?
        let segments: [Chrome.NavLink]
        let topics: [TopicRow]
        let formats: [Field]
        let hasTopics: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.id, id)
            visitor.field(FieldKey.owner, owner)
            visitor.field(FieldKey.ownerHref, ownerHref)
            visitor.field(FieldKey.segments, segments)
            visitor.field(FieldKey.topics, topics)
            visitor.field(FieldKey.formats, formats)
            visitor.field(FieldKey.hasTopics, hasTopics)
        }
    }

    struct TopicRow: Sendable, TemplateFields {
        let chip: ItemChip
        let format: String
        let date: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.chip, chip)
            visitor.field(FieldKey.format, format)
            visitor.field(FieldKey.date, date)
        }
    }

    func groups(index: PlanIndex) -> [LazyPageJob] {
        model.plan.config.groups.filter { SitePath.isSafeSegment($0.id) }.map { group in
            let path = SitePath.group(group.id)
            return LazyPageJob(path: path) {
                let topics = index.topicsByGroup[group.id] ?? []
                var formatCounts: [TopicFormat: Int] = [:]
                for topic in topics { if let format = topic.format { formatCounts[format, default: 0] += 1 } }
                let page = GroupPage(
                    site: Chrome(model: model, pagePath: path, pageTitle: group.label, section: "groups", serveMode: serveMode),
                    label: group.label, id: group.id,
                    owner: group.owner.map(model.personaName) ?? model.strings.none,
                    ownerHref: group.owner.flatMap { model.plan.persona($0) }.map { SitePath.encode(SitePath.persona($0.id)) },
                    segments: group.segments.map { id in
                        Chrome.NavLink(href: SitePath.encode(SitePath.segment(id)), label: model.plan.config.segment(id)?.label ?? id, current: false)
                    },
                    topics: topics.compactMap { topic in
                        model.chips[topic.id].map { TopicRow(chip: $0, format: topic.format.map { model.text($0.label) } ?? "", date: model.dateLabel(topic.date)) }
                    },
                    formats: TopicFormat.allCases.compactMap { format in
                        formatCounts[format].map { Field(label: model.text(format.label), value: String($0)) }
                    },
                    hasTopics: !topics.isEmpty)
                return PageJob(path: path, template: "group", page: page)
            }
        }
    }
}
