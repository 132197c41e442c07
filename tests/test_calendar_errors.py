"""Bad input to BusinessCalendar: every refusal is a CalendarError naming what was wrong."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pendulum
import pytest

from csroles import (
    BusinessCalendar,
    CalendarError,
    Channel,
    CsrolesError,
    Direction,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Period,
    Priority,
    Topic,
    make_converter,
    workload,
)

NINE_TO_FIVE = {day: ((time(9), time(17)),) for day in range(5)}
DESK = BusinessCalendar(timezone="Europe/Rome", hours=NINE_TO_FIVE)
NOW = datetime(2026, 6, 1, 10, tzinfo=UTC)
NAIVE = datetime(2026, 6, 1, 10)
H = timedelta(hours=1)


def make(**fields: Any) -> BusinessCalendar:
    values: dict[str, Any] = {"timezone": "Europe/Rome", "hours": NINE_TO_FIVE}
    values.update(fields)
    return BusinessCalendar(**values)


def test_calendar_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"BusinessCalendar\.timezone"):
        make(timezone="Mars/Olympus")
    assert issubclass(CalendarError, CsrolesError)


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "europe/rome ", 5, None, "../etc/passwd"])
def test_unknown_zones(zone: object) -> None:
    with pytest.raises(CalendarError, match=r"BusinessCalendar\.timezone: .*, expected an IANA"):
        make(timezone=zone)


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        (
            [(time(9), time(17))],
            r"BusinessCalendar\.hours: datetime.time\(9, 0\), expected a weekday",
        ),
        ("09:00-17:00", r"BusinessCalendar\.hours: '09:00-17:00', expected a mapping"),
        (None, r"BusinessCalendar\.hours: None, expected a mapping"),
        ({7: [(time(9), time(17))]}, r"BusinessCalendar\.hours: 7, expected a weekday key"),
        ({-1: []}, r"BusinessCalendar\.hours: -1, expected a weekday key"),
        ({True: []}, r"BusinessCalendar\.hours: True, expected a weekday key"),
        ({"0": []}, r"BusinessCalendar\.hours: '0', expected a weekday key"),
        ({0: (time(9), time(17))}, r"hours\[0\]: .*write one shift as \(\(start, end\),\)"),
        ({0: "9-17"}, r"hours\[0\]: '9-17', expected a sequence of \(start, end\)"),
        ({0: 9}, r"hours\[0\]: 9, expected a sequence"),
        ({0: [(time(9),)]}, r"hours\[0\]\[0\]: .*expected a \(start, end\) pair"),
        ({0: [(time(9), time(12), time(17))]}, r"hours\[0\]\[0\]: .*expected a \(start, end\)"),
        ({0: [("09:00", "17:00")]}, r"hours\[0\]\[0\]: \('09:00', '17:00'\), expected a"),
        ({0: [(time(9, tzinfo=UTC), time(17))]}, r"hours\[0\]\[0\]: .*naive datetime.time"),
        ({0: [(time(9), time(17, fold=1))]}, r"hours\[0\]\[0\]: .*\(fold=0\)"),
        ({0: [(datetime(2026, 1, 1, 9), time(17))]}, r"hours\[0\]\[0\]: .*naive datetime.time"),
        ([(0, []), (0, [])], r"BusinessCalendar\.hours: .*each key once"),
        ([(0, [], 1)], r"BusinessCalendar\.hours: .*expected a mapping of weekday"),
        ({}, r"BusinessCalendar\.hours: \{\}, expected at least one shift"),
        ({0: [], 6: ()}, r"BusinessCalendar\.hours: \{\}, expected at least one shift"),
    ],
)
def test_malformed_hours(hours: object, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        make(hours=hours)


@pytest.mark.parametrize(
    ("holidays", "message"),
    [
        ("2026-12-25", r"BusinessCalendar\.holidays: '2026-12-25', expected a collection"),
        (date(2026, 12, 25), r"BusinessCalendar\.holidays: datetime.date\(2026, 12, 25\)"),
        (["2026-12-25"], r"BusinessCalendar\.holidays: '2026-12-25', expected a datetime.date"),
        ([datetime(2026, 12, 25)], r"holidays: datetime.datetime\(.*\), expected a datetime.date"),
        (None, r"BusinessCalendar\.holidays: None, expected a collection"),
        ({date(2026, 12, 25): 1}, r"BusinessCalendar\.holidays: .*expected a collection"),
    ],
)
def test_malformed_holidays(holidays: object, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        make(holidays=holidays)


@pytest.mark.parametrize(
    ("special", "message"),
    [
        ([date(2026, 12, 24)], r"special_hours: .*expected a mapping of datetime.date"),
        ({"2026-12-24": []}, r"special_hours: '2026-12-24', expected a datetime.date"),
        ({datetime(2026, 12, 24): []}, r"special_hours: datetime.datetime\(.*expected a datetime"),
        ({date(2026, 12, 24): "9-12"}, r"special_hours\[datetime.date\(2026, 12, 24\)\]: '9-12'"),
        ({date(2026, 12, 24): [(time(9), 12)]}, r"special_hours\[.*\]\[0\]: \(.*, 12\)"),
    ],
)
def test_malformed_special_hours(special: object, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        make(special_hours=special)


def test_no_open_time_at_all() -> None:
    with pytest.raises(CalendarError, match="at least one shift"):
        make(hours={}, special_hours={date(2026, 12, 24): []})
    with pytest.raises(CalendarError, match="at least one shift"):
        make(
            hours={},
            holidays={date(2026, 12, 24)},
            special_hours={date(2026, 12, 24): [(time(9), time(12))]},
        )
    # Special hours alone are some open time.
    event = make(hours={}, special_hours={date(2026, 12, 24): [(time(9), time(12))]})
    assert event.hours == ()


@pytest.mark.parametrize(
    ("closures", "message"),
    [
        ("outage", r"BusinessCalendar\.closures: 'outage', expected a sequence of \(start, end\)"),
        ([NOW], r"BusinessCalendar\.closures\[0\]: datetime.*, expected a \(start, end\) pair"),
        ([(NOW,)], r"BusinessCalendar\.closures\[0\]: \(.*\), expected a \(start, end\) pair"),
        ([(NAIVE, NOW)], r"BusinessCalendar\.closures\[0\]: .*this one is naive"),
        ([(NOW, "later")], r"BusinessCalendar\.closures\[0\]: 'later', expected an aware"),
        ([(NOW + H, NOW)], r"BusinessCalendar\.closures\[0\]: .*expected a start before the end"),
        ([(NOW, NOW)], r"BusinessCalendar\.closures\[0\]: .*expected a start before the end"),
    ],
)
def test_malformed_closures(closures: object, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        make(closures=closures)


# ------------------------------------------------------------------ methods

METHODS_WITH_AN_INSTANT: list[tuple[str, Callable[[object], object]]] = [
    ("is_open(at)", DESK.is_open),  # type: ignore[list-item]
    ("next_opening(at)", DESK.next_opening),  # type: ignore[list-item]
    ("next_closing(at)", DESK.next_closing),  # type: ignore[list-item]
    ("add_business_time(start)", lambda at: DESK.add_business_time(at, H)),  # type: ignore[arg-type]
    ("subtract_business_time(end)", lambda at: DESK.subtract_business_time(at, H)),  # type: ignore[arg-type]
    ("business_time_between(start)", lambda at: DESK.business_time_between(at, NOW)),  # type: ignore[arg-type]
    ("business_time_between(end)", lambda at: DESK.business_time_between(NOW, at)),  # type: ignore[arg-type]
    ("open_periods(start)", lambda at: DESK.open_periods(at, NOW)),  # type: ignore[arg-type]
    ("open_periods(end)", lambda at: DESK.open_periods(NOW, at)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(
    ("name", "call"), METHODS_WITH_AN_INSTANT, ids=[n for n, _ in METHODS_WITH_AN_INSTANT]
)
def test_naive_and_non_datetime_instants(name: str, call: Callable[[object], object]) -> None:
    where = "BusinessCalendar." + name.replace("(", r"\(").replace(")", r"\)")
    with pytest.raises(CalendarError, match=where + r": datetime.datetime\(.*this one is naive"):
        call(NAIVE)
    with pytest.raises(CalendarError, match=where + r": '2026-06-01T10:00Z', expected an aware"):
        call("2026-06-01T10:00Z")
    with pytest.raises(CalendarError, match=where + r": None, expected an aware datetime"):
        call(None)
    with pytest.raises(CalendarError, match=where + r": .*expected an aware datetime between"):
        call(datetime(1, 1, 1, tzinfo=UTC))
    with pytest.raises(CalendarError, match=where + r": .*9998-12-31 \(UTC\)"):
        call(datetime(9999, 6, 1, tzinfo=timezone(timedelta(hours=-5))))


DURATION_METHODS: list[tuple[str, Callable[[object], object]]] = [
    ("add_business_time", lambda d: DESK.add_business_time(NOW, d)),  # type: ignore[arg-type]
    ("subtract_business_time", lambda d: DESK.subtract_business_time(NOW, d)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("name", "call"), DURATION_METHODS, ids=[n for n, _ in DURATION_METHODS])
def test_bad_durations(name: str, call: Callable[[object], object]) -> None:
    where = rf"BusinessCalendar\.{name}\(duration\): "
    with pytest.raises(CalendarError, match=where + r"datetime.timedelta\(days=-1, .*zero or more"):
        call(-H)
    with pytest.raises(CalendarError, match=where + r"3600, expected a datetime.timedelta"):
        call(3600)
    with pytest.raises(CalendarError, match=where + r"None, expected a datetime.timedelta"):
        call(None)
    with pytest.raises(CalendarError, match=where + r".*months and years are not"):
        call(pendulum.duration(months=1))
    with pytest.raises(CalendarError, match=where + r".*zero or more"):
        call(pendulum.duration(hours=-1))


def test_durations_beyond_the_supported_range() -> None:
    with pytest.raises(CalendarError, match=r"reaches .*expected instants from 0002-01-01"):
        DESK.add_business_time(NOW, timedelta.max)
    with pytest.raises(CalendarError, match=r"reaches .*expected instants from 0002-01-01"):
        DESK.subtract_business_time(NOW, timedelta(days=800_000))
    end_of_range = datetime(9998, 12, 31, 12, tzinfo=UTC)
    with pytest.raises(CalendarError, match=r"reaches 9999-01-01T12:00:00\+00:00"):
        DESK.add_business_time(end_of_range, timedelta(days=1))
    with pytest.raises(CalendarError, match="reaches"):
        BusinessCalendar.always_open().add_business_time(end_of_range, timedelta(days=1))
    with pytest.raises(CalendarError, match="reaches"):
        BusinessCalendar.always_open().subtract_business_time(
            datetime(2, 1, 1, 12, tzinfo=UTC), timedelta(days=1)
        )


def test_shifts_on_needs_a_date() -> None:
    with pytest.raises(CalendarError, match=r"BusinessCalendar\.shifts_on\(day\): '2026-06-01'"):
        DESK.shifts_on("2026-06-01")  # type: ignore[arg-type]
    with pytest.raises(CalendarError, match=r"shifts_on\(day\): datetime.datetime"):
        DESK.shifts_on(NOW)


def test_with_timezone_and_always_open_check_the_zone() -> None:
    with pytest.raises(
        CalendarError, match=r"BusinessCalendar\.with_timezone\.zone: 'Mars/Olympus'"
    ):
        DESK.with_timezone("Mars/Olympus")
    with pytest.raises(CalendarError, match=r"BusinessCalendar\.with_timezone\.zone: \['UTC'\]"):
        DESK.with_timezone(["UTC"])  # type: ignore[arg-type]
    with pytest.raises(CalendarError, match=r"BusinessCalendar\.timezone: 'Nowhere'"):
        BusinessCalendar.always_open("Nowhere")


def test_errors_leave_nothing_half_built() -> None:
    # A failed call changes nothing: the calendar answers as before.
    before = DESK.add_business_time(NOW, H)
    with pytest.raises(CalendarError):
        DESK.add_business_time(NOW, -H)
    assert DESK.add_business_time(NOW, H) == before


# ------------------------------------------------------------------ tzinfos out of range


class TwentyFiveHours(tzinfo):
    """A tzinfo whose offset Python refuses (offsets must be under 24 h)."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=25)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "+25"


