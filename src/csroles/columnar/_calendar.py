"""Business time over arrays: the calendar engine's open intervals, searched with numpy.

The scalar engine (:mod:`csroles.sla._engine`) answers every question through the
cumulative open time ``C(t)``. Here the open intervals of the years a query
needs are laid out flat, as sorted integer arrays with their cumulative
lengths (a *table*), so that ``C`` and its inverse over a whole column are two
``numpy.searchsorted`` calls. The intervals are the engine's own blocks,
expanded: the answers are the engine's, to the microsecond.

Rows the table cannot answer with certainty (a result beyond the years laid
out, a span longer than the engine's reach) go to the scalar engine one by
one, so they get its answer or its error.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from csroles import _validation as v
from csroles.errors import CalendarError, InvalidEntityError
from csroles.sla._engine import (
    DAY,
    MAX_US,
    MAX_YEAR,
    MIN_US,
    MIN_YEAR,
    REACH_US,
    WEEK,
    Engine,
    _year_of,
    _year_start,
    to_us,
)
from csroles.sla.calendar import BusinessCalendar

__all__ = ["add_business_time", "business_time_between", "is_open"]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

_RANGE: Final = f"instants from {MIN_YEAR:04d}-01-01 to {MAX_YEAR:04d}-12-31 (UTC)"
# A table spans at most so many years; wider inputs are answered in groups of rows.
_SPAN_YEARS: Final = 48
_GROUP_YEARS: Final = 16
_EPOCH_YEAR: Final = 1970
_SLOT: Final = 15 * 60 * 1_000_000
_TABLES: Final = 8
_US_DTYPE: Final = np.dtype("datetime64[us]")


# ------------------------------------------------------------------ input columns


def _row_value(values: npt.NDArray[Any], row: int) -> object:
    value = values[row]
    return value.item() if isinstance(value, np.generic) and not np.isnat(value) else value


def _plain(owner: str, name: str, values: object) -> npt.NDArray[Any]:
    """A column as a 1-D numpy array, converted from pandas, polars, pyarrow and other array types."""
    module = type(values).__module__.split(".")[0]
    if module == "pandas":
        dtype = getattr(values, "dtype", None)
        if getattr(dtype, "tz", None) is not None:
            values = values.dt.tz_convert("UTC").dt.tz_localize(None)  # type: ignore[attr-defined]
        elif getattr(dtype, "kind", None) == "M":
            v.fail(
                owner,
                name,
                f"a pandas column of {dtype}",
                "a column of time-zone-aware instants (this pandas column is naive)",
                error=CalendarError,
            )
        kind = getattr(dtype, "kind", None)
        if kind in ("M", "m") or kind in ("i", "u", "b"):
            values = values.to_numpy()  # type: ignore[attr-defined]
        else:  # strings, categories, objects: a missing value is None
            values = values.to_numpy(dtype=object, na_value=None)  # type: ignore[attr-defined]
    elif module == "polars":
        dtype = getattr(values, "dtype", None)
        naive = type(dtype).__name__ == "Date" or (
            type(dtype).__name__ == "Datetime" and getattr(dtype, "time_zone", None) is None
        )
        if naive:
            v.fail(
                owner,
                name,
                f"a polars column of {dtype}",
                "a column of time-zone-aware instants (this polars column is naive)",
                error=CalendarError,
            )
        # Zero-copy where polars can (numbers and instants without nulls); an
        # aware column comes as UTC datetime64, strings as objects (None for null).
        values = values.to_numpy()  # type: ignore[attr-defined]
    elif module == "pyarrow":
        arrow_type = getattr(values, "type", None)
        if (
            getattr(arrow_type, "unit", None) is not None
            and getattr(arrow_type, "tz", None) is None
        ):
            v.fail(
                owner,
                name,
                f"a pyarrow column of {arrow_type}",
                "a column of time-zone-aware instants (this pyarrow column is naive)",
                error=CalendarError,
            )
        values = values.to_numpy(zero_copy_only=False)  # type: ignore[attr-defined]
    if isinstance(values, (str, bytes)):
        v.fail(owner, name, values, "a one-dimensional array", error=InvalidEntityError)
    try:
        array = np.asarray(values)
    except Exception:
        v.fail(owner, name, values, "a one-dimensional array", error=InvalidEntityError)
    if array.ndim != 1:
        v.fail(
            owner,
            name,
            f"an array of shape {array.shape}",
            "a one-dimensional array",
            error=InvalidEntityError,
        )
    return array


def _whole_microseconds(
    owner: str, name: str, array: npt.NDArray[Any], *, noun: str, missing: str, bad_unit: str
) -> Ints:
    """A datetime64 or timedelta64 column as integer microseconds.

    NaT is refused with ``missing``, a nanosecond value that is not a whole
    microsecond is refused, and a unit finer than nanoseconds or coarser than
    weeks with ``bad_unit``.
    """
    nat = np.isnat(array)
    if nat.any():
        row = int(np.argmax(nat))
        v.fail(owner, f"{name}[{row}]", "NaT", missing, error=CalendarError)
    unit = np.datetime_data(array.dtype)[0]
    if unit == "ns":
        raw = array.view(np.int64)
        inexact = raw % 1000 != 0
        if inexact.any():
            row = int(np.argmax(inexact))
            v.fail(
                owner,
                f"{name}[{row}]",
                array[row],
                f"{noun} in whole microseconds (this nanosecond column has a fraction)",
                error=CalendarError,
            )
        return raw // 1000
    if unit not in ("us", "ms", "s", "m", "h", "D", "W"):
        v.fail(owner, name, f"an array of {array.dtype}", bad_unit, error=CalendarError)
    return array.astype(f"{array.dtype.kind}8[us]").view(np.int64)


def instants_column(owner: str, name: str, values: object) -> Ints:
    """A column of instants as integer microseconds since the epoch (UTC), checked.

    numpy ``datetime64`` values are UTC instants; ``s``, ``ms`` and ``us`` units
    convert exactly, ``ns`` only when every value is a whole microsecond. A
    column of aware datetimes converts row by row.
    """
    array = _plain(owner, name, values)
    if array.dtype.kind == "M":
        raw = array.view(np.int64)
        if array.dtype == _US_DTYPE and len(raw) and raw.min() >= MIN_US and raw.max() < MAX_US:
            return np.ascontiguousarray(raw)  # the common case, checked with two reductions
        us = _whole_microseconds(
            owner,
            name,
            array,
            noun="an instant",
            missing=f"an instant ({_RANGE})",
            bad_unit="datetime64 values in a unit from weeks to nanoseconds",
        )
    elif array.dtype.kind == "O" or len(array) == 0:
        us = np.empty(len(array), dtype=np.int64)
        for row, value in enumerate(array.tolist()):
            if not isinstance(value, datetime):
                v.fail(owner, f"{name}[{row}]", value, "an aware datetime", error=CalendarError)
            try:
                us[row] = to_us(value)
            except (TypeError, ValueError, OverflowError):
                v.fail(
                    owner,
                    f"{name}[{row}]",
                    value,
                    f"an aware datetime ({_RANGE})",
                    error=CalendarError,
                )
    else:
        v.fail(
            owner,
            name,
            f"an array of {array.dtype}",
            "a column of instants: numpy datetime64 (UTC), or aware datetimes",
            error=CalendarError,
        )
    if len(us) and (us.min() < MIN_US or us.max() >= MAX_US):
        outside = (us < MIN_US) | (us >= MAX_US)
        row = int(np.argmax(outside))
        v.fail(owner, f"{name}[{row}]", _row_value(array, row), _RANGE, error=CalendarError)
    return np.ascontiguousarray(us, dtype=np.int64)


def durations_column(owner: str, name: str, values: object) -> Ints:
    """A column of non-negative durations as integer microseconds, checked."""
    array = _plain(owner, name, values)
    expected = "a duration of zero or more (timedelta64, or datetime.timedelta)"
    if array.dtype.kind == "m":
        us = _whole_microseconds(
            owner, name, array, noun="a duration", missing=expected, bad_unit=expected
        )
    elif array.dtype.kind == "O" or len(array) == 0:
        us = np.empty(len(array), dtype=np.int64)
        for row, value in enumerate(array.tolist()):
            if not isinstance(value, timedelta):
                v.fail(owner, f"{name}[{row}]", value, expected, error=CalendarError)
            us[row] = value // timedelta(microseconds=1)
    else:
        v.fail(owner, name, f"an array of {array.dtype}", expected, error=CalendarError)
    negative = us < 0
    if negative.any():
        row = int(np.argmax(negative))
        v.fail(owner, f"{name}[{row}]", array[row], expected, error=CalendarError)
    return np.ascontiguousarray(us, dtype=np.int64)


def _same_length(owner: str, first: str, a: Ints, second: str, b: Ints) -> None:
    if len(a) != len(b):
        v.fail(
            owner,
            second,
            f"an array of {len(b)} rows",
            f"as many rows as {first} ({len(a)})",
            error=InvalidEntityError,
        )


def _calendar(owner: str, calendar: object) -> BusinessCalendar:
    if not isinstance(calendar, BusinessCalendar):
        v.fail(owner, "calendar", calendar, "a BusinessCalendar", error=InvalidEntityError)
    return calendar


# ------------------------------------------------------------------ tables


class Table:
    """The open intervals of consecutive UTC years, flat, with ``C`` at each.

    Row 0 is an empty interval at the table's start, so that every instant
    of ``[lo, hi]`` has an interval starting at or before it. A grid of
    fifteen-minute slots makes ``C`` a lookup: in a slot that no opening or
    closing cuts, ``C(t)`` is ``a + r * t`` (``r`` is 1 in an open slot, 0 in a
    closed one); the other slots bisect the intervals.
    """

    __slots__ = ("cum_before", "cum_end", "ends", "hi", "lo", "offset", "rate", "starts", "total")

    def __init__(self, starts: Ints, ends: Ints, lo: int, hi: int) -> None:
        self.lo = lo
        self.hi = hi
        self.starts = np.concatenate(([lo], starts)).astype(np.int64)
        self.ends = np.concatenate(([lo], ends)).astype(np.int64)
        self.cum_end = np.cumsum(self.ends - self.starts)
        self.cum_before = self.cum_end - (self.ends - self.starts)
        self.total = int(self.cum_end[-1])
        slots = lo + np.arange((hi - lo) // _SLOT + 1, dtype=np.int64) * _SLOT
        j = np.searchsorted(self.starts, slots, side="right") - 1
        rate = (slots < self.ends[j]).astype(np.int64)
        cut = np.zeros(len(slots), dtype=bool)
        for edges in (self.starts[1:], self.ends[1:]):
            inner = edges[(edges - lo) % _SLOT != 0]
            cut[(inner - lo) // _SLOT] = True
        self.offset = self._bisect(slots) - rate * slots
        rate[cut] = -1
        self.rate = rate

    def _bisect(self, t: Ints) -> Ints:
        j = np.searchsorted(self.starts, t, side="right") - 1
        return self.cum_before[j] + np.minimum(t, self.ends[j]) - self.starts[j]  # type: ignore[no-any-return]

    def cumulative(self, t: Ints) -> Ints:
        """``C(t)`` for instants in ``[lo, hi]``."""
        k = t - self.lo
        k //= _SLOT
        rate = self.rate[k]
        found = rate * t
        found += self.offset[k]
        cut = np.flatnonzero(rate < 0)
        if len(cut):
            found[cut] = self._bisect(t[cut])
        return found

    def earliest(self, goal: Ints) -> Ints:
        """The earliest ``t`` with ``C(t) == goal``, for ``0 < goal <= total``."""
        k = np.searchsorted(self.cum_end, goal, side="left")
        return self.starts[k] + goal - self.cum_before[k]  # type: ignore[no-any-return]


_YearIntervals = tuple[Ints, Ints]
# Per calendar: its years' intervals (by year) and its latest tables (by span).
_years: weakref.WeakKeyDictionary[BusinessCalendar, dict[Any, Any]] = weakref.WeakKeyDictionary()


def _year_intervals(engine: Engine, year: int) -> _YearIntervals:
    """The engine's open intervals in one UTC year, expanded from its blocks."""
    lo, hi = _year_start(year), _year_start(year + 1)
    starts: list[Ints] = []
    ends: list[Ints] = []
    for block in engine._chunk(year).blocks:
        b_lo, b_hi = max(block.lo, lo), min(block.hi, hi)
        if b_hi <= b_lo or not block.starts:
            continue
        pattern_starts = np.asarray(block.starts, dtype=np.int64)
        pattern_ends = np.asarray(block.ends, dtype=np.int64)
        if block.periodic:
            first = (b_lo - block.t0) // WEEK - 1
            last = (b_hi - block.t0) // WEEK + 1
            origins = block.t0 + np.arange(first, last + 1, dtype=np.int64) * WEEK
            s = (origins[:, None] + pattern_starts[None, :]).ravel()
            e = (origins[:, None] + pattern_ends[None, :]).ravel()
        else:
            s = block.t0 + pattern_starts
            e = block.t0 + pattern_ends
        s = np.maximum(s, b_lo)
        e = np.minimum(e, b_hi)
        keep = s < e
        starts.append(s[keep])
        ends.append(e[keep])
    if not starts:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(starts), np.concatenate(ends)


