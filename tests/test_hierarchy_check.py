"""OrgChart with its catalog: role lookups, authority, and the advisory check()."""

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Authority,
    ChartFinding,
    ChartFindingCode,
    Duty,
    InvalidEntityError,
    Level,
    OrgChart,
    Position,
    Topic,
    UnknownRoleError,
    default_catalog,
)

CATALOG = default_catalog()
KEYS = list(CATALOG.keys)


@st.composite
def charts(draw: st.DrawFn, *, max_size: int = 30) -> list[Position]:
    size = draw(st.integers(1, max_size))
    positions = []
    for n in range(size):
        manager = None if n == 0 else f"p{draw(st.integers(0, n - 1))}"
        positions.append(Position(id=f"p{n}", role=draw(st.sampled_from(KEYS)), reports_to=manager))
    return draw(st.permutations(positions))


def expected_findings(
    positions: list[Position], max_span: int, duties: set[Duty]
) -> set[tuple[str, str | None]]:
    """An independent statement of the rules of check(), by plain loops."""
    level = {p.id: CATALOG.get(p.role).level for p in positions}
    found: set[tuple[str, str | None]] = set()
    for p in positions:
        reports = [q for q in positions if q.reports_to == p.id]
        if p.reports_to is None and level[p.id] == Level.INDIVIDUAL:
            found.add(("individual_at_root", p.id))
        if p.reports_to is not None and level[p.id].rank > level[p.reports_to].rank:
            found.add(("level_inversion", p.id))
        if not reports and level[p.id] != Level.INDIVIDUAL:
            found.add(("manager_without_reports", p.id))
        if len(reports) > max_span:
            found.add(("wide_span", p.id))
    for duty in duties:
        owners = [
            p
            for p in positions
            if any(
                r.duty == duty and r.raci.letter in "RA"
                for r in CATALOG.get(p.role).responsibilities
            )
        ]
        if not owners:
            found.add(("uncovered_duty", None))
    return found


@given(charts(), st.integers(1, 4), st.sets(st.sampled_from(list(Duty))))
def test_check_agrees_with_the_rules(
    positions: list[Position], max_span: int, duties: set[Duty]
) -> None:
    chart = OrgChart(positions=positions)
    findings = chart.check(max_span=max_span, duties=duties)
    assert {(f.code.value, f.position) for f in findings} == expected_findings(
        positions, max_span, duties
    )
    uncovered = [f for f in findings if f.code is ChartFindingCode.UNCOVERED_DUTY]
    assert len(uncovered) == len({d for d in duties if f"{d.value!r}" in str(uncovered)})
    # Position findings come in chart order, the duty findings last.
    order = {p.id: n for n, p in enumerate(positions)}
    ranks = [order[f.position] if f.position else len(order) for f in findings]
    assert ranks == sorted(ranks)


@given(charts())
def test_check_never_raises_with_its_defaults(positions: list[Position]) -> None:
    findings = OrgChart(positions=positions).check()
    assert all(f.message for f in findings)


@given(charts(), st.data())
def test_planted_inversions_are_always_found(
    positions: list[Position], data: st.DataObject
) -> None:
    chart = OrgChart(positions=positions)
    below = [p for p in positions if p.reports_to is not None]
    if not below:
        return
    x = data.draw(st.sampled_from(below))
    manager_level = chart.role_of(x.reports_to).level  # type: ignore[arg-type]
    higher = [k for k in KEYS if CATALOG.get(k).level > manager_level]
    if not higher:
        return
    planted = attrs.evolve(x, role=data.draw(st.sampled_from(higher)))
    broken = OrgChart(positions=[planted if p is x else p for p in positions])
    inversions = [f for f in broken.check() if f.code is ChartFindingCode.LEVEL_INVERSION]
    assert (x.id, (x.reports_to,)) in {(f.position, f.related) for f in inversions}


def test_pinned_findings() -> None:
    chart = OrgChart(
        positions=[
            Position(id="cco", role="chief_customer_officer"),
            Position(id="cc-dir", role="call_center_director", reports_to="cco"),
            Position(id="sup", role="customer_service_supervisor", reports_to="cc-dir"),
            *[
                Position(id=f"ag-{n}", role="call_center_agent", reports_to="cc-dir")
                for n in range(3)
            ],
        ]
    )
    findings = chart.check(max_span=3, duties=[Duty.HANDLE_RETURNS, Duty.SUPERVISE_TEAM])
    assert [(f.code.value, f.position, f.related) for f in findings] == [
        ("wide_span", "cc-dir", ()),
        ("manager_without_reports", "sup", ()),
        (
            "uncovered_duty",
            None,
            ("customer_service_representative", "customer_service_manager"),
        ),
    ]
    assert findings[0].message == "'cc-dir' has 4 direct reports, more than 3"
    assert findings[2].message == (
        "no position owns the duty 'handle_returns' (roles that do: "
        "customer_service_representative, customer_service_manager)"
    )