FAR_OUT = datetime(2026, 6, 1, tzinfo=TwentyFiveHours())

CALLS: list[tuple[str, Callable[[datetime], object]]] = [
    ("is_open(at)", DESK.is_open),
    ("next_opening(at)", DESK.next_opening),
    ("next_closing(at)", DESK.next_closing),
    ("local(at)", DESK.local),
    ("add_business_time(start)", lambda at: DESK.add_business_time(at, H)),
    ("subtract_business_time(end)", lambda at: DESK.subtract_business_time(at, H)),
    ("business_time_between(start)", lambda at: DESK.business_time_between(at, NOW)),
    ("business_time_between(end)", lambda at: DESK.business_time_between(NOW, at)),
    ("open_periods(start)", lambda at: DESK.open_periods(at, NOW)),
    ("closures[0]", lambda at: make(closures=[(NOW, at)])),
]


@pytest.mark.parametrize(("name", "call"), CALLS, ids=[name for name, _ in CALLS])
def test_a_tzinfo_with_a_25_hour_offset_is_refused_by_name(
    name: str, call: Callable[[datetime], object]
) -> None:
    with pytest.raises(CalendarError, match=rf"{re.escape(name)}: .*UTC offset under 24 h"):
        call(FAR_OUT)


def test_a_period_refuses_a_25_hour_offset() -> None:
    with pytest.raises(InvalidEntityError, match=r"Period\.start: .*UTC offset under 24 h"):
        Period(start=FAR_OUT, end=FAR_OUT)


