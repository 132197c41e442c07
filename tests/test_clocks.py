"""SLA clocks: the documented cases, properties, and bad input."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    CalendarError,
    Channel,
    Direction,
    EventKind,
    InvalidEntityError,
    Metric,
    Priority,
    Topic,
)
from csroles.customers import Customer
from csroles.interactions import Event, Interaction
from csroles.sla import BusinessCalendar
from csroles.sla.clocks import ClockState, SLAClock, sla_status, sla_statuses
from csroles.sla.policy import SLA, PriorityChangePolicy, ReopenPolicy, ZonePolicy
from tests.test_clocks_oracle import ANCHORS, CALENDARS, CUSTOMER_ZONES, grid_slas, timelines

K = EventKind
S = ClockState
FRT, NRT, RT = Metric.FIRST_RESPONSE_TIME, Metric.NEXT_RESPONSE_TIME, Metric.RESOLUTION_TIME
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)  # a Monday
H = timedelta(hours=1)
M = timedelta(minutes=1)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def ev(kind: EventKind, minutes: float, **data: Any) -> Event:
    return Event(kind=kind, at=at(minutes), **data)


def ticket(*events: Event, priority: Priority = Priority.NORMAL) -> Interaction:
    return Interaction(
        id="T-1",
        customer_id="C-1",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.COMPLAINT,
        priority=priority,
        events=[Event(kind=K.OPENED, at=T0), *events],
    )


def by_metric(clocks: tuple[SLAClock, ...]) -> dict[str, SLAClock]:
    return {clock.metric: clock for clock in clocks}


def sla(**fields: Any) -> SLA:
    fields.setdefault(
        "targets",
        {
            FRT: {
                Priority.LOW: 8 * H,
                Priority.NORMAL: 4 * H,
                Priority.HIGH: H,
                Priority.URGENT: 15 * M,
            },
            NRT: 2 * H,
            RT: {
                Priority.LOW: 40 * H,
                Priority.NORMAL: 24 * H,
                Priority.HIGH: 8 * H,
                Priority.URGENT: 4 * H,
            },
        },
    )
    return SLA(name="Standard", **fields)


# ------------------------------------------------------------------ first response


def test_first_response_met_in_time() -> None:
    clocks = by_metric(sla_status(sla(), ticket(ev(K.AGENT_REPLIED, 30)), at(600)))
    clock = clocks[FRT]
    assert clock.state is S.MET
    assert clock.elapsed == 30 * M
    assert clock.due_at is None
    assert clock.breached_at is None
    assert clock.completed_cycles == 1
    assert clock.breached_cycles == 0


def test_first_response_running_warns_at_each_threshold() -> None:
    states = [
        (by_metric(sla_status(sla(), ticket(), at(minutes)))[FRT]) for minutes in (60, 120, 180)
    ]
    assert [c.state for c in states] == [S.RUNNING, S.WARNING, S.WARNING]
    assert [c.warning_level for c in states] == [0, 1, 2]
    assert [c.due_at for c in states] == [at(240)] * 3
    assert [c.remaining for c in states] == [3 * H, 2 * H, H]


def test_a_target_met_late_is_breached() -> None:
    clock = by_metric(sla_status(sla(), ticket(ev(K.AGENT_REPLIED, 241)), at(600)))[FRT]
    assert clock.state is S.BREACHED
    assert clock.breached_at == at(240)
    assert clock.due_at is None  # stopped
    assert clock.elapsed == 241 * M
    assert clock.remaining == -M
    assert clock.completed_cycles == clock.breached_cycles == 1


def test_a_reply_exactly_at_the_deadline_meets_it() -> None:
    clock = by_metric(sla_status(sla(), ticket(ev(K.AGENT_REPLIED, 240)), at(600)))[FRT]
    assert clock.state is S.MET
    assert clock.fraction_used == 1.0


def test_a_running_clock_at_its_deadline_is_not_yet_breached() -> None:
    clock = by_metric(sla_status(sla(), ticket(), at(240)))[FRT]
    assert clock.state is S.WARNING
    assert clock.due_at == at(240)
    later = by_metric(sla_status(sla(), ticket(), at(240) + timedelta(microseconds=1)))[FRT]
    assert later.state is S.BREACHED
    assert later.breached_at == later.due_at == at(240)


def test_first_response_is_never_paused() -> None:
    events = (ev(K.WAITING_ON_CUSTOMER, 10), ev(K.CUSTOMER_REPLIED, 100))
    clock = by_metric(sla_status(sla(), ticket(*events), at(110)))[FRT]
    assert clock.state is S.RUNNING
    assert clock.elapsed == 110 * M


def test_resolving_without_a_reply_stops_the_response_clock() -> None:
    clocks = by_metric(sla_status(sla(), ticket(ev(K.RESOLVED, 50)), at(600)))
    assert clocks[FRT].state is S.MET
    assert clocks[FRT].elapsed == 50 * M
    assert NRT not in clocks


# ------------------------------------------------------------------ next response


def test_next_response_cycles() -> None:
    events = (
        ev(K.AGENT_REPLIED, 10),
        ev(K.CUSTOMER_REPLIED, 20),  # cycle 1 starts
        ev(K.CUSTOMER_REPLIED, 25),  # still cycle 1
        ev(K.AGENT_REPLIED, 200),  # cycle 1 stops, 180 minutes: breached (2 h target)
        ev(K.CUSTOMER_REPLIED, 300),  # cycle 2 starts
        ev(K.AGENT_REPLIED, 330),  # met
        ev(K.CUSTOMER_REPLIED, 400),  # cycle 3 starts
    )
    clocks = by_metric(sla_status(sla(), ticket(*events), at(430)))
    clock = clocks[NRT]
    assert clock.state is S.RUNNING
    assert clock.elapsed == 30 * M
    assert clock.due_at == at(520)
    assert clock.completed_cycles == 2
    assert clock.breached_cycles == 1
    assert clock.breached_at is None  # the latest cycle is on time
    stopped = by_metric(sla_status(sla(), ticket(*events[:4]), at(250)))[NRT]
    assert stopped.state is S.BREACHED
    assert stopped.breached_at == at(140)


def test_no_next_response_clock_before_a_customer_answers_an_agent() -> None:
    events = (ev(K.CUSTOMER_REPLIED, 5), ev(K.AGENT_REPLIED, 10))
    assert NRT not in by_metric(sla_status(sla(), ticket(*events), at(60)))


def test_resolution_stops_a_pending_next_response() -> None:
    events = (ev(K.AGENT_REPLIED, 10), ev(K.CUSTOMER_REPLIED, 20), ev(K.RESOLVED, 50))
    clock = by_metric(sla_status(sla(), ticket(*events), at(600)))[NRT]
    assert clock.state is S.MET
    assert clock.elapsed == 30 * M


# ------------------------------------------------------------------ resolution and pauses


def test_resolution_pauses_while_waiting() -> None:
    events = (
        ev(K.AGENT_REPLIED, 10),
        ev(K.WAITING_ON_CUSTOMER, 60),
        ev(K.AGENT_REPLIED, 70),  # an agent reply does not resume
        ev(K.CUSTOMER_REPLIED, 180),  # the customer's answer does
        ev(K.WAITING_ON_THIRD_PARTY, 240),
        ev(K.CUSTOMER_REPLIED, 300),  # does not end a wait on a third party
        ev(K.RESUMED, 420),
    )
    paused = by_metric(sla_status(sla(), ticket(*events[:2]), at(100)))[RT]
    assert paused.state is S.PAUSED
    assert paused.elapsed == 60 * M
    assert paused.due_at is None
    clock = by_metric(sla_status(sla(), ticket(*events), at(480)))[RT]
    assert clock.state is S.RUNNING
    assert clock.elapsed == (60 + 60 + 60) * M
    assert clock.due_at == at(480) + 24 * H - 180 * M


def test_a_breach_stays_through_a_pause() -> None:
    events = (ev(K.WAITING_ON_CUSTOMER, 25 * 60),)
    clock = by_metric(sla_status(sla(), ticket(*events), at(30 * 60)))[RT]
    assert clock.state is S.BREACHED
    assert clock.breached_at == at(24 * 60)
    assert clock.due_at is None  # paused


def test_a_clock_paused_exactly_at_its_deadline_breaches_when_it_runs_again() -> None:
    events = (ev(K.WAITING_ON_THIRD_PARTY, 24 * 60),)
    paused = by_metric(sla_status(sla(), ticket(*events), at(30 * 60)))[RT]
    assert paused.state is S.PAUSED
    assert paused.remaining == timedelta(0)
    resumed = ticket(*events, ev(K.RESUMED, 31 * 60))
    clock = by_metric(sla_status(sla(), resumed, at(31 * 60)))[RT]
    assert clock.state is S.WARNING
    assert clock.due_at == at(31 * 60)
    clock = by_metric(sla_status(sla(), resumed, at(32 * 60)))[RT]
    assert clock.state is S.BREACHED
    assert clock.breached_at == at(31 * 60)
    solved = ticket(*events, ev(K.RESUMED, 31 * 60), ev(K.RESOLVED, 31 * 60))
    assert by_metric(sla_status(sla(), solved, at(32 * 60)))[RT].state is S.MET


# ------------------------------------------------------------------ priority changes


def raised(minutes: float, to: Priority = Priority.HIGH) -> Event:
    return ev(K.PRIORITY_CHANGED, minutes, priority=to)


def test_priority_change_from_start_keeps_the_elapsed_time() -> None:
    # normal: 4 h first response; high: 1 h. Raised after 30 minutes: due 1 h after opening.
    clock = by_metric(sla_status(sla(), ticket(raised(30)), at(40)))[FRT]
    assert clock.target == H
    assert clock.elapsed == 40 * M
    assert clock.due_at == at(60)


def test_priority_change_from_start_can_breach_at_once() -> None:
    clock = by_metric(sla_status(sla(), ticket(raised(90)), at(100)))[FRT]
    assert clock.state is S.BREACHED
    assert clock.breached_at == at(90)  # the change, not a deadline before it
    assert clock.elapsed == 100 * M


def test_priority_change_from_change_restarts_the_budget() -> None:
    policy = sla(on_priority_change=PriorityChangePolicy.FROM_CHANGE)
    clock = by_metric(sla_status(policy, ticket(raised(90)), at(100)))[FRT]
    assert clock.state is S.RUNNING
    assert clock.target == H
    assert clock.elapsed == 10 * M
    assert clock.due_at == at(150)


def test_priority_change_from_change_keeps_an_earlier_breach() -> None:
    policy = sla(on_priority_change=PriorityChangePolicy.FROM_CHANGE)
    lowered = ticket(raised(300, to=Priority.LOW), priority=Priority.NORMAL)
    clock = by_metric(sla_status(policy, lowered, at(310)))[FRT]
    assert clock.state is S.BREACHED
    assert clock.breached_at == at(240)
    assert clock.target == 8 * H
    assert clock.elapsed == 10 * M


def test_a_lower_priority_gives_more_time_from_start() -> None:
    lowered = ticket(raised(100, to=Priority.LOW))
    clock = by_metric(sla_status(sla(), lowered, at(300)))[FRT]
    assert clock.state is S.WARNING  # 5 h of 8 h
    assert clock.warning_level == 1
    assert clock.due_at == at(480)


def test_priority_change_while_paused() -> None:
    # 8 h of resolution time used, then paused; raised to urgent (4 h): over the target.
    events = (ev(K.WAITING_ON_CUSTOMER, 8 * 60), raised(9 * 60, to=Priority.URGENT))
    clock = by_metric(sla_status(sla(), ticket(*events), at(10 * 60)))[RT]
    assert clock.state is S.BREACHED
    assert clock.breached_at == at(9 * 60)
    # Exactly at the new target while paused: not overdue until it runs again.
    events = (ev(K.WAITING_ON_CUSTOMER, 8 * 60), raised(9 * 60, to=Priority.HIGH))
    clock = by_metric(sla_status(sla(), ticket(*events), at(10 * 60)))[RT]
    assert clock.state is S.PAUSED
    assert clock.remaining == timedelta(0)
    resumed = ticket(*events, ev(K.CUSTOMER_REPLIED, 11 * 60))
    clock = by_metric(sla_status(sla(), resumed, at(12 * 60)))[RT]
    assert clock.state is S.BREACHED
    assert clock.breached_at == at(11 * 60)


# ------------------------------------------------------------------ reopening


def reopened_ticket() -> Interaction:
    return ticket(
        ev(K.AGENT_REPLIED, 10),
        ev(K.RESOLVED, 20 * 60),
        ev(K.CLOSED, 21 * 60),
        ev(K.REOPENED, 48 * 60),
    )


def test_reopen_continues_the_resolution_clock_by_default() -> None:
    clock = by_metric(sla_status(sla(), reopened_ticket(), at(50 * 60)))[RT]
    assert clock.elapsed == 22 * H
    assert clock.state is S.WARNING
    assert clock.completed_cycles == 0
    assert clock.due_at == at(52 * 60)
    later = by_metric(sla_status(sla(), reopened_ticket(), at(53 * 60)))[RT]
    assert later.state is S.BREACHED
    assert later.breached_at == at(52 * 60)


def test_reopen_can_start_a_new_cycle() -> None:
    policy = sla(on_reopen=ReopenPolicy.NEW_CYCLE)
    clock = by_metric(sla_status(policy, reopened_ticket(), at(50 * 60)))[RT]
    assert clock.elapsed == 2 * H
    assert clock.state is S.RUNNING
    assert clock.completed_cycles == 1
    assert clock.due_at == at(72 * 60)


def test_resolved_clock_before_the_reopening() -> None:
    clock = by_metric(sla_status(sla(), reopened_ticket(), at(30 * 60)))[RT]
    assert clock.state is S.MET
    assert clock.completed_cycles == 1
    assert clock.elapsed == 20 * H


# ------------------------------------------------------------------ now and time zones


def test_events_after_now_are_ignored() -> None:
    events = (ev(K.AGENT_REPLIED, 30),)
    clock = by_metric(sla_status(sla(), ticket(*events), at(20)))[FRT]
    assert clock.state is S.RUNNING
    assert clock.elapsed == 20 * M


def test_now_at_the_opening() -> None:
    clock = by_metric(sla_status(sla(), ticket(), T0))[FRT]
    assert clock.elapsed == timedelta(0)
    assert clock.state is S.RUNNING


def test_now_may_be_in_any_zone_and_any_datetime_type() -> None:
    expected = sla_status(sla(), ticket(), at(90))
    rome = at(90).astimezone(ZoneInfo("Europe/Rome"))
    assert sla_status(sla(), ticket(), rome) == expected
    assert sla_status(sla(), ticket(), pendulum.instance(rome)) == expected
    assert sla_status(sla(), ticket(), at(90).astimezone(timezone(-5 * H))) == expected


def test_calendar_hours_report_in_utc_or_the_customers_zone() -> None:
    due = by_metric(sla_status(sla(), ticket(), at(10)))[FRT].due_at
    assert due is not None
    assert due.utcoffset() == timedelta(0)
    customer = Customer(id="C-1", name="Ada", timezone="Asia/Kathmandu")
    local = sla(zone=ZonePolicy.CUSTOMER)
    due = by_metric(sla_status(local, ticket(), at(10), customer=customer))[FRT].due_at
    assert due == at(240)
    assert due is not None
    assert due.utcoffset() == timedelta(hours=5, minutes=45)


# ------------------------------------------------------------------ business hours

ROME = ZoneInfo("Europe/Rome")
DESK = BusinessCalendar(
    timezone="Europe/Rome",
    hours={day: [(time(9), time(17))] for day in range(5)},
    holidays={date(2026, 6, 2)},
)


def rome(day: int, hour: int, minute: int = 0, month: int = 5) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=ROME)


def desk_ticket(*events: tuple[EventKind, datetime]) -> Interaction:
    return Interaction(
        id="T-9",
        customer_id="C-1",
        channel=Channel.CHAT,
        direction=Direction.INBOUND,
        topic=Topic.ORDER,
        priority=Priority.NORMAL,
        events=[Event(kind=kind, at=moment) for kind, moment in events],
    )


def test_a_deadline_at_closing_time() -> None:
    desk = sla(calendar=DESK)
    opened = (K.OPENED, rome(7, 13))  # Thursday
    clock = by_metric(sla_status(desk, desk_ticket(opened), rome(7, 16)))[FRT]
    assert clock.due_at == rome(7, 17)  # 17:00, not Friday 09:00
    assert clock.due_at is not None
    assert (clock.due_at.hour, clock.due_at.utcoffset()) == (17, 2 * H)  # Rome's wall clock
    at_closing = by_metric(sla_status(desk, desk_ticket(opened), rome(7, 17)))[FRT]
    assert at_closing.state is S.WARNING
    assert at_closing.due_at == rome(7, 17)
    assert at_closing.remaining == timedelta(0)
    evening = by_metric(sla_status(desk, desk_ticket(opened), rome(7, 20)))[FRT]
    assert evening.state is S.BREACHED
    assert evening.breached_at == rome(7, 17)
    assert evening.elapsed == 4 * H
    replied = desk_ticket(opened, (K.AGENT_REPLIED, rome(7, 17)))
    assert by_metric(sla_status(desk, replied, rome(8, 12)))[FRT].state is S.MET
    late = desk_ticket(opened, (K.AGENT_REPLIED, rome(7, 20)))
    clock = by_metric(sla_status(desk, late, rome(8, 12)))[FRT]
    assert clock.state is S.BREACHED
    assert clock.breached_at == rome(7, 17)


def test_a_pause_spanning_a_weekend() -> None:
    desk = sla(calendar=DESK)
    events = (
        (K.OPENED, rome(8, 9)),  # Friday
        (K.AGENT_REPLIED, rome(8, 9, 30)),
        (K.WAITING_ON_CUSTOMER, rome(8, 15)),
        (K.CUSTOMER_REPLIED, rome(11, 10)),  # Monday
    )
    weekend = by_metric(sla_status(desk, desk_ticket(*events), rome(10, 12)))[RT]
    assert weekend.state is S.PAUSED
    assert weekend.elapsed == 6 * H
    assert weekend.due_at is None
    monday = by_metric(sla_status(desk, desk_ticket(*events), rome(11, 12)))[RT]
    assert monday.elapsed == 8 * H
    assert monday.due_at == rome(13, 12)  # 24 h: Monday 12-17, Tuesday 9-17, Wednesday 9-12
    # Calendar hours count the weekend's pause out too, but not the nights.
    clock = by_metric(sla_status(sla(), desk_ticket(*events), rome(11, 12)))[RT]
    assert clock.elapsed == 6 * H + 2 * H


def test_a_clock_resumed_at_night_with_no_time_left_is_due_at_once() -> None:
    desk = sla(calendar=DESK)
    events = (
        (K.OPENED, rome(11, 9)),  # Monday
        (K.AGENT_REPLIED, rome(11, 9, 5)),
        (K.WAITING_ON_THIRD_PARTY, rome(13, 17)),  # 24 h used: Wednesday at closing
        (K.RESUMED, rome(13, 20)),
    )
    clock = by_metric(sla_status(desk, desk_ticket(*events), rome(13, 20)))[RT]
    assert clock.state is S.WARNING
    assert clock.due_at == rome(13, 20)
    clock = by_metric(sla_status(desk, desk_ticket(*events), rome(13, 21)))[RT]
    assert clock.state is S.BREACHED
    assert clock.breached_at == rome(13, 20)
    assert clock.elapsed == 24 * H


def test_the_same_hours_in_the_customers_zone() -> None:
    local = sla(calendar=DESK, zone=ZonePolicy.CUSTOMER)
    tokyo = Customer(id="C-1", name="Sato", timezone="Asia/Tokyo")
    opened = datetime(2026, 5, 11, 9, tzinfo=ZoneInfo("Asia/Tokyo"))
    events = ((K.OPENED, opened),)
    now = opened + H
    due = by_metric(sla_status(local, desk_ticket(*events), now, customer=tokyo))[FRT].due_at
    assert due == opened + 4 * H
    assert due is not None
    assert due.utcoffset() == 9 * H
    # The calendar's own zone: the desk opens at 09:00 in Rome, seven hours later.
    due = by_metric(sla_status(sla(calendar=DESK), desk_ticket(*events), now, customer=tokyo))[
        FRT
    ].due_at
    assert due == rome(11, 13)
    # No zone, or no customer: the calendar's zone.
    nowhere = Customer(id="C-1", name="Sato")
    assert sla_status(local, desk_ticket(*events), now, customer=nowhere) == sla_status(
        local, desk_ticket(*events), now
    )
    batch = sla_statuses(local, [desk_ticket(*events)], now, customers={"C-1": tokyo})
    assert batch == (sla_status(local, desk_ticket(*events), now, customer=tokyo),)


# ------------------------------------------------------------------ properties


@given(policy=grid_slas(), interaction=timelines(), data=st.data())
def test_a_breach_is_sticky(policy: SLA, interaction: Interaction, data: st.DataObject) -> None:
    """Once a clock has breached, a later now reports the same breach (until a new cycle)."""
    opened = interaction.opened_at
    end = interaction.last_event_at + 10 * H
    span = (end - opened) // M
    first = data.draw(st.integers(0, span))
    second = data.draw(st.integers(first, span))
    early = by_metric(sla_status(policy, interaction, opened + first * M))
    late = by_metric(sla_status(policy, interaction, opened + second * M))
    for metric, clock in early.items():
        after = late[metric]
        assert after.breached_cycles >= clock.breached_cycles
        assert after.completed_cycles >= clock.completed_cycles or (
            policy.on_reopen is ReopenPolicy.CONTINUE and metric is RT
        )
        same_cycle = (metric is FRT) or (metric is RT and policy.on_reopen is ReopenPolicy.CONTINUE)
        if clock.breached_at is not None and same_cycle:
            assert after.breached_at == clock.breached_at
            assert after.state is S.BREACHED


@given(policy=grid_slas(), interaction=timelines(), minutes=st.integers(0, 3000))
def test_the_batch_equals_the_loop(policy: SLA, interaction: Interaction, minutes: int) -> None:
    other = attrs.evolve(interaction, id="T-2")
    now = max(interaction.last_event_at, interaction.opened_at + minutes * M)
    batch = sla_statuses(policy, [interaction, other, interaction], now)
    one = sla_status(policy, interaction, now)
    assert batch == (one, sla_status(policy, other, now), one)


@given(policy=grid_slas(), interaction=timelines(), minutes=st.integers(0, 3000))
def test_clock_invariants(policy: SLA, interaction: Interaction, minutes: int) -> None:
    now = interaction.opened_at + minutes * M
    for clock in sla_status(policy, interaction, now):
        assert clock.remaining == clock.target - clock.elapsed
        assert clock.elapsed <= now - interaction.opened_at
        assert clock.breached_cycles <= clock.completed_cycles + 1
        if clock.state in (S.RUNNING, S.WARNING):
            assert clock.due_at is not None
            assert clock.due_at >= now
            assert clock.due_at - now == clock.remaining  # calendar hours
        if clock.breached_at is not None:
            assert clock.breached_at <= now
        assert attrs.evolve(clock) == clock  # the engine's clocks pass every check
        assert clock == pickle.loads(pickle.dumps(clock))  # noqa: S301  # our own value


# ------------------------------------------------------------------ bad input


def test_now_before_the_opening_is_an_error() -> None:
    with pytest.raises(
        CalendarError, match=r"sla_status\.now: .* is before interaction 'T-1' opened"
    ):
        sla_status(sla(), ticket(), T0 - M)
    with pytest.raises(CalendarError, match=r"sla_statuses\.now: .* before interaction 'T-1'"):
        sla_statuses(sla(), [ticket()], T0 - M)


@pytest.mark.parametrize("now", [datetime(2026, 5, 4, 12), "2026-05-04T12:00:00Z", None, 3])
def test_now_must_be_an_aware_datetime(now: object) -> None:
    with pytest.raises(CalendarError, match=r"sla_status\.now: .*, expected an aware datetime"):
        sla_status(sla(), ticket(), now)  # type: ignore[arg-type]
    with pytest.raises(CalendarError, match=r"expected an aware datetime"):
        sla_statuses(sla(), [ticket()], now)  # type: ignore[arg-type]


def test_bad_arguments_of_sla_status() -> None:
    with pytest.raises(InvalidEntityError, match=r"sla_status\.sla: 'gold', expected an SLA"):
        sla_status("gold", ticket(), at(5))  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"sla_status\.interaction: None, expected an Interaction"
    ):
        sla_status(sla(), None, at(5))  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"sla_status\.customer: 'C-1', expected a Customer"
    ):
        sla_status(sla(), ticket(), at(5), customer="C-1")  # type: ignore[arg-type]
    stranger = Customer(id="C-2", name="Bob")
    with pytest.raises(
        InvalidEntityError,
        match=r"sla_status\.customer: 'C-2', expected the interaction's customer 'C-1'",
    ):
        sla_status(sla(), ticket(), at(5), customer=stranger)


def test_bad_arguments_of_sla_statuses() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"sla_statuses\.interactions\[1\]: 'T-2', expected an Interaction"
    ):
        sla_statuses(sla(), [ticket(), "T-2"], at(5))  # type: ignore[list-item]
    with pytest.raises(
        InvalidEntityError, match=r"sla_statuses\.customers\[0\]: 'C-1', expected a Customer"
    ):
        sla_statuses(sla(), [ticket()], at(5), customers=["C-1"])  # type: ignore[list-item]
    with pytest.raises(InvalidEntityError, match=r"sla_statuses\.sla: None, expected an SLA"):
        sla_statuses(None, [ticket()], at(5))  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"sla_statuses\.interactions: None, expected an iterable"
    ):
        sla_statuses(sla(), None, at(5))  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"sla_statuses\.customers: 'C-1', expected an iterable"
    ):
        sla_statuses(sla(), [ticket()], at(5), customers="C-1")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"sla_statuses\.customers\[0\]: 3, expected a Customer"
    ):
        sla_statuses(sla(), [ticket()], at(5), customers={"C-1": 3})  # type: ignore[arg-type]


# ------------------------------------------------------------------ SLAClock values

DUE = datetime(2026, 5, 4, 17, tzinfo=UTC)


def clock_of(**fields: Any) -> SLAClock:
    fields.setdefault("metric", RT)
    fields.setdefault("target", 8 * H)
    fields.setdefault("elapsed", 2 * H)
    fields.setdefault("state", S.RUNNING)
    if fields["state"] in (S.RUNNING, S.WARNING):
        fields.setdefault("due_at", DUE)
    return SLAClock(**fields)


def test_clock_instants_are_stored_with_fixed_offsets() -> None:
    rome_due = DUE.astimezone(ZoneInfo("Europe/Rome"))
    clock = clock_of(due_at=pendulum.instance(rome_due))
    assert type(clock.due_at) is datetime
    assert clock.due_at == DUE
    assert clock.due_at.utcoffset() == 2 * H
    assert clock.due_at.tzinfo == timezone(2 * H)
    breached = clock_of(
        state=S.BREACHED, breached_at=rome_due, due_at=DUE, breached_cycles=1, elapsed=9 * H
    )
    assert breached.due_at == breached.breached_at == DUE
    assert clock_of(target=pendulum.duration(hours=8)).target == 8 * H


@pytest.mark.parametrize(
    ("fields", "pattern"),
    [
        (
            {"metric": Metric.CSAT},
            r"SLAClock\.metric: <Metric\.CSAT: 'csat'>, expected a metric with a clock",
        ),
        ({"metric": "Resolution time"}, r"SLAClock\.metric: 'Resolution time', expected a metric"),
        ({"metric": "csat"}, r"SLAClock\.metric: 'csat', expected a metric with a clock"),
        ({"target": timedelta(0)}, r"SLAClock\.target: .*, expected a positive duration"),
        ({"target": 3600}, r"SLAClock\.target: 3600, expected a datetime\.timedelta"),
        ({"elapsed": -H}, r"SLAClock\.elapsed: .*, expected a duration of zero or more"),
        (
            {"state": "ticking"},
            r"SLAClock\.state: 'ticking', expected a ClockState: one of 'running'",
        ),
        (
            {"completed_cycles": -1},
            r"SLAClock\.completed_cycles: -1, expected an integer of zero or more",
        ),
        ({"breached_cycles": True}, r"SLAClock\.breached_cycles: True, expected an integer"),
        ({"warning_level": 1.0}, r"SLAClock\.warning_level: 1\.0, expected an integer"),
        (
            {"breached_cycles": 2},
            r"SLAClock\.completed_cycles: 0, expected at least breached_cycles - 1 \(1\)",
        ),
        (
            {"state": S.MET, "due_at": None},
            r"SLAClock\.completed_cycles: 0, expected at least 1 for a met clock",
        ),
        (
            {"due_at": None},
            r"SLAClock\.due_at: None, expected an aware datetime for a running clock",
        ),
        ({"due_at": datetime(2026, 5, 4, 17)}, r"SLAClock\.due_at: .*naive"),
        (
            {"due_at": "2026-05-04T17:00:00Z"},
            r"SLAClock\.due_at: '2026-05-04T17:00:00Z', expected an aware datetime",
        ),
        (
            {"state": S.PAUSED, "due_at": DUE},
            r"SLAClock\.due_at: .*, expected None for a paused clock",
        ),
        (
            {"state": S.WARNING, "breached_at": DUE},
            r"SLAClock\.breached_at: .*, expected None for a warning clock",
        ),
        (
            {"state": S.BREACHED, "breached_cycles": 1},
            r"SLAClock\.breached_at: None, expected an aware datetime for a breached clock",
        ),
        (
            {"state": S.BREACHED, "breached_at": DUE},
            r"SLAClock\.breached_cycles: 0, expected at least 1 for a breached clock",
        ),
        (
            {"state": S.BREACHED, "breached_at": DUE, "breached_cycles": 1, "due_at": DUE + H},
            r"SLAClock\.due_at: .*, expected None or breached_at",
        ),
    ],
)
def test_bad_clock_fields(fields: dict[str, Any], pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        clock_of(**fields)


# ------------------------------------------------------------------ the batch form


@given(
    policy=grid_slas(max_units=40, calendars=st.sampled_from(CALENDARS)),
    tickets=st.lists(
        timelines(max_gap=24, anchors=ANCHORS, spread=100 * 24), min_size=1, max_size=6
    ),
    zones=st.lists(st.sampled_from(CUSTOMER_ZONES), min_size=6, max_size=6),
    extra=st.integers(0, 400),
)
def test_the_batch_equals_the_loop_on_business_calendars(
    policy: SLA, tickets: list[Interaction], zones: list[str | None], extra: int
) -> None:
    """Several customers' zones (one calendar each), interactions weeks apart, one now."""
    tickets = [attrs.evolve(t, id=f"T-{i}", customer_id=f"C-{i}") for i, t in enumerate(tickets)]
    customers = [Customer(id=f"C-{i}", name="Ada", timezone=zone) for i, zone in enumerate(zones)]
    now = max(t.last_event_at for t in tickets) + extra * timedelta(minutes=15)
    expected = tuple(
        sla_status(policy, t, now, customer=customers[i]) for i, t in enumerate(tickets)
    )
    assert sla_statuses(policy, tickets, now, customers=customers) == expected


