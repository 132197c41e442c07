"""Service metrics: the KPIs each role is measured by, computed from interactions.

Seed 002 judges service roles by first response time, resolution time and
customer satisfaction (CSAT), success roles by retention rate, customer
lifetime value and NPS; seed 000 adds a daily quota of emails or calls. This
module computes them from the interactions and accounts a caller already has:

>>> from datetime import datetime, timedelta, UTC
>>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
>>> from csroles import SurveyScale, service_metrics
>>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
>>> def ticket(n, reply_minutes, score):
...     return Interaction(
...         id=f"T-{n}",
...         customer_id="C-1",
...         channel=Channel.EMAIL,
...         direction=Direction.INBOUND,
...         topic=Topic.ORDER,
...         priority=Priority.NORMAL,
...         events=[
...             Event(kind=EventKind.OPENED, at=t0),
...             Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
...             Event(kind=EventKind.AGENT_REPLIED, at=t0 + timedelta(minutes=reply_minutes)),
...             Event(kind=EventKind.RESOLVED, at=t0 + timedelta(hours=2)),
...             Event(
...                 kind=EventKind.SURVEY_ANSWERED,
...                 at=t0 + timedelta(hours=3),
...                 scale=SurveyScale.CSAT,
...                 score=score,
...             ),
...         ],
...     )
>>> metrics = service_metrics([ticket(1, 10, 5), ticket(2, 30, 3)])
>>> metrics.first_response.median, metrics.csat.percent, metrics.first_contact_resolution.percent
(datetime.timedelta(seconds=1200), 50.0, 100.0)

Empty inputs give defined results, never a ``ZeroDivisionError``: a
:class:`Ratio` with nothing to count has ``percent`` ``None``, statistics of
no durations have ``None`` for every figure but ``count``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import math
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from types import MappingProxyType
from typing import Protocol, TypeAlias
from zoneinfo import ZoneInfo

import attrs

from csroles import _validation as v
from csroles.customers import Customer
from csroles.errors import CalendarError
from csroles.hierarchy import OrgChart
from csroles.interactions import Event, Interaction, SurveyScale
from csroles.roles import Role
from csroles.sla import SLA, BusinessCalendar, ClockState, SLAClock, sla_statuses
from csroles.sla._engine import EPOCH, MAX_US, MIN_US
from csroles.vocabulary import EventKind, Metric

__all__ = [
    "BusinessTime",
    "DailyWorkload",
    "DurationStats",
    "NetPromoterScore",
    "Period",
    "Ratio",
    "Scorecard",
    "ScorecardLine",
    "ServiceMetrics",
    "by_channel",
    "by_position",
    "by_role",
    "by_team",
    "csat",
    "customer_effort_score",
    "customer_lifetime_value",
    "duration_stats",
    "first_contact_resolution",
    "group_metrics",
    "net_promoter_score",
    "quota_attainment",
    "resolution_times",
    "response_times",
    "retention_rate",
    "service_metrics",
    "sla_compliance",
    "survey_scores",
    "workload",
]

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
        """The 50th percentile: the median."""
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


# ------------------------------------------------------------------ per-interaction facts


def _resolved_at(interaction: Interaction) -> datetime | None:
    """When the interaction was resolved: its resolution, or its closing without one."""
    return interaction.resolved_at or interaction.closed_at


# Measures the spans from an opening to two later instants (either may be
# None) in microseconds: the first response and the resolution times.
Measure: TypeAlias = (
    "Callable[[datetime, datetime | None, datetime | None], tuple[int | None, int | None]]"
)


def _calendar_time(
    opened: datetime, reply: datetime | None, resolved: datetime | None
) -> tuple[int | None, int | None]:
    return (
        None if reply is None else (reply - opened) // _US,
        None if resolved is None else (resolved - opened) // _US,
    )


def _measure(calendar: BusinessTime | None) -> Measure:
    """How to measure spans in microseconds: calendar time, or the calendar's business time."""
    if calendar is None:
        return _calendar_time
    if type(calendar) is BusinessCalendar:
        # The calendar's integer engine, as the SLA clocks use it: no
        # per-call checks, and the opening converted once for both spans.
        between_us = calendar._between_us
        public = calendar.business_time_between

        def one(a: int, start: datetime, end: datetime) -> int:
            b = (end - EPOCH) // _US
            if MIN_US <= a < MAX_US and MIN_US <= b < MAX_US:
                return between_us(a, b)
            return public(start, end) // _US  # out of the calendar's range: its error

        def business(
            opened: datetime, reply: datetime | None, resolved: datetime | None
        ) -> tuple[int | None, int | None]:
            a = (opened - EPOCH) // _US
            return (
                None if reply is None else one(a, opened, reply),
                None if resolved is None else one(a, opened, resolved),
            )

        return business
    method = calendar.business_time_between

    def other(
        opened: datetime, reply: datetime | None, resolved: datetime | None
    ) -> tuple[int | None, int | None]:
        return (
            None if reply is None else method(opened, reply) // _US,
            None if resolved is None else method(opened, resolved) // _US,
        )

    return other


def _first_contact(interaction: Interaction) -> bool:
    """Resolved without a transfer, an escalation or a reopening."""
    if interaction.reopen_count:
        return False
    return not any(
        event.kind is EventKind.TRANSFERRED or event.kind is EventKind.ESCALATED
        for event in interaction.events
    )


def response_times(
    interactions: Iterable[Interaction], *, calendar: BusinessTime | None = None
) -> DurationStats:
    """First response times: from the opening to the first agent reply.

    Interactions without an agent reply are left out (they have no first
    response time yet).

    Args:
        interactions: the interactions.
        calendar: measure business time by this calendar (an SLA's
            ``calendar``, or any :class:`BusinessTime`); ``None`` for calendar time.

    Raises:
        InvalidEntityError: an argument is of the wrong type.
        CalendarError: an instant outside the range of a BusinessCalendar.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import response_times
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> chat = Interaction(
    ...     id="chat-1",
    ...     customer_id="C-1",
    ...     channel=Channel.CHAT,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.QUESTION,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.AGENT_REPLIED, at=t0 + timedelta(seconds=45)),
    ...     ],
    ... )
    >>> response_times([chat]).mean
    datetime.timedelta(seconds=45)

    .. versionadded:: 0.1.0
    """
    owner = "response_times"
    measure = _measure(_check_calendar(owner, calendar))
    values = []
    for interaction in _interactions(owner, interactions):
        first, _ = measure(interaction.opened_at, interaction.first_reply_at, None)
        if first is not None:
            values.append(first)
    return _stats(values)


