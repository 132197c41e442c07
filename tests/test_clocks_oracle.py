"""sla_status against a brute-force replay of the clock rules.

The oracle below is written from the rules as the docs state them, not from
the engine: it steps through time one unit of a coarse grid at a time (events,
targets and the calendar's boundaries all fall on whole units), derives which
clocks run from the interaction's status, and decides breaches with the
*overdue* predicate: a clock is overdue at an instant at which it runs with its
elapsed time at or above the target, and at an instant at which its elapsed
time is above the target. The breach instant is the first overdue instant.
Nothing here computes a deadline the way the engine does (no "add business
time", no segment sums): it only counts open units.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import attrs
from hypothesis import given
from hypothesis import strategies as st

from csroles import Channel, Direction, EventKind, Metric, Priority, Topic
from csroles.customers import Customer
from csroles.interactions import TRANSITIONS, Event, Interaction, Status, SurveyScale
from csroles.sla import BusinessCalendar
from csroles.sla.clocks import ClockState, SLAClock, sla_status
from csroles.sla.policy import SLA, PriorityChangePolicy, ReopenPolicy, ZonePolicy

K = EventKind
FRT, NRT, RT = Metric.FIRST_RESPONSE_TIME, Metric.NEXT_RESPONSE_TIME, Metric.RESOLUTION_TIME
UNIT = timedelta(minutes=15)  # the grid: events, targets and calendar boundaries
T0 = datetime(2026, 3, 27, 8, 0, tzinfo=UTC)  # a Friday, two days before Europe's DST change
EVENT_ZONES = [UTC, ZoneInfo("Europe/Rome"), ZoneInfo("Asia/Kathmandu"), ZoneInfo("America/Havana")]

# ------------------------------------------------------------------ generated timelines

SKIPPED = {K.TRANSFERRED}  # needs bookkeeping of assignees; 'assigned' and 'escalated' suffice


@st.composite
def timelines(
    draw: st.DrawFn,
    *,
    max_events: int = 14,
    max_gap: int = 10,
    anchors: tuple[datetime, ...] = (T0,),
    spread: int = 200,
) -> Interaction:
    """A valid interaction on the grid: a random walk through the lifecycle table."""
    priority = draw(st.sampled_from(list(Priority)))
    opened = draw(st.sampled_from(anchors)) + UNIT * draw(st.integers(-spread, spread))
    zone = draw(st.sampled_from(EVENT_ZONES))
    events = [Event(kind=K.OPENED, at=opened.astimezone(zone))]
    status, current, k = Status.OPEN, priority, 0
    for index in range(draw(st.integers(0, max_events))):
        kinds = sorted(kind for kind in TRANSITIONS[status] if kind not in SKIPPED)
        kind = draw(st.sampled_from(kinds))
        k += draw(st.one_of(st.integers(0, max_gap), st.integers(0, 12 * max_gap)))
        data: dict[str, object] = {}
        if kind is K.PRIORITY_CHANGED:
            current = draw(st.sampled_from([p for p in Priority if p is not current]))
            data["priority"] = current
        elif kind in (K.ASSIGNED, K.ESCALATED):
            data["assignee"] = f"agent-{index}"
        elif kind is K.SURVEY_ANSWERED:
            data = {"scale": SurveyScale.CSAT, "score": 4}
        events.append(Event(kind=kind, at=(opened + UNIT * k).astimezone(zone), **data))  # type: ignore[arg-type]
        status = TRANSITIONS[status][kind]
    return Interaction(
        id="T-1",
        customer_id="C-1",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.QUESTION,
        priority=priority,
        events=events,
    )


NO_CALENDAR: st.SearchStrategy[BusinessCalendar | None] = st.none()


@st.composite
def grid_slas(
    draw: st.DrawFn,
    *,
    max_units: int = 16,
    calendars: st.SearchStrategy[BusinessCalendar | None] = NO_CALENDAR,
) -> SLA:
    metrics = draw(st.lists(st.sampled_from([FRT, NRT, RT]), min_size=1, max_size=3, unique=True))
    targets = {
        metric: {p: UNIT * draw(st.integers(1, max_units)) for p in Priority} for metric in metrics
    }
    thresholds = draw(st.sampled_from([(0.5, 0.75), (), (0.25,), (0.5, 0.75, 0.9)]))
    return SLA(
        name="grid",
        targets=targets,
        warning_thresholds=thresholds,
        on_priority_change=draw(st.sampled_from(list(PriorityChangePolicy))),
        on_reopen=draw(st.sampled_from(list(ReopenPolicy))),
        calendar=draw(calendars),
        zone=draw(st.sampled_from(list(ZonePolicy))),
    )


# ------------------------------------------------------------------ the oracle


@dataclass
class Cycle:
    target: int  # units
    elapsed: int = 0
    running: bool = True
    stopped: bool = False
    breached_at: int | None = None  # unit index


@dataclass
class MetricModel:
    targets: dict[Priority, int]
    cycles: list[Cycle] = field(default_factory=list)

    @property
    def current(self) -> Cycle | None:
        if self.cycles and not self.cycles[-1].stopped:
            return self.cycles[-1]
        return None


def oracle(  # noqa: PLR0912, PLR0915
    sla: SLA, interaction: Interaction, now_k: int, open_at: Callable[[datetime], bool]
) -> dict[Metric, dict[str, object]]:
    """The clocks at unit index ``now_k`` (index 0 is the opening instant)."""
    opened = interaction.events[0].at
    instant: dict[int, list[Event]] = {}  # unit index -> events at it, in timeline order
    for event in interaction.events:
        k = round((event.at - opened) / UNIT)
        assert opened + UNIT * k == event.at
        instant.setdefault(k, []).append(event)
    models = {
        m: MetricModel({p: round(sla.targets[m][p] / UNIT) for p in Priority}) for m in sla.targets
    }
    from_start = sla.on_priority_change is PriorityChangePolicy.FROM_START
    status = Status.OPEN
    priority = interaction.priority
    last_reply: EventKind | None = None

    def start(metric: Metric) -> None:
        if metric in models:
            models[metric].cycles.append(Cycle(target=models[metric].targets[priority]))

    def stop(metric: Metric) -> None:
        if metric in models and (cycle := models[metric].current) is not None:
            cycle.stopped, cycle.running = True, False

    def overdue(at: int, *, final: bool) -> None:
        for model in models.values():
            cycle = model.current
            if cycle is None or cycle.breached_at is not None:
                continue
            if cycle.elapsed > cycle.target or (
                final and cycle.running and cycle.elapsed >= cycle.target
            ):
                cycle.breached_at = at

    for k in range(now_k + 1):
        for event in instant.get(k, []):
            kind = event.kind
            new_status = Status.OPEN if kind is K.OPENED else TRANSITIONS[status][kind]
            if kind is K.OPENED:
                start(FRT)
                start(RT)
            elif kind is K.AGENT_REPLIED:
                stop(FRT)
                stop(NRT)
                last_reply = kind
            elif kind is K.CUSTOMER_REPLIED:
                if last_reply is K.AGENT_REPLIED and NRT in models and models[NRT].current is None:
                    start(NRT)
                last_reply = kind
            elif kind is K.PRIORITY_CHANGED:
                priority = event.priority  # type: ignore[assignment]
                for model in models.values():
                    cycle = model.current
                    if cycle is not None:
                        cycle.target = model.targets[priority]
                        if not from_start:
                            cycle.elapsed = 0
            elif kind in (K.RESOLVED, K.CLOSED) and status not in (Status.RESOLVED, Status.CLOSED):
                stop(FRT)
                stop(NRT)
                stop(RT)
            elif kind is K.REOPENED and RT in models:
                if sla.on_reopen is ReopenPolicy.CONTINUE:
                    models[RT].cycles[-1].stopped = False
                else:
                    start(RT)
            status = new_status
            if RT in models and (cycle := models[RT].current) is not None:
                cycle.running = status is Status.OPEN
            overdue(k, final=False)
        if k == now_k:
            break  # the clocks do not run on past now: nothing is known beyond it
        overdue(k, final=True)  # it runs on from k, through [k, k + 1)
        opened_unit = open_at(opened + UNIT * k)
        for model in models.values():
            cycle = model.current
            if cycle is not None and cycle.running and opened_unit:
                cycle.elapsed += 1

    result: dict[Metric, dict[str, object]] = {}
    for metric, model in models.items():
        if not model.cycles:
            continue
        cycle = model.cycles[-1]
        state: ClockState
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
        result[metric] = {
            "target": cycle.target,
            "elapsed": cycle.elapsed,
            "state": state,
            "due_at": due,
            "breached_at": cycle.breached_at,
            "completed_cycles": sum(1 for c in model.cycles if c.stopped),
            "breached_cycles": sum(1 for c in model.cycles if c.breached_at is not None),
            "warning_level": level,
        }
    return result


def as_grid(clock: SLAClock, opened: datetime) -> dict[str, object]:
    def index(at: datetime | None) -> int | None:
        if at is None:
            return None
        k = round((at - opened) / UNIT)
        assert opened + UNIT * k == at, at
        return k

    return {
        "target": round(clock.target / UNIT),
        "elapsed": round(clock.elapsed / UNIT),
        "state": clock.state,
        "due_at": index(clock.due_at),
        "breached_at": index(clock.breached_at),
        "completed_cycles": clock.completed_cycles,
        "breached_cycles": clock.breached_cycles,
        "warning_level": clock.warning_level,
    }


def check(
    sla: SLA,
    interaction: Interaction,
    now_k: int,
    open_at: Callable[[datetime], bool],
    customer: Customer | None = None,
    *,
    at_due: bool = True,
) -> None:
    """Compare at ``now_k``; then again exactly at each running clock's due instant."""
    opened = interaction.events[0].at
    now = opened + UNIT * now_k
    clocks = sla_status(sla, interaction, now, customer=customer)
    assert all(attrs.evolve(clock) == clock for clock in clocks)  # they pass every check
    got = {clock.metric: as_grid(clock, opened) for clock in clocks}
    expected = oracle(sla, interaction, now_k, open_at)
    assert [c.metric for c in clocks] == [m for m in (FRT, NRT, RT) if m in expected]
    assert got == expected
    if at_due:
        dues = {g["due_at"] for g in got.values() if g["state"] is not ClockState.BREACHED}
        for due in sorted(d for d in dues if isinstance(d, int) and d > now_k):
            check(sla, interaction, due, open_at, customer, at_due=False)


