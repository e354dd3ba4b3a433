/// Template fields of the page models built once per item or per day, written
/// out so that rendering 10,000 item pages never reflects a struct. Names are
/// the properties' names; a `nil` optional is left out (see `TemplateValue.record`).
extension TemplateConverter {
    func list<Element: TemplateRepresentable>(_ elements: [Element]) -> TemplateValue {
        .list(elements.map { $0.templateValue(self) })
    }

    func list(_ chips: [ItemChip]) -> TemplateValue {
        .list(chips.map(\.value))
    }

    func chip(_ chip: ItemChip) -> TemplateValue { chip.value }

    func strings(_ strings: UIStrings) -> TemplateValue { make(strings) ?? .bool(false) }
}

extension Chrome: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "lang": .string(lang), "siteTitle": .string(siteTitle), "pageTitle": .string(pageTitle), "root": .string(root),
            "t": converter.strings(t), "nav": converter.navigationValue(section) ?? converter.list(nav), "section": .string(section), "serveMode": .bool(serveMode),
            "errorCount": .int(errorCount), "warningCount": .int(warningCount), "noticeCount": .int(noticeCount),
        ])
    }
}

extension Chrome.NavLink: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["href": .string(href), "label": .string(label), "current": .bool(current)])
    }
}

extension EntityPages.Field: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["label": .string(label), "value": .string(value)])
    }
}

extension ItemPages.Image: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["src": .string(src), "alt": .string(alt)])
    }
}

extension ItemPages.ItemPage: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "site": site.templateValue(converter), "chip": converter.chip(chip), "fields": converter.list(fields),
            "html": .bytes(html), "images": converter.list(images), "hasImages": .bool(hasImages),
            "diagnostics": converter.list(diagnostics), "hasDiagnostics": .bool(hasDiagnostics), "editHref": .text(editHref),
            "source": .string(source), "personaHref": .text(personaHref), "weekHref": .string(weekHref),
            "weekName": .string(weekName),
        ])
    }
}

extension DiagnosticView: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "rule": .string(rule), "severity": .string(severity), "severityLabel": .string(severityLabel),
            "message": .string(message), "hint": .text(hint), "location": .string(location), "itemHref": .text(itemHref),
            "itemTitle": .text(itemTitle), "related": converter.list(related), "hasRelated": .bool(hasRelated),
        ])
    }
}

extension DiagnosticView.RelatedView: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["location": .string(location), "message": .string(message), "href": .text(href)])
    }
}

extension PlaybookPages.Entry: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "chip": converter.chip(chip), "html": .bytes(html), "plain": .bytes(plain), "personaName": .string(personaName),
            "extra": .text(extra),
        ])
    }
}

extension PlaybookPages.Day: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["label": .string(label), "date": .string(date), "entries": converter.list(entries)])
    }
}

extension PlaybookPages.WeekPage: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "site": site.templateValue(converter), "name": .string(name), "range": .string(range), "days": converter.list(days),
            "hasDays": .bool(hasDays), "previous": .text(previous), "next": .text(next),
        ])
    }
}

extension CalendarPages.DayCell: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "date": .string(date), "label": .string(label), "dayNumber": .int(dayNumber), "weekday": .string(weekday),
            "inRange": .bool(inRange), "isToday": .bool(isToday), "items": converter.list(items), "hasItems": .bool(hasItems),
            "warningCount": .int(warningCount), "hasWarnings": .bool(hasWarnings), "badgeClass": .string(badgeClass),
            "badgeHref": .string(badgeHref), "badgeLabel": .string(badgeLabel), "weekHref": .string(weekHref),
        ])
    }
}

extension CalendarPages.WeekRow: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["name": .string(name), "href": .string(href), "days": converter.list(days)])
    }
}

extension CalendarPages.Month: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["label": .string(label), "weekdays": .list(weekdays.map(TemplateValue.string)), "weeks": converter.list(weeks)])
    }
}

extension CalendarPages.GridRow: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["label": .string(label), "time": .string(time), "cells": converter.list(cells)])
    }
}

extension CalendarPages.GridCell: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["items": converter.list(items), "clash": .bool(clash), "inRange": .bool(inRange)])
    }
}

extension EntityPages.ScheduleDay: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["label": .string(label), "date": .string(date), "items": converter.list(items)])
    }
}

extension EntityPages.TopicRow: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["chip": converter.chip(chip), "format": .string(format), "date": .string(date)])
    }
}

// The charts and tables of persona and segment pages: a few thousand small
// values per site, too many to reflect one by one.

extension EntityPages.Bar: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "x": .int(x), "y": .int(y), "width": .int(width), "height": .int(height), "themeClass": .string(themeClass),
            "title": .string(title),
        ])
    }
}

extension EntityPages.AxisLabel: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["x": .int(x), "y": .int(y), "text": .string(text)])
    }
}

extension EntityPages.GuideLine: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "y": .int(y), "x2": .int(x2), "label": .string(label), "kind": .string(kind), "labelX": .int(labelX),
            "labelY": .int(labelY),
        ])
    }
}

