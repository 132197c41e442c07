"""The private integer-time engine behind :class:`~csroles.sla.BusinessCalendar`.

Instants are integers: microseconds since 1970-01-01 00:00 UTC. Local wall
times are the same kind of integer read on the zone's wall clock, as if the
wall clock were UTC.

The open time of a calendar is a set of half-open intervals ``[opening,
closing)``. The engine answers every question through one function, the
cumulative open time ``C(t)`` (open microseconds from an arbitrary origin up to
``t``): ``C`` is continuous and never decreases, so

- the open time in ``[a, b)`` is ``C(b) - C(a)``;
- adding ``d`` to ``s`` is the earliest ``t`` with ``C(t) = C(s) + d``;
- subtracting ``d`` from ``e`` is the latest ``s`` with ``C(s) = C(e) - d``.

The timeline is cut into contiguous *blocks*, built lazily one UTC year at a
time and kept with the value of ``C`` at each block's start, so that ``C`` and
its inverses are a bisection over blocks plus a bisection inside one block: the
cost does not depend on how far apart the two instants are.

- A *periodic* block repeats one precomputed week: the union of the weekday
  shifts folded onto ``[0, 1 week)`` of wall time, shifted to UTC by the block's
  constant UTC offset. Whole weeks are jumped arithmetically.
- An *explicit* block holds its own sorted intervals, computed date by date
  with :mod:`zoneinfo` exactly as the documented semantics read wall times
  (fold=0). Explicit blocks cover a few days around every UTC-offset change of
  the zone and around every holiday and special-hours date; closures are cut
  out of whatever block they fall in.

The offset changes of a zone are found by sampling its UTC offset every
``_STEP`` (two days): no zone in the tz database changes its offset twice
within three days, so a sample pair that agrees has no change between them (the
test suite checks this property of the installed tz database).

The SLA clocks and their batch form share this work through the ``*_us``
methods of :class:`Engine` (``add_us``, ``between_us``, ``is_open_us``,
``next_open_us``, ``next_closed_us``, ``last_open_us``, ``subtract_us``), which
take and return integer microseconds, and the conversions :func:`to_us` and
:meth:`Engine.from_us`; ``BusinessCalendar`` forwards the common ones as
``_add_us``, ``_between_us`` and ``_is_open_us``. The work is cached on the
calendar object (one engine each), so every caller holding it shares it.
"""

from __future__ import annotations

import functools
import zoneinfo
from bisect import bisect_left, bisect_right
from calendar import monthrange
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import accumulate
from typing import Final

from csroles._validation import fixed_zone
from csroles.errors import CalendarError

__all__: list[str] = []

US: Final = 1_000_000
DAY: Final = 86_400 * US
WEEK: Final = 7 * DAY
ONE_US: Final = timedelta(microseconds=1)
EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_ORDINAL: Final = date(1970, 1, 1).toordinal()
# Wall-time origin of the weekly template: 1970-01-05 00:00, a Monday.
MONDAY0: Final = 4 * DAY
# The engine works inside these UTC years (the edges of datetime stay out of reach).
MIN_YEAR: Final = 2
MAX_YEAR: Final = 9998
_STEP: Final = 2 * DAY
# Around an offset change or an exception date, so much time is computed date by date.
_MARGIN: Final = 4 * DAY
# next_opening / next_closing look this far past the last date-specific exception.
_HORIZON: Final = 800 * DAY
# The work bound: one query looks at most this many years of the timeline, not
# counting whole years inside a closure (those are skipped in one step). A year
# of blocks costs about a millisecond to build the first time.
REACH_YEARS: Final = 20
REACH_US: Final = REACH_YEARS * 366 * DAY
# An index never grows by more years at a time, nor widens past so many blocks
# (beyond that a query starts a new index rather than copying a long one).
_GROWTH_YEARS: Final = 4
_INDEX_BLOCKS: Final = 64 * REACH_YEARS
# A chunk with more open intervals than this (about 58 a week over a year) keeps
# no flat form, and its index answers through its blocks (the general path).
FLAT_LIMIT: Final = 3_000

_fromtimestamp = datetime.fromtimestamp
_sub = datetime.__sub__  # aware difference of any datetime subclass, as a plain timedelta
# Below 2**51 microseconds (years 1898 to 2041), us / 10**6 as a float is within a
# quarter of a microsecond of the exact number of seconds.
_FLOAT_EXACT: Final = 2**51


def _year_start(year: int) -> int:
    return (date(year, 1, 1).toordinal() - EPOCH_ORDINAL) * DAY


MIN_US: Final = _year_start(MIN_YEAR)
MAX_US: Final = _year_start(MAX_YEAR + 1)