# ------------------------------------------------------------------ calendar hours


@given(sla=grid_slas(), interaction=timelines(), extra=st.integers(-40, 40))
def test_calendar_hours_match_the_oracle(sla: SLA, interaction: Interaction, extra: int) -> None:
    last = round((interaction.events[-1].at - interaction.events[0].at) / UNIT)
    now_k = max(0, last + extra)
    check(sla, interaction, now_k, lambda _at: True)


# ------------------------------------------------------------------ business calendars

WEEKDAYS = range(5)
CALENDARS = [
    # office hours with a lunch break and a holiday, across Europe's spring change
    BusinessCalendar(
        timezone="Europe/Rome",
        hours={d: [(time(9), time(13)), (time(14), time(18))] for d in WEEKDAYS},
        holidays={date(2026, 3, 30), date(2026, 10, 26)},
    ),
    # a day shift and a night shift that runs into the next day
    BusinessCalendar(
        timezone="America/New_York",
        hours={d: [(time(8), time(16, 30)), (time(22), time(6))] for d in WEEKDAYS},
    ),
    # a 45-minute offset and a Sunday-to-Thursday week
    BusinessCalendar(
        timezone="Asia/Kathmandu",
        hours={d: [(time(10), time(17, 15))] for d in (6, 0, 1, 2, 3)},
    ),
    # whole days, with a 30-minute DST shift
    BusinessCalendar(
        timezone="Australia/Lord_Howe",
        hours={d: [(time(0), time(0))] for d in WEEKDAYS},
        holidays={date(2026, 10, 5)},
    ),
]
ANCHORS = (
    datetime(2026, 3, 27, 8, 0, tzinfo=UTC),  # Friday before Europe's spring change
    datetime(2026, 3, 6, 20, 0, tzinfo=UTC),  # New York's spring change on the 8th
    datetime(2026, 10, 30, 12, 0, tzinfo=UTC),  # New York's and Europe's autumn changes
    datetime(2026, 10, 2, 9, 0, tzinfo=UTC),  # Lord Howe's spring change on the 4th
    datetime(2026, 4, 3, 9, 0, tzinfo=UTC),  # Lord Howe's autumn change on the 5th
)
CUSTOMER_ZONES = [None, "Asia/Tokyo", "America/Havana", "Pacific/Chatham"]


