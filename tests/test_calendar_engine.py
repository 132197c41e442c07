"""The integer-time engine: its assumptions, conversions, caches and limits."""

from __future__ import annotations

import itertools
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import BusinessCalendar, CalendarError
from csroles.sla import _engine
from csroles.sla._engine import MAX_US, MIN_US, to_us

ROME = zoneinfo.ZoneInfo("Europe/Rome")
H = timedelta(hours=1)
ZERO = timedelta(0)


def rome(  # noqa: PLR0917 (datetime's own positional fields)
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=ROME)


def utc(  # noqa: PLR0917 (datetime's own positional fields)
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)


# ------------------------------------------------------------------ the tz database


def _offset_changes(zone: str) -> list[int]:
    """Every UTC-offset change of a zone since 1900 that its TZif data lists.

    Uses the pure-Python zoneinfo, whose transition table is inspectable, and
    expands the zone's closing rule over 2000-2100.
    """
    from zoneinfo import _zoneinfo  # type: ignore[attr-defined]

    info = _zoneinfo.ZoneInfo.no_cache(zone)
    reference = zoneinfo.ZoneInfo(zone)
    candidates = [t for t in info._trans_utc if t > -2_208_988_800]
    rule = info._tz_after
    if isinstance(rule, _zoneinfo._TZStr):
        last = info._trans_utc[-1] if info._trans_utc else -2_208_988_800
        for year in range(2000, 2101):
            for local in rule.transitions(year):
                for offset in (rule.std.utcoff, rule.dst.utcoff):
                    moment = int(local - offset.total_seconds())
                    if moment > last:
                        candidates.append(moment)

    def offset_at(ts: int) -> timedelta | None:
        return datetime.fromtimestamp(ts, UTC).astimezone(reference).utcoffset()

    return [t for t in sorted(set(candidates)) if offset_at(t - 1) != offset_at(t)]


def test_no_zone_changes_its_offset_twice_within_the_sampling_step() -> None:
    # The engine finds offset changes by sampling every _STEP: this holds only if
    # no two changes of a zone are closer than that (the closest since 1900 are
    # about four days apart: Freetown in 1939).
    step = _engine._STEP // _engine.US
    closest = min(
        (b - a, zone)
        for zone in sorted(zoneinfo.available_timezones())
        for a, b in itertools.pairwise(_offset_changes(zone))
    )
    assert closest[0] > step, closest


def test_offset_change_windows_cover_every_change() -> None:
    for zone in ["Europe/Rome", "Pacific/Apia", "America/Havana", "Africa/Casablanca"]:
        for year in (2011, 2014, 2026):
            lo = to_us(utc(year, 1, 1))
            hi = to_us(utc(year + 1, 1, 1))
            windows = _engine._offset_changes(zone, year)
            for change in _offset_changes(zone):
                us = change * _engine.US
                if lo <= us < hi:
                    assert any(
                        w_lo + _engine._MARGIN <= us <= w_hi - _engine._MARGIN
                        for w_lo, w_hi in windows
                    )


# ------------------------------------------------------------------ conversions


@given(st.integers(MIN_US, MAX_US - 1))
def test_from_us_is_exact(us: int) -> None:
    engine = BusinessCalendar.always_open("Europe/Rome")._engine
    moment = engine.from_us(us)
    assert to_us(moment) == us
    # A fixed offset, the one Rome has at that instant, and Rome's wall time.
    assert type(moment.tzinfo) is timezone
    local = engine.local(us)
    assert local.tzinfo is ROME
    assert to_us(local) == us
    assert moment.utcoffset() == local.utcoffset()
    assert moment.replace(tzinfo=None) == local.replace(tzinfo=None)


@pytest.mark.parametrize("us", [2**51 - 1, 2**51, -(2**51) + 1, -(2**51), MIN_US, MAX_US - 1])
def test_from_us_at_the_float_boundary(us: int) -> None:
    engine = BusinessCalendar.always_open("Australia/Lord_Howe")._engine
    assert to_us(engine.from_us(us)) == us


# ------------------------------------------------------------------ calendars that are rarely open

EVENT_DAY = BusinessCalendar(
    timezone="Europe/Rome", hours={}, special_hours={date(2026, 6, 6): [(time(10), time(12))]}
)


