"""Shared parts of the metrics: argument checks, periods and result types."""

from __future__ import annotations

import math
import typing
from collections.abc import Iterable
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Protocol, TypeAlias

import attrs

from csroles import _validation as v
from csroles.interactions import Interaction

__all__ = ["BusinessTime", "DurationStats", "NetPromoterScore", "Period", "Ratio", "duration_stats"]

_US = timedelta(microseconds=1)
_ZERO = timedelta(0)

Figure: TypeAlias = "int | float | timedelta"
"""A metric's value on a scorecard: a duration for the time metrics, a number otherwise."""


class BusinessTime(Protocol):
    """Anything that measures business time between two instants.

    :class:`~csroles.BusinessCalendar` is one; pass ``None`` where a function
    takes one to measure calendar time.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles.metrics import BusinessTime
    >>> class NineToFive:
    ...     def business_time_between(self, start, end):
    ...         return min(end - start, timedelta(hours=8))
    >>> NineToFive().business_time_between(
    ...     datetime(2026, 5, 4, tzinfo=UTC), datetime(2026, 5, 5, tzinfo=UTC)
    ... )
    datetime.timedelta(seconds=28800)

    .. versionadded:: 0.1.0
    """

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """The business time from ``start`` to ``end``."""
        ...  # pragma: no cover


# ------------------------------------------------------------------ argument checks


def _check_calendar(owner: str, calendar: object) -> BusinessTime | None:
    if calendar is not None and not callable(getattr(calendar, "business_time_between", None)):
        v.fail(owner, "calendar", calendar, "None or a calendar with business_time_between()")
    return calendar  # type: ignore[return-value]


def _interactions(owner: str, interactions: object) -> list[Interaction]:
    if not v.is_collection(interactions):
        v.fail(owner, "interactions", interactions, f"{v.COLLECTION} of Interactions")
    found = list(typing.cast("Iterable[Interaction]", interactions))
    for index, interaction in enumerate(found):
        if type(interaction) is not Interaction:
            v.fail(owner, f"interactions[{index}]", interaction, "an Interaction")
    return found


def _check_period(owner: str, period: object) -> Period | None:
    if period is not None and type(period) is not Period:
        v.fail(owner, "period", period, "None or a Period")
    return period


# ------------------------------------------------------------------ periods


@attrs.frozen(kw_only=True)
class Period:
    """A span of time: from ``start`` (included) to ``end`` (excluded).

    Args:
        start: the first instant, an aware datetime.
        end: the instant after the last, an aware datetime not before ``start``.

    Both are stored with their fixed UTC offset, like the instants of an
    :class:`~csroles.Event`.

    Raises:
        InvalidEntityError: a naive datetime, or ``end`` before ``start``.

    >>> from datetime import datetime, UTC
    >>> from csroles import Period
    >>> may = Period(start=datetime(2026, 5, 1, tzinfo=UTC), end=datetime(2026, 6, 1, tzinfo=UTC))
    >>> may.contains(datetime(2026, 5, 31, 23, 59, tzinfo=UTC)), may.contains(may.end)
    (True, False)
    >>> Period(start=may.end, end=may.start)
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Period.end: datetime.datetime(2026, 5, 1, 0, 0, tzinfo=datetime.timezone.utc), expected an instant at or after start (2026-06-01T00:00:00+00:00)

    .. versionadded:: 0.1.0
    """

    start: datetime
    end: datetime

    def __attrs_post_init__(self) -> None:
        # Stored with fixed UTC offsets, as the entities store their instants.
        object.__setattr__(self, "start", v.check_instant(self, "start", self.start))
        object.__setattr__(self, "end", v.check_instant(self, "end", self.end))
        if self.end < self.start:
            v.fail(
                self,
                "end",
                self.end,
                f"an instant at or after start ({self.start.isoformat()})",
            )

    def contains(self, at: datetime) -> bool:
        """Whether ``at`` is in the period (``start <= at < end``).

        Raises:
            InvalidEntityError: ``at`` is naive or not a datetime.

        >>> from datetime import datetime, UTC
        >>> from csroles import Period
        >>> day = Period(
        ...     start=datetime(2026, 5, 4, tzinfo=UTC), end=datetime(2026, 5, 5, tzinfo=UTC)
        ... )
        >>> day.contains(datetime(2026, 5, 4, 12, tzinfo=UTC))
        True
        """
        v.check_aware(self, "contains(at)", at)
        return self.start <= at < self.end


# ------------------------------------------------------------------ results


@attrs.frozen(kw_only=True)
class Ratio:
    """A count of hits out of a whole: a rate, with its percentage.

    ``percent`` is ``None`` when the whole is zero: a rate of nothing is
    undefined, not zero.

    >>> from csroles import Ratio
    >>> Ratio(part=3, whole=4).percent, Ratio(part=0, whole=0).percent is None
    (75.0, True)
    >>> Ratio(part=5, whole=4)
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Ratio.part: 5, expected an integer from 0 to whole (4)

    .. versionadded:: 0.1.0
    """

    part: int
    whole: int

    def __attrs_post_init__(self) -> None:
        if type(self.whole) is not int or self.whole < 0:
            v.fail(self, "whole", self.whole, "an integer of zero or more")
        if type(self.part) is not int or not 0 <= self.part <= self.whole:
            v.fail(self, "part", self.part, f"an integer from 0 to whole ({self.whole})")

    @property
    def percent(self) -> float | None:
        """``100 * part / whole``, or ``None`` when ``whole`` is zero."""
        return None if not self.whole else 100 * self.part / self.whole


