"""Properties of business time that hold for every calendar, start and duration."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from csroles import BusinessCalendar, CalendarError
from csroles.strategies import aware_datetimes, business_calendars

US = timedelta(microseconds=1)
ZERO = timedelta(0)

starts = aware_datetimes(
    min_value=datetime(2005, 1, 1, tzinfo=UTC), max_value=datetime(2035, 1, 1, tzinfo=UTC)
)
durations = st.timedeltas(ZERO, timedelta(days=20))
positive = st.timedeltas(US, timedelta(days=10))


def weekly_wall_time(calendar: BusinessCalendar) -> timedelta:
    """The wall-clock length of a week's shifts (overlaps counted twice)."""
    total = ZERO
    for _, shifts in calendar.hours:
        for start, end in shifts:
            length = datetime.combine(date.min, end) - datetime.combine(date.min, start)
            total += length if length > ZERO else length + timedelta(days=1)
    return total


def reachable(calendar: BusinessCalendar, *durations: timedelta) -> None:
    # A calendar open a microsecond a week cannot give a day of work before the
    # year 9998: keep the durations to a few weeks of its shifts.
    assume(sum(durations, ZERO) <= 4 * weekly_wall_time(calendar))


def utc(moment: datetime) -> datetime:
    # Compare instants: aware datetimes in an autumn fold never equal other zones' (PEP 495).
    return moment.astimezone(UTC)


def plus(moment: datetime, delta: timedelta) -> datetime:
    # Elapsed-time arithmetic (a zoneinfo datetime adds on its wall clock).
    return moment.astimezone(UTC) + delta


@given(business_calendars(), starts, durations)
def test_adding_then_measuring_gives_the_duration_back(
    calendar: BusinessCalendar, start: datetime, duration: timedelta
) -> None:
    reachable(calendar, duration)
    deadline = calendar.add_business_time(start, duration)
    assert calendar.business_time_between(start, deadline) == duration
    # Open time never runs faster than real time.
    assert utc(deadline) >= plus(start, duration)
    # The deadline is the earliest such instant: a microsecond earlier is short.
    if duration:
        assert calendar.business_time_between(start, plus(deadline, -US)) == duration - US
    else:
        assert calendar.is_open(deadline)


@given(business_calendars(), starts, positive, positive)
def test_adding_is_additive(
    calendar: BusinessCalendar, start: datetime, a: timedelta, b: timedelta
) -> None:
    reachable(calendar, a, b)
    once = calendar.add_business_time(start, a + b)
    twice = calendar.add_business_time(calendar.add_business_time(start, a), b)
    assert utc(once) == utc(twice)


@given(business_calendars(), starts, st.timedeltas(ZERO, timedelta(days=3)), durations, durations)
def test_adding_is_monotonic(
    calendar: BusinessCalendar, start: datetime, later: timedelta, d1: timedelta, d2: timedelta
) -> None:
    reachable(calendar, d1, d2)
    d1, d2 = min(d1, d2), max(d1, d2)
    assert utc(calendar.add_business_time(start, d1)) <= utc(calendar.add_business_time(start, d2))
    other = plus(start, later)
    assert utc(calendar.add_business_time(start, d1)) <= utc(calendar.add_business_time(other, d1))


@given(business_calendars(), starts, positive)
def test_subtracting_finds_the_latest_start(
    calendar: BusinessCalendar, end: datetime, duration: timedelta
) -> None:
    reachable(calendar, duration)
    start = calendar.subtract_business_time(end, duration)
    assert calendar.business_time_between(start, end) == duration
    assert calendar.is_open(start)
    assert utc(calendar.add_business_time(start, duration)) <= utc(end)
    # A microsecond later no longer leaves enough time.
    assert calendar.business_time_between(plus(start, US), end) == duration - US


@given(business_calendars(), starts)
def test_subtracting_zero_is_the_last_open_instant(
    calendar: BusinessCalendar, end: datetime
) -> None:
    last = calendar.subtract_business_time(end, ZERO)
    assert utc(last) <= utc(end)
    assert calendar.business_time_between(last, end) == ZERO
    if utc(last) < utc(end):
        assert not calendar.is_open(last)
        assert calendar.is_open(plus(last, -US))
    else:
        assert calendar.is_open(end) or calendar.is_open(plus(end, -US))


