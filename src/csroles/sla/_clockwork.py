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

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from csroles._validation import fixed_zone
from csroles.errors import CalendarError
from csroles.interactions import Event
from csroles.sla._engine import MAX_US, MAX_YEAR, MIN_YEAR
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

# The kinds that can change a clock, as module constants: looking a member up
# on its enum class costs several times a global lookup, on every event.
AGENT_REPLIED = EventKind.AGENT_REPLIED
CUSTOMER_REPLIED = EventKind.CUSTOMER_REPLIED
WAITING_ON_CUSTOMER = EventKind.WAITING_ON_CUSTOMER
WAITING_ON_THIRD_PARTY = EventKind.WAITING_ON_THIRD_PARTY
RESUMED = EventKind.RESUMED
PRIORITY_CHANGED = EventKind.PRIORITY_CHANGED
RESOLVED = EventKind.RESOLVED
CLOSED = EventKind.CLOSED
REOPENED = EventKind.REOPENED
# The others (assignments, surveys ...) are skipped.
RELEVANT = frozenset(
    {
        AGENT_REPLIED,
        CUSTOMER_REPLIED,
        WAITING_ON_CUSTOMER,
        WAITING_ON_THIRD_PARTY,
        RESUMED,
        PRIORITY_CHANGED,
        RESOLVED,
        CLOSED,
        REOPENED,
    }
)


class Clock:
    """The mutable state of one metric's clock during a replay.

    Business time costs a calendar call, wall time is free, and business time
    never exceeds wall time. So a stretch that cannot hold an overdue instant
    (the elapsed time plus the stretch's wall time stays below the target) is
    not measured when the clock stops or pauses: it is kept *pending* and
    measured only if its length is ever needed (to report the cycle, or when
    the clock runs again). A next-response cycle that a later one replaces is
    then never measured at all.
    """

    __slots__ = (
        "active",
        "add",
        "between",
        "breached_at",
        "breaches",
        "completed",
        "elapsed",
        "mark",
        "pending",
        "running",
        "started",
        "target",
        "targets",
    )

    def __init__(self, targets: Mapping[Priority, int], between: Between, add: Add) -> None:
        self.targets = targets
        self.between = between
        self.add = add
        self.started = False  # a cycle has started at least once
        self.active = False  # the current cycle has not stopped
        self.running = False
        self.target = 0
        self.elapsed = 0  # business time counted, up to mark
        self.mark = 0  # the start of the running (or pending) stretch
        self.pending: int | None = None  # the end of a stretch not measured yet
        self.breached_at: int | None = None
        self.completed = 0
        self.breaches = 0

    def start(self, at: int, priority: Priority) -> None:
        """Start a new cycle at ``at``."""
        self.started = self.active = self.running = True
        self.target = self.targets[priority]
        self.elapsed = 0
        self.mark = at
        self.pending = None
        self.breached_at = None

    def advance(self, at: int) -> None:
        """Bring a running clock up to instant ``at`` (not before ``mark``)."""
        elapsed = self.elapsed + self.between(self.mark, at)
        if elapsed >= self.target and self.breached_at is None:
            left = self.target - self.elapsed
            due = self.add(self.mark, left) if left > 0 else self.mark
            if at > due:
                self.breached_at = due
                self.breaches += 1
        self.elapsed = elapsed
        self.mark = at

    def settle(self) -> None:
        """Measure the pending stretch, if any."""
        if self.pending is not None:
            self.elapsed += self.between(self.mark, self.pending)
            self.mark = self.pending
            self.pending = None

    def halt(self, at: int) -> None:
        """Stop counting at ``at``: measure now only if a breach may lie in the stretch."""
        if self.breached_at is None and self.elapsed + at - self.mark >= self.target:
            self.advance(at)
        else:
            self.pending = at
        self.running = False

    def stop(self, at: int) -> None:
        """End the current cycle at ``at``."""
        if self.running:
            self.halt(at)
        self.active = False
        self.completed += 1

    def resume(self, at: int) -> None:
        """Count again from ``at``."""
        self.settle()
        self.mark = at
        self.running = True

    def reprioritize(self, at: int, priority: Priority, *, from_start: bool) -> None:
        """Apply a priority change at ``at`` to an active cycle."""
        target = self.targets[priority]
        if self.breached_at is None:
            # The most business time the clock can have counted by ``at``.
            if self.running:
                most = self.elapsed + at - self.mark
                # Measure if the old target may have run out before ``at`` (a
                # breach), or the new one may already be exceeded.
                if most >= self.target or (from_start and most > target):
                    self.advance(at)
            elif from_start:
                end = self.mark if self.pending is None else self.pending
                if self.elapsed + end - self.mark > target:
                    self.settle()
        self.target = target
        if not from_start:
            self.elapsed = 0
            self.mark = at
            self.pending = None
        elif self.breached_at is None and self.pending is None and self.elapsed > target:
            # Measured just above (or exact already): more than the new target is used.
            self.breached_at = at
            self.breaches += 1

    def result(self, metric: Metric, now: int) -> Result:
        """The clock at ``now``, once every event up to ``now`` is applied."""
        due: int | None = None
        if self.running:
            self.advance(now)
            if self.breached_at is not None:
                state = BREACHED
                due = self.breached_at
            else:
                left = self.target - self.elapsed
                due = self.add(now, left) if left > 0 else now
                state = RUNNING  # the caller tells RUNNING from WARNING
        else:
            self.settle()
            if self.breached_at is not None:
                state = BREACHED
            elif self.active:
                state = PAUSED
            else:
                state = MET
        return (
            metric,
            self.target,
            self.elapsed,
            state,
            due,
            self.breached_at,
            self.completed,
            self.breaches,
        )


