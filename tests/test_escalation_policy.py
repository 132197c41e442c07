"""decide_escalation and escalate: properties against independent oracles, and worked cases."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Authority,
    Channel,
    Direction,
    EscalationCheck,
    EscalationDecision,
    EscalationKind,
    EscalationReason,
    EventKind,
    Interaction,
    InvalidEntityError,
    Level,
    OrgChart,
    Party,
    Position,
    Priority,
    Raci,
    Request,
    Topic,
    UnknownPositionError,
    customer_organisation,
    decide_escalation,
    escalate,
    support_team,
)
from csroles.escalation import DEFAULT_TEAMS
from csroles.interactions import Event
from csroles.strategies import interactions, org_charts

OPENED = datetime(2026, 5, 4, 9, tzinfo=UTC)
ORG = customer_organisation()


def ticket(topic: Topic = Topic.BILLING, **changes: object) -> Interaction:
    base = Interaction(
        id="T-1",
        customer_id="C-1",
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        topic=topic,
        priority=Priority.NORMAL,
        events=[Event(kind=EventKind.OPENED, at=OPENED)],
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


# ------------------------------------------------------------------ oracles


def links(chart: OrgChart) -> dict[str, str | None]:
    return {p.id: p.reports_to for p in chart}


def chain(chart: OrgChart, key: str) -> list[str]:
    up = links(chart)
    found = []
    manager = up[key]
    while manager is not None:
        found.append(manager)
        manager = up[manager]
    return found


def distances(chart: OrgChart, start: str) -> dict[str, int]:
    neighbours: dict[str, list[str]] = {p.id: [] for p in chart}
    for p in chart:
        if p.reports_to is not None:
            neighbours[p.id].append(p.reports_to)
            neighbours[p.reports_to].append(p.id)
    seen = {start: 0}
    queue = [start]
    for key in queue:
        for n in neighbours[key]:
            if n not in seen:
                seen[n] = seen[key] + 1
                queue.append(n)
    return seen


def role(chart: OrgChart, key: str):  # type: ignore[no-untyped-def]
    return chart.catalog.get(next(p for p in chart if p.id == key).role)


def covers(chart: OrgChart, key: str, topic: Topic) -> bool:
    position = next(p for p in chart if p.id == key)
    owned = {
        t
        for r in role(chart, key).responsibilities
        if r.raci in (Raci.RESPONSIBLE, Raci.ACCOUNTABLE)
        for t in r.topics
    }
    return topic in owned or topic in position.topics


def works_on(chart: OrgChart, key: str, topic: Topic) -> bool:
    position = next(p for p in chart if p.id == key)
    done = {
        t for r in role(chart, key).responsibilities if r.raci == Raci.RESPONSIBLE for t in r.topics
    }
    return topic in done or topic in position.topics


def tier(chart: OrgChart, key: str) -> int:
    return role(chart, key).tier or 1


def authority(chart: OrgChart, key: str) -> Authority:
    position = next(p for p in chart if p.id == key)
    return position.authority or role(chart, key).authority


# ------------------------------------------------------------------ strategies

REQUESTS = st.one_of(
    st.none(),
    st.builds(
        Request.refund,
        st.integers(1, 500).map(Decimal),
        st.sampled_from(["EUR", "USD"]),
    ),
    st.sampled_from([Request.policy_exception(), Request.priority_change(), Request.hire()]),
)
LIMITED = Authority(refund_limit=Decimal(100), currency="EUR", change_priorities=True)


@st.composite
def situations(draw: st.DrawFn) -> dict[str, object]:
    chart = draw(org_charts(max_size=14))
    limited = draw(st.sets(st.sampled_from([p.id for p in chart])))
    if limited:
        chart = OrgChart(
            positions=[attrs.evolve(p, authority=LIMITED) if p.id in limited else p for p in chart]
        )
    handler = draw(st.sampled_from([p.id for p in chart]))
    others = [p.id for p in chart if p.id != handler]
    return {
        "chart": chart,
        "handler": handler,
        "request": draw(REQUESTS),
        "unresolved": draw(st.booleans()),
        "customer_conflict": draw(st.booleans()),
        "colleague": draw(st.none() | st.sampled_from(others)) if others else None,
        "manager_requested": draw(st.booleans()),
        "teams": draw(st.none() | st.just({Topic.BILLING: "finance"})),
    }


# ------------------------------------------------------------------ properties


def expected_reasons(case: dict[str, object], topic: Topic) -> list[EscalationReason]:
    chart: OrgChart = case["chart"]  # type: ignore[assignment]
    handler: str = case["handler"]  # type: ignore[assignment]
    request: Request | None = case["request"]  # type: ignore[assignment]
    expected = []
    if request is not None and not authority(chart, handler).permits(request):
        expected.append(EscalationReason.AUTHORITY)
    if not covers(chart, handler, topic) or case["unresolved"]:
        expected.append(EscalationReason.EXPERTISE)
    if case["customer_conflict"] or case["colleague"] is not None:
        expected.append(EscalationReason.CONFLICT)
    if case["manager_requested"]:
        expected.append(EscalationReason.CUSTOMER_REQUEST)
    return expected


def check_hierarchical(
    case: dict[str, object], decision: EscalationDecision, expected: list[EscalationReason]
) -> None:
    """The first manager up the chain who meets every need, or none."""
    chart: OrgChart = case["chart"]  # type: ignore[assignment]
    handler: str = case["handler"]  # type: ignore[assignment]
    colleague: str | None = case["colleague"]  # type: ignore[assignment]

    def fit(key: str) -> bool:
        level = role(chart, key).level
        return (
            (
                EscalationReason.AUTHORITY not in expected
                or authority(chart, key).permits(case["request"])  # type: ignore[arg-type]
            )
            and (not case["customer_conflict"] or level >= Level.MANAGER)
            and (colleague is None or key in chain(chart, colleague))
            and (not case["manager_requested"] or level >= Level.SUPERVISOR)
        )

    above = [k for k in chain(chart, handler) if fit(k)]
    if above:
        assert decision.escalate
        assert decision.kind is EscalationKind.HIERARCHICAL
        assert decision.target == Party.position(above[0])
        assert chart.is_above(above[0], handler)
    else:
        assert not decision.escalate
        assert decision.message.startswith("cannot escalate")


def check_functional(case: dict[str, object], decision: EscalationDecision, topic: Topic) -> None:
    """The nearest position more expert on the topic, then the named team, or none."""
    chart: OrgChart = case["chart"]  # type: ignore[assignment]
    handler: str = case["handler"]  # type: ignore[assignment]
    floor = tier(chart, handler) if covers(chart, handler, topic) else 0
    far = distances(chart, handler)
    candidates = [
        p.id
        for p in chart
        if p.id != handler and works_on(chart, p.id, topic) and tier(chart, p.id) > floor
    ]
    if candidates:
        nearest = min(far[k] for k in candidates)
        best = max((k for k in candidates if far[k] == nearest), key=lambda k: tier(chart, k))
        assert decision.escalate
        assert decision.kind is EscalationKind.FUNCTIONAL
        assert decision.target == Party.position(best)
        # More expert than the handler on the topic.
        assert works_on(chart, best, topic)
        assert not covers(chart, handler, topic) or tier(chart, best) > tier(chart, handler)
        return
    teams = case["teams"] if case["teams"] is not None else DEFAULT_TEAMS
    team = teams.get(topic)  # type: ignore[attr-defined]
    if team is None:
        assert not decision.escalate
        assert decision.message.startswith("cannot escalate")
    else:
        assert decision.kind is EscalationKind.FUNCTIONAL
        assert decision.target == Party.team(team)


@given(situations(), interactions(max_events=4))
def test_decisions_agree_with_the_oracles(case: dict[str, object], call: Interaction) -> None:
    decision = decide_escalation(call, now=call.last_event_at, **case)  # type: ignore[arg-type]
    expected = expected_reasons(case, call.topic)
    assert decision.reasons == tuple(expected)
    assert [c.reason for c in decision.checks] == [
        EscalationReason.AUTHORITY,
        EscalationReason.EXPERTISE,
        EscalationReason.CONFLICT,
        EscalationReason.CUSTOMER_REQUEST,
    ]
    assert decision.interaction_id == call.id
    assert decision.handler == case["handler"]
    hierarchical = {
        EscalationReason.AUTHORITY,
        EscalationReason.CONFLICT,
        EscalationReason.CUSTOMER_REQUEST,
    }
    if hierarchical & set(expected):
        check_hierarchical(case, decision, expected)
    elif expected:
        check_functional(case, decision, call.topic)
    else:
        assert not decision.escalate
        assert decision.message.startswith("no escalation")
    if decision.target is not None and decision.target.kind.value == "position":
        assert decision.target.id in case["chart"]  # type: ignore[operator]
        assert decision.target.id != case["handler"]


@given(situations(), interactions(max_events=4))
def test_escalate_records_the_decision(case: dict[str, object], call: Interaction) -> None:
    decision = decide_escalation(call, now=call.last_event_at, **case)  # type: ignore[arg-type]
    if not decision.escalate:
        with pytest.raises(
            InvalidEntityError, match=r"escalate\.decision: .* a decision to escalate"
        ):
            escalate(call, decision, call.last_event_at)
        return
    if not call.status.is_active or call.assignee == str(decision.target):
        with pytest.raises(InvalidEntityError, match=r"Interaction\.events"):
            escalate(call, decision, call.last_event_at)
        return
    at = call.last_event_at + timedelta(minutes=5)
    record, updated = escalate(call, decision, at)
    assert record.interaction_id == call.id
    assert record.source == Party.position(decision.handler)
    assert record.target == decision.target
    assert record.kind is decision.kind
    assert record.reasons == frozenset(decision.reasons)
    assert record.at == at
    assert record.note == decision.message
    assert updated.events[:-1] == call.events
    assert updated.events[-1].kind is EventKind.ESCALATED
    assert updated.assignee == str(decision.target)
    assert updated.events[-1].by == decision.handler


# ------------------------------------------------------------------ worked cases (seeds)


def test_a_refund_beyond_an_agent_goes_to_the_call_center_manager() -> None:
    decision = decide_escalation(
        ticket(), handler="cc-agent-1-2", chart=ORG, now=OPENED, request=Request.refund(80, "EUR")
    )
    assert decision.escalate
    assert decision.kind is EscalationKind.HIERARCHICAL
    assert decision.target == Party.position("cc-manager-1")
    assert decision.reasons == (EscalationReason.AUTHORITY,)
    assert decision.checks[0].message == (
        "a refund of 80 EUR: 'cc-agent-1-2' (call_center_agent) may not grant refunds or credits"
    )


def test_an_agent_with_a_limit_decides_small_refunds() -> None:
    limited = OrgChart(
        positions=[attrs.evolve(p, authority=LIMITED) if p.id == "cc-agent-1-2" else p for p in ORG]
    )
    small = decide_escalation(
        ticket(),
        handler="cc-agent-1-2",
        chart=limited,
        now=OPENED,
        request=Request.refund(80, "EUR"),
    )
    assert not small.escalate
    assert small.message == "no escalation: 'cc-agent-1-2' (call_center_agent) can handle it"
    assert (
        small.checks[0].message
        == "'cc-agent-1-2' (call_center_agent) 80 EUR is within its limit of 100 EUR"
    )
    big = decide_escalation(
        ticket(),
        handler="cc-agent-1-2",
        chart=limited,
        now=OPENED,
        request=Request.refund(180, "EUR"),
    )
    assert big.target == Party.position("cc-manager-1")


def test_a_technical_problem_goes_from_representative_to_engineer_to_product_team() -> None:
    # DOMAIN section 5: functional escalation, representative -> engineer -> product team.
    chart = support_team()
    first = decide_escalation(
        ticket(Topic.TECHNICAL_PROBLEM),
        handler="support-rep-1",
        chart=chart,
        now=OPENED,
        unresolved=True,
    )
    assert (first.kind, first.target) == (
        EscalationKind.FUNCTIONAL,
        Party.position("support-engineer-1"),
    )
    second = decide_escalation(
        ticket(Topic.TECHNICAL_PROBLEM),
        handler="support-engineer-1",
        chart=chart,
        now=OPENED,
        unresolved=True,
    )
    assert (second.kind, second.target) == (EscalationKind.FUNCTIONAL, Party.team("product team"))
    assert second.message == (
        "escalate to the internal 'product team': nobody in the chart is more expert on "
        "'technical_problem' than 'support-engineer-1' (customer_support_engineer)"
    )


def test_a_call_center_agent_passes_a_technical_problem_to_support() -> None:
    decision = decide_escalation(
        ticket(Topic.TECHNICAL_PROBLEM), handler="cc-agent-1-1", chart=ORG, now=OPENED
    )
    assert decision.target == Party.position("support-engineer-1")
    assert decision.reasons == (EscalationReason.EXPERTISE,)


def test_conflicts_go_to_managers_and_common_managers() -> None:
    dispute = decide_escalation(
        ticket(), handler="csr-1", chart=ORG, now=OPENED, customer_conflict=True
    )
    assert dispute.target == Party.position("cs-manager")  # skips the supervisor (seed 000)
    spat = decide_escalation(ticket(), handler="csr-1", chart=ORG, now=OPENED, colleague="csr-3")
    assert spat.target == Party.position("cs-supervisor")
    across = decide_escalation(
        ticket(), handler="csr-1", chart=ORG, now=OPENED, colleague="cc-agent-1-1"
    )
    assert across.target == Party.position("cco")


def test_the_customer_asks_for_a_manager() -> None:
    decision = decide_escalation(
        ticket(), handler="csr-2", chart=ORG, now=OPENED, manager_requested=True
    )
    assert decision.target == Party.position("cs-supervisor")
    assert decision.reasons == (EscalationReason.CUSTOMER_REQUEST,)


def test_nowhere_to_go() -> None:
    root = decide_escalation(ticket(), handler="cco", chart=ORG, now=OPENED, manager_requested=True)
    assert not root.escalate
    assert (
        root.message
        == "cannot escalate: 'cco' (chief_customer_officer) is at the root, with no one above"
    )
    nobody = decide_escalation(
        ticket(),
        handler="csr-1",
        chart=ORG,
        now=OPENED,
        request=Request.refund(10, "EUR"),
        colleague="cc-agent-1-1",
        customer_conflict=True,
    )
    assert nobody.escalate  # the CCO has every power and is above both
    small = OrgChart(
        positions=[
            Position(id="sup", role="customer_service_supervisor"),
            Position(id="rep", role="customer_service_representative", reports_to="sup"),
        ]
    )
    stuck = decide_escalation(
        ticket(), handler="rep", chart=small, now=OPENED, request=Request.policy_exception()
    )
    assert not stuck.escalate
    assert stuck.message == (
        "cannot escalate: nobody above 'rep' (customer_service_representative) may decide a policy exception"
    )
    untaught = decide_escalation(ticket(Topic.ONBOARDING), handler="rep", chart=small, now=OPENED)
    assert not untaught.escalate
    assert "no internal team is named for it" in untaught.message
    taught = decide_escalation(
        ticket(Topic.ONBOARDING),
        handler="rep",
        chart=small,
        now=OPENED,
        teams={Topic.ONBOARDING: "onboarding desk"},
    )
    assert taught.target == Party.team("onboarding desk")


def test_explain_lists_every_check() -> None:
    decision = decide_escalation(
        ticket(), handler="cc-agent-1-2", chart=ORG, now=OPENED, request=Request.refund(80, "EUR")
    )
    assert decision.explain().splitlines() == [
        (
            "escalate up the chain of command to 'cc-manager-1' (call_center_manager), the nearest "
            "manager of 'cc-agent-1-2' (call_center_agent) who may decide a refund of 80 EUR"
        ),
        "  + authority: a refund of 80 EUR: 'cc-agent-1-2' (call_center_agent) may not grant refunds or credits",
        "  - expertise: 'cc-agent-1-2' (call_center_agent) covers the topic 'billing'",
        "  - conflict: no conflict with the customer or a colleague",
        "  - customer_request: the customer did not ask for a manager",
    ]


def test_nothing_is_mutated() -> None:
    call = ticket()
    decision = decide_escalation(
        call, handler="csr-1", chart=ORG, now=OPENED, manager_requested=True
    )
    record, updated = escalate(call, decision, OPENED + timedelta(minutes=3))
    assert call.events == (Event(kind=EventKind.OPENED, at=OPENED),)
    assert updated is not call
    assert record.target == Party.position("cs-supervisor")


# ------------------------------------------------------------------ bad input


def test_bad_arguments() -> None:
    call = ticket()
    good: dict[str, object] = {"handler": "csr-1", "chart": ORG, "now": OPENED}
    cases: list[tuple[dict[str, object], type[Exception], str]] = [
        ({"handler": "nobody"}, UnknownPositionError, r"no position 'nobody'"),
        ({"colleague": "nobody"}, UnknownPositionError, r"no position 'nobody'"),
        (
            {"colleague": "csr-1"},
            InvalidEntityError,
            r"colleague: 'csr-1', expected a position other",
        ),
        (
            {"chart": "org"},
            InvalidEntityError,
            r"decide_escalation\.chart: 'org', expected an OrgChart",
        ),
        (
            {"now": OPENED.replace(tzinfo=None)},
            InvalidEntityError,
            r"decide_escalation\.now: .* naive",
        ),
        (
            {"now": OPENED - timedelta(seconds=1)},
            InvalidEntityError,
            r"now: .* not before the interaction opened",
        ),
        (
            {"request": "refund"},
            InvalidEntityError,
            r"request: 'refund', expected None or a Request",
        ),
        ({"unresolved": 1}, InvalidEntityError, r"unresolved: 1, expected True or False"),
        ({"customer_conflict": None}, InvalidEntityError, r"customer_conflict: None"),
        ({"manager_requested": "yes"}, InvalidEntityError, r"manager_requested: 'yes'"),
        (
            {"teams": ["product"]},
            InvalidEntityError,
            r"teams: \['product'\], expected None or a mapping",
        ),
        (
            {"teams": {"billing": "finance"}},
            InvalidEntityError,
            r"teams: 'billing', expected Topic keys",
        ),
        ({"teams": {Topic.BILLING: ""}}, InvalidEntityError, r"teams\['billing'\]: ''"),
    ]
    for change, error, message in cases:
        with pytest.raises(error, match=message):
            decide_escalation(call, **(good | change))  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"decide_escalation\.interaction: 5, expected an Interaction"
    ):
        decide_escalation(5, **good)  # type: ignore[arg-type]


def test_escalate_refuses_bad_input() -> None:
    call = ticket()
    decision = decide_escalation(
        call, handler="csr-1", chart=ORG, now=OPENED, manager_requested=True
    )
    with pytest.raises(
        InvalidEntityError, match=r"escalate\.interaction: 'T-1', expected an Interaction"
    ):
        escalate("T-1", decision, OPENED)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"escalate\.decision: 'up', expected an EscalationDecision"
    ):
        escalate(call, "up", OPENED)  # type: ignore[arg-type]
    other = attrs.evolve(call, id="T-2")
    with pytest.raises(
        InvalidEntityError, match=r"escalate\.decision: 'T-1', expected a decision about 'T-2'"
    ):
        escalate(other, decision, OPENED)
    with pytest.raises(InvalidEntityError, match=r"Escalation\.at: .* naive"):
        escalate(call, decision, OPENED.replace(tzinfo=None))
    closed = call.with_event(Event(kind=EventKind.CLOSED, at=OPENED))
    with pytest.raises(InvalidEntityError, match=r"Interaction\.events\[2\]: 'escalated'"):
        escalate(closed, decision, OPENED)


def test_decisions_validate_themselves() -> None:
    applies = EscalationCheck(reason=EscalationReason.CONFLICT, applies=True, message="spat")
    quiet = EscalationCheck(reason=EscalationReason.CONFLICT, applies=False, message="calm")
    base: dict[str, object] = {"interaction_id": "T-1", "handler": "a", "message": "m"}
    bad: list[tuple[dict[str, object], str]] = [
        (
            {"escalate": True, "target": Party.position("b"), "checks": [applies]},
            r"kind: None, expected an EscalationKind",
        ),
        (
            {"escalate": True, "kind": EscalationKind.HIERARCHICAL, "checks": [applies]},
            r"target: None, expected a Party",
        ),
        (
            {
                "escalate": True,
                "kind": EscalationKind.HIERARCHICAL,
                "target": Party.position("b"),
                "checks": [quiet],
            },
            r"checks: .* expected at least one check that applies",
        ),
        (
            {
                "escalate": True,
                "kind": EscalationKind.FUNCTIONAL,
                "target": Party.role("customer_advocate"),
                "checks": [applies],
            },
            r"target: .* a position or a team \(not a role\)",
        ),
        (
            {
                "escalate": True,
                "kind": EscalationKind.HIERARCHICAL,
                "target": Party.team("x"),
                "checks": [applies],
            },
            r"target: .* a position for a hierarchical escalation",
        ),
        (
            {
                "escalate": True,
                "kind": EscalationKind.FUNCTIONAL,
                "target": Party.position("a"),
                "checks": [applies],
            },
            r"target: .* a party other than the handler",
        ),
        (
            {"escalate": False, "kind": EscalationKind.FUNCTIONAL},
            r"kind: .* None when not escalating",
        ),
        ({"escalate": False, "target": Party.team("x")}, r"target: .* None when not escalating"),
        ({"escalate": 1}, r"escalate: 1, expected True or False"),
        (
            {"escalate": False, "kind": "functional"},
            r"kind: 'functional', expected None or an EscalationKind",
        ),
        ({"escalate": False, "target": "x"}, r"target: 'x', expected None or a Party"),
        ({"escalate": False, "checks": ["x"]}, r"checks\[0\]: 'x', expected an EscalationCheck"),
        ({"escalate": False, "message": " "}, r"message: ' ', expected a non-empty string"),
    ]
    for fields, message in bad:
        with pytest.raises(InvalidEntityError, match=r"EscalationDecision\." + message):
            EscalationDecision(**(base | fields))  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"EscalationCheck\.applies: 'no'"):
        EscalationCheck(reason=EscalationReason.CONFLICT, applies="no", message="m")  # type: ignore[arg-type]
