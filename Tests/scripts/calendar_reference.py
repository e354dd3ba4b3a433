#!/usr/bin/env python3
"""Prints China's calendar as two independent PyPI packages give it, as JSON, for
CalendarReferenceTests to compare with plan-build's own computation:

- `chinese-calendar`: statutory holidays and make-up workdays (every year it has);
- `lunar-python`: the 24 solar terms and the lunar month and day of every date.

Usage: calendar_reference.py FIRST_YEAR LAST_YEAR   (terms and lunar dates)
"""
import datetime
import json
import sys

import chinese_calendar
from chinese_calendar import constants
from lunar_python import Solar


def main() -> None:
    first, last = int(sys.argv[1]), int(sys.argv[2])
    holidays = sorted(d.isoformat() for d in constants.holidays)
    workdays = sorted(d.isoformat() for d in constants.workdays)
    years = sorted({d.year for d in constants.holidays})
    terms = {}
    lunar = {}
    day = datetime.date(first, 1, 1)
    # One day past the range, so that the last day's successor is known (除夕).
    end = datetime.date(last + 1, 1, 1)
    while day <= end:
        value = Solar.fromYmd(day.year, day.month, day.day).getLunar()
        name = value.getJieQi()
        if name and day.year <= last:
            terms[day.isoformat()] = name
        # lunar-python gives a leap month as a negative number.
        lunar[day.isoformat()] = [value.getMonth(), value.getDay()]
        day += datetime.timedelta(days=1)
    json.dump({
        "holiday_years": years, "holidays": holidays, "workdays": workdays,
        "terms": terms, "lunar": lunar,
        "versions": {"chinese-calendar": chinese_calendar.__version__},
    }, sys.stdout, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main()
