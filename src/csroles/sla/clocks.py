"""SLA clocks: how much time each interaction has left, and whether it is at risk or breached.

:func:`sla_status` replays an interaction's timeline under an :class:`~csroles.SLA`
and returns one :class:`SLAClock` per metric that applies; :func:`sla_statuses`
does the same for many interactions at one ``now``.

>>> from datetime import datetime, timedelta, UTC
>>> from csroles import SLA, Channel, Direction, Event, EventKind, Interaction, Metric
>>> from csroles import Priority, Topic, sla_status
>>> sla = SLA(
...     name="Standard",
...     targets={
...         Metric.FIRST_RESPONSE_TIME: timedelta(hours=1),
...         Metric.RESOLUTION_TIME: timedelta(hours=8),
...     },
... )
>>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
>>> ticket = Interaction(
...     id="T-1",
...     customer_id="C-1",
...     channel=Channel.EMAIL,
...     direction=Direction.INBOUND,
...     topic=Topic.BILLING,
...     priority=Priority.NORMAL,
...     events=[
...         Event(kind=EventKind.OPENED, at=t0),
...         Event(kind=EventKind.AGENT_REPLIED, at=t0 + timedelta(minutes=40)),
...     ],
... )
>>> first, resolution = sla_status(sla, ticket, now=t0 + timedelta(hours=5))
>>> first.state.value, first.elapsed
('met', datetime.timedelta(seconds=2400))
>>> resolution.state.value, resolution.remaining, resolution.due_at.isoformat()
('warning', datetime.timedelta(seconds=10800), '2026-05-04T17:00:00+00:00')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from csroles import _validation as v
from csroles.customers import Customer
from csroles.errors import CalendarError
from csroles.interactions import Interaction
from csroles.sla import _clockwork as cw
from csroles.sla._engine import MAX_US, MAX_YEAR, MIN_US, MIN_YEAR
from csroles.sla.policy import SLA, PriorityChangePolicy, ReopenPolicy, ZonePolicy
from csroles.vocabulary import Metric

__all__ = ["ClockState", "SLAClock", "sla_status", "sla_statuses"]


class ClockState(enum.StrEnum):
    """Where an SLA clock stands.

    ``RUNNING``: counting, below the first warning threshold. ``WARNING``:
    counting, at or above a warning threshold. ``PAUSED``: stopped for now
    (waiting on the customer or a third party). ``MET``: stopped within the
    target. ``BREACHED``: the target was missed; permanent for the cycle, even
    if the clock later stops (a target met late is breached).

    >>> from csroles.sla import ClockState
    >>> [state.value for state in ClockState]
    ['running', 'paused', 'warning', 'met', 'breached']

    .. versionadded:: 0.1.0
    """

    RUNNING = "running"
    PAUSED = "paused"
    WARNING = "warning"
    MET = "met"
    BREACHED = "breached"


_STATES = (
    ClockState.RUNNING,
    ClockState.PAUSED,
    ClockState.WARNING,
    ClockState.MET,
    ClockState.BREACHED,
)
_CLOCK_METRICS = frozenset(cw.CLOCK_METRICS)
_EXPECTED_METRIC = "a metric with a clock: one of " + ", ".join(
    repr(m.value) for m in cw.CLOCK_METRICS
)
_EXPECTED_STATE = "a ClockState: one of " + ", ".join(repr(s.value) for s in ClockState)
_ZERO = timedelta(0)
# Enum members as module constants: the class lookup is slow on hot paths.
_BY_CUSTOMER = ZonePolicy.CUSTOMER
_FROM_START = PriorityChangePolicy.FROM_START
_CONTINUE = ReopenPolicy.CONTINUE


@attrs.frozen(kw_only=True)
class SLAClock:
    """One metric's clock for one interaction, as of a given ``now``.

    Every field but the two cycle counts describes the latest cycle: the one
    counting now, or the last one that stopped.

    Args:
        metric: the metric (first response, next response or resolution time).
        target: the target in force (at the stop, for a stopped clock).
        elapsed: the business time counted against the target.
        state: see :class:`ClockState`.
        due_at: when the target runs out if the clock keeps running: the
            missed deadline once breached, ``None`` while paused or stopped.
        breached_at: the instant the clock became overdue (the deadline it
            missed), or ``None``.
        completed_cycles: how many cycles have stopped.
        breached_cycles: how many cycles (the latest included) breached.
        warning_level: how many of the SLA's warning thresholds the elapsed
            fraction has reached.

    >>> from datetime import timedelta
    >>> from csroles import Metric, SLAClock
    >>> from csroles.sla import ClockState
    >>> clock = SLAClock(
    ...     metric=Metric.RESOLUTION_TIME,
    ...     target=timedelta(hours=8),
    ...     elapsed=timedelta(hours=6),
    ...     state=ClockState.PAUSED,
    ... )
    >>> clock.remaining, clock.fraction_used
    (datetime.timedelta(seconds=7200), 0.75)

    .. versionadded:: 0.1.0
    """

    metric: Metric
    target: timedelta
    elapsed: timedelta
    state: ClockState
    due_at: datetime | None = None
    breached_at: datetime | None = None
    completed_cycles: int = 0
    breached_cycles: int = 0
    warning_level: int = 0

    def __attrs_post_init__(self) -> None:
        # One pass of checks; sla_status itself builds clocks without them.
        metric = v.to_member(Metric, self.metric)
        if metric not in _CLOCK_METRICS:
            v.fail(self, "metric", self.metric, _EXPECTED_METRIC)
        if metric is not self.metric:  # a plain value stands for its member
            object.__setattr__(self, "metric", metric)
        for name in ("target", "elapsed"):
            value = getattr(self, name)
            if type(value) is not timedelta:
                object.__setattr__(self, name, v.check_duration(self, name, value))
        if self.target <= _ZERO:
            v.fail(self, "target", self.target, "a positive duration")
        if self.elapsed < _ZERO:
            v.fail(self, "elapsed", self.elapsed, "a duration of zero or more")
        state = v.to_member(ClockState, self.state)
        if state is None:
            v.fail(self, "state", self.state, _EXPECTED_STATE)
        if state is not self.state:
            object.__setattr__(self, "state", state)
        for name in ("completed_cycles", "breached_cycles", "warning_level"):
            count = getattr(self, name)
            if type(count) is not int or count < 0:
                v.fail(self, name, count, "an integer of zero or more")
        if self.breached_cycles > self.completed_cycles + 1:
            v.fail(
                self,
                "completed_cycles",
                self.completed_cycles,
                f"at least breached_cycles - 1 ({self.breached_cycles - 1}): "
                "only the latest cycle may still be counting",
            )
        if state is ClockState.MET and not self.completed_cycles:
            v.fail(self, "completed_cycles", 0, "at least 1 for a met clock")
        self._check_instants(state)

    def _check_instants(self, state: ClockState) -> None:
        for name in ("due_at", "breached_at"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, v.check_instant(self, name, value))
        due, breached = self.due_at, self.breached_at
        if state is ClockState.BREACHED:
            if breached is None:
                v.fail(self, "breached_at", None, "an aware datetime for a breached clock")
            if not self.breached_cycles:
                v.fail(self, "breached_cycles", 0, "at least 1 for a breached clock")
            if due is not None and due != breached:
                v.fail(self, "due_at", due, f"None or breached_at ({breached!r})")
            return
        if breached is not None:
            v.fail(self, "breached_at", breached, f"None for a {state.value} clock")
        if state is ClockState.PAUSED or state is ClockState.MET:
            if due is not None:
                v.fail(self, "due_at", due, f"None for a {state.value} clock")
        elif due is None:
            v.fail(self, "due_at", None, f"an aware datetime for a {state.value} clock")

    @property
    def remaining(self) -> timedelta:
        """The target minus the elapsed time: negative once the clock is over its target.

        >>> from datetime import timedelta
        >>> from csroles import Metric, SLAClock
        >>> from csroles.sla import ClockState
        >>> SLAClock(
        ...     metric=Metric.FIRST_RESPONSE_TIME,
        ...     target=timedelta(hours=1),
        ...     elapsed=timedelta(minutes=20),
        ...     state=ClockState.MET,
        ...     completed_cycles=1,
        ... ).remaining
        datetime.timedelta(seconds=2400)

        .. versionadded:: 0.1.0
        """
        return self.target - self.elapsed

    @property
    def fraction_used(self) -> float:
        """The elapsed time as a fraction of the target (above 1 once over it).

        >>> from datetime import datetime, timedelta, UTC
        >>> from csroles import Metric, SLAClock
        >>> from csroles.sla import ClockState
        >>> SLAClock(
        ...     metric=Metric.FIRST_RESPONSE_TIME,
        ...     target=timedelta(hours=1),
        ...     elapsed=timedelta(minutes=90),
        ...     state=ClockState.BREACHED,
        ...     breached_at=datetime(2026, 5, 4, 10, tzinfo=UTC),
        ...     completed_cycles=1,
        ...     breached_cycles=1,
        ... ).fraction_used
        1.5

        .. versionadded:: 0.1.0
        """
        return self.elapsed / self.target

    @property
    def is_breached(self) -> bool:
        """Whether the latest cycle missed its target.

        >>> from datetime import datetime, timedelta, UTC
        >>> from csroles import Metric, SLAClock
        >>> from csroles.sla import ClockState
        >>> SLAClock(
        ...     metric=Metric.FIRST_RESPONSE_TIME,
        ...     target=timedelta(hours=1),
        ...     elapsed=timedelta(hours=2),
        ...     state=ClockState.BREACHED,
        ...     breached_at=datetime(2026, 5, 4, 10, tzinfo=UTC),
        ...     breached_cycles=1,
        ... ).is_breached
        True

        .. versionadded:: 0.1.0
        """
        return self.state is ClockState.BREACHED


# ------------------------------------------------------------------ the time model


class _TimeModel:
    """Business time in integer microseconds for one calendar (or calendar hours) and zone."""

    __slots__ = ("add", "between", "calendar", "zone")

    def __init__(self, sla: SLA, zone_name: str | None) -> None:
        calendar = sla.calendar
        self.between: cw.Between
        self.add: cw.Add
        self.zone: tzinfo
        self.calendar = calendar  # in the zone the clocks use; None for calendar hours
        if calendar is None:
            self.between = cw.elapsed_between
            self.add = cw.elapsed_add
            self.zone = _zone(zone_name or "UTC")
            return
        if zone_name is not None and zone_name != calendar.timezone:
            calendar = self.calendar = calendar.with_timezone(zone_name)
        self.zone = _zone(calendar.timezone)
        self.between, self.add = cw.calendar_functions(calendar)


@functools.lru_cache(maxsize=256)
def _zone(name: str) -> tzinfo:
    return ZoneInfo(name)


def _time_model(sla: SLA, customer: Customer | None) -> _TimeModel:
    zone_name = customer.timezone if customer is not None and sla.zone is _BY_CUSTOMER else None
    # Resolving a calendar in a customer's zone is not free, and the same few
    # SLAs serve every interaction: each SLA keeps its time models by zone.
    models = sla._models  # a cache that lives with the SLA
    model = models.get(zone_name)
    if model is None:
        model = models[zone_name] = _TimeModel(sla, zone_name)
    return model


# ------------------------------------------------------------------ status


_RANGE = f"from {MIN_YEAR:04d}-01-01 to {MAX_YEAR:04d}-12-31 (UTC)"


def _check_now(owner: str, now: object) -> int:
    if isinstance(now, datetime):
        try:
            us = cw.to_us(now)
        except (TypeError, ValueError):  # naive, or a tzinfo's offset of 24 h or more
            pass
        else:
            if MIN_US <= us < MAX_US:
                return us
            msg = f"{owner}.now: {v.quote(now)}, expected an instant {_RANGE}"
            raise CalendarError(msg)
    msg = f"{owner}.now: {v.quote(now)}, expected an aware datetime (time comes as an argument)"
    raise CalendarError(msg)


def _check_sla(owner: str, sla: object) -> SLA:
    if not isinstance(sla, SLA):
        v.fail(owner, "sla", sla, "an SLA")
    return sla


def _items(owner: str, field: str, values: object) -> Iterable[Any]:
    if isinstance(values, Mapping):
        return values.values()
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        v.fail(owner, field, values, "an iterable")
    return values


def _check_customer(customer: object, interaction: Interaction) -> Customer | None:
    if customer is None:
        return None
    if not isinstance(customer, Customer):
        v.fail("sla_status", "customer", customer, "a Customer or None")
    if customer.id != interaction.customer_id:
        v.fail(
            "sla_status",
            "customer",
            customer.id,
            f"the interaction's customer {interaction.customer_id!r}",
        )
    return customer


def _opened_at(owner: str, interaction: Interaction, now: int, now_dt: datetime) -> int:
    opened = interaction.events[0].at
    opened_at = cw.to_us(opened)
    if opened_at < MIN_US:
        msg = (
            f"{owner}.interaction: {interaction.id!r} opened at {opened.isoformat()}, "
            f"expected an opening {_RANGE}"
        )
        raise CalendarError(msg)
    if now < opened_at:
        msg = (
            f"{owner}.now: {now_dt.isoformat()} is before interaction {interaction.id!r} "
            f"opened ({opened.isoformat()}), expected an instant at or after the opening"
        )
        raise CalendarError(msg)
    return opened_at


def _status(
    owner: str,
    sla: SLA,
    interaction: Interaction,
    now: int,
    *,
    now_dt: datetime,
    model: _TimeModel,
) -> tuple[SLAClock, ...]:
    events = interaction.events
    opened_at = _opened_at(owner, interaction, now, now_dt)
    results = cw.replay(
        events,
        interaction.priority,
        opened_at,
        now,
        sla._plan,  # the SLA's private targets in microseconds
        from_start=sla.on_priority_change is _FROM_START,
        continue_on_reopen=sla.on_reopen is _CONTINUE,
        between=model.between,
        add=model.add,
    )
    return tuple(_clock(result, sla.warning_thresholds, model.zone) for result in results)


# SLAClock's slot descriptors: sla_status sets the fields of the clocks it
# builds directly, as attrs' own __init__ does, without checking them again (the
# engine keeps the rules that SLAClock's checks enforce; the tests verify it).
_SLOTS = {name: getattr(SLAClock, name).__set__ for name in attrs.fields_dict(SLAClock)}
_set_metric = _SLOTS["metric"]
_set_target = _SLOTS["target"]
_set_elapsed = _SLOTS["elapsed"]
_set_state = _SLOTS["state"]
_set_due_at = _SLOTS["due_at"]
_set_breached_at = _SLOTS["breached_at"]
_set_completed = _SLOTS["completed_cycles"]
_set_breached = _SLOTS["breached_cycles"]
_set_warning = _SLOTS["warning_level"]
_new = object.__new__
_US = timedelta(microseconds=1)


def _clock(result: cw.Result, thresholds: tuple[float, ...], zone: tzinfo) -> SLAClock:
    metric, target, elapsed, state, due, breached, completed, breaches = result
    fraction = elapsed / target
    level = 0
    for threshold in thresholds:
        if fraction < threshold:
            break
        level += 1
    if state == cw.RUNNING and level:
        state = cw.WARNING
    breached_at = None if breached is None else cw.from_us(breached, zone)
    clock: SLAClock = _new(SLAClock)
    _set_metric(clock, metric)
    _set_target(clock, _US * target)
    _set_elapsed(clock, _US * elapsed)
    _set_state(clock, _STATES[state])
    _set_due_at(
        clock, None if due is None else breached_at if due == breached else cw.from_us(due, zone)
    )
    _set_breached_at(clock, breached_at)
    _set_completed(clock, completed)
    _set_breached(clock, breaches)
    _set_warning(clock, level)
    return clock


def sla_status(
    sla: SLA, interaction: Interaction, now: datetime, customer: Customer | None = None
) -> tuple[SLAClock, ...]:
    """The SLA clocks of ``interaction`` as of ``now``: one per metric that applies.

    A metric applies when ``sla`` sets a target for it and its clock has
    started: first response and resolution from the opening, next response from
    the first customer reply that follows an agent reply. Clocks come in the
    order first response, next response, resolution. Events after ``now`` are
    ignored, so a past ``now`` gives the status as it was then.

    Args:
        sla: the SLA to measure against.
        interaction: the interaction whose timeline is replayed.
        now: the instant of the status (an aware datetime; csroles never reads
            the clock).
        customer: the interaction's customer, whose ``timezone`` the calendar
            is read in under :attr:`~csroles.sla.ZonePolicy.CUSTOMER`.

    Returns:
        The clocks; the datetimes in them are in the calendar's zone.

    Raises:
        CalendarError: ``now`` is naive, not a datetime, or before the
            interaction opened, or an instant falls outside the years 0002 to
            9998 (UTC) that calendars support.
        InvalidEntityError: ``sla``, ``interaction`` or ``customer`` is of the
            wrong type, or ``customer`` is not the interaction's customer.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import SLA, Channel, Direction, Event, EventKind, Interaction, Metric
    >>> from csroles import Priority, Topic, sla_status
    >>> sla = SLA(name="Chat", targets={Metric.FIRST_RESPONSE_TIME: timedelta(minutes=2)})
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> chat = Interaction(
    ...     id="chat-1",
    ...     customer_id="C-1",
    ...     channel=Channel.CHAT,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.QUESTION,
    ...     priority=Priority.HIGH,
    ...     events=[Event(kind=EventKind.OPENED, at=t0)],
    ... )
    >>> (clock,) = sla_status(sla, chat, now=t0 + timedelta(minutes=3))
    >>> clock.state.value, clock.breached_at.isoformat(), clock.remaining
    ('breached', '2026-05-04T09:02:00+00:00', datetime.timedelta(days=-1, seconds=86340))

    .. versionadded:: 0.1.0
    """
    owner = "sla_status"
    sla = _check_sla(owner, sla)
    if not isinstance(interaction, Interaction):
        v.fail(owner, "interaction", interaction, "an Interaction")
    now_us = _check_now(owner, now)
    checked = _check_customer(customer, interaction)
    return _status(owner, sla, interaction, now_us, now_dt=now, model=_time_model(sla, checked))


def sla_statuses(
    sla: SLA,
    interactions: Iterable[Interaction],
    now: datetime,
    customers: Iterable[Customer] | Mapping[str, Customer] | None = None,
) -> tuple[tuple[SLAClock, ...], ...]:
    """:func:`sla_status` for many interactions at one ``now``.

    The SLA, ``now`` and the customers are checked once; each calendar is
    resolved once per customer zone and its engine's caches (the year blocks,
    the index of cumulative open time) serve every interaction.

    Args:
        sla: the SLA to measure against.
        interactions: the interactions.
        now: the instant of the status.
        customers: the customers (by id, or as an iterable of customers) whose
            zones apply under :attr:`~csroles.sla.ZonePolicy.CUSTOMER`; an
            interaction whose customer is missing uses the calendar's zone.

    Returns:
        One tuple of clocks per interaction, in the order given.

    Raises:
        CalendarError: ``now`` is naive, not a datetime, or before an
            interaction opened, or an instant falls outside the years 0002 to
            9998 (UTC) that calendars support.
        InvalidEntityError: an argument or an item is of the wrong type.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import SLA, Channel, Direction, Event, EventKind, Interaction, Metric
    >>> from csroles import Priority, Topic, sla_statuses
    >>> sla = SLA(name="Mail", targets={Metric.RESOLUTION_TIME: timedelta(days=1)})
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> def mail(n):
    ...     return Interaction(
    ...         id=f"M-{n}",
    ...         customer_id="C-1",
    ...         channel=Channel.EMAIL,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.ORDER,
    ...         priority=Priority.NORMAL,
    ...         events=[Event(kind=EventKind.OPENED, at=t0 + timedelta(hours=n))],
    ...     )
    >>> statuses = sla_statuses(sla, [mail(0), mail(12)], now=t0 + timedelta(hours=18))
    >>> [clocks[0].fraction_used for clocks in statuses]
    [0.75, 0.25]

    .. versionadded:: 0.1.0
    """
    owner = "sla_statuses"
    sla = _check_sla(owner, sla)
    now_us = _check_now(owner, now)
    by_id: dict[str, Customer] = {}
    if customers is not None:
        for index, customer in enumerate(_items(owner, "customers", customers)):
            if not isinstance(customer, Customer):
                v.fail(owner, f"customers[{index}]", customer, "a Customer")
            by_id[customer.id] = customer
    results = []
    for index, interaction in enumerate(_items(owner, "interactions", interactions)):
        if not isinstance(interaction, Interaction):
            v.fail(owner, f"interactions[{index}]", interaction, "an Interaction")
        model = _time_model(sla, by_id.get(interaction.customer_id))
        results.append(_status(owner, sla, interaction, now_us, now_dt=now, model=model))
    return tuple(results)
