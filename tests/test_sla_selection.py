"""Policy sets: the first policy whose conditions all hold applies, else the default."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    SLA,
    BusinessCalendar,
    Channel,
    Customer,
    Direction,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Metric,
    Priority,
    Topic,
    sla_status,
    sla_statuses,
)
from csroles.sla import PolicyCondition, PolicySet, SLAPolicy, choose_sla
from csroles.strategies import customers, interactions, policy_sets

H = timedelta(hours=1)
T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)  # a Monday
GROUPS = st.none() | st.sampled_from(["desk_it", "desk_de", "desk_us", "tier_2"])
TAGS = st.frozensets(st.sampled_from(["vip", "outage", "billing", "beta", "legal"]), max_size=3)
SEGMENTS = st.none() | st.sampled_from(["smb", "enterprise", "vip", "public_sector"])


@st.composite
def cases(draw: st.DrawFn) -> tuple[Interaction, Customer | None]:
    interaction = draw(interactions(max_events=3, customer_ids=st.just("C-1")))
    interaction = attrs.evolve(interaction, group=draw(GROUPS), tags=draw(TAGS))
    customer = draw(st.none() | customers(ids=st.just("C-1"), segments=SEGMENTS))
    return interaction, customer


def holds(condition: PolicyCondition, interaction: Interaction, customer: Customer | None) -> bool:
    """A condition, read the plain way: the field's value is among the condition's values."""
    accepted = {str(value) for value in condition.values}
    if condition.field == "tag":
        return any(tag in accepted for tag in interaction.tags)
    if condition.field == "segment":
        return customer is not None and customer.segment in accepted
    value = getattr(interaction, condition.field)
    return value is not None and str(value) in accepted


@given(policies=policy_sets(max_policies=8), case=cases())
def test_the_first_policy_that_holds_wins(
    policies: PolicySet, case: tuple[Interaction, Customer | None]
) -> None:
    interaction, customer = case
    choice = choose_sla(policies, interaction, customer)
    expected = next(
        (
            position
            for position, policy in enumerate(policies.policies)
            if all(holds(c, interaction, customer) for c in policy.conditions)
        ),
        None,
    )
    assert choice.position == expected
    if expected is None:
        assert choice.policy is None
        assert choice.sla is policies.default
        assert choice.reason.startswith("no policy matched")
    else:
        policy = policies.policies[expected]
        assert choice.policy is policy
        assert choice.sla is policy.sla
        assert choice.conditions == policy.conditions
        assert f"policy {expected} {policy.name!r}" in choice.reason
        for condition in policy.conditions:
            assert condition.describe() in choice.reason


@given(policies=policy_sets(max_policies=8), case=cases())
def test_order_matters_only_through_the_first_match(
    policies: PolicySet, case: tuple[Interaction, Customer | None]
) -> None:
    interaction, customer = case
    backwards = PolicySet(policies=policies.policies[::-1], default=policies.default)
    forward, reverse = (
        choose_sla(policies, interaction, customer),
        choose_sla(backwards, interaction, customer),
    )
    assert (forward.position is None) == (reverse.position is None)
    if forward.position is not None and reverse.position is not None:
        matching = [
            p
            for p in policies.policies
            if all(holds(c, interaction, customer) for c in p.conditions)
        ]
        assert forward.policy is matching[0]
        assert reverse.policy is matching[-1]


def sla(name: str, hours: int, **fields: Any) -> SLA:
    return SLA(name=name, targets={Metric.RESOLUTION_TIME: hours * H}, **fields)


def ticket(number: int, **fields: Any) -> Interaction:
    values: dict[str, Any] = {
        "id": f"T-{number}",
        "customer_id": "C-1",
        "channel": Channel.EMAIL,
        "direction": Direction.INBOUND,
        "topic": Topic.BILLING,
        "priority": Priority.NORMAL,
        "events": [Event(kind=EventKind.OPENED, at=T0)],
    }
    return Interaction(**(values | fields))


VIP = SLAPolicy(
    name="vip",
    sla=sla("VIP", 4),
    conditions=[PolicyCondition(field="tag", values=["vip"])],
)
CHAT = SLAPolicy(
    name="urgent chats",
    sla=sla("Chat", 1),
    conditions=[
        PolicyCondition(field="channel", values=["chat"]),
        PolicyCondition(field="priority", values=["urgent"]),
    ],
)
ENTERPRISE = SLAPolicy(
    name="enterprise",
    sla=sla("Enterprise", 8),
    conditions=[PolicyCondition(field="segment", values=["enterprise"])],
)


def test_a_worked_policy_set() -> None:
    policies = PolicySet(policies=[VIP, CHAT, ENTERPRISE], default=sla("Standard", 24))
    big = Customer(id="C-1", name="Acme", segment="enterprise")
    urgent_chat = ticket(1, channel=Channel.CHAT, priority=Priority.URGENT, tags=["vip"])
    # The VIP tag comes first, although the urgent-chat policy also holds.
    choice = choose_sla(policies, urgent_chat, big)
    assert (choice.sla.name, choice.position) == ("VIP", 0)  # type: ignore[union-attr]
    assert choice.reason == "policy 0 'vip': tag in ['vip']"
    choice = choose_sla(policies, attrs.evolve(urgent_chat, tags=()), big)
    assert (
        choice.reason == "policy 1 'urgent chats': channel in ['chat'] and priority in ['urgent']"
    )
    choice = choose_sla(policies, ticket(2), big)
    assert (choice.sla.name, choice.position) == ("Enterprise", 2)  # type: ignore[union-attr]
    choice = choose_sla(policies, ticket(2))  # no customer: its segment is unknown
    assert (choice.sla.name, choice.reason) == ("Standard", "no policy matched: the default")  # type: ignore[union-attr]
    choice = choose_sla(PolicySet(policies=[VIP]), ticket(2))
    assert choice.sla is None
    assert choice.reason == "no policy matched and the set has no default"


def test_sla_statuses_measure_each_interaction_against_its_own_sla() -> None:
    policies = PolicySet(policies=[VIP, CHAT])
    tickets = [
        ticket(1, tags=["vip"]),
        ticket(2),
        ticket(3, channel=Channel.CHAT, priority=Priority.URGENT),
    ]
    now = T0 + 2 * H
    statuses = sla_statuses(policies, tickets, now)
    assert [[clock.target for clock in clocks] for clocks in statuses] == [[4 * H], [], [H]]
    assert statuses[2][0].state.value == "breached"  # 2 h on a 1 h target
    assert sla_status(policies, tickets[0], now) == statuses[0]
    assert sla_status(policies, tickets[1], now) == ()


@given(policies=policy_sets(max_policies=6), drawn=st.lists(cases(), min_size=1, max_size=4))
def test_sla_statuses_with_a_policy_set_measure_each_against_its_chosen_sla(
    policies: PolicySet, drawn: list[tuple[Interaction, Customer | None]]
) -> None:
    interactions = [attrs.evolve(i, id=f"T-{n}") for n, (i, _) in enumerate(drawn)]
    customer = next((c for _, c in drawn if c is not None), None)  # every case's is C-1
    now = max(i.last_event_at for i in interactions) + H
    statuses = sla_statuses(policies, interactions, now, [] if customer is None else [customer])
    for interaction, clocks in zip(interactions, statuses, strict=True):
        chosen = choose_sla(policies, interaction, customer).sla
        expected = () if chosen is None else sla_status(chosen, interaction, now, customer)
        assert clocks == expected
        assert sla_status(policies, interaction, now, customer) == expected


ROME = BusinessCalendar(timezone="Europe/Rome", hours={d: [(time(9), time(17))] for d in range(5)})
NEW_YORK = BusinessCalendar(
    timezone="America/New_York", hours={d: [(time(9), time(17))] for d in range(5)}
)


def test_each_group_counts_in_its_own_calendar() -> None:
    # Opened Monday 09:00 UTC: 11:00 in Rome (open), 05:00 in New York (closed).
    policy = sla("Desks", 8, calendar=ROME, group_calendars={"desk_us": NEW_YORK})
    now = T0 + 6 * H  # 15:00 UTC: 17:00 in Rome, 11:00 in New York
    (rome,) = sla_status(policy, ticket(1, group="desk_it"), now)  # no calendar of its own
    (new_york,) = sla_status(policy, ticket(2, group="desk_us"), now)
    assert rome.elapsed == 6 * H  # 11:00 to 17:00 in Rome
    assert new_york.elapsed == 2 * H  # 09:00 to 11:00 in New York
    assert policy.calendar_for(group="desk_us") is NEW_YORK
    assert policy.calendar_for(group="desk_it") is ROME
    statuses = sla_statuses(policy, [ticket(1, group="desk_it"), ticket(2, group="desk_us")], now)
    assert [clocks[0].elapsed for clocks in statuses] == [6 * H, 2 * H]


@given(case=cases())
def test_a_group_calendar_is_the_sla_with_that_calendar(
    case: tuple[Interaction, Customer | None],
) -> None:
    interaction, _ = case
    policy = sla("Desks", 8, calendar=ROME, group_calendars={"desk_us": NEW_YORK})
    alone = attrs.evolve(policy, calendar=NEW_YORK if interaction.group == "desk_us" else ROME)
    now = interaction.last_event_at + 3 * H
    assert sla_status(policy, interaction, now) == sla_status(
        attrs.evolve(alone, group_calendars={}), interaction, now
    )


@pytest.mark.parametrize(
    ("build", "pattern"),
    [
        (
            lambda: PolicyCondition(field="colour", values=["red"]),
            r"PolicyCondition\.field: 'colour', expected one of 'channel'",
        ),
        (
            lambda: PolicyCondition(field="channel", values=[]),
            r"PolicyCondition\.values: frozenset\(\), expected a non-empty",
        ),
        (
            lambda: PolicyCondition(field="priority", values=["asap"]),
            r"PolicyCondition\.values: 'asap', expected a Priority",
        ),
        (
            lambda: PolicyCondition(field="tag", values=[" vip"]),
            r"PolicyCondition\.values: ' vip', expected a non-empty string",
        ),
        (
            lambda: SLAPolicy(name="", sla=sla("S", 1)),
            r"SLAPolicy\.name: '', expected a non-empty string",
        ),
        (lambda: SLAPolicy(name="p", sla="S"), r"SLAPolicy\.sla: 'S', expected an SLA"),  # type: ignore[arg-type]
        (
            lambda: SLAPolicy(name="p", sla=sla("S", 1), conditions=["vip"]),
            r"SLAPolicy\.conditions\[0\]: 'vip', expected a PolicyCondition",
        ),
        (
            lambda: PolicySet(policies=["vip"]),
            r"PolicySet\.policies\[0\]: 'vip', expected an SLAPolicy",
        ),
        (
            lambda: PolicySet(policies=[VIP, VIP]),
            r"PolicySet\.policies\[1\]\.name: 'vip', expected a name no earlier policy has",
        ),
        (
            lambda: PolicySet(policies=[VIP], default="Standard"),  # type: ignore[arg-type]
            r"PolicySet\.default: 'Standard', expected an SLA or None",
        ),
        (
            lambda: PolicySet(
                policies=[
                    SLAPolicy(
                        name="twice",
                        sla=sla("S", 1),
                        conditions=[
                            PolicyCondition(field="tag", values=["a"]),
                            PolicyCondition(field="tag", values=["b"]),
                        ],
                    )
                ]
            ),
            r"PolicySet\.policies\[0\]\.conditions\[1\]\.field: 'tag', expected a field no earlier condition",
        ),
        (lambda: choose_sla([VIP], ticket(1)), r"choose_sla\.policies: .*, expected a PolicySet"),  # type: ignore[arg-type]
        (
            lambda: choose_sla(PolicySet(policies=[VIP]), "T-1"),  # type: ignore[arg-type]
            r"choose_sla\.interaction: 'T-1', expected an Interaction",
        ),
        (
            lambda: choose_sla(PolicySet(policies=[VIP]), ticket(1), "C-1"),  # type: ignore[arg-type]
            r"choose_sla\.customer: 'C-1', expected a Customer or None",
        ),
        (
            lambda: choose_sla(
                PolicySet(policies=[VIP]), ticket(1), Customer(id="C-2", name="Other")
            ),
            r"choose_sla\.customer: 'C-2', expected the interaction's customer 'C-1'",
        ),
        (
            lambda: sla_status([VIP], ticket(1), T0),  # type: ignore[arg-type]
            r"sla_status\.sla: .*, expected an SLA or a PolicySet",
        ),
        (lambda: ticket(1, group=""), r"Interaction\.group: '', expected a non-empty string"),
        (lambda: ticket(1, tags="vip"), r"Interaction\.tags: 'vip', expected a set, list or tuple"),
        (
            lambda: sla("S", 1).calendar_for(group=3),  # type: ignore[arg-type]
            r"SLA\.calendar_for\.group: 3, expected a group name or None",
        ),
    ],
)
def test_bad_policy_configurations_are_refused(build: Any, pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        build()
