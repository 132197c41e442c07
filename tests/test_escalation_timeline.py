"""Escalations read from the timeline: inferred flags, explicit overrides, complaints, delegations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    SLA,
    Channel,
    Direction,
    EscalationKind,
    EscalationPolicy,
    EscalationReason,
    EventKind,
    Interaction,
    Level,
    Metric,
    OrgChart,
    Position,
    Priority,
    Topic,
    customer_organisation,
    decide_escalation,
    escalate,
    service_metrics,
    sla_status,
)
from csroles.escalation import EscalationDecision, Party
from csroles.interactions import Event
from csroles.strategies import interactions

OPENED = datetime(2026, 5, 4, 9, tzinfo=UTC)
ORG = customer_organisation()


def ticket(*kinds: EventKind, topic: Topic = Topic.BILLING) -> Interaction:
    """A billing call whose timeline has ``kinds`` a minute apart after the opening."""
    events = [Event(kind=EventKind.OPENED, at=OPENED)]
    for n, kind in enumerate(kinds, start=1):
        assignee = f"position:p-{n}" if kind in _ASSIGNING else None
        events.append(Event(kind=kind, at=OPENED + timedelta(minutes=n), assignee=assignee))
    return Interaction(
        id="T-1",
        customer_id="C-1",
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        topic=topic,
        priority=Priority.NORMAL,
        events=events,
    )


_ASSIGNING = {EventKind.ASSIGNED, EventKind.TRANSFERRED, EventKind.ESCALATED}
LATER = OPENED + timedelta(hours=1)


def decide(call: Interaction, handler: str = "csr-1", **flags: Any) -> EscalationDecision:
    return decide_escalation(call, handler=handler, chart=ORG, now=LATER, **flags)


def check(decision: EscalationDecision, reason: EscalationReason) -> str:
    (found,) = [c for c in decision.checks if c.reason is reason]
    assert found.applies
    return found.message


# ------------------------------------------------------------------ each inferred flag


def test_a_manager_request_in_the_timeline() -> None:
    decision = decide(ticket(EventKind.MANAGER_REQUESTED))
    assert decision.reasons == (EscalationReason.CUSTOMER_REQUEST,)
    assert decision.target == Party.position("cs-manager")
    assert check(decision, EscalationReason.CUSTOMER_REQUEST) == (
        "the customer asked for a manager, which a manager or above handles "
        "(read from the timeline: 'manager_requested' at 2026-05-04T09:01:00+00:00)"
    )


def test_a_complaint_in_the_timeline_goes_to_a_supervisor() -> None:
    decision = decide(ticket(EventKind.COMPLAINED))
    assert decision.reasons == (EscalationReason.COMPLAINT,)
    assert decision.kind is EscalationKind.HIERARCHICAL
    assert decision.target == Party.position("cs-supervisor")
    assert "(read from the timeline: 'complained' at 2026-05-04T09:01:00+00:00)" in check(
        decision, EscalationReason.COMPLAINT
    )


def test_a_repeated_complaint_is_a_conflict_with_the_customer() -> None:
    decision = decide(ticket(EventKind.COMPLAINED, EventKind.COMPLAINED))
    assert decision.reasons == (EscalationReason.CONFLICT, EscalationReason.COMPLAINT)
    assert decision.target == Party.position("cs-manager")
    assert check(decision, EscalationReason.CONFLICT) == (
        "a dispute with the customer, which a manager handles "
        "(read from the timeline: 'complained' at 2026-05-04T09:02:00+00:00)"
    )


@pytest.mark.parametrize("kind", [EventKind.RESOLUTION_FAILED, EventKind.REOPENED])
def test_a_failed_resolution_leaves_it_unresolved(kind: EventKind) -> None:
    kinds = [EventKind.RESOLVED, kind] if kind is EventKind.REOPENED else [kind]
    decision = decide(ticket(*kinds, topic=Topic.TECHNICAL_PROBLEM), handler="support-rep-1")
    assert decision.reasons == (EscalationReason.EXPERTISE,)
    assert decision.kind is EscalationKind.FUNCTIONAL
    assert decision.target == Party.position("support-engineer-1")
    assert f"(read from the timeline: {kind.value!r} at " in check(
        decision, EscalationReason.EXPERTISE
    )


def test_an_escalation_in_the_timeline_settles_what_came_before() -> None:
    done = ticket(EventKind.MANAGER_REQUESTED, EventKind.COMPLAINED, EventKind.ESCALATED)
    assert decide(done).reasons == ()
    again = ticket(EventKind.COMPLAINED, EventKind.ESCALATED, EventKind.COMPLAINED)
    assert decide(again).reasons == (EscalationReason.COMPLAINT,)  # one complaint since: no dispute


def test_a_new_handler_starts_with_no_failed_attempt() -> None:
    call = ticket(EventKind.RESOLUTION_FAILED, EventKind.ASSIGNED, topic=Topic.TECHNICAL_PROBLEM)
    assert decide(call, handler="support-rep-1").reasons == ()


def test_events_after_now_are_not_read() -> None:
    call = ticket(EventKind.MANAGER_REQUESTED)
    early = decide_escalation(call, handler="csr-1", chart=ORG, now=OPENED)
    assert early.reasons == ()


# ------------------------------------------------------------------ the caller's flags win


@pytest.mark.parametrize(
    ("kinds", "flag", "reason"),
    [
        ([EventKind.MANAGER_REQUESTED], "customer_request", EscalationReason.CUSTOMER_REQUEST),
        ([EventKind.MANAGER_REQUESTED], "manager_requested", EscalationReason.CUSTOMER_REQUEST),
        ([EventKind.COMPLAINED], "complaint", EscalationReason.COMPLAINT),
        (
            [EventKind.COMPLAINED, EventKind.COMPLAINED],
            "customer_conflict",
            EscalationReason.CONFLICT,
        ),
    ],
)
def test_an_explicit_false_overrides_the_timeline(
    kinds: list[EventKind], flag: str, reason: EscalationReason
) -> None:
    assert reason in decide(ticket(*kinds)).reasons
    flags: dict[str, Any] = {flag: False}
    overridden = decide(ticket(*kinds), **flags)
    assert reason not in overridden.reasons


def test_an_explicit_false_overrides_a_failed_resolution() -> None:
    call = ticket(EventKind.RESOLUTION_FAILED, topic=Topic.TECHNICAL_PROBLEM)
    assert decide(call, handler="support-rep-1", unresolved=False).reasons == ()


def test_an_explicit_true_needs_no_timeline_and_says_nothing_of_it() -> None:
    decision = decide(ticket(), complaint=True)
    assert check(decision, EscalationReason.COMPLAINT) == (
        "the customer complained, which a supervisor or above handles"
    )


# ------------------------------------------------------------------ delegation


def test_a_move_down_the_chart_is_a_delegation() -> None:
    chart = OrgChart(
        positions=[
            Position(id="cco", role="chief_customer_officer"),
            Position(id="rep", role="customer_service_representative", reports_to="cco"),
        ]
    )
    decision = decide_escalation(ticket(), handler="cco", chart=chart, now=LATER)
    assert decision.escalate
    assert decision.kind is EscalationKind.DELEGATION
    assert decision.target == Party.position("rep")
    assert decision.message.startswith("delegate down the chart to 'rep'")
    record, updated = escalate(ticket(), decision, LATER)
    assert record.kind is EscalationKind.DELEGATION
    assert updated.events[-1].kind is EventKind.ASSIGNED  # not counted as an escalation
    assert updated.assignee == "position:rep"


def test_the_policy_can_send_manager_requests_to_a_supervisor_first() -> None:
    policy = EscalationPolicy(manager_request=Level.SUPERVISOR)
    decision = decide(ticket(EventKind.MANAGER_REQUESTED), policy=policy)
    assert decision.target == Party.position("cs-supervisor")
    assert "which a supervisor or above handles" in check(
        decision, EscalationReason.CUSTOMER_REQUEST
    )


# ------------------------------------------------------------------ a property


@given(interactions(max_events=8), st.integers(0, 3 * 24 * 3600))
def test_inferred_flags_match_a_reading_of_the_timeline(call: Interaction, seconds: int) -> None:
    now = call.opened_at + timedelta(seconds=seconds)
    seen = [e for e in call.events if e.at <= now]
    last_escalation = max(
        (n for n, e in enumerate(seen) if e.kind is EventKind.ESCALATED), default=-1
    )
    since = [e.kind for e in seen[last_escalation + 1 :]]
    handed = max(
        (n for n, e in enumerate(seen) if e.kind in _ASSIGNING),
        default=-1,
    )
    failed = any(
        e.kind in {EventKind.RESOLUTION_FAILED, EventKind.REOPENED} for e in seen[handed + 1 :]
    )
    decision = decide_escalation(call, handler="csr-1", chart=ORG, now=now)
    applies = {c.reason for c in decision.checks if c.applies}
    assert (EscalationReason.CUSTOMER_REQUEST in applies) == (EventKind.MANAGER_REQUESTED in since)
    assert (EscalationReason.COMPLAINT in applies) == (EventKind.COMPLAINED in since)
    assert (EscalationReason.CONFLICT in applies) == (since.count(EventKind.COMPLAINED) >= 2)
    covers = call.topic in ORG.topics_of("csr-1")
    assert (EscalationReason.EXPERTISE in applies) == (not covers or failed)


# ------------------------------------------------------------------ clocks and metrics ignore them

SUPPORT_SLA = SLA(
    name="Support",
    targets={
        Metric.FIRST_RESPONSE_TIME: timedelta(hours=1),
        Metric.NEXT_RESPONSE_TIME: timedelta(hours=2),
        Metric.RESOLUTION_TIME: timedelta(hours=8),
    },
)
SAID = [EventKind.MANAGER_REQUESTED, EventKind.COMPLAINED, EventKind.RESOLUTION_FAILED]


@given(
    interactions(max_events=8),
    st.lists(st.tuples(st.integers(0, 7), st.sampled_from(SAID)), max_size=4),
    st.integers(0, 2 * 24 * 3600),
)
def test_the_new_events_change_no_status_clock_or_metric(
    call: Interaction, inserts: list[tuple[int, EventKind]], seconds: int
) -> None:
    events = list(call.events)
    for at, kind in sorted(inserts, reverse=True):
        place = min(at, len(events) - 1) + 1
        if _active_after(call, place):
            events.insert(place, Event(kind=kind, at=events[place - 1].at))
    said = attrs.evolve(call, events=events)
    now = call.last_event_at + timedelta(seconds=seconds)
    assert said.status is call.status
    assert said.assignee == call.assignee
    assert sla_status(SUPPORT_SLA, said, now) == sla_status(SUPPORT_SLA, call, now)
    assert service_metrics([said], now=now) == service_metrics([call], now=now)


def _active_after(call: Interaction, place: int) -> bool:
    """Whether the interaction is active after its first ``place`` events."""
    return attrs.evolve(call, events=call.events[:place]).status.is_active
