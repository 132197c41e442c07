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
import math
from collections.abc import Iterable, Mapping, Sequence
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
from csroles.sla.definitions import CLOCK_METRICS
from csroles.sla.policy import SLA, PriorityChangePolicy, ReopenPolicy, ZonePolicy
from csroles.sla.selection import PolicySet, _choose
from csroles.vocabulary import Metric

__all__ = ["ClockSegment", "ClockState", "SLAClock", "sla_status", "sla_statuses"]


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
_BY_NAME: dict[str, Metric] = {m.value: m for m in CLOCK_METRICS}
_EXPECTED_METRIC = (
    "a metric with a clock ("
    + ", ".join(repr(m.value) for m in CLOCK_METRICS)
    + ") or the snake_case name of a metric definition"
)
_OTHER_METRICS = frozenset(m for m in Metric if m not in CLOCK_METRICS)
_EXPECTED_STATE = "a ClockState: one of " + ", ".join(repr(s.value) for s in ClockState)
_ZERO = timedelta(0)
# Enum members as module constants: the class lookup is slow on hot paths.
_BY_CUSTOMER = ZonePolicy.CUSTOMER
_FROM_START = PriorityChangePolicy.FROM_START
_CONTINUE = ReopenPolicy.CONTINUE


@attrs.frozen(kw_only=True)
class ClockSegment:
    """A stretch of an SLA clock's life: running or paused, in one cycle.

    Args:
        start: where the stretch begins (included).
        end: where it ends (excluded); after ``start``.
        running: ``True`` while the clock counts, ``False`` while paused.
        cycle: the cycle it belongs to, from 0.

    >>> from datetime import datetime, UTC
    >>> from csroles.sla import ClockSegment
    >>> t = datetime(2026, 5, 4, 9, tzinfo=UTC)
    >>> ClockSegment(start=t, end=t.replace(hour=10), running=True, cycle=0).end.hour
    10

    .. versionadded:: 0.1.0
    """

    start: datetime
    end: datetime
    running: bool
    cycle: int

    def __attrs_post_init__(self) -> None:
        for name in ("start", "end"):
            object.__setattr__(self, name, v.check_instant(self, name, getattr(self, name)))
        if self.end <= self.start:
            v.fail(self, "end", self.end, f"an instant after start ({self.start.isoformat()})")
        v.check_flag(self, "running", self.running)
        if type(self.cycle) is not int or self.cycle < 0:
            v.fail(self, "cycle", self.cycle, "an integer of zero or more")