extension EntityPages.Chart: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "width": .int(width), "height": .int(height), "bars": converter.list(bars), "labels": converter.list(labels),
            "lines": converter.list(lines), "summary": .string(summary),
        ])
    }
}

extension EntityPages.MixRow: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["week": .string(week), "cells": converter.list(cells), "total": .int(total)])
    }
}

extension EntityPages.MixCell: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["count": .int(count)])
    }
}

extension EntityPages.TouchWeek: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["week": .string(week), "active": .int(active), "total": .int(total), "overCap": .bool(overCap)])
    }
}

extension EntityPages.ActionUse: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["id": .string(id), "label": .string(label), "count": .int(count), "used": .bool(used)])
    }
}

extension CalendarPages.LegendEntry: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["label": .string(label), "themeClass": .string(themeClass), "promotional": .bool(promotional)])
    }
}

extension CalendarPages.FilterOption: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["value": .string(value), "label": .string(label)])
    }
}

extension CalendarPages.Filter: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["name": .string(name), "label": .string(label), "options": converter.list(options)])
    }
}

extension PlaybookPages.WeekLink: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["name": .string(name), "href": .string(href), "range": .string(range), "count": .int(count)])
    }
}

extension PersonaCard: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "id": .string(id), "href": .string(href), "name": .string(name), "initial": .string(initial),
            "personaClass": .string(personaClass), "avatar": .text(avatar), "identity": .text(identity),
            "signature": .text(signature), "personality": .text(personality), "story": .string(story),
            "catchphrases": .list(catchphrases.map(TemplateValue.string)), "banned": .list(banned.map(TemplateValue.string)),
            "hasCatchphrases": .bool(hasCatchphrases), "hasBanned": .bool(hasBanned), "disclaimer": .text(disclaimer),
            "themes": .string(themes), "channels": .string(channels), "segments": .string(segments),
            "period": .text(period), "periodLabel": .string(periodLabel),
        ])
    }
}

// Pages made once or a few dozen times per site: written out too, so no
// page is reflected (a failed dynamic cast per nested list costs more than
// the page's own fields).

extension CalendarPages.PersonaLink: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record(["href": .string(href), "name": .string(name), "initial": .string(initial), "personaClass": .string(personaClass)])
    }
}

extension CalendarPages.IndexPage: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "site": site.templateValue(converter), "months": converter.list(months), "legend": converter.list(legend),
            "filters": converter.list(filters), "outside": converter.list(outside), "hasOutside": .bool(hasOutside),
            "personas": converter.list(personas), "feedHref": .string(feedHref),
        ])
    }
}

extension CalendarPages.WeekPage: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "site": site.templateValue(converter), "name": .string(name), "days": converter.list(days), "rows": converter.list(rows),
            "previous": .text(previous), "next": .text(next), "legend": converter.list(legend), "playbookHref": .string(playbookHref),
        ])
    }
}

extension EntityPages.PersonaPage: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "site": site.templateValue(converter), "persona": persona.templateValue(converter), "schedule": converter.list(schedule),
            "themeHeaders": .list(themeHeaders.map(TemplateValue.string)), "mix": converter.list(mix),
            "chart": chart.templateValue(converter), "diagnostics": converter.list(diagnostics), "hasDiagnostics": .bool(hasDiagnostics),
            "feedHref": .string(feedHref), "otherPersonas": converter.list(otherPersonas), "legend": converter.list(legend),
        ])
    }
}

extension EntityPages.GroupPage: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "site": site.templateValue(converter), "label": .string(label), "id": .string(id), "owner": .string(owner),
            "ownerHref": .text(ownerHref), "segments": converter.list(segments), "topics": converter.list(topics),
            "formats": converter.list(formats), "hasTopics": .bool(hasTopics),
        ])
    }
}

extension EntityPages.SegmentPage: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "site": site.templateValue(converter), "label": .string(label), "id": .string(id), "stage": .text(stage),
            "weeks": converter.list(weeks), "chart": chart.templateValue(converter), "cap": .int(cap), "floor": .int(floor),
            "fewestIn30Days": .text(fewestIn30Days), "surprises": converter.list(surprises), "hasSurprises": .bool(hasSurprises),
            "actions": converter.list(actions), "groups": converter.list(groups),
        ])
    }
}

extension PlaybookPages.RuleLine: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "id": .string(id), "summary": .string(summary), "explanation": .string(explanation), "severity": .string(severity),
            "severityLabel": .string(severityLabel), "options": .text(options),
        ])
    }
}

extension PlaybookPages.IndexPage: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "site": site.templateValue(converter), "personas": converter.list(personas), "rules": converter.list(rules),
            "weeks": converter.list(weeks),
        ])
    }
}

extension WarningsPage.RuleGroup: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "rule": .string(rule), "summary": .string(summary), "severity": .string(severity), "severityLabel": .string(severityLabel),
            "count": .int(count), "diagnostics": converter.list(diagnostics),
        ])
    }
}

extension WarningsPage.Page: TemplateRepresentable {
    func templateValue(_ converter: TemplateConverter) -> TemplateValue {
        .record([
            "site": site.templateValue(converter), "groups": converter.list(groups), "hasGroups": .bool(hasGroups),
            "total": .int(total),
        ])
    }
}
