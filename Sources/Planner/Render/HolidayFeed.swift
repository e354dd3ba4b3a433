/// `holidays.ics`: the days of plan.json's `days` as all-day events (RFC 5545).
extension ICalendar {
    func holidayFeedParts() -> [[UInt8]] {
        let header = header()
        let events = plan.calendarDays.map { holidayEvent($0, header: header) }
        let name = plan.config.title + " · " + Localized(zh: "节假日", en: "Holidays").text(language)
        return feedParts(name: name, events: events)
    }

    /// What a day is called in its event and on the calendar pages.
    static func summary(of day: CalendarDay, in language: Language) -> String {
        var parts = day.labels.map { $0.text(language) }
        if day.holiday {
            let off = Localized(zh: "放假", en: "Day off").text(language)
            parts.append(day.holidayName.map { off + "（" + $0.label.text(language) + "）" } ?? off)
        }
        if day.workday { parts.append(Localized(zh: "调休上班", en: "Make-up workday").text(language)) }
        if day.quiet { parts.append(Localized(zh: "静默日", en: "Quiet day").text(language)) }
        return parts.joined(separator: " · ")
    }

    private func holidayEvent(_ day: CalendarDay, header: Header) -> [UInt8] {
        var out: [UInt8] = []
        func line(_ text: String) {
            Array(text.utf8).withUnsafeBufferPointer { Self.appendFolded($0, to: &out) }
        }
        line("BEGIN:VEVENT")
        line("UID:\(Fingerprint.make(["day", day.date.description]))@plan-build")
        line("DTSTAMP:" + header.stamp)
        line("DTSTART;VALUE=DATE:" + day.date.basicFormat)
        line("DTEND;VALUE=DATE:" + day.date.adding(days: 1).basicFormat)
        let summary = Self.summary(of: day, in: language)
        line("SUMMARY:" + escape(summary))
        // Where a holiday comes from, for whoever reads the event on a phone.
        let source = day.holiday || day.workday
            ? Localized(zh: "依据国务院办公厅当年的节假日安排通知。", en: "From the State Council's notice on that year's public holidays.")
            : Localized(zh: "中国日历（plan-build）。", en: "China's calendar (plan-build).")
        line("DESCRIPTION:" + escape(summary + "\n" + source.text(language)))
        line("TRANSP:TRANSPARENT")
        line("END:VEVENT")
        return out
    }
}