def _check_count(owner: object, field: str, value: object) -> int:
    if type(value) is not int or value < 0:
        v.fail(owner, field, value, "an integer of zero or more")
    return value


@attrs.frozen(kw_only=True)
class NetPromoterScore:
    """The answers to "how likely are you to recommend us?" (0-10), counted.

    Promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6. The score is
    the percentage of promoters minus the percentage of detractors, from -100
    to 100, rounded to an integer half away from zero (computed exactly, as a
    fraction, before rounding); ``None`` when there are no answers.

    >>> from csroles import NetPromoterScore
    >>> NetPromoterScore(promoters=6, passives=1, detractors=1).score  # 62.5 -> 63
    63
    >>> NetPromoterScore(promoters=1, passives=1, detractors=6).score  # -62.5 -> -63
    -63
    >>> NetPromoterScore(promoters=1, passives=0, detractors=7).score  # -75
    -75
    >>> NetPromoterScore(promoters=0, passives=0, detractors=0).score is None
    True

    .. versionadded:: 0.1.0
    """

    promoters: int = attrs.field(validator=v.validator(_check_count))
    passives: int = attrs.field(validator=v.validator(_check_count))
    detractors: int = attrs.field(validator=v.validator(_check_count))

    @property
    def answers(self) -> int:
        """How many answers were counted."""
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> int | None:
        """% promoters - % detractors, rounded half away from zero; ``None`` without answers."""
        total = self.answers
        if not total:
            return None
        exact = Fraction(100 * (self.promoters - self.detractors), total)
        magnitude = math.floor(abs(exact) + Fraction(1, 2))
        return magnitude if exact >= 0 else -magnitude


@attrs.frozen(kw_only=True)
class DurationStats:
    """Statistics of a set of durations (response or resolution times).

    Percentiles interpolate linearly between the closest ranks (the
    ``"inclusive"`` method of :func:`statistics.quantiles`, numpy's default):
    for the sorted durations ``x[0] <= ... <= x[n-1]``, the ``q``-th percentile
    is at rank ``h = (n - 1) * q / 100``, that is
    ``x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)])``. The mean
    and the percentiles are computed exactly in microseconds and rounded to
    the nearest microsecond, halves up. With no durations, every figure but
    ``count`` is ``None``.

    >>> from datetime import timedelta
    >>> from csroles import duration_stats
    >>> stats = duration_stats([timedelta(minutes=m) for m in (10, 20, 30, 40, 100)])
    >>> stats.count, stats.mean, stats.median
    (5, datetime.timedelta(seconds=2400), datetime.timedelta(seconds=1800))
    >>> stats.p90  # rank 3.6: 40 + 0.6 * (100 - 40) minutes
    datetime.timedelta(seconds=4560)
    >>> duration_stats([]).median is None
    True

    .. versionadded:: 0.1.0
    """

    count: int = attrs.field(validator=v.validator(_check_count))
    mean: timedelta | None = None
    median: timedelta | None = None
    p90: timedelta | None = None
    p95: timedelta | None = None
    minimum: timedelta | None = None
    maximum: timedelta | None = None

    @property
    def p50(self) -> timedelta | None:
        """The 50th percentile, the median."""
        return self.median


def _percentile(ordered: list[int], pct: int) -> int:
    """The ``pct``-th percentile of sorted integers, exact, rounded half up."""
    scaled = (len(ordered) - 1) * pct
    index, rest = divmod(scaled, 100)
    low = ordered[index]
    if not rest:
        return low
    return low + ((ordered[index + 1] - low) * rest * 2 + 100) // 200


def _stats(values_us: list[int]) -> DurationStats:
    count = len(values_us)
    if not count:
        return DurationStats(count=0)
    values_us.sort()
    mean = (2 * sum(values_us) + count) // (2 * count)
    return DurationStats(
        count=count,
        mean=_US * mean,
        median=_US * _percentile(values_us, 50),
        p90=_US * _percentile(values_us, 90),
        p95=_US * _percentile(values_us, 95),
        minimum=_US * values_us[0],
        maximum=_US * values_us[-1],
    )


def duration_stats(durations: Iterable[timedelta]) -> DurationStats:
    """Count, mean, median, p90, p95, minimum and maximum of ``durations``.

    See :class:`DurationStats` for the interpolation and the rounding.

    Raises:
        InvalidEntityError: ``durations`` is not a collection of timedeltas, or one is negative.

    >>> from datetime import timedelta
    >>> from csroles import duration_stats
    >>> duration_stats([timedelta(minutes=1), timedelta(minutes=2)]).median
    datetime.timedelta(seconds=90)

    .. versionadded:: 0.1.0
    """
    if not v.is_collection(durations):
        v.fail("duration_stats", "durations", durations, f"{v.COLLECTION} of timedeltas")
    values: list[int] = []
    for index, duration in enumerate(durations):
        checked = v.check_duration("duration_stats", f"durations[{index}]", duration)
        values.append(checked // _US)
    return _stats(values)
