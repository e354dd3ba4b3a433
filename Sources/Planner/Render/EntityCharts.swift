import Foundation

/// The inline SVG charts of persona and segment pages.
extension EntityPages {
    /// A bar in an inline SVG chart; geometry precomputed so templates stay logic-free.
    struct Bar: Sendable, TemplateFields {
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        let themeClass: String
        let title: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.x, x)
            visitor.field(FieldKey.y, y)
            visitor.field(FieldKey.width, width)
            visitor.field(FieldKey.height, height)
            visitor.field(FieldKey.themeClass, themeClass)
            visitor.field(FieldKey.title, title)
        }
    }

    struct Chart: Sendable, TemplateFields {
        let width: Int
        let height: Int
        let bars: [Bar]
        let labels: [AxisLabel]
        /// The numbers the bars stand for, written on or above them.
        let values: [AxisLabel]
        let lines: [GuideLine]
        /// What the bars count, in plain words.
        let title: String
        let summary: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.width, width)
            visitor.field(FieldKey.height, height)
            visitor.field(FieldKey.bars, bars)
            visitor.field(FieldKey.labels, labels)
            visitor.field(FieldKey.values, values)
            visitor.field(FieldKey.lines, lines)
            visitor.field(FieldKey.title, title)
            visitor.field(FieldKey.summary, summary)
        }
    }

    struct AxisLabel: Sendable, TemplateFields {
        let x: Int
        let y: Int
        let text: String
        /// `axis`, or for a number: `in-bar` (on a coloured bar) or `total` (above it).
        let kind: String

        init(x: Int, y: Int, text: String, kind: String = "axis") {
            self.x = x
            self.y = y
            self.text = text
            self.kind = kind
        }

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.x, x)
            visitor.field(FieldKey.y, y)
            visitor.field(FieldKey.text, text)
            visitor.field(FieldKey.kind, kind)
        }
    }

    struct GuideLine: Sendable, TemplateFields {
        let y: Int
        let x2: Int
        let label: String
        let kind: String
        let labelX: Int
        let labelY: Int

        init(y: Int, x2: Int, label: String, kind: String) {
            self.y = y
            self.x2 = x2
            self.label = label
            self.kind = kind
            labelX = x2 + 4
            labelY = y + 4
        }

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.y, y)
            visitor.field(FieldKey.x2, x2)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.kind, kind)
            visitor.field(FieldKey.labelX, labelX)
            visitor.field(FieldKey.labelY, labelY)
        }
    }

    /// Stacked bars: one per week, one colour per theme, each part's count
    /// written in it where it is tall enough and the week's total above.
    func mixChart(_ rows: [MixRow], weeks: [ISOWeek]) -> Chart {
        let barWidth = 36
        let gap = 14
        let height = 172
        let plotTop = 16
        let maximum = max(1, rows.map(\.total).max() ?? 1)
        var bars: [Bar] = []
        var labels: [AxisLabel] = []
        var values: [AxisLabel] = []
        for (position, row) in rows.enumerated() {
            let x = 30 + position * (barWidth + gap)
            var top = height - 20
            for (themeIndex, cell) in row.cells.enumerated() where cell.count > 0 {
                let barHeight = cell.count * (height - 20 - plotTop) / maximum
                top -= barHeight
                bars.append(Bar(
                    x: x, y: top, width: barWidth, height: barHeight, themeClass: "t\(themeIndex)",
                    title: "\(row.week) · \(model.plan.config.themes[themeIndex].label): \(cell.count)"))
                if barHeight >= 14 { values.append(AxisLabel(x: x + barWidth / 2, y: top + barHeight / 2 + 4, text: String(cell.count), kind: "in-bar")) }
            }
            if row.total > 0 { values.append(AxisLabel(x: x + barWidth / 2, y: top - 3, text: String(row.total), kind: "total")) }
            let week = position < weeks.count ? WeekTitle.short(weeks[position], language: model.language) : ""
            labels.append(AxisLabel(x: x + barWidth / 2, y: height - 4, text: week))
        }
        let summary = rows.map { "\($0.week): \($0.total)" }.joined(separator: ", ")
        let title = model.language == .zhCN ? "每周朋友圈条数，按主题分色（柱上为合计）" : "Moments per week, coloured by theme (totals above the bars)"
        return Chart(
            width: 30 + rows.count * (barWidth + gap), height: height, bars: bars, labels: labels, values: values, lines: [],
            title: title, summary: summary)
    }

    /// Bars of effective touches per week over all touches, with the cap
    /// (per 7 days) and the floor (per 30 days, as its weekly share) as guide lines.
    func touchChart(_ weeks: [TouchWeek], isoWeeks: [ISOWeek], cap: Int, floor: Int) -> Chart {
        let barWidth = 36
        let gap = 14
        let height = 172
        let plotTop = 16
        let zh = model.language == .zhCN
        let maximum = max(cap + 2, weeks.map(\.total).max() ?? 1)
        let plotHeight = height - 20 - plotTop
        var bars: [Bar] = []
        var labels: [AxisLabel] = []
        var values: [AxisLabel] = []
        for (position, week) in weeks.enumerated() {
            let x = 30 + position * (barWidth + gap)
            let totalHeight = week.total * plotHeight / maximum
            let activeHeight = week.active * plotHeight / maximum
            bars.append(Bar(x: x, y: height - 20 - totalHeight, width: barWidth, height: totalHeight, themeClass: "bar-total", title: "\(week.week): \(week.total)"))
            bars.append(Bar(
                x: x + 6, y: height - 20 - activeHeight, width: barWidth - 12, height: activeHeight,
                themeClass: week.overCap ? "bar-over" : "bar-active", title: "\(week.week): \(week.active)"))
            if week.total > 0 { values.append(AxisLabel(x: x + barWidth / 2, y: height - 20 - totalHeight - 3, text: String(week.active), kind: "total")) }
            let name = position < isoWeeks.count ? WeekTitle.short(isoWeeks[position], language: model.language) : ""
            labels.append(AxisLabel(x: x + barWidth / 2, y: height - 4, text: name))
        }
        let barsEnd = 30 + weeks.count * (barWidth + gap)
        // Room on the right for the guide lines' labels, clear of the bars.
        let width = barsEnd + 200
        let capY = height - 20 - cap * plotHeight / maximum
        // The floor counts touches in 30 days: shown as its weekly share.
        let weeklyFloor = Double(floor) * 7 / 30
        let floorY = height - 20 - Int((weeklyFloor * Double(plotHeight) / Double(maximum)).rounded())
        let share = String(format: "%.1f", weeklyFloor)
        let capLabel = zh ? "上限：每 7 天 \(cap) 次" : "Cap: \(cap) per 7 days"
        let floorLabel = zh ? "下限：每 30 天 \(floor) 次（约每周 \(share)）" : "Floor: \(floor) per 30 days (≈\(share) a week)"
        let summary = weeks.map { "\($0.week): \($0.active)/\($0.total)" }.joined(separator: ", ") + " · \(capLabel) · \(floorLabel)"
        let title = zh
            ? "每周有效触达（蓝色，柱上数字）与全部触达（灰色，含朋友圈）"
            : "Effective touches per week (blue, number above) and all touches (grey, moments too)"
        return Chart(
            width: width, height: height, bars: bars, labels: labels, values: values,
            lines: [
                GuideLine(y: capY, x2: barsEnd, label: capLabel, kind: "cap"),
                GuideLine(y: floorY, x2: barsEnd, label: floorLabel, kind: "floor"),
            ], title: title, summary: summary)
    }
}