@attrs.frozen(kw_only=True)
class SLAClock:
    """One metric's clock for one interaction, as of a given ``now``.

    Every field but the two cycle counts describes the latest cycle: the one
    counting now, or the last one that stopped. A clock that :func:`sla_status`
    reports also knows its history: :attr:`segments` and :attr:`warning_at`.

    Args:
        metric: the metric: a :class:`~csroles.Metric` for first response, next
            response and resolution time, otherwise the name of its definition
            (``"periodic_update"``, say).
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

    metric: str
    target: timedelta
    elapsed: timedelta
    state: ClockState
    due_at: datetime | None = None
    breached_at: datetime | None = None
    completed_cycles: int = 0
    breached_cycles: int = 0
    warning_level: int = 0
    # How to replay it again, for segments and warning_at (None for a clock built by hand).
    _history: _History | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # One pass of checks; sla_status itself builds clocks without them.
        self._check_metric()
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

    def _check_metric(self) -> None:
        metric = self.metric
        if type(metric) is not Metric:
            if type(metric) is not str or metric in _OTHER_METRICS or not v._is_snake_case(metric):
                v.fail(self, "metric", metric, _EXPECTED_METRIC)
            object.__setattr__(self, "metric", _BY_NAME.get(metric, metric))
        elif metric in _OTHER_METRICS:
            v.fail(self, "metric", metric, _EXPECTED_METRIC)

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
        """The target minus the elapsed time, negative once the clock is over its target.

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

    @property
    def segments(self) -> tuple[ClockSegment, ...]:
        """The clock's life up to ``now``: its running and paused stretches, cycle by cycle.

        In time order, without overlaps or empty stretches (and two that meet
        with the same state in one cycle are one), from the opening at the
        earliest to ``now`` at the latest; the time between a cycle's stop and
        the next start is in no segment. The business time of the
        latest cycle's running segments is ``elapsed`` (counted from the
        latest priority change under ``from_change``), and a breach instant
        lies in a running segment, unless a priority change made the clock
        overdue while paused (it breaches at the change). Empty for a clock
        built by hand.

        >>> from datetime import datetime, timedelta, UTC
        >>> from csroles import SLA, Channel, Direction, Event, EventKind, Interaction
        >>> from csroles import Metric, Priority, Topic, sla_status
        >>> t0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
        >>> ticket = Interaction(
        ...     id="T-1",
        ...     customer_id="C-1",
        ...     channel=Channel.EMAIL,
        ...     direction=Direction.INBOUND,
        ...     topic=Topic.BILLING,
        ...     priority=Priority.NORMAL,
        ...     events=[
        ...         Event(kind=EventKind.OPENED, at=t0),
        ...         Event(kind=EventKind.WAITING_ON_CUSTOMER, at=t0 + timedelta(hours=1)),
        ...         Event(kind=EventKind.CUSTOMER_REPLIED, at=t0 + timedelta(hours=3)),
        ...     ],
        ... )
        >>> sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(hours=8)})
        >>> (clock,) = sla_status(sla, ticket, now=t0 + timedelta(hours=4))
        >>> [(s.start.hour, s.end.hour, s.running) for s in clock.segments]
        [(9, 10, True), (10, 12, False), (12, 13, True)]

        .. versionadded:: 0.1.0
        """
        if self._history is None:
            return ()
        codes, now, model, _ = _traced(self._history)
        zone = model.zone
        return tuple(
            ClockSegment(
                start=cw.from_us(start, zone),
                end=cw.from_us(end, zone),
                running=running,
                cycle=cycle,
            )
            for start, end, running, cycle in _stretches(codes, now)
        )

    @property
    def warning_at(self) -> datetime | None:
        """When the latest cycle's elapsed time reached the SLA's first warning threshold.

        Measured against the current target; ``None`` if it has not reached it
        (or the SLA has no warning thresholds, or the clock was built by hand).

        >>> from datetime import datetime, timedelta, UTC
        >>> from csroles import SLA, Channel, Direction, Event, EventKind, Interaction
        >>> from csroles import Metric, Priority, Topic, sla_status
        >>> t0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
        >>> ticket = Interaction(
        ...     id="T-1",
        ...     customer_id="C-1",
        ...     channel=Channel.EMAIL,
        ...     direction=Direction.INBOUND,
        ...     topic=Topic.BILLING,
        ...     priority=Priority.NORMAL,
        ...     events=[Event(kind=EventKind.OPENED, at=t0)],
        ... )
        >>> sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(hours=8)})
        >>> (clock,) = sla_status(sla, ticket, now=t0 + timedelta(hours=5))
        >>> clock.warning_at.isoformat()
        '2026-05-04T13:00:00+00:00'

        .. versionadded:: 0.1.0
        """
        if self._history is None:
            return None
        codes, now, model, threshold = _traced(self._history)
        if threshold is None:
            return None
        target = self.target // _US
        need = _reach(threshold, target)
        if self.elapsed // _US < need:
            return None
        begin = 0
        for index in range(0, len(codes), 2):
            if codes[index + 1] == cw.T_START or codes[index + 1] == cw.T_RESET:
                begin = codes[index]
        counted = 0
        for start, end, running, _ in _stretches(codes, now):
            if not running or end <= begin:
                continue
            first = max(start, begin)
            length = model.between(first, end)
            if counted + length >= need:
                return cw.from_us(model.add(first, need - counted), model.zone)
            counted += length
        return None  # pragma: no cover (elapsed >= need: the running stretches reach it)


def _reach(threshold: float, target: int) -> int:
    """The least elapsed integer ``e`` with ``e / target >= threshold``, as warning levels compare."""
    need = max(1, math.ceil(threshold * target))
    while need > 1 and (need - 1) / target >= threshold:
        need -= 1
    while need / target < threshold:
        need += 1
    return need


def _stretches(codes: Sequence[int], now: int) -> list[tuple[int, int, bool, int]]:
    """A clock's trace as stretches (start, end, running, cycle).

    Empty stretches are left out, and two that meet with the same running
    state in the same cycle (a pause and a resume at one instant) are one.
    """
    found: list[tuple[int, int, bool, int]] = []

    def add(start: int, end: int, running: bool, cycle: int) -> None:  # noqa: FBT001
        if end <= start:
            return
        if found:
            first, last, was_running, was_cycle = found[-1]
            if last == start and was_running is running and was_cycle == cycle:
                found[-1] = (first, end, running, cycle)
                return
        found.append((start, end, running, cycle))

    cycle = -1
    begin: int | None = None
    running = False
    for index in range(0, len(codes), 2):
        at, code = codes[index], codes[index + 1]
        if code == cw.T_RESET:
            continue
        if begin is not None:
            add(begin, at, running, cycle)
        if code == cw.T_START:
            cycle += 1
            begin, running = at, True
        elif code == cw.T_HALT:
            begin, running = at, False
        elif code == cw.T_RESUME:
            begin, running = at, True
        else:  # stopped
            begin = None
    if begin is not None:
        add(begin, now, running, cycle)
    return found


