"""Assignment: which position takes an interaction now, against a brute-force model of the rules."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import UTC, datetime, time, timedelta
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    SLA,
    Assignment,
    AssignmentPolicy,
    AssignmentRule,
    BusinessCalendar,
    CalendarError,
    Channel,
    Customer,
    Direction,
    EventKind,
    Interaction,
    InvalidEntityError,
    Level,
    Metric,
    OrgChart,
    Overflow,
    Position,
    Priority,
    QueueAssignment,
    Refusal,
    Topic,
    UnknownPositionError,
    assign,
    assign_queue,
    levels_for,
)
from csroles.interactions import Event
from csroles.strategies import assignment_policies, interactions, loads, org_charts

T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)  # a Monday
ROLES = [
    "customer_service_representative",
    "customer_service_supervisor",
    "customer_service_manager",
    "call_center_agent",
    "call_center_manager",
]
CHANNELS = [Channel.PHONE, Channel.EMAIL, Channel.CHAT]
TOPICS = [Topic.BILLING, Topic.QUESTION, Topic.COMPLAINT]
OFFICE = BusinessCalendar(
    timezone="Europe/Rome", hours={day: [(time(9), time(17))] for day in range(5)}
)


# ------------------------------------------------------------------ the model


def _primary(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def covers(
    interaction: Interaction, chart: OrgChart, p: Position, customer: Customer | None
) -> bool:
    """Topic, channel, language, product and segment, as documented."""
    role = chart.role_of(p.id)
    if interaction.topic not in chart.topics_of(p.id):
        return False
    if interaction.channel not in role.channels | p.channels:
        return False
    theirs = {_primary(t) for t in customer.languages} if customer is not None else set()
    if theirs and p.languages and not theirs & {_primary(t) for t in p.languages}:
        return False
    if interaction.product is not None and p.products and interaction.product not in p.products:
        return False
    segment = customer.segment if customer is not None else None
    return segment is None or not p.segments or segment in p.segments


def model(
    interaction: Interaction,
    chart: OrgChart,
    *,
    now: datetime,
    load: Mapping[str, Mapping[Channel, int]],
    customer: Customer | None = None,
    owners: Mapping[str, str] | None = None,
    skills: frozenset[Any] = frozenset(),
    policy: AssignmentPolicy | None = None,
) -> list[str]:
    """The documented rules, as plainly as possible: filter every position, then sort by the key."""
    policy = policy or AssignmentPolicy()
    channel = interaction.channel
    suitable = levels_for(interaction.current_priority)
    ids = [p.id for p in chart]
    rows = []
    for index, p in enumerate(chart):
        role = chart.role_of(p.id)
        if not covers(interaction, chart, p, customer):
            continue
        shift = chart.shift_of(p.id)
        if shift is not None and not shift.is_open(now):
            continue
        counts = load.get(p.id, {})
        used = counts.get(channel, 0)
        limit = p.channel_capacity.get(channel, policy.capacity.get(channel))
        if limit is not None and used >= limit:
            continue
        in_team = interaction.group is None or chart.team_of(p.id) == interaction.group
        tier = None
        distance = 0
        if role.level in suitable and in_team:
            tier = 0
        elif role.level in suitable and Overflow.OTHER_TEAMS in policy.overflow:
            tier = 1 + policy.overflow.index(Overflow.OTHER_TEAMS)
        elif role.level > max(suitable) and in_team and Overflow.NEXT_LEVEL in policy.overflow:
            tier = 1 + policy.overflow.index(Overflow.NEXT_LEVEL)
            distance = role.level.rank - max(suitable).rank
        owner = (
            policy.ownership
            and interaction.account_id is not None
            and (owners or {}).get(interaction.account_id) == p.id
        )
        if tier is None and not owner:
            continue
        if tier is None:
            tier = 99
        share = Fraction(used, limit) if limit is not None else Fraction(0)
        all_skills = role.skills | p.skills
        if policy.rule is AssignmentRule.LEAST_LOADED:
            order: tuple[Any, ...] = (share, sum(counts.values()))
        elif policy.rule is AssignmentRule.ROUND_ROBIN:
            start = -1 if policy.cursor is None else ids.index(policy.cursor)
            order = ((index - start - 1) % len(ids),)
        else:
            order = (-len(skills & all_skills), -len(all_skills), share)
        rows.append(((not owner, tier, distance, *order, index), p.id))
    ranked = [pid for _, pid in sorted(rows)]
    return ranked if policy.shortlist is None else ranked[: policy.shortlist]


# ------------------------------------------------------------------ strategies


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    chart = draw(org_charts(max_size=12, roles=ROLES))
    ids = [p.id for p in chart]
    interaction = draw(interactions(channels=CHANNELS, topics=TOPICS, max_events=3))
    interaction = attrs.evolve(
        interaction, group=draw(st.none() | st.sampled_from(["billing", "care", "tech"]))
    )
    customer = draw(
        st.none()
        | st.builds(
            Customer,
            id=st.just(interaction.customer_id),
            name=st.just("C"),
            languages=st.lists(st.sampled_from(["en", "it-IT", "de"]), unique=True, max_size=2),
            segment=st.none() | st.sampled_from(["vip", "consumer"]),
        )
    )
    owners = draw(st.dictionaries(st.sampled_from(["acct-1", "acct-2"]), st.sampled_from(ids)))
    policy = draw(assignment_policies(cursors=st.none() | st.sampled_from(ids)))
    if policy.require_shift and any(chart.shift_of(i) is None for i in ids):
        policy = attrs.evolve(policy, require_shift=False)
    return {
        "interaction": interaction,
        "chart": chart,
        "now": draw(st.sampled_from([T0, T0 + timedelta(hours=10), T0 + timedelta(days=5)])),
        "load": draw(loads(chart, max_count=4)),
        "customer": customer,
        "owners": owners,
        "policy": policy,
        "skills": draw(st.sets(st.sampled_from(["business:empathy", "technical:help_desk_tools"]))),
    }


def run(case: dict[str, Any]) -> Assignment:
    return assign(
        case["interaction"],
        case["chart"],
        now=case["now"],
        load=case["load"],
        customer=case["customer"],
        portfolios=case["owners"],
        skills=sorted(case["skills"]),
        policy=case["policy"],
    )


# ------------------------------------------------------------------ properties


@given(cases(), st.randoms(use_true_random=False))
def test_assign_against_the_model_and_its_properties(
    case: dict[str, Any], rnd: random.Random
) -> None:
    """One drawn case, every property (drawing a chart costs more than checking it)."""
    same_choice_and_ranking_as_the_model(case)
    nobody_over_capacity_or_off_shift_is_chosen(case)
    the_owner_wins_whenever_it_is_a_candidate(case)
    deterministic_whatever_the_order_of_the_load(case, rnd)


def same_choice_and_ranking_as_the_model(case: dict[str, Any]) -> None:
    from csroles import Skill

    result = run(case)
    expected = model(
        case["interaction"],
        case["chart"],
        now=case["now"],
        load=case["load"],
        customer=case["customer"],
        owners=case["owners"],
        skills=frozenset(Skill.parse(s) for s in case["skills"]),
        policy=case["policy"],
    )
    assert [c.position for c in result.candidates] == expected
    assert result.position == (expected[0] if expected else None)
    assert [c.rank for c in result.candidates] == list(range(1, len(expected) + 1))


def nobody_over_capacity_or_off_shift_is_chosen(case: dict[str, Any]) -> None:
    result = run(case)
    chart, channel = case["chart"], case["interaction"].channel
    for candidate in result.candidates:
        position = chart.position(candidate.position)
        limit = position.channel_capacity.get(channel, case["policy"].capacity.get(channel))
        used = case["load"].get(candidate.position, {}).get(channel, 0)
        assert limit is None or used < limit
        assert (candidate.load, candidate.limit) == (used, limit)
        shift = chart.shift_of(candidate.position)
        assert shift is None or shift.is_open(case["now"])


def the_owner_wins_whenever_it_is_a_candidate(case: dict[str, Any]) -> None:
    result = run(case)
    account = case["interaction"].account_id
    owner = case["owners"].get(account) if account is not None else None
    everyone = run({**case, "policy": attrs.evolve(case["policy"], shortlist=None)})
    listed = [c.position for c in everyone.candidates]
    if owner is not None and case["policy"].ownership and owner in listed:
        assert result.position == owner
        assert result.candidates[0].owner
        assert result.reason == f"{owner!r} takes it: owns the account {account}" or (
            len(result.candidates) == 1
        )
    assert sum(c.owner for c in result.candidates) <= 1


def deterministic_whatever_the_order_of_the_load(case: dict[str, Any], rnd: random.Random) -> None:
    first = run(case)
    items = list(case["load"].items())
    rnd.shuffle(items)
    again = run({**case, "load": dict(items)})
    assert again == first
    assert run(case) == first


# ------------------------------------------------------------------ examples


def call(
    *,
    channel: Channel = Channel.PHONE,
    topic: Topic = Topic.BILLING,
    priority: Priority = Priority.NORMAL,
    **extra: Any,
) -> Interaction:
    return Interaction(
        id="T-1",
        customer_id="C-1",
        channel=channel,
        direction=Direction.INBOUND,
        topic=topic,
        priority=priority,
        events=[Event(kind=EventKind.OPENED, at=T0)],
        **extra,
    )


def desk(**agent: Any) -> OrgChart:
    """A call-center manager and two agents; ``agent`` sets fields of ag-1."""
    return OrgChart(
        positions=[
            Position(id="lead", role="call_center_manager", team="care"),
            Position(id="ag-1", role="call_center_agent", reports_to="lead", **agent),
            Position(id="ag-2", role="call_center_agent", reports_to="lead"),
        ]
    )


def test_least_loaded_first_and_the_reason_names_the_loads() -> None:
    result = assign(call(), desk(), now=T0, load={"ag-1": {Channel.EMAIL: 3}})
    assert result.position == "ag-2"
    assert result.reason == "'ag-2' takes it: fewest interactions in all: 0, against 3 for 'ag-1'"
    result = assign(
        call(channel=Channel.PHONE),
        desk(channel_capacity={Channel.PHONE: 2}),
        now=T0,
        load={"ag-1": {Channel.PHONE: 1}, "ag-2": {Channel.EMAIL: 5}},
    )
    # ag-1 has half its two lines in use; ag-2 none of its one.
    assert result.position == "ag-2"
    assert "least loaded on phone: 0 of 1 in use, against 1 of 2 for 'ag-1'" in result.reason


def test_chart_order_breaks_ties() -> None:
    result = assign(call(), desk(), now=T0, load={})
    assert [c.position for c in result.candidates] == ["ag-1", "ag-2", "lead"]
    assert result.reason == "'ag-1' takes it: tied with 'ag-2': first in chart order"


def test_round_robin_starts_after_the_cursor_and_wraps_around() -> None:
    chart = desk()
    ranked = []
    for cursor in (None, "ag-1", "ag-2", "lead"):
        policy = AssignmentPolicy(rule=AssignmentRule.ROUND_ROBIN, cursor=cursor, overflow=())
        result = assign(call(), chart, now=T0, load={}, policy=policy)
        ranked.append(result.position)
    assert ranked == ["ag-1", "ag-2", "ag-1", "ag-1"]
    policy = AssignmentPolicy(rule=AssignmentRule.ROUND_ROBIN, cursor="ag-1")
    assert assign(call(), chart, now=T0, load={}, policy=policy).reason == (
        "'ag-2' takes it: next in the round robin after 'ag-1'"
    )


def test_most_skilled_first() -> None:
    chart = desk(skills=["technical:help_desk_tools"])
    policy = AssignmentPolicy(rule=AssignmentRule.MOST_SKILLED)
    result = assign(
        call(), chart, now=T0, load={}, skills=["technical:help_desk_tools"], policy=policy
    )
    assert result.position == "ag-1"
    assert result.candidates[0].skills == 1
    assert "most skilled: 1 of the skills asked for, against 0 for 'ag-2'" in result.reason


def test_the_owner_comes_first_even_when_busier() -> None:
    chart = desk()
    load = {"ag-1": {Channel.EMAIL: 4}}
    result = assign(call(account_id="acme"), chart, now=T0, load=load, portfolios={"acme": "ag-1"})
    assert result.position == "ag-1"
    assert result.reason == "'ag-1' takes it: owns the account acme"
    assert result.candidates[0].reasons[0] == "owns the account acme"
    # ... unless the policy ignores ownership, or the owner cannot take it.
    ignore = AssignmentPolicy(ownership=False)
    assert (
        assign(
            call(account_id="acme"),
            chart,
            now=T0,
            load=load,
            portfolios={"acme": "ag-1"},
            policy=ignore,
        ).position
        == "ag-2"
    )
    full = {"ag-1": {Channel.PHONE: 1}}
    assert (
        assign(
            call(account_id="acme"), chart, now=T0, load=full, portfolios={"acme": "ag-1"}
        ).position
        == "ag-2"
    )


def test_an_owner_outside_every_tier_still_comes_first() -> None:
    # A manager owns the account; a normal-priority call is for individuals,
    # and no overflow is allowed: the owner still takes it.
    policy = AssignmentPolicy(overflow=())
    result = assign(
        call(account_id="acme"),
        desk(),
        now=T0,
        load={},
        portfolios={"acme": "lead"},
        policy=policy,
    )
    assert result.position == "lead"
    assert result.overflow is None


@pytest.mark.parametrize(
    ("agent", "customer", "extra", "refusal"),
    [
        (
            {"languages": ["it"]},
            Customer(id="C-1", name="D", languages=["de"]),
            {},
            Refusal.LANGUAGE,
        ),
        ({"products": ["tv"]}, None, {"product": "router"}, Refusal.PRODUCT),
        (
            {"segments": ["vip"]},
            Customer(id="C-1", name="D", segment="consumer"),
            {},
            Refusal.SEGMENT,
        ),
        ({"shift": OFFICE}, None, {}, Refusal.OFF_SHIFT),  # 9:00 UTC is 11:00 in Rome: open
        ({"channel_capacity": {Channel.PHONE: 1}}, None, {}, Refusal.AT_CAPACITY),
    ],
)
def test_each_refusal_rules_a_position_out(
    agent: dict[str, Any], customer: Customer | None, extra: dict[str, Any], refusal: Refusal
) -> None:
    now = T0 + timedelta(hours=8) if refusal is Refusal.OFF_SHIFT else T0
    load = {"ag-1": {Channel.PHONE: 1}} if refusal is Refusal.AT_CAPACITY else {}
    chart = desk(**agent)
    result = assign(call(**extra), chart, now=now, load=load, customer=customer)
    assert "ag-1" not in [c.position for c in result.candidates]
    assert result.position == "ag-2"
    assert result.refusals == {refusal: 1}
    # Without the obstacle ag-1 is the first choice.
    assert assign(call(**extra), desk(), now=now, load={}, customer=customer).position == "ag-1"


def test_nobody_available_says_why() -> None:
    chart = desk(shift=OFFICE)
    load = {"ag-2": {Channel.PHONE: 1}, "lead": {Channel.PHONE: 1}}
    result = assign(call(), chart, now=T0 + timedelta(hours=8), load=load)
    assert result.position is None
    assert result.candidates == ()
    assert result.refusals == {Refusal.OFF_SHIFT: 1, Refusal.AT_CAPACITY: 2}
    assert result.reason == (
        "nobody takes it: positions off shift: 1, at capacity on the channel: 2"
    )
    result = assign(call(topic=Topic.TECHNICAL_PROBLEM), chart, now=T0, load={})
    assert result.refusals == {Refusal.NOT_COVERED: 3}


def test_overflow_to_the_next_level_when_no_individual_is_free() -> None:
    load = {"ag-1": {Channel.PHONE: 1}, "ag-2": {Channel.PHONE: 1}}
    result = assign(call(), desk(), now=T0, load=load)
    assert result.position == "lead"
    assert result.overflow is Overflow.NEXT_LEVEL
    assert result.reason == "'lead' takes it: the only candidate"
    assert "overflow to the next level" in result.candidates[0].reasons
    blocked = assign(call(), desk(), now=T0, load=load, policy=AssignmentPolicy(overflow=()))
    assert blocked.position is None
    assert blocked.refusals == {Refusal.AT_CAPACITY: 2, Refusal.OUT_OF_TIER: 1}


def test_overflow_to_another_team() -> None:
    chart = OrgChart(
        positions=[
            Position(id="lead", role="call_center_manager", team="care"),
            Position(id="ag-1", role="call_center_agent", reports_to="lead"),
            Position(id="ag-2", role="call_center_agent", reports_to="lead", team="sales"),
        ]
    )
    busy = {"ag-1": {Channel.PHONE: 1}}
    policy = AssignmentPolicy(overflow=[Overflow.OTHER_TEAMS, Overflow.NEXT_LEVEL])
    result = assign(call(group="care"), chart, now=T0, load=busy, policy=policy)
    assert result.position == "ag-2"
    assert result.overflow is Overflow.OTHER_TEAMS
    assert result.reason == (
        "'ag-2' takes it: reached by the other_teams overflow, while the next candidate, "
        "'lead', is reached only by the next_level overflow"
    )
    # In the default order the next level comes before other teams.
    assert assign(call(group="care"), chart, now=T0, load=busy).position == "lead"


def test_an_urgent_call_goes_to_a_manager_first() -> None:
    result = assign(call(priority=Priority.URGENT), desk(), now=T0, load={})
    assert result.position == "lead"
    assert result.overflow is None
    assert result.candidates[0].level is Level.MANAGER


def test_team_shift_is_inherited() -> None:
    chart = OrgChart(
        positions=[
            Position(id="lead", role="call_center_manager", shift=OFFICE),
            Position(id="ag-1", role="call_center_agent", reports_to="lead"),
        ]
    )
    assert assign(call(), chart, now=T0, load={}).position == "ag-1"
    late = assign(call(), chart, now=T0 + timedelta(hours=8), load={})
    assert late.refusals == {Refusal.OFF_SHIFT: 2}


# ------------------------------------------------------------------ bad input


def test_unknown_positions_in_the_load_are_refused() -> None:
    with pytest.raises(UnknownPositionError, match=r"assign.load: 'ag-9', expected the id"):
        assign(call(), desk(), now=T0, load={"ag-9": {Channel.PHONE: 1}})


@pytest.mark.parametrize(
    ("load", "match"),
    [
        ({"ag-1": {Channel.PHONE: -1}}, r"assign.load\['ag-1'\]\['phone'\]: -1, expected a whole"),
        ({"ag-1": {Channel.PHONE: 1.5}}, r"1.5, expected a whole number of 0 or more"),
        ({"ag-1": {"pigeon": 1}}, r"assign.load\['ag-1'\]: 'pigeon', expected Channel keys"),
        ({"ag-1": 3}, r"assign.load\['ag-1'\]: 3, expected a mapping"),
        ([("ag-1", {})], r"assign.load: .*expected a mapping from a position id"),
    ],
)
def test_bad_loads_are_refused(load: Any, match: str) -> None:
    with pytest.raises(InvalidEntityError, match=match):
        assign(call(), desk(), now=T0, load=load)


def test_zero_capacities_are_refused() -> None:
    with pytest.raises(InvalidEntityError, match=r"Position.channel_capacity\['chat'\]: 0"):
        Position(id="a", role="call_center_agent", channel_capacity={Channel.CHAT: 0})
    with pytest.raises(InvalidEntityError, match=r"AssignmentPolicy.capacity\['phone'\]: 0"):
        AssignmentPolicy(capacity={Channel.PHONE: 0})


def test_a_position_without_a_shift_under_a_policy_that_requires_shifts() -> None:
    policy = AssignmentPolicy(require_shift=True)
    with pytest.raises(
        InvalidEntityError,
        match=r"assign.chart.positions\[0\].shift: None, expected a BusinessCalendar for 'lead'",
    ):
        assign(call(), desk(), now=T0, load={}, policy=policy)
    chart = OrgChart(
        positions=[
            Position(id="lead", role="call_center_manager", shift=OFFICE),
            Position(id="ag-1", role="call_center_agent", reports_to="lead"),
        ]
    )
    assert assign(call(), chart, now=T0, load={}, policy=policy).position == "ag-1"


def test_other_bad_arguments() -> None:
    chart = desk()
    with pytest.raises(InvalidEntityError, match=r"assign.interaction: .*expected an Interaction"):
        assign("T-1", chart, now=T0, load={})  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"assign.chart: .*expected an OrgChart"):
        assign(call(), [], now=T0, load={})  # type: ignore[arg-type]
    with pytest.raises(CalendarError, match=r"assign.now"):
        assign(call(), chart, now=datetime(2026, 5, 4), load={})
    with pytest.raises(InvalidEntityError, match=r"assign.customer: 'C-2', expected the int"):
        assign(call(), chart, now=T0, load={}, customer=Customer(id="C-2", name="X"))
    with pytest.raises(UnknownPositionError, match=r"assign.policy.cursor: 'ag-9'"):
        assign(call(), chart, now=T0, load={}, policy=AssignmentPolicy(cursor="ag-9"))
    with pytest.raises(UnknownPositionError, match=r"assign.portfolios: account 'acme'"):
        assign(call(account_id="acme"), chart, now=T0, load={}, portfolios={"acme": "x"})
    with pytest.raises(InvalidEntityError, match=r"assign.policy: .*expected None or an Assi"):
        assign(call(), chart, now=T0, load={}, policy="fair")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"assign.skills"):
        assign(call(), chart, now=T0, load={}, skills="empathy")
    with pytest.raises(InvalidEntityError, match=r"AssignmentPolicy.overflow"):
        AssignmentPolicy(overflow=[Overflow.NEXT_LEVEL, Overflow.NEXT_LEVEL])
    with pytest.raises(InvalidEntityError, match=r"AssignmentPolicy.shortlist: 0"):
        AssignmentPolicy(shortlist=0)


# ------------------------------------------------------------------ the batch form

CHAT_SLA = SLA(
    name="Desk",
    targets={
        Metric.FIRST_RESPONSE_TIME: {
            Priority.LOW: timedelta(hours=8),
            Priority.NORMAL: timedelta(hours=4),
            Priority.HIGH: timedelta(hours=1),
            Priority.URGENT: timedelta(minutes=15),
        }
    },
)


@st.composite
def queues(draw: st.DrawFn) -> dict[str, Any]:
    chart = draw(org_charts(max_size=10, roles=ROLES))
    ids = [p.id for p in chart]
    count = draw(st.integers(0, 14))
    queue = []
    for n in range(count):
        opened = T0 - timedelta(minutes=draw(st.integers(0, 600)))
        events = [Event(kind=EventKind.OPENED, at=opened)]
        if draw(st.booleans()):
            events.append(Event(kind=EventKind.AGENT_REPLIED, at=opened))
        queue.append(
            Interaction(
                id=f"T-{n}",
                customer_id=f"C-{n % 3}",
                channel=draw(st.sampled_from(CHANNELS)),
                direction=Direction.INBOUND,
                topic=draw(st.sampled_from(TOPICS)),
                priority=draw(st.sampled_from(Priority)),
                events=events,
                account_id=draw(st.none() | st.sampled_from(["acct-1", "acct-2"])),
            )
        )
    policy = draw(assignment_policies(cursors=st.none() | st.sampled_from(ids)))
    return {
        "queue": queue,
        "chart": chart,
        "load": draw(loads(chart, max_count=3)),
        "owners": draw(
            st.dictionaries(st.sampled_from(["acct-1", "acct-2"]), st.sampled_from(ids))
        ),
        "policy": attrs.evolve(policy, require_shift=False),
        "sla": draw(st.none() | st.just(CHAT_SLA)),
    }


def run_queue(case: dict[str, Any]) -> QueueAssignment:
    return assign_queue(
        case["queue"],
        case["chart"],
        now=T0,
        load=case["load"],
        portfolios=case["owners"],
        sla=case["sla"],
        policy=case["policy"],
    )


def due(interaction: Interaction, sla: SLA | None) -> datetime | None:
    """The first-response due time: open and not yet answered (the only clock of CHAT_SLA)."""
    if sla is None or interaction.first_reply_at is not None:
        return None
    target = sla.targets[Metric.FIRST_RESPONSE_TIME][interaction.current_priority]
    return interaction.opened_at + target


@given(queues())
def test_assign_queue_against_assign_and_its_properties(case: dict[str, Any]) -> None:
    """One drawn queue, every property."""
    the_queue_is_assign_one_by_one_in_priority_then_due_order(case)
    the_queue_never_exceeds_a_capacity(case)
    the_queue_is_deterministic(case)


def the_queue_is_assign_one_by_one_in_priority_then_due_order(case: dict[str, Any]) -> None:
    result = run_queue(case)
    queue = case["queue"]
    order = sorted(
        range(len(queue)),
        key=lambda n: (
            -queue[n].current_priority.rank,
            due(queue[n], case["sla"]) is None,
            due(queue[n], case["sla"]) or T0,
            queue[n].opened_at,
            n,
        ),
    )
    assert [a.interaction_id for a in result.assignments] == [queue[n].id for n in order]
    load = {pid: dict(counts) for pid, counts in case["load"].items()}
    policy = case["policy"]
    for n, got in zip(order, result.assignments, strict=True):
        expected = assign(
            queue[n], case["chart"], now=T0, load=load, portfolios=case["owners"], policy=policy
        )
        assert got == expected
        if got.position is not None:
            counts = load.setdefault(got.position, {})
            counts[queue[n].channel] = counts.get(queue[n].channel, 0) + 1
            policy = attrs.evolve(policy, cursor=got.position)
    assert {p: c for p, c in result.load.items() if c} == {p: c for p, c in load.items() if c}


def the_queue_never_exceeds_a_capacity(case: dict[str, Any]) -> None:
    result = run_queue(case)
    chart, policy = case["chart"], case["policy"]
    taken: dict[tuple[str, Channel], int] = {}
    channel_of = {i.id: i.channel for i in case["queue"]}
    for a in result.assignments:
        if a.position is not None:
            key = (a.position, channel_of[a.interaction_id])
            taken[key] = taken.get(key, 0) + 1
    for (pid, channel), n in taken.items():
        limit = chart.position(pid).channel_capacity.get(channel, policy.capacity.get(channel))
        before = case["load"].get(pid, {}).get(channel, 0)
        assert limit is None or before + n <= limit
        assert result.load[pid][channel] == before + n


def the_queue_is_deterministic(case: dict[str, Any]) -> None:
    first = run_queue(case)
    assert run_queue(case) == first
    shuffled = dict(reversed(list(case["load"].items())))
    assert run_queue({**case, "load": shuffled}) == first


def test_a_queue_fills_capacity_then_overflows() -> None:
    mails = [call(channel=Channel.EMAIL) for _ in range(3)]
    mails = [attrs.evolve(c, id=f"mail-{n}") for n, c in enumerate(mails)]
    chart = OrgChart(
        positions=[
            Position(id="mgr", role="customer_service_manager"),
            Position(
                id="rep",
                role="customer_service_representative",
                reports_to="mgr",
                channel_capacity={Channel.EMAIL: 2},
            ),
        ]
    )
    result = assign_queue(mails, chart, now=T0, load={})
    assert result.assigned == {"mail-0": "rep", "mail-1": "rep", "mail-2": "mgr"}
    assert result.assignments[2].overflow is Overflow.NEXT_LEVEL
    assert result.load == {"rep": {Channel.EMAIL: 2}, "mgr": {Channel.EMAIL: 1}}
    assert result.cursor == "mgr"
    blocked = assign_queue(mails, chart, now=T0, load={}, policy=AssignmentPolicy(overflow=()))
    assert blocked.assigned == {"mail-0": "rep", "mail-1": "rep"}
    assert blocked.assignments[2].refusals == {Refusal.AT_CAPACITY: 1, Refusal.OUT_OF_TIER: 1}


def test_a_queue_goes_by_priority_then_due_time() -> None:
    base = call(channel=Channel.EMAIL)
    late = T0 + timedelta(minutes=30)
    queue = [
        attrs.evolve(base, id="low", priority=Priority.LOW),
        attrs.evolve(base, id="normal-late", events=[Event(kind=EventKind.OPENED, at=late)]),
        attrs.evolve(base, id="normal-early"),
        attrs.evolve(base, id="urgent", priority=Priority.URGENT),
    ]
    chart = desk()
    result = assign_queue(queue, chart, now=late, load={}, sla=CHAT_SLA)
    assert [a.interaction_id for a in result.assignments] == [
        "urgent",
        "normal-early",
        "normal-late",
        "low",
    ]


def test_round_robin_moves_the_cursor_along_the_queue() -> None:
    queue = [attrs.evolve(call(channel=Channel.EMAIL), id=f"m-{n}") for n in range(4)]
    chart = desk()
    policy = AssignmentPolicy(rule=AssignmentRule.ROUND_ROBIN, overflow=())
    result = assign_queue(queue, chart, now=T0, load={}, policy=policy)
    assert [a.position for a in result.assignments] == [None] * 4  # agents do not take email
    phone = [attrs.evolve(call(), id=f"c-{n}") for n in range(2)]
    chart = OrgChart(
        positions=[
            Position(id="lead", role="call_center_manager"),
            *(
                Position(
                    id=f"ag-{n}",
                    role="call_center_agent",
                    reports_to="lead",
                    channel_capacity={Channel.PHONE: 5},
                )
                for n in range(3)
            ),
        ]
    )
    result = assign_queue(phone, chart, now=T0, load={}, policy=attrs.evolve(policy, cursor="ag-1"))
    assert [a.position for a in result.assignments] == ["ag-2", "ag-0"]
    assert result.cursor == "ag-0"


def test_bad_queues() -> None:
    chart = desk()
    with pytest.raises(InvalidEntityError, match=r"assign_queue.interactions\[1\].id: 'T-1'"):
        assign_queue([call(), call()], chart, now=T0, load={})
    with pytest.raises(InvalidEntityError, match=r"assign_queue.interactions\[0\]: 'T-1'"):
        assign_queue(["T-1"], chart, now=T0, load={})  # type: ignore[list-item]
    with pytest.raises(InvalidEntityError, match=r"assign_queue.interactions: "):
        assign_queue(call(), chart, now=T0, load={})  # type: ignore[arg-type]
    with pytest.raises(UnknownPositionError, match=r"assign_queue.load: 'x'"):
        assign_queue([call()], chart, now=T0, load={"x": {}})
    with pytest.raises(InvalidEntityError, match=r"assign_queue.sla: 'gold'"):
        assign_queue([call()], chart, now=T0, load={}, sla="gold")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"assign_queue.customers\[0\]: 'C-1'"):
        assign_queue([call()], chart, now=T0, load={}, customers=["C-1"])  # type: ignore[list-item]
    with pytest.raises(InvalidEntityError, match=r"assign_queue.chart"):
        assign_queue([call()], None, now=T0, load={})  # type: ignore[arg-type]