@given(
    sla=grid_slas(max_units=40, calendars=st.sampled_from(CALENDARS)),
    interaction=timelines(max_gap=24, anchors=ANCHORS, spread=100),
    zone=st.sampled_from(CUSTOMER_ZONES),
    extra=st.integers(-40, 200),
)
def test_business_hours_match_the_oracle(
    sla: SLA, interaction: Interaction, zone: str | None, extra: int
) -> None:
    customer = Customer(id="C-1", name="Ada", timezone=zone)
    calendar = sla.calendar
    assert calendar is not None
    if zone is not None and sla.zone is ZonePolicy.CUSTOMER:
        calendar = calendar.with_timezone(zone)
    last = round((interaction.events[-1].at - interaction.events[0].at) / UNIT)
    check(sla, interaction, max(0, last + extra), calendar.is_open, customer)


def office_hours(at: datetime) -> bool:
    """Monday to Friday, 09:00 to 17:00 in New York, written out by hand."""
    local = at.astimezone(ZoneInfo("America/New_York"))
    return local.weekday() < 5 and 9 <= local.hour < 17


@given(
    sla=grid_slas(
        max_units=40,
        calendars=st.just(
            BusinessCalendar(
                timezone="America/New_York",
                hours={d: [(time(9), time(17))] for d in WEEKDAYS},
            )
        ),
    ),
    interaction=timelines(max_gap=24, anchors=ANCHORS, spread=100),
    extra=st.integers(-40, 200),
)
def test_office_hours_match_a_handwritten_calendar(
    sla: SLA, interaction: Interaction, extra: int
) -> None:
    last = round((interaction.events[-1].at - interaction.events[0].at) / UNIT)
    check(sla, interaction, max(0, last + extra), office_hours)
