import Foundation
import Testing
@testable import Planner

/// China's calendar against two independent sources from PyPI, installed into a
/// virtual environment under .build: `chinese-calendar` (public holidays and
/// make-up workdays, every year it has) and `lunar-python` (solar terms and
/// lunar dates, 2024–2030). Skipped, saying why, where python3 or PyPI is missing.
@Suite struct CalendarReferenceTests {
    static let firstYear = 2024
    static let lastYear = 2030
    static let packages = ["chinese-calendar==1.11.0", "lunar-python==1.4.8"]

    struct Reference: Sendable {
        let holidayYears: [Int]
        let holidays: Set<String>
        let workdays: Set<String>
        let terms: [String: String]
        /// Lunar month (negative for a leap month) and day of every date.
        let lunar: [String: [Int]]
    }

    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The packages' answers, or nil when they cannot be installed here.
    static let reference: Reference? = {
        let venv = testsFolder.deletingLastPathComponent().appendingPathComponent(".build/calendar-reference-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if !FileManager.default.fileExists(atPath: python) {
            guard run("/usr/bin/env", ["python3", "-m", "venv", venv.path]) != nil else { return nil }
        }
        if run(python, ["-c", "import chinese_calendar, lunar_python"]) == nil {
            guard run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + packages) != nil
            else { return nil }
        }
        let script = testsFolder.appendingPathComponent("scripts/calendar_reference.py").path
        guard let output = run(python, [script, String(firstYear), String(lastYear)]),
            let object = try? JSONSerialization.jsonObject(with: output) as? [String: Any]
        else { return nil }
        return Reference(
            holidayYears: object["holiday_years"] as? [Int] ?? [],
            holidays: Set(object["holidays"] as? [String] ?? []),
            workdays: Set(object["workdays"] as? [String] ?? []),
            terms: object["terms"] as? [String: String] ?? [:],
            lunar: object["lunar"] as? [String: [Int]] ?? [:])
    }()

    /// Standard output of a successful run, else nil.
    static func run(_ executable: String, _ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    static var years: ClosedRange<Int> { firstYear...lastYear }

    @Test(.enabled(if: reference != nil, "python3 -m venv and pip install \(packages.joined(separator: " ")) failed (no PyPI?)"))
    func solarTermsMatchLunarPython() throws {
        let reference = try #require(Self.reference)
        var ours: [String: String] = [:]
        for year in Self.years {
            for term in SolarTerms.terms(of: year) { ours[term.date.description] = SolarTerms.names[term.index].zh }
        }
        #expect(ours.count == 24 * Self.years.count)
        for (date, name) in reference.terms.sorted(by: { $0.key < $1.key }) {
            #expect(ours[date] == name, "\(date): lunar-python says \(name)")
        }
        #expect(ours == reference.terms)
    }

    @Test(.enabled(if: reference != nil, "python3 -m venv and pip install \(packages.joined(separator: " ")) failed (no PyPI?)"))
    func lunarFestivalsMatchLunarPython() throws {
        let reference = try #require(Self.reference)
        let first = LocalDate(year: Self.firstYear, month: 1, day: 1)!
        let last = LocalDate(year: Self.lastYear, month: 12, day: 31)!
        var expected: [String] = []
        for number in first.dayNumber...last.dayNumber {
            let date = LocalDate(dayNumber: number)
            let lunar = try #require(reference.lunar[date.description])
            let next = try #require(reference.lunar[date.adding(days: 1).description])
            if next == [1, 1] { expected.append("\(date) 除夕") }
            let name = [[1, 1]: "春节", [1, 15]: "元宵", [5, 5]: "端午", [7, 7]: "七夕", [8, 15]: "中秋", [9, 9]: "重阳",
                        [12, 8]: "腊八", [12, 23]: "小年"][lunar]
            if let name { expected.append("\(date) \(name)") }
        }
        let ours = LunarFestival.festivals(from: first, through: last).map { "\($0.date) \($0.festival.label.zh)" }
        #expect(ours == expected)
        #expect(ours.count == 9 * Self.years.count)
    }

    @Test(.enabled(if: reference != nil, "python3 -m venv and pip install \(packages.joined(separator: " ")) failed (no PyPI?)"))
    func holidaysMatchChineseCalendar() throws {
        let reference = try #require(Self.reference)
        // Exactly the years the independent source can confirm.
        #expect(HolidayNotice.all.map(\.year) == reference.holidayYears)
        let first = LocalDate(year: reference.holidayYears.first ?? 2004, month: 1, day: 1)!.adding(days: -7)
        let last = LocalDate(year: reference.holidayYears.last ?? 2026, month: 12, day: 31)!
        for number in first.dayNumber...last.dayNumber {
            let date = LocalDate(dayNumber: number)
            let key = date.description
            #expect(HolidayTable.isMakeUpWorkday(date) == reference.workdays.contains(key), "\(key) workday")
            if reference.holidays.contains(key) {
                #expect(HolidayTable.isHoliday(date), "\(key) is a holiday in chinese-calendar")
            } else if HolidayTable.isHoliday(date) {
                // chinese-calendar lists only the weekdays off of some periods; ours adds the weekend joined to them.
                #expect(date.isoWeekday >= 6, "\(key) is no holiday in chinese-calendar")
            }
        }
    }
}