def table(calendar: BusinessCalendar, first: int, last: int) -> Table:
    """The table of the UTC years ``first`` to ``last`` (the latest few kept per calendar)."""
    cache = _years.get(calendar)
    if cache is None:
        cache = _years[calendar] = {}
    found = cache.get((first, last))
    if isinstance(found, Table):
        return found
    engine = calendar._engine
    starts: list[Ints] = []
    ends: list[Ints] = []
    for year in range(first, last + 1):
        pair = cache.get(year)
        if not isinstance(pair, tuple):
            pair = cache[year] = _year_intervals(engine, year)
        starts.append(pair[0])
        ends.append(pair[1])
    made = Table(
        np.concatenate(starts), np.concatenate(ends), _year_start(first), _year_start(last + 1)
    )
    tables = [key for key in cache if isinstance(key, tuple)]
    for key in tables[: max(0, len(tables) - _TABLES + 1)]:
        del cache[key]
    cache[first, last] = made
    return made


def _years_of(us: Ints) -> Ints:
    days = (us // DAY).astype("datetime64[D]")
    return days.astype("datetime64[Y]").astype(np.int64) + _EPOCH_YEAR


def groups(lo: Ints, hi: Ints) -> list[tuple[Ints | None, int, int]]:
    """Rows in groups whose instants ``lo`` to ``hi`` lie within a few dozen years.

    Each group is ``(rows, first year, last year)``; ``rows`` is ``None`` for
    every row.
    """
    if not len(lo):
        return []
    first, last = _year_of(int(lo.min())), _year_of(int(hi.max()))
    if last - first < _SPAN_YEARS:
        return [(None, first, last)]
    years_lo = _years_of(lo)
    years_hi = _years_of(hi)
    keys = years_lo // _GROUP_YEARS
    order = np.argsort(keys, kind="stable")
    bounds = np.flatnonzero(np.diff(keys[order])) + 1
    return [
        (rows, int(years_lo[rows].min()), int(years_hi[rows].max()))
        for rows in np.split(order, bounds)
    ]


# ------------------------------------------------------------------ integer forms


def _scalar_rows(
    owner: str,
    names: tuple[str, ...],
    rows: Ints,
    *,
    compute: Callable[[int], int],
    out: Ints,
    label: Callable[[int], str] | None = None,
) -> None:
    """Answer ``rows`` with the scalar engine, naming the first row it refuses."""
    for row in rows.tolist():
        try:
            out[row] = compute(row)
        except CalendarError as error:
            where = label(row) if label else " and ".join(f"{name}[{row}]" for name in names)
            raise CalendarError(f"{owner}: at {where}: {error}") from None


def between_us(
    calendar: BusinessCalendar,
    a: Ints,
    b: Ints,
    *,
    owner: str,
    names: tuple[str, str],
    label: Callable[[int], str] | None = None,
) -> Ints:
    """Open microseconds in ``[a, b)`` per row (zero where ``b <= a``); checked instants."""
    engine = calendar._engine
    out = np.zeros(len(a), dtype=np.int64)
    if engine._always_open:
        return np.maximum(b - a, 0, out=out)  # type: ignore[no-any-return]
    spans = b - a
    if len(a) and spans.max() <= REACH_US:
        first = _year_of(min(int(a.min()), int(b.min())))
        last = _year_of(max(int(a.max()), int(b.max())))
        if last - first < _SPAN_YEARS:
            t = table(calendar, first, last)
            found = t.cumulative(b)
            found -= t.cumulative(a)
            return np.maximum(found, 0, out=found)
    far = spans > REACH_US
    near = np.flatnonzero((b > a) & ~far)
    if len(near):
        a_near, b_near = a[near], b[near]
        for rows, first, last in groups(a_near, b_near):
            lo, hi = (a_near, b_near) if rows is None else (a_near[rows], b_near[rows])
            where = near if rows is None else near[rows]
            t = table(calendar, first, last)
            out[where] = t.cumulative(hi) - t.cumulative(lo)
    a_list, b_list = a, b
    _scalar_rows(
        owner,
        names,
        np.flatnonzero(far),
        compute=lambda row: engine.between_us(int(a_list[row]), int(b_list[row])),
        out=out,
        label=label,
    )
    return out


def add_us(
    calendar: BusinessCalendar,
    s: Ints,
    d: Ints,
    *,
    owner: str,
    names: tuple[str, str],
    label: Callable[[int], str] | None = None,
) -> Ints:
    """The earliest instants with ``d`` of open time after ``s`` (``add_business_time``)."""
    engine = calendar._engine
    out = np.empty(len(s), dtype=np.int64)
    if engine._always_open:
        np.add(s, d, out=out)
        bad = np.flatnonzero(out >= MAX_US)
        _scalar_rows(
            owner,
            names,
            bad[:1],
            compute=lambda row: engine.add_us(int(s[row]), int(d[row])),
            out=out,
            label=label,
        )
        return out
    fallback = np.ones(len(s), dtype=bool)
    weekly = engine._tpl.total * 52
    if len(s):
        longest = int(d.max())
        extra = min(longest // weekly + 1, 21) if weekly else 1
        for rows, first, last in groups(s, s):
            starts = s if rows is None else s[rows]
            lengths = d if rows is None else d[rows]
            t = table(calendar, first, min(last + extra, MAX_YEAR))
            base = t.cumulative(starts)
            goal = base + lengths
            positive = lengths > 0
            inside = goal <= t.total
            result = np.empty(len(starts), dtype=np.int64)
            k = np.nonzero(positive & inside)
            result[k] = t.earliest(goal[k])
            found = inside & positive
            zero = np.flatnonzero(~positive)
            if len(zero):  # the first open instant at or after the start
                at = starts[zero]
                j = np.searchsorted(t.starts, at, side="right") - 1
                is_open = at < t.ends[j]
                following = np.minimum(j + 1, len(t.starts) - 1)
                result[zero] = np.where(is_open, at, t.starts[following])
                found[zero] = is_open | (j + 1 < len(t.starts))
            found &= (result - starts <= REACH_US) & (result < MAX_US)
            where = np.arange(len(s)) if rows is None else rows
            out[where[found]] = result[found]
            fallback[where[found]] = False
    _scalar_rows(
        owner,
        names,
        np.flatnonzero(fallback),
        compute=lambda row: engine.add_us(int(s[row]), int(d[row])),
        out=out,
        label=label,
    )
    return out


def is_open_us(calendar: BusinessCalendar, t: Ints) -> Bools:
    """Whether the calendar is open at each instant."""
    engine = calendar._engine
    if engine._always_open:
        return np.ones(len(t), dtype=bool)
    out = np.zeros(len(t), dtype=bool)
    for rows, first, last in groups(t, t):
        at = t if rows is None else t[rows]
        tab = table(calendar, first, last)
        j = np.searchsorted(tab.starts, at, side="right") - 1
        found = at < tab.ends[j]
        if rows is None:
            out = found
        else:
            out[rows] = found
    return out


# ------------------------------------------------------------------ public functions


def business_time_between(
    calendar: BusinessCalendar, starts: object, ends: object
) -> npt.NDArray[np.timedelta64]:
    """The open time in ``[start, end)`` row by row; zero where ``end <= start``.

    The columnar form of :meth:`BusinessCalendar.business_time_between
    <csroles.BusinessCalendar.business_time_between>`: the same answer
    for every row, to the microsecond, and the same refusals (a span that
    reaches more than 20 years of the calendar's time raises
    :class:`~csroles.CalendarError`), naming the first row refused.

    Args:
        calendar: the business calendar.
        starts: the instants the spans start at: numpy ``datetime64`` (UTC),
            a time-zone-aware pandas or pyarrow column, or aware datetimes.
        ends: the instants they end at, as many as ``starts``.

    Returns:
        A ``timedelta64[us]`` array, one value per row.

    Raises:
        CalendarError: a naive pandas or pyarrow column, a ``NaT``, or an
            instant outside the years 0002 to 9998 (UTC), naming the
            argument and the first row; a span beyond the calendar's reach.
        InvalidEntityError: ``calendar`` is not a calendar, or the columns
            are not one-dimensional or differ in length.

    >>> import numpy as np
    >>> from datetime import time
    >>> from csroles import BusinessCalendar
    >>> from csroles.columnar import business_time_between
    >>> desk = BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)})
    >>> starts = np.array(["2026-06-01T07:00", "2026-06-01T14:00"], dtype="datetime64[us]")
    >>> ends = np.array(["2026-06-08T08:00", "2026-06-01T12:00"], dtype="datetime64[us]")
    >>> business_time_between(desk, starts, ends).astype("timedelta64[m]")
    array([540,   0], dtype='timedelta64[m]')

    .. versionadded:: 0.1.0
    """
    owner = "business_time_between"
    calendar = _calendar(owner, calendar)
    a = instants_column(owner, "starts", starts)
    b = instants_column(owner, "ends", ends)
    _same_length(owner, "starts", a, "ends", b)
    return between_us(calendar, a, b, owner=owner, names=("starts", "ends")).view("timedelta64[us]")


def add_business_time(
    calendar: BusinessCalendar, starts: object, durations: object
) -> npt.NDArray[np.datetime64]:
    """The deadline ``duration`` of open time after each start.

    The columnar form of :meth:`BusinessCalendar.add_business_time
    <csroles.BusinessCalendar.add_business_time>`: for a positive
    duration, the earliest instant with that much open time since the start;
    for a zero duration, the first open instant at or after the start. The
    same answer for every row, to the microsecond, and the same refusals,
    naming the first row refused.

    Args:
        calendar: the business calendar.
        starts: the instants: numpy ``datetime64`` (UTC), a time-zone-aware
            pandas or pyarrow column, or aware datetimes.
        durations: non-negative ``timedelta64`` values (or timedeltas), as
            many as ``starts``.

    Returns:
        A ``datetime64[us]`` array of UTC instants.

    Raises:
        CalendarError: a naive column, a ``NaT``, a negative duration, an
            instant or a deadline outside the years 0002 to 9998 (UTC), or a
            deadline beyond the calendar's reach, naming the first row.
        InvalidEntityError: ``calendar`` is not a calendar, or the columns
            are not one-dimensional or differ in length.

    >>> import numpy as np
    >>> from datetime import time
    >>> from csroles import BusinessCalendar
    >>> from csroles.columnar import add_business_time
    >>> desk = BusinessCalendar(timezone="UTC", hours={d: ((time(9), time(17)),) for d in range(5)})
    >>> starts = np.array(["2026-06-05T16:00", "2026-06-06T10:00"], dtype="datetime64[us]")
    >>> add_business_time(desk, starts, np.array([2, 0], dtype="timedelta64[h]"))
    array(['2026-06-08T10:00:00.000000', '2026-06-08T09:00:00.000000'],
          dtype='datetime64[us]')

    .. versionadded:: 0.1.0
    """
    owner = "add_business_time"
    calendar = _calendar(owner, calendar)
    s = instants_column(owner, "starts", starts)
    d = durations_column(owner, "durations", durations)
    _same_length(owner, "starts", s, "durations", d)
    return add_us(calendar, s, d, owner=owner, names=("starts", "durations")).view("datetime64[us]")


def is_open(calendar: BusinessCalendar, instants: object) -> Bools:
    """Whether the calendar is open at each instant.

    The columnar form of :meth:`BusinessCalendar.is_open
    <csroles.BusinessCalendar.is_open>`: open at an opening instant,
    closed at a closing one.

    Args:
        calendar: the business calendar.
        instants: numpy ``datetime64`` (UTC), a time-zone-aware pandas or
            pyarrow column, or aware datetimes.

    Returns:
        A boolean array, one value per row.

    Raises:
        CalendarError: a naive column, a ``NaT`` or an instant outside the
            years 0002 to 9998 (UTC), naming the first row.
        InvalidEntityError: ``calendar`` is not a calendar, or the column is
            not one-dimensional.

    >>> import numpy as np
    >>> from datetime import time
    >>> from csroles import BusinessCalendar
    >>> from csroles.columnar import is_open
    >>> desk = BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)})
    >>> at = np.array(["2026-06-01T07:00", "2026-06-01T15:00"], dtype="datetime64[us]")
    >>> is_open(desk, at)
    array([ True, False])

    .. versionadded:: 0.1.0
    """
    owner = "is_open"
    calendar = _calendar(owner, calendar)
    t = instants_column(owner, "instants", instants)
    return is_open_us(calendar, t)
