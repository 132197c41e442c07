"""Metric definitions: the engine against a brute-force replay of the conditions.

The oracle below reads the rules from the docs, not from the engine: it steps
through the timeline one unit of a coarse grid at a time (events, targets and
the calendars' boundaries fall on whole units), decides at every event which
conditions hold by looking at the event and, for ``first_since``, by scanning
the timeline backwards, and counts open units while a clock runs. It keeps no
state table, no arms and no deadlines: breaches come from the *overdue*
predicate, as in the oracle of the three original metrics.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from csroles import (
    Channel,
    Direction,
    EventKind,
    InvalidEntityError,
    Metric,
    Priority,
    Topic,
    make_converter,
)
from csroles.interactions import TRANSITIONS, Event, Interaction, Status
from csroles.sla import (
    PRESETS,
    SLA,
    ClockCondition,
    ClockSegment,
    ClockState,
    MetricDefinition,
    PolicyCondition,
    PolicySet,
    PriorityChangePolicy,
    ReopenPolicy,
    SLAClock,
    SLAPolicy,
    sla_status,
)
from csroles.strategies import metric_definitions
from tests.test_calendar_oracle import Model as CalendarModel
from tests.test_calendar_oracle import Spec
from tests.test_clocks_oracle import ANCHORS, CALENDARS, UNIT, as_grid, timelines

K = EventKind
US = timedelta(microseconds=1)

# ------------------------------------------------------------------ generated SLAs


@st.composite
def definition_slas(draw: st.DrawFn, *, calendars: Sequence[Any] = (None,)) -> SLA:
    """SLAs over some presets and some definitions of their own (one may replace a preset)."""
    presets = draw(st.lists(st.sampled_from(list(PRESETS)), max_size=3, unique=True))
    names = st.sampled_from(["own_a", "own_b", "resolution_time", "periodic_update"])
    own = draw(st.lists(metric_definitions(names=names), max_size=2, unique_by=lambda d: d.name))
    keys = list(dict.fromkeys([*presets, *(d.name for d in own)]))
    if not keys:
        keys = ["first_response_time"]
    targets = {key: {p: UNIT * draw(st.integers(1, 30)) for p in Priority} for key in keys}
    return SLA(
        name="grid",
        targets=targets,
        definitions=own,
        warning_thresholds=draw(st.sampled_from([(0.5, 0.75), (), (0.3,)])),
        on_priority_change=draw(st.sampled_from(list(PriorityChangePolicy))),
        on_reopen=draw(st.sampled_from(list(ReopenPolicy))),
        calendar=draw(st.sampled_from(list(calendars))),
    )


# ------------------------------------------------------------------ the oracle


@dataclass
class Cycle:
    target: int  # units
    start: int  # unit index where its budget starts (moved by a from_change priority change)
    elapsed: int = 0
    running: bool = True
    stopped: bool = False
    breached_at: int | None = None


@dataclass
class Model:
    definition: MetricDefinition
    targets: dict[Priority, int]
    cycles: list[Cycle] = field(default_factory=list)
    units: dict[int, tuple[bool, int]] = field(default_factory=dict)  # unit -> (running, cycle)

    @property
    def current(self) -> Cycle | None:
        if self.cycles and not self.cycles[-1].stopped:
            return self.cycles[-1]
        return None


def first_since(events: Sequence[Event], index: int, kind: EventKind, since: EventKind) -> bool:
    """Whether events[index] (of ``kind``) is the first of its kind since the latest ``since``."""
    for earlier in reversed(events[:index]):
        if earlier.kind is kind:
            return False
        if earlier.kind is since:
            return True
    return False


def holds(
    conditions: Sequence[ClockCondition],
    events: Sequence[Event],
    index: int,
    to_status: Status,
) -> bool:
    kind = events[index].kind
    for condition in conditions:
        if condition.kind is not None and condition.kind is not kind:
            continue
        if condition.to_status is not None and condition.to_status is not to_status:
            continue
        if condition.first_since is not None and not first_since(
            events, index, kind, condition.first_since
        ):
            continue
        return True
    return False


def replay_oracle(  # noqa: PLR0912, PLR0915
    sla: SLA, interaction: Interaction, now_k: int, open_at: Callable[[datetime], bool]
) -> dict[str, Model]:
    events = interaction.events
    opened = events[0].at
    at_unit = [round((event.at - opened) / UNIT) for event in events]
    models = {}
    for key in sla.targets:
        definition = sla.definition(key)
        assert definition is not None
        targets = {p: round(sla.targets[key][p] / UNIT) for p in Priority}
        models[key] = Model(definition, targets)
    from_start = sla.on_priority_change is PriorityChangePolicy.FROM_START
    priority = interaction.priority
    status = Status.OPEN

    def overdue(k: int, *, final: bool) -> None:
        for model in models.values():
            cycle = model.current
            if cycle is None or cycle.breached_at is not None:
                continue
            if cycle.elapsed > cycle.target or (
                final and cycle.running and cycle.elapsed >= cycle.target
            ):
                cycle.breached_at = k

    for k in range(now_k + 1):
        for index, event in enumerate(events):
            if at_unit[index] != k:
                continue
            kind = event.kind
            to_status = Status.OPEN if index == 0 else TRANSITIONS[status][kind]
            if kind is K.PRIORITY_CHANGED:
                priority = event.priority  # type: ignore[assignment]
                for model in models.values():
                    cycle = model.current
                    if cycle is not None:
                        cycle.target = model.targets[priority]
                        if not from_start:
                            cycle.elapsed, cycle.start = 0, k
            for model in models.values():
                definition, cycle = model.definition, model.current
                if cycle is not None:
                    if holds(definition.stop, events, index, to_status):
                        cycle.stopped, cycle.running = True, False
                    elif cycle.running:
                        if holds(definition.pause, events, index, to_status):
                            cycle.running = False
                    elif holds(definition.resume, events, index, to_status):
                        cycle.running = True
                if model.current is None and holds(definition.start, events, index, to_status):
                    if (
                        not model.cycles
                        or definition.cycles
                        or sla.on_reopen is ReopenPolicy.NEW_CYCLE
                    ):
                        model.cycles.append(Cycle(target=model.targets[priority], start=k))
                    else:
                        model.cycles[-1].stopped, model.cycles[-1].running = False, True
            status = to_status
            overdue(k, final=False)
        if k == now_k:
            break
        overdue(k, final=True)
        is_open = open_at(opened + UNIT * k)
        for model in models.values():
            cycle = model.current
            if cycle is not None:
                model.units[k] = (cycle.running, len(model.cycles) - 1)
                if cycle.running and is_open:
                    cycle.elapsed += 1
    return models


def expected_clock(
    sla: SLA, model: Model, now_k: int, opened: datetime, open_at: Callable[[datetime], bool]
) -> dict[str, object]:
    cycle = model.cycles[-1]
    due: int | None = None
    if cycle.breached_at is not None:
        state = ClockState.BREACHED
        due = cycle.breached_at if cycle.running and not cycle.stopped else None
    elif cycle.stopped:
        state = ClockState.MET
    elif not cycle.running:
        state = ClockState.PAUSED
    else:
        state = ClockState.RUNNING
        due, elapsed = now_k, cycle.elapsed
        while elapsed < cycle.target:
            if open_at(opened + UNIT * due):
                elapsed += 1
            due += 1
    fraction = cycle.elapsed / cycle.target
    level = sum(1 for threshold in sla.warning_thresholds if fraction >= threshold)
    if state is ClockState.RUNNING and level:
        state = ClockState.WARNING
    return {
        "target": cycle.target,
        "elapsed": cycle.elapsed,
        "state": state,
        "due_at": due,
        "breached_at": cycle.breached_at,
        "completed_cycles": sum(1 for c in model.cycles if c.stopped),
        "breached_cycles": sum(1 for c in model.cycles if c.breached_at is not None),
        "warning_level": level,
    }


def expected_segments(model: Model) -> list[tuple[int, int, bool, int]]:
    """Runs of units with the same (running, cycle), as (start, end, running, cycle)."""
    found: list[tuple[int, int, bool, int]] = []
    for k in sorted(model.units):
        running, cycle = model.units[k]
        if found and found[-1][1] == k and found[-1][2:] == (running, cycle):
            found[-1] = (found[-1][0], k + 1, running, cycle)
        else:
            found.append((k, k + 1, running, cycle))
    return found


def expected_warning(
    sla: SLA, model: Model, opened: datetime, open_at: Callable[[datetime], bool]
) -> datetime | None:
    """The instant the latest cycle's elapsed time reached the first threshold, by counting."""
    if not sla.warning_thresholds:
        return None
    cycle = model.cycles[-1]
    target_us = cycle.target * (UNIT // US)
    need = 1
    while need / target_us < sla.warning_thresholds[0]:  # a binary search would be cleverer
        need += max(1, (int(sla.warning_thresholds[0] * target_us) - need) // 2)
    while need > 1 and (need - 1) / target_us >= sla.warning_thresholds[0]:
        need -= 1
    latest = len(model.cycles) - 1
    counted = 0
    for k in sorted(model.units):
        running, number = model.units[k]
        if number != latest or not running or k < cycle.start:
            continue
        if open_at(opened + UNIT * k):
            if counted + UNIT // US >= need:
                return opened + UNIT * k + US * (need - counted)
            counted += UNIT // US
    return None


def check(
    sla: SLA, interaction: Interaction, now_k: int, open_at: Callable[[datetime], bool]
) -> None:
    opened = interaction.events[0].at
    now = opened + UNIT * now_k
    clocks = sla_status(sla, interaction, now)
    assert all(attrs.evolve(clock) == clock for clock in clocks)  # they pass every check
    models = replay_oracle(sla, interaction, now_k, open_at)
    started = [key for key, model in models.items() if model.cycles]
    assert [clock.metric for clock in clocks] == started
    for clock in clocks:
        model = models[clock.metric]
        assert as_grid(clock, opened) == expected_clock(sla, model, now_k, opened, open_at)
        segments = [
            (
                round((s.start - opened) / UNIT),
                round((s.end - opened) / UNIT),
                s.running,
                s.cycle,
            )
            for s in clock.segments
        ]
        assert all(
            opened + UNIT * a == s.start
            for (a, *_), s in zip(segments, clock.segments, strict=True)
        )
        assert segments == expected_segments(model)
        assert clock.warning_at == expected_warning(sla, model, opened, open_at)
        check_segment_properties(clock, interaction, now, open_at, model)


def check_segment_properties(
    clock: SLAClock,
    interaction: Interaction,
    now: datetime,
    open_at: Callable[[datetime], bool],
    model: Model,
) -> None:
    """The documented properties of segments, checked on their own."""
    opened = interaction.events[0].at
    segments = clock.segments
    for before, after in itertools.pairwise(segments):
        assert before.end <= after.start
        assert before.cycle <= after.cycle
    assert all(opened <= s.start < s.end <= now for s in segments)
    latest = model.cycles[-1]
    budget = opened + UNIT * latest.start
    units = sum(
        1
        for s in segments
        if s.running and s.cycle == len(model.cycles) - 1
        for k in range(round((s.start - opened) / UNIT), round((s.end - opened) / UNIT))
        if opened + UNIT * k >= budget and open_at(opened + UNIT * k)
    )
    assert UNIT * units == clock.elapsed
    breach = clock.breached_at
    if breach is not None:
        running = [s for s in segments if s.running and s.start <= breach < s.end]
        changed = [e for e in interaction.events if e.kind is K.PRIORITY_CHANGED and e.at == breach]
        assert running or changed


# ------------------------------------------------------------------ properties


@given(sla=definition_slas(), interaction=timelines(max_events=16), extra=st.integers(-20, 60))
def test_definitions_in_calendar_hours_match_the_oracle(
    sla: SLA, interaction: Interaction, extra: int
) -> None:
    last = round((interaction.events[-1].at - interaction.events[0].at) / UNIT)
    check(sla, interaction, max(0, last + extra), lambda _at: True)


@given(
    sla=definition_slas(calendars=CALENDARS),
    interaction=timelines(max_events=16, max_gap=24, anchors=ANCHORS, spread=100),
    extra=st.integers(-40, 200),
)
def test_definitions_in_business_hours_match_the_oracle(
    sla: SLA, interaction: Interaction, extra: int
) -> None:
    calendar = sla.calendar
    assert calendar is not None
    last = round((interaction.events[-1].at - interaction.events[0].at) / UNIT)
    check(sla, interaction, max(0, last + extra), calendar.is_open)


# Random calendars on the grid: shifts, holidays (one-off and annual), special
# hours and closures all fall on quarter hours, in zones whose offsets are whole
# quarters (a 30-minute DST change, 45-minute offsets). Whether the desk is open
# at an instant is read from the calendar oracle's brute-force model, not from
# the calendar under test.
GRID_ZONES = [
    "UTC",
    "Europe/Rome",
    "America/New_York",
    "Asia/Kathmandu",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
]
QUARTERS = st.integers(0, 95).map(lambda q: time(q // 4, 15 * (q % 4)))
GRID_SHIFTS = st.lists(st.tuples(QUARTERS, QUARTERS), max_size=2)


@st.composite
def grid_calendar_cases(draw: st.DrawFn) -> tuple[Interaction, Spec]:
    """A timeline, and a random calendar on the grid with its holidays near the timeline."""
    interaction = draw(timelines(max_events=16, max_gap=24, anchors=ANCHORS, spread=100))
    hours = draw(st.dictionaries(st.integers(0, 6), GRID_SHIFTS, min_size=1, max_size=7))
    assume(any(hours.values()))
    around = interaction.events[0].at.astimezone(UTC).date()
    days = st.integers(-3, 12).map(lambda n: around + timedelta(days=n))
    closures = []
    for _ in range(draw(st.integers(0, 2))):
        lo = datetime.combine(draw(days), time(), tzinfo=UTC) + UNIT * draw(st.integers(0, 95))
        closures.append((lo, lo + UNIT * draw(st.integers(1, 200))))
    spec = Spec(
        zone=draw(st.sampled_from(GRID_ZONES)),
        hours=hours,
        holidays=draw(st.frozensets(days, max_size=3)),
        special=draw(st.dictionaries(days, GRID_SHIFTS, max_size=2)),
        closures=closures,
        annual=draw(st.frozensets(days.map(lambda d: (d.month, d.day)), max_size=2)),
    )
    return interaction, spec


def brute_force_open(spec: Spec, lo: datetime, hi: datetime) -> Callable[[datetime], bool]:
    """Whether the calendar of ``spec`` is open at an instant in [lo, hi), by its open intervals."""
    model = CalendarModel(spec)
    model.cover(lo, hi)
    intervals = model.intervals
    starts = [start for start, _ in intervals]

    def open_at(at: datetime) -> bool:
        index = bisect.bisect_right(starts, at) - 1
        return index >= 0 and at < intervals[index][1]

    return open_at


@given(case=grid_calendar_cases(), data=st.data(), extra=st.integers(-40, 200))
def test_definitions_in_random_calendars_match_the_oracle(
    case: tuple[Interaction, Spec], data: st.DataObject, extra: int
) -> None:
    interaction, spec = case
    sla = data.draw(definition_slas(calendars=[spec.calendar()]))
    opened = interaction.events[0].at
    last = round((interaction.events[-1].at - opened) / UNIT)
    now_k = max(0, last + extra)
    # A deadline lies at most 30 open units after now; every calendar drawn is open
    # at least one unit a week outside its few holidays and closures.
    horizon = opened + UNIT * now_k + timedelta(weeks=40)
    open_at = brute_force_open(spec, opened - 2 * UNIT, horizon)
    check(sla, interaction, now_k, open_at)


# ------------------------------------------------------------------ the presets, by hand
# Each scenario is written from the vendor's definition of the metric, and its
# figures worked out by hand; calendar hours (no calendar), so the arithmetic
# is plain clock time.

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
H = timedelta(hours=1)
M = timedelta(minutes=1)


def ticket(
    *steps: tuple[EventKind, timedelta] | tuple[EventKind, timedelta, dict[str, Any]],
) -> Interaction:
    events = [Event(kind=K.OPENED, at=T0)]
    for step in steps:
        kind, after = step[0], step[1]
        data: dict[str, Any] = step[2] if len(step) == 3 else {}
        events.append(Event(kind=kind, at=T0 + after, **data))
    return Interaction(
        id="T-1",
        customer_id="C-1",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.QUESTION,
        priority=Priority.NORMAL,
        events=events,
    )


def only(sla: SLA, interaction: Interaction, now: datetime) -> SLAClock:
    (clock,) = sla_status(sla, interaction, now)
    return clock


def test_periodic_update_follows_zendesk() -> None:
    # Zendesk, "periodic update": the time between each public comment from agents.
    # Agent replies at 09:30, 12:00 and 13:00, target 2 h: the 09:30-12:00 gap
    # (2 h 30) breaches at 11:30, the 12:00-13:00 gap (1 h) is met, and the gap
    # open since 13:00 has used 1 h at 14:00, due at 15:00.
    sla = SLA(name="Updates", targets={"periodic_update": 2 * H})
    interaction = ticket(
        (K.AGENT_REPLIED, 30 * M),
        (K.CUSTOMER_REPLIED, H),
        (K.AGENT_REPLIED, 3 * H),
        (K.AGENT_REPLIED, 4 * H),
    )
    clock = only(sla, interaction, T0 + 5 * H)
    assert clock.metric == "periodic_update"
    assert clock.state is ClockState.WARNING  # 1 h of 2 h: the 0.5 threshold
    assert clock.elapsed == H
    assert clock.due_at == T0 + 6 * H
    assert (clock.completed_cycles, clock.breached_cycles) == (2, 1)
    assert [(s.start, s.end, s.cycle) for s in clock.segments] == [
        (T0 + 30 * M, T0 + 3 * H, 0),
        (T0 + 3 * H, T0 + 4 * H, 1),
        (T0 + 4 * H, T0 + 5 * H, 2),
    ]


# One timeline for the three status-based metrics: open 09:00-10:00, waiting on
# the customer 10:00-12:00, open 12:00-13:00, on hold (a third party)
# 13:00-15:00, open 15:00-16:00, solved at 16:00.
STATUSES = (
    (K.WAITING_ON_CUSTOMER, H),
    (K.CUSTOMER_REPLIED, 3 * H),
    (K.WAITING_ON_THIRD_PARTY, 4 * H),
    (K.RESUMED, 6 * H),
    (K.RESOLVED, 7 * H),
)


def test_requester_wait_time_follows_zendesk() -> None:
    # Zendesk, "requester wait time": the combined time in New, Open and On-hold;
    # Pending (waiting on the customer) does not count: 1 h + 1 h + 2 h + 1 h = 5 h.
    sla = SLA(name="Wait", targets={"requester_wait_time": 8 * H})
    clock = only(sla, ticket(*STATUSES), T0 + 9 * H)
    assert (clock.state, clock.elapsed) == (ClockState.MET, 5 * H)
    assert [(s.start.hour, s.end.hour, s.running) for s in clock.segments] == [
        (9, 10, True),
        (10, 12, False),
        (12, 16, True),
    ]


def test_agent_work_time_follows_zendesk() -> None:
    # Zendesk, "agent work time": the combined time in New and Open only:
    # 1 h + 1 h + 1 h = 3 h.
    sla = SLA(name="Work", targets={"agent_work_time": 8 * H})
    clock = only(sla, ticket(*STATUSES), T0 + 9 * H)
    assert (clock.state, clock.elapsed) == (ClockState.MET, 3 * H)


def test_resolution_paused_only_on_the_customer() -> None:
    # Jira Service Management lets each SLA name its own pause conditions: a
    # resolution clock paused by "waiting for customer" only runs on through
    # the third party's 2 h: 1 h + 1 h + 2 h + 1 h = 5 h.
    from csroles.sla.definitions import RESOLUTION

    customer_only = attrs.evolve(RESOLUTION, pause=[ClockCondition(kind=K.WAITING_ON_CUSTOMER)])
    sla = SLA(
        name="Strict",
        targets={Metric.RESOLUTION_TIME: 8 * H},
        definitions=[customer_only],
    )
    clock = only(sla, ticket(*STATUSES), T0 + 9 * H)
    assert clock.metric is Metric.RESOLUTION_TIME
    assert clock.elapsed == 5 * H
    default = only(attrs.evolve(sla, definitions=()), ticket(*STATUSES), T0 + 9 * H)
    assert default.elapsed == 3 * H  # the preset pauses for both waits


def test_time_to_assign() -> None:
    # A custom metric as Jira Service Management configures one (start: issue
    # created; stop: assignee set): opened 09:00, assigned 09:45, target 30 min:
    # breached at 09:30, stopped at 45 min.
    sla = SLA(name="Triage", targets={"time_to_assign": 30 * M})
    interaction = ticket((K.ASSIGNED, 45 * M, {"assignee": "agent-1"}))
    clock = only(sla, interaction, T0 + H)
    assert clock.state is ClockState.BREACHED
    assert (clock.elapsed, clock.breached_at) == (45 * M, T0 + 30 * M)
    assert clock.completed_cycles == 1
    assert clock.warning_at == T0 + 15 * M  # half of 30 min


def test_first_and_next_response_presets_are_the_original_rules() -> None:
    # Zendesk, "first reply time": from the ticket's creation to the first public
    # agent comment; "next reply time": from the oldest unanswered customer
    # comment to the next public agent comment. The first reply at 09:20 stops
    # first response (20 min); the customer's reply at 10:00 starts a
    # next-response cycle, 1 h used of 2 h at 11:00.
    sla = SLA(
        name="Replies",
        targets={Metric.FIRST_RESPONSE_TIME: H, Metric.NEXT_RESPONSE_TIME: 2 * H},
    )
    interaction = ticket((K.AGENT_REPLIED, 20 * M), (K.CUSTOMER_REPLIED, H))
    first, following = sla_status(sla, interaction, T0 + 2 * H)
    assert (first.state, first.elapsed) == (ClockState.MET, 20 * M)
    assert (following.state, following.elapsed) == (ClockState.WARNING, H)
    assert following.segments[0].start == T0 + H


def test_clocks_built_by_hand_have_no_history() -> None:
    clock = SLAClock(metric="periodic_update", target=H, elapsed=M, state=ClockState.PAUSED)
    assert clock.segments == ()
    assert clock.warning_at is None


# ------------------------------------------------------------------ bad configurations


@pytest.mark.parametrize(
    ("build", "pattern"),
    [
        (
            lambda: ClockCondition(kind="replied"),  # type: ignore[arg-type]
            r"ClockCondition\.kind: 'replied', expected an EventKind",
        ),
        (
            lambda: ClockCondition(to_status="nonsense"),  # type: ignore[arg-type]
            r"ClockCondition\.to_status: 'nonsense', expected a Status",
        ),
        (
            ClockCondition,
            r"ClockCondition\.kind: None, expected an EventKind, or a to_status",
        ),
        (
            lambda: ClockCondition(kind=K.RESOLVED, to_status=Status.OPEN),
            r"ClockCondition\.to_status: .*, expected a status that a 'resolved' event can lead to",
        ),
        (
            lambda: ClockCondition(kind=K.OPENED, first_since=K.AGENT_REPLIED),
            r"ClockCondition\.first_since: .*, expected None for an 'opened' condition",
        ),
        (
            lambda: ClockCondition(kind=K.AGENT_REPLIED, first_since=K.AGENT_REPLIED),
            r"ClockCondition\.first_since: .*, expected a kind other than 'agent_replied'",
        ),
        (
            lambda: ClockCondition(to_status=Status.OPEN, first_since=K.AGENT_REPLIED),
            r"ClockCondition\.first_since: .*, expected None when kind is None",
        ),
        (
            lambda: MetricDefinition(name="never", start=[]),
            r"MetricDefinition\.start: \(\), expected at least one ClockCondition",
        ),
        (
            lambda: MetricDefinition(name="odd", start=["opened"]),
            r"MetricDefinition\.start\[0\]: 'opened', expected a ClockCondition",
        ),
        (
            lambda: MetricDefinition(
                name="same",
                start=[ClockCondition(kind=K.AGENT_REPLIED)],
                stop=[ClockCondition(kind=K.AGENT_REPLIED)],
                cycles=True,
            ),
            r"MetricDefinition\.stop: .*, expected conditions other than the start ones",
        ),
        (
            lambda: MetricDefinition(
                name="overlap",
                start=[ClockCondition(kind=K.AGENT_REPLIED)],
                stop=[ClockCondition(kind=K.RESOLVED), ClockCondition(kind=K.AGENT_REPLIED)],
            ),
            r"MetricDefinition\.stop\[1\]: .*, expected a condition that is not also a start",
        ),
        (
            lambda: MetricDefinition(
                name="stuck",
                start=[ClockCondition(kind=K.OPENED)],
                pause=[ClockCondition(kind=K.WAITING_ON_CUSTOMER)],
            ),
            r"MetricDefinition\.resume: \(\), expected at least one ClockCondition for a metric that pauses",
        ),
        (
            lambda: MetricDefinition(name="csat", start=[ClockCondition(kind=K.OPENED)]),
            r"MetricDefinition\.name: 'csat', expected a name that is not a metric without a clock",
        ),
        (
            lambda: MetricDefinition(name="Time To Go", start=[ClockCondition(kind=K.OPENED)]),
            r"MetricDefinition\.name: 'Time To Go', expected a snake_case key",
        ),
        (
            lambda: MetricDefinition(name="flag", start=[ClockCondition(kind=K.OPENED)], cycles=1),  # type: ignore[arg-type]
            r"MetricDefinition\.cycles: 1, expected True or False",
        ),
        (
            lambda: SLA(name="S", targets={3: H}),
            r"SLA\.targets: 3, expected a metric with a clock",
        ),
        (
            lambda: SLA(name="S", targets={"time_to_lunch": H}),
            r"SLA\.targets: 'time_to_lunch', expected a preset",
        ),
        (
            lambda: SLA(
                name="S",
                targets={"own": H},
                definitions=[
                    MetricDefinition(name="own", start=[ClockCondition(kind=K.OPENED)]),
                    MetricDefinition(name="own", start=[ClockCondition(kind=K.ASSIGNED)]),
                ],
            ),
            r"SLA\.definitions\[1\]\.name: 'own', expected a name no other definition",
        ),
        (
            lambda: SLA(name="S", targets={"own": H}, definitions=["own"]),  # type: ignore[list-item]
            r"SLA\.definitions\[0\]: 'own', expected a MetricDefinition",
        ),
        (
            lambda: SLA(name="S", targets={Metric.RESOLUTION_TIME: H}, group_calendars={"it": 3}),  # type: ignore[dict-item]
            r"SLA\.group_calendars\['it'\]: 3, expected a BusinessCalendar",
        ),
        (
            lambda: SLA(name="S", targets={Metric.RESOLUTION_TIME: H}, group_calendars=[1]),  # type: ignore[arg-type]
            r"SLA\.group_calendars: \[1\], expected a mapping from a group name",
        ),
        (
            lambda: SLAClock(metric="Wait Time", target=H, elapsed=M, state=ClockState.PAUSED),
            r"SLAClock\.metric: 'Wait Time', expected a metric with a clock",
        ),
    ],
)
def test_bad_configurations_are_refused(build: Callable[[], object], pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        build()


@pytest.mark.parametrize(
    ("fields", "pattern"),
    [
        ({"start": T0, "end": T0}, r"ClockSegment\.end: .*, expected an instant after start"),
        ({"start": "09:00", "end": T0}, r"ClockSegment\.start: '09:00', expected"),
        ({"running": 1}, r"ClockSegment\.running: 1, expected True or False"),
        ({"cycle": -1}, r"ClockSegment\.cycle: -1, expected an integer of zero or more"),
    ],
)
def test_bad_segments_are_refused(fields: dict[str, Any], pattern: str) -> None:
    values: dict[str, Any] = {"start": T0, "end": T0 + H, "running": True, "cycle": 0}
    with pytest.raises(InvalidEntityError, match=pattern):
        ClockSegment(**(values | fields))


# ------------------------------------------------------------------ types and documents

CONV = make_converter()


@pytest.mark.parametrize(
    "tp",
    [
        ClockCondition,
        MetricDefinition,
        ClockSegment,
        PolicyCondition,
        SLAPolicy,
        PolicySet,
        SLA,
        SLAClock,
    ],
)
def test_documents_round_trip(tp: type) -> None:
    @settings(max_examples=25)
    @given(st.from_type(tp))
    def round_trip(value: Any) -> None:
        doc = json.loads(json.dumps(CONV.unstructure(value)))
        assert CONV.structure(doc, tp) == value

    round_trip()


@given(definition=metric_definitions())
def test_an_sla_with_its_own_definitions_round_trips(definition: MetricDefinition) -> None:
    sla = SLA(name="Own", targets={definition.name: H}, definitions=[definition])
    doc = json.loads(json.dumps(CONV.unstructure(sla)))
    assert doc["targets"] == {definition.name: {p.value: "PT1H" for p in Priority}}
    back = CONV.structure(doc, SLA)
    assert back == sla
    assert back.definition(definition.name) == definition


def test_every_preset_is_a_valid_definition_with_its_key() -> None:
    assert list(PRESETS) == [
        "first_response_time",
        "next_response_time",
        "resolution_time",
        "periodic_update",
        "requester_wait_time",
        "agent_work_time",
        "time_to_assign",
    ]
    for name, definition in PRESETS.items():
        assert definition.name == name
        assert attrs.evolve(definition) == definition
    assert PRESETS["resolution_time"].key is Metric.RESOLUTION_TIME


def test_a_single_condition_is_a_tuple_of_one() -> None:
    opened = ClockCondition(kind=K.OPENED)
    definition = MetricDefinition(name="alone", start=opened)
    assert definition.start == (opened,)


@given(
    threshold=st.floats(min_value=0, max_value=1, exclude_min=True, exclude_max=True),
    target=st.integers(1, 2000),
)
def test_the_warning_threshold_is_reached_at_the_least_elapsed_time(
    threshold: float, target: int
) -> None:
    from csroles.sla.clocks import _reach

    least = next(e for e in range(1, target + 1) if e / target >= threshold)
    assert _reach(threshold, target) == least