#: What a clock needs to replay its interaction again: (SLA, interaction,
#: opening and now in microseconds, time model) and its index in the SLA's plan.
_Run = tuple[SLA, Interaction, int, int, "_TimeModel"]
_History = tuple[_Run, int]


# ------------------------------------------------------------------ the time model


class _TimeModel:
    """Business time in integer microseconds for one calendar (or calendar hours) and zone."""

    __slots__ = ("add", "between", "calendar", "from_us", "zone")

    def __init__(self, sla: SLA, zone_name: str | None, group: str | None) -> None:
        calendar = sla.calendar if group is None else sla.group_calendars[group]
        self.between: cw.Between
        self.add: cw.Add
        self.from_us: cw.FromUs  # an instant as a datetime in the zone's fixed offset there
        self.zone: tzinfo
        self.calendar = calendar  # in the zone the clocks use; None for calendar hours
        if calendar is None:
            self.between = cw.elapsed_between
            self.add = cw.elapsed_add
            self.zone = _zone(zone_name or "UTC")
            self.from_us = cw.zoned_from_us(self.zone)
            return
        if zone_name is not None and zone_name != calendar.timezone:
            calendar = self.calendar = calendar.with_timezone(zone_name)
        self.zone = _zone(calendar.timezone)
        # The engine's own: one fromtimestamp where its index knows the offset.
        self.between, self.add, self.from_us = cw.calendar_functions(calendar)


@functools.lru_cache(maxsize=256)
def _zone(name: str) -> tzinfo:
    return ZoneInfo(name)


def _time_model(sla: SLA, customer: Customer | None, group: str | None = None) -> _TimeModel:
    zone_name = customer.timezone if customer is not None and sla.zone is _BY_CUSTOMER else None
    if group is not None and group not in sla.group_calendars:
        group = None  # the SLA's own calendar
    # Resolving a calendar in a customer's zone is not free, and the same few
    # SLAs serve every interaction: each SLA keeps its time models by zone (and group).
    models = sla._models  # a cache that lives with the SLA
    key: object = zone_name if group is None else (zone_name, group)
    model = models.get(key)
    if model is None:
        model = models[key] = _TimeModel(sla, zone_name, group)
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


def _check_sla(owner: str, sla: object) -> SLA | PolicySet:
    if type(sla) is not SLA and not isinstance(sla, (SLA, PolicySet)):
        v.fail(owner, "sla", sla, "an SLA or a PolicySet")
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
    opened_at = interaction._event_us[0]
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
    instants = interaction._event_us  # converted once per interaction
    opened_at = instants[0]
    if opened_at < MIN_US or now < opened_at:
        _opened_at(owner, interaction, now, now_dt)  # raises, naming the instant
    # Segments and warning instants are rare questions: a clock keeps what it
    # needs to replay its interaction again, with tracing, when asked.
    run: _Run = (sla, interaction, opened_at, now, model)
    thresholds = sla.warning_thresholds
    from_us = model.from_us
    keys = sla._plan.keys  # the SLA's compiled definitions and targets in microseconds
    clocks = _replay(run, cw.Clock)  # the one replay, which segments repeat with tracing
    return tuple(
        [
            _clock(clock.result(keys[number], now), thresholds, from_us, (run, number))
            for number, clock in enumerate(clocks)
            if clock.started
        ]
    )


def _replay(run: _Run, clock_type: type[cw.Clock]) -> list[cw.Clock]:
    sla, interaction, _, now, model = run
    return cw.replay(
        interaction.events,
        interaction._event_us,  # converted once per interaction
        interaction.priority,
        now,
        sla._plan,
        from_start=sla.on_priority_change is _FROM_START,
        continue_on_reopen=sla.on_reopen is _CONTINUE,
        between=model.between,
        add=model.add,
        clock_type=clock_type,
    )


