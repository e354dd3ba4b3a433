/// What a day cell of the month and week views shows of China's calendar: the
/// names of its holiday, term, festival and events, and a 休/班 mark whose
/// meaning is spelled out for screen readers and in its tooltip.
struct CalendarMarks: Sendable, TemplateFields {
    var labels: [String] = []
    /// "休" on a public holiday, "班" on a make-up workday, else empty.
    var mark = ""
    var markClass = ""
    /// The mark in words ("法定节假日（国庆节）").
    var markLabel = ""
    var quiet = false
    var quietLabel = ""
    var quietMark = ""

    init() {}

    init(_ day: CalendarDay?, language: Language) {
        guard let day else { return }
        labels = day.labels.map { $0.text(language) }
        if day.holiday {
            mark = Localized(zh: "休", en: "Off").text(language)
            markClass = "day-off"
            let words = Localized(zh: "法定节假日", en: "Public holiday").text(language)
            markLabel = day.holidayName.map { words + (language == .zhCN ? "（" : " (") + $0.label.text(language) + (language == .zhCN ? "）" : ")") } ?? words
        } else if day.workday {
            mark = Localized(zh: "班", en: "Work").text(language)
            markClass = "day-work"
            markLabel = Localized(zh: "调休上班日", en: "Make-up workday").text(language)
        }
        quiet = day.quiet
        quietLabel = Localized(zh: "静默日：不发推广", en: "Quiet day: no promotion").text(language)
        quietMark = Localized(zh: "静", en: "Quiet").text(language)
    }

    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
        visitor.field(FieldKey.labels, labels)
        visitor.field(FieldKey.hasLabels, !labels.isEmpty)
        visitor.field(FieldKey.mark, mark)
        visitor.field(FieldKey.hasMark, !mark.isEmpty)
        visitor.field(FieldKey.markClass, markClass)
        visitor.field(FieldKey.markLabel, markLabel)
        visitor.field(FieldKey.quiet, quiet)
        visitor.field(FieldKey.quietLabel, quietLabel)
        visitor.field(FieldKey.quietMark, quietMark)
        visitor.field(FieldKey.any, !labels.isEmpty || !mark.isEmpty || quiet)
    }
}