def test_a_calendar_open_on_special_dates_only() -> None:
    assert EVENT_DAY.add_business_time(rome(2020, 1, 1), H) == rome(2026, 6, 6, 11)
    assert EVENT_DAY.subtract_business_time(rome(2031, 1, 1), H) == rome(2026, 6, 6, 11)
    assert EVENT_DAY.business_time_between(rome(2020, 1, 1), rome(2031, 1, 1)) == 2 * H
    assert EVENT_DAY.next_opening(rome(2026, 1, 1)) == rome(2026, 6, 6, 10)
    assert EVENT_DAY.subtract_business_time(rome(2027, 1, 1), ZERO) == rome(2026, 6, 6, 12)
    assert not EVENT_DAY.is_open(rome(2026, 6, 6, 12))


def test_no_open_time_after_or_before_the_special_dates() -> None:
    with pytest.raises(CalendarError, match="no open time after"):
        EVENT_DAY.add_business_time(rome(2026, 6, 6, 11), 2 * H)
    with pytest.raises(CalendarError, match="no open time after"):
        EVENT_DAY.next_opening(rome(2026, 6, 7))
    with pytest.raises(CalendarError, match="no open time before"):
        EVENT_DAY.subtract_business_time(rome(2026, 6, 6, 11), 2 * H)
    with pytest.raises(CalendarError, match="no open time before"):
        EVENT_DAY.subtract_business_time(rome(2026, 6, 1), ZERO)
    assert list(EVENT_DAY.open_periods(rome(2026, 6, 7), rome(2027, 6, 7))) == []


def test_searches_stop_at_the_end_of_the_supported_range() -> None:
    mondays = BusinessCalendar(timezone="UTC", hours={0: [(time(9), time(17))]})
    # 31 December 9998 is a Thursday: the next Monday lies beyond 9998.
    with pytest.raises(CalendarError, match="reaches 9999-01-01"):
        mondays.next_opening(utc(9998, 12, 31, 12))
    # 7 January 2 is the first Monday of the year 2: nothing before it.
    assert date(2, 1, 7).weekday() == 0
    with pytest.raises(CalendarError, match="reaches 0001-"):
        mondays.subtract_business_time(utc(2, 1, 7, 8), ZERO)
    assert mondays.subtract_business_time(utc(2, 1, 7, 10), H) == utc(2, 1, 7, 9)


# ------------------------------------------------------------------ calendars that rarely close


def test_a_calendar_of_overlapping_shifts_may_never_close() -> None:
    around = BusinessCalendar(
        timezone="UTC", hours={day: [(time(0), time(13)), (time(12), time(0))] for day in range(7)}
    )
    start = utc(2026, 6, 1)
    with pytest.raises(CalendarError, match="does not close within 800 days"):
        around.next_closing(start)
    assert list(around.open_periods(start, utc(2026, 7, 1))) == [(start, utc(2026, 7, 1))]
    assert around.add_business_time(start, 100 * H) == start + 100 * H
    # A holiday makes it close: Tuesday's shifts are gone, Monday's runs to 00:00.
    closing = BusinessCalendar(
        timezone="UTC", hours=dict(around.hours), holidays={date(2027, 3, 2)}
    ).next_closing(start)
    assert closing == utc(2027, 3, 2)


def test_a_run_across_the_week_boundary() -> None:
    # Sunday 22:00 to Monday 06:00, then Monday 06:00 to 09:00: one period.
    desk = BusinessCalendar(
        timezone="Europe/Rome", hours={6: [(time(22), time(6))], 0: [(time(6), time(9))]}
    )
    assert desk.next_closing(rome(2026, 6, 7, 23)) == rome(2026, 6, 8, 9)
    assert list(desk.open_periods(rome(2026, 6, 7), rome(2026, 6, 9))) == [
        (rome(2026, 6, 7, 22), rome(2026, 6, 8, 9))
    ]
    assert desk.subtract_business_time(rome(2026, 6, 10), ZERO) == rome(2026, 6, 8, 9)


def test_a_closure_during_a_dst_change_and_a_holiday() -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome",
        hours={day: [(time(0), time(0))] for day in range(7)},
        holidays={date(2026, 10, 27)},
        closures=[(rome(2026, 10, 24, 20), rome(2026, 10, 25, 10))],
    )
    # Open around the clock but for the closure (15 h: the night is 25 h long) and
    # the holiday (Tuesday 27 October, 24 h).
    week = (rome(2026, 10, 24), rome(2026, 10, 31))
    assert desk.business_time_between(*week) == 7 * 24 * H + H - 15 * H - 24 * H
    assert desk.next_closing(rome(2026, 10, 24, 12)) == rome(2026, 10, 24, 20)
    assert desk.next_opening(rome(2026, 10, 24, 20)) == rome(2026, 10, 25, 10)
    assert desk.next_closing(rome(2026, 10, 25, 10)) == rome(2026, 10, 27)