def test_workload_in_year_1_west_of_utc_is_a_calendar_error() -> None:
    t1 = datetime(1, 1, 1, 6, tzinfo=UTC)  # 0000-12-31 18:00 at UTC-12: before year 1
    mail = Interaction(
        id="I-1",
        customer_id="C-1",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.ORDER,
        priority=Priority.NORMAL,
        events=[
            Event(kind=EventKind.OPENED, at=t1),
            Event(kind=EventKind.ASSIGNED, at=t1, assignee="rep-1"),
            Event(kind=EventKind.RESOLVED, at=t1 + H),
        ],
    )
    day = Period(start=t1, end=t1 + 24 * H)
    with pytest.raises(
        CalendarError,
        match=r"^workload\.period: .*expected a period whose local days in Etc/GMT\+12 fall in",
    ):
        workload([mail], period=day, timezone="Etc/GMT+12", quota=1)
    # East of UTC the same day exists, and the resolution counts.
    (row, _) = workload([mail], period=day, timezone="Etc/GMT-12", quota=1)
    assert (row.day, row.handled) == (date(1, 1, 1), 1)


# ------------------------------------------------------------------ zones given as objects


def test_zones_as_zoneinfo_and_pendulum_are_stored_as_names() -> None:
    for zone in (ZoneInfo("Europe/Rome"), pendulum.timezone("Europe/Rome")):
        calendar = make(timezone=zone)
        assert calendar.timezone == "Europe/Rome"
        assert type(calendar.timezone) is str
        assert calendar == DESK
        assert make_converter().unstructure(calendar)["timezone"] == "Europe/Rome"
    assert BusinessCalendar.always_open(ZoneInfo("Asia/Tokyo")).timezone == "Asia/Tokyo"
    assert DESK.with_timezone(pendulum.timezone("Asia/Tokyo")).timezone == "Asia/Tokyo"