def test_default_duties_are_every_owned_duty_of_the_catalog() -> None:
    chart = OrgChart(positions=[Position(id="cco", role="chief_customer_officer")])
    uncovered = {f.message.split("'")[1] for f in chart.check() if f.position is None}
    owned_by_cco = {Duty.DESIGN_CX_STRATEGY, Duty.WORK_WITH_BOARD}
    owned = {r.duty for role in CATALOG.roles for r in role.responsibilities if r.raci.owns}
    assert uncovered == {d.value for d in owned - owned_by_cco}


def test_uncovered_duties_name_the_owners_in_the_charts_catalog() -> None:
    catalog = CATALOG.remove("live_chat_agent")
    chart = OrgChart(positions=[Position(id="m", role="customer_service_manager")], catalog=catalog)
    (finding,) = (f for f in chart.check(duties=[Duty.COLLECT_LEADS]) if f.position is None)
    assert finding.related == ("customer_support_manager",)


# ------------------------------------------------------------------ roles and authority


def test_role_lookups() -> None:
    chart = OrgChart(
        positions=[
            Position(id="mgr", role="customer_support_manager"),
            Position(
                id="eng",
                role="customer_support_engineer",
                reports_to="mgr",
                topics=[Topic.INSTALLATION],
            ),
        ]
    )
    assert chart.role_of("eng").tier == 2
    assert chart.topics_of("eng") == {Topic.TECHNICAL_PROBLEM, Topic.INSTALLATION}
    assert chart.authority_of("eng") == Authority()
    assert chart.authority_of("mgr") == CATALOG.get("customer_support_manager").authority
    limited = Authority(refund_limit=Decimal(25), currency="EUR")
    chart = OrgChart(positions=[attrs.evolve(chart.positions[0], authority=limited)])
    assert chart.authority_of("mgr") is limited


def test_unknown_roles() -> None:
    with pytest.raises(
        UnknownRoleError,
        match=r"OrgChart\.positions\[1\]\.role: no role 'call_centre_agent' .* 'call_center_agent'",
    ):
        OrgChart(
            positions=[
                Position(id="mgr", role="call_center_manager"),
                Position(id="ag", role="call_centre_agent", reports_to="mgr"),
            ]
        )
    chart = OrgChart(positions=[Position(id="mgr", role="call_center_manager")])
    with pytest.raises(UnknownRoleError, match=r"no role 'agent'"):
        chart.holding("agent")
    mine = CATALOG.remove("telemarketer")
    with pytest.raises(UnknownRoleError, match=r"positions\[0\]\.role: no role 'telemarketer'"):
        OrgChart(positions=[Position(id="t", role="telemarketer")], catalog=mine)


def test_structure_is_checked_before_roles() -> None:
    with pytest.raises(Exception, match=r"cycle") as caught:
        OrgChart(positions=[Position(id="a", role="no_such_role", reports_to="a")])
    assert not isinstance(caught.value, UnknownRoleError)


def test_catalog_default_and_validation() -> None:
    chart = OrgChart(positions=[Position(id="mgr", role="call_center_manager")])
    assert chart.catalog is CATALOG
    assert chart == OrgChart(positions=chart.positions, catalog=CATALOG)
    assert "catalog" not in repr(chart)
    with pytest.raises(InvalidEntityError, match=r"OrgChart\.catalog: 'default', expected None"):
        OrgChart(positions=chart.positions, catalog="default")  # type: ignore[arg-type]


def test_bad_arguments_of_check() -> None:
    chart = OrgChart(positions=[Position(id="mgr", role="call_center_manager")])
    for bad in (0, True, "3", 2.0):
        with pytest.raises(InvalidEntityError, match=r"OrgChart\.check\.max_span: .* an int of 1"):
            chart.check(max_span=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"OrgChart\.check\.duties: 'hire', expected"):
        chart.check(duties="hire")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"OrgChart\.check\.duties: 5, expected"):
        chart.check(duties=5)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"OrgChart\.check\.duties\[1\]: 'juggle', expected a Duty: one of"
    ):
        chart.check(duties=[Duty.HIRE, "juggle"])  # type: ignore[list-item]
    # A member's plain value stands for the member.
    assert chart.check(duties=[Duty.HIRE, "handle_returns"]) == chart.check(  # type: ignore[list-item]
        duties=[Duty.HIRE, Duty.HANDLE_RETURNS]
    )


def test_position_authority_must_be_an_authority() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"Position\.authority: 20, expected None or an Authority"
    ):
        Position(id="a", role="call_center_agent", authority=20)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"Position\.role: 'Call Agent', expected a snake_case"
    ):
        Position(id="a", role="Call Agent")


def test_findings_validate() -> None:
    with pytest.raises(InvalidEntityError, match=r"ChartFinding\.code: 'wide'"):
        ChartFinding(code="wide", position="p", message="m")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"ChartFinding\.message: ' ', expected a non-empty"
    ):
        ChartFinding(code=ChartFindingCode.WIDE_SPAN, position="p", message=" ")
    with pytest.raises(InvalidEntityError, match=r"ChartFinding\.related\[0\]: ''"):
        ChartFinding(code=ChartFindingCode.WIDE_SPAN, position=None, related=[""], message="m")
