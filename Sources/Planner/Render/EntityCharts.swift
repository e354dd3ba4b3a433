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
            visitor.field("x", x)
            visitor.field("y", y)
            visitor.field("width", width)
            visitor.field("height", height)
            visitor.field("themeClass", themeClass)
            visitor.field("title", title)
        }
    }

    struct Chart: Sendable, TemplateFields {
        let width: Int
        let height: Int
        let bars: [Bar]
        let labels: [AxisLabel]
        let lines: [GuideLine]
        let summary: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("width", width)
            visitor.field("height", height)
            visitor.field("bars", bars)
            visitor.field("labels", labels)
            visitor.field("lines", lines)
            visitor.field("summary", summary)
        }
    }

    struct AxisLabel: Sendable, TemplateFields {
        let x: Int
        let y: Int
        let text: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("x", x)
            visitor.field("y", y)
            visitor.field("text", text)
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
            visitor.field("y", y)
            visitor.field("x2", x2)
            visitor.field("label", label)
            visitor.field("kind", kind)
            visitor.field("labelX", labelX)
            visitor.field("labelY", labelY)
        }
    }

    /// Stacked bars: one per week, one colour per theme.
    func mixChart(_ rows: [MixRow]) -> Chart {
        let barWidth = 36
        let gap = 14
        let height = 160
        let maximum = max(1, rows.map(\.total).max() ?? 1)
        var bars: [Bar] = []
        var labels: [AxisLabel] = []
        for (position, row) in rows.enumerated() {
            let x = 30 + position * (barWidth + gap)
            var top = height - 20
            for (themeIndex, cell) in row.cells.enumerated() where cell.count > 0 {
                let barHeight = cell.count * (height - 40) / maximum
                top -= barHeight
                bars.append(Bar(
                    x: x, y: top, width: barWidth, height: barHeight, themeClass: "t\(themeIndex)",
                    title: "\(row.week) · \(model.plan.config.themes[themeIndex].label): \(cell.count)"))
            }
            labels.append(AxisLabel(x: x + barWidth / 2, y: height - 4, text: String(row.week.suffix(3))))
        }
        let summary = rows.map { "\($0.week): \($0.total)" }.joined(separator: ", ")
        return Chart(width: 30 + rows.count * (barWidth + gap), height: height, bars: bars, labels: labels, lines: [], summary: summary)
    }

    /// Bars of active touches per week, with the cap as a guide line.
    func touchChart(_ weeks: [TouchWeek], cap: Int, floor: Int) -> Chart {
        let barWidth = 36
        let gap = 14
        let height = 160
        let maximum = max(cap + 2, weeks.map(\.total).max() ?? 1)
        let plotHeight = height - 40
        var bars: [Bar] = []
        var labels: [AxisLabel] = []
        for (position, week) in weeks.enumerated() {
            let x = 30 + position * (barWidth + gap)
            let totalHeight = week.total * plotHeight / maximum
            let activeHeight = week.active * plotHeight / maximum
            bars.append(Bar(x: x, y: height - 20 - totalHeight, width: barWidth, height: totalHeight, themeClass: "bar-total", title: "\(week.week): \(week.total)"))
            bars.append(Bar(
                x: x + 6, y: height - 20 - activeHeight, width: barWidth - 12, height: activeHeight,
                themeClass: week.overCap ? "bar-over" : "bar-active", title: "\(week.week): \(week.active)"))
            labels.append(AxisLabel(x: x + barWidth / 2, y: height - 4, text: String(week.week.suffix(3))))
        }
        let barsEnd = 30 + weeks.count * (barWidth + gap)
        // Room on the right for the guide lines' labels, clear of the bars.
        let width = barsEnd + 96
        let capY = height - 20 - cap * plotHeight / maximum
        // The floor counts touches of any kind in 30 days: shown as its weekly share, against the grey bars.
        let weeklyFloor = Double(floor) * 7 / 30
        let floorY = height - 20 - Int((weeklyFloor * Double(plotHeight) / Double(maximum)).rounded())
        let summary = weeks.map { "\($0.week): \($0.active)/\($0.total)" }.joined(separator: ", ")
            + " · \(model.strings.touchCap) \(cap) \(model.strings.perWeek), \(model.strings.touchFloor) \(floor) / 30 \(model.strings.days)"
        return Chart(
            width: width, height: height, bars: bars, labels: labels,
            lines: [
                GuideLine(y: capY, x2: barsEnd, label: "\(model.strings.touchCap) \(cap)", kind: "cap"),
                GuideLine(
                    y: floorY, x2: barsEnd,
                    label: "\(model.strings.touchFloor) ≈ \(String(format: "%.1f", weeklyFloor))", kind: "floor"),
            ], summary: summary)
    }
}
