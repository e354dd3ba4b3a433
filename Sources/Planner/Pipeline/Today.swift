import Foundation

extension LocalDate {
    /// Today's date in the given timezone, from an injected clock reading so
    /// tests and builds can pin it (`--today`).
    public static func today(in timezone: String, now: Date = Date()) -> LocalDate {
        let zone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: now)
        return LocalDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
