import Foundation

/// iCalendar feeds (RFC 5545): CRLF line ends, lines folded at 75 octets,
/// stable UIDs, a deterministic DTSTAMP and times in UTC.
struct ICalendar {
    let plan: Plan
    let language: Language

    /// What every event of a feed shares: the plan's zone and a fixed DTSTAMP.
    struct Header {
        let zone: TimeZone
        let stamp: String
        let linked: Bool
    }

    func header() -> Header {
        let config = plan.config
        let zone = TimeZone(identifier: config.timezone) ?? TimeZone(identifier: "UTC")!
        // DTSTAMP must not change between builds of the same input: use the plan's start.
        let stamp = utc(LocalDateTime(date: config.start, time: LocalTime(hour: 0, minute: 0)!), zone: zone)
        return Header(zone: zone, stamp: stamp, linked: config.baseURL.hasPrefix("http://") || config.baseURL.hasPrefix("https://"))
    }

    /// The feed as parts to write one after the other (header, events, footer),
    /// so that a large feed is never held as one string.
    func feedParts(name: String, events: [String]) -> [String] {
        let config = plan.config
        let lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//plan-build//plan-build \(PlanBuild.version)//\(language == .zhCN ? "ZH" : "EN")",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
            "X-WR-TIMEZONE:" + escape(config.timezone),
        ]
        var head = ""
        for line in lines {
            head += fold(line)
            head += "\r\n"
        }
        return [head] + events + ["END:VCALENDAR\r\n"]
    }

    /// One VEVENT, every line folded and ended by CRLF.
    /// - Parameter plain: the item's copy as plain text (`RenderedCopy`).
    func event(_ item: Item, plain: String, header: Header) -> String {
        let config = plan.config
        var out: [UInt8] = []
        out.reserveCapacity(plain.utf8.count + 512)
        func line(_ name: String, _ value: String) {
            var text = name + value
            text.withUTF8 { Self.appendFolded($0, to: &out) }
        }
        line("BEGIN:VEVENT", "")
        line("UID:", "\(Fingerprint.make(["item", item.id]))@plan-build")
        line("DTSTAMP:", header.stamp)
        line("DTSTART:", utc(item.dateTime, zone: header.zone))
        line("DURATION:PT15M", "")
        line("SUMMARY:", escape("[\(item.kind.label.text(language))] \(item.title)"))
        line("DESCRIPTION:", escape(description(item, plain: plain)))
        if let theme = item.theme { line("CATEGORIES:", escape(config.theme(theme)?.label ?? theme)) }
        line("STATUS:", item.status == .idea || item.status == .draft ? "TENTATIVE" : "CONFIRMED")
        if header.linked { line("URL:", config.baseURL + SitePath.encode(item.pagePath)) }
        line("END:VEVENT", "")
        return String(decoding: out, as: UTF8.self)
    }

    /// One content line, folded at 75 octets without splitting a UTF-8 sequence, and its CRLF.
    static func appendFolded(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if bytes.count <= 75 {
            out.append(contentsOf: bytes)
            out += [13, 10]
            return
        }
        var count = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let size = min(lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, bytes.count - index)
            if count + size > 75 {
                out += [13, 10, 32]
                count = 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + size)]))
            index += size
            count += size
        }
        out += [13, 10]
    }

    private func description(_ item: Item, plain: String) -> String {
        var parts: [String] = []
        if let persona = plan.persona(item.persona) { parts.append(persona.name) }
        parts.append(plain)
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

    /// TEXT escaping of RFC 5545 §3.3.11, character by character.
    func escape(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        var previousSpecial = false
        for byte in text.utf8 {
            // An ASCII mark followed by a combining scalar is one character that is
            // not the mark itself: rare, so such text takes the character path.
            if previousSpecial && byte >= 0x80 { return escapeCharacters(text) }
            previousSpecial = false
            switch byte {
            case UInt8(ascii: "\\"): out += [92, 92]; previousSpecial = true
            case UInt8(ascii: ";"): out += [92, 59]; previousSpecial = true
            case UInt8(ascii: ","): out += [92, 44]; previousSpecial = true
            case 10: out += [92, 110]
            case 13: continue  // CR LF is one "\\n"; a lone CR is dropped
            case 9: out.append(9)
            case 0..<32: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func escapeCharacters(_ text: String) -> String {
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
        let bytes = line.utf8
        guard bytes.count > 75 else { return line }
        var result = [UInt8]()
        result.reserveCapacity(bytes.count + bytes.count / 37 + 3)
        var count = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            if count + size > 75 {
                result += [13, 10, 32]
                count = 1
            }
            for _ in 0..<size where index < bytes.endIndex {
                result.append(bytes[index])
                index = bytes.index(after: index)
            }
            count += size
        }
        return String(decoding: result, as: UTF8.self)
    }
}
