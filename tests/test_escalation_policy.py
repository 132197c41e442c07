"""decide_escalation and escalate: properties against independent oracles, and worked cases."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    SLA,
    Authority,
    Channel,
    Direction,
    EscalationCheck,
    EscalationDecision,
    EscalationKind,
    EscalationPolicy,
    EscalationReason,
    EscalationStep,
    EventKind,
    Interaction,
    InvalidEntityError,
    Level,
    Metric,
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
    escalation_step,
    sla_status,
    support_team,
)
from csroles.escalation import DEFAULT_TEAMS
from csroles.interactions import Event
from csroles.sla import ClockState
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
SLAS = st.builds(
    lambda targets: SLA(name="Support", targets=targets),
    st.dictionaries(
        st.sampled_from(
            [Metric.FIRST_RESPONSE_TIME, Metric.NEXT_RESPONSE_TIME, Metric.RESOLUTION_TIME]
        ),
        st.integers(1, 5 * 24 * 60).map(lambda minutes: timedelta(minutes=minutes)),
        min_size=1,
    ),
)
STRICT = EscalationPolicy(
    steps=[
        EscalationStep(threshold=0.25, level=Level.SUPERVISOR),
        EscalationStep(threshold=0.8, level=Level.MANAGER),
        EscalationStep(threshold=2.0, level=Level.DIRECTOR),
    ]
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
        "complaint": draw(st.booleans()),
        "teams": draw(st.none() | st.just({Topic.BILLING: "finance"})),
        "sla": draw(st.none() | SLAS),
        "policy": draw(st.none() | st.just(STRICT)),
    }


# ------------------------------------------------------------------ properties


def sla_level(case: dict[str, object], call: Interaction, now: datetime) -> Level | None:
    """The level the SLA clocks call for: the highest step any counting clock reached."""
    sla: SLA | None = case["sla"]  # type: ignore[assignment]
    if sla is None:
        return None
    policy: EscalationPolicy = case["policy"] or EscalationPolicy()  # type: ignore[assignment]
    reached = [
        step.level
        for clock in sla_status(sla, call, now)
        if clock.state in (ClockState.RUNNING, ClockState.WARNING)
        or (clock.state is ClockState.BREACHED and clock.due_at is not None)
        for step in policy.steps
        if clock.elapsed / clock.target >= step.threshold
    ]
    return max(reached, default=None)


def needed_level(case: dict[str, object], call: Interaction, now: datetime) -> Level | None:
    levels = [sla_level(case, call, now)]
    if case["customer_conflict"] or case["colleague"] is not None:
        levels.append(Level.MANAGER)  # conflicts with customers or representatives
    if case["manager_requested"]:
        levels.append(Level.MANAGER)  # the default policy's manager_request
    if case["complaint"]:
        levels.append(Level.SUPERVISOR)
    return max((level for level in levels if level is not None), default=None)


def expected_reasons(
    case: dict[str, object], call: Interaction, now: datetime
) -> list[EscalationReason]:
    topic = call.topic
    chart: OrgChart = case["chart"]  # type: ignore[assignment]
    handler: str = case["handler"]  # type: ignore[assignment]
    request: Request | None = case["request"]  # type: ignore[assignment]
    expected = []
    if request is not None and not authority(chart, handler).permits(request):
        expected.append(EscalationReason.AUTHORITY)
    if not covers(chart, handler, topic) or case["unresolved"]:
        expected.append(EscalationReason.EXPERTISE)
    if sla_level(case, call, now) is not None:
        expected.append(EscalationReason.SLA_RISK)
    if case["customer_conflict"] or case["colleague"] is not None:
        expected.append(EscalationReason.CONFLICT)
    if case["manager_requested"]:
        expected.append(EscalationReason.CUSTOMER_REQUEST)
    if case["complaint"]:
        expected.append(EscalationReason.COMPLAINT)
    return expected


def check_hierarchical(
    case: dict[str, object],
    decision: EscalationDecision,
    expected: list[EscalationReason],
    level: Level | None,
) -> None:
    """The first manager up the chain who meets every need, or none."""
    chart: OrgChart = case["chart"]  # type: ignore[assignment]
    handler: str = case["handler"]  # type: ignore[assignment]
    colleague: str | None = case["colleague"]  # type: ignore[assignment]

    def fit(key: str) -> bool:
        return (
            (
                EscalationReason.AUTHORITY not in expected
                or authority(chart, key).permits(case["request"])  # type: ignore[arg-type]
            )
            and (level is None or role(chart, key).level >= level)
            and (colleague is None or key in chain(chart, colleague))
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
        down = chart.is_above(handler, best) or role(chart, best).level < role(chart, handler).level
        # A move down the chart is a delegation, not an escalation.
        assert decision.kind is (EscalationKind.DELEGATION if down else EscalationKind.FUNCTIONAL)
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


LATER = st.integers(0, 6 * 24 * 3600).map(lambda seconds: timedelta(seconds=seconds))


@given(situations(), interactions(max_events=4), LATER)
def test_decisions_agree_with_the_oracles(
    case: dict[str, object], call: Interaction, later: timedelta
) -> None:
    now = call.last_event_at + later
    decision = decide_escalation(call, now=now, **case)  # type: ignore[arg-type]
    # Built without its checks: built again with them, it is the same.
    assert attrs.evolve(decision) == decision
    assert all(attrs.evolve(check) == check for check in decision.checks)
    expected = expected_reasons(case, call, now)
    assert decision.reasons == tuple(expected)
    assert [c.reason for c in decision.checks] == [
        EscalationReason.AUTHORITY,
        EscalationReason.EXPERTISE,
        EscalationReason.SLA_RISK,
        EscalationReason.CONFLICT,
        EscalationReason.CUSTOMER_REQUEST,
        EscalationReason.COMPLAINT,
    ]
    assert decision.interaction_id == call.id
    assert decision.handler == case["handler"]
    hierarchical = {
        EscalationReason.AUTHORITY,
        EscalationReason.SLA_RISK,
        EscalationReason.CONFLICT,
        EscalationReason.CUSTOMER_REQUEST,
        EscalationReason.COMPLAINT,
    }
    if hierarchical & set(expected):
        check_hierarchical(case, decision, expected, needed_level(case, call, now))
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
    delegated = decision.kind is EscalationKind.DELEGATION
    assert updated.events[-1].kind is (EventKind.ASSIGNED if delegated else EventKind.ESCALATED)
    assert updated.assignee == str(decision.target)
    assert updated.events[-1].by == decision.handler


# ------------------------------------------------------------------ worked cases (sources)


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
    # *ServiceNow CSR*: functional escalation, representative -> engineer -> product team.
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
    assert dispute.target == Party.position("cs-manager")  # skips the supervisor (LiveAgent roles)
    spat = decide_escalation(ticket(), handler="csr-1", chart=ORG, now=OPENED, colleague="csr-3")
    # Not their supervisor: managers handle conflicts that involve representatives
    # (LiveAgent roles), so the first manager above both.
    assert spat.target == Party.position("cs-manager")
    assert "a manager above both settles" in spat.explain()
    across = decide_escalation(
        ticket(), handler="csr-1", chart=ORG, now=OPENED, colleague="cc-agent-1-1"
    )
    assert across.target == Party.position("cco")


def test_the_customer_asks_for_a_manager() -> None:
    decision = decide_escalation(
        ticket(), handler="csr-2", chart=ORG, now=OPENED, manager_requested=True
    )
    # A manager, not a supervisor (LiveAgent roles, What is a CSR) ...
    assert decision.target == Party.position("cs-manager")
    assert decision.reasons == (EscalationReason.CUSTOMER_REQUEST,)
    # ... unless the desk sends such calls to a supervisor first.
    first = EscalationPolicy(manager_request=Level.SUPERVISOR)
    decision = decide_escalation(
        ticket(), handler="csr-2", chart=ORG, now=OPENED, customer_request=True, policy=first
    )
    assert decision.target == Party.position("cs-supervisor")


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
    by_value = decide_escalation(
        ticket(Topic.ONBOARDING),
        handler="rep",
        chart=small,
        now=OPENED,
        teams={"onboarding": "onboarding desk"},  # type: ignore[dict-item]
    )
    assert by_value == taught


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
        "  - sla_risk: no SLA was given",
        "  - conflict: no conflict with the customer or a colleague",
        "  - customer_request: the customer did not ask for a manager",
        "  - complaint: the customer did not complain",
    ]


def test_nothing_is_mutated() -> None:
    call = ticket()
    decision = decide_escalation(
        call, handler="csr-1", chart=ORG, now=OPENED, manager_requested=True
    )
    record, updated = escalate(call, decision, OPENED + timedelta(minutes=3))
    assert call.events == (Event(kind=EventKind.OPENED, at=OPENED),)
    assert updated is not call
    assert record.target == Party.position("cs-manager")


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
        ({"customer_conflict": "no"}, InvalidEntityError, r"customer_conflict: 'no'"),
        ({"complaint": 0}, InvalidEntityError, r"decide_escalation.complaint: 0, expected True"),
        ({"manager_requested": "yes"}, InvalidEntityError, r"manager_requested: 'yes'"),
        (
            {"teams": ["product"]},
            InvalidEntityError,
            r"teams: \['product'\], expected None or a mapping",
        ),
        (
            {"teams": {"payroll": "finance"}},
            InvalidEntityError,
            r"teams: 'payroll', expected Topic keys",
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
            {"escalate": False, "kind": "sideways"},
            r"kind: 'sideways', expected None or an EscalationKind",
        ),
        # A member's plain value is taken for the member, then checked like it.
        ({"escalate": False, "kind": "functional"}, r"kind: .* None when not escalating"),
        ({"escalate": False, "target": "x"}, r"target: 'x', expected None or a Party"),
        ({"escalate": False, "checks": ["x"]}, r"checks\[0\]: 'x', expected an EscalationCheck"),
        ({"escalate": False, "message": " "}, r"message: ' ', expected a non-empty string"),
    ]
    for fields, message in bad:
        with pytest.raises(InvalidEntityError, match=r"EscalationDecision\." + message):
            EscalationDecision(**(base | fields))  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"EscalationCheck\.applies: 'no'"):
        EscalationCheck(reason=EscalationReason.CONFLICT, applies="no", message="m")  # type: ignore[arg-type]


# ------------------------------------------------------------------ SLA-driven escalation


SUPPORT_SLA = SLA(
    name="Support",
    targets={
        Metric.FIRST_RESPONSE_TIME: timedelta(hours=1),
        Metric.RESOLUTION_TIME: timedelta(hours=8),
    },
)


def test_half_a_target_goes_to_a_supervisor_a_breach_to_a_manager() -> None:
    call = ticket()
    quiet = decide_escalation(
        call, handler="csr-1", chart=ORG, now=OPENED + timedelta(minutes=20), sla=SUPPORT_SLA
    )
    assert not quiet.escalate
    assert quiet.checks[2].message == "no SLA clock still counting has used 50% of its target"
    half = decide_escalation(
        call, handler="csr-1", chart=ORG, now=OPENED + timedelta(minutes=40), sla=SUPPORT_SLA
    )
    assert half.target == Party.position("cs-supervisor")
    assert half.reasons == (EscalationReason.SLA_RISK,)
    assert half.checks[2].message == (
        "first_response_time has used 67% of its 1:00:00 target (counting): at 50% it goes to "
        "a supervisor or above"
    )
    late = decide_escalation(
        call, handler="csr-1", chart=ORG, now=OPENED + timedelta(hours=2), sla=SUPPORT_SLA
    )
    assert late.target == Party.position("cs-manager")
    assert late.checks[2].message.startswith(
        "first_response_time has used 200% of its 1:00:00 target (breached): at 100%"
    )


def test_a_reply_stops_the_first_response_clock() -> None:
    call = ticket().with_event(
        Event(kind=EventKind.AGENT_REPLIED, at=OPENED + timedelta(minutes=10), by="csr-1")
    )
    decision = decide_escalation(
        call, handler="csr-1", chart=ORG, now=OPENED + timedelta(hours=5), sla=SUPPORT_SLA
    )
    # First response met; resolution at 5 of 8 hours.
    assert decision.target == Party.position("cs-supervisor")
    assert decision.checks[2].message.startswith("resolution_time has used 62%")


def test_a_paused_clock_does_not_escalate() -> None:
    call = ticket().with_events(
        [
            Event(kind=EventKind.AGENT_REPLIED, at=OPENED + timedelta(minutes=10), by="csr-1"),
            Event(kind=EventKind.WAITING_ON_CUSTOMER, at=OPENED + timedelta(minutes=11)),
        ]
    )
    decision = decide_escalation(
        call, handler="csr-1", chart=ORG, now=OPENED + timedelta(days=3), sla=SUPPORT_SLA
    )
    assert not decision.escalate


def test_a_custom_policy() -> None:
    policy = EscalationPolicy(steps=[EscalationStep(threshold=0.25, level=Level.DIRECTOR)])
    decision = decide_escalation(
        ticket(),
        handler="cc-agent-1-1",
        chart=ORG,
        now=OPENED + timedelta(minutes=20),
        sla=SUPPORT_SLA,
        policy=policy,
    )
    assert decision.target == Party.position("cc-director")


def test_escalation_step_is_a_pure_function_of_clocks() -> None:
    clocks = sla_status(SUPPORT_SLA, ticket(), OPENED + timedelta(hours=6))
    step, clock = escalation_step(clocks)  # type: ignore[misc]
    assert (step.level, clock.metric) == (Level.MANAGER, Metric.FIRST_RESPONSE_TIME)
    assert escalation_step(clocks) == escalation_step(list(reversed(clocks)))
    assert escalation_step(()) is None
    strict = escalation_step(clocks, policy=STRICT)
    assert strict is not None
    assert strict[0].level is Level.DIRECTOR


def test_policy_and_step_validation() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"EscalationStep\.threshold: 0, expected a positive"
    ):
        EscalationStep(threshold=0, level=Level.MANAGER)
    with pytest.raises(InvalidEntityError, match=r"EscalationStep\.threshold: True"):
        EscalationStep(threshold=True, level=Level.MANAGER)
    with pytest.raises(InvalidEntityError, match=r"EscalationStep\.threshold: inf"):
        EscalationStep(threshold=float("inf"), level=Level.MANAGER)
    with pytest.raises(InvalidEntityError, match=r"EscalationStep\.level: 'boss'"):
        EscalationStep(threshold=1, level="boss")  # type: ignore[arg-type]
    assert EscalationStep(threshold=1, level=Level.MANAGER).threshold == 1.0
    with pytest.raises(
        InvalidEntityError, match=r"EscalationPolicy\.steps: \(\), expected at least one"
    ):
        EscalationPolicy(steps=[])
    with pytest.raises(
        InvalidEntityError, match=r"EscalationPolicy\.steps\[0\]: 0.5, expected an EscalationStep"
    ):
        EscalationPolicy(steps=[0.5])
    with pytest.raises(
        InvalidEntityError, match=r"EscalationPolicy\.steps\[1\]: .* increasing threshold"
    ):
        EscalationPolicy(
            steps=[
                EscalationStep(threshold=1.0, level=Level.SUPERVISOR),
                EscalationStep(threshold=0.5, level=Level.MANAGER),
            ]
        )


def test_escalation_step_bad_input() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"escalation_step\.clocks: 'x', expected an iterable"
    ):
        escalation_step("x")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"escalation_step\.clocks\[0\]: 1, expected an SLAClock"
    ):
        escalation_step([1])  # type: ignore[list-item]
    with pytest.raises(
        InvalidEntityError, match=r"escalation_step\.policy: 'strict', expected None"
    ):
        escalation_step([], policy="strict")  # type: ignore[arg-type]


def test_decide_escalation_refuses_a_bad_sla_or_policy() -> None:
    good: dict[str, object] = {"handler": "csr-1", "chart": ORG, "now": OPENED}
    with pytest.raises(
        InvalidEntityError, match=r"decide_escalation\.sla: 'gold', expected None or an SLA"
    ):
        decide_escalation(ticket(), sla="gold", **good)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"decide_escalation\.policy: 1, expected None or an"
    ):
        decide_escalation(ticket(), policy=1, **good)  # type: ignore[arg-type]
