/// China's statutory public holidays and make-up workdays (调休), one entry per
/// State Council notice. Source: the General Office of the State Council's yearly
/// notices 《国务院办公厅关于<年>年部分节假日安排的通知》 (www.gov.cn), plus
/// 《国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知》 (2015)
/// and 《国务院办公厅关于延长2020年春节假期的通知》 (2020). A period runs from its first
/// day off to its last, weekends joined to it included; a workday is a Saturday or
/// Sunday worked in exchange. Tests/scripts/calendar_check.py compares every year
/// here with PyPI `chinese-calendar`. A year not listed has no published data yet:
/// nothing is guessed for it (rule `calendar-data`).
struct HolidayNotice: Sendable {
    /// The year the notice is for (its New Year period may start the December before).
    let year: Int
    let periods: [HolidayPeriod]
    let workdays: [LocalDate]

    /// `periods`: "name FIRST..LAST, name DAY, …"; `workdays`: dates separated by spaces.
    init(_ year: Int, _ periods: String, _ workdays: String) {
        self.year = year
        self.periods = periods.split(separator: ",").compactMap { entry in
            let parts = entry.split(separator: " ")
            guard parts.count == 2, let name = HolidayName(rawValue: String(parts[0])) else { return nil }
            let bounds = parts[1].components(separatedBy: "..")
            guard let first = LocalDate(parsing: bounds[0]), let last = LocalDate(parsing: bounds[bounds.count - 1])
            else { return nil }
            return HolidayPeriod(name: name, first: first, last: last)
        }
        self.workdays = workdays.split(separator: " ").compactMap { LocalDate(parsing: String($0)) }
    }

