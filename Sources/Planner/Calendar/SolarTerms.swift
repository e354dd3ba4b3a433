import Foundation

/// The 24 solar terms (节气): the days the Sun's apparent longitude reaches a
/// multiple of 15°, dated in Beijing time (UTC+8) as China's calendar dates
/// them, whatever the plan's timezone. Meeus, *Astronomical Algorithms*, ch. 25
/// and 32: VSOP87 longitude, FK5 correction, nutation and aberration; TT to UT by
/// the Espenak–Meeus ΔT polynomials.
enum SolarTerms {
    /// Term names in order of longitude from 0° (春分) in 15° steps.
    static let names: [Localized] = [
        Localized(zh: "春分", en: "Spring Equinox"), Localized(zh: "清明", en: "Qingming"),
        Localized(zh: "谷雨", en: "Grain Rain"), Localized(zh: "立夏", en: "Start of Summer"),
        Localized(zh: "小满", en: "Grain Buds"), Localized(zh: "芒种", en: "Grain in Ear"),
        Localized(zh: "夏至", en: "Summer Solstice"), Localized(zh: "小暑", en: "Minor Heat"),
        Localized(zh: "大暑", en: "Major Heat"), Localized(zh: "立秋", en: "Start of Autumn"),
        Localized(zh: "处暑", en: "End of Heat"), Localized(zh: "白露", en: "White Dew"),
        Localized(zh: "秋分", en: "Autumn Equinox"), Localized(zh: "寒露", en: "Cold Dew"),
        Localized(zh: "霜降", en: "Frost's Descent"), Localized(zh: "立冬", en: "Start of Winter"),
        Localized(zh: "小雪", en: "Minor Snow"), Localized(zh: "大雪", en: "Major Snow"),
        Localized(zh: "冬至", en: "Winter Solstice"), Localized(zh: "小寒", en: "Minor Cold"),
        Localized(zh: "大寒", en: "Major Cold"), Localized(zh: "立春", en: "Start of Spring"),
        Localized(zh: "雨水", en: "Rain Water"), Localized(zh: "惊蛰", en: "Awakening of Insects"),
    ]

    /// The 24 terms of a Gregorian year, in date order, as (date, index into `names`).
    static func terms(of year: Int) -> [(date: LocalDate, index: Int)] {
        guard let equinoxGuess = LocalDate(year: year, month: 3, day: 20) else { return [] }
        let base = julianDay(equinoxGuess)
        var result: [(LocalDate, Int)] = []
        for index in 0..<24 {
            let longitude = Double(index) * 15
            // 小寒…惊蛰 (285°–345°) fall in January–March, before the year's March equinox.
            let offset = index >= 19 ? (longitude - 360) : longitude
            let jde = moment(longitude: longitude, near: base + offset / 360 * 365.2422)
            let ut = jde - deltaT(year: year) / 86400
            let beijing = ut + 8.0 / 24
            result.append((LocalDate(dayNumber: Int((beijing - 2_440_587.5).rounded(.down))), index))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// The Julian Ephemeris Day when the apparent longitude is `longitude`, by Newton steps.
    static func moment(longitude target: Double, near guess: Double) -> Double {
        var jde = guess
        for _ in 0..<12 {
            var difference = (target - apparentLongitude(jde: jde)).truncatingRemainder(dividingBy: 360)
            if difference > 180 { difference -= 360 }
            if difference < -180 { difference += 360 }
            let step = difference * 365.2422 / 360
            jde += step
            if abs(step) < 1e-7 { break }
        }
        return jde
    }

    /// The Sun's apparent geocentric longitude in degrees.
    static func apparentLongitude(jde: Double) -> Double {
        let tau = (jde - 2_451_545) / 365_250
        let t = tau * 10
        var longitude = VSOP87Earth.longitude(tau: tau) * 180 / .pi + 180
        longitude -= 0.09033 / 3600  // to the FK5 frame
        longitude += nutationInLongitude(t: t) / 3600
        longitude -= 20.4898 / VSOP87Earth.radius(tau: tau) / 3600  // aberration
        longitude = longitude.truncatingRemainder(dividingBy: 360)
        return longitude < 0 ? longitude + 360 : longitude
    }

    /// Δψ in arcseconds (Meeus ch. 22, to 0.5″).
    static func nutationInLongitude(t: Double) -> Double {
        let radians = Double.pi / 180
        let node = (125.04452 - 1934.136261 * t) * radians
        let sun = (280.4665 + 36000.7698 * t) * radians
        let moon = (218.3165 + 481267.8813 * t) * radians
        return -17.20 * sin(node) - 1.32 * sin(2 * sun) - 0.23 * sin(2 * moon) + 0.21 * sin(2 * node)
    }

    /// TT − UT in seconds (Espenak & Meeus, NASA eclipse pages).
    static func deltaT(year: Int) -> Double {
        let y = Double(year) + 0.5
        switch y {
        case 1900..<1920:
            let t = y - 1900
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t
        case 1920..<1941:
            let t = y - 1920
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t
        case 1941..<1961:
            let t = y - 1950
            return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547
        case 1961..<1986:
            let t = y - 1975
            return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718
        case 1986..<2005:
            let t = y - 2000
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * pow(t, 4)
                + 0.00002373599 * pow(t, 5)
        case 2005..<2050:
            let t = y - 2000
            return 62.92 + 0.32217 * t + 0.005589 * t * t
        case 2050..<2150:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u - 0.5628 * (2150 - y)
        default:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u
        }
    }

    /// The Julian Day at 00:00 UT of a date.
    static func julianDay(_ date: LocalDate) -> Double { Double(date.dayNumber) + 2_440_587.5 }
}
