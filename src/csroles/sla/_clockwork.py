"""The private engine of the SLA clocks: an interaction's timeline replayed in integer time.

Instants are integer microseconds since the Unix epoch and durations integer
microseconds, so every sum is exact. The business time comes from two
functions over those integers, supplied by the caller:

- ``between(a, b)``: the open time in ``[a, b)`` (``b >= a``);
- ``add(a, d)``: for ``d > 0``, the earliest ``t >= a`` with ``between(a, t) == d``.

The rules (the public docs in ``docs/sla_clocks.md`` state them for users):

- A clock runs in *cycles*. First response: one cycle, from opening to the
  first agent reply (or to the resolution or closing, if that comes first),
  never paused. Next response: a cycle starts at each customer reply that
  follows an agent reply and stops at the next agent reply (or at the
  resolution or closing). Resolution: from opening to resolution (or closing),
  paused while waiting on the customer or a third party, running again on
  ``resumed`` or, for a wait on the customer, on a customer reply; a reopening
  continues the cycle or starts a new one, as the SLA says.
- Within a cycle the clock has a *budget*: the target for the current
  priority. A priority change replaces the target and either keeps the elapsed
  time (``from_start``) or restarts it at the change (``from_change``).
- The clock is *overdue* at every instant at which it runs with its elapsed
  time at or above the target, and at every instant at which its elapsed time
  is above the target (only a priority change can make it so while it does not
  run). It breaches at its first overdue instant, and a breach is permanent for
  the cycle. A clock runs on half-open stretches ``[start, stop)``, so stopping
  exactly when the target is used up meets it; running on past that instant
  breaches it, even through closed hours (a 17:00 deadline missed by a reply at
  20:00 is a breach).

Operationally: a running clock that started its current stretch at ``mark``
with elapsed ``e < target`` is *due* at ``add(mark, target - e)``, and at
``mark`` itself when ``e == target``; it breaches at its due instant when it
runs past it, and a priority change that leaves ``e > target`` breaches at the
change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from csroles._validation import fixed_zone
from csroles.interactions import Event
from csroles.vocabulary import EventKind, Metric, Priority

if TYPE_CHECKING:
    from csroles.sla.calendar import BusinessCalendar

__all__: list[str] = []

FRT = Metric.FIRST_RESPONSE_TIME
NRT = Metric.NEXT_RESPONSE_TIME
RT = Metric.RESOLUTION_TIME

#: The metrics that have clocks, in the order sla_status reports them.
CLOCK_METRICS = (FRT, NRT, RT)

# Clock states, as small integers inside the engine (the public ClockState maps them).
RUNNING, PAUSED, WARNING, MET, BREACHED = range(5)

Between = Callable[[int, int], int]
Add = Callable[[int, int], int]

_K = EventKind
# The kinds that can change a clock; the others (assignments, surveys ...) are skipped.
RELEVANT = frozenset(
    {
        _K.AGENT_REPLIED,
        _K.CUSTOMER_REPLIED,
        _K.WAITING_ON_CUSTOMER,
        _K.WAITING_ON_THIRD_PARTY,
        _K.RESUMED,
        _K.PRIORITY_CHANGED,
        _K.RESOLVED,
        _K.CLOSED,
        _K.REOPENED,
    }
)


class Clock:
    """The mutable state of one metric's clock during a replay."""

    __slots__ = (
        "active",
        "breached_at",
        "breaches",
        "completed",
        "elapsed",
        "mark",
        "running",
        "started",
        "target",
        "targets",
    )

    def __init__(self, targets: Mapping[Priority, int]) -> None:
        self.targets = targets
        self.started = False  # a cycle has started at least once
        self.active = False  # the current cycle has not stopped
        self.running = False
        self.target = 0
        self.elapsed = 0
        self.mark = 0  # where the running stretch (or the budget) was last brought up to date
        self.breached_at: int | None = None
        self.completed = 0
        self.breaches = 0

    def start(self, at: int, priority: Priority) -> None:
        """Start a new cycle at ``at``."""
        self.started = self.active = self.running = True
        self.target = self.targets[priority]
        self.elapsed = 0
        self.mark = at
        self.breached_at = None

    def advance(self, at: int, between: Between, add: Add) -> None:
        """Bring the clock up to instant ``at`` (not before ``mark``)."""
        if self.running:
            elapsed = self.elapsed + between(self.mark, at)
            if elapsed >= self.target and self.breached_at is None:
                left = self.target - self.elapsed
                due = add(self.mark, left) if left > 0 else self.mark
                if at > due:
                    self.breached_at = due
                    self.breaches += 1
            self.elapsed = elapsed
        self.mark = at

    def stop(self, at: int, between: Between, add: Add) -> None:
        """End the current cycle at ``at``."""
        self.advance(at, between, add)
        self.running = self.active = False
        self.completed += 1

    def reprioritize(
        self, at: int, priority: Priority, *, from_start: bool, between: Between, add: Add
    ) -> None:
        """Apply a priority change at ``at`` to an active cycle."""
        self.advance(at, between, add)
        self.target = self.targets[priority]
        if not from_start:
            self.elapsed = 0
        elif self.elapsed > self.target and self.breached_at is None:
            self.breached_at = at
            self.breaches += 1