#: What the replay says about one metric at ``now``: metric, target, elapsed,
#: state, due instant, breach instant, completed cycles, breached cycles
#: (integers; the caller builds the SLAClocks).
Result = tuple[Metric, int, int, int, int | None, int | None, int, int]


def replay(  # noqa: PLR0912, PLR0915
    events: Sequence[Event],
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
    """Replay ``events`` (the opening first, at ``opened_at``) up to ``now``.

    Events after ``now`` are ignored, and so are the kinds that no clock reads.

    ``plan`` maps each metric the SLA covers to its targets per priority, in
    microseconds. Returns one result per covered metric whose clock has
    started, in the order of ``CLOCK_METRICS``.
    """
    first = Clock(plan[FRT], between, add) if FRT in plan else None
    nxt = Clock(plan[NRT], between, add) if NRT in plan else None
    res = Clock(plan[RT], between, add) if RT in plan else None
    clocks = [clock for clock in (first, nxt, res) if clock is not None]
    if first is not None:
        first.start(opened_at, priority)
    if res is not None:
        res.start(opened_at, priority)
    agent_spoke = False  # the latest reply was an agent's
    waiting_on_customer = False  # the current pause is a wait on the customer

    relevant = RELEVANT
    for event in events[1:]:
        kind = event.kind
        if kind not in relevant:
            continue
        at = to_us(event.at)
        if at > now:
            break
        if kind is AGENT_REPLIED:
            agent_spoke = True
            if first is not None and first.active:
                first.stop(at)
            if nxt is not None and nxt.active:
                nxt.stop(at)
        elif kind is CUSTOMER_REPLIED:
            if agent_spoke and nxt is not None and not nxt.active:
                nxt.start(at, priority)
            agent_spoke = False
            if waiting_on_customer and res is not None and res.active:
                res.resume(at)
            waiting_on_customer = False
        elif kind is WAITING_ON_CUSTOMER or kind is WAITING_ON_THIRD_PARTY:
            waiting_on_customer = kind is WAITING_ON_CUSTOMER
            if res is not None and res.running:
                res.halt(at)
        elif kind is RESUMED:
            waiting_on_customer = False
            if res is not None and res.active:
                res.resume(at)
        elif kind is PRIORITY_CHANGED:
            priority = event.priority  # type: ignore[assignment]  # the Event checks it
            for clock in clocks:
                if clock.active:
                    clock.reprioritize(at, priority, from_start=from_start)
        elif kind is RESOLVED or kind is CLOSED:
            waiting_on_customer = False
            for clock in clocks:
                if clock.active:
                    clock.stop(at)
        elif res is not None:  # reopened: only the resolution clock cares
            if continue_on_reopen:
                res.completed -= 1
                res.active = True
                res.resume(at)
            else:
                res.start(at, priority)

    results: list[Result] = []
    for metric, candidate in ((FRT, first), (NRT, nxt), (RT, res)):
        if candidate is not None and candidate.started:
            results.append(candidate.result(metric, now))
    return results


# ------------------------------------------------------------------ integer time

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)
_NO_OFFSET = timedelta(0)
_sub = datetime.__sub__  # the aware difference of any datetime subclass, as a plain timedelta


def to_us(at: datetime) -> int:
    """An aware datetime as integer microseconds since the epoch (exact, any datetime subclass).

    For subclasses, ``datetime.__sub__`` is called directly: pendulum's
    ``DateTime`` redefines subtraction to return its own types.
    """
    if type(at) is datetime:
        return (at - _EPOCH) // _US
    return _sub(at, _EPOCH) // _US


def from_us(us: int, zone: tzinfo) -> datetime:
    """Integer microseconds since the epoch as a datetime with ``zone``'s fixed UTC offset there.

    The wall time is ``zone``'s; the tzinfo is the fixed offset in force at that
    instant (as entities store instants), so the value is exact and compares
    equal to the same instant in any zone, even in an autumn fold.
    """
    seconds, micros = divmod(us, 1_000_000)
    offset = _fromtimestamp(seconds, zone).utcoffset() or _NO_OFFSET
    moment = _fromtimestamp(seconds, fixed_zone(offset))
    # datetime.replace is slower than adding the microseconds.
    return moment + timedelta(microseconds=micros) if micros else moment


_fromtimestamp = datetime.fromtimestamp


def elapsed_between(a: int, b: int) -> int:
    """``between`` for calendar hours: every instant is open."""
    return b - a


def elapsed_add(a: int, d: int) -> int:
    """``add`` for calendar hours: every instant is open (within the calendars' years)."""
    if a + d >= MAX_US:
        msg = (
            f"SLA: a deadline falls after {MAX_YEAR:04d}-12-31 (UTC), expected deadlines "
            f"from {MIN_YEAR:04d}-01-01 to {MAX_YEAR:04d}-12-31"
        )
        raise CalendarError(msg)
    return a + d


def calendar_functions(calendar: BusinessCalendar) -> tuple[Between, Add]:
    """``between`` and ``add`` in integer microseconds for a business calendar."""
    return calendar._between_us, calendar._add_us  # its integer entry points
