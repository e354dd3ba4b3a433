/// One page per item: metadata, rendered copy, images, diagnostics, edit link.
struct ItemPages {
    let model: SiteModel
    let serveMode: Bool

    struct Image: Sendable, TemplateFields {
        let src: String
        let alt: String
        /// The name a download saves it under.
        let fileName: String
        let number: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.src, src)
            visitor.field(FieldKey.alt, alt)
            visitor.field(FieldKey.fileName, fileName)
            visitor.field(FieldKey.number, number)
        }
    }

    /// An item's images, as every page that shows them links them (from the output root).
    static func images(of item: Item) -> [Image] {
        item.images.enumerated().map { offset, path in
            Image(
                src: SitePath.encode(path), alt: "\(item.title) \(offset + 1)",
                fileName: String(path.split(separator: "/").last ?? Substring(path)), number: offset + 1)
        }
    }

    struct ItemPage: Sendable, TemplateFields {
        let site: Chrome
        let w: SharedPageWords
        let chip: ItemChip
        let fields: [EntityPages.Field]
        let html: [UInt8]
        let plain: PlainCopy
        let images: [Image]
        let hasImages: Bool
        let diagnostics: [DiagnosticView]
        let hasDiagnostics: Bool
        let editHref: String?
        let source: String
        let personaHref: String?
        /// Its week's page; nil for an item whose week meets no day of the range (that page is not written).
        let weekHref: String?
        let weekName: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.w, w)
            visitor.field(FieldKey.chip, chip)
            visitor.field(FieldKey.fields, fields)
            visitor.field(FieldKey.html, html)
            visitor.field(FieldKey.plain, plain)
            visitor.field(FieldKey.images, images)
            visitor.field(FieldKey.hasImages, hasImages)
            visitor.field(FieldKey.diagnostics, diagnostics)
            visitor.field(FieldKey.hasDiagnostics, hasDiagnostics)
            visitor.field(FieldKey.editHref, editHref)
            visitor.field(FieldKey.source, source)
            visitor.field(FieldKey.personaHref, personaHref)
            visitor.field(FieldKey.weekHref, weekHref)
            visitor.field(FieldKey.weekName, weekName)
        }
    }

    func page(_ item: Item, copy: RenderedCopy) -> PageJob? {
        guard let chip = model.chips[item.id] else { return nil }
        let path = SitePath.item(item.id)
        let strings = model.strings
        let config = model.plan.config
        var fields: [EntityPages.Field] = [
            .init(label: strings.date, value: model.dateLabel(item.date)),
            .init(label: strings.time, value: item.slot.map { "\(item.time) (\(strings.slotLabel($0)))" } ?? item.time.description),
            .init(label: strings.kind, value: model.text(item.kind.label)),
            .init(label: strings.persona, value: model.personaName(item.persona)),
        ]
        if let theme = item.theme { fields.append(.init(label: strings.theme, value: config.theme(theme)?.label ?? theme)) }
        if let group = item.group { fields.append(.init(label: strings.group, value: config.group(group)?.label ?? group)) }
        if let format = item.format { fields.append(.init(label: strings.format, value: model.text(format.label))) }
        if let trigger = item.trigger { fields.append(.init(label: strings.trigger, value: model.text(trigger.label))) }
        if let via = item.via { fields.append(.init(label: strings.via, value: model.text(via.label))) }
        if let gift = item.gift { fields.append(.init(label: strings.gift, value: gift)) }
        if let purpose = item.purpose { fields.append(.init(label: strings.purpose, value: model.text(purpose.label))) }
        if let person = item.person {
            let alias = model.plan.person(person)?.alias
            fields.append(.init(
                label: strings.person, value: alias.map { $0 == person ? person : "\($0)（\(person)）" } ?? person,
                href: alias != nil && SitePath.isSafeSegment(person) ? SitePath.encode(SitePath.person(person)) : nil))
        }
        if let series = item.series {
            fields.append(.init(
                label: model.text(Localized(zh: "系列", en: "Series")),
                value: model.text(Localized(zh: "\(series.series) · 第 \(series.number) 期", en: "\(series.series) · no. \(series.number)"))))
        }
        if let state = model.reviewState(of: item) {
            let signer = [item.review?.by, item.review?.on?.description].compactMap { $0 }.joined(separator: " · ")
            fields.append(.init(label: strings.review, value: model.text(state.label) + (signer.isEmpty ? "" : "（\(signer)）")))
        }
        if !item.segments.isEmpty {
            fields.append(.init(label: strings.segments, value: item.segments.map { config.segment($0)?.label ?? $0 }.joined(separator: "、")))
        }
        if let action = item.action { fields.append(.init(label: strings.action, value: config.action(action).map { model.text($0.label) } ?? action)) }
        fields.append(.init(label: strings.status, value: model.text(item.status.label)))
        if let owner = item.owner { fields.append(.init(label: strings.owner, value: owner)) }
        if !item.tags.isEmpty { fields.append(.init(label: strings.tags, value: item.tags.joined(separator: "、"))) }
        if let counts = ResultsPages.counts(item, language: model.language) {
            fields.append(.init(label: ResultWords(language: model.language).text("results"), value: counts))
        }
        let diagnostics = model.diagnosticsByItem[item.id] ?? []
        let day = model.days[item.date]
        let page = ItemPage(
            site: Chrome(model: model, pagePath: path, pageTitle: item.title, section: "calendar", serveMode: serveMode),
            w: SharedPageWords.of(model.language), chip: chip, fields: fields, html: copy.html, plain: copy.plainCopy,
            images: Self.images(of: item),
            hasImages: !item.images.isEmpty,
            diagnostics: model.diagnosticViews(diagnostics), hasDiagnostics: !diagnostics.isEmpty,
            editHref: config.repoURL.map { $0 + "/" + SitePath.encode(item.file) }, source: item.file,
            personaHref: model.plan.persona(item.persona).map { SitePath.encode(SitePath.persona($0.id)) },
            weekHref: Self.hasWeekPage(item.date, config: model.plan.config) ? day?.weekHref ?? SitePath.encode(model.weekPath(item.date)) : nil,
            weekName: day?.weekName ?? WeekTitle.text(item.date.isoWeek, language: model.language))
        return PageJob(path: path, template: "item", page: page)
    }

    /// Whether the week of `date` has a page: it meets the range (`SiteModel.weeks`).
    static func hasWeekPage(_ date: LocalDate, config: PlanConfig) -> Bool {
        let monday = date.weekStart
        return monday <= config.end && monday.adding(days: 6) >= config.start
    }
}
