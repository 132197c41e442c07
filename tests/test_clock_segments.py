"""SLAClock.segments and warning_at on the public strategies' SLAs and interactions.

tests/test_sla_definitions.py compares segments with a unit-by-unit oracle on a
coarse grid; here the documented properties are checked on what
``csroles.strategies`` draws: interactions with gaps from zero seconds to days,
events in several zones and near daylight-saving changes, and SLAs over any
business calendar, with every priority-change and reopen policy. The elapsed
time is measured again with the calendar's own ``business_time_between``,
segment by segment.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import attrs
from hypothesis import given
from hypothesis import strategies as st

from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
from csroles.sla import (
    SLA,
    BusinessCalendar,
    ClockSegment,
    ClockState,
    PriorityChangePolicy,
    SLAClock,
    sla_status,
)
from csroles.strategies import interactions, metric_definitions, slas

US = timedelta(microseconds=1)
ACTIVE = (ClockState.RUNNING, ClockState.WARNING, ClockState.PAUSED)


@st.composite
def measured_slas(draw: st.DrawFn) -> SLA:
    """The strategies' SLAs, sometimes with a metric definition of their own (cycles, pauses)."""
    sla = draw(slas(max_target=timedelta(days=3)))
    if draw(st.booleans()):
        own = draw(metric_definitions(names=st.just("own_metric")))
        target = draw(st.timedeltas(timedelta(minutes=1), timedelta(days=2)))
        sla = attrs.evolve(
            sla,
            targets={**sla.targets, "own_metric": dict.fromkeys(Priority, target)},
            definitions=[own],
        )
    return sla


def latest_cycle(clock: SLAClock, segments: tuple[ClockSegment, ...]) -> int:
    """The number of the latest cycle, from the clock's state and counts."""
    if clock.state in ACTIVE or (clock.state is ClockState.BREACHED and clock.due_at is not None):
        return clock.completed_cycles  # every earlier cycle stopped
    if clock.state is ClockState.MET:
        return clock.completed_cycles - 1
    # Breached and not running: stopped, or paused; its breach is in its own segments.
    latest = max(s.cycle for s in segments)
    assert latest in (clock.completed_cycles - 1, clock.completed_cycles)
    return latest


def budget_starts(
    sla: SLA, interaction: Interaction, now: datetime, mine: list[ClockSegment]
) -> list[datetime]:
    """Where the latest cycle's budget may start: its start, or a priority change under
    ``from_change`` while the cycle was active.

    A change strictly inside one of the cycle's segments applies. A change at
    a segment's edge (other than the cycle's start, where it changes nothing)
    may have come before or after the event that started, stopped or resumed
    the clock at that instant; both readings are allowed.
    """
    if not mine:
        return [now]
    first = mine[0].start
    if sla.on_priority_change is PriorityChangePolicy.FROM_START:
        return [first]
    changes = [
        e.at
        for e in interaction.events
        if e.kind is EventKind.PRIORITY_CHANGED and first < e.at <= now
    ]
    edges = {s.start for s in mine} | {s.end for s in mine}
    surely = max([first, *(t for t in changes if any(s.start < t < s.end for s in mine))])
    maybe = [t for t in changes if t in edges and t > surely]
    return [surely, *maybe]


def counted(
    calendar: BusinessCalendar, mine: list[ClockSegment], begin: datetime, end: datetime
) -> timedelta:
    """The business time of the running segments in ``mine`` between ``begin`` and ``end``."""
    total = timedelta(0)
    for s in mine:
        a, b = max(s.start, begin), min(s.end, end)
        if s.running and a < b:
            total += calendar.business_time_between(a, b)
    return total


