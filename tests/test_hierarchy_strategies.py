"""positions() and org_charts(): only valid values, and the controls do what they say."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csroles import (
    ChartFindingCode,
    EscalationPolicy,
    EscalationStep,
    OrgChart,
    Position,
    call_center_team,
    default_catalog,
)
from csroles.strategies import (
    escalation_policies,
    escalation_steps,
    loads,
    org_charts,
    position_loads,
    positions,
)


@given(org_charts(max_size=25, max_depth=3))
def test_charts_respect_size_and_depth(chart: OrgChart) -> None:
    assert 1 <= len(chart) <= 25
    assert len(chart.roots) == 1
    assert all(chart.depth(p.id) <= 3 for p in chart)
    assert OrgChart(positions=chart.positions) == chart  # valid: it builds again
    chart.check()


@given(org_charts(min_size=0, max_size=12, forest=True))
def test_forests(chart: OrgChart) -> None:
    assert chart.forest
    assert len(chart) <= 12
    assert (len(chart.roots) >= 1) == (len(chart) >= 1)


@given(org_charts(max_size=20, descending_levels=True))
def test_descending_levels_have_no_inversions(chart: OrgChart) -> None:
    codes = {f.code for f in chart.check(duties=[])}
    assert ChartFindingCode.LEVEL_INVERSION not in codes


@given(org_charts(max_size=10, roles=["relationship_manager", "customer_success_manager"]))
def test_roles_are_drawn_from_the_given_keys(chart: OrgChart) -> None:
    assert {p.role for p in chart} <= {"relationship_manager", "customer_success_manager"}


@given(org_charts(max_size=8, catalog=default_catalog().remove("telemarketer")))
def test_a_custom_catalog(chart: OrgChart) -> None:
    assert "telemarketer" not in {p.role for p in chart}


@given(org_charts(max_size=1, max_depth=0))
def test_depth_zero_is_a_single_root(chart: OrgChart) -> None:
    assert len(chart) == 1


@given(positions(roles=["call_center_agent"], reports_to=st.just("boss")))
def test_positions(position: Position) -> None:
    assert position.role == "call_center_agent"
    assert position.reports_to == "boss"


@given(escalation_policies(max_steps=3), escalation_steps())
def test_escalation_policies(policy: EscalationPolicy, step: EscalationStep) -> None:
    thresholds = [s.threshold for s in policy.steps]
    assert 1 <= len(thresholds) <= 3
    assert thresholds == sorted(set(thresholds))
    assert [s.level for s in policy.steps] == sorted(s.level for s in policy.steps)
    assert step.threshold > 0


@settings(max_examples=10)
@given(st.from_type(Position), st.from_type(OrgChart))
def test_registered_for_from_type(position: Position, chart: OrgChart) -> None:
    assert isinstance(position, Position)
    assert isinstance(chart, OrgChart)


@pytest.mark.parametrize(
    "build",
    [
        lambda: org_charts(min_size=0),
        lambda: org_charts(min_size=5, max_size=4),
        lambda: org_charts(max_depth=-1),
        lambda: org_charts(max_depth=0, max_size=3),
        lambda: org_charts(roles=[]),
        lambda: org_charts(roles=["ceo"]),
        lambda: positions(roles=["ceo"]),
        lambda: escalation_policies(max_steps=0),
        lambda: loads(call_center_team(), max_count=-1),
        lambda: position_loads(max_count=-1),
        lambda: position_loads(call_center_team(), max_count=-1),
    ],
)
def test_bad_arguments(build: object) -> None:
    with pytest.raises(InvalidArgument):
        build()  # type: ignore[operator]