    static let all: [HolidayNotice] = [
        .init(2004, "newYear 2004-01-01, springFestival 2004-01-22..2004-01-28, labourDay 2004-05-01..2004-05-07, nationalDay 2004-10-01..2004-10-07",
              "2004-01-17 2004-01-18 2004-05-08 2004-05-09 2004-10-09 2004-10-10"),
        .init(2005, "newYear 2005-01-01..2005-01-03, springFestival 2005-02-09..2005-02-15, labourDay 2005-05-01..2005-05-07, nationalDay 2005-10-01..2005-10-07",
              "2005-02-05 2005-02-06 2005-04-30 2005-05-08 2005-10-08 2005-10-09"),
        .init(2006, "newYear 2005-12-31..2006-01-03, springFestival 2006-01-29..2006-02-04, labourDay 2006-05-01..2006-05-07, nationalDay 2006-10-01..2006-10-07",
              "2006-01-28 2006-02-05 2006-04-29 2006-04-30 2006-09-30 2006-10-08"),
        .init(2007, "newYear 2007-01-01..2007-01-03, springFestival 2007-02-18..2007-02-24, labourDay 2007-05-01..2007-05-07, nationalDay 2007-10-01..2007-10-07",
              "2006-12-30 2006-12-31 2007-02-17 2007-02-25 2007-04-28 2007-04-29 2007-09-29 2007-09-30"),
        .init(2008, "newYear 2007-12-30..2008-01-01, springFestival 2008-02-06..2008-02-12, qingming 2008-04-04..2008-04-06, labourDay 2008-05-01..2008-05-03, dragonBoat 2008-06-07..2008-06-09, midAutumn 2008-09-13..2008-09-15, nationalDay 2008-09-29..2008-10-05",
              "2007-12-29 2008-02-02 2008-02-03 2008-05-04 2008-09-27 2008-09-28"),
        .init(2009, "newYear 2009-01-01..2009-01-03, springFestival 2009-01-25..2009-01-31, qingming 2009-04-04..2009-04-06, labourDay 2009-05-01..2009-05-03, dragonBoat 2009-05-28..2009-05-30, nationalDay 2009-10-01..2009-10-02, midAutumn 2009-10-03, nationalDay 2009-10-04..2009-10-08",
              "2009-01-04 2009-01-24 2009-02-01 2009-05-31 2009-09-27 2009-10-10"),
        .init(2010, "newYear 2010-01-01..2010-01-03, springFestival 2010-02-13..2010-02-19, qingming 2010-04-03..2010-04-05, labourDay 2010-05-01..2010-05-03, dragonBoat 2010-06-14..2010-06-16, midAutumn 2010-09-22..2010-09-24, nationalDay 2010-10-01..2010-10-07",
              "2010-02-20 2010-02-21 2010-06-12 2010-06-13 2010-09-19 2010-09-25 2010-09-26 2010-10-09"),
        .init(2011, "newYear 2011-01-01..2011-01-03, springFestival 2011-02-02..2011-02-08, qingming 2011-04-03..2011-04-05, labourDay 2011-04-30..2011-05-02, dragonBoat 2011-06-04..2011-06-06, midAutumn 2011-09-10..2011-09-12, nationalDay 2011-10-01..2011-10-07",
              "2011-01-30 2011-02-12 2011-04-02 2011-10-08 2011-10-09"),
        .init(2012, "newYear 2012-01-01..2012-01-03, springFestival 2012-01-22..2012-01-28, qingming 2012-04-02..2012-04-04, labourDay 2012-04-29..2012-05-01, dragonBoat 2012-06-22..2012-06-24, midAutumn 2012-09-30, nationalDay 2012-10-01..2012-10-07",
              "2011-12-31 2012-01-21 2012-01-29 2012-03-31 2012-04-01 2012-04-28 2012-09-29"),
        .init(2013, "newYear 2013-01-01..2013-01-03, springFestival 2013-02-09..2013-02-15, qingming 2013-04-04..2013-04-06, labourDay 2013-04-29..2013-05-01, dragonBoat 2013-06-10..2013-06-12, midAutumn 2013-09-19..2013-09-21, nationalDay 2013-10-01..2013-10-07",
              "2013-01-05 2013-01-06 2013-02-16 2013-02-17 2013-04-07 2013-04-27 2013-04-28 2013-06-08 2013-06-09 2013-09-22 2013-09-29 2013-10-12"),
        .init(2014, "newYear 2014-01-01, springFestival 2014-01-31..2014-02-06, qingming 2014-04-05..2014-04-07, labourDay 2014-05-01..2014-05-03, dragonBoat 2014-05-31..2014-06-02, midAutumn 2014-09-06..2014-09-08, nationalDay 2014-10-01..2014-10-07",
              "2014-01-26 2014-02-08 2014-05-04 2014-09-28 2014-10-11"),
        .init(2015, "newYear 2015-01-01..2015-01-03, springFestival 2015-02-18..2015-02-24, qingming 2015-04-04..2015-04-06, labourDay 2015-05-01..2015-05-03, dragonBoat 2015-06-20..2015-06-22, victoryDay 2015-09-03..2015-09-05, midAutumn 2015-09-26..2015-09-27, nationalDay 2015-10-01..2015-10-07",
              "2015-01-04 2015-02-15 2015-02-28 2015-09-06 2015-10-10"),
        .init(2016, "newYear 2016-01-01..2016-01-03, springFestival 2016-02-07..2016-02-13, qingming 2016-04-02..2016-04-04, labourDay 2016-04-30..2016-05-02, dragonBoat 2016-06-09..2016-06-11, midAutumn 2016-09-15..2016-09-17, nationalDay 2016-10-01..2016-10-07",
              "2016-02-06 2016-02-14 2016-06-12 2016-09-18 2016-10-08 2016-10-09"),
        .init(2017, "newYear 2016-12-31..2017-01-02, springFestival 2017-01-27..2017-02-02, qingming 2017-04-02..2017-04-04, labourDay 2017-04-29..2017-05-01, dragonBoat 2017-05-28..2017-05-30, nationalDay 2017-10-01..2017-10-03, midAutumn 2017-10-04, nationalDay 2017-10-05..2017-10-08",
              "2017-01-22 2017-02-04 2017-04-01 2017-05-27 2017-09-30"),
        .init(2018, "newYear 2017-12-30..2018-01-01, springFestival 2018-02-15..2018-02-21, qingming 2018-04-05..2018-04-07, labourDay 2018-04-29..2018-05-01, dragonBoat 2018-06-16..2018-06-18, midAutumn 2018-09-22..2018-09-24, nationalDay 2018-10-01..2018-10-07",
              "2018-02-11 2018-02-24 2018-04-08 2018-04-28 2018-09-29 2018-09-30"),
        .init(2019, "newYear 2018-12-30..2019-01-01, springFestival 2019-02-04..2019-02-10, qingming 2019-04-05..2019-04-07, labourDay 2019-05-01..2019-05-04, dragonBoat 2019-06-07..2019-06-09, midAutumn 2019-09-13..2019-09-15, nationalDay 2019-10-01..2019-10-07",
              "2018-12-29 2019-02-02 2019-02-03 2019-04-28 2019-05-05 2019-09-29 2019-10-12"),
        .init(2020, "newYear 2020-01-01, springFestival 2020-01-24..2020-02-02, qingming 2020-04-04..2020-04-06, labourDay 2020-05-01..2020-05-05, dragonBoat 2020-06-25..2020-06-27, nationalDay 2020-10-01..2020-10-08",
              "2020-01-19 2020-04-26 2020-05-09 2020-06-28 2020-09-27 2020-10-10"),
        .init(2021, "newYear 2021-01-01..2021-01-03, springFestival 2021-02-11..2021-02-17, qingming 2021-04-03..2021-04-05, labourDay 2021-05-01..2021-05-05, dragonBoat 2021-06-12..2021-06-14, midAutumn 2021-09-19..2021-09-21, nationalDay 2021-10-01..2021-10-07",
              "2021-02-07 2021-02-20 2021-04-25 2021-05-08 2021-09-18 2021-09-26 2021-10-09"),
        .init(2022, "newYear 2022-01-01..2022-01-03, springFestival 2022-01-31..2022-02-06, qingming 2022-04-03..2022-04-05, labourDay 2022-04-30..2022-05-04, dragonBoat 2022-06-03..2022-06-05, midAutumn 2022-09-10..2022-09-12, nationalDay 2022-10-01..2022-10-07",
              "2022-01-29 2022-01-30 2022-04-02 2022-04-24 2022-05-07 2022-10-08 2022-10-09"),
        .init(2023, "newYear 2022-12-31..2023-01-02, springFestival 2023-01-21..2023-01-27, qingming 2023-04-05, labourDay 2023-04-29..2023-05-03, dragonBoat 2023-06-22..2023-06-24, midAutumn 2023-09-29, nationalDay 2023-09-30..2023-10-06",
              "2023-01-28 2023-01-29 2023-04-23 2023-05-06 2023-06-25 2023-10-07 2023-10-08"),
        .init(2024, "newYear 2023-12-30..2024-01-01, springFestival 2024-02-10..2024-02-17, qingming 2024-04-04..2024-04-06, labourDay 2024-05-01..2024-05-05, dragonBoat 2024-06-08..2024-06-10, midAutumn 2024-09-15..2024-09-17, nationalDay 2024-10-01..2024-10-07",
              "2024-02-04 2024-02-18 2024-04-07 2024-04-28 2024-05-11 2024-09-14 2024-09-29 2024-10-12"),
        .init(2025, "newYear 2025-01-01, springFestival 2025-01-28..2025-02-04, qingming 2025-04-04..2025-04-06, labourDay 2025-05-01..2025-05-05, dragonBoat 2025-05-31..2025-06-02, nationalDay 2025-10-01..2025-10-05, midAutumn 2025-10-06, nationalDay 2025-10-07..2025-10-08",
              "2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11"),
        .init(2026, "newYear 2026-01-01..2026-01-03, springFestival 2026-02-15..2026-02-23, qingming 2026-04-04..2026-04-06, labourDay 2026-05-01..2026-05-05, dragonBoat 2026-06-19..2026-06-21, midAutumn 2026-09-25..2026-09-27, nationalDay 2026-10-01..2026-10-07",
              "2026-01-04 2026-02-14 2026-02-28 2026-05-09 2026-09-20 2026-10-10"),
    ]
}
