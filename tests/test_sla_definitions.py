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

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from csroles import EventKind, Priority
from csroles.interactions import TRANSITIONS, Event, Interaction, Status
from csroles.sla import (
    PRESETS,
    SLA,
    ClockCondition,
    ClockState,
    MetricDefinition,
    PriorityChangePolicy,
    ReopenPolicy,
    SLAClock,
    sla_status,
)
from csroles.strategies import metric_definitions
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