def _year_of(us: int) -> int:
    return date.fromordinal(us // DAY + EPOCH_ORDINAL).year


def to_us(moment: datetime) -> int:
    """An aware datetime as integer microseconds since the epoch (exact)."""
    return _sub(moment, EPOCH) // ONE_US


def _utc_offset(zone: zoneinfo.ZoneInfo, us: int) -> int:
    moment = (EPOCH + timedelta(microseconds=us)).astimezone(zone)
    return moment.utcoffset() // ONE_US  # type: ignore[operator]


@functools.lru_cache(maxsize=4096)
def _offset_changes(zone_key: str, year: int) -> tuple[tuple[int, int], ...]:
    """Windows ``(lo, hi)`` around every UTC-offset change near a UTC year.

    Each window covers a change and ``_MARGIN`` on both sides; the samples span
    the year plus five days on each side.
    """
    zone = zoneinfo.ZoneInfo(zone_key)
    first = (_year_start(year) - 5 * DAY) // US
    stop = (_year_start(year + 1) + 5 * DAY) // US + _STEP // US
    # One comprehension of C calls: this is most of the cost of a year of blocks.
    offsets = [_fromtimestamp(s, zone).utcoffset() for s in range(first, stop, _STEP // US)]
    windows = []
    for k in range(1, len(offsets)):
        if offsets[k] != offsets[k - 1]:
            t = (first * US) + (k - 1) * _STEP
            windows.append((t - _MARGIN, t + _STEP + _MARGIN))
    return tuple(windows)


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping or touching (non-empty) intervals."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


class _Sorted:
    """Sorted, disjoint, non-touching intervals with their cumulative lengths."""

    __slots__ = ("cum_before", "cum_end", "ends", "starts", "total")

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        self.starts = [lo for lo, _ in intervals]
        self.ends = [hi for _, hi in intervals]
        self.cum_before: list[int] = []
        self.cum_end: list[int] = []
        total = 0
        for lo, hi in intervals:
            self.cum_before.append(total)
            total += hi - lo
            self.cum_end.append(total)
        self.total = total


class _Block:
    """A stretch ``[lo, hi)`` of the timeline that repeats a pattern of intervals.

    The pattern (``starts``, ``ends`` and their cumulative lengths) covers
    ``[0, period)`` and repeats from the instant ``t0`` on. A periodic block
    repeats the weekly template (``period`` one week, ``t0`` a Monday 00:00
    wall time shifted by the block's UTC offset); an explicit block holds its
    own intervals once (``t0 = lo``, ``period = hi - lo``). Both are read by the
    same arithmetic, which :meth:`Engine.add_us` inlines.
    """

    __slots__ = (
        "base",
        "cum_before",
        "cum_end",
        "ends",
        "fields",
        "fixed",
        "hi",
        "lo",
        "pattern",
        "period",
        "periodic",
        "starts",
        "t0",
        "total",
        "unit",
    )

    def __init__(
        self, lo: int, hi: int, t0: int, period: int, pattern: _Sorted, *, periodic: bool
    ) -> None:
        self.lo = lo
        self.hi = hi
        self.t0 = t0
        self.period = period
        self.periodic = periodic
        self.pattern = pattern
        self.starts = pattern.starts
        self.ends = pattern.ends
        self.cum_before = pattern.cum_before
        self.cum_end = pattern.cum_end
        self.unit = pattern.total  # open time per period
        self.base = self._g(lo - t0)
        self.total = self._g(hi - t0) - self.base  # open time in [lo, hi)
        # A periodic block lies between two offset changes: the zone's UTC offset
        # in it, as the fixed zone of its results (None for an explicit block).
        self.fixed = fixed_zone(timedelta(microseconds=MONDAY0 - t0)) if periodic else None
        # What the inlined arithmetic of Engine.add_us reads, in one attribute.
        self.fields = (
            t0,
            period,
            self.starts,
            self.ends,
            self.cum_before,
            self.cum_end,
            self.unit,
            self.base,
            self.base + self.total,
        )

    @classmethod
    def repeating(cls, lo: int, hi: int, week: _Sorted, offset: int) -> _Block:
        return cls(lo, hi, MONDAY0 - offset, WEEK, week, periodic=True)

    @classmethod
    def explicit(cls, lo: int, hi: int, intervals: list[tuple[int, int]]) -> _Block:
        relative = [(a - lo, b - lo) for a, b in intervals]
        return cls(lo, hi, lo, hi - lo, _Sorted(relative), periodic=False)

    def restrict(self, lo: int, hi: int) -> _Block:
        if self.periodic:
            return _Block(lo, hi, self.t0, WEEK, self.pattern, periodic=True)
        kept = [
            (max(a + self.t0, lo), min(b + self.t0, hi))
            for a, b in zip(self.starts, self.ends, strict=True)
            if a + self.t0 < hi and b + self.t0 > lo
        ]
        return _Block.explicit(lo, hi, kept)

    def _g(self, x: int) -> int:
        """Open time in ``[t0, t0 + x)`` of the endlessly repeated pattern."""
        periods, rest = divmod(x, self.period)
        j = bisect_right(self.starts, rest) - 1
        if j < 0:
            return periods * self.unit
        return periods * self.unit + self.cum_before[j] + min(rest, self.ends[j]) - self.starts[j]

    def _g_inverse(self, goal: int) -> int:
        """The earliest ``x`` with ``_g(x) == goal`` (``goal`` > 0 periods' worth)."""
        periods, rest = divmod(goal, self.unit)
        if rest == 0:
            periods -= 1
            rest = self.unit
        k = bisect_left(self.cum_end, rest)
        return periods * self.period + self.starts[k] + rest - self.cum_before[k]

    def measure_to(self, t: int) -> int:
        """Open time in ``[lo, t)``."""
        return self._g(t - self.t0) - self.base

    def earliest(self, rem: int) -> int:
        """The earliest ``t`` with ``measure_to(t) == rem``, for ``0 < rem <= total``."""
        return self.t0 + self._g_inverse(self.base + rem)

    def latest(self, rem: int) -> int:
        """The latest ``t`` with ``measure_to(t) == rem``, for ``0 <= rem < total``."""
        periods, rest = divmod(self.base + rem, self.unit)
        j = bisect_right(self.cum_before, rest) - 1
        return self.t0 + periods * self.period + self.starts[j] + rest - self.cum_before[j]

    def _find(self, t: int) -> tuple[int, int, int]:
        """``(periods, rest, j)``: where ``t`` falls, and the last interval starting at or before it."""
        periods, rest = divmod(t - self.t0, self.period)
        return periods, rest, bisect_right(self.starts, rest) - 1

    def is_open(self, t: int) -> bool:
        _, rest, j = self._find(t)
        return j >= 0 and rest < self.ends[j]

    def first_open(self, t: int) -> int | None:
        """The first open instant in ``[t, hi)``, or None."""
        if not self.starts:
            return None
        periods, rest, j = self._find(t)
        if j >= 0 and rest < self.ends[j]:
            return t
        if j + 1 < len(self.starts):
            found = self.t0 + periods * self.period + self.starts[j + 1]
        else:
            found = self.t0 + (periods + 1) * self.period + self.starts[0]
        return found if found < self.hi else None

    def last_open_end(self, t: int) -> int | None:
        """``sup`` of the open instants in ``[lo, t)``, or None if there are none."""
        if not self.starts:
            return None
        periods, rest = divmod(t - self.t0, self.period)
        j = bisect_left(self.starts, rest) - 1
        if j >= 0:
            found = self.t0 + periods * self.period + min(self.ends[j], rest)
        else:
            found = self.t0 + (periods - 1) * self.period + self.ends[-1]
        return found if found > self.lo else None

    def run_end(self, t: int) -> int:
        """For an open ``t``: where its open run closes, or ``hi`` if it runs to the end."""
        periods, _, j = self._find(t)
        end = self.ends[j]
        if end == self.period and self.starts[0] == 0:
            # The run goes on into the next period.
            if len(self.starts) == 1:
                return self.hi
            end = self.period + self.ends[0]
        return min(self.t0 + periods * self.period + end, self.hi)


# A shift as the engine keeps it: its start and end wall times, and whether the
# end falls on the following day.
Shift = tuple[time, time, bool]


def _shift_us(shift: Shift) -> tuple[int, int]:
    start, end, next_day = shift
    s = (start.hour * 3600 + start.minute * 60 + start.second) * US + start.microsecond
    e = (end.hour * 3600 + end.minute * 60 + end.second) * US + end.microsecond
    return s, e + (DAY if next_day else 0)


def _describe(us: int) -> str:
    if MIN_US - 400 * DAY <= us < MAX_US + 300 * DAY:
        return (EPOCH + timedelta(microseconds=us)).isoformat()
    return "an instant beyond the datetime range"


def _check_range(us: int) -> None:
    if not MIN_US <= us < MAX_US:
        raise CalendarError(
            f"BusinessCalendar: the computation reaches {_describe(us)}, expected instants "
            f"from {MIN_YEAR:04d}-01-01 to {MAX_YEAR:04d}-12-31 (UTC)"
        )


#: A chunk's open intervals one by one: their starts, ends, lengths, and the
#: fixed UTC offset in force over each (None where it may change inside).
Flat = tuple[list[int], list[int], list[int], list["tzinfo | None"]]


class _Chunk:
    """The blocks of the UTC years ``first`` to ``last``, and their flat form.

    A chunk holds one year, or a run of whole years inside one closure as a
    single closed block. ``flat`` lists its open intervals one by one (see
    :meth:`Engine._flatten`), or is None when they are more than ``FLAT_LIMIT``.
    """

    __slots__ = ("blocks", "first", "flat", "last", "starts", "total")

    def __init__(self, first: int, last: int, blocks: list[_Block], flat: Flat | None) -> None:
        self.first = first
        self.last = last
        self.blocks = blocks
        self.flat = flat
        self.starts = [block.lo for block in blocks]
        self.total = sum(block.total for block in blocks)


class _Index:
    """Consecutive years of blocks with ``C`` at each block's start (and at the end).

    When every chunk has a flat form, so does the index: ``flat_starts``,
    ``flat_ends`` and ``flat_fixed`` list every open interval of ``[lo, hi)``
    after a first empty one at ``lo``, and ``flat_cums[k]`` is ``C`` at the
    start of interval ``k`` (one more entry: ``C`` at ``hi``). The hot paths
    read ``C`` and its inverse from these with one bisection each (see
    :meth:`Engine.add_us`); ``flat`` says whether they are there.
    """

    __slots__ = (
        "blocks",
        "cums",
        "first",
        "flat",
        "flat_cums",
        "flat_ends",
        "flat_fixed",
        "flat_starts",
        "hi",
        "last",
        "lo",
        "starts",
    )

    def __init__(self, chunks: list[_Chunk], origin: int) -> None:
        self.first = first = chunks[0].first
        self.last = last = chunks[-1].last
        self.lo = _year_start(first)
        self.hi = _year_start(last + 1)
        self.blocks = [block for chunk in chunks for block in chunk.blocks]
        self.starts = [block.lo for block in self.blocks]
        self.cums = [origin]
        for block in self.blocks:
            self.cums.append(self.cums[-1] + block.total)
        # The flat form: the chunks' lists end to end, after an empty interval
        # at lo, so that every instant of [lo, hi) has an interval starting at
        # or before it.
        self.flat = all(chunk.flat is not None for chunk in chunks)
        starts, ends, lengths = [self.lo], [self.lo], [0]
        fixed: list[tzinfo | None] = [None]
        if self.flat:
            for chunk in chunks:
                c_starts, c_ends, c_lengths, c_fixed = chunk.flat  # type: ignore[misc]
                starts += c_starts
                ends += c_ends
                lengths += c_lengths
                fixed += c_fixed
        self.flat_starts = starts
        self.flat_ends = ends
        self.flat_fixed = fixed
        self.flat_cums = list(accumulate(lengths, initial=origin))

    def cumulative(self, t: int) -> int:
        i = bisect_right(self.starts, t) - 1
        return self.cums[i] + self.blocks[i].measure_to(t)


class Engine:
    """The open time of one calendar, as integer microseconds.

    Args:
        zone_key: an IANA zone name.
        weekly: seven sequences of shifts, Monday first.
        holidays: local dates whose shifts are removed.
        special: local dates whose shifts replace the weekday's.
        closures: closed UTC intervals, in microseconds.
        annual: ``(month, day)`` pairs whose shifts are removed every year.
    """

    __slots__ = (
        "_always_open",
        "_annual",
        "_chunks",
        "_closure_cums",
        "_closure_his",
        "_closure_los",
        "_closures",
        "_exceptions",
        "_holidays",
        "_index",
        "_last_edge",
        "_special",
        "_special_span",
        "_tpl",
        "_weekly",
        "blocks_built",
        "variants",
        "years_built",
        "zone",
        "zone_key",
    )

    def __init__(
        self,
        zone_key: str,
        weekly: Sequence[Sequence[Shift]],
        holidays: frozenset[date],
        special: Mapping[date, Sequence[Shift]],
        closures: Sequence[tuple[int, int]],
        *,
        annual: frozenset[tuple[int, int]] = frozenset(),
    ) -> None:
        self.zone_key = zone_key
        self._annual = annual
        self.zone = zoneinfo.ZoneInfo(zone_key)
        self._weekly = [tuple(day) for day in weekly]
        self._holidays = frozenset(day.toordinal() for day in holidays)
        self._special = {day.toordinal(): tuple(shifts) for day, shifts in special.items()}
        self._closures = _merge(list(closures))
        self._closure_los = [lo for lo, _ in self._closures]
        self._closure_his = [hi for _, hi in self._closures]
        self._closure_cums = [0]
        for lo, hi in self._closures:
            self._closure_cums.append(self._closure_cums[-1] + hi - lo)
        self._exceptions = sorted(self._holidays | set(self._special))
        # Where date-specific exceptions end (next_closing searches a while past it)
        # and which span holds the open time of the special dates.
        edges = [(o - EPOCH_ORDINAL) * DAY for o in self._exceptions]
        edges += [edge for closure in self._closures for edge in closure]
        self._last_edge = max(edges, default=None)
        special_open = [
            (o - EPOCH_ORDINAL) * DAY
            for o, shifts in self._special.items()
            if shifts and o not in self._holidays
        ]
        self._special_span = (
            (min(special_open) - 2 * DAY, max(special_open) + 3 * DAY) if special_open else None
        )
        pieces: list[tuple[int, int]] = []
        for weekday, shifts in enumerate(self._weekly):
            for shift in shifts:
                s, e = _shift_us(shift)
                s, e = s + weekday * DAY, e + weekday * DAY
                pieces.append((s, min(e, WEEK)))
                if e > WEEK:
                    pieces.append((0, e - WEEK))
        self._tpl = _Sorted(_merge(pieces))
        # Every weekday holds a whole-day shift starting at the same wall time and
        # nothing is date-specific: the shifts chain into one endless open run, even
        # across offset changes, since each shift ends where the next one starts.
        whole_days = [{s for s, e, _ in day if s == e} for day in self._weekly]
        self._always_open = (
            not self._exceptions
            and not self._annual
            and not self._closures
            and bool(set.intersection(*whole_days))
        )
        self._chunks: dict[int, _Chunk] = {}
        self._index: _Index | None = None
        # The work done so far, which the test suite bounds per query.
        self.years_built = 0
        self.blocks_built = 0
        # The same calendar in other zones (BusinessCalendar.with_timezone keeps them).
        self.variants: dict[str, object] = {}

    # ------------------------------------------------------------- conversions

    def from_us(self, us: int) -> datetime:
        """An instant as an aware datetime with the calendar zone's UTC offset there (exact).

        The wall time is the zone's and the tzinfo the fixed offset in force at
        that instant (a :class:`datetime.timezone`), so that results compare and
        subtract as the instants they are, even in an autumn fold.
        """
        if -_FLOAT_EXACT < us < _FLOAT_EXACT:
            # The fast path: where the index holds a periodic block, its fixed
            # offset is the zone's, and one fromtimestamp with it builds the
            # result (a third of the cost of fromtimestamp with the ZoneInfo
            # plus replace(tzinfo=...); see the calendar benchmark).
            index = self._index
            if index is not None and index.lo <= us < index.hi:
                fixed = index.blocks[bisect_right(index.starts, us) - 1].fixed
                if fixed is not None:
                    return _fromtimestamp(us / US, fixed)
            # The float quotient is within 0.25 us of the exact value, and
            # fromtimestamp rounds to the nearest microsecond.
            local = _fromtimestamp(us / US, self.zone)
        else:
            seconds, micro = divmod(us, US)
            local = _fromtimestamp(seconds, self.zone).replace(microsecond=micro)
        return local.replace(tzinfo=fixed_zone(local.utcoffset()), fold=0)  # type: ignore[arg-type]

    def local(self, us: int) -> datetime:
        """An instant as an aware datetime in the calendar's zone (a ZoneInfo), for display."""
        seconds, micro = divmod(us, US)
        return _fromtimestamp(seconds, self.zone).replace(microsecond=micro)

    # ------------------------------------------------------------- exact model

    def _instant(self, ordinal: int, wall: time) -> int:
        """The instant of a wall time on a local date, read with fold=0."""
        local = datetime.combine(date.fromordinal(ordinal), wall, tzinfo=self.zone)
        return _sub(local, EPOCH) // ONE_US

    def _exact(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The open intervals within ``[lo, hi)``, computed date by date."""
        found: list[tuple[int, int]] = []
        first = lo // DAY + EPOCH_ORDINAL - 3
        last = hi // DAY + EPOCH_ORDINAL + 2
        for ordinal in range(first, last):
            if ordinal in self._holidays or (self._annual and self._is_annual(ordinal)):
                continue
            shifts = self._special.get(ordinal)
            if shifts is None:
                shifts = self._weekly[(ordinal - 1) % 7]
            for start, end, next_day in shifts:
                opening = self._instant(ordinal, start)
                closing = self._instant(ordinal + next_day, end)
                if opening < closing and closing > lo and opening < hi:
                    found.append((max(opening, lo), min(closing, hi)))
        return _merge(found)

    def _is_annual(self, ordinal: int) -> bool:
        day = date.fromordinal(ordinal)
        return (day.month, day.day) in self._annual

    def _annual_near(self, year: int) -> list[int]:
        """The ordinals of the annual holidays in a year and the years either side."""
        found = []
        for y in range(max(year - 1, 1), min(year + 1, 9999) + 1):
            for month, day in self._annual:
                if day <= monthrange(y, month)[1]:  # 29 February only in leap years
                    found.append(date(y, month, day).toordinal())
        return found

    # ------------------------------------------------------------- blocks

    def _chunk(self, year: int) -> _Chunk:
        """The chunk holding a year: the year's blocks, or a run of closed years."""
        chunk = self._chunks.get(year)
        if chunk is None:
            run = self._closed_run(year)
            if run is None:
                blocks = self._build_year(year)
                chunk = _Chunk(year, year, blocks, self._flatten(blocks))
                self.years_built += 1
            else:
                first, last = run
                closed = _Block.explicit(_year_start(first), _year_start(last + 1), [])
                chunk = self._chunks.get(first) or _Chunk(first, last, [closed], ([], [], [], []))
                self._chunks[first] = chunk
            self.blocks_built += len(chunk.blocks)
            self._chunks[year] = chunk
        return chunk

    def _flatten(self, blocks: list[_Block]) -> Flat | None:
        """The open intervals of consecutive blocks one by one, or None past ``FLAT_LIMIT``.

        A periodic block's intervals all have its fixed offset. An explicit
        block's interval has one when the zone's offset is the same at both of
        its ends and it is shorter than two days (no zone changes its offset
        twice within three days, so it does not change inside); otherwise None,
        and its results take the general path of :meth:`from_us`.
        """
        starts: list[int] = []
        ends: list[int] = []
        fixed: list[tzinfo | None] = []
        for block in blocks:
            lo, hi, t0, period = block.lo, block.hi, block.t0, block.period
            first_period = (lo - t0) // period
            last_period = (hi - 1 - t0) // period
            if (last_period - first_period + 1) * len(block.starts) + len(starts) > FLAT_LIMIT:
                return None
            for p in range(first_period, last_period + 1):
                shift = t0 + p * period
                for s, e in zip(block.starts, block.ends, strict=True):
                    a, b = max(s + shift, lo), min(e + shift, hi)
                    if a < b:
                        starts.append(a)
                        ends.append(b)
                        if block.periodic:
                            fixed.append(block.fixed)
                        else:
                            fixed.append(self._fixed_over(a, b))
        lengths = [b - a for a, b in zip(starts, ends, strict=True)]
        return starts, ends, lengths, fixed

    def _fixed_over(self, a: int, b: int) -> tzinfo | None:
        """The fixed zone of the UTC offset in force over all of ``[a, b]``, if known to be one."""
        offset = _utc_offset(self.zone, a)
        if b - a < 2 * DAY and offset == _utc_offset(self.zone, b):
            return fixed_zone(timedelta(microseconds=offset))
        return None

    def _chunks_for(self, first: int, last: int) -> list[_Chunk]:
        """The chunks holding the years ``first`` to ``last``, a closed run in one step."""
        chunks: list[_Chunk] = []
        year = first
        while year <= last:
            chunk = self._chunk(year)
            chunks.append(chunk)
            year = chunk.last + 1
        return chunks

    def _closed_run(self, year: int) -> tuple[int, int] | None:
        """The first and last whole years of the closure that holds all of ``year``, if any."""
        lo = _year_start(year)
        i = bisect_right(self._closure_los, lo) - 1
        if i < 0 or self._closure_his[i] < _year_start(year + 1):
            return None
        c_lo = max(self._closure_los[i], MIN_US)
        c_hi = min(self._closure_his[i], MAX_US)
        first = _year_of(c_lo)
        if _year_start(first) < c_lo:
            first += 1
        return first, _year_of(c_hi - 1) if c_hi == MAX_US else _year_of(c_hi) - 1

    # ------------------------------------------------------------- the work bound

    def _closed_before(self, t: int) -> int:
        """The closed time of the closures before ``t``."""
        i = bisect_right(self._closure_los, t) - 1
        if i < 0:
            return 0
        return self._closure_cums[i] + min(t, self._closure_his[i]) - self._closure_los[i]

    def check_reach(self, a: int, b: int) -> None:
        """Refuse a query that would look at more than ``REACH_YEARS`` of the timeline.

        The span ``[a, b)`` is counted without the time inside closures, which
        the engine skips in one step.
        """
        if b - a > REACH_US and b - a - self._closed_before(b) + self._closed_before(a) > REACH_US:
            raise CalendarError(
                f"BusinessCalendar: the query reaches from {_describe(a)} to {_describe(b)}, expected "
                f"at most {REACH_YEARS} years of the calendar's time between an instant given "
                "and a result (time inside closures not counted)"
            )

    def _build_year(self, year: int) -> list[_Block]:
        lo, hi = _year_start(year), _year_start(year + 1)
        windows: list[tuple[int, int]] = []
        if self._tpl.total:
            windows += _offset_changes(self.zone_key, year)
        exceptions = self._exceptions
        first = bisect_left(exceptions, lo // DAY + EPOCH_ORDINAL - 5)
        last = bisect_right(exceptions, hi // DAY + EPOCH_ORDINAL + 5)
        for ordinal in [*exceptions[first:last], *self._annual_near(year)]:
            midnight = (ordinal - EPOCH_ORDINAL) * DAY
            windows.append((midnight - 2 * DAY, midnight + 4 * DAY))
        blocks: list[_Block] = []
        cursor = lo
        for window_lo, window_hi in _merge(windows):
            w_lo, w_hi = max(window_lo, lo), min(window_hi, hi)
            if w_hi <= w_lo:
                continue
            if w_lo > cursor:
                blocks.append(self._regular(cursor, w_lo))
            blocks.append(_Block.explicit(w_lo, w_hi, self._exact(w_lo, w_hi)))
            cursor = w_hi
        if cursor < hi:
            blocks.append(self._regular(cursor, hi))
        return self._carve(blocks)

    def _regular(self, lo: int, hi: int) -> _Block:
        if not self._tpl.total:
            return _Block.explicit(lo, hi, [])
        return _Block.repeating(lo, hi, self._tpl, _utc_offset(self.zone, lo))

    def _carve(self, blocks: list[_Block]) -> list[_Block]:
        """Cut the closures out of the blocks."""
        closures = self._closures
        if not closures:
            return blocks
        ends = [c_hi for _, c_hi in closures]
        out: list[_Block] = []
        for block in blocks:
            cursor = block.lo
            for c_lo, c_hi in closures[bisect_right(ends, cursor) :]:
                if c_lo >= block.hi:
                    break
                if c_lo > cursor:
                    out.append(block.restrict(cursor, c_lo))
                end = min(c_hi, block.hi)
                out.append(_Block.explicit(max(c_lo, cursor), end, []))
                cursor = end
            if cursor == block.lo:
                out.append(block)
            elif cursor < block.hi:
                out.append(block.restrict(cursor, block.hi))
        return out

    def _where(self, t: int) -> tuple[_Chunk, int]:
        """The chunk holding ``t`` and the index in it of the block holding ``t``."""
        _check_range(t)
        chunk = self._chunk(_year_of(t))
        return chunk, bisect_right(chunk.starts, t) - 1

    def _forward(self, t: int) -> Iterator[_Block]:
        """The block holding ``t``, then every later block (within the reach of ``t``)."""
        chunk, i = self._where(t)
        while True:
            yield from chunk.blocks[i:]
            year, i = chunk.last + 1, 0
            _check_range(_year_start(year))
            self.check_reach(t, _year_start(year))
            chunk = self._chunk(year)

    def _backward(self, t: int) -> Iterator[_Block]:
        """The block holding ``t``, then every earlier block (within the reach of ``t``)."""
        chunk, i = self._where(t)
        yield from reversed(chunk.blocks[: i + 1])
        while True:
            year = chunk.first - 1
            _check_range(_year_start(year))
            self.check_reach(_year_start(year + 1), t)
            chunk = self._chunk(year)
            yield from reversed(chunk.blocks)

    # ------------------------------------------------------------- the index

    def _covering(self, lo: int, hi: int) -> _Index:
        """An index that covers the instants ``lo`` to ``hi``."""
        _check_range(lo)
        _check_range(hi)
        index = self._index
        if index is not None and index.lo <= lo and hi < index.hi:
            return index
        first, last = _year_of(lo), _year_of(hi)
        if (
            index is None
            or first > index.last + 2
            or last < index.first - 2
            or len(index.blocks) > _INDEX_BLOCKS
        ):
            index = _Index(self._chunks_for(first, last), 0)
        else:
            index = self._widen(index, min(first, index.first), max(last, index.last))
        self._index = index
        return index

    def _widen(self, index: _Index, first: int, last: int) -> _Index:
        before = self._chunks_for(first, index.first - 1)
        after = self._chunks_for(index.last + 1, last)
        origin = index.cums[0] - sum(chunk.total for chunk in before)
        flat: Flat | None = None
        if index.flat:  # the index's own flat form, without its first (empty) interval
            starts, ends = index.flat_starts[1:], index.flat_ends[1:]
            lengths = [b - a for a, b in zip(starts, ends, strict=True)]
            flat = (starts, ends, lengths, index.flat_fixed[1:])
        middle = _Chunk(index.first, index.last, index.blocks, flat)
        return _Index([*before, middle, *after], origin)

    def _grow(self, index: _Index, missing: int, origin: int, *, forward: bool) -> _Index:
        """The index with more years after (or before) it, to find ``missing`` open time.

        It grows by the years the weekly template needs for that much open time,
        at least one and at most as many as it already has (so a calendar with
        little open time doubles its index rather than adding one year at a
        time), and never beyond the reach of ``origin``, the instant given.
        """
        years = min(index.last - index.first + 1, _GROWTH_YEARS)
        if self._tpl.total:
            years = max(1, min(years, missing // (52 * self._tpl.total) + 1))
        if forward:
            self._check_open_ahead(index.hi, forward=True)
            _check_range(index.hi)
            self.check_reach(origin, index.hi)
            index = self._widen(index, index.first, min(index.last + years, MAX_YEAR))
        else:
            self._check_open_ahead(index.lo, forward=False)
            _check_range(index.lo - 1)
            self.check_reach(index.lo, origin)
            index = self._widen(index, max(index.first - years, MIN_YEAR), index.last)
        self._index = index
        return index

    def _check_open_ahead(self, t: int, *, forward: bool) -> None:
        """Refuse to search on past ``t`` when no open time can lie beyond it."""
        if self._tpl.total:
            return  # every week of the template has open time
        span = self._special_span
        if span is None or (forward and t > span[1]) or (not forward and t < span[0]):
            raise CalendarError(
                "BusinessCalendar: the calendar has no open time "
                f"{'after' if forward else 'before'} {_describe(t)}"
            )

    # ------------------------------------------------------------- queries

    def between_us(self, a: int, b: int) -> int:
        """Open microseconds in ``[a, b)``, zero when ``b <= a``."""
        if b <= a:
            return 0
        index = self._index
        # The hot path of the SLA clocks and the metrics, in one function:
        # C(b) - C(a), each read from the index's flat form with one bisection
        # (the calls of the general path below cost more than the arithmetic).
        # A span of more than REACH_YEARS goes that way, to fail.
        if (
            index is not None
            and index.flat
            and index.lo <= a
            and b < index.hi
            and b - a <= REACH_US
        ):
            starts, ends = index.flat_starts, index.flat_ends
            i = bisect_right(starts, a) - 1
            j = bisect_right(starts, b) - 1
            end_a, end_b = ends[i], ends[j]
            cums = index.flat_cums
            return (
                cums[j]
                - cums[i]
                + (b if b < end_b else end_b)
                - starts[j]
                - (a if a < end_a else end_a)
                + starts[i]
            )
        if self._always_open:
            return b - a
        self.check_reach(a, b)
        index = self._covering(a, b)
        return index.cumulative(b) - index.cumulative(a)

    def is_open_us(self, t: int) -> bool:
        """Whether the calendar is open at ``t``."""
        if self._always_open:
            return True
        chunk, i = self._where(t)
        return chunk.blocks[i].is_open(t)

    def add_us(self, start: int, duration: int) -> int:
        """The earliest ``t >= start`` with ``duration`` of open time in ``[start, t)``.

        For a zero duration, the first open instant at or after ``start``.
        """
        index = self._index
        if duration > 0 and index is not None and index.flat and index.lo <= start < index.hi:
            # The hot path of every deadline, in one function: C(start) + duration
            # from the flat form, then the interval where C reaches it (C at the
            # intervals' starts is sorted), and where. A goal beyond the index
            # takes the general path, which grows it. BusinessCalendar's
            # add_business_time repeats these lines with the datetime conversions.
            starts, cums = index.flat_starts, index.flat_cums
            k = bisect_right(starts, start) - 1
            end = index.flat_ends[k]
            goal = cums[k] + (start if start < end else end) - starts[k] + duration
            if goal <= cums[-1]:
                k = bisect_left(cums, goal) - 1
                result = starts[k] + goal - cums[k]
                if result - start > REACH_US:
                    self.check_reach(start, result)
                return result
        return self._add(start, duration)

    def deadline(self, start: datetime, duration: timedelta) -> datetime | None:
        """``add_us`` on a plain aware datetime and a positive timedelta, as a result datetime.

        The hot path of ``BusinessCalendar.add_business_time``, in one
        function: the conversion of the start, the arithmetic of
        :meth:`add_us` on the flat form and one ``fromtimestamp`` with the
        fixed offset of the interval the deadline falls in (each further call
        costs about a fifth of the floor, one ``fromtimestamp`` with a
        ``ZoneInfo``). None when anything is out of the ordinary (the caller
        then checks the arguments and takes the general path): another type,
        a naive start, a start outside the index, a zero duration, a deadline
        beyond the index, far off, or without a known fixed offset.
        """
        index = self._index
        if index is None or not index.flat or type(duration) is not timedelta:
            return None
        try:
            if type(start) is datetime:
                start_us = (start - EPOCH) // ONE_US
            else:  # pendulum and other subclasses, read as plain datetimes
                start_us = _sub(start, EPOCH) // ONE_US
        except Exception:  # not a datetime, naive, or a tzinfo that fails or is out of range
            return None
        duration_us = duration // ONE_US
        if duration_us <= 0 or not index.lo <= start_us < index.hi:
            return None
        starts, cums = index.flat_starts, index.flat_cums
        k = bisect_right(starts, start_us) - 1
        end = index.flat_ends[k]
        goal = cums[k] + (start_us if start_us < end else end) - starts[k] + duration_us
        if goal > cums[-1]:
            return None
        k = bisect_left(cums, goal) - 1
        result = starts[k] + goal - cums[k]
        fixed = index.flat_fixed[k]
        if (
            fixed is None
            or not -_FLOAT_EXACT < result < _FLOAT_EXACT
            or result - start_us > REACH_US
        ):
            return None
        # Exact: see from_us.
        return _fromtimestamp(result / US, fixed)

    def _add(self, start: int, duration: int) -> int:
        if duration == 0:
            return self.next_open_us(start)
        # Open time never exceeds elapsed time: the result is at least start + duration.
        if not MIN_US <= start < MAX_US - duration:
            _check_range(start)
            _check_range(start + duration)
        if self._always_open:
            return start + duration
        # Open time never exceeds elapsed time: the result lies at least that far.
        self.check_reach(start, start + min(duration, MAX_US - start))
        index = self._index
        if index is None or not index.lo <= start < index.hi:
            index = self._covering(start, start)
        i = bisect_right(index.starts, start) - 1
        cums = index.cums
        target = cums[i] + index.blocks[i].measure_to(start) + duration
        while cums[-1] < target:
            index = self._grow(index, target - index.cums[-1], start, forward=True)
            cums = index.cums
        i = bisect_left(cums, target) - 1
        result = index.blocks[i].earliest(target - cums[i])
        self.check_reach(start, result)
        return result

    def subtract_us(self, end: int, duration: int) -> int:
        """The latest ``s <= end`` with ``duration`` of open time in ``[s, end)``.

        For a zero duration, the supremum of the open instants at or before
        ``end`` (see :meth:`last_open_us`).
        """
        if duration == 0:
            return self.last_open_us(end)
        _check_range(end)
        _check_range(end - duration)
        if self._always_open:
            return end - duration
        self.check_reach(end - duration, end)
        index = self._covering(end, end)
        target = index.cumulative(end) - duration
        while index.cums[0] > target:
            index = self._grow(index, index.cums[0] - target, end, forward=False)
        i = bisect_right(index.cums, target) - 1
        result = index.blocks[i].latest(target - index.cums[i])
        self.check_reach(result, end)
        return result

    def next_open_us(self, t: int) -> int:
        """The first open instant at or after ``t``."""
        if self._always_open:
            _check_range(t)
            return t
        for block in self._forward(t):
            found = block.first_open(max(t, block.lo))
            if found is not None:
                return found
            self._check_open_ahead(block.hi, forward=True)
        raise AssertionError  # pragma: no cover - the loop ends by returning or raising

    def last_open_us(self, t: int) -> int:
        """The supremum of the open instants at or before ``t``.

        That is ``t`` itself when the calendar is open at ``t`` or just before
        it, else the closing time of the last open period before ``t``.
        """
        if self._always_open or self.is_open_us(t):
            return t
        for block in self._backward(t):
            found = block.last_open_end(min(t, block.hi))
            if found is not None:
                return found
            self._check_open_ahead(block.lo, forward=False)
        raise AssertionError  # pragma: no cover - the loop ends by returning or raising

    def next_closed_us(self, t: int, limit: int | None = None) -> int:
        """The first closed instant at or after ``t``.

        With a ``limit``, the search stops there and returns ``limit`` if the
        calendar is still open; without one, it gives up (``CalendarError``)
        some two years after ``t`` and the last date-specific exception.
        """
        if self._always_open:
            if limit is not None:
                return limit
            raise CalendarError(
                "BusinessCalendar: the calendar is open at every instant, it never closes"
            )
        if limit is None:
            horizon = max(t, self._last_edge if self._last_edge is not None else t) + _HORIZON
        else:
            horizon = limit
        for block in self._forward(t):
            if not block.is_open(t):
                return t
            end = block.run_end(t)
            if end < block.hi:
                return min(end, horizon) if limit is not None else end
            if end >= horizon:
                if limit is not None:
                    return limit
                raise CalendarError(
                    "BusinessCalendar: the calendar does not close within "
                    f"{_HORIZON // DAY} days after {_describe(t)} and its last date-specific"
                    " exception"
                )
            t = end
        raise AssertionError  # pragma: no cover - the loop ends by returning or raising

    def periods_us(self, a: int, b: int) -> Iterator[tuple[int, int]]:
        """The maximal open periods clipped to ``[a, b)``, in order."""
        t = a
        while t < b:
            opening = self._next_open_before(t, b)
            if opening is None:
                return
            closing = self.next_closed_us(opening, b)
            yield opening, closing
            t = closing

    def _next_open_before(self, t: int, limit: int) -> int | None:
        if self._always_open:
            return t
        for block in self._forward(t):
            found = block.first_open(max(t, block.lo))
            if found is not None:
                return found if found < limit else None
            if block.hi >= limit:
                return None
        raise AssertionError  # pragma: no cover - the loop ends by returning or raising
