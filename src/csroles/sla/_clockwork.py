"""The private engine of the SLA clocks: an interaction's timeline replayed in integer time.

Instants are integer microseconds since the Unix epoch and durations integer
microseconds, so every sum is exact. The business time comes from two
functions over those integers, supplied by the caller:

- ``between(a, b)``: the open time in ``[a, b)`` (``b >= a``);
- ``add(a, d)``: for ``d > 0``, the earliest ``t >= a`` with ``between(a, t) == d``.

The rules (the public docs in ``docs/sla_clocks.md`` state them for users):

- A clock runs in *cycles*, as its metric's definition says
  (``csroles.sla.definitions``): the events that start, pause, resume and stop
  it. The definitions are compiled once per SLA into a :class:`Plan`, a table
  from (status, event kind) to what each clock does, so the replay reads one
  table entry per event and skips the events no clock reacts to.
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
from csroles.interactions import TRANSITIONS, Event, Status
from csroles.sla._engine import MAX_US, MAX_YEAR, MIN_YEAR
from csroles.sla.definitions import ClockCondition, MetricDefinition
from csroles.vocabulary import EventKind, Priority

if TYPE_CHECKING:
    from csroles.sla.calendar import BusinessCalendar

__all__: list[str] = []

# Clock states, as small integers inside the engine (the public ClockState maps them).
RUNNING, PAUSED, WARNING, MET, BREACHED = range(5)

# What a clock's trace records, as pairs (instant, code).
T_START, T_HALT, T_RESUME, T_STOP, T_RESET = range(5)

Between = Callable[[int, int], int]
Add = Callable[[int, int], int]

PRIORITY_CHANGED = EventKind.PRIORITY_CHANGED
OPENED = EventKind.OPENED


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
        "trace",
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
        self.trace: list[int] = []  # instant, code, instant, code ... (T_START ...)

    def start(self, at: int, priority: Priority) -> None:
        """Start a new cycle at ``at``."""
        self.started = self.active = self.running = True
        self.target = self.targets[priority]
        self.elapsed = 0
        self.mark = at
        self.pending = None
        self.breached_at = None
        self.trace += (at, T_START)

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
        self.trace += (at, T_HALT)

    def stop(self, at: int) -> None:
        """End the current cycle at ``at``."""
        if self.running:
            self.halt(at)
        self.active = False
        self.completed += 1
        self.trace += (at, T_STOP)

    def resume(self, at: int) -> None:
        """Count again from ``at``."""
        self.settle()
        self.mark = at
        self.running = True
        self.trace += (at, T_RESUME)

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
            self.trace += (at, T_RESET)
        elif self.breached_at is None and self.pending is None and self.elapsed > target:
            # Measured just above (or exact already): more than the new target is used.
            self.breached_at = at
            self.breaches += 1

    def result(self, metric: str, now: int) -> Result:
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
            self.trace,
        )


#: What the replay says about one metric at ``now``: metric, target, elapsed,
#: state, due instant, breach instant, completed cycles, breached cycles
#: (integers; the caller builds the SLAClocks), and the clock's trace.
Result = tuple[str, int, int, int, int | None, int | None, int, int, list[int]]


# ------------------------------------------------------------------ compiled definitions

#: When a flag of a step applies: ``None`` never, ``()`` always, a tuple of arm
#: ids when any of those arms is set (conditions with ``first_since``).
Gate = tuple[int, ...] | None
#: One clock's reaction to one (status, event kind): clock index and the gates
#: of stop, pause, resume and start.
Entry = tuple[int, Gate, Gate, Gate, Gate]
#: What one event kind does in one status: the status it leads to, the entries
#: of the clocks that react, the arms it sets and the arms it clears.
Step = tuple[Status, tuple[Entry, ...], tuple[int, ...], tuple[int, ...]]


class Plan:
    """An SLA's metric definitions compiled into a table of steps, for :func:`replay`.

    ``steps[status][kind]`` says what an event of ``kind`` does in ``status``;
    an *arm* is a pair (kind, first_since) of some condition: set by a
    ``first_since`` event, cleared by a ``kind`` event.
    """

    __slots__ = ("arms", "cycles", "keys", "opening", "steps", "targets")

    def __init__(
        self,
        metrics: Sequence[tuple[str, MetricDefinition, Mapping[Priority, int]]],
    ) -> None:
        self.keys = tuple(key for key, _, _ in metrics)
        self.targets = tuple(targets for _, _, targets in metrics)
        self.cycles = tuple(definition.cycles for _, definition, _ in metrics)
        arms: dict[tuple[EventKind, EventKind], int] = {}
        for _, definition, _ in metrics:
            for condition in _all_conditions(definition):
                if condition.kind is not None and condition.first_since is not None:
                    arms.setdefault((condition.kind, condition.first_since), len(arms))
        self.arms = len(arms)
        definitions = [definition for _, definition, _ in metrics]

        def step(kind: EventKind, to_status: Status) -> Step:
            entries: list[Entry] = []
            for index, definition in enumerate(definitions):
                gates = tuple(
                    _gate(conditions, kind, to_status, arms)
                    for conditions in (
                        definition.stop,
                        definition.pause,
                        definition.resume,
                        definition.start,
                    )
                )
                if any(gate is not None for gate in gates):
                    entries.append((index, *gates))  # type: ignore[arg-type]
            sets = tuple(arm for (_, since), arm in arms.items() if since is kind)
            clears = tuple(arm for (of, _), arm in arms.items() if of is kind)
            return (to_status, tuple(entries), sets, clears)

        self.opening = step(OPENED, Status.OPEN)
        self.steps = {
            status: {kind: step(kind, to_status) for kind, to_status in moves.items()}
            for status, moves in TRANSITIONS.items()
        }


def _all_conditions(definition: MetricDefinition) -> tuple[ClockCondition, ...]:
    return (*definition.start, *definition.stop, *definition.pause, *definition.resume)


def _gate(
    conditions: Sequence[ClockCondition],
    kind: EventKind,
    to_status: Status,
    arms: Mapping[tuple[EventKind, EventKind], int],
) -> Gate:
    found: list[int] = []
    for condition in conditions:
        if condition.matches(kind, to_status):
            if condition.first_since is None:
                return ()
            found.append(arms[kind, condition.first_since])
    return tuple(found) if found else None


def _open(gate: Gate, armed: list[bool]) -> bool:
    if gate is None:
        return False
    if not gate:
        return True
    return any(armed[arm] for arm in gate)


def replay(  # noqa: PLR0912
    events: Sequence[Event],
    priority: Priority,
    opened_at: int,
    now: int,
    plan: Plan,
    *,
    from_start: bool,
    continue_on_reopen: bool,
    between: Between,
    add: Add,
) -> list[Result]:
    """Replay ``events`` (the opening first, at ``opened_at``) up to ``now``.

    Events after ``now`` are ignored, and so are those no clock reacts to.
    Returns one result per metric of ``plan`` whose clock has started, in the
    plan's order.
    """
    clocks = [Clock(targets, between, add) for targets in plan.targets]
    cycles = plan.cycles
    armed = [False] * plan.arms
    steps = plan.steps
    step = plan.opening
    at = opened_at
    status = step[0]
    index = 0
    last = len(events)
    while True:
        _, entries, sets, clears = step
        for number, stop, pause, resume, start in entries:
            clock = clocks[number]
            if clock.active:
                if stop is not None and (not stop or _open(stop, armed)):
                    clock.stop(at)
                elif clock.running:
                    if pause is not None and (not pause or _open(pause, armed)):
                        clock.halt(at)
                elif resume is not None and (not resume or _open(resume, armed)):
                    clock.resume(at)
            if not clock.active and start is not None and (not start or _open(start, armed)):
                if not clock.started or cycles[number] or not continue_on_reopen:
                    clock.start(at, priority)
                else:  # a stopped single-cycle clock starts again: it continues
                    clock.completed -= 1
                    clock.active = True
                    clock.resume(at)
        for arm in clears:
            armed[arm] = False
        for arm in sets:
            armed[arm] = True
        # The next event that changes something.
        while True:
            index += 1
            if index == last:
                break
            event = events[index]
            kind = event.kind
            step = steps[status][kind]
            status = step[0]
            if step[1] or step[2] or step[3] or kind is PRIORITY_CHANGED:
                break
        if index == last:
            break
        at = to_us(event.at)
        if at > now:
            break
        if kind is PRIORITY_CHANGED:
            priority = event.priority  # type: ignore[assignment]  # the Event checks it
            for clock in clocks:
                if clock.active:
                    clock.reprioritize(at, priority, from_start=from_start)

    keys = plan.keys
    return [clock.result(keys[number], now) for number, clock in enumerate(clocks) if clock.started]


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