class Result:
    """What the replay says about one metric at ``now`` (integers; the caller builds SLAClocks)."""

    __slots__ = (
        "breached_at",
        "breaches",
        "completed",
        "due_at",
        "elapsed",
        "metric",
        "state",
        "target",
    )

    def __init__(  # noqa: PLR0917
        self,
        metric: Metric,
        target: int,
        elapsed: int,
        state: int,
        due_at: int | None,
        breached_at: int | None,
        completed: int,
        breaches: int,
    ) -> None:
        self.metric = metric
        self.target = target
        self.elapsed = elapsed
        self.state = state
        self.due_at = due_at
        self.breached_at = breached_at
        self.completed = completed
        self.breaches = breaches


def replay(  # noqa: PLR0912, PLR0915
    timeline: Iterable[tuple[Event, int]],
    priority: Priority,
    opened_at: int,
    now: int,
    plan: Mapping[Metric, Mapping[Priority, int]],
    *,
    from_start: bool,
    continue_on_reopen: bool,
    between: Between,
    add: Add,
) -> list[Result]:
    """Replay ``timeline`` (events with their instants, the opening excluded, none after ``now``).

    ``plan`` maps each metric the SLA covers to its targets per priority, in
    microseconds. Returns one result per covered metric whose clock has started.
    """
    first = Clock(plan[FRT]) if FRT in plan else None
    nxt = Clock(plan[NRT]) if NRT in plan else None
    res = Clock(plan[RT]) if RT in plan else None
    active: list[Clock] = []
    if first is not None:
        first.start(opened_at, priority)
        active.append(first)
    if res is not None:
        res.start(opened_at, priority)
        active.append(res)
    agent_spoke = False  # the latest reply was an agent's
    waiting_on_customer = False  # the current pause is a wait on the customer

    for event, at in timeline:
        kind = event.kind
        if kind is _K.AGENT_REPLIED:
            agent_spoke = True
            if first is not None and first.active:
                first.stop(at, between, add)
                active.remove(first)
            if nxt is not None and nxt.active:
                nxt.stop(at, between, add)
                active.remove(nxt)
        elif kind is _K.CUSTOMER_REPLIED:
            if agent_spoke and nxt is not None and not nxt.active:
                nxt.start(at, priority)
                active.append(nxt)
            agent_spoke = False
            if res is not None and waiting_on_customer and res.active and not res.running:
                res.advance(at, between, add)
                res.running = True
            waiting_on_customer = False
        elif kind is _K.WAITING_ON_CUSTOMER or kind is _K.WAITING_ON_THIRD_PARTY:
            waiting_on_customer = kind is _K.WAITING_ON_CUSTOMER
            if res is not None and res.running:
                res.advance(at, between, add)
                res.running = False
        elif kind is _K.RESUMED:
            waiting_on_customer = False
            if res is not None and res.active and not res.running:
                res.advance(at, between, add)
                res.running = True
        elif kind is _K.PRIORITY_CHANGED:
            priority = event.priority  # type: ignore[assignment]  # the Event checks it
            for clock in active:
                clock.reprioritize(at, priority, from_start=from_start, between=between, add=add)
        elif kind is _K.RESOLVED or kind is _K.CLOSED:
            waiting_on_customer = False
            for clock in active:
                clock.stop(at, between, add)
            active.clear()
        elif kind is _K.REOPENED and res is not None:
            if continue_on_reopen:
                res.completed -= 1
                res.active = res.running = True
                res.mark = at
            else:
                res.start(at, priority)
            active.append(res)

    results: list[Result] = []
    for metric, model in ((FRT, first), (NRT, nxt), (RT, res)):
        if model is None or not model.started:
            continue
        clock = model
        due: int | None = None
        if not clock.active:
            state = MET if clock.breached_at is None else BREACHED
        elif clock.running:
            clock.advance(now, between, add)
            if clock.breached_at is not None:
                state = BREACHED
                due = clock.breached_at
            else:
                left = clock.target - clock.elapsed
                due = add(now, left) if left > 0 else now
                state = RUNNING  # the caller tells RUNNING from WARNING
        else:
            state = PAUSED if clock.breached_at is None else BREACHED
        results.append(
            Result(
                metric,
                clock.target,
                clock.elapsed,
                state,
                due,
                clock.breached_at,
                clock.completed,
                clock.breaches,
            )
        )
    return results


# ------------------------------------------------------------------ integer time

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)
_NO_OFFSET = timedelta(0)
_sub = datetime.__sub__  # the aware difference of any datetime subclass, as a plain timedelta


def to_us(at: datetime) -> int:
    """An aware datetime as integer microseconds since the epoch (exact, any datetime subclass).

    ``datetime.__sub__`` is called directly: subclasses such as pendulum's
    ``DateTime`` redefine subtraction to return their own types.
    """
    return _sub(at, _EPOCH) // _US


def from_us(us: int, zone: tzinfo) -> datetime:
    """Integer microseconds since the epoch as a datetime with ``zone``'s fixed UTC offset there.

    The wall time is ``zone``'s; the tzinfo is the fixed offset in force at that
    instant (as entities store instants), so the value is exact and compares
    equal to the same instant in any zone, even in an autumn fold.
    """
    seconds, micros = divmod(us, 1_000_000)
    local = datetime.fromtimestamp(seconds, zone)
    return local.replace(
        microsecond=micros, tzinfo=fixed_zone(local.utcoffset() or _NO_OFFSET), fold=0
    )


def elapsed_between(a: int, b: int) -> int:
    """``between`` for calendar hours: every instant is open."""
    return b - a


def elapsed_add(a: int, d: int) -> int:
    """``add`` for calendar hours: every instant is open."""
    return a + d


def calendar_functions(calendar: BusinessCalendar) -> tuple[Between, Add]:
    """``between`` and ``add`` in integer microseconds for a business calendar."""
    return calendar._between_us, calendar._add_us  # its integer entry points
