public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case error, warning, notice

    /// Higher is more severe.
    public var rank: Int {
        switch self {
        case .error: return 2
        case .warning: return 1
        case .notice: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    public var label: Localized {
        switch self {
        case .error: return Localized(zh: "错误", en: "error")
        case .warning: return Localized(zh: "警告", en: "warning")
        case .notice: return Localized(zh: "提示", en: "notice")
        }
    }
}

/// A place in a source file: `file` is relative to the repository root with `/`
/// separators; line and column are 1-based (column counts Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// Another place that explains a diagnostic (the other posts of that day…).
public struct RelatedLocation: Hashable, Sendable {
    public let location: SourceLocation
    public let message: Localized
    /// The item id at that place, if it is an item.
    public let itemID: String?

    public init(location: SourceLocation, message: Localized, itemID: String? = nil) {
        self.location = location
        self.message = message
        self.itemID = itemID
    }
}

/// One finding, as every report format and page sees it.
public struct Diagnostic: Hashable, Sendable {
    public let ruleID: String
    public let severity: Severity
    public let message: Localized
    public let location: SourceLocation
    /// The item the diagnostic is about, when it is about one.
    public let itemID: String?
    public let date: LocalDate?
    public let persona: String?
    public let related: [RelatedLocation]
    public let hint: Localized?
    /// Stable hash of the rule and the items involved; never of lines or absolute paths.
    public let fingerprint: String
    /// The part of the rule it is about (a banned word), matched by `ignore: {rule: {subject: reason}}`.
    public let subject: String?

    public init(
        ruleID: String, severity: Severity, message: Localized, location: SourceLocation,
        itemID: String? = nil, date: LocalDate? = nil, persona: String? = nil,
        related: [RelatedLocation] = [], hint: Localized? = nil, fingerprint: String, subject: String? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.itemID = itemID
        self.date = date
        self.persona = persona
        self.related = Array(related.prefix(10))
        self.hint = hint
        self.fingerprint = fingerprint
        self.subject = subject
    }

    public func with(severity: Severity) -> Diagnostic {
        Diagnostic(
            ruleID: ruleID, severity: severity, message: message, location: location, itemID: itemID,
            date: date, persona: persona, related: related, hint: hint, fingerprint: fingerprint, subject: subject)
    }

    /// Sort order of spec section 8: file, line, column, rule, message.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        if a.message.en != b.message.en { return a.message.en < b.message.en }
        return a.fingerprint < b.fingerprint
    }
}

extension Array where Element == Diagnostic {
    /// How many have `severity`, counted by index: `reduce` or `for … in`
    /// copies each diagnostic (a dozen retains), thousands per report.
    func count(of severity: Severity) -> Int {
        var total = 0
        for index in indices where self[index].severity == severity { total += 1 }
        return total
    }
}