def resolution_times(
    interactions: Iterable[Interaction], *, calendar: BusinessTime | None = None
) -> DurationStats:
    """Resolution times: from the opening to the resolution.

    The resolution is the ``resolved`` event in force (after the latest
    reopening), or the closing of an interaction closed without one;
    interactions still open are left out. A reopened and resolved again
    interaction counts the whole span from its first opening.

    Args:
        interactions: the interactions.
        calendar: measure business time by this calendar; ``None`` for calendar time.

    Raises:
        InvalidEntityError: an argument is of the wrong type.
        CalendarError: an instant outside the range of a BusinessCalendar.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import resolution_times
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> call = Interaction(
    ...     id="call-1",
    ...     customer_id="C-1",
    ...     channel=Channel.PHONE,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.BILLING,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.CLOSED, at=t0 + timedelta(minutes=7)),
    ...     ],
    ... )
    >>> resolution_times([call]).median
    datetime.timedelta(seconds=420)

    .. versionadded:: 0.1.0
    """
    owner = "resolution_times"
    measure = _measure(_check_calendar(owner, calendar))
    values = []
    for interaction in _interactions(owner, interactions):
        _, resolution = measure(interaction.opened_at, None, _resolved_at(interaction))
        if resolution is not None:
            values.append(resolution)
    return _stats(values)


def first_contact_resolution(interactions: Iterable[Interaction]) -> Ratio:
    """First-contact resolution rate: resolved interactions never transferred, escalated or reopened.

    The whole is the resolved (or closed) interactions; interactions still
    open are left out.

    Raises:
        InvalidEntityError: an argument is of the wrong type.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import first_contact_resolution
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> def call(n, *events):
    ...     return Interaction(
    ...         id=f"call-{n}",
    ...         customer_id="C-1",
    ...         channel=Channel.PHONE,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.BILLING,
    ...         priority=Priority.NORMAL,
    ...         events=[Event(kind=EventKind.OPENED, at=t0), *events],
    ...     )
    >>> first_contact_resolution(
    ...     [
    ...         call(1, Event(kind=EventKind.RESOLVED, at=t0)),
    ...         call(2, Event(kind=EventKind.ESCALATED, at=t0, assignee="sup-1")),
    ...         call(
    ...             3,
    ...             Event(kind=EventKind.ESCALATED, at=t0, assignee="sup-1"),
    ...             Event(kind=EventKind.RESOLVED, at=t0),
    ...         ),
    ...     ]
    ... )
    Ratio(part=1, whole=2)

    .. versionadded:: 0.1.0
    """
    part = whole = 0
    for interaction in _interactions("first_contact_resolution", interactions):
        if _resolved_at(interaction) is not None:
            whole += 1
            part += _first_contact(interaction)
    return Ratio(part=part, whole=whole)


# ------------------------------------------------------------------ surveys


def _check_scale(owner: str, scale: object) -> tuple[int, int]:
    if (
        type(scale) is not tuple
        or len(scale) != 2
        or any(type(end) is not int for end in scale)
        or scale[0] >= scale[1]
    ):
        v.fail(owner, "scale", scale, "a (lowest, highest) pair of integers, lowest first")
    return scale


def _scores(owner: str, scores: object, low: int, high: int) -> list[int]:
    if not v.is_collection(scores):
        v.fail(owner, "scores", scores, f"{v.COLLECTION} of integer scores")
    found = list(typing.cast("Iterable[int]", scores))
    for index, score in enumerate(found):
        if type(score) is not int or not low <= score <= high:
            v.fail(owner, f"scores[{index}]", score, f"an integer from {low} to {high}")
    return found


def survey_scores(interactions: Iterable[Interaction], scale: SurveyScale) -> tuple[int, ...]:
    """Every score of ``scale`` answered on ``interactions``, in order.

    Every answer counts: an interaction answered twice contributes two scores.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import SurveyScale
    >>> from csroles.metrics import survey_scores
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> chat = Interaction(
    ...     id="chat-1",
    ...     customer_id="C-1",
    ...     channel=Channel.CHAT,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.QUESTION,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.CLOSED, at=t0),
    ...         Event(kind=EventKind.SURVEY_ANSWERED, at=t0, scale=SurveyScale.NPS, score=9),
    ...     ],
    ... )
    >>> survey_scores([chat], SurveyScale.NPS), survey_scores([chat], SurveyScale.CSAT)
    ((9,), ())

    .. versionadded:: 0.1.0
    """
    owner = "survey_scores"
    if type(scale) is not SurveyScale:
        v.fail(owner, "scale", scale, "a SurveyScale")
    return tuple(
        event.score  # type: ignore[misc]
        for interaction in _interactions(owner, interactions)
        for event in interaction.events
        if event.kind is EventKind.SURVEY_ANSWERED and event.scale is scale
    )


def csat(scores: Iterable[int], *, scale: tuple[int, int] = (1, 5), satisfied_at: int = 4) -> Ratio:
    """Customer satisfaction: the share of satisfied answers.

    ``CSAT = 100 * satisfied answers / answers``, where an answer is satisfied
    when it is ``satisfied_at`` or more (default: 4 or 5 on a 1-5 scale).
    Its ``percent`` is in [0, 100], ``None`` without answers.

    Args:
        scores: the answers (see :func:`survey_scores`).
        scale: the lowest and the highest score.
        satisfied_at: the lowest satisfied score, within the scale.

    Raises:
        InvalidEntityError: a score outside the scale, or an invalid scale or threshold.

    >>> from csroles import csat
    >>> csat([5, 4, 3, 5]).percent
    75.0
    >>> csat([9, 10, 6], scale=(0, 10), satisfied_at=9)
    Ratio(part=2, whole=3)
    >>> csat([6])
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: csat.scores[0]: 6, expected an integer from 1 to 5

    .. versionadded:: 0.1.0
    """
    low, high = _check_scale("csat", scale)
    if type(satisfied_at) is not int or not low <= satisfied_at <= high:
        v.fail("csat", "satisfied_at", satisfied_at, f"an integer from {low} to {high}")
    found = _scores("csat", scores, low, high)
    return Ratio(part=sum(score >= satisfied_at for score in found), whole=len(found))


def net_promoter_score(scores: Iterable[int]) -> NetPromoterScore:
    """Net promoter score from 0-10 answers (see :class:`NetPromoterScore` for the rounding).

    Raises:
        InvalidEntityError: a score outside 0-10.

    >>> from csroles import net_promoter_score
    >>> nps = net_promoter_score([10, 9, 8, 6, 3])
    >>> nps.promoters, nps.detractors, nps.score
    (2, 2, 0)

    .. versionadded:: 0.1.0
    """
    promoters = passives = detractors = 0
    for score in _scores("net_promoter_score", scores, 0, 10):
        if score >= 9:
            promoters += 1
        elif score >= 7:
            passives += 1
        else:
            detractors += 1
    return NetPromoterScore(promoters=promoters, passives=passives, detractors=detractors)


