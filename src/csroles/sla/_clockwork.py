"""The private engine of the SLA clocks: an interaction's timeline replayed in integer time.

Instants are integer microseconds since the Unix epoch and durations integer
microseconds, so every sum is exact. The business time comes from two
functions over those integers, supplied by the caller:

- ``between(a, b)``: the open time in ``[a, b)`` (``b >= a``);
- ``add(a, d)``: for ``d > 0``, the earliest ``t >= a`` with ``between(a, t) == d``.

The rules (the public docs in ``docs/sla_clocks.md`` state them for users):

- A clock runs in *cycles*, as its metric's definition says
  (``csroles.sla.definitions``): the events that start, pause, resume and stop
  it. The definitions are compiled per SLA into a :class:`Plan`, a table
  from (state, event kind) to what each clock does, so the replay reads one
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

import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

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
FromUs = Callable[[int], datetime]

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
        )


#: What the replay says about one metric at ``now``: metric, target, elapsed,
#: state, due instant, breach instant, completed cycles, breached cycles
#: (integers; the caller builds the SLAClocks).
Result = tuple[str, int, int, int, int | None, int | None, int, int]


class TracingClock(Clock):
    """A clock that also records what happens to it: the replay behind segments.

    ``trace`` holds pairs (instant, code): ``T_START``, ``T_HALT``,
    ``T_RESUME``, ``T_STOP`` and ``T_RESET`` (a ``from_change`` priority
    change restarting the budget). Kept apart from :class:`Clock`, so that
    :func:`replay` pays nothing for it unless segments are asked for.
    """

    __slots__ = ("trace",)

    def __init__(self, targets: Mapping[Priority, int], between: Between, add: Add) -> None:
        super().__init__(targets, between, add)
        self.trace: list[int] = []

    def start(self, at: int, priority: Priority) -> None:
        super().start(at, priority)
        self.trace += (at, T_START)

    def halt(self, at: int) -> None:
        super().halt(at)
        self.trace += (at, T_HALT)

    def stop(self, at: int) -> None:
        super().stop(at)
        self.trace += (at, T_STOP)

    def resume(self, at: int) -> None:
        super().resume(at)
        self.trace += (at, T_RESUME)

    def reprioritize(self, at: int, priority: Priority, *, from_start: bool) -> None:
        super().reprioritize(at, priority, from_start=from_start)
        if not from_start:
            self.trace += (at, T_RESET)


# ------------------------------------------------------------------ compiled definitions

#: One clock's reaction to one event: clock index, and whether the event stops,
#: pauses, resumes and starts it.
Entry = tuple[int, bool, bool, bool, bool]
#: What one event kind does in one state: the moves of the state it leads to,
#: the entries of the clocks that react, and whether it does anything at all (a
#: priority change always does).
Step = tuple["Moves", tuple[Entry, ...], bool]


class Moves(dict[EventKind, Step]):
    """The steps from one state (a status and the arms set), compiled on first use."""

    __slots__ = ("mask", "plan", "status")

    def __init__(self, plan: Plan, status: Status, mask: int) -> None:
        super().__init__()
        self.plan = plan
        self.status = status
        self.mask = mask

    def __missing__(self, kind: EventKind) -> Step:
        step = self[kind] = self.plan.step(self, kind)
        return step


class Plan:
    """An SLA's metric definitions compiled into a table of steps, for :func:`replay`.

    The replay walks a state machine whose states are the interaction's status
    and the *arms* set: an arm is a pair (kind, first_since) of some condition,
    set by a ``first_since`` event and cleared by a ``kind`` event, so "the
    first customer reply since an agent reply" is a matter of state, decided
    when the table is built. ``moves[kind]`` (a :class:`Moves`) gives the step
    of an event of ``kind``: what each clock does and the next state's moves.
    Steps are compiled the first time a state meets a kind.
    """

    __slots__ = ("arms", "cycles", "definitions", "initial", "keys", "states", "targets")

    def __init__(
        self,
        metrics: Sequence[tuple[str, MetricDefinition, Mapping[Priority, int]]],
    ) -> None:
        self.keys = tuple(key for key, _, _ in metrics)
        self.targets = tuple(targets for _, _, targets in metrics)
        self.cycles = tuple(definition.cycles for _, definition, _ in metrics)
        self.definitions = tuple(definition for _, definition, _ in metrics)
        self.arms: dict[tuple[EventKind, EventKind], int] = {}
        for definition in self.definitions:
            for condition in _all_conditions(definition):
                if condition.kind is not None and condition.first_since is not None:
                    self.arms.setdefault((condition.kind, condition.first_since), len(self.arms))
        self.states: dict[tuple[Status, int], Moves] = {}
        #: The moves before the first event: only the opening.
        self.initial: dict[EventKind, Step] = {OPENED: self.step(None, OPENED)}

    def moves(self, status: Status, mask: int) -> Moves:
        """The moves of a state, made once."""
        moves = self.states.get((status, mask))
        if moves is None:
            moves = self.states[status, mask] = Moves(self, status, mask)
        return moves

    def step(self, source: Moves | None, kind: EventKind) -> Step:
        """The step of an event of ``kind`` from ``source`` (``None``: the opening)."""
        if source is None:
            to_status, mask = Status.OPEN, 0
        else:
            to_status, mask = TRANSITIONS[source.status][kind], source.mask
        entries: list[Entry] = []
        for index, definition in enumerate(self.definitions):
            flags = [
                self._holds(conditions, kind, to_status, mask)
                for conditions in (
                    definition.stop,
                    definition.pause,
                    definition.resume,
                    definition.start,
                )
            ]
            if any(flags):
                entries.append((index, *flags))  # type: ignore[arg-type]
        for (of, since), arm in self.arms.items():
            if of is kind:
                mask &= ~(1 << arm)
            if since is kind:
                mask |= 1 << arm
        busy = bool(entries) or kind is PRIORITY_CHANGED
        return (self.moves(to_status, mask), tuple(entries), busy)

    def _holds(
        self, conditions: Sequence[ClockCondition], kind: EventKind, to_status: Status, mask: int
    ) -> bool:
        for condition in conditions:
            if condition.matches(kind, to_status):
                since = condition.first_since
                if since is None or mask >> self.arms[kind, since] & 1:
                    return True
        return False


def _all_conditions(definition: MetricDefinition) -> tuple[ClockCondition, ...]:
    return (*definition.start, *definition.stop, *definition.pause, *definition.resume)


def replay(  # noqa: PLR0912
    events: Sequence[Event],
    instants: Sequence[int],
    priority: Priority,
    now: int,
    plan: Plan,
    *,
    from_start: bool,
    continue_on_reopen: bool,
    between: Between,
    add: Add,
    clock_type: type[Clock] = Clock,
) -> list[Clock]:
    """Replay ``events`` (the opening first) up to ``now`` (not before the opening).

    ``instants`` are the events' instants in integer microseconds (the
    interaction keeps them). Events after ``now`` are ignored, and so are
    those no clock reacts to. Returns the clocks, one per metric of ``plan``,
    in the plan's order.
    """
    clocks = [clock_type(targets, between, add) for targets in plan.targets]
    cycles = plan.cycles
    moves = plan.initial  # only the opening, which leads to the first status
    for event, at in zip(events, instants, strict=True):
        kind = event.kind
        step = moves[kind]
        moves = step[0]
        if not step[2]:
            continue
        if at > now:
            break
        if kind is PRIORITY_CHANGED:
            priority = event.priority  # type: ignore[assignment]  # the Event checks it
            for clock in clocks:
                if clock.active:
                    clock.reprioritize(at, priority, from_start=from_start)
        for number, stop, pause, resume, start in step[1]:
            clock = clocks[number]
            if clock.active:
                if stop:
                    clock.stop(at)
                elif clock.running:
                    if pause:
                        clock.halt(at)
                elif resume:
                    clock.resume(at)
            if start and not clock.active:
                if not clock.started or cycles[number] or not continue_on_reopen:
                    clock.start(at, priority)
                else:  # a stopped single-cycle clock starts again: it continues
                    clock.completed -= 1
                    clock.active = True
                    clock.resume(at)
    return clocks


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


def utc_from_us(us: int) -> datetime:
    """:func:`from_us` in UTC, whose offset is zero at every instant: the epoch plus ``us``."""
    return _EPOCH + _US * us  # the tzinfo is UTC, what fixed_zone gives for a zero offset


def zoned_from_us(zone: tzinfo) -> FromUs:
    """:func:`from_us` for one zone, as a function of the instant alone (and picklable)."""
    if type(zone) is ZoneInfo and zone.key == "UTC":
        return utc_from_us  # one addition: no offset to look up
    return functools.partial(from_us, zone=zone)


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


def calendar_functions(calendar: BusinessCalendar) -> tuple[Between, Add, FromUs]:
    """``between``, ``add`` and ``from_us`` in integer microseconds for a business calendar.

    They are its engine's own methods, one call each from the replay (the
    calendar's ``_between_us`` and ``_add_us`` would add a call to each).
    """
    engine = calendar._engine
    return engine.between_us, engine.add_us, engine.from_us