def check_clock(sla: SLA, interaction: Interaction, now: datetime, clock: SLAClock) -> None:
    opened = interaction.events[0].at
    segments = clock.segments
    assert segments == clock.segments  # replayed again on each read, the same
    # In time order, without overlaps or empty stretches, within the life up to now.
    for s in segments:
        assert opened <= s.start < s.end <= now
    for before, after in itertools.pairwise(segments):
        assert before.end <= after.start
        assert before.cycle <= after.cycle
        same = before.cycle == after.cycle and before.running == after.running
        assert not (same and before.end == after.start)  # two that meet are one
    # The latest cycle's running segments add up to elapsed, from its budget's start.
    latest = latest_cycle(clock, segments)
    assert all(s.cycle <= latest for s in segments)
    mine = [s for s in segments if s.cycle == latest]
    calendar = sla.calendar_for(None, interaction.group)
    budgets = budget_starts(sla, interaction, now, mine)
    assert clock.elapsed in {counted(calendar, mine, b, now) for b in budgets}
    # The breach lies in a running segment of the latest cycle, or is a priority change.
    breach = clock.breached_at
    if breach is not None:
        in_running = any(s.running and s.start <= breach < s.end for s in mine)
        changes = [e.at for e in interaction.events if e.kind is EventKind.PRIORITY_CHANGED]
        assert in_running or breach in changes
    # warning_at: the first instant at which the elapsed fraction reaches the first threshold.
    warning = clock.warning_at
    assert (warning is None) == (clock.warning_level == 0)
    if warning is not None:
        threshold = sla.warning_thresholds[0]
        assert any(s.running and s.start < warning <= s.end for s in mine)
        assert calendar.business_time_between(warning - US, warning) == US  # open just before
        target = clock.target / US
        reached = [counted(calendar, mine, b, warning) / US for b in budgets]
        assert any(e / target >= threshold > (e - 1) / target for e in reached)


@given(
    sla=measured_slas(),
    interaction=interactions(max_events=10),
    after=st.one_of(
        st.just(timedelta(0)),
        st.timedeltas(timedelta(0), timedelta(days=3)),
        st.timedeltas(timedelta(days=-5), timedelta(0)),
    ),
)
def test_segments_of_the_strategies_interactions_keep_their_properties(
    sla: SLA, interaction: Interaction, after: timedelta
) -> None:
    opened, last = interaction.events[0].at, interaction.events[-1].at
    now = max(opened, last + after)  # sometimes before the last events: a past status
    for clock in sla_status(sla, interaction, now):
        check_clock(sla, interaction, now, clock)


T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
HOUR = timedelta(hours=1)


def ticket(*steps: tuple[EventKind, int, Priority | None]) -> Interaction:
    """A low-priority ticket opened at T0, with events ``hours`` after it."""
    events = [Event(kind=EventKind.OPENED, at=T0)]
    for kind, hours, priority in steps:
        events.append(Event(kind=kind, at=T0 + hours * HOUR, priority=priority))
    return Interaction(
        id="T-1",
        customer_id="C-1",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.BILLING,
        priority=Priority.LOW,
        events=events,
    )


def resolution_sla(policy: PriorityChangePolicy) -> SLA:
    """Resolution in 8 hours, 4 when urgent (calendar hours; warnings at 0.5 and 0.75)."""
    targets = {**dict.fromkeys(Priority, 8 * HOUR), Priority.URGENT: 4 * HOUR}
    return SLA(name="S", targets={"resolution_time": targets}, on_priority_change=policy)


def test_a_paused_clock_overdue_after_a_priority_change_breaches_at_the_change() -> None:
    # The one exception to "the breach lies in a running segment". Running
    # 09:00-14:00 (5 h), waiting from 14:00, made urgent (4 h) at 15:00.
    sla = resolution_sla(PriorityChangePolicy.FROM_START)
    waiting = ticket(
        (EventKind.WAITING_ON_CUSTOMER, 5, None),
        (EventKind.PRIORITY_CHANGED, 6, Priority.URGENT),
    )
    (clock,) = sla_status(sla, waiting, T0 + 7 * HOUR)
    assert clock.state is ClockState.BREACHED
    assert clock.breached_at == T0 + 6 * HOUR
    assert [(s.start, s.end, s.running) for s in clock.segments] == [
        (T0, T0 + 5 * HOUR, True),
        (T0 + 5 * HOUR, T0 + 7 * HOUR, False),
    ]
    assert clock.warning_at == T0 + 2 * HOUR  # half of the target in force (4 h)
    check_clock(sla, waiting, T0 + 7 * HOUR, clock)


def test_under_from_change_elapsed_and_warning_count_from_the_change() -> None:
    # Made urgent at 11:00 under from_change: a fresh 4 h budget from 11:00,
    # half of it used at 13:00; the segments still start at the opening.
    sla = resolution_sla(PriorityChangePolicy.FROM_CHANGE)
    urgent = ticket((EventKind.PRIORITY_CHANGED, 2, Priority.URGENT))
    (clock,) = sla_status(sla, urgent, T0 + 4 * HOUR)
    assert [(s.start, s.end, s.running) for s in clock.segments] == [(T0, T0 + 4 * HOUR, True)]
    assert (clock.elapsed, clock.target) == (2 * HOUR, 4 * HOUR)
    assert clock.warning_at == T0 + 4 * HOUR
    check_clock(sla, urgent, T0 + 4 * HOUR, clock)
