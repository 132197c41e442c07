"""Positions, org charts and the policy results as plain data: round trips and refusals."""

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Authority,
    Channel,
    ChartFinding,
    Direction,
    EscalationDecision,
    EventKind,
    Interaction,
    InvalidEntityError,
    OrgChart,
    PortfolioPlan,
    Position,
    Priority,
    Request,
    Topic,
    balance_portfolios,
    customer_organisation,
    decide_escalation,
    default_catalog,
    make_converter,
)
from csroles.interactions import Event
from csroles.strategies import accounts, org_charts, positions

CONV = make_converter()


def through_json(value: object, tp: type) -> Any:
    return CONV.structure(json.loads(json.dumps(CONV.unstructure(value))), tp)


@given(positions())
def test_positions_round_trip(position: Position) -> None:
    assert through_json(position, Position) == position


@given(org_charts(max_size=15) | org_charts(min_size=0, max_size=6, forest=True))
def test_charts_round_trip(chart: OrgChart) -> None:
    assert through_json(chart, OrgChart) == chart


def test_a_chart_over_the_builtin_catalog_does_not_carry_it() -> None:
    chart = customer_organisation()
    doc = CONV.unstructure(chart)
    assert list(doc) == ["positions"]
    assert doc["positions"][1] == {
        "id": "cs-manager",
        "role": "customer_service_manager",
        "reports_to": "cco",
    }
    assert CONV.structure(doc, OrgChart).catalog is default_catalog()


def test_a_chart_over_a_catalog_of_ones_own_carries_it() -> None:
    mine = default_catalog().remove("telemarketer")
    chart = OrgChart(positions=[Position(id="a", role="call_center_agent")], catalog=mine)
    doc = CONV.unstructure(chart)
    assert sorted(doc) == ["catalog", "positions"]
    assert through_json(chart, OrgChart).catalog == mine


def test_position_document() -> None:
    position = Position(
        id="rep-1",
        role="customer_service_representative",
        reports_to="sup",
        channels=[Channel.EMAIL, Channel.CHAT],
        capacity=2.5,
        authority=Authority(refund_limit=Decimal(50), currency="EUR"),
    )
    assert CONV.unstructure(position) == {
        "id": "rep-1",
        "role": "customer_service_representative",
        "reports_to": "sup",
        "channels": ["chat", "email"],
        "capacity": 2.5,
        "authority": {"refund_limit": "50", "currency": "EUR"},
    }


@pytest.mark.parametrize(
    ("doc", "problems"),
    [
        (
            {"positions": [{"id": "a", "role": "call_center_agent", "reports_to": "a"}]},
            [("positions", "cycle 'a' -> 'a'; expected one tree of positions")],
        ),
        (
            {"positions": [{"id": "a", "role": "call_centre_agent"}]},
            [("positions[0].role", "no role 'call_centre_agent' in the catalog; did you mean")],
        ),
        (
            {"positions": [{"id": "a", "role": "x", "capacity": "2"}], "forest": 1, "x": 2},
            [
                ("positions[0].capacity", "'2', expected a finite number"),
                ("forest", "1, expected true or false"),
                ("x", "unknown key, expected only the keys of OrgChart"),
            ],
        ),
        ({"positions": "a"}, [("positions", "'a', expected a list")]),
        ({}, [("positions", "missing, expected a value")]),
        (
            {"positions": [{"id": "a", "role": "Bad Role"}]},
            [("positions[0].role", "'Bad Role', expected a snake_case key")],
        ),
    ],
)
def test_bad_chart_documents(doc: object, problems: list[tuple[str, str]]) -> None:
    with pytest.raises(InvalidEntityError) as caught:
        CONV.structure(doc, OrgChart)
    found = caught.value.problems
    assert [p for p, _ in found] == [p for p, _ in problems]
    for (_, message), (_, start) in zip(found, problems, strict=True):
        assert message.startswith(start)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@given(json_values | st.fixed_dictionaries({"positions": st.lists(json_values, max_size=3)}))
def test_fuzz_only_invalid_entity_errors_escape(value: object) -> None:
    for tp in (Position, OrgChart):
        problems: tuple[tuple[str, str], ...] | None = None
        try:
            CONV.structure(value, tp)
        except InvalidEntityError as error:
            problems = error.problems
        # A random value may by chance be a valid position; when refused, the
        # refusal is an InvalidEntityError that lists its problems.
        if problems is not None:
            assert problems
            assert all(type(path) is str and type(text) is str for path, text in problems)


@given(st.lists(accounts(ids=st.integers(0, 99).map(str)), unique_by=lambda a: a.id, max_size=12))
def test_portfolio_plans_round_trip(accs: list[Any]) -> None:
    team = customer_organisation().holding("relationship_manager")
    plan = balance_portfolios(accs, team)
    assert through_json(plan, PortfolioPlan) == plan


def test_findings_and_decisions_round_trip() -> None:
    chart = OrgChart(
        positions=[
            Position(id="ag", role="call_center_agent"),
            Position(id="mgr", role="call_center_manager", reports_to="ag"),
        ]
    )
    for finding in chart.check():
        assert through_json(finding, ChartFinding) == finding
    opened = datetime(2026, 5, 4, 9, tzinfo=UTC)
    call = Interaction(
        id="T-1",
        customer_id="C-1",
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        topic=Topic.BILLING,
        priority=Priority.NORMAL,
        events=[Event(kind=EventKind.OPENED, at=opened)],
    )
    decision = decide_escalation(
        call,
        handler="csr-1",
        chart=customer_organisation(),
        now=opened,
        request=Request.refund(20, "EUR"),
    )
    assert through_json(decision, EscalationDecision) == decision
