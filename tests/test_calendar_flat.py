"""The engine's flat form (its hot path) against its blocks (the general path).

Each year's blocks are also kept as a flat list of open intervals; the hot
paths of ``add_business_time``, ``business_time_between`` and the integer entry
points read ``C`` from it. A calendar whose flat form is switched off
(``FLAT_LIMIT`` of 0) answers through its blocks only: both must agree to the
microsecond and in the form of their results, and the model of
``test_calendar_oracle`` checks the blocks.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import BusinessCalendar, CalendarError
from csroles.sla import _engine
from tests.test_calendar_oracle import Spec, cases, durations

H = timedelta(hours=1)
NEW_YORK = ZoneInfo("America/New_York")


def _blocks_only(spec: Spec) -> BusinessCalendar:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_engine, "FLAT_LIMIT", 0)
        calendar = spec.calendar()
        # Build the index around the start now, while no chunk may keep a flat form.
        calendar.business_time_between(
            datetime(2010, 1, 1, tzinfo=UTC), datetime(2030, 1, 1, tzinfo=UTC)
        )
    return calendar


def _same(got: datetime, expected: datetime) -> None:
    """The same instant, wall time and fixed offset."""
    assert type(got.tzinfo) is timezone
    assert got.tzinfo == expected.tzinfo
    assert got.replace(tzinfo=None) == expected.replace(tzinfo=None)


@given(cases(), durations, st.timedeltas(-timedelta(days=1), timedelta(days=60)))
def test_the_flat_form_answers_as_the_blocks(
    case: tuple[Spec, datetime], duration: timedelta, span: timedelta
) -> None:
    spec, start = case
    blocks = _blocks_only(spec)
    assert not blocks._engine._index.flat  # type: ignore[union-attr]
    flat = spec.calendar()
    # The first call builds the index (the general path), the second reads its flat form.
    flat.business_time_between(start, start + 400 * H)
    assert flat._engine._index.flat  # type: ignore[union-attr]
    end = (start.astimezone(UTC) + span).astimezone(start.tzinfo)
    assert flat.business_time_between(start, end) == blocks.business_time_between(start, end)
    try:
        expected = blocks.add_business_time(start, duration)
    except CalendarError:  # beyond the reach of a query (a calendar open a few minutes a week)
        with pytest.raises(CalendarError):
            flat.add_business_time(start, duration)
        return
    _same(flat.add_business_time(start, duration), expected)
    _same(flat.add_business_time(start, duration), expected)
    a, d = _engine.to_us(start), duration // _engine.ONE_US
    assert flat._add_us(a, d) == blocks._add_us(a, d)
    b = _engine.to_us(end)
    assert flat._between_us(a, b) == blocks._between_us(a, b)


def _desk(**extra: object) -> BusinessCalendar:
    return BusinessCalendar(
        timezone="America/New_York",
        hours={day: ((time(9), time(17)),) for day in range(5)},
        **extra,  # type: ignore[arg-type]
    )


def test_a_plain_calendar_keeps_a_flat_form_with_fixed_offsets() -> None:
    desk = _desk()
    start = datetime(2026, 6, 1, 9, tzinfo=NEW_YORK)  # a Monday, UTC-4
    assert desk.add_business_time(start, 8 * H) == datetime(2026, 6, 1, 17, tzinfo=NEW_YORK)
    index = desk._engine._index
    assert index is not None
    assert index.flat
    # Monday to Friday 09:00-17:00 over 2026: 261 weekdays, after the empty first interval.
    assert len(index.flat_starts) == 262
    assert index.flat_cums[-1] - index.flat_cums[0] == 261 * 8 * 3600 * 10**6
    summer = desk.add_business_time(start, 12 * H)  # Tuesday 13:00, the hot path
    assert summer.tzinfo == timezone(timedelta(hours=-4))
    assert summer.replace(tzinfo=None) == datetime(2026, 6, 2, 13)
    winter = desk.add_business_time(datetime(2026, 12, 1, 16, tzinfo=NEW_YORK), 2 * H)
    assert winter.tzinfo == timezone(timedelta(hours=-5))
    assert winter.replace(tzinfo=None) == datetime(2026, 12, 2, 10)


def test_a_deadline_across_a_change_of_offset_has_the_new_offset() -> None:
    # Clocks go back on Sunday 2026-11-01: a Friday 16:00 start with 2 hours is
    # due on Monday 10:00, in UTC-5.
    desk = _desk()
    desk.business_time_between(datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC))
    got = desk.add_business_time(datetime(2026, 10, 30, 16, tzinfo=NEW_YORK), 2 * H)
    _same(got, datetime(2026, 11, 2, 10, tzinfo=timezone(timedelta(hours=-5))))
    span = desk.business_time_between(
        datetime(2026, 10, 30, 16, tzinfo=NEW_YORK), datetime(2026, 11, 2, 10, tzinfo=NEW_YORK)
    )
    assert span == 2 * H


def test_a_calendar_with_many_shifts_answers_through_its_blocks() -> None:
    # Twelve 20-minute shifts a day, every day: 84 a week, over FLAT_LIMIT a year.
    shifts = tuple((time(h, 0), time(h, 20)) for h in range(8, 20))
    busy = BusinessCalendar(timezone="Europe/Rome", hours=dict.fromkeys(range(7), shifts))
    rome = ZoneInfo("Europe/Rome")
    start = datetime(2026, 6, 1, 8, 10, tzinfo=rome)
    # 10 minutes to 08:20, then 09:00-09:20 and 10:00-10:20: 50 minutes end at 10:20.
    assert busy.add_business_time(start, timedelta(minutes=50)) == datetime(
        2026, 6, 1, 10, 20, tzinfo=rome
    )
    assert busy._engine._index is not None
    assert not busy._engine._index.flat
    again = busy.add_business_time(start, timedelta(minutes=50))
    _same(again, datetime(2026, 6, 1, 10, 20, tzinfo=timezone(timedelta(hours=2))))
    assert busy.business_time_between(start, start + 2 * H) == timedelta(minutes=40)  # to 10:10


def test_bad_arguments_on_the_hot_path_are_refused_by_name() -> None:
    desk = _desk()
    start = datetime(2026, 6, 1, 9, tzinfo=NEW_YORK)
    desk.add_business_time(start, H)  # the index and its flat form are built
    with pytest.raises(CalendarError, match=r"add_business_time\(start\): .*naive"):
        desk.add_business_time(datetime(2026, 6, 1, 9), H)
    with pytest.raises(CalendarError, match=r"add_business_time\(start\): .*expected an aware"):
        desk.add_business_time("2026-06-01T09:00Z", H)  # type: ignore[arg-type]
    with pytest.raises(CalendarError, match=r"add_business_time\(duration\): .*zero or more"):
        desk.add_business_time(start, -H)
    with pytest.raises(CalendarError, match=r"business_time_between\(end\): .*naive"):
        desk.business_time_between(start, datetime(2026, 6, 1, 9))
    with pytest.raises(CalendarError, match=r"business_time_between\(start\): .*9998-12-31"):
        desk.business_time_between(datetime(9999, 6, 1, tzinfo=UTC), start)
    # A zero duration and a start outside the index take the general path.
    assert desk.add_business_time(start.replace(hour=18), timedelta(0)) == datetime(
        2026, 6, 2, 9, tzinfo=NEW_YORK
    )
    assert desk.add_business_time(datetime(2031, 6, 2, 9, tzinfo=NEW_YORK), H) == datetime(
        2031, 6, 2, 10, tzinfo=NEW_YORK
    )