def _traced(history: _History) -> tuple[list[int], int, _TimeModel, float | None]:
    """A clock's trace codes, ``now``, time model and first warning threshold, replayed again."""
    run, number = history
    sla, _, _, now, model = run
    clock = _replay(run, cw.TracingClock)[number]
    thresholds = sla.warning_thresholds
    return clock.trace, now, model, thresholds[0] if thresholds else None  # type: ignore[attr-defined]


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
_set_history = _SLOTS["_history"]
_new = object.__new__
_US = timedelta(microseconds=1)


def _clock(
    result: cw.Result, thresholds: tuple[float, ...], from_us: cw.FromUs, history: _History
) -> SLAClock:
    metric, target, elapsed, state, due, breached, completed, breaches = result
    fraction = elapsed / target
    level = 0
    for threshold in thresholds:
        if fraction < threshold:
            break
        level += 1
    if state == cw.RUNNING and level:
        state = cw.WARNING
    breached_at = None if breached is None else from_us(breached)
    clock: SLAClock = _new(SLAClock)
    _set_metric(clock, metric)
    _set_target(clock, _US * target)
    _set_elapsed(clock, _US * elapsed)
    _set_state(clock, _STATES[state])
    _set_due_at(clock, None if due is None else breached_at if due == breached else from_us(due))
    _set_breached_at(clock, breached_at)
    _set_completed(clock, completed)
    _set_breached(clock, breaches)
    _set_warning(clock, level)
    _set_history(clock, history)
    return clock


def sla_status(
    sla: SLA | PolicySet,
    interaction: Interaction,
    now: datetime,
    customer: Customer | None = None,
) -> tuple[SLAClock, ...]:
    """The SLA clocks of ``interaction`` as of ``now``: one per metric that applies.

    A metric applies when ``sla`` sets a target for it and its clock has
    started, as its definition says (see
    :class:`~csroles.sla.definitions.MetricDefinition`): first response and
    resolution from the opening, next response from the first customer reply
    that follows an agent reply, and so on. Clocks come in the order of the
    presets (first response, next response, resolution, periodic update,
    requester wait time, agent work time, time to assign), then the SLA's own
    metrics in the order of its targets. Events after ``now`` are ignored, so a
    past ``now`` gives the status as it was then.

    Args:
        sla: the SLA to measure against, or a :class:`~csroles.sla.PolicySet`
            to choose it from (no clocks if none applies).
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
    if type(sla) is not SLA:  # an SLA itself needs no further look
        sla = _check_sla(owner, sla)
    if not isinstance(interaction, Interaction):
        v.fail(owner, "interaction", interaction, "an Interaction")
    now_us = _check_now(owner, now)
    checked = None if customer is None else _check_customer(customer, interaction)
    if isinstance(sla, PolicySet):
        chosen = _choose(sla, interaction, checked).sla
        if chosen is None:
            return ()
    else:
        chosen = sla
    # The SLA's own time model (no customer's zone, no group calendar), as
    # _time_model keys it, without a call more on the hot path.
    model = chosen._models.get(None) if checked is None and interaction.group is None else None
    if model is None:
        model = _time_model(chosen, checked, interaction.group)
    return _status(owner, chosen, interaction, now_us, now_dt=now, model=model)


def sla_statuses(
    sla: SLA | PolicySet,
    interactions: Iterable[Interaction],
    now: datetime,
    customers: Iterable[Customer] | Mapping[str, Customer] | None = None,
) -> tuple[tuple[SLAClock, ...], ...]:
    """:func:`sla_status` for many interactions at one ``now``.

    The SLA, ``now`` and the customers are checked once; each calendar is
    resolved once per customer zone and its engine's caches (the year blocks,
    the index of cumulative open time) serve every interaction.

    Args:
        sla: the SLA to measure against, or a :class:`~csroles.sla.PolicySet`
            that chooses each interaction's SLA (no clocks for an interaction
            none applies to).
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
    results: list[tuple[SLAClock, ...]] = []
    for index, interaction in enumerate(_items(owner, "interactions", interactions)):
        if not isinstance(interaction, Interaction):
            v.fail(owner, f"interactions[{index}]", interaction, "an Interaction")
        customer = by_id.get(interaction.customer_id)
        chosen = _choose(sla, interaction, customer).sla if isinstance(sla, PolicySet) else sla
        if chosen is None:
            results.append(())
            continue
        model = _time_model(chosen, customer, interaction.group)
        results.append(_status(owner, chosen, interaction, now_us, now_dt=now, model=model))
    return tuple(results)
