"""Every calendar query does a bounded amount of work, whatever the calendar says.

The engine counts what it builds (years of blocks, blocks); a query may build
at most the years within its reach (``REACH_YEARS`` of the calendar's time,
closures skipped in one step) plus one growth step, whatever the document:
closures spanning centuries, shifts a microsecond long, durations of
millennia. The bound is counted, not timed, so the tests are deterministic.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import BusinessCalendar, CalendarError, make_converter
from csroles.sla._engine import _GROWTH_YEARS, REACH_YEARS

ZONES = ["Europe/Rome", "America/Santiago", "Australia/Lord_Howe", "Pacific/Apia", "UTC"]
# Years a query may build: its reach, one growth step past it, and the years
# around its two ends.
YEARS_PER_QUERY = REACH_YEARS + _GROWTH_YEARS + 3


def budget(calendar: BusinessCalendar) -> int:
    """Blocks a query may build: per year, the offset changes and every exception."""
    items = len(calendar.holidays) + len(calendar.special_hours) + len(calendar.closures)
    return YEARS_PER_QUERY * (12 + 4 * items)


def run_counted(calendar: BusinessCalendar, query: Callable[[], object]) -> tuple[int, int]:
    """Run a query; return the years and blocks it built (CalendarError is an answer)."""
    engine = calendar._engine
    years, blocks = engine.years_built, engine.blocks_built
    with contextlib.suppress(CalendarError):
        query()
    return engine.years_built - years, engine.blocks_built - blocks


def utc(  # noqa: PLR0917 (datetime's own positional fields)
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)


tiny = st.sampled_from([timedelta(microseconds=1), timedelta(seconds=1), timedelta(hours=8)])
instants = st.datetimes(min_value=datetime(3, 1, 1), max_value=datetime(9997, 12, 1)).map(
    lambda d: d.replace(tzinfo=UTC)
)


@st.composite
def adversarial_calendars(draw: st.DrawFn) -> BusinessCalendar:
    days = draw(st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True))
    start = draw(st.sampled_from([time(0), time(9), time(23, 59, 59)]))
    length = draw(tiny)
    end = (datetime.combine(date(2026, 1, 1), start) + length).time()
    closures = []
    for lo in draw(st.lists(instants, max_size=3)):
        span = draw(st.sampled_from([timedelta(days=3), timedelta(days=400 * 365)]))
        hi = lo + min(span, utc(9998, 12, 31) - lo)
        if lo < hi:
            closures.append((lo, hi))
    return BusinessCalendar(
        timezone=draw(st.sampled_from(ZONES)),
        hours={day: [(start, end)] for day in days},
        holidays=draw(st.lists(st.dates(date(2000, 1, 1), date(2100, 1, 1)), max_size=3)),
        closures=closures,
    )


durations = st.one_of(
    tiny,
    st.sampled_from([timedelta(days=365 * n) for n in (1, 19, 21, 2000)]),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3 * 365)),
)


@given(calendar=adversarial_calendars(), at=instants, other=instants, duration=durations)
def test_every_query_builds_a_bounded_number_of_years(
    calendar: BusinessCalendar, at: datetime, other: datetime, duration: timedelta
) -> None:
    queries: list[Callable[[], object]] = [
        lambda: calendar.add_business_time(at, duration),
        lambda: calendar.subtract_business_time(at, duration),
        lambda: calendar.business_time_between(min(at, other), max(at, other)),
        lambda: calendar.next_opening(at),
        lambda: calendar.next_closing(at),
        lambda: calendar.is_open(at),
        lambda: next(calendar.open_periods(at, other), None),
    ]
    for query in queries:
        years, blocks = run_counted(calendar, query)
        assert years <= YEARS_PER_QUERY
        assert blocks <= budget(calendar)


# ------------------------------------------------------------------ the cases that used to spin

WEEKDAYS = {day: [(time(9), time(17))] for day in range(5)}


def test_a_closure_of_millennia_is_skipped_in_one_step() -> None:
    calendar = make_converter().structure(
        {
            "timezone": "Europe/Rome",
            "hours": {"0": [["09:00:00", "17:00:00"]]},
            "closures": [["2026-01-01T00:00:00Z", "9998-12-31T00:00:00Z"]],
        },
        BusinessCalendar,
    )
    years, _ = run_counted(
        calendar, lambda: calendar.add_business_time(utc(2026, 6, 1), timedelta(hours=1))
    )
    # 2026 and 9998 are partly closed; the 7,971 years between are one block.
    assert years <= 2
    # 9998-12-31 is a Thursday: no Monday is left before the engine's last year ends.
    with pytest.raises(CalendarError, match="9999-01-01"):
        calendar.add_business_time(utc(2026, 6, 1), timedelta(hours=1))
    reopened = BusinessCalendar(
        timezone="Europe/Rome",
        hours={0: [(time(9), time(17))]},
        closures=[(utc(2026, 1, 1), utc(9000, 1, 1))],
    )
    # 9000-01-01 is a Wednesday; the first Monday after it is 9000-01-06, 09:00 at UTC+1.
    assert reopened.add_business_time(utc(2026, 6, 1), timedelta(hours=1)) == utc(9000, 1, 6, 9)
    assert reopened.business_time_between(utc(2026, 1, 1), utc(9000, 1, 7)) == timedelta(hours=8)


def test_two_thousand_years_of_business_time_are_refused_at_once() -> None:
    calendar = BusinessCalendar(timezone="Europe/Rome", hours=WEEKDAYS)
    years, _ = run_counted(
        calendar, lambda: calendar.add_business_time(utc(2026, 6, 1), timedelta(days=2000 * 365))
    )
    assert years == 0
    with pytest.raises(CalendarError, match=f"at most {REACH_YEARS} years"):
        calendar.add_business_time(utc(2026, 6, 1), timedelta(days=2000 * 365))
    with pytest.raises(CalendarError, match=f"at most {REACH_YEARS} years"):
        calendar.subtract_business_time(utc(2026, 6, 1), timedelta(days=2000 * 365))


def test_whole_range_on_a_round_the_clock_calendar() -> None:
    always = BusinessCalendar.always_open()
    assert always.business_time_between(utc(2, 1, 1), utc(9998, 1, 1)) == utc(9998, 1, 1) - utc(
        2, 1, 1
    )
    # Round the clock but for one holiday: the engine would have to walk the years.
    holiday = BusinessCalendar(
        timezone="Europe/Rome",
        hours={day: [(time(0), time(0))] for day in range(7)},
        holidays={date(2026, 1, 1)},
    )
    years, _ = run_counted(
        holiday, lambda: holiday.business_time_between(utc(2, 1, 1), utc(9998, 1, 1))
    )
    assert years == 0
    with pytest.raises(CalendarError, match="0002-01-01"):
        holiday.business_time_between(utc(2, 1, 1), utc(9998, 1, 1))


def test_a_calendar_open_a_microsecond_a_week() -> None:
    calendar = BusinessCalendar(timezone="Europe/Rome", hours={0: [(time(9), time(9, 0, 0, 1))]})
    start = utc(2026, 6, 1)
    # 2026-06-01 is a Monday; 09:00 in Rome is 07:00 UTC.
    assert calendar.add_business_time(start, timedelta(microseconds=2)) == utc(
        2026, 6, 8, 7, 0, 0, 1
    )
    years, _ = run_counted(
        calendar, lambda: calendar.add_business_time(start, timedelta(seconds=1))
    )
    assert years <= YEARS_PER_QUERY
    with pytest.raises(CalendarError, match=f"at most {REACH_YEARS} years"):
        calendar.add_business_time(start, timedelta(seconds=1))


def test_walking_back_skips_a_closed_stretch() -> None:
    calendar = BusinessCalendar(
        timezone="Europe/Rome",
        hours={0: [(time(9), time(17))]},
        closures=[(utc(2027, 1, 1), utc(2060, 6, 1))],
    )
    # The last open period before mid-2060 closed on Monday 28 December 2026,
    # 17:00 in Rome (16:00 UTC); the 33 closed years between are one block.
    years, _ = run_counted(
        calendar, lambda: calendar.subtract_business_time(utc(2060, 6, 2), timedelta(0))
    )
    assert years <= 3
    assert calendar.subtract_business_time(utc(2060, 6, 2), timedelta(0)) == utc(2026, 12, 28, 16)
    # Without the closure, so far back is beyond the reach.
    with pytest.raises(CalendarError, match=f"at most {REACH_YEARS} years"):
        BusinessCalendar(
            timezone="Europe/Rome", hours={0: [(time(9), time(17))]}
        ).subtract_business_time(utc(2060, 6, 2), timedelta(days=365 * 25))


def test_the_reach_does_not_depend_on_what_the_engine_has_built() -> None:
    def fresh() -> BusinessCalendar:
        return BusinessCalendar(timezone="Europe/Rome", hours=WEEKDAYS)

    start, work = utc(2026, 6, 1), timedelta(hours=30 * 52 * 40)  # about 30 years of work
    warmed = fresh()
    # Two neighbouring spans, each within reach: the engine's index now covers 2026 to 2064.
    warmed.business_time_between(utc(2026, 1, 1), utc(2045, 1, 1))
    warmed.business_time_between(utc(2045, 1, 1), utc(2064, 1, 1))
    for calendar in (fresh(), warmed):
        with pytest.raises(CalendarError, match=f"at most {REACH_YEARS} years"):
            calendar.add_business_time(start, work)
