"""Date arithmetic and wording for deadlines counted from a decree's Effective Date."""

from __future__ import annotations

import datetime as dt


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later (February 29 becomes February 28)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def decree_term_days(effective: dt.date, term_years: int) -> int:
    """How many days a decree of `term_years` runs from its Effective Date."""
    return (add_years(effective, term_years) - effective).days


def long_date(day: dt.date) -> str:
    """'January 5, 2026' — the form courts use, without a leading zero."""
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def next_business_day(day: dt.date) -> dt.date:
    """`day`, or the first day after it that is neither a weekend nor a US federal holiday:
    where a deadline lands, as the directive's timeline says. The holiday calendar comes from
    the `holidays` library (observed dates included), not a hand-kept list."""
    import holidays  # imported here: only deadline schedules need the calendar

    federal = holidays.country_holidays("US", years=range(day.year, day.year + 2))
    while day.weekday() >= 5 or day in federal:
        day += dt.timedelta(days=1)
    return day


def due_date(start: dt.date, days: int) -> dt.date:
    """The date a deadline of `days` days after `start` falls due."""
    return next_business_day(start + dt.timedelta(days=days))
