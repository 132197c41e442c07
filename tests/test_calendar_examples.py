"""Worked examples of the calendar semantics, each computed by hand in its comment."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pendulum
import pytest

from csroles import BusinessCalendar, CalendarError

ROME = ZoneInfo("Europe/Rome")
NEW_YORK = ZoneInfo("America/New_York")
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


def same(a: datetime, b: datetime) -> bool:
    """The same instant (Python never finds a fold=1 wall time equal across zones)."""
    return a.astimezone(UTC) == b.astimezone(UTC)


WEEKDAYS_9_17 = {day: ((time(9), time(17)),) for day in range(5)}
DESK = BusinessCalendar(timezone="Europe/Rome", hours=WEEKDAYS_9_17)


# ------------------------------------------------------------------ deadlines


def test_a_deadline_lands_on_closing_time() -> None:
    # Monday 1 June 2026, 09:00 + 8 h of a 09:00-17:00 day is 17:00 the same day.
    assert DESK.add_business_time(rome(2026, 6, 1, 9), 8 * H) == rome(2026, 6, 1, 17)
    assert DESK.add_business_time(rome(2026, 6, 1, 13), 4 * H) == rome(2026, 6, 1, 17)
    # One microsecond more is the next morning.
    later = DESK.add_business_time(rome(2026, 6, 1, 13), 4 * H + timedelta(microseconds=1))
    assert later == rome(2026, 6, 2, 9, 0, 0, 1)


def test_a_deadline_skips_nights_and_weekends() -> None:
    # Friday 5 June 16:00 + 2 h: 1 h on Friday, 1 h on Monday 8 June.
    assert DESK.add_business_time(rome(2026, 6, 5, 16), 2 * H) == rome(2026, 6, 8, 10)
    # From Saturday, the clock starts on Monday at 09:00.
    assert DESK.add_business_time(rome(2026, 6, 6, 12), 3 * H) == rome(2026, 6, 8, 12)


def test_zero_duration_is_the_first_open_instant() -> None:
    assert DESK.add_business_time(rome(2026, 6, 1, 10), ZERO) == rome(2026, 6, 1, 10)
    assert DESK.add_business_time(rome(2026, 6, 1, 17), ZERO) == rome(2026, 6, 2, 9)
    assert DESK.add_business_time(rome(2026, 6, 6, 12), ZERO) == rome(2026, 6, 8, 9)


def test_results_are_in_the_calendars_zone_from_any_aware_input() -> None:
    tokyo = datetime(2026, 6, 1, 16, tzinfo=ZoneInfo("Asia/Tokyo"))  # 09:00 in Rome
    fixed = datetime(2026, 6, 1, 9, tzinfo=timezone(timedelta(hours=2)))
    for start in (tokyo, fixed, pendulum.datetime(2026, 6, 1, 7, tz="UTC")):
        deadline = DESK.add_business_time(start, pendulum.duration(hours=2))
        assert deadline == rome(2026, 6, 1, 11)
        # Rome's wall time with its offset in June, fixed; local() puts the zone back.
        assert deadline.tzinfo == timezone(2 * H)
        assert DESK.local(deadline).tzinfo is ROME
        assert DESK.local(deadline) == deadline
        assert type(deadline) is datetime
        assert DESK.add_business_time(start, 2 * H) == deadline


def test_microseconds_are_exact() -> None:
    start = rome(2026, 6, 1, 9, 0, 0, 1)
    step = timedelta(microseconds=7)
    assert DESK.add_business_time(start, step) == rome(2026, 6, 1, 9, 0, 0, 8)
    assert DESK.business_time_between(start, rome(2026, 6, 2, 9, 0, 0, 2)) == 8 * H + timedelta(
        microseconds=1
    )


# ------------------------------------------------------------------ subtracting


def test_subtract_is_the_latest_start_that_meets_the_end() -> None:
    # To be done by Monday 8 June 10:00 with 2 h of work, start by Friday 16:00.
    start = DESK.subtract_business_time(rome(2026, 6, 8, 10), 2 * H)
    assert start == rome(2026, 6, 5, 16)
    assert DESK.add_business_time(start, 2 * H) == rome(2026, 6, 8, 10)
    # An end at closing time: the full day before it.
    assert DESK.subtract_business_time(rome(2026, 6, 1, 17), 8 * H) == rome(2026, 6, 1, 9)
    # An end in the night: the latest start is on the previous afternoon.
    assert DESK.subtract_business_time(rome(2026, 6, 2, 3), H) == rome(2026, 6, 1, 16)


def test_subtracting_zero_is_the_last_open_instant() -> None:
    assert DESK.subtract_business_time(rome(2026, 6, 1, 10), ZERO) == rome(2026, 6, 1, 10)
    assert DESK.subtract_business_time(rome(2026, 6, 1, 17), ZERO) == rome(2026, 6, 1, 17)
    assert DESK.subtract_business_time(rome(2026, 6, 2, 3), ZERO) == rome(2026, 6, 1, 17)
    assert DESK.subtract_business_time(rome(2026, 6, 8, 9), ZERO) == rome(2026, 6, 8, 9)
    assert DESK.subtract_business_time(rome(2026, 6, 7, 9), ZERO) == rome(2026, 6, 5, 17)


# ------------------------------------------------------------------ open and closed


def test_intervals_are_half_open() -> None:
    assert DESK.is_open(rome(2026, 6, 1, 9))
    assert DESK.is_open(rome(2026, 6, 1, 16, 59, 59, 999_999))
    assert not DESK.is_open(rome(2026, 6, 1, 17))
    assert not DESK.is_open(rome(2026, 6, 1, 8, 59, 59, 999_999))


def test_next_opening_and_closing() -> None:
    assert DESK.next_opening(rome(2026, 6, 1, 10)) == rome(2026, 6, 1, 10)
    assert DESK.next_opening(rome(2026, 6, 1, 17)) == rome(2026, 6, 2, 9)
    assert DESK.next_opening(rome(2026, 6, 5, 18)) == rome(2026, 6, 8, 9)
    assert DESK.next_closing(rome(2026, 6, 1, 9)) == rome(2026, 6, 1, 17)
    assert DESK.next_closing(rome(2026, 6, 1, 17)) == rome(2026, 6, 1, 17)
    assert DESK.next_closing(rome(2026, 6, 1, 20)) == rome(2026, 6, 1, 20)


def test_overlapping_and_touching_shifts_form_one_period() -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome",
        hours={0: ((time(9), time(13)), (time(12), time(15)), (time(15), time(17)))},
    )
    monday = rome(2026, 6, 1)
    assert desk.business_time_between(monday, monday + timedelta(days=1)) == 8 * H
    assert list(desk.open_periods(monday, monday + timedelta(days=1))) == [
        (rome(2026, 6, 1, 9), rome(2026, 6, 1, 17))
    ]
    assert desk.next_closing(rome(2026, 6, 1, 12, 30)) == rome(2026, 6, 1, 17)


def test_open_periods_are_clipped_and_add_up() -> None:
    periods = list(DESK.open_periods(rome(2026, 6, 1, 12), rome(2026, 6, 3, 10)))
    assert periods == [
        (rome(2026, 6, 1, 12), rome(2026, 6, 1, 17)),
        (rome(2026, 6, 2, 9), rome(2026, 6, 2, 17)),
        (rome(2026, 6, 3, 9), rome(2026, 6, 3, 10)),
    ]
    assert sum((b - a for a, b in periods), ZERO) == DESK.business_time_between(
        rome(2026, 6, 1, 12), rome(2026, 6, 3, 10)
    )
    assert list(DESK.open_periods(rome(2026, 6, 3), rome(2026, 6, 1))) == []


# ------------------------------------------------------------------ night shifts and DST


NIGHTS_NY = BusinessCalendar(
    timezone="America/New_York", hours={day: ((time(22), time(6)),) for day in range(7)}
)


def test_a_night_shift_across_the_fall_back_night_lasts_nine_hours() -> None:
    # Saturday 31 Oct 2026 22:00 EDT (02:00Z) to Sunday 1 Nov 06:00 EST (11:00Z).
    start = datetime(2026, 10, 31, 22, tzinfo=NEW_YORK)
    end = datetime(2026, 11, 1, 6, tzinfo=NEW_YORK)
    assert NIGHTS_NY.business_time_between(start, end) == 9 * H
    # 8 h of work from 22:00 EDT ends at 05:00 EST (the clock went back at 02:00).
    assert NIGHTS_NY.add_business_time(start, 8 * H) == datetime(2026, 11, 1, 5, tzinfo=NEW_YORK)
    assert list(NIGHTS_NY.open_periods(start, end)) == [(start, end)]


def test_a_night_shift_across_the_spring_forward_night_lasts_seven_hours() -> None:
    # Saturday 7 Mar 2026 22:00 EST (03:00Z) to Sunday 8 Mar 06:00 EDT (10:00Z).
    start = datetime(2026, 3, 7, 22, tzinfo=NEW_YORK)
    assert NIGHTS_NY.business_time_between(start, start + timedelta(hours=12)) == 7 * H


def test_a_whole_day_lasts_23_or_25_hours_across_dst_changes() -> None:
    sundays = BusinessCalendar(timezone="Europe/Rome", hours={6: ((time(0), time(0)),)})
    # Sunday 29 March 2026: 00:00 CET (23:00Z) to Monday 00:00 CEST (22:00Z).
    assert sundays.business_time_between(rome(2026, 3, 29), rome(2026, 3, 30)) == 23 * H
    # Sunday 25 October 2026: 00:00 CEST (22:00Z on the 24th) to Monday 00:00 CET (23:00Z).
    assert sundays.business_time_between(rome(2026, 10, 25), rome(2026, 10, 26)) == 25 * H
    always = BusinessCalendar.always_open("Europe/Rome")
    assert always.add_business_time(rome(2026, 3, 29), 24 * H) == rome(2026, 3, 30, 1)


def test_a_wall_time_in_a_gap_takes_the_offset_before_it() -> None:
    # 29 March 2026 in Rome: 02:00-03:00 does not exist. 02:30 is read with CET
    # (+01:00): 01:30Z, which is 03:30 CEST.
    early = BusinessCalendar(timezone="Europe/Rome", hours={6: ((time(2, 30), time(4)),)})
    assert early.next_opening(rome(2026, 3, 29)) == utc(2026, 3, 29, 1, 30)
    assert early.business_time_between(rome(2026, 3, 29), rome(2026, 3, 30)) == timedelta(
        minutes=30
    )
    # (02:30, 03:00) runs from 01:30Z to 01:00Z: empty that day, 30 minutes on others.
    empty = BusinessCalendar(timezone="Europe/Rome", hours={6: ((time(2, 30), time(3)),)})
    assert empty.business_time_between(rome(2026, 3, 29), rome(2026, 3, 30)) == ZERO
    assert empty.business_time_between(rome(2026, 3, 22), rome(2026, 3, 23)) == timedelta(
        minutes=30
    )


def test_a_repeated_wall_time_is_its_first_occurrence() -> None:
    # 25 October 2026 in Rome: 02:00-03:00 happens twice. 02:30 is the first one
    # (CEST, 00:30Z); 05:00 CET is 04:00Z: 3.5 h of open time.
    shift = BusinessCalendar(timezone="Europe/Rome", hours={6: ((time(2, 30), time(5)),)})
    assert same(shift.next_opening(rome(2026, 10, 25)), utc(2026, 10, 25, 0, 30))
    assert shift.business_time_between(rome(2026, 10, 25), rome(2026, 10, 26)) == 3.5 * H


def test_a_holiday_removes_its_own_shifts_not_the_night_before() -> None:
    nights = BusinessCalendar(
        timezone="Europe/Rome",
        hours={day: ((time(22), time(6)),) for day in range(5)},
        holidays={date(2026, 6, 2)},  # a Tuesday
    )
    # Monday's shift still runs into the holiday; Tuesday's own shift does not run.
    assert nights.is_open(rome(2026, 6, 2, 5))
    assert not nights.is_open(rome(2026, 6, 2, 23))
    assert nights.next_opening(rome(2026, 6, 2, 6)) == rome(2026, 6, 3, 22)
    # Monday night 8 h + Wednesday night until Thursday 00:00, 2 h.
    assert nights.business_time_between(rome(2026, 6, 1), rome(2026, 6, 4)) == 10 * H
    assert nights.shifts_on(date(2026, 6, 2)) == ()


def test_midnight_changes_in_havana() -> None:
    # Havana springs forward at 00:00 on Sunday 8 March 2026: a 00:00-08:00 shift
    # starts at 00:00 CST (05:00Z, shown as 01:00 CDT) and lasts 7 h. On Sunday
    # 1 November 00:00-01:00 repeats: the shift starts at the first 00:00 and lasts 9 h.
    havana = BusinessCalendar(timezone="America/Havana", hours={6: ((time(0), time(8)),)})
    march = list(havana.open_periods(utc(2026, 3, 8), utc(2026, 3, 9)))
    assert march == [(utc(2026, 3, 8, 5), utc(2026, 3, 8, 12))]
    [(opening, closing)] = havana.open_periods(utc(2026, 11, 1), utc(2026, 11, 2))
    assert same(opening, utc(2026, 11, 1, 4))
    assert same(closing, utc(2026, 11, 1, 13))


def test_lord_howe_springs_forward_by_half_an_hour() -> None:
    # Sunday 4 October 2026: 00:00 +10:30 (13:30Z on the 3rd) to 00:00 +11:00
    # on the 5th (13:00Z on the 4th): 23.5 h.
    sundays = BusinessCalendar(timezone="Australia/Lord_Howe", hours={6: ((time(0), time(0)),)})
    howe = ZoneInfo("Australia/Lord_Howe")
    day = datetime(2026, 10, 4, tzinfo=howe)
    assert sundays.business_time_between(day, day + timedelta(days=1)) == 23.5 * H


def test_apias_skipped_day_moves_a_shift_to_the_next_day() -> None:
    # Apia went from 29 December 2011 24:00 (-10:00) to 31 December 00:00 (+14:00).
    # A Friday 09:00-17:00 shift on 30 December is read with -10:00, the offset
    # before the gap: 19:00Z to 03:00Z, which is Saturday 09:00-17:00 local.
    apia = ZoneInfo("Pacific/Apia")
    fridays = BusinessCalendar(timezone="Pacific/Apia", hours={4: ((time(9), time(17)),)})
    periods = list(
        fridays.open_periods(datetime(2011, 12, 26, tzinfo=apia), datetime(2012, 1, 2, tzinfo=apia))
    )
    assert periods == [(utc(2011, 12, 30, 19), utc(2011, 12, 31, 3))]
    always = BusinessCalendar.always_open("Pacific/Apia")
    span = (datetime(2011, 12, 29, tzinfo=apia), datetime(2012, 1, 1, tzinfo=apia))
    assert always.business_time_between(*span) == 48 * H


def test_moscows_2014_change_in_a_night_shift() -> None:
    # 26 October 2014, 02:00 MSK (+04:00) became 01:00 (+03:00): the night of
    # Saturday 25 October 22:00 (18:00Z) to Sunday 06:00 (03:00Z) lasts 9 h.
    moscow = ZoneInfo("Europe/Moscow")
    nights = BusinessCalendar(timezone="Europe/Moscow", hours={5: ((time(22), time(6)),)})
    start = datetime(2014, 10, 25, 22, tzinfo=moscow)
    assert nights.business_time_between(start, start + timedelta(days=1)) == 9 * H


def test_kathmandu_quarter_hour_offset() -> None:
    desk = BusinessCalendar(timezone="Asia/Kathmandu", hours=WEEKDAYS_9_17)
    assert desk.next_opening(utc(2026, 6, 1)) == utc(2026, 6, 1, 3, 15)


# ------------------------------------------------------------------ exceptions


def test_special_hours_replace_a_weekdays_shifts() -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome",
        hours={day: ((time(9), time(13)), (time(14), time(18))) for day in range(5)},
        holidays={date(2026, 12, 25)},
        special_hours={date(2026, 12, 24): ((time(9), time(12)),)},
    )
    # Thursday 24 December closes at 12:00; Friday 25 is a holiday; Monday 28 at 09:00.
    assert desk.add_business_time(rome(2026, 12, 24, 11), 2 * H) == rome(2026, 12, 28, 10)
    assert desk.shifts_on(date(2026, 12, 24)) == ((time(9), time(12)),)


def test_special_hours_can_open_a_weekend_day_or_close_a_weekday() -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome",
        hours=WEEKDAYS_9_17,
        special_hours={date(2026, 6, 6): [(time(10), time(12))], date(2026, 6, 8): []},
    )
    assert desk.add_business_time(rome(2026, 6, 5, 16), 2 * H) == rome(2026, 6, 6, 11)
    assert desk.next_opening(rome(2026, 6, 6, 12)) == rome(2026, 6, 9, 9)


def test_a_holiday_wins_over_special_hours() -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome",
        hours=WEEKDAYS_9_17,
        holidays={date(2026, 6, 6)},
        special_hours={date(2026, 6, 6): [(time(10), time(12))]},
    )
    assert desk.next_opening(rome(2026, 6, 5, 17)) == rome(2026, 6, 8, 9)


def test_closures_cut_open_time() -> None:
    # An outage on Monday 1 June from 10:00 to 12:00 Rome time, given in UTC.
    desk = BusinessCalendar(
        timezone="Europe/Rome",
        hours=WEEKDAYS_9_17,
        closures=[(utc(2026, 6, 1, 8), utc(2026, 6, 1, 10))],
    )
    assert desk.business_time_between(rome(2026, 6, 1), rome(2026, 6, 2)) == 6 * H
    assert desk.add_business_time(rome(2026, 6, 1, 9), 2 * H) == rome(2026, 6, 1, 13)
    assert desk.next_closing(rome(2026, 6, 1, 9, 30)) == rome(2026, 6, 1, 10)
    assert desk.next_opening(rome(2026, 6, 1, 10)) == rome(2026, 6, 1, 12)
    assert desk.closures == ((utc(2026, 6, 1, 8), utc(2026, 6, 1, 10)),)


def test_a_closure_over_several_weeks() -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome",
        hours=WEEKDAYS_9_17,
        closures=[(rome(2026, 7, 27), rome(2026, 8, 24))],
    )
    assert desk.next_opening(rome(2026, 7, 24, 17)) == rome(2026, 8, 24, 9)
    assert desk.add_business_time(rome(2026, 7, 24, 16), 2 * H) == rome(2026, 8, 24, 10)
    assert desk.subtract_business_time(rome(2026, 8, 24, 10), 2 * H) == rome(2026, 7, 24, 16)


# ------------------------------------------------------------------ the value


def test_always_open() -> None:
    always = BusinessCalendar.always_open()
    start = datetime(2026, 3, 8, 1, tzinfo=NEW_YORK)
    assert always.add_business_time(start, 5 * H) == utc(2026, 3, 8, 11)
    assert always.business_time_between(start, start.astimezone(UTC) + 30 * H) == 30 * H
    assert always.subtract_business_time(utc(2026, 3, 8, 11), 5 * H) == start
    assert always.is_open(start)
    assert always.next_opening(start) == start
    later = utc(2026, 3, 8, 7)  # one hour after 01:00 EST, across the gap
    assert list(always.open_periods(start, later)) == [(start, later)]
    with pytest.raises(CalendarError, match="never closes"):
        always.next_closing(start)
    assert always.timezone == "UTC"
    assert BusinessCalendar.always_open("Asia/Tokyo").timezone == "Asia/Tokyo"


def test_with_timezone_reads_the_same_hours_elsewhere() -> None:
    tokyo = DESK.with_timezone("Asia/Tokyo")
    assert tokyo.hours == DESK.hours
    # The same zone gives the same calendar back, with the work it has done.
    assert DESK.with_timezone("Asia/Tokyo") is tokyo
    assert DESK.with_timezone("Europe/Rome") is DESK
    assert tokyo.next_opening(utc(2026, 6, 1)) == utc(2026, 6, 1)  # 09:00 in Tokyo
    assert tokyo.add_business_time(utc(2026, 6, 1), 8 * H) == utc(2026, 6, 1, 8)


def test_calendars_are_values() -> None:
    a = BusinessCalendar(
        timezone="Europe/Rome",
        hours={0: [(time(14), time(18)), (time(9), time(13))], 5: []},
        holidays=[date(2026, 12, 25), date(2026, 12, 25)],
        special_hours={date(2026, 12, 24): [(time(9), time(12))]},
    )
    b = BusinessCalendar(
        timezone="Europe/Rome",
        hours={0: ((time(9), time(13)), (time(14), time(18)))},
        holidays=frozenset({date(2026, 12, 25)}),
        special_hours=((date(2026, 12, 24), ((time(9), time(12)),)),),
    )
    assert a == b
    assert hash(a) == hash(b)
    assert a.hours == ((0, ((time(9), time(13)), (time(14), time(18)))),)
    assert attrs.evolve(a) == a
    assert attrs.evolve(a, timezone="UTC") != a
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.timezone = "UTC"  # type: ignore[misc]
    assert "Europe/Rome" in repr(a)
    assert len({a, b, DESK}) == 2


def test_shifts_on_applies_the_exceptions() -> None:
    assert DESK.shifts_on(date(2026, 6, 1)) == ((time(9), time(17)),)
    assert DESK.shifts_on(date(2026, 6, 6)) == ()
