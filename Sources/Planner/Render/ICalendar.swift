internal import CSupport
import Foundation

/// iCalendar feeds (RFC 5545): CRLF line ends, lines folded at 75 octets,
/// stable UIDs, a deterministic DTSTAMP and times in UTC.
struct ICalendar {
    /// How many days before today `calendar.ics` starts; persona feeds keep every item.
    static let combinedLookBack = 30

    let plan: Plan
    let language: Language

    /// What every event of a feed shares: the plan's zone and a fixed DTSTAMP.
    struct Header {
        let zone: TimeZone
        let stamp: String
        let linked: Bool
        /// The zone's offset from UTC in seconds where it stays the same on every day of `steady`
        /// (Asia/Shanghai all year): an event there needs no time zone look-up.
        var steady: (days: ClosedRange<Int>, offset: Int)? = nil
    }

    func header() -> Header {
        let config = plan.config
        let zone = TimeZone(identifier: config.timezone) ?? TimeZone(identifier: "UTC")!
        // DTSTAMP must not change between builds of the same input: use the plan's start.
        let stamp = utc(LocalDateTime(date: config.start, time: LocalTime(hour: 0, minute: 0)!), zone: zone)
        var header = Header(zone: zone, stamp: stamp, linked: config.baseURL.hasPrefix("http://") || config.baseURL.hasPrefix("https://"))
        // The offset at every midnight from two days before the range to two days past it:
        // when all are one, no transition falls inside (zones change for months, not hours).
        let first = config.start.dayNumber - 2
        let last = max(config.end.dayNumber + 2, first)
        if last - first <= 3_700 {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(first * 86_400)))
            if (first...last).allSatisfy({ zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double($0 * 86_400))) == offset }) {
                header.steady = (first + 1...last - 1, offset)
            }
        }
        return header
    }

    /// The feed as parts to write one after the other (header, events, footer),
    /// so that a large feed is never held as one string.
    func feedParts(name: String, events: [[UInt8]]) -> [[UInt8]] {
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
        var head: [UInt8] = []
        for line in lines {
            Array(line.utf8).withUnsafeBufferPointer { Self.appendFolded($0, to: &head) }
        }
        return [head] + events + [Array("END:VCALENDAR\r\n".utf8)]
    }

    /// One VEVENT, every line folded and ended by CRLF. Written as bytes
    /// straight into the event: it runs once per item on every build.
    /// - Parameter plain: the item's copy as plain text (`RenderedCopy`).
    func event(_ item: Item, plain: [UInt8], header: Header) -> [UInt8] {
        let config = plan.config
        var out: [UInt8] = []
        out.reserveCapacity(plain.count * 11 / 10 + 512)
        var line: [UInt8] = []
        line.reserveCapacity(plain.count + 256)
        /// Starts a line with its name.
        func begin(_ name: StaticString) {
            line.removeAll(keepingCapacity: true)
            name.withUTF8Buffer { line.append(contentsOf: $0) }
        }
        func end() { line.withUnsafeBufferPointer { Self.appendFolded($0, to: &out) } }
        /// A line of its name alone (shorter than a fold).
        func fixed(_ name: StaticString) {
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(13)
            out.append(10)
        }
        /// A line whose value is written as it is.
        func literal(_ name: StaticString, _ value: String) {
            begin(name)
            var value = value
            value.withUTF8 { line.append(contentsOf: $0) }
            end()
        }
        fixed("BEGIN:VEVENT")
        begin("UID:")
        Self.appendHex(Fingerprint.words(["item", item.id]), to: &line)
        ("@plan-build" as StaticString).withUTF8Buffer { line.append(contentsOf: $0) }
        end()
        literal("DTSTAMP:", header.stamp)
        begin("DTSTART:")
        appendUTC(item.dateTime, header: header, to: &line)
        end()
        fixed("DURATION:PT15M")
        begin("SUMMARY:")
        Self.appendEscaped("[", to: &line)
        Self.appendEscaped(item.kind.label.text(language), to: &line)
        Self.appendEscaped("] ", to: &line)
        Self.appendEscaped(item.title, to: &line)
        end()
        begin("DESCRIPTION:")
        if let persona = plan.persona(item.persona) {
            Self.appendEscaped(persona.name, to: &line)
            Self.appendEscaped("\n\n", to: &line)
        }
        plain.withUnsafeBufferPointer { Self.appendEscaped(bytes: $0, to: &line) }
        end()
        if let theme = item.theme {
            begin("CATEGORIES:")
            Self.appendEscaped(config.theme(theme)?.label ?? theme, to: &line)
            end()
        }
        fixed(item.status == .idea || item.status == .draft ? "STATUS:TENTATIVE" : "STATUS:CONFIRMED")
        if header.linked { literal("URL:", config.baseURL + SitePath.encode(SitePath.item(item.id))) }
        fixed("END:VEVENT")
        return out
    }

    /// A fingerprint's two words as Fingerprint.make writes them: 32 lower-case hex digits.
    private static func appendHex(_ words: (UInt64, UInt64), to line: inout [UInt8]) {
        func append(_ word: UInt64) {
            var shift: UInt64 = 64
            while shift > 0 {
                shift -= 4
                let nibble = UInt8(truncatingIfNeeded: (word >> shift) & 0xF)
                line.append(nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
            }
        }
        append(words.0)
        append(words.1)
    }

    /// `utc(_:header:)` appended as bytes where the header knows the day's offset and the year has four digits.
    private func appendUTC(_ local: LocalDateTime, header: Header, to line: inout [UInt8]) {
        guard let steady = header.steady, steady.days.contains(local.date.dayNumber) else {
            var text = utc(local, header: header)
            text.withUTF8 { line.append(contentsOf: $0) }
            return
        }
        let seconds = local.absoluteMinutes * 60 - steady.offset
        let day = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - day * 86_400
        let date = LocalDate(dayNumber: day)
        guard (1000...9999).contains(date.year) else {
            var text = Self.format(seconds: seconds)
            text.withUTF8 { line.append(contentsOf: $0) }
            return
        }
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                line.append(UInt8(truncatingIfNeeded: 0x30 + value / divisor % 10))
                divisor /= 10
            }
        }
        digits(date.year, 4)
        digits(date.month, 2)
        digits(date.day, 2)
        line.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        digits(secondOfDay / 60 % 60, 2)
        digits(secondOfDay % 60, 2)
        line.append(UInt8(ascii: "Z"))
    }

    /// One content line, folded at 75 octets without splitting a UTF-8 sequence, and its CRLF.
    static func appendFolded(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if bytes.count <= 75 {
            out.append(contentsOf: bytes)
            out.append(13)
            out.append(10)
            return
        }
        // Each line takes the most whole characters that fit: 75 octets, then 74 after the
        // folding space. The text is UTF-8 from Swift strings, so a character starts at
        // every byte that is not a continuation byte (10xxxxxx): back up to one from the limit.
        var chunkStart = 0
        var limit = 75
        while bytes.count - chunkStart > limit {
            var cut = chunkStart + limit
            while cut > chunkStart + 1, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<cut]))
            out.append(13)
            out.append(10)
            out.append(32)
            chunkStart = cut
            limit = 74
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<bytes.count]))
        out.append(13)
        out.append(10)
    }

    /// `escape(text)` appended to `out` without an intermediate string.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        text.withBorrowedUTF8 { appendEscaped(bytes: $0, to: &out) }
    }

    /// By UTF-8 byte: the marks are ASCII, and an ASCII byte is never part
    /// of a longer sequence, so a `;` followed by a combining mark is escaped
    /// too (a reader splits TEXT at the byte, whatever follows it).
    static func appendEscaped(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        var from = 0
        while true {
            // The next control byte or `\ ; ,`, sixteen bytes at a time (CSupport): most of a copy has none.
            let found = planbuild_find_ics_special(base, count, from)
            guard found < count else { break }
            let byte = base[found]
            from = found + 1
            // A tab stays: runs of bytes that stay as they are are copied at once.
            if byte == 9 { continue }
            out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: found - runStart))
            runStart = found + 1
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                out.append(92)
                out.append(byte)
            case 10:
                out.append(92)
                out.append(110)
            default:
                break  // CR (CR LF is one "\\n"; a lone CR is dropped) and other controls
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    /// `utc(_:zone:)`, without a zone look-up on a day where the header knows the offset.
    func utc(_ local: LocalDateTime, header: Header) -> String {
        if let steady = header.steady, steady.days.contains(local.date.dayNumber) {
            return Self.format(seconds: local.absoluteMinutes * 60 - steady.offset)
        }
        return utc(local, zone: header.zone)
    }

    /// Local wall time in the plan's zone → `YYYYMMDDTHHMMSSZ`.
    func utc(_ local: LocalDateTime, zone: TimeZone) -> String {
        let naive = Double(local.absoluteMinutes * 60)
        var offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive))
        offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - Double(offset)))
        return Self.format(seconds: Int(naive) - offset)
    }

    /// Seconds since 1970 (UTC) → `YYYYMMDDTHHMMSSZ`.
    static func format(seconds: Int) -> String {
        let day = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - day * 86_400
        let date = LocalDate(dayNumber: day)
        return date.basicFormat + "T" + LocalDate.pad(secondOfDay / 3600, 2) + LocalDate.pad(secondOfDay / 60 % 60, 2)
            + LocalDate.pad(secondOfDay % 60, 2) + "Z"
    }

    /// TEXT escaping of RFC 5545 §3.3.11.
    func escape(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        Self.appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
