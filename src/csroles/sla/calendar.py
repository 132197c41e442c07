"""Business calendars: when a service desk is open, and business time.

A :class:`BusinessCalendar` says when the clock of an SLA runs: weekly shifts
in a time zone, holidays, date-specific hours and closures. It answers exactly
to the microsecond, at a cost that does not grow with the duration; a query
that would look at more than 20 years of the calendar's time (closures aside)
raises :class:`~csroles.CalendarError` instead:

>>> from datetime import date, datetime, time, timedelta
>>> from zoneinfo import ZoneInfo
>>> from csroles import BusinessCalendar
>>> rome = BusinessCalendar(
...     timezone="Europe/Rome",
...     hours={day: ((time(9), time(13)), (time(14), time(18))) for day in range(5)},
...     holidays={date(2026, 12, 25)},
... )
>>> opened = datetime(2026, 12, 24, 16, 30, tzinfo=ZoneInfo("Europe/Rome"))
>>> rome.add_business_time(opened, timedelta(hours=8))
datetime.datetime(2026, 12, 28, 16, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=3600)))

The semantics are written out on the "SLAs and business time" page of the docs.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import zoneinfo
from calendar import monthrange
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time, timedelta
from typing import NoReturn, Self

import attrs

from csroles._validation import (
    check_aware,
    check_duration,
    check_instant,
    check_zone,
    fail,
)
from csroles.errors import CalendarError
from csroles.sla._engine import (
    EPOCH,
    MAX_US,
    MAX_YEAR,
    MIN_US,
    MIN_YEAR,
    ONE_US,
    Engine,
    Shift,
    to_us,
)

__all__ = ["BusinessCalendar"]

_OWNER = "BusinessCalendar"

#: A shift: its start and end wall times. An end at or before the start falls on
#: the following day.
Shifts = tuple[tuple[time, time], ...]

_RANGE = f"an aware datetime between {MIN_YEAR:04d}-01-01 and {MAX_YEAR:04d}-12-31 (UTC)"
_PAIR = "a (start, end) pair of naive datetime.time wall times (fold=0)"
_HOURS = (
    "a mapping of weekday (0 = Monday to 6 = Sunday) to a sequence of (start, end) "
    "datetime.time pairs"
)
_SPECIAL = "a mapping of datetime.date to a sequence of (start, end) datetime.time pairs"


def _fail(field: str, value: object, expected: str) -> NoReturn:
    fail(_OWNER, field, value, expected, error=CalendarError)


# ------------------------------------------------------------------ converters
# The calendar's collections arrive as mappings and sequences and are stored as
# sorted tuples, so that calendars are immutable, hashable and equal by value.
# Conversion needs well-formed input, so these converters check as they go; they
# are typed for the caller and look at what they are given as a plain object.


def _collection(field: str, value: object, expected: str) -> list[object]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        _fail(field, value, expected)
    return list(value)


def _wall(field: str, pair: object, value: object) -> time:
    if not isinstance(value, time) or value.tzinfo is not None or value.fold:
        _fail(field, pair, _PAIR)
    return time(value.hour, value.minute, value.second, value.microsecond)


def _shifts(field: str, value: object) -> Shifts:
    items = _collection(field, value, "a sequence of (start, end) datetime.time pairs")
    if len(items) == 2 and all(isinstance(item, time) for item in items):
        _fail(field, value, "a sequence of (start, end) pairs: write one shift as ((start, end),)")
    shifts = set()
    for index, pair in enumerate(items):
        where = f"{field}[{index}]"
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            _fail(where, pair, _PAIR)
        shifts.add((_wall(where, pair, pair[0]), _wall(where, pair, pair[1])))
    return tuple(sorted(shifts))


def _date(field: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        _fail(field, value, "a datetime.date (a local date, not a datetime)")
    return date(value.year, value.month, value.day)


def _items(field: str, value: object, expected: str) -> list[tuple[object, object]]:
    """The items of a mapping, or of a sequence of (key, value) pairs (the stored form)."""
    if isinstance(value, Mapping):
        return list(value.items())
    items: list[tuple[object, object]] = []
    for pair in _collection(field, value, expected):
        if not isinstance(pair, tuple) or len(pair) != 2:
            _fail(field, value, expected)
        items.append((pair[0], pair[1]))
    keys = [key for key, _ in items]
    if len(set(keys)) != len(keys):
        _fail(field, value, f"{expected}, each key once")
    return items


def _convert_hours(
    value: Mapping[int, Iterable[tuple[time, time]]]
    | Iterable[tuple[int, Iterable[tuple[time, time]]]],
) -> tuple[tuple[int, Shifts], ...]:
    week: dict[int, Shifts] = {}
    for key, shifts in _items("hours", value, _HOURS):
        if not isinstance(key, int) or isinstance(key, bool) or not 0 <= key <= 6:
            _fail("hours", key, "a weekday key from 0 (Monday) to 6 (Sunday)")
        week[int(key)] = _shifts(f"hours[{key!r}]", shifts)
    return tuple((day, shifts) for day, shifts in sorted(week.items()) if shifts)


def _convert_holidays(value: Iterable[date]) -> frozenset[date]:
    days = _collection("holidays", value, "a collection of datetime.date")
    return frozenset(_date("holidays", day) for day in days)


def _convert_annual_holidays(value: Iterable[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    expected = "a (month, day) pair of integers naming a date, such as (12, 25)"
    days = set()
    for pair in _collection("annual_holidays", value, "a collection of (month, day) pairs"):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            _fail("annual_holidays", pair, expected)
        month, day = pair
        if type(month) is not int or type(day) is not int or not 1 <= month <= 12:
            _fail("annual_holidays", pair, expected)
        if not 1 <= day <= monthrange(2000, month)[1]:  # a leap year: (2, 29) is allowed
            _fail("annual_holidays", pair, expected)
        days.add((month, day))
    return frozenset(days)


def _is_holiday(calendar: BusinessCalendar, day: date) -> bool:
    return day in calendar.holidays or (day.month, day.day) in calendar.annual_holidays


def _convert_special_hours(
    value: Mapping[date, Iterable[tuple[time, time]]]
    | Iterable[tuple[date, Iterable[tuple[time, time]]]],
) -> tuple[tuple[date, Shifts], ...]:
    days: dict[date, Shifts] = {}
    for key, shifts in _items("special_hours", value, _SPECIAL):
        day = _date("special_hours", key)
        days[day] = _shifts(f"special_hours[{day!r}]", shifts)
    return tuple(sorted(days.items()))


def _convert_closures(
    value: Iterable[tuple[datetime, datetime]],
) -> tuple[tuple[datetime, datetime], ...]:
    pairs = _collection("closures", value, "a sequence of (start, end) pairs of aware datetimes")
    closures = []
    for index, pair in enumerate(pairs):
        field = f"closures[{index}]"
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            _fail(field, pair, "a (start, end) pair of aware datetimes")
        start = check_aware(_OWNER, field, pair[0], error=CalendarError)
        end = check_aware(_OWNER, field, pair[1], error=CalendarError)
        if not to_us(start) < to_us(end):
            _fail(field, pair, "a start before the end")
        # Stored with a fixed UTC offset, as every csroles entity stores instants.
        closures.append((check_instant(_OWNER, field, start), check_instant(_OWNER, field, end)))
    return tuple(sorted(closures))


def _checked_zone(name: object, owner: str = _OWNER, field: str = "timezone") -> str:
    """The calendar's one check of a zone name (the shared IANA-name check)."""
    return check_zone(owner, field, name, error=CalendarError)