# ------------------------------------------------------------------ the index


def test_far_apart_queries_agree_with_fresh_calendars() -> None:
    def desk() -> BusinessCalendar:
        return BusinessCalendar(
            timezone="America/New_York",
            hours={day: [(time(9), time(17))] for day in range(5)},
            holidays={date(2026, 7, 3), date(2400, 7, 4)},
        )

    shared = desk()
    starts = [utc(2026, 6, 30, 15), utc(2400, 7, 3, 15), utc(2026, 6, 30, 15), utc(2030, 1, 1)]
    for start in starts:
        for hours in (1, 40, 2000):
            expected = desk().add_business_time(start, hours * H)
            assert shared.add_business_time(start, hours * H) == expected
            latest = desk().subtract_business_time(expected, hours * H)
            assert shared.subtract_business_time(expected, hours * H) == latest
    span = shared.business_time_between(utc(2026, 1, 1), utc(2046, 1, 1))
    halves = shared.business_time_between(
        utc(2026, 1, 1), utc(2036, 1, 1)
    ) + shared.business_time_between(utc(2036, 1, 1), utc(2046, 1, 1))
    assert span == halves
    # Farther apart than the engine's reach: refused, whatever the index holds.
    with pytest.raises(CalendarError, match="at most 20 years"):
        shared.business_time_between(utc(2026, 1, 1), utc(2400, 1, 1))


def test_long_durations_cross_years_in_both_directions() -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome", hours={day: [(time(9), time(17))] for day in range(5)}
    )
    start = rome(2026, 6, 1, 9)
    far = desk.add_business_time(start, 5000 * H)
    steps = start
    for _ in range(10):
        steps = desk.add_business_time(steps, 500 * H)
    assert far == steps
    assert desk.business_time_between(start, far) == 5000 * H
    assert desk.subtract_business_time(far, 5000 * H) == start
    back = desk.subtract_business_time(rome(2026, 6, 1, 9), 5000 * H)
    assert desk.business_time_between(back, rome(2026, 6, 1, 9)) == 5000 * H


def test_integer_entry_points() -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome", hours={day: [(time(9), time(17))] for day in range(5)}
    )
    start = to_us(rome(2026, 6, 1, 9))
    hour = 3600 * 10**6
    assert desk._add_us(start, 8 * hour) == to_us(rome(2026, 6, 1, 17))
    assert desk._between_us(start, start + 24 * hour) == 8 * hour
    assert desk._is_open_us(start)
    assert desk._from_us(start) == rome(2026, 6, 1, 9)


def test_a_calendar_with_little_open_time_reaches_far() -> None:
    # One microsecond a week: a thousand microseconds take a thousand Mondays.
    blink = BusinessCalendar(timezone="Europe/Rome", hours={0: [(time(12), time(12, 0, 0, 1))]})
    start = rome(2026, 6, 1, 13)  # a Monday, after that week's microsecond
    first_monday = date(2026, 6, 8)
    expected = datetime.combine(first_monday + timedelta(weeks=999), time(12, 0, 0, 1), ROME)
    assert blink.add_business_time(start, timedelta(microseconds=1000)) == expected
    back = blink.subtract_business_time(start, timedelta(microseconds=1000))
    assert back == datetime.combine(date(2026, 6, 1) - timedelta(weeks=999), time(12), ROME)


def test_with_timezone_keeps_a_bounded_number_of_variants(monkeypatch: pytest.MonkeyPatch) -> None:
    from csroles.sla import calendar as module

    monkeypatch.setattr(module, "_MAX_VARIANTS", 1)
    desk = BusinessCalendar(timezone="UTC", hours={0: [(time(9), time(17))]})
    tokyo = desk.with_timezone("Asia/Tokyo")
    assert desk.with_timezone("Asia/Tokyo") is tokyo
    lima = desk.with_timezone("America/Lima")
    assert desk.with_timezone("America/Lima") == lima
    assert desk.with_timezone("America/Lima") is not lima
