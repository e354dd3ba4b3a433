/// Paths inside the output folder and the links between pages.
enum SitePath {
    /// Percent-encodes a path for a link (`PercentEncoding.ByteSet.path`):
    /// links work for Chinese names, spaces and `#` alike.
    static func encode(_ path: String) -> String { PercentEncoding.encode(path, .path) }

    /// The prefix that leads from a page back to the output root.
    static func root(for pagePath: String) -> String {
        // By byte, counting the segments between slashes (empty ones left out) without
        // splitting: every page asks, and a path with Chinese in it is never walked by Character.
        var segments = 0
        var inSegment = false
        for byte in pagePath.utf8 {
            if byte == UInt8(ascii: "/") {
                inSegment = false
            } else if !inSegment {
                inSegment = true
                segments += 1
            }
        }
        return String(repeating: "../", count: max(0, segments - 1))
    }

    static func item(_ id: String) -> String { "items/\(fitted(id)).html" }
    static func persona(_ id: String) -> String { "personas/\(fitted(id)).html" }
    static func personaFeed(_ id: String) -> String { "personas/\(fitted(id)).ics" }

    /// Keeps the last segment short enough for file systems' 255-byte names
    /// once an extension is added; long names get a stable hash suffix.
    static func fitted(_ id: String) -> String {
        // Nearly every id is short: answer that without splitting it.
        let utf8 = id.utf8
        let lastStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        if utf8.distance(from: lastStart, to: utf8.endIndex) <= 200 { return id }
        var segments = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let last = segments.last, last.utf8.count > 200 else { return id }
        var short = ""
        for character in last {
            if short.utf8.count + String(character).utf8.count > 180 { break }
            short.append(character)
        }
        segments[segments.count - 1] = short + "-" + Fingerprint.make([last]).prefix(12)
        return segments.joined(separator: "/")
    }
    /// A group or segment called `index` must not take the place of `groups/index.html` or `segments/index.html`.
    static func group(_ id: String) -> String { id == "index" ? "groups/index-group.html" : "groups/\(id).html" }
    static func segment(_ id: String) -> String { id == "index" ? "segments/index-segment.html" : "segments/\(id).html" }
    static func person(_ id: String) -> String { "people/\(fitted(id)).html" }
    /// Past its first page a crowded week continues on `<week>-2.html`, … (`CrowdedDays`).
    static func week(_ week: ISOWeek, page: Int = 1) -> String { "weeks/\(week)\(page > 1 ? "-\(page)" : "").html" }
    static func playbookWeek(_ week: ISOWeek) -> String { "playbook/\(week).html" }
    static func month(_ month: YearMonth) -> String { "months/\(month).html" }
    /// A persona's month other than the one its page shows.
    static func personaMonth(_ id: String, _ month: YearMonth) -> String { "personas/\(fitted(id))/\(month).html" }
    /// The items outside the range, when index.html lists only the first (`CrowdedDays`); `outside-2.html`, … past the page budget.
    static func outside(page: Int = 1) -> String { "months/outside\(page > 1 ? "-\(page)" : "").html" }
    static let warnings = "warnings/index.html"
    /// The findings of one rule: `warnings/<rule>.html`, then `<rule>-2.html`… past the first page.
    static func warnings(rule: String, page: Int = 1) -> String {
        let name = isSafeSegment(rule) ? rule : Fingerprint.make([rule]).prefix(12).description
        return "warnings/\(name)\(page > 1 ? "-\(page)" : "").html"
    }
    static let groups = "groups/index.html"
    static let segments = "segments/index.html"
    static let people = "people/index.html"
    /// A persona's own week: `playbook/<persona>/<week>.html` (all personas without one).
    /// Past its first page a week continues on `<week>-2.html`, … (`PageBudget`).
    static func playbookWeek(_ week: ISOWeek, persona: String?, page: Int = 1) -> String {
        let name = "\(week)\(page > 1 ? "-\(page)" : "").html"
        guard let persona else { return "playbook/" + name }
        return "playbook/\(fitted(persona))/" + name
    }
    /// A persona called `index` must not take the place of `today/index.html`.
    static func today(_ persona: String) -> String { persona == "index" ? "today/index-persona.html" : "today/\(fitted(persona)).html" }
    static let todayIndex = "today/index.html"

    /// Whether a user-given id is safe as one path segment of the output.
    static func isSafeSegment(_ id: String) -> Bool {
        !id.isEmpty && id != "." && id != ".." && !id.contains("/") && !id.contains("\\") && !id.hasPrefix(".")
            && id.utf8.count <= 200
    }
}