def test_a_lone_instant_weeks_before_the_others() -> None:
    desk = sla(calendar=DESK)
    early = desk_ticket((K.OPENED, rome(4, 9)))
    later = attrs.evolve(desk_ticket((K.OPENED, rome(1, 9, month=6))), id="T-10")
    now = rome(3, 12, month=6)
    assert sla_statuses(desk, [early, later], now) == (
        sla_status(desk, early, now),
        sla_status(desk, later, now),
    )


def test_instants_beyond_the_calendars_years_are_refused() -> None:
    huge = sla(targets={RT: timedelta(days=999_999_999)})
    with pytest.raises(CalendarError, match=r"SLA: a deadline falls after 9998-12-31"):
        sla_status(huge, ticket(), at(5))
    with pytest.raises(CalendarError, match=r"BusinessCalendar: the computation reaches"):
        sla_status(attrs.evolve(huge, calendar=DESK), ticket(), at(5))
    with pytest.raises(
        CalendarError, match=r"sla_status\.now: .*, expected an instant from 0002-01-01"
    ):
        sla_status(sla(), ticket(), datetime(9999, 6, 1, tzinfo=UTC))
    with pytest.raises(
        CalendarError, match=r"sla_statuses\.now: .*, expected an instant from 0002"
    ):
        sla_statuses(sla(), [ticket()], datetime(1, 6, 1, tzinfo=UTC))
    ancient = Interaction(
        id="T-0",
        customer_id="C-1",
        channel=Channel.MAIL,
        direction=Direction.INBOUND,
        topic=Topic.ORDER,
        priority=Priority.LOW,
        events=[Event(kind=K.OPENED, at=datetime(1, 3, 1, tzinfo=UTC))],
    )
    with pytest.raises(CalendarError, match=r"sla_status\.interaction: 'T-0' opened at 0001-03-01"):
        sla_status(sla(), ancient, T0)
