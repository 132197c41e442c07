"""The strategies: valid values only, realistic times, narrowing, registration."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csroles import (
    SLA,
    Account,
    AssignmentPolicy,
    Authority,
    BusinessCalendar,
    Catalog,
    Channel,
    ClockCondition,
    ClockSegment,
    Customer,
    Direction,
    Escalation,
    EscalationKind,
    EscalationPolicy,
    EscalationReason,
    EscalationStep,
    Event,
    EventKind,
    Interaction,
    MetricDefinition,
    OrgChart,
    Party,
    PartyKind,
    Pay,
    Period,
    PolicyCondition,
    PolicySet,
    Position,
    PositionLoads,
    Priority,
    Request,
    Responsibility,
    Role,
    Skill,
    SLAClock,
    SLAPolicy,
    TitleParts,
    Topic,
    make_converter,
)
from csroles.staffing import (
    AgentRequirement,
    ChannelStaffing,
    ForecastInterval,
    IntervalStaffing,
    QueueFigures,
    StaffingPlan,
    TeamPlan,
)
from csroles.strategies import (
    ZONES,
    accounts,
    agent_requirements,
    assignment_policies,
    authorities,
    aware_datetimes,
    business_calendars,
    catalogs,
    channel_staffings,
    clock_conditions,
    clock_segments,
    customers,
    escalation_policies,
    escalation_steps,
    escalations,
    events,
    forecast_intervals,
    identifiers,
    interactions,
    interval_staffings,
    language_tags,
    metric_definitions,
    org_charts,
    parties,
    pays,
    periods,
    policy_conditions,
    policy_sets,
    position_loads,
    positions,
    queue_figures,
    requests,
    responsibilities,
    roles,
    skills,
    sla_clocks,
    sla_policies,
    slas,
    staffing_plans,
    team_plans,
    title_parts,
    zone_names,
)
from csroles.strategies._entities import _transitions

CONV = make_converter()


def revalidate(value: object) -> object:
    """Build the value again through its constructor: every check runs once more."""
    return attrs.evolve(value)  # type: ignore[misc]


# Every public entity with its strategy: the round trip and validity checks
# below run over all of them.
ENTITIES: list[tuple[type, st.SearchStrategy[Any]]] = [
    (Customer, customers()),
    (Account, accounts()),
    (Event, events()),
    (Interaction, interactions()),
    (Party, parties()),
    (Escalation, escalations()),
    (Role, roles()),
    (Responsibility, responsibilities()),
    (Authority, authorities()),
    (Request, requests()),
    (Pay, pays()),
    (Skill, skills()),
    (Catalog, catalogs(max_roles=4)),
    (Period, periods()),
    (TitleParts, title_parts()),
    (Position, positions()),
    (OrgChart, org_charts(max_size=10)),
    (EscalationPolicy, escalation_policies()),
    (AssignmentPolicy, assignment_policies()),
    (PositionLoads, position_loads()),
    (EscalationStep, escalation_steps()),
    (BusinessCalendar, business_calendars()),
    (QueueFigures, queue_figures()),
    (AgentRequirement, agent_requirements()),
    (ForecastInterval, forecast_intervals()),
    (ChannelStaffing, channel_staffings()),
    (IntervalStaffing, interval_staffings()),
    (StaffingPlan, staffing_plans()),
    (TeamPlan, team_plans()),
    (SLA, slas()),
    (SLAClock, sla_clocks()),
    (ClockCondition, clock_conditions()),
    (ClockSegment, clock_segments()),
    (MetricDefinition, metric_definitions()),
    (PolicyCondition, policy_conditions()),
    (SLAPolicy, sla_policies()),
    (PolicySet, policy_sets(max_policies=3)),
]
# Values that policies return: results, not entities, so no strategies.
RESULTS = {"AuthorityDecision", "RaciMatrix", "ResponsibilityFinding", "RoutingCandidate"} | {
    "ChartFinding",
    "EscalationCheck",
    "EscalationDecision",
    "Portfolio",
    "PortfolioPlan",
    # metrics
    "DailyWorkload",
    "DurationStats",
    "NetPromoterScore",
    "Ratio",
    "Scorecard",
    "ScorecardLine",
    "ServiceMetrics",
    # titles
    "TitleReport",
    "TitleResult",
    # SLA selection
    "PolicyChoice",
    # assignment
    "Assignment",
    "AssignmentCandidate",
    "QueueAssignment",
}


@pytest.mark.parametrize(("cls", "strategy"), ENTITIES, ids=[c.__name__ for c, _ in ENTITIES])
def test_every_strategy_makes_valid_values_that_round_trip(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    @given(strategy)
    def check(value: Any) -> None:
        assert type(value) is cls
        assert revalidate(value) == value
        doc = CONV.unstructure(value)
        text = json.dumps(doc)
        again = CONV.structure(json.loads(text), cls)
        assert again == value
        assert hash(again) == hash(value)
        assert CONV.unstructure(again) == doc

    check()


def test_every_public_entity_has_a_strategy() -> None:
    import csroles
    import csroles.strategies

    entities = {
        name
        for name in csroles.__all__
        if isinstance(getattr(csroles, name), type) and attrs.has(getattr(csroles, name))
    } - RESULTS
    assert entities == {cls.__name__ for cls, _ in ENTITIES}
    assert set(csroles.strategies._STRATEGY_FOR_TYPE) == entities


@given(
    interactions(
        channels=[Channel.FAX, Channel.MAIL],
        directions=[Direction.OUTBOUND],
        topics=[Topic.RETURN],
        priorities=[Priority.LOW],
        min_events=3,
        max_events=5,
        ids=identifiers(prefix="T-"),
        customer_ids=st.just("C-1"),
        zones=st.just("Asia/Kathmandu"),
    )
)
def test_interactions_narrow(ticket: Interaction) -> None:
    assert ticket.channel in {Channel.FAX, Channel.MAIL}
    assert ticket.direction is Direction.OUTBOUND
    assert ticket.topic is Topic.RETURN
    assert ticket.priority is Priority.LOW
    assert 3 <= len(ticket.events) <= 5
    assert ticket.id.startswith("T-")
    assert ticket.customer_id == "C-1"
    assert {e.at.utcoffset() for e in ticket.events} == {timedelta(hours=5, minutes=45)}


def test_interactions_refuse_bad_sizes() -> None:
    with pytest.raises(InvalidArgument, match="min_events"):
        interactions(min_events=0)
    with pytest.raises(InvalidArgument, match="min_events"):
        interactions(min_events=4, max_events=3)


@given(aware_datetimes())
def test_aware_datetimes_carry_a_known_zone(at: datetime) -> None:
    assert isinstance(at.tzinfo, ZoneInfo)
    assert at.tzinfo.key in ZONES
    assert datetime(2000, 1, 1, tzinfo=UTC) <= at <= datetime(2040, 1, 1, tzinfo=UTC)


@given(
    aware_datetimes(
        min_value=datetime(2026, 3, 1, tzinfo=UTC),
        max_value=datetime(2026, 4, 30, tzinfo=UTC),
        zones=st.just("Europe/Rome"),
    )
)
def test_aware_datetimes_respect_bounds(at: datetime) -> None:
    assert datetime(2026, 3, 1, tzinfo=UTC) <= at <= datetime(2026, 4, 30, tzinfo=UTC)


def test_dst_transitions_are_found_to_the_minute() -> None:
    assert _transitions("Europe/Rome", 2026) == (
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    )
    assert _transitions("Australia/Lord_Howe", 2026) == (
        datetime(2026, 4, 4, 15, 0, tzinfo=UTC),
        datetime(2026, 10, 3, 15, 30, tzinfo=UTC),
    )
    assert _transitions("Asia/Tokyo", 2026) == ()


def test_timelines_cross_dst_changes_and_zones() -> None:
    # Over many examples, timelines span offset changes and several zones.
    crossings, zoned = [], []

    @settings(max_examples=200)
    @given(interactions(min_events=4))
    def look(ticket: Interaction) -> None:
        offsets = {e.at.utcoffset() for e in ticket.events}
        zoned.append(len(offsets) > 1)
        first, last = ticket.events[0].at, ticket.events[-1].at
        crossings.append(
            any(
                first < change <= last
                for zone in ZONES
                for change in _transitions(zone, first.year)
            )
        )

    look()
    assert any(zoned)
    assert sum(crossings) >= 1


@given(zone_names())
def test_zone_names_are_iana_names(name: str) -> None:
    assert ZoneInfo(name).key == name


@given(identifiers())
def test_identifiers_are_valid_ids(value: str) -> None:
    assert value
    assert value == value.strip()


def test_from_type_works_through_the_entry_point() -> None:
    code = (
        "import sys\n"
        "from hypothesis import given, settings, strategies as st\n"
        "import csroles\n"
        "@settings(max_examples=5, database=None)\n"
        "@given(st.from_type(csroles.Interaction), st.from_type(csroles.Event))\n"
        "def check(ticket, event):\n"
        "    assert ticket.events[0].kind is csroles.EventKind.OPENED\n"
        "check()\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "ok"


@given(events(kinds=[EventKind.SURVEY_ANSWERED]))
def test_survey_events_have_scores_in_range(event: Event) -> None:
    assert event.scale is not None
    assert event.score is not None
    low, high = event.scale.bounds
    assert low <= event.score <= high


def test_aware_datetimes_refuse_bad_bounds() -> None:
    with pytest.raises(InvalidArgument, match="aware min_value <= max_value"):
        aware_datetimes(min_value=datetime(2026, 1, 1))
    with pytest.raises(InvalidArgument, match="aware min_value <= max_value"):
        aware_datetimes(
            min_value=datetime(2026, 1, 2, tzinfo=UTC), max_value=datetime(2026, 1, 1, tzinfo=UTC)
        )


@given(customers(channels=[Channel.CHAT], languages=st.just("it"), zones=st.just("Asia/Tokyo")))
def test_customers_narrow(customer: Customer) -> None:
    assert set(customer.channels) <= {Channel.CHAT}
    assert set(customer.languages) <= {"it"}
    assert customer.timezone in {None, "Asia/Tokyo"}


@given(accounts(customer_ids=st.just("C-1"), weights=st.just(2.0)))
def test_accounts_narrow(account: Account) -> None:
    assert (account.customer_id, account.weight) == ("C-1", 2.0)
    has_figures = account.annual_revenue is not None or account.lifetime_value is not None
    assert (account.currency is not None) or not has_figures


@given(
    escalations(
        kinds=[EscalationKind.FUNCTIONAL],
        reasons=[EscalationReason.EXPERTISE],
        interaction_ids=st.just("T-9"),
        at=st.just(datetime(2026, 1, 1, tzinfo=UTC)),
    )
)
def test_escalations_narrow(escalation: Escalation) -> None:
    assert escalation.kind is EscalationKind.FUNCTIONAL
    assert escalation.reasons == frozenset({EscalationReason.EXPERTISE})
    assert escalation.interaction_id == "T-9"
    assert escalation.source.kind is not PartyKind.TEAM


@given(parties(kinds=[PartyKind.TEAM]))
def test_parties_narrow(party: Party) -> None:
    assert party.kind is PartyKind.TEAM


@given(language_tags())
def test_language_tags_are_accepted(tag: str) -> None:
    assert Customer(id="C", name="N", languages=[tag]).languages == (tag,)


@pytest.mark.parametrize("first", ["csroles.strategies", "hypothesis", "csroles"])
def test_the_plugin_works_whatever_is_imported_first(first: str) -> None:
    # Hypothesis runs the entry point while it is imported, which may be in the
    # middle of importing csroles.strategies.
    code = (
        f"import {first}\n"
        "from hypothesis import given, settings, strategies as st\n"
        "import csroles\n"
        "@settings(max_examples=3, database=None)\n"
        "@given(st.from_type(csroles.Customer), st.from_type(csroles.Escalation))\n"
        "def check(customer, escalation):\n"
        "    assert isinstance(customer, csroles.Customer)\n"
        "check()\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "ok"