def customer_effort_score(
    scores: Iterable[int], *, scale: tuple[int, int] = (1, 7)
) -> float | None:
    """Customer effort score: the mean answer (1 very easy to 7 very hard by default).

    Lower is better. ``None`` without answers.

    Raises:
        InvalidEntityError: a score outside the scale, or an invalid scale.

    >>> from csroles import customer_effort_score
    >>> customer_effort_score([2, 3, 1, 2])
    2.0
    >>> customer_effort_score([]) is None
    True

    .. versionadded:: 0.1.0
    """
    low, high = _check_scale("customer_effort_score", scale)
    found = _scores("customer_effort_score", scores, low, high)
    return sum(found) / len(found) if found else None


# ------------------------------------------------------------------ accounts


def _ids(owner: str, field: str, accounts: object) -> set[str]:
    from csroles.customers import Account

    if not v.is_collection(accounts):
        v.fail(owner, field, accounts, f"{v.COLLECTION} of Accounts or account ids")
    ids: set[str] = set()
    for index, account in enumerate(typing.cast("Iterable[object]", accounts)):
        if type(account) is Account:
            ids.add(account.id)
        else:
            ids.add(v.check_identifier(owner, f"{field}[{index}]", account))
    return ids


def retention_rate(
    *, start: Iterable[object], end: Iterable[object], new: Iterable[object] = ()
) -> Ratio:
    """Customer retention rate over a period: ``(E - N) / S``.

    ``S`` is the accounts at the start of the period, ``E`` those at its end
    and ``N`` those acquired during it. Accounts are matched by id (pass
    :class:`~csroles.Account` values or ids), so ``E - N`` is the start
    accounts still there at the end. ``percent`` is ``None`` when there were
    no accounts at the start.

    Raises:
        InvalidEntityError: an end account that is neither a start account nor
            new, a new account that was there at the start or is missing at
            the end, or an item that is not an account or an id.

    >>> from csroles import retention_rate
    >>> rate = retention_rate(start=["a", "b", "c", "d"], end=["a", "b", "c", "e"], new=["e"])
    >>> rate, rate.percent
    (Ratio(part=3, whole=4), 75.0)

    .. versionadded:: 0.1.0
    """
    owner = "retention_rate"
    at_start, at_end, acquired = (
        _ids(owner, "start", start),
        _ids(owner, "end", end),
        _ids(owner, "new", new),
    )
    for account in sorted(acquired):
        if account in at_start:
            v.fail(owner, "new", account, "an account not there at the start")
        if account not in at_end:
            v.fail(owner, "new", account, "an account there at the end")
    for account in sorted(at_end - at_start - acquired):
        v.fail(owner, "end", account, "an account there at the start or new")
    return Ratio(part=len(at_end) - len(acquired), whole=len(at_start))


def customer_lifetime_value(
    *,
    average_value: float,
    gross_margin: float,
    lifetime: float | None = None,
    churn_rate: float | None = None,
) -> float:
    """Customer lifetime value: ``average value x gross margin x expected lifetime``.

    ``average_value`` is the revenue of an average customer per period (a
    year, say), ``gross_margin`` the share of it that is profit (0 to 1), and
    the expected lifetime is given in periods, either as ``lifetime`` or as
    ``1 / churn_rate`` (the share of customers lost per period). Give exactly
    one of the two.

    Raises:
        InvalidEntityError: a negative or non-finite number, a margin outside
            [0, 1], a churn rate outside (0, 1], or not exactly one of
            ``lifetime`` and ``churn_rate``.

    >>> from csroles import customer_lifetime_value
    >>> customer_lifetime_value(average_value=1200.0, gross_margin=0.6, lifetime=3)
    2160.0
    >>> customer_lifetime_value(average_value=1200.0, gross_margin=0.6, churn_rate=0.25)
    2880.0

    .. versionadded:: 0.1.0
    """
    owner = "customer_lifetime_value"
    value = _number(owner, "average_value", average_value, "a finite number of zero or more")
    margin = _number(owner, "gross_margin", gross_margin, "a number from 0 to 1")
    if margin > 1:
        v.fail(owner, "gross_margin", gross_margin, "a number from 0 to 1")
    if (lifetime is None) == (churn_rate is None):
        v.fail(owner, "lifetime", lifetime, "exactly one of lifetime and churn_rate")
    if lifetime is not None:
        periods = _number(owner, "lifetime", lifetime, "a finite number of zero or more")
    else:
        rate = _number(owner, "churn_rate", churn_rate, "a number above 0, up to 1")
        if not 0 < rate <= 1:
            v.fail(owner, "churn_rate", churn_rate, "a number above 0, up to 1")
        periods = 1 / rate
    result = value * margin * periods
    if not math.isfinite(result):  # each figure is finite, their product need not be
        v.fail(
            owner, "average_value", average_value, "a value whose lifetime value a float can hold"
        )
    return result


def _number(owner: str, field: str, value: object, expected: str) -> float:
    if type(value) not in {int, float} or not v.is_finite_number(value) or value < 0:
        v.fail(owner, field, value, expected)
    return float(value)


# ------------------------------------------------------------------ workload


def _check_day(owner: object, field: str, value: object) -> date:
    if type(value) is not date:
        v.fail(owner, field, value, "a datetime.date")
    return value


@attrs.frozen(kw_only=True)
class DailyWorkload:
    """What one position handled on one local business day, against its daily quota.

    >>> from datetime import date
    >>> from csroles import DailyWorkload
    >>> day = DailyWorkload(position="rep-1", day=date(2026, 5, 4), handled=42, quota=40)
    >>> day.meets_quota, day.attainment
    (True, 1.05)

    .. versionadded:: 0.1.0
    """

    position: str = attrs.field(validator=v.validator(v.check_identifier))
    day: date = attrs.field(validator=v.validator(_check_day))
    handled: int = attrs.field(validator=v.validator(_check_count))
    quota: int = attrs.field(validator=v.validator(v.check_positive_int))

    @property
    def meets_quota(self) -> bool:
        """Whether the position handled at least its quota that day."""
        return self.handled >= self.quota

    @property
    def attainment(self) -> float:
        """Handled as a fraction of the quota (above 1 when over it)."""
        return self.handled / self.quota


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _local_days(period: Period, zone: ZoneInfo) -> list[date]:
    first = period.start.astimezone(zone).date()
    last = (period.end - _US).astimezone(zone).date() if period.end > period.start else None
    days = []
    day = first
    while last is not None and day <= last:
        days.append(day)
        day += timedelta(days=1)
    return days