@given(business_calendars(), starts, st.timedeltas(ZERO, timedelta(days=15)))
def test_open_periods_tile_the_open_time(
    calendar: BusinessCalendar, start: datetime, span: timedelta
) -> None:
    end = plus(start, span)
    periods = list(calendar.open_periods(start, end))
    total = sum((utc(b) - utc(a) for a, b in periods), ZERO)
    assert total == calendar.business_time_between(start, end)
    bounds = [utc(x) for pair in periods for x in pair]
    assert bounds == sorted(bounds)
    assert len(set(bounds)) == len(bounds)  # disjoint and never touching
    for opening, closing in periods:
        assert calendar.is_open(opening)
        assert utc(opening) == utc(start) or not calendar.is_open(plus(opening, -US))
        assert utc(closing) == end or not calendar.is_open(closing)


@given(business_calendars(), starts)
def test_next_opening_and_closing_bound_the_open_run(
    calendar: BusinessCalendar, at: datetime
) -> None:
    opening = calendar.next_opening(at)
    assert utc(opening) >= utc(at)
    assert calendar.is_open(opening)
    assert calendar.business_time_between(at, opening) == ZERO
    try:
        closing = calendar.next_closing(at)
    except CalendarError:
        # Only a calendar open around the clock may never close.
        assert calendar.business_time_between(at, plus(at, timedelta(days=30))) == timedelta(
            days=30
        )
        return
    assert not calendar.is_open(closing)
    assert calendar.business_time_between(at, closing) == utc(closing) - utc(at)
    assert calendar.is_open(at) == (utc(closing) > utc(at))


@given(business_calendars(), starts)
def test_is_open_means_open_time_right_after(calendar: BusinessCalendar, at: datetime) -> None:
    assert calendar.is_open(at) == (calendar.business_time_between(at, plus(at, US)) == US)


@given(business_calendars(), starts, st.sampled_from(["UTC", "Asia/Tokyo", "America/Santiago"]))
def test_with_timezone_is_the_same_calendar_built_in_that_zone(
    calendar: BusinessCalendar, start: datetime, zone: str
) -> None:
    moved = calendar.with_timezone(zone)
    built = BusinessCalendar(
        timezone=zone,
        hours=dict(calendar.hours),
        holidays=calendar.holidays,
        annual_holidays=calendar.annual_holidays,
        special_hours=dict(calendar.special_hours),
        closures=calendar.closures,
    )
    assert moved == built
    hours = timedelta(hours=30)
    reachable(calendar, hours)
    assert utc(moved.add_business_time(start, hours)) == utc(built.add_business_time(start, hours))
    assert moved.timezone == zone


# ------------------------------------------------------------------ results as instants

DST_HARD = ["Europe/Rome", "America/Santiago", "Australia/Lord_Howe", "America/Havana"]
# Around the offset changes of 2026 in those zones (Rome's fall-back night
# included), so that many results fall in a repeated hour.
around_changes = st.sampled_from(
    [
        datetime(2026, 10, 24, 22, tzinfo=UTC),
        datetime(2026, 3, 28, 23, tzinfo=UTC),
        datetime(2026, 4, 4, 12, tzinfo=UTC),
        datetime(2026, 10, 31, 23, tzinfo=UTC),
        datetime(2026, 11, 1, 3, tzinfo=UTC),
    ]
).flatmap(lambda t: st.timedeltas(-timedelta(hours=30), timedelta(hours=30)).map(lambda d: t + d))
short = st.timedeltas(ZERO, timedelta(hours=6))


@given(
    business_calendars(zones=st.sampled_from(DST_HARD)),
    around_changes,
    st.lists(short, min_size=1, max_size=4),
)
def test_results_of_different_calls_compare_and_subtract_as_instants(
    calendar: BusinessCalendar, at: datetime, steps: list[timedelta]
) -> None:
    reachable(calendar, *steps)
    results = [calendar.next_opening(at)]
    results += [calendar.add_business_time(at, step) for step in steps]
    results += [calendar.subtract_business_time(at, step) for step in steps]
    for opening, closing in calendar.open_periods(
        plus(at, -timedelta(days=1)), plus(at, timedelta(days=1))
    ):
        results += [opening, closing]
        assert closing - opening == calendar.business_time_between(opening, closing)
    for a in results:
        # The display form is the same instant (compared in UTC: PEP 495 makes a
        # ZoneInfo datetime in a repeated hour unequal to every other zone's).
        assert utc(calendar.local(a)) == utc(a)
        for b in results:
            assert (a < b) is (utc(a) < utc(b))
            assert (a == b) is (utc(a) == utc(b))
            assert a - b == utc(a) - utc(b)