@pytest.mark.parametrize(
    "zone",
    [pendulum.FixedTimezone(3600), timezone(H), UTC, TwentyFiveHours()],
    ids=["pendulum-fixed", "fixed", "utc-constant", "custom"],
)
def test_zones_without_a_name_are_refused(zone: object) -> None:
    with pytest.raises(CalendarError, match=r"BusinessCalendar\.timezone: .*expected an IANA"):
        make(timezone=zone)
    with pytest.raises(
        CalendarError, match=r"BusinessCalendar\.with_timezone\.zone: .*expected an"
    ):
        DESK.with_timezone(zone)  # type: ignore[arg-type]


def test_a_zone_read_from_a_file_has_no_name() -> None:
    path = Path("/usr/share/zoneinfo/UTC")
    if not path.exists():  # pragma: no cover - every CI image has the system tz database
        pytest.skip("no system tz database")
    with path.open("rb") as file:
        unnamed = ZoneInfo.from_file(file)
    with pytest.raises(CalendarError, match=r"BusinessCalendar\.timezone: .*has no key"):
        make(timezone=unnamed)


class Flaky(tzinfo):
    """A tzinfo that fails every other time it is asked for its offset."""

    def __init__(self) -> None:
        self.calls = 0

    def utcoffset(self, dt: datetime | None) -> timedelta:
        self.calls += 1
        if self.calls % 2:
            raise RuntimeError("flaky")
        return timedelta(0)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "flaky"


def test_a_tzinfo_that_fails_once_is_still_a_calendar_error() -> None:
    with pytest.raises(CalendarError, match=r"is_open\(at\): .*expected an aware datetime between"):
        DESK.is_open(datetime(2026, 6, 1, tzinfo=Flaky()))