def workload(
    interactions: Iterable[Interaction],
    *,
    period: Period,
    timezone: str,
    quota: int | Role,
    calendar: BusinessTime | None = None,
    positions: Iterable[str] = (),
) -> tuple[DailyWorkload, ...]:
    """Interactions handled per position per local business day, against a daily quota.

    An interaction is handled by its assignee (:attr:`~csroles.Interaction.assignee`)
    on the local day (in ``timezone``) of its resolution (see
    :func:`resolution_times`); open and unassigned interactions are not
    counted, nor are resolutions outside ``period``. Every local day that the
    period touches is listed, for every position that handled something or is
    named in ``positions``; with a ``calendar``, only the days with business
    time in it (business days). Rows come sorted by position, then day.

    Args:
        interactions: the interactions.
        period: the period to count.
        timezone: the IANA zone whose days are counted.
        quota: the daily quota, or a role whose ``daily_quota`` it is (seed
            000; the built-in catalog sets none, so the company supplies it).
        calendar: keep only the days with business time in this calendar.
        positions: positions to list even on days they handled nothing.

    Raises:
        InvalidEntityError: an argument is invalid, or the role has no daily quota.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Period
    >>> from csroles import Priority, Topic, workload
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> def mail(n, hours):
    ...     return Interaction(
    ...         id=f"M-{n}",
    ...         customer_id="C-1",
    ...         channel=Channel.EMAIL,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.ORDER,
    ...         priority=Priority.NORMAL,
    ...         events=[
    ...             Event(kind=EventKind.OPENED, at=t0),
    ...             Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
    ...             Event(kind=EventKind.RESOLVED, at=t0 + timedelta(hours=hours)),
    ...         ],
    ...     )
    >>> two_days = Period(start=t0.replace(hour=0), end=t0.replace(hour=0) + timedelta(days=2))
    >>> for row in workload(
    ...     [mail(1, 1), mail(2, 2), mail(3, 24)], period=two_days, timezone="UTC", quota=2
    ... ):
    ...     print(row.position, row.day, row.handled, row.meets_quota)
    rep-1 2026-05-04 2 True
    rep-1 2026-05-05 1 False

    .. versionadded:: 0.1.0
    """
    owner = "workload"
    if type(period) is not Period:
        v.fail(owner, "period", period, "a Period")
    zone = _zone(v.check_zone(owner, "timezone", timezone))
    try:  # every counted resolution lies between the two, so its local day exists too
        period.start.astimezone(zone)
        period.end.astimezone(zone)
    except OverflowError:
        expected = f"a period whose local days in {timezone} fall in the years 1 to 9999"
        v.fail(owner, "period", period, expected, error=CalendarError)
    if isinstance(quota, Role):
        if quota.daily_quota is None:
            v.fail(owner, "quota", quota.key, "an int, or a role with a daily_quota")
        daily = quota.daily_quota
    else:
        daily = v.check_positive_int(owner, "quota", quota)
    calendar = _check_calendar(owner, calendar)
    if not v.is_collection(positions):
        v.fail(owner, "positions", positions, f"{v.COLLECTION} of position ids")
    counts: dict[tuple[str, date], int] = {}
    seen = {v.check_identifier(owner, "positions", p) for p in positions}
    for interaction in _interactions(owner, interactions):
        resolved = _resolved_at(interaction)
        position = interaction.assignee
        if resolved is None or position is None or not period.start <= resolved < period.end:
            continue
        key = (position, resolved.astimezone(zone).date())
        counts[key] = counts.get(key, 0) + 1
        seen.add(position)
    days = _local_days(period, zone)
    if calendar is not None:
        days = [day for day in days if _is_business_day(calendar, day, zone)]
    return tuple(
        DailyWorkload(position=p, day=day, handled=counts.get((p, day), 0), quota=daily)
        for p in sorted(seen)
        for day in days
    )


