"""A staffing plan: required and scheduled agents per channel and interval, from a forecast.

The forecast is an argument (csroles reads no data): for each channel and
interval, the contacts expected and their average handle time. Each channel
says how it is staffed (:class:`ChannelStaffing`): its SLA, whose first-response
target for the channel's priority mix becomes the service-level threshold, the
service-level target, and the channel's shrinkage. :func:`staffing_plan` checks
that every interval lies on the grid of the calendar's zone and falls in its
open hours, and answers for each:

>>> from datetime import datetime, time, timedelta
>>> from zoneinfo import ZoneInfo
>>> from csroles import SLA, BusinessCalendar, Channel, Metric
>>> from csroles.staffing import ChannelStaffing, ForecastInterval, staffing_plan
>>> desk = BusinessCalendar(
...     timezone="Europe/Rome", hours={day: ((time(9), time(17)),) for day in range(5)}
... )
>>> phone = ChannelStaffing(
...     channel=Channel.PHONE,
...     sla=SLA(name="Phone", targets={Metric.FIRST_RESPONSE_TIME: timedelta(seconds=20)}),
...     shrinkage=0.3,
... )
>>> nine = datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Europe/Rome"))
>>> plan = staffing_plan(
...     [
...         ForecastInterval(
...             channel=Channel.PHONE, start=nine, volume=100, handle_time=timedelta(minutes=3)
...         )
...     ],
...     channels=[phone],
...     calendar=desk,
... )
>>> row = plan.intervals[0]
>>> row.required, row.scheduled
(14, 20)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from csroles import _validation as v
from csroles._frozen import FrozenMap
from csroles.errors import CalendarError
from csroles.sla import SLA, BusinessCalendar
from csroles.staffing.queues import (
    AgentRequirement,
    QueueFigures,
    _requirement,
    check_load_bound,
    check_positive_duration,
    check_share,
    check_volume,
)
from csroles.vocabulary import Channel, Metric, Priority

__all__ = [
    "DEFERRED_CHANNELS",
    "ChannelStaffing",
    "ForecastInterval",
    "IntervalStaffing",
    "StaffingPlan",
    "scheduled_agents",
    "staffing_plan",
]

#: The channels whose contacts wait in a backlog rather than a live queue:
#: they are staffed from workload (see :class:`ChannelStaffing`).
DEFERRED_CHANNELS = frozenset({Channel.EMAIL, Channel.SOCIAL, Channel.MAIL, Channel.FAX})

_INTERVALS = (timedelta(minutes=15), timedelta(minutes=30), timedelta(minutes=60))
_SLACK = 1e-9  # a workload within this of a whole number of agents needs no extra agent


def scheduled_agents(required: int, *, shrinkage: float) -> int:
    """The agents to schedule so that ``required`` are available after shrinkage.

    Shrinkage is the share of paid time in which a scheduled agent is not
    available for contacts (breaks, training, meetings, absence):
    ``ceil(required / (1 - shrinkage))``.

    Raises:
        InvalidEntityError: ``required`` is not an int of 0 or more, or
            ``shrinkage`` not a number from 0 up to (not including) 1.

    >>> scheduled_agents(14, shrinkage=0.3)
    20

    .. versionadded:: 0.1.0
    """
    if type(required) is not int or required < 0:
        v.fail("scheduled_agents", "required", required, "an int of 0 or more")
    share = _check_shrinkage("scheduled_agents", "shrinkage", shrinkage)
    if not v.is_finite_number(required) or not math.isfinite(required / (1.0 - share)):
        expected = "an int of 0 or more whose scheduled count a float can hold"
        v.fail("scheduled_agents", "required", required, expected)
    return _scheduled(required, share)


def _scheduled(required: int, shrinkage: float) -> int:
    """:func:`scheduled_agents` on checked values."""
    return math.ceil(required / (1.0 - shrinkage) - _SLACK)


def _shrinkage_reason(scheduled: int, required: int, shrinkage: float) -> str:
    return f"{scheduled} scheduled: {required} / (1 - {shrinkage:g} shrinkage), rounded up"


def _check_shrinkage(owner: object, field: str, value: object) -> float:
    if (
        not isinstance(value, (int, float))
        or isinstance(value, bool)
        or not v.is_finite_number(value)
        or not 0 <= value < 1
    ):
        v.fail(owner, field, value, "a number from 0 up to (not including) 1, such as 0.3")
    return float(value)


def _to_mix(value: object) -> Mapping[Priority, float]:
    if not isinstance(value, Mapping) or not value:
        v.fail(ChannelStaffing, "priority_mix", value, "a mapping from Priority to a share")
    mix: dict[Priority, float] = {}
    for key, share in value.items():
        priority = v.to_member(Priority, key)
        if priority is None:
            v.fail(ChannelStaffing, "priority_mix", key, "Priority keys (members or their values)")
        mix[priority] = check_share(ChannelStaffing, f"priority_mix.{priority.value}", share)
    total = math.fsum(mix.values())
    if abs(total - 1.0) > 1e-9:
        v.fail(ChannelStaffing, "priority_mix", dict(value), "shares that add up to 1")
    return FrozenMap({p: mix[p] for p in Priority if p in mix})


def _default_deferred(staffing: ChannelStaffing) -> bool:
    # Runs before the field checks: a channel that is no Channel is refused by them.
    return v.to_member(Channel, staffing.channel) in DEFERRED_CHANNELS


def _check_target(
    instance: ChannelStaffing, attribute: attrs.Attribute[Any], value: object
) -> None:
    metric = v.to_member(Metric, value)
    if metric is None or metric not in instance.sla.targets:
        v.fail(
            instance,
            attribute.name,
            value,
            "a metric the SLA sets a target for: "
            + ", ".join(repr(m.value) for m in instance.sla.targets),
        )
    if metric is not value:
        v.store_normalised(instance, attribute.name, metric)


def _optional(check: Any) -> Any:
    return v.optional_validator(check)


@attrs.frozen(kw_only=True)
class ChannelStaffing:
    """How one channel is staffed: its SLA, targets, and the people it can count on.

    Live channels (phone, chat, video ...) are queues, staffed with
    :func:`~csroles.staffing.agents_for`: the service-level threshold is the
    SLA's ``metric`` target (first response by default) for the strictest
    priority of ``priority_mix``. Deferred channels (email, social media,
    mail, fax: :data:`DEFERRED_CHANNELS`) are backlogs, staffed from workload:
    each interval's work (volume * handle time) is spread evenly over the
    target's length of the plan's following open intervals, so it is done
    within the target; agents = the work in hand per interval / (interval
    length * ``max_occupancy``).

    Args:
        channel: the channel.
        sla: the SLA whose target sets the threshold (or the deferral).
        metric: which of the SLA's targets: first response by default.
        priority_mix: the share of the channel's contacts at each priority
            (default all normal); the strictest priority present sets the
            threshold, so every contact's target is met.
        service_level: the share to answer within the threshold, in (0, 1].
        max_asa: the longest acceptable average speed of answer, or None.
        max_occupancy: the highest acceptable occupancy, in (0, 1], or None.
        patience: the average patience of waiting contacts (Erlang A), or
            None (Erlang C).
        concurrency: the contacts an agent handles at once (chat).
        shrinkage: the share of scheduled time not available for contacts.
        deferred: whether the channel is a backlog; by default whether
            ``channel`` is in :data:`DEFERRED_CHANNELS`.

    Raises:
        InvalidEntityError: a field is invalid; the message names it.

    >>> from datetime import timedelta
    >>> from csroles import SLA, Channel, Metric, Priority
    >>> email = ChannelStaffing(
    ...     channel=Channel.EMAIL,
    ...     sla=SLA(name="Mail", targets={Metric.FIRST_RESPONSE_TIME: timedelta(hours=4)}),
    ...     priority_mix={Priority.NORMAL: 0.9, Priority.HIGH: 0.1},
    ... )
    >>> email.deferred, email.threshold
    (True, datetime.timedelta(seconds=14400))

    .. versionadded:: 0.1.0
    """

    channel: Channel = attrs.field(validator=v.member_of(Channel))
    sla: SLA = attrs.field(validator=v.validator(v.instance_check(SLA)))
    metric: Metric = attrs.field(default=Metric.FIRST_RESPONSE_TIME, validator=_check_target)
    priority_mix: Mapping[Priority, float] = attrs.field(
        default=FrozenMap({Priority.NORMAL: 1.0}), converter=_to_mix
    )
    service_level: float = attrs.field(default=0.8, validator=v.validator(check_share))
    max_asa: timedelta | None = attrs.field(
        default=None, validator=_optional(check_positive_duration)
    )
    max_occupancy: float | None = attrs.field(default=None, validator=_optional(check_share))
    patience: timedelta | None = attrs.field(
        default=None, validator=_optional(check_positive_duration)
    )
    concurrency: int = attrs.field(default=1, validator=v.validator(v.check_positive_int))
    shrinkage: float = attrs.field(default=0.0, validator=v.validator(_check_shrinkage))
    deferred: bool = attrs.field(
        default=attrs.Factory(_default_deferred, takes_self=True),
        validator=v.validator(v.check_flag),
    )

    @property
    def threshold(self) -> timedelta:
        """The SLA's target for the strictest priority of the mix.

        .. versionadded:: 0.1.0
        """
        targets = self.sla.targets[self.metric]
        return min(targets[p] for p in self.priority_mix)


def _start_of_ForecastInterval(value: object) -> datetime:  # noqa: N802 (named after the class)
    return v.check_instant("ForecastInterval", "start", value)


def _volume_of_ForecastInterval(value: object) -> float:  # noqa: N802
    return check_volume("ForecastInterval", "volume", value)


def _handle_time_of_ForecastInterval(value: object) -> timedelta:  # noqa: N802
    return check_positive_duration("ForecastInterval", "handle_time", value)


def _start_of_IntervalStaffing(value: object) -> datetime:  # noqa: N802
    return v.check_instant("IntervalStaffing", "start", value)


def _volume_of_IntervalStaffing(value: object) -> float:  # noqa: N802
    return check_volume("IntervalStaffing", "volume", value)


def _load_of_IntervalStaffing(value: object) -> float:  # noqa: N802
    return check_volume("IntervalStaffing", "load", value)


def _handle_time_of_IntervalStaffing(value: object) -> timedelta:  # noqa: N802
    return check_positive_duration("IntervalStaffing", "handle_time", value)


@attrs.frozen(kw_only=True)
class ForecastInterval:
    """The forecast of one channel for one interval: how many contacts, how long each.

    Args:
        channel: the channel.
        start: when the interval starts (aware).
        volume: the contacts expected in it (zero or more).
        handle_time: their average handle time (above zero).

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel
    >>> ForecastInterval(
    ...     channel=Channel.CHAT,
    ...     start=datetime(2026, 3, 2, 9, tzinfo=UTC),
    ...     volume=40,
    ...     handle_time=timedelta(minutes=6),
    ... ).volume
    40.0

    .. versionadded:: 0.1.0
    """

    channel: Channel = attrs.field(validator=v.member_of(Channel))
    start: datetime = attrs.field(converter=_start_of_ForecastInterval)
    volume: float = attrs.field(converter=_volume_of_ForecastInterval)
    handle_time: timedelta = attrs.field(converter=_handle_time_of_ForecastInterval)


def _check_count(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 0:
        v.fail(instance, attribute.name, value, "an int of 0 or more")


@attrs.frozen(kw_only=True)
class IntervalStaffing:
    """The agents one channel needs in one interval of a :class:`StaffingPlan`.

    Attributes:
        channel: the channel.
        start: when the interval starts (a fixed UTC offset: the calendar
            zone's offset at that instant).
        volume: the forecast contacts.
        handle_time: their average handle time.
        load: the offered load in Erlangs (volume * handle time / interval).
        required: the agents needed on contacts.
        scheduled: the agents to schedule, after shrinkage.
        figures: for a live channel, what ``required`` agents achieve; None
            for a deferred channel or no contacts.
        reasons: for people: where the numbers come from.

    .. versionadded:: 0.1.0
    """

    channel: Channel = attrs.field(validator=v.member_of(Channel))
    start: datetime = attrs.field(converter=_start_of_IntervalStaffing)
    volume: float = attrs.field(converter=_volume_of_IntervalStaffing)
    handle_time: timedelta = attrs.field(converter=_handle_time_of_IntervalStaffing)
    load: float = attrs.field(converter=_load_of_IntervalStaffing)
    required: int = attrs.field(validator=_check_count)
    scheduled: int = attrs.field(validator=_check_count)
    figures: QueueFigures | None = attrs.field(
        default=None,
        validator=v.optional_validator(v.instance_check(QueueFigures)),
    )
    reasons: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.check_identifier)
    )


def _check_row(owner: object, field: str, value: object) -> IntervalStaffing:
    if not isinstance(value, IntervalStaffing):
        v.fail(owner, field, value, "an IntervalStaffing")
    return value


@attrs.frozen(kw_only=True)
class StaffingPlan:
    """Required and scheduled agents per channel and interval, from :func:`staffing_plan`.

    Attributes:
        timezone: the calendar's zone, whose wall clock the intervals follow.
        interval: the intervals' length.
        intervals: one row per channel and interval, by channel then start.

    .. versionadded:: 0.1.0
    """

    timezone: str = attrs.field(validator=v.validator(v.check_zone))
    interval: timedelta = attrs.field(validator=v.validator(check_positive_duration))
    intervals: tuple[IntervalStaffing, ...] = attrs.field(
        converter=v.to_tuple,
        validator=v.tuple_of(_check_row),
    )

    @property
    def channels(self) -> tuple[Channel, ...]:
        """The channels of the plan, in :class:`~csroles.Channel` order.

        .. versionadded:: 0.1.0
        """
        present = {row.channel for row in self.intervals}
        return tuple(c for c in Channel if c in present)

    def peak(self, channel: Channel) -> IntervalStaffing | None:
        """The first interval where ``channel`` needs the most scheduled agents, or None.

        .. versionadded:: 0.1.0
        """
        best: IntervalStaffing | None = None
        for row in self.intervals:
            if row.channel is channel and (best is None or row.scheduled > best.scheduled):
                best = row
        return best


# ------------------------------------------------------------------ planning


def _interval(value: object) -> timedelta:
    length = v.check_duration("staffing_plan", "interval", value)
    if length not in _INTERVALS:
        v.fail("staffing_plan", "interval", value, "15, 30 or 60 minutes")
    return length


def _channels(value: object) -> dict[Channel, ChannelStaffing]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        v.fail("staffing_plan", "channels", value, "an iterable of ChannelStaffing")
    found: dict[Channel, ChannelStaffing] = {}
    for index, item in enumerate(value):
        if not isinstance(item, ChannelStaffing):
            v.fail("staffing_plan", f"channels[{index}]", item, "a ChannelStaffing")
        if item.channel in found:
            v.fail(
                "staffing_plan", f"channels[{index}]", item.channel.value, "one entry per channel"
            )
        found[item.channel] = item
    return found


def _check_fit(
    field: str, start: datetime, calendar: BusinessCalendar, local: ZoneInfo, length: timedelta
) -> None:
    """Refuse an interval off the grid of the calendar's zone or outside its open hours."""
    wall = start.astimezone(local)
    step = int(length.total_seconds())
    since_midnight = wall.hour * 3600 + wall.minute * 60 + wall.second
    if wall.microsecond or since_midnight % step:
        v.fail(
            "staffing_plan",
            f"{field}.start",
            wall.isoformat(),
            f"a start on the {step // 60}-minute grid of {calendar.timezone}",
            error=CalendarError,
        )
    if calendar.business_time_between(start, start + length) != length:
        v.fail(
            "staffing_plan",
            f"{field}.start",
            wall.isoformat(),
            f"an interval within the calendar's open hours in {calendar.timezone}",
            error=CalendarError,
        )


def _forecast(
    value: object,
    channels: dict[Channel, ChannelStaffing],
    calendar: BusinessCalendar,
    length: timedelta,
) -> dict[Channel, list[ForecastInterval]]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        v.fail("staffing_plan", "forecast", value, "an iterable of ForecastInterval")
    local = ZoneInfo(calendar.timezone)
    seen: set[tuple[Channel, datetime]] = set()
    fitting: set[datetime] = set()
    rows: dict[Channel, list[ForecastInterval]] = {}
    for index, item in enumerate(value):
        if not isinstance(item, ForecastInterval):
            v.fail("staffing_plan", f"forecast[{index}]", item, "a ForecastInterval")
        if item.channel not in channels:
            v.fail(
                "staffing_plan",
                f"forecast[{index}].channel",
                item.channel.value,
                "a channel given in channels: " + ", ".join(repr(c.value) for c in channels),
            )
        if item.start not in fitting:  # each start is checked once, whatever its channels
            _check_fit(f"forecast[{index}]", item.start, calendar, local, length)
            fitting.add(item.start)
        key = (item.channel, item.start)
        if key in seen:
            v.fail(
                "staffing_plan",
                f"forecast[{index}]",
                item.start.astimezone(local).isoformat(),
                f"one forecast per channel and interval ({item.channel.value})",
            )
        seen.add(key)
        rows.setdefault(item.channel, []).append(item)
    for items in rows.values():
        items.sort(key=lambda row: row.start)
    return rows


def _live(
    rows: list[ForecastInterval], spec: ChannelStaffing, length: timedelta
) -> list[IntervalStaffing]:
    threshold = spec.threshold
    targets = (spec.service_level, spec.max_asa, spec.max_occupancy)
    seconds = length.total_seconds()
    # The fast path of a plan: a row's answer (agents, figures, reasons)
    # depends on its volume and handle time alone, and a forecast repeats them
    # (a flat morning, the same hour every day), so each distinct pair is
    # searched once per call. The forecast and the channel's set-up are
    # checked already: the search starts straight from the load.
    answers: dict[tuple[float, timedelta], tuple[AgentRequirement, int, tuple[str, ...]]] = {}
    result = []
    for row in rows:
        answer = answers.get((row.volume, row.handle_time))
        if answer is None:
            handle = row.handle_time.total_seconds()
            load = row.volume * handle / seconds
            check_load_bound("staffing_plan", row.volume, spec.max_occupancy, load)
            need = _requirement(
                load,
                handle,
                spec.concurrency,
                threshold,
                targets,
                spec.patience,
            )
            scheduled = _scheduled(need.agents, spec.shrinkage)
            reasons = need.reasons
            if spec.shrinkage:
                reasons += (_shrinkage_reason(scheduled, need.agents, spec.shrinkage),)
            answer = answers[row.volume, row.handle_time] = (need, scheduled, reasons)
        need, scheduled, reasons = answer
        result.append(
            v.built(
                IntervalStaffing,
                channel=row.channel,
                start=row.start,
                volume=row.volume,
                handle_time=row.handle_time,
                load=need.figures.load if need.figures is not None else 0.0,
                required=need.agents,
                scheduled=scheduled,
                figures=need.figures,
                reasons=reasons,
            )
        )
    return result


def _deferred(
    rows: list[ForecastInterval], spec: ChannelStaffing, length: timedelta
) -> list[IntervalStaffing]:
    seconds = length.total_seconds()
    target = spec.threshold
    window = max(1, int(target / length))  # whole intervals of open time within the target
    occupancy = 1.0 if spec.max_occupancy is None else spec.max_occupancy
    loads = [row.volume * row.handle_time.total_seconds() / seconds for row in rows]
    in_hand = [0.0] * len(rows)  # Erlangs of work planned in each interval
    for i, work in enumerate(loads):  # work in Erlang-intervals
        span = min(window, len(rows) - i)
        for j in range(i, i + span):
            in_hand[j] += work / span
    # The words that every row shares are put together once.
    spread = (
        f" Erlangs of backlog work in hand: each interval's work spread over {window} "
        f"interval(s), the {spec.metric.value} target of {target}"
        + (f", at most {occupancy:g} occupancy" if spec.max_occupancy is not None else "")
    )
    shrunk: dict[int, tuple[int, tuple[str, ...]]] = {}  # required: scheduled, its reason
    result = []
    for row, load, work in zip(rows, loads, in_hand, strict=True):
        required = max(0, math.ceil(work / occupancy - _SLACK))
        if required not in shrunk:
            scheduled = _scheduled(required, spec.shrinkage)
            words = _shrinkage_reason(scheduled, required, spec.shrinkage)
            shrunk[required] = scheduled, (words,) if spec.shrinkage else ()
        scheduled, after_shrinkage = shrunk[required]
        reasons = (f"{required} agents for {work:.4g}{spread}", *after_shrinkage)
        result.append(
            v.built(
                IntervalStaffing,
                channel=row.channel,
                start=row.start,
                volume=row.volume,
                handle_time=row.handle_time,
                load=load,
                required=required,
                scheduled=scheduled,
                figures=None,
                reasons=reasons,
            )
        )
    return result


def staffing_plan(
    forecast: Iterable[ForecastInterval],
    *,
    channels: Iterable[ChannelStaffing],
    calendar: BusinessCalendar,
    interval: timedelta = timedelta(minutes=30),
) -> StaffingPlan:
    """The required and scheduled agents for each channel and interval of ``forecast``.

    Every forecast interval must start on the ``interval`` grid of the
    calendar's zone (9:00, 9:30 ... in local time) and lie wholly within its
    open hours. Live channels are staffed interval by interval with
    :func:`~csroles.staffing.agents_for`; deferred channels from workload, the
    work of each interval spread over the following open intervals of the
    forecast that fit in the SLA's target (so give every open interval, with
    a volume of zero where none is expected). Work that the forecast's last
    intervals cannot spread that far is done by its end.

    Args:
        forecast: the forecast intervals, in any order.
        channels: how each channel of the forecast is staffed.
        calendar: the desk's business calendar.
        interval: the intervals' length: 15, 30 or 60 minutes.

    Raises:
        InvalidEntityError: a bad argument, a forecast for a channel not in
            ``channels``, two forecasts for one channel and interval, or a
            forecast whose load needs more than 1,000,000 servers (as in
            :func:`~csroles.staffing.agents_for`).
        CalendarError: an interval off the grid or outside the open hours;
            the message names it.

    .. versionadded:: 0.1.0
    """
    length = _interval(interval)
    if not isinstance(calendar, BusinessCalendar):
        v.fail("staffing_plan", "calendar", calendar, "a BusinessCalendar")
    specs = _channels(channels)
    rows = _forecast(forecast, specs, calendar, length)
    intervals: list[IntervalStaffing] = []
    for channel in Channel:
        if channel in rows:
            spec = specs[channel]
            plan = _deferred if spec.deferred else _live
            intervals.extend(plan(rows[channel], spec, length))
    # Every row is built here from checked values: the plan skips re-checking them.
    return v.built(
        StaffingPlan, timezone=calendar.timezone, interval=length, intervals=tuple(intervals)
    )