def _zone_name(value: str | zoneinfo.ZoneInfo, owner: str = _OWNER, field: str = "timezone") -> str:
    """The IANA name of a zone given by name, as a ZoneInfo or as a pendulum timezone."""
    if isinstance(value, zoneinfo.ZoneInfo):  # pendulum's Timezone is one too
        key: str | None = value.key  # None for a zone read from a file
        if key is None:
            expected = "a zone from the tz database (this one has no key)"
            fail(owner, field, value, expected, error=CalendarError)
        return _checked_zone(key, owner, field)
    return _checked_zone(value, owner, field)


def _engine_shifts(shifts: Shifts) -> list[Shift]:
    return [(start, end, end <= start) for start, end in shifts]


# ------------------------------------------------------------------ the calendar


@attrs.frozen(kw_only=True)
class BusinessCalendar:
    """When a service desk is open: weekly shifts in a time zone, with exceptions.

    Args:
        timezone: the zone whose wall clock the shifts follow: an IANA name,
            a :class:`zoneinfo.ZoneInfo` or a pendulum timezone. Stored (and
            written by the converter) as the IANA name.
        hours: weekday (0 = Monday to 6 = Sunday) -> shifts, each shift a pair
            ``(start, end)`` of :class:`datetime.time` wall times. A shift whose
            end is at or before its start ends on the following day, so
            ``(time(22), time(6))`` is a night shift and ``(time(0), time(0))``
            a whole day. Overlapping shifts count once. Stored sorted, as a
            tuple of ``(weekday, shifts)`` pairs without empty weekdays.
        holidays: local dates whose own shifts are removed (a night shift that
            started the day before still runs into a holiday).
        annual_holidays: ``(month, day)`` pairs of dates that are holidays
            every year, such as ``(12, 25)``; ``(2, 29)`` falls in leap years
            only. A date moved when it falls on a weekend is a one-off holiday
            (or comes from :func:`csroles.sla.national.national_holidays`).
        special_hours: local date -> shifts that replace the weekday's on that
            date (an empty sequence closes the date); a holiday wins over it.
            Stored as a sorted tuple of ``(date, shifts)`` pairs.
        closures: ``(start, end)`` pairs of aware datetimes during which the
            calendar is closed whatever its shifts say (an outage, a partial
            holiday). Stored sorted, each instant with its fixed UTC offset.

    Raises:
        CalendarError: for an unknown zone, malformed shifts, dates or
            closures, or a calendar with no open time at all.

    Results are aware datetimes on the calendar's wall clock whose tzinfo is
    the UTC offset in force at that instant (a fixed
    :class:`datetime.timezone`), so any two results compare and subtract as
    the instants they are, even across an autumn fold; :meth:`local` gives the
    same instant in the calendar's :class:`~zoneinfo.ZoneInfo`, for display.

    Wall times are read as Python reads them (fold=0): a wall time inside a
    DST gap takes the offset in force before the gap, a repeated wall time is
    its first occurrence, and a shift whose start instant is not before its end
    instant is empty. Intervals are half-open: open at the opening instant,
    closed at the closing instant. Open time is real elapsed time.

    >>> from datetime import time
    >>> from csroles import BusinessCalendar
    >>> desk = BusinessCalendar(
    ...     timezone="America/New_York", hours={d: ((time(9), time(17)),) for d in range(5)}
    ... )
    >>> desk == BusinessCalendar(
    ...     timezone="America/New_York", hours={d: [(time(9), time(17))] for d in range(5)}
    ... )
    True
    >>> desk.hours[0]
    (0, ((datetime.time(9, 0), datetime.time(17, 0)),))

    .. versionadded:: 0.1.0
    """

    timezone: str = attrs.field(converter=_zone_name)
    hours: tuple[tuple[int, Shifts], ...] = attrs.field(converter=_convert_hours)
    holidays: frozenset[date] = attrs.field(default=frozenset(), converter=_convert_holidays)
    annual_holidays: frozenset[tuple[int, int]] = attrs.field(
        default=frozenset(), converter=_convert_annual_holidays
    )
    special_hours: tuple[tuple[date, Shifts], ...] = attrs.field(
        default=(), converter=_convert_special_hours
    )
    closures: tuple[tuple[datetime, datetime], ...] = attrs.field(
        default=(), converter=_convert_closures
    )
    _engine: Engine = attrs.field(init=False, repr=False, eq=False, order=False)

    def __attrs_post_init__(self) -> None:
        special = {day: shifts for day, shifts in self.special_hours if not _is_holiday(self, day)}
        if not self.hours and not any(special.values()):
            _fail(
                "hours",
                {},
                "at least one shift: a calendar with no open time at all would never meet a target",
            )
        weekly: list[list[Shift]] = [[] for _ in range(7)]
        for day, shifts in self.hours:
            weekly[day] = _engine_shifts(shifts)
        engine = Engine(
            self.timezone,
            weekly,
            self.holidays,
            {day: _engine_shifts(shifts) for day, shifts in self.special_hours},
            [(to_us(start), to_us(end)) for start, end in self.closures],
            annual=self.annual_holidays,
        )
        object.__setattr__(self, "_engine", engine)

    # ------------------------------------------------------------- constructors

    @classmethod
    def always_open(cls, timezone: str | zoneinfo.ZoneInfo = "UTC") -> Self:
        """A calendar open at every instant, for SLAs counted in calendar hours.

        Args:
            timezone: the zone its results are expressed in (a name, a
                ZoneInfo or a pendulum timezone).

        >>> from datetime import UTC, datetime, timedelta
        >>> from csroles import BusinessCalendar
        >>> always = BusinessCalendar.always_open()
        >>> always.add_business_time(datetime(2026, 3, 1, tzinfo=UTC), timedelta(days=2))
        datetime.datetime(2026, 3, 3, 0, 0, tzinfo=datetime.timezone.utc)

        .. versionadded:: 0.1.0
        """
        return cls(timezone=timezone, hours={day: ((time(0), time(0)),) for day in range(7)})

    def with_timezone(self, zone: str | zoneinfo.ZoneInfo) -> Self:
        """The same hours, holidays and special hours read on another zone's wall clock.

        Closures are instants and stay where they are. Use it for per-customer
        calendars: the desk opens at 09:00 in each customer's local time.

        Args:
            zone: an IANA zone name, a ZoneInfo or a pendulum timezone.

        >>> from datetime import time
        >>> from zoneinfo import ZoneInfo
        >>> from csroles import BusinessCalendar
        >>> rome = BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)})
        >>> rome.with_timezone("Asia/Tokyo").timezone
        'Asia/Tokyo'
        >>> rome.with_timezone(ZoneInfo("Asia/Tokyo")) is rome.with_timezone("Asia/Tokyo")
        True

        .. versionadded:: 0.1.0
        """
        if zone != self.timezone:
            zone = _zone_name(zone, f"{_OWNER}.with_timezone", "zone")
        if zone == self.timezone:
            return self
        # The same few zones come back for every customer: keep their calendars
        # (and so their engines' work) with this one.
        variants = self._engine.variants
        found = variants.get(zone)
        if found is None:
            found = attrs.evolve(self, timezone=zone)
            if len(variants) < _MAX_VARIANTS:
                variants[zone] = found
        return found  # type: ignore[return-value]

    # ------------------------------------------------------------- helpers

    def _us(self, method: str, name: str, value: object) -> int:
        try:
            us = to_us(value)  # type: ignore[arg-type]
        except Exception:  # not an aware datetime, or a tzinfo that fails
            check_aware(_OWNER, f"{method}({name})", value, error=CalendarError)
            _fail(f"{method}({name})", value, _RANGE)
        if not MIN_US <= us < MAX_US:
            _fail(f"{method}({name})", value, _RANGE)
        return us

    def _duration_us(self, method: str, value: object) -> int:
        if type(value) is timedelta and value >= _ZERO:
            return value // ONE_US
        plain = check_duration(_OWNER, f"{method}(duration)", value, error=CalendarError)
        return plain // ONE_US

    def shifts_on(self, day: date) -> Shifts:
        """The shifts that start on a local date, exceptions applied.

        Args:
            day: a local date.

        >>> from datetime import date, time
        >>> from csroles import BusinessCalendar
        >>> desk = BusinessCalendar(
        ...     timezone="Europe/Rome",
        ...     hours={3: ((time(9), time(17)),)},
        ...     holidays={date(2026, 12, 31)},
        ...     special_hours={date(2026, 12, 24): [(time(9), time(12))]},
        ... )
        >>> desk.shifts_on(date(2026, 12, 24))
        ((datetime.time(9, 0), datetime.time(12, 0)),)
        >>> desk.shifts_on(date(2026, 12, 31)), desk.shifts_on(date(2026, 12, 27))
        ((), ())

        .. versionadded:: 0.1.0
        """
        day = _date("shifts_on(day)", day)
        if _is_holiday(self, day):
            return ()
        for special_day, shifts in self.special_hours:
            if special_day == day:
                return shifts
        return dict(self.hours).get(day.weekday(), ())

    def local(self, at: datetime) -> datetime:
        """An instant in the calendar's zone: the zone-aware display form of a result.

        Results carry fixed UTC offsets so that they compare and subtract as
        instants; this is the same instant with the calendar's
        :class:`~zoneinfo.ZoneInfo` (``fold`` set in a repeated hour), as
        ``at.astimezone(ZoneInfo(calendar.timezone))`` would give. Python
        compares two datetimes of one ``ZoneInfo`` by their wall times, ignoring
        ``fold``: compare and subtract results, display local ones.

        Args:
            at: an aware datetime, in any zone.

        >>> from datetime import datetime, time, timedelta
        >>> from zoneinfo import ZoneInfo
        >>> from csroles import BusinessCalendar
        >>> desk = BusinessCalendar(timezone="Europe/Rome", hours={6: ((time(0), time(0)),)})
        >>> rome = ZoneInfo("Europe/Rome")
        >>> night = datetime(2026, 10, 25, tzinfo=rome)  # clocks go back at 03:00
        >>> late = desk.add_business_time(night, timedelta(hours=2, minutes=40))
        >>> early = desk.add_business_time(night, timedelta(hours=2, minutes=10))
        >>> print(early, late, early < late)
        2026-10-25 02:10:00+02:00 2026-10-25 02:40:00+02:00 True
        >>> print(desk.add_business_time(night, timedelta(hours=3, minutes=10)))
        2026-10-25 02:10:00+01:00
        >>> desk.local(late)
        datetime.datetime(2026, 10, 25, 2, 40, tzinfo=zoneinfo.ZoneInfo(key='Europe/Rome'))
        >>> desk.local(desk.add_business_time(night, timedelta(hours=3, minutes=10))).fold
        1

        .. versionadded:: 0.1.0
        """
        return self._engine.local(self._us("local", "at", at))

    # ------------------------------------------------------------- queries

    def is_open(self, at: datetime) -> bool:
        """Whether the calendar is open at an instant.

        Args:
            at: an aware datetime, in any zone.

        >>> from datetime import datetime, time
        >>> from zoneinfo import ZoneInfo
        >>> from csroles import BusinessCalendar
        >>> desk = BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)})
        >>> monday = datetime(2026, 6, 1, tzinfo=ZoneInfo("Europe/Rome"))
        >>> desk.is_open(monday.replace(hour=9)), desk.is_open(monday.replace(hour=17))
        (True, False)

        .. versionadded:: 0.1.0
        """
        return self._engine.is_open_us(self._us("is_open", "at", at))

    def next_opening(self, at: datetime) -> datetime:
        """The first open instant at or after ``at`` (``at`` itself when open).

        Args:
            at: an aware datetime, in any zone.

        >>> from datetime import datetime, time
        >>> from zoneinfo import ZoneInfo
        >>> from csroles import BusinessCalendar
        >>> desk = BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)})
        >>> desk.next_opening(datetime(2026, 6, 1, 17, tzinfo=ZoneInfo("Europe/Rome")))
        datetime.datetime(2026, 6, 8, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200)))

        .. versionadded:: 0.1.0
        """
        engine = self._engine
        return engine.from_us(engine.next_open_us(self._us("next_opening", "at", at)))

    def next_closing(self, at: datetime) -> datetime:
        """The first closed instant at or after ``at`` (``at`` itself when closed).

        While the calendar is open, that is the end of the current open period.

        Args:
            at: an aware datetime, in any zone.

        Raises:
            CalendarError: if the calendar never closes (as an always-open
                calendar), or not within about two years after ``at`` and its
                last date-specific exception.

        >>> from datetime import datetime, time
        >>> from zoneinfo import ZoneInfo
        >>> from csroles import BusinessCalendar
        >>> desk = BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)})
        >>> desk.next_closing(datetime(2026, 6, 1, 10, tzinfo=ZoneInfo("Europe/Rome")))
        datetime.datetime(2026, 6, 1, 17, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200)))

        .. versionadded:: 0.1.0
        """
        engine = self._engine
        return engine.from_us(engine.next_closed_us(self._us("next_closing", "at", at)))

    def add_business_time(self, start: datetime, duration: timedelta) -> datetime:
        """The deadline that lies ``duration`` of open time after ``start``.

        For a positive duration, the earliest instant ``t >= start`` such that
        the open time in ``[start, t)`` equals ``duration``: a deadline can land
        exactly on a closing time. For a zero duration, the first open instant
        at or after ``start``.

        Args:
            start: an aware datetime, in any zone.
            duration: a non-negative timedelta (or pendulum Duration without
                months or years).

        Returns:
            An aware datetime on the calendar's wall clock, with the UTC offset
            in force there as a fixed :class:`datetime.timezone` (see
            :meth:`local` for the zone-aware form).

        >>> from datetime import datetime, time, timedelta
        >>> from zoneinfo import ZoneInfo
        >>> from csroles import BusinessCalendar
        >>> desk = BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)})
        >>> desk.add_business_time(
        ...     datetime(2026, 6, 1, 9, tzinfo=ZoneInfo("Europe/Rome")), timedelta(hours=8)
        ... )
        datetime.datetime(2026, 6, 1, 17, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200)))

        .. versionadded:: 0.1.0
        """
        engine = self._engine
        # The hot path of SLA deadlines, in one function of the engine (plain
        # datetime and timedelta, the usual case); anything it does not take
        # is checked here, naming what is wrong, and takes the general path.
        found = engine.deadline(start, duration)
        if found is not None:
            return found
        start_us = self._us("add_business_time", "start", start)
        duration_us = self._duration_us("add_business_time", duration)
        return engine.from_us(engine.add_us(start_us, duration_us))

    def subtract_business_time(self, end: datetime, duration: timedelta) -> datetime:
        """The latest start that still meets ``end`` with ``duration`` of open time.

        For a positive duration, the latest instant ``s <= end`` such that the
        open time in ``[s, end)`` equals ``duration``; it is always an open
        instant, and ``add_business_time(s, duration) <= end``. For a zero
        duration, the supremum of the open instants at or before ``end``:
        ``end`` itself when the calendar is open at ``end`` or just before it,
        else the closing time of the last open period before ``end``.

        Args:
            end: an aware datetime, in any zone.
            duration: a non-negative timedelta.

        Returns:
            An aware datetime on the calendar's wall clock, with the UTC offset
            in force there as a fixed :class:`datetime.timezone` (see
            :meth:`local` for the zone-aware form).

        >>> from datetime import datetime, time, timedelta
        >>> from zoneinfo import ZoneInfo
        >>> from csroles import BusinessCalendar
        >>> desk = BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)})
        >>> desk.subtract_business_time(
        ...     datetime(2026, 6, 8, 10, tzinfo=ZoneInfo("Europe/Rome")), timedelta(hours=2)
        ... )
        datetime.datetime(2026, 6, 1, 16, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200)))

        .. versionadded:: 0.1.0
        """
        engine = self._engine
        end_us = self._us("subtract_business_time", "end", end)
        duration_us = self._duration_us("subtract_business_time", duration)
        return engine.from_us(engine.subtract_us(end_us, duration_us))

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """The open time in ``[start, end)``; zero when ``end <= start``.

        Args:
            start: an aware datetime, in any zone.
            end: an aware datetime, in any zone.

        >>> from datetime import datetime, time
        >>> from zoneinfo import ZoneInfo
        >>> from csroles import BusinessCalendar
        >>> desk = BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)})
        >>> rome = ZoneInfo("Europe/Rome")
        >>> desk.business_time_between(
        ...     datetime(2026, 6, 1, 16, tzinfo=rome), datetime(2026, 6, 8, 10, tzinfo=rome)
        ... )
        datetime.timedelta(seconds=7200)

        .. versionadded:: 0.1.0
        """
        engine = self._engine
        # The hot path of the metrics: plain datetimes converted inline (each
        # call of the checked conversion costs about a tenth of the floor, two
        # timestamp() calls); anything else is checked, naming what is wrong.
        a = b = MAX_US
        if type(start) is datetime and type(end) is datetime:
            try:
                a, b = (start - EPOCH) // ONE_US, (end - EPOCH) // ONE_US
            except Exception:  # naive, or a tzinfo that fails or is out of range
                a = MAX_US
        if not (MIN_US <= a < MAX_US and MIN_US <= b < MAX_US):
            a = self._us("business_time_between", "start", start)
            b = self._us("business_time_between", "end", end)
        return ONE_US * engine.between_us(a, b)

    def open_periods(self, start: datetime, end: datetime) -> Iterator[tuple[datetime, datetime]]:
        """The open periods that meet ``[start, end)``, clipped to it, in order.

        Each is an ``(opening, closing)`` pair of aware datetimes on the
        calendar's wall clock with fixed UTC offsets; touching and overlapping
        shifts form one period. ``closing - opening`` is the open time of a
        period, even across an offset change, and the lengths add up to
        :meth:`business_time_between`.

        Args:
            start: an aware datetime, in any zone.
            end: an aware datetime, in any zone.

        >>> from datetime import datetime, time
        >>> from zoneinfo import ZoneInfo
        >>> from csroles import BusinessCalendar
        >>> desk = BusinessCalendar(
        ...     timezone="Europe/Rome", hours={0: ((time(9), time(13)), (time(13), time(18)))}
        ... )
        >>> rome = ZoneInfo("Europe/Rome")
        >>> for opening, closing in desk.open_periods(
        ...     datetime(2026, 6, 1, 10, tzinfo=rome), datetime(2026, 6, 9, tzinfo=rome)
        ... ):
        ...     print(opening.isoformat(), closing.isoformat())
        2026-06-01T10:00:00+02:00 2026-06-01T18:00:00+02:00
        2026-06-08T09:00:00+02:00 2026-06-08T18:00:00+02:00

        .. versionadded:: 0.1.0
        """
        a = self._us("open_periods", "start", start)
        b = self._us("open_periods", "end", end)
        return self._periods(a, b)

    # ------------------------------------------------------------- integer time
    # For the SLA clocks and their batch form: the same answers on integer
    # microseconds since the epoch (UTC), without argument checks or datetime
    # conversions. Callers pass instants between MIN_YEAR and MAX_YEAR and
    # non-negative durations; the engine caches its work per calendar value.

    def _add_us(self, start_us: int, duration_us: int) -> int:
        """``add_business_time`` on integer microseconds."""
        return self._engine.add_us(start_us, duration_us)

    def _between_us(self, start_us: int, end_us: int) -> int:
        """``business_time_between`` on integer microseconds."""
        return self._engine.between_us(start_us, end_us)

    def _is_open_us(self, at_us: int) -> bool:
        """``is_open`` on integer microseconds."""
        return self._engine.is_open_us(at_us)

    def _from_us(self, us: int) -> datetime:
        """An instant in integer microseconds as a result datetime (the calendar's fixed offset)."""
        return self._engine.from_us(us)

    def _periods(self, a: int, b: int) -> Iterator[tuple[datetime, datetime]]:
        from_us = self._engine.from_us
        for opening, closing in self._engine.periods_us(a, b):
            yield from_us(opening), from_us(closing)


_ZERO = timedelta(0)
_MAX_VARIANTS = 512
_sub = datetime.__sub__