def _is_business_day(calendar: BusinessTime, day: date, zone: ZoneInfo) -> bool:
    start = datetime.combine(day, time(), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
    return calendar.business_time_between(start, end) > _ZERO


def quota_attainment(days: Iterable[DailyWorkload]) -> Ratio:
    """The share of position-days on which the daily quota was met.

    >>> from datetime import date
    >>> from csroles import DailyWorkload, quota_attainment
    >>> quota_attainment(
    ...     [
    ...         DailyWorkload(position="rep-1", day=date(2026, 5, 4), handled=40, quota=40),
    ...         DailyWorkload(position="rep-1", day=date(2026, 5, 5), handled=12, quota=40),
    ...     ]
    ... ).percent
    50.0

    .. versionadded:: 0.1.0
    """
    if not v.is_collection(days):
        v.fail("quota_attainment", "days", days, f"{v.COLLECTION} of DailyWorkload")
    part = whole = 0
    for index, day in enumerate(days):
        if type(day) is not DailyWorkload:
            v.fail("quota_attainment", f"days[{index}]", day, "a DailyWorkload")
        whole += 1
        part += day.meets_quota
    return Ratio(part=part, whole=whole)


# ------------------------------------------------------------------ one pass, grouped


@attrs.frozen(kw_only=True)
class ServiceMetrics:
    """Every interaction metric of a set of interactions (one group).

    Attributes:
        interactions: how many interactions the group has.
        first_response: first response times (see :func:`response_times`).
        resolution: resolution times (see :func:`resolution_times`).
        csat: satisfied CSAT answers out of all CSAT answers (see :func:`csat`).
        nps: the NPS answers (see :class:`NetPromoterScore`).
        customer_effort: the mean customer effort answer, or ``None``.
        first_contact_resolution: see :func:`first_contact_resolution`.
        sla_compliance: met SLA clocks out of met and breached ones (see
            :func:`sla_compliance`); nothing counted without an SLA.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import service_metrics
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> call = Interaction(
    ...     id="call-1",
    ...     customer_id="C-1",
    ...     channel=Channel.PHONE,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.BILLING,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.AGENT_REPLIED, at=t0 + timedelta(seconds=20)),
    ...         Event(kind=EventKind.RESOLVED, at=t0 + timedelta(minutes=6)),
    ...     ],
    ... )
    >>> metrics = service_metrics([call])
    >>> metrics.interactions, metrics.resolution.mean, metrics.first_contact_resolution.percent
    (1, datetime.timedelta(seconds=360), 100.0)

    .. versionadded:: 0.1.0
    """

    interactions: int
    first_response: DurationStats
    resolution: DurationStats
    csat: Ratio
    nps: NetPromoterScore
    customer_effort: float | None
    first_contact_resolution: Ratio
    sla_compliance: Ratio

    def figures(self) -> dict[Metric, Figure | None]:
        """The headline figure of each metric, for a :class:`Scorecard`.

        Median first response and resolution times, CSAT, first-contact
        resolution and SLA compliance as percentages, the NPS score and the mean effort score;
        ``None`` where there was nothing to measure.

        >>> from csroles import Metric, service_metrics
        >>> service_metrics([]).figures()[Metric.CSAT] is None
        True
        """
        return {
            Metric.FIRST_RESPONSE_TIME: self.first_response.median,
            Metric.RESOLUTION_TIME: self.resolution.median,
            Metric.CSAT: self.csat.percent,
            Metric.NPS: self.nps.score,
            Metric.CUSTOMER_EFFORT_SCORE: self.customer_effort,
            Metric.FIRST_CONTACT_RESOLUTION: self.first_contact_resolution.percent,
            Metric.SLA_COMPLIANCE: self.sla_compliance.percent,
        }


class _Tally:
    """One group's running totals, filled in one pass."""

    __slots__ = (
        "ces_count",
        "ces_sum",
        "count",
        "csat_satisfied",
        "csat_total",
        "detractors",
        "fcr",
        "first_response",
        "passives",
        "promoters",
        "resolution",
        "resolved",
        "sla_breached",
        "sla_met",
    )

    def __init__(self) -> None:
        self.count = self.resolved = self.fcr = 0
        self.csat_satisfied = self.csat_total = 0
        self.promoters = self.passives = self.detractors = 0
        self.ces_sum = self.ces_count = 0
        self.sla_met = self.sla_breached = 0
        self.first_response: list[int] = []
        self.resolution: list[int] = []

    def add_survey(self, scale: SurveyScale, score: int, satisfied_at: int) -> None:
        if scale is _CSAT:
            self.csat_total += 1
            self.csat_satisfied += score >= satisfied_at
        elif scale is _NPS:
            if score >= 9:
                self.promoters += 1
            elif score >= 7:
                self.passives += 1
            else:
                self.detractors += 1
        else:
            self.ces_sum += score
            self.ces_count += 1

    def result(self) -> ServiceMetrics:
        return ServiceMetrics(
            interactions=self.count,
            first_response=_stats(self.first_response),
            resolution=_stats(self.resolution),
            csat=Ratio(part=self.csat_satisfied, whole=self.csat_total),
            nps=NetPromoterScore(
                promoters=self.promoters, passives=self.passives, detractors=self.detractors
            ),
            customer_effort=self.ces_sum / self.ces_count if self.ces_count else None,
            first_contact_resolution=Ratio(part=self.fcr, whole=self.resolved),
            sla_compliance=Ratio(part=self.sla_met, whole=self.sla_met + self.sla_breached),
        )


_SURVEY = EventKind.SURVEY_ANSWERED
_MET, _BREACHED = ClockState.MET, ClockState.BREACHED
_TRANSFERRED, _ESCALATED = EventKind.TRANSFERRED, EventKind.ESCALATED
_CSAT, _NPS = SurveyScale.CSAT, SurveyScale.NPS

Grouping: TypeAlias = "Callable[[Interaction], Iterable[str]]"
SLAChoice: TypeAlias = "SLA | Callable[[Interaction], SLA | None]"


def _outcomes(clocks: Iterable[SLAClock]) -> tuple[int, int]:
    """How many of ``clocks`` are met, and how many breached."""
    met = breached = 0
    for clock in clocks:
        state = clock.state
        if state is _MET:
            met += 1
        elif state is _BREACHED:
            breached += 1
    return met, breached


def _tally_into(
    tallies: list[_Tally],
    interaction: Interaction,
    measure: Measure,
    satisfied_at: int,
    clocks: tuple[SLAClock, ...],
) -> None:
    """Work out one interaction's facts once and add them to every tally it belongs to."""
    first, resolution = measure(
        interaction.events[0].at,
        interaction.first_reply_at,
        interaction.resolved_at or interaction.closed_at,
    )
    moved = bool(interaction.reopen_count)
    surveys: list[Event] | None = None
    for event in interaction.events:
        kind = event.kind
        if kind is _SURVEY:
            if surveys is None:
                surveys = [event]
            else:
                surveys.append(event)
        elif kind is _TRANSFERRED or kind is _ESCALATED:
            moved = True
    met, breached = _outcomes(clocks) if clocks else (0, 0)
    for tally in tallies:
        tally.count += 1
        tally.sla_met += met
        tally.sla_breached += breached
        if first is not None:
            tally.first_response.append(first)
        if resolution is not None:
            tally.resolution.append(resolution)
            tally.resolved += 1
            tally.fcr += not moved
        if surveys is not None:
            for survey in surveys:
                tally.add_survey(survey.scale, survey.score, satisfied_at)  # type: ignore[arg-type]


def group_metrics(
    interactions: Iterable[Interaction],
    by: Grouping,
    *,
    calendar: BusinessTime | None = None,
    period: Period | None = None,
    satisfied_at: int = 4,
    sla: SLAChoice | None = None,
    now: datetime | None = None,
    customers: Iterable[Customer] | Mapping[str, Customer] | None = None,
) -> Mapping[str, ServiceMetrics]:
    """Every interaction metric per group, in one pass over the interactions.

    Each interaction's facts (response and resolution times, surveys,
    transfers) are worked out once and added to each of its groups: ``by``
    maps an interaction to the keys of its groups (none, one or several:
    :func:`by_position`, :func:`by_role`, :func:`by_team`,
    :func:`by_channel`, or any function).

    Args:
        interactions: the interactions.
        by: the grouping function.
        calendar: measure times in business time by this calendar; ``None``
            for calendar time.
        period: keep only the interactions opened in it; ``None`` for all.
        satisfied_at: the lowest satisfied CSAT answer (1-5 scale).
        sla: the SLA the interactions are held to, or a function giving each
            interaction's SLA (``None`` for an interaction without one): their
            clocks, computed with :func:`~csroles.sla_statuses` at ``now``,
            give the SLA compliance (see :func:`sla_compliance`).
        now: the instant of the clocks; required with ``sla``.
        customers: the customers whose zones the SLA clocks may use (see
            :func:`~csroles.sla_statuses`).

    Returns:
        A read-only mapping from group key to metrics, keys sorted; a group
        appears once it has an interaction.

    Raises:
        InvalidEntityError: an argument is invalid, or ``by`` returns
            something other than a collection of non-empty strings.
        CalendarError: an instant outside the range of a BusinessCalendar.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_channel, group_metrics
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> def contact(n, channel):
    ...     return Interaction(
    ...         id=f"I-{n}",
    ...         customer_id="C-1",
    ...         channel=channel,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.ORDER,
    ...         priority=Priority.NORMAL,
    ...         events=[Event(kind=EventKind.OPENED, at=t0)],
    ...     )
    >>> grouped = group_metrics(
    ...     [contact(1, Channel.CHAT), contact(2, Channel.PHONE), contact(3, Channel.CHAT)],
    ...     by_channel,
    ... )
    >>> {channel: metrics.interactions for channel, metrics in grouped.items()}
    {'chat': 2, 'phone': 1}

    .. versionadded:: 0.1.0
    """
    owner = "group_metrics"
    if not callable(by):
        v.fail(owner, "by", by, "a function from an Interaction to its group keys")
    measure = _measure(_check_calendar(owner, calendar))
    period = _check_period(owner, period)
    if type(satisfied_at) is not int or not 1 <= satisfied_at <= 5:
        v.fail(owner, "satisfied_at", satisfied_at, "an integer from 1 to 5")
    selected = _interactions(owner, interactions)
    if period is not None:
        selected = [i for i in selected if period.start <= i.opened_at < period.end]
    clocks = _clocks(owner, selected, sla, now, customers)
    tallies: dict[str, _Tally] = {}
    for index, interaction in enumerate(selected):
        keys = by(interaction)
        if type(keys) is not tuple and not v.is_collection(keys):
            v.fail(owner, f"by({interaction.id!r})", keys, f"{v.COLLECTION} of group keys")
        mine = []
        for key in keys:
            tally = tallies.get(key)
            if tally is None:
                v.check_identifier(owner, f"by({interaction.id!r})", key)
                tally = tallies[key] = _Tally()
            mine.append(tally)
        if mine:
            _tally_into(mine, interaction, measure, satisfied_at, clocks[index] if clocks else ())
    return MappingProxyType({key: tallies[key].result() for key in sorted(tallies)})


def _clocks(
    owner: str,
    interactions: list[Interaction],
    sla: object,
    now: object,
    customers: Iterable[Customer] | Mapping[str, Customer] | None,
) -> list[tuple[SLAClock, ...]] | None:
    """Each interaction's SLA clocks at ``now``, by the batch form, one call per SLA."""
    if sla is None:
        return None
    if now is None:
        v.fail(owner, "now", now, "an aware datetime: the instant of the SLA clocks")
    if type(sla) is SLA:
        return list(sla_statuses(sla, interactions, now, customers))  # type: ignore[arg-type]
    if not callable(sla):
        v.fail(owner, "sla", sla, "None, an SLA, or a function from an Interaction to its SLA")
    by_sla: dict[int, tuple[SLA, list[int]]] = {}
    for index, interaction in enumerate(interactions):
        chosen = sla(interaction)
        if chosen is None:
            continue
        if type(chosen) is not SLA:
            v.fail(owner, f"sla({interaction.id!r})", chosen, "an SLA or None")
        by_sla.setdefault(id(chosen), (chosen, []))[1].append(index)
    result: list[tuple[SLAClock, ...]] = [()] * len(interactions)
    for chosen, indexes in by_sla.values():
        statuses = sla_statuses(chosen, [interactions[i] for i in indexes], now, customers)  # type: ignore[arg-type]
        for index, found in zip(indexes, statuses, strict=True):
            result[index] = found
    return result


def sla_compliance(
    clocks: Iterable[SLAClock | Iterable[SLAClock]], *, metric: Metric | None = None
) -> Ratio:
    """SLA compliance rate: ``met / (met + breached)`` over SLA clocks.

    Each clock counts once, by its state: ``met`` (stopped within its
    target) or ``breached`` (missed it; a breach is final even while the
    clock still runs). Clocks still running, in warning or paused have no
    outcome yet and are left out, so the rate is not lowered by work still
    in time. Interactions without an SLA have no clocks and change nothing.

    Args:
        clocks: SLA clocks, or tuples of clocks as :func:`~csroles.sla_statuses`
            returns them.
        metric: count only the clocks of this metric; ``None`` for all.

    Raises:
        InvalidEntityError: an item is not a clock or a collection of clocks.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import SLAClock, Metric, sla_compliance
    >>> from csroles.sla import ClockState
    >>> hour = timedelta(hours=1)
    >>> met = SLAClock(
    ...     metric=Metric.FIRST_RESPONSE_TIME,
    ...     target=hour,
    ...     elapsed=hour / 2,
    ...     state=ClockState.MET,
    ...     completed_cycles=1,
    ... )
    >>> late = SLAClock(
    ...     metric=Metric.RESOLUTION_TIME,
    ...     target=hour,
    ...     elapsed=2 * hour,
    ...     state=ClockState.BREACHED,
    ...     breached_at=datetime(2026, 5, 4, 10, tzinfo=UTC),
    ...     completed_cycles=1,
    ...     breached_cycles=1,
    ... )
    >>> running = SLAClock(
    ...     metric=Metric.RESOLUTION_TIME,
    ...     target=hour,
    ...     elapsed=hour / 4,
    ...     state=ClockState.PAUSED,
    ... )
    >>> sla_compliance([met, late, running])
    Ratio(part=1, whole=2)
    >>> sla_compliance([(met,), (late, running)], metric=Metric.FIRST_RESPONSE_TIME).percent
    100.0

    .. versionadded:: 0.1.0
    """
    owner = "sla_compliance"
    if not v.is_collection(clocks):
        v.fail(owner, "clocks", clocks, f"{v.COLLECTION} of SLAClocks")
    if metric is not None and type(metric) is not Metric:
        v.fail(owner, "metric", metric, "None or a Metric")
    met = breached = 0
    for index, item in enumerate(clocks):
        group = (item,) if type(item) is SLAClock else item
        if not v.is_collection(group):
            v.fail(owner, f"clocks[{index}]", item, "an SLAClock or a collection of SLAClocks")
        for clock in typing.cast("Iterable[object]", group):
            if type(clock) is not SLAClock:
                v.fail(owner, f"clocks[{index}]", clock, "an SLAClock")
            if metric is not None and clock.metric is not metric:
                continue
            if clock.state is _MET:
                met += 1
            elif clock.state is _BREACHED:
                breached += 1
    return Ratio(part=met, whole=met + breached)


def _everything(_interaction: Interaction) -> tuple[str]:
    return ("all",)


def service_metrics(
    interactions: Iterable[Interaction],
    *,
    calendar: BusinessTime | None = None,
    period: Period | None = None,
    satisfied_at: int = 4,
    sla: SLAChoice | None = None,
    now: datetime | None = None,
    customers: Iterable[Customer] | Mapping[str, Customer] | None = None,
) -> ServiceMetrics:
    """Every interaction metric of ``interactions`` as one group (see :func:`group_metrics`).

    Empty input gives zero counts, ``None`` statistics and undefined rates.

    >>> from csroles import service_metrics
    >>> empty = service_metrics([])
    >>> empty.interactions, empty.first_response.mean, empty.nps.score, empty.csat.percent
    (0, None, None, None)

    .. versionadded:: 0.1.0
    """
    grouped = group_metrics(
        interactions,
        _everything,
        calendar=calendar,
        period=period,
        satisfied_at=satisfied_at,
        sla=sla,
        now=now,
        customers=customers,
    )
    return grouped["all"] if grouped else _Tally().result()


def by_position(interaction: Interaction) -> tuple[str, ...]:
    """Group by the position that holds the interaction (its assignee); unassigned ones in no group.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_position
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> ticket = Interaction(
    ...     id="T-1",
    ...     customer_id="C-1",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.ORDER,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
    ...     ],
    ... )
    >>> by_position(ticket)
    ('rep-1',)

    .. versionadded:: 0.1.0
    """
    if type(interaction) is not Interaction:
        v.fail("by_position", "interaction", interaction, "an Interaction")
    assignee = interaction.assignee
    return () if assignee is None else (assignee,)


def by_channel(interaction: Interaction) -> tuple[str]:
    """Group by channel; the keys are the :class:`~csroles.Channel` values (``"chat"``).

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_channel
    >>> chat = Interaction(
    ...     id="chat-1",
    ...     customer_id="C-1",
    ...     channel=Channel.CHAT,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.QUESTION,
    ...     priority=Priority.NORMAL,
    ...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=UTC))],
    ... )
    >>> by_channel(chat)
    ('chat',)

    .. versionadded:: 0.1.0
    """
    if type(interaction) is not Interaction:
        v.fail("by_channel", "interaction", interaction, "an Interaction")
    return (interaction.channel.value,)


def by_role(roles: Mapping[str, str] | OrgChart) -> Grouping:
    """Group by the role of the position that holds the interaction.

    Args:
        roles: each position's role key, by position id, or an
            :class:`~csroles.OrgChart` whose positions say it; interactions
            held by a position not in it (or by nobody) are in no group.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_role
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> ticket = Interaction(
    ...     id="T-1",
    ...     customer_id="C-1",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.ORDER,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
    ...     ],
    ... )
    >>> by_role({"rep-1": "customer_service_representative"})(ticket)
    ('customer_service_representative',)

    .. versionadded:: 0.1.0
    """
    if isinstance(roles, OrgChart):
        roles = {position.id: position.role for position in roles.positions}
    if not isinstance(roles, Mapping):
        v.fail("by_role", "roles", roles, "an OrgChart or a mapping from position id to role key")
    table = {
        v.check_identifier("by_role", "roles", p): v.check_key("by_role", f"roles[{p!r}]", r)
        for p, r in roles.items()
    }

    def grouping(interaction: Interaction) -> tuple[str, ...]:
        role = table.get(interaction.assignee)  # type: ignore[arg-type]
        return () if role is None else (role,)

    return grouping


def by_team(
    teams: Mapping[str, Iterable[str]] | OrgChart, *, heads: Iterable[str] | None = None
) -> Grouping:
    """Group by team: each team is a set of positions, and teams may overlap.

    An interaction counts in every team whose positions include its
    assignee, so a manager's team (their whole org-chart subtree) and the
    teams below it are all measured in the same pass.

    Args:
        teams: the position ids of each team, by team id; or an
            :class:`~csroles.OrgChart`, where each team is a head position
            and everyone below it (its subtree), named by the head's id.
        heads: with a chart, the heads of the teams; ``None`` for every
            position that has reports.

    Raises:
        InvalidEntityError: a team id or position id is not a valid id,
            or ``heads`` is given without a chart.
        UnknownPositionError: a head is not in the chart.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_team
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> ticket = Interaction(
    ...     id="T-1",
    ...     customer_id="C-1",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.ORDER,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
    ...     ],
    ... )
    >>> by_team({"north": ["sup-1", "rep-1"], "all": ["sup-1", "rep-1", "rep-2"]})(ticket)
    ('all', 'north')

    .. versionadded:: 0.1.0
    """
    owner = "by_team"
    if isinstance(teams, OrgChart):
        teams = _subtrees(teams, heads)
    elif heads is not None:
        v.fail(owner, "heads", heads, "None unless the teams are an OrgChart")
    if not isinstance(teams, Mapping):
        v.fail(owner, "teams", teams, "an OrgChart or a mapping from team id to position ids")
    membership: dict[str, list[str]] = {}
    for team in sorted(teams):
        v.check_identifier(owner, "teams", team)
        members = teams[team]
        if not v.is_collection(members):
            v.fail(owner, f"teams[{team!r}]", members, f"{v.COLLECTION} of position ids")
        for position in set(members):
            v.check_identifier(owner, f"teams[{team!r}]", position)
            membership.setdefault(position, []).append(team)
    frozen = {position: tuple(found) for position, found in membership.items()}

    def grouping(interaction: Interaction) -> tuple[str, ...]:
        return frozen.get(interaction.assignee, ())  # type: ignore[arg-type]

    return grouping


def _subtrees(chart: OrgChart, heads: Iterable[str] | None) -> dict[str, list[str]]:
    """Each head's team in ``chart``: the head and every position below it."""
    if heads is None:
        chosen = [p.id for p in chart.positions if p.id in _managers(chart)]
    elif not v.is_collection(heads):
        v.fail("by_team", "heads", heads, f"{v.COLLECTION} of position ids")
    else:
        chosen = list(heads)
    return {head: [head, *(p.id for p in chart.all_reports(head))] for head in chosen}


def _managers(chart: OrgChart) -> set[str | None]:
    return {p.reports_to for p in chart.positions}


# ------------------------------------------------------------------ scorecards

# Lower is better for these; higher for every other metric.
_LOWER_IS_BETTER = frozenset(
    {
        Metric.FIRST_RESPONSE_TIME,
        Metric.NEXT_RESPONSE_TIME,
        Metric.RESOLUTION_TIME,
        Metric.CUSTOMER_EFFORT_SCORE,
    }
)
_DURATIONS = frozenset(
    {Metric.FIRST_RESPONSE_TIME, Metric.NEXT_RESPONSE_TIME, Metric.RESOLUTION_TIME}
)


def _check_figure(owner: str, field: str, metric: Metric, value: object) -> Figure:
    if metric in _DURATIONS:
        if type(value) is not timedelta:
            v.fail(owner, field, value, f"a timedelta for {metric.value}")
        return value
    if type(value) not in {int, float} or not v.is_finite_number(value):
        v.fail(owner, field, value, f"a finite number for {metric.value}")
    return value


@attrs.frozen(kw_only=True)
class ScorecardLine:
    """One metric on a :class:`Scorecard`: its value, its target and whether it is on target.

    ``on_target`` is ``None`` when there is no target or nothing was
    measured; otherwise the value must be at most the target for the times
    and the effort score (lower is better), at least the target for every
    other metric.

    >>> from csroles import Metric, Scorecard, default_catalog
    >>> card = Scorecard.build(
    ...     subject="csm-1",
    ...     role=default_catalog().get("customer_success_manager"),
    ...     figures={Metric.NPS: 12},
    ...     targets={Metric.NPS: 20},
    ... )
    >>> card.lines[0]
    ScorecardLine(metric=<Metric.NPS: 'nps'>, value=12, target=20, on_target=False)

    .. versionadded:: 0.1.0
    """

    metric: Metric = attrs.field(validator=v.member_of(Metric))
    value: Figure | None
    target: Figure | None
    on_target: bool | None = attrs.field(validator=v.optional_validator(v.check_flag))


@attrs.frozen(kw_only=True)
class Scorecard:
    """How a position or a team is doing on the metrics its role is measured by.

    Build it with :meth:`build`.

    Attributes:
        subject: the position or team it is about.
        role: the key of the role whose metrics it lists.
        lines: one line per metric of the role, in :class:`~csroles.Metric` order.

    .. versionadded:: 0.1.0
    """

    subject: str = attrs.field(validator=v.validator(v.check_identifier))
    role: str = attrs.field(validator=v.validator(v.check_key))
    lines: tuple[ScorecardLine, ...] = attrs.field(converter=v.to_tuple)

    @classmethod
    def build(
        cls,
        *,
        subject: str,
        role: Role,
        figures: Mapping[Metric, Figure | None],
        targets: Mapping[Metric, Figure] | None = None,
    ) -> Scorecard:
        """The scorecard of ``subject`` for the metrics ``role`` is measured by.

        Args:
            subject: the position or team id.
            role: its role (from the catalog); its ``metrics`` make the lines.
            figures: the measured values by metric (see
                :meth:`ServiceMetrics.figures`; add retention, lifetime value,
                quota attainment ... as needed); metrics missing or ``None``
                are shown unmeasured.
            targets: the user's targets by metric, for metrics of the role.

        Raises:
            InvalidEntityError: a target for a metric the role is not measured
                by, or a value or target of the wrong kind (a timedelta for
                the times, a number otherwise).

        >>> from datetime import timedelta
        >>> from csroles import Metric, Scorecard, default_catalog
        >>> card = Scorecard.build(
        ...     subject="rep-1",
        ...     role=default_catalog().get("customer_support_representative"),
        ...     figures={Metric.CSAT: 91.0, Metric.FIRST_RESPONSE_TIME: timedelta(hours=2)},
        ...     targets={Metric.CSAT: 85, Metric.FIRST_RESPONSE_TIME: timedelta(hours=1)},
        ... )
        >>> [(line.metric.value, line.on_target) for line in card.lines]
        [('first_response_time', False), ('resolution_time', None), ('csat', True)]
        >>> card.off_target
        (<Metric.FIRST_RESPONSE_TIME: 'first_response_time'>,)
        """
        owner = "Scorecard"
        if not isinstance(role, Role):
            v.fail(owner, "role", role, "a Role")
        if not isinstance(figures, Mapping):
            v.fail(owner, "figures", figures, "a mapping from Metric to value")
        wanted = targets if targets is not None else {}
        if not isinstance(wanted, Mapping):
            v.fail(owner, "targets", targets, "a mapping from Metric to target")
        for metric in wanted:
            if metric not in role.metrics:
                v.fail(owner, "targets", metric, f"a metric that {role.key!r} is measured by")
        lines = []
        for metric in Metric:
            if metric not in role.metrics:
                continue
            value = figures.get(metric)
            if value is not None:
                value = _check_figure(owner, f"figures[{metric.value!r}]", metric, value)
            target = wanted.get(metric)
            if target is not None:
                target = _check_figure(owner, f"targets[{metric.value!r}]", metric, target)
            on_target = None
            if value is not None and target is not None:
                on_target = (
                    value <= target  # type: ignore[operator]
                    if metric in _LOWER_IS_BETTER
                    else value >= target  # type: ignore[operator]
                )
            lines.append(
                ScorecardLine(metric=metric, value=value, target=target, on_target=on_target)
            )
        return cls(subject=subject, role=role.key, lines=lines)

    @classmethod
    def for_position(
        cls,
        chart: OrgChart,
        position: str,
        *,
        figures: Mapping[Metric, Figure | None],
        targets: Mapping[Metric, Figure] | None = None,
    ) -> Scorecard:
        """The scorecard of a position (or of the team it heads) in ``chart``, by its role.

        Raises:
            InvalidEntityError: ``chart`` is not an OrgChart, or as :meth:`build`.
            UnknownPositionError: ``position`` is not in the chart.

        >>> from csroles import Metric, OrgChart, Position, Scorecard
        >>> chart = OrgChart(positions=[Position(id="csm-1", role="customer_success_manager")])
        >>> card = Scorecard.for_position(
        ...     chart,
        ...     "csm-1",
        ...     figures={Metric.RETENTION_RATE: 96.0},
        ...     targets={Metric.RETENTION_RATE: 95},
        ... )
        >>> card.role, card.on_target
        ('customer_success_manager', (<Metric.RETENTION_RATE: 'retention_rate'>,))
        """
        if not isinstance(chart, OrgChart):
            v.fail("Scorecard", "chart", chart, "an OrgChart")
        return cls.build(
            subject=position, role=chart.role_of(position), figures=figures, targets=targets
        )

    @property
    def on_target(self) -> tuple[Metric, ...]:
        """The metrics on target."""
        return tuple(line.metric for line in self.lines if line.on_target is True)

    @property
    def off_target(self) -> tuple[Metric, ...]:
        """The metrics off target."""
        return tuple(line.metric for line in self.lines if line.on_target is False)

    def to_text(self) -> str:
        """The scorecard as aligned plain text, one line per metric.

        >>> from csroles import Metric, Scorecard, default_catalog
        >>> card = Scorecard.build(
        ...     subject="team-north",
        ...     role=default_catalog().get("customer_success_manager"),
        ...     figures={Metric.NPS: 41, Metric.RETENTION_RATE: 92.5},
        ...     targets={Metric.NPS: 30, Metric.RETENTION_RATE: 95},
        ... )
        >>> print(card.to_text())
        team-north (customer_success_manager)
          nps                      41  target 30  on target
          retention_rate           92.5  target 95  off target
          customer_lifetime_value  -
        """
        width = max((len(line.metric.value) for line in self.lines), default=0)
        out = [f"{self.subject} ({self.role})"]
        for line in self.lines:
            text = f"  {line.metric.value:<{width}}  {'-' if line.value is None else line.value}"
            if line.target is not None:
                text += f"  target {line.target}"
            if line.on_target is not None:
                text += "  on target" if line.on_target else "  off target"
            out.append(text)
        return "\n".join(out)
