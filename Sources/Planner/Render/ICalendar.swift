import Foundation

/// iCalendar feeds (RFC 5545): CRLF line ends, lines folded at 75 octets,
/// stable UIDs, a deterministic DTSTAMP and times in UTC.
struct ICalendar {
    let plan: Plan
    let language: Language

    func feed(name: String, items: [Item]) -> String {
        let config = plan.config
        let zone = TimeZone(identifier: config.timezone) ?? TimeZone(identifier: "UTC")!
        // DTSTAMP must not change between builds of the same input: use the plan's start.
        let stamp = utc(LocalDateTime(date: config.start, time: LocalTime(hour: 0, minute: 0)!), zone: zone)
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//plan-build//plan-build \(PlanBuild.version)//\(language == .zhCN ? "ZH" : "EN")",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
            "X-WR-TIMEZONE:" + escape(config.timezone),
        ]
        for item in items {
            let start = utc(item.dateTime, zone: zone)
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(Fingerprint.make(["item", item.id]))@plan-build")
            lines.append("DTSTAMP:\(stamp)")
            lines.append("DTSTART:\(start)")
            lines.append("DURATION:PT15M")
            lines.append("SUMMARY:" + escape("[\(item.kind.label.text(language))] \(item.title)"))
            lines.append("DESCRIPTION:" + escape(description(item)))
            if let theme = item.theme { lines.append("CATEGORIES:" + escape(config.theme(theme)?.label ?? theme)) }
            lines.append("STATUS:" + (item.status == .idea || item.status == .draft ? "TENTATIVE" : "CONFIRMED"))
            if config.baseURL.hasPrefix("http://") || config.baseURL.hasPrefix("https://") {
                lines.append("URL:" + config.baseURL + SitePath.encode(item.pagePath))
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    private func description(_ item: Item) -> String {
        var parts: [String] = []
        if let persona = plan.persona(item.persona) { parts.append(persona.name) }
        parts.append(MarkdownRenderer().plainText(item.body))
        return parts.joined(separator: "\n\n")
    }

    /// Local wall time in the plan's zone → `YYYYMMDDTHHMMSSZ`.
    func utc(_ local: LocalDateTime, zone: TimeZone) -> String {
        let naive = Double(local.absoluteMinutes * 60)
        var offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive))
        offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - Double(offset)))
        let seconds = Int(naive) - offset
        let day = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - day * 86_400
        let date = LocalDate(dayNumber: day)
        return date.basicFormat + "T" + LocalDate.pad(secondOfDay / 3600, 2) + LocalDate.pad(secondOfDay / 60 % 60, 2)
            + LocalDate.pad(secondOfDay % 60, 2) + "Z"
    }

    /// TEXT escaping of RFC 5545 §3.3.11.
    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default:
                if let ascii = character.asciiValue, ascii < 32, ascii != 9 { continue }
                out.append(character)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 sequence.
    func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var count = 0
        var limit = 75
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if count + size > limit {
                result += "\r\n "
                count = 1
                limit = 75
            }
            result.unicodeScalars.append(character)
            count += size
        }
        return result
    }
}
