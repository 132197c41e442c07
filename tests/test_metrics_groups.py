"""Next response times, and workload, retention and lifetime value per group."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csroles import (
    Account,
    Channel,
    Direction,
    DurationStats,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Metric,
    OrgChart,
    Period,
    Position,
    Priority,
    Ratio,
    Topic,
    by_channel,
    by_position,
    by_role,
    by_team,
    default_catalog,
    group_accounts,
    group_customer_lifetime_value,
    group_metrics,
    group_retention_rate,
    group_workload,
    next_response_times,
    quota_attainment,
    retention_rate,
    service_metrics,
    workload,
)
from csroles.strategies import interactions as interaction_strategy

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
US = timedelta(microseconds=1)

some_interactions = st.lists(
    interaction_strategy(max_events=10, zones=st.sampled_from(["UTC", "Europe/Rome"])),
    max_size=8,
)


def contact(
    n: int,
    *events: tuple[EventKind, float],
    customer: str = "C-1",
    channel: Channel = Channel.EMAIL,
    assignee: str | None = None,
) -> Interaction:
    """An interaction opened at T0; each event is (kind, minutes after opening)."""
    timeline = [Event(kind=EventKind.OPENED, at=T0)]
    if assignee is not None:
        timeline.append(Event(kind=EventKind.ASSIGNED, at=T0, assignee=assignee))
    timeline += [Event(kind=kind, at=T0 + timedelta(minutes=m)) for kind, m in events]
    return Interaction(
        id=f"I-{n}",
        customer_id=customer,
        channel=channel,
        direction=Direction.INBOUND,
        topic=Topic.QUESTION,
        priority=Priority.NORMAL,
        events=timeline,
    )


DAY = Period(start=T0.replace(hour=0), end=T0.replace(hour=0) + timedelta(days=1))
AGENT, CUSTOMER = EventKind.AGENT_REPLIED, EventKind.CUSTOMER_REPLIED
RESOLVED, REOPENED = EventKind.RESOLVED, EventKind.REOPENED


# ------------------------------------------------------------------ next response


def reference_next_responses(interaction: Interaction) -> list[timedelta]:
    """Written from the definition: waits that start at a customer reply after an agent reply."""
    events = interaction.events
    stops = {AGENT, RESOLVED, EventKind.CLOSED}
    found = []
    for i, event in enumerate(events):
        if event.kind is not CUSTOMER:
            continue
        if not any(e.kind is AGENT for e in events[:i]):
            continue
        # Inside a wait already: an earlier customer reply with no stop since.
        earlier = [j for j in range(i) if events[j].kind is CUSTOMER]
        waiting = bool(earlier) and any(e.kind is AGENT for e in events[: earlier[-1]])
        if waiting and not any(events[k].kind in stops for k in range(earlier[-1] + 1, i)):
            continue
        for later in events[i + 1 :]:
            if later.kind is AGENT:
                found.append(later.at - event.at)
                break
            if later.kind in stops:
                break
    return found


def test_next_response_times_by_hand() -> None:
    exchange = contact(
        1,
        (AGENT, 5),  # first response
        (CUSTOMER, 10),  # wait 1 starts
        (CUSTOMER, 15),  # still waiting
        (AGENT, 40),  # 30 minutes
        (CUSTOMER, 50),  # wait 2 starts
        (RESOLVED, 55),  # ends unanswered
        (REOPENED, 70),
        (CUSTOMER, 80),  # wait 3 starts
        (AGENT, 90),  # 10 minutes
    )
    before_any_reply = contact(2, (CUSTOMER, 3), (AGENT, 9))  # only a first response
    stats = next_response_times([exchange, before_any_reply])
    assert stats.count == 2
    assert stats.minimum == timedelta(minutes=10)
    assert stats.maximum == timedelta(minutes=30)
    assert stats.mean == timedelta(minutes=20)
    assert next_response_times([]) == DurationStats(count=0)


def test_next_response_times_in_business_time() -> None:
    class HalfTime:
        def business_time_between(self, start: datetime, end: datetime) -> timedelta:
            return (end - start) / 2

    exchange = contact(1, (AGENT, 5), (CUSTOMER, 10), (AGENT, 40))
    assert next_response_times([exchange], calendar=HalfTime()).median == timedelta(minutes=15)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: next_response_times(5), r"next_response_times.interactions: 5"),  # type: ignore[arg-type]
        (lambda: next_response_times(["x"]), r"next_response_times.interactions\[0\]: 'x'"),  # type: ignore[list-item]
        (
            lambda: next_response_times([], calendar="x"),  # type: ignore[arg-type]
            r"next_response_times.calendar: 'x'",
        ),
    ],
)
def test_next_response_times_refuse_bad_input(call: Any, message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        call()


@settings(max_examples=80)
@given(some_interactions)
def test_next_response_times_match_the_reference(interactions: list[Interaction]) -> None:
    expected = [d for i in interactions for d in reference_next_responses(i)]
    stats = next_response_times(interactions)
    assert stats.count == len(expected)
    if expected:
        assert stats.minimum == min(expected)
        assert stats.maximum == max(expected)


@settings(max_examples=60)
@given(some_interactions)
def test_grouped_next_response_is_the_function_per_group(interactions: list[Interaction]) -> None:
    grouped = group_metrics(interactions, by_channel)
    for channel, metrics in grouped.items():
        mine = [i for i in interactions if i.channel.value == channel]
        assert metrics.next_response == next_response_times(mine)
    assert service_metrics(interactions).next_response == next_response_times(interactions)


def test_next_response_is_a_scorecard_figure() -> None:
    exchange = contact(1, (AGENT, 5), (CUSTOMER, 10), (AGENT, 25))
    figures = service_metrics([exchange]).figures()
    assert figures[Metric.NEXT_RESPONSE_TIME] == timedelta(minutes=15)
    assert service_metrics([]).figures()[Metric.NEXT_RESPONSE_TIME] is None


# ------------------------------------------------------------------ accounts per group


def account(n: int, customer: str, revenue: float | None = None, currency: str = "EUR") -> Account:
    return Account(
        id=f"A-{n}",
        customer_id=customer,
        annual_revenue=revenue,
        currency=currency if revenue is not None else None,
    )


SERVED = [
    contact(1, customer="C-1", channel=Channel.PHONE, assignee="rm-1"),
    contact(2, customer="C-2", channel=Channel.EMAIL, assignee="rm-1"),
    contact(3, customer="C-3", channel=Channel.EMAIL, assignee="rm-2"),
    contact(4, customer="C-3", channel=Channel.PHONE, assignee="rm-2"),
]


def test_group_accounts_by_hand() -> None:
    a1, a2, a3, a4 = (account(n, f"C-{n}") for n in (1, 2, 3, 4))
    by_rm = group_accounts([a1, a2, a3, a4], SERVED, by_position)
    assert dict(by_rm) == {"rm-1": (a1, a2), "rm-2": (a3,)}  # C-4 has no interaction
    by_ch = group_accounts([a1, a2, a3], SERVED, by_channel)
    assert dict(by_ch) == {"email": (a2, a3), "phone": (a1, a3)}


def test_group_retention_rate_by_hand() -> None:
    a1, a2, a3, a5 = account(1, "C-1"), account(2, "C-2"), account(3, "C-3"), account(5, "C-3")
    rates = group_retention_rate(
        SERVED, by_position, start=[a1, a2, a3], end=[a1, a3, a5], new=[a5]
    )
    # rm-1 kept C-1 and lost C-2; rm-2 kept C-3 and won A-5.
    assert dict(rates) == {"rm-1": Ratio(part=1, whole=2), "rm-2": Ratio(part=1, whole=1)}
    assert group_retention_rate([], by_position, start=[a1], end=[a1]) == {}


def test_group_customer_lifetime_value_by_hand() -> None:
    accounts = [account(1, "C-1", 1000.0), account(2, "C-2", 2000.0), account(3, "C-3")]
    values = group_customer_lifetime_value(
        SERVED, by_position, accounts=accounts, gross_margin=0.5, churn_rate=0.5
    )
    # rm-1: mean revenue 1500 x margin 0.5 x lifetime 1 / 0.5 = 1500; rm-2: no revenue.
    assert dict(values) == {"rm-1": 1500.0, "rm-2": None}


def test_lifetime_value_refuses_mixed_currencies_in_a_group() -> None:
    accounts = [account(1, "C-1", 1000.0, "EUR"), account(2, "C-2", 1000.0, "USD")]
    with pytest.raises(InvalidEntityError, match=r"accounts of group 'rm-1'.*one currency"):
        group_customer_lifetime_value(
            SERVED, by_position, accounts=accounts, gross_margin=0.5, lifetime=2
        )
    # In separate groups they are fine.
    values = group_customer_lifetime_value(
        SERVED, by_channel, accounts=accounts, gross_margin=0.5, lifetime=2
    )
    assert dict(values) == {"email": 1000.0, "phone": 1000.0}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: group_accounts(["A-1"], SERVED, by_position), r"group_accounts.accounts\[0\]"),  # type: ignore[list-item]
        (lambda: group_accounts(5, SERVED, by_position), r"group_accounts.accounts: 5"),  # type: ignore[arg-type]
        (lambda: group_accounts([], SERVED, "x"), r"group_accounts.by: 'x'"),  # type: ignore[arg-type]
        (lambda: group_accounts([], SERVED, lambda i: 3), r"group_accounts.by\('I-1'\): 3"),  # type: ignore[arg-type,return-value]
        (lambda: group_accounts([], SERVED, lambda i: [""]), r"group_accounts.by\('I-1'\): ''"),
        (lambda: group_accounts([], [5], by_position), r"group_accounts.interactions\[0\]: 5"),  # type: ignore[list-item]
        (
            lambda: group_retention_rate(SERVED, by_position, start=["A-1"], end=[]),  # type: ignore[list-item]
            r"group_retention_rate.start\[0\]: 'A-1', expected an Account",
        ),
        (
            lambda: group_retention_rate(SERVED, by_position, start=[], end=[account(1, "C-1")]),
            r"retention_rate.end: 'A-1', expected an account there at the start or new",
        ),
        (
            lambda: group_customer_lifetime_value(
                SERVED, by_position, accounts=[], gross_margin=2.0, lifetime=1
            ),
            r"customer_lifetime_value.gross_margin: 2.0",
        ),
        (
            lambda: group_customer_lifetime_value(
                SERVED, by_position, accounts=[], gross_margin=0.5
            ),
            r"exactly one of lifetime and churn_rate",
        ),
        (
            lambda: group_workload(
                SERVED,
                by_position,
                period="x",  # type: ignore[arg-type]
                timezone="UTC",
                quota=3,
            ),
            r"workload.period: 'x', expected a Period",
        ),
        (
            lambda: group_workload(SERVED, None, period=DAY, timezone="UTC", quota=3),  # type: ignore[arg-type]
            r"group_workload.by: None",
        ),
        (
            lambda: group_workload(
                SERVED,
                by_position,
                period=DAY,
                timezone="UTC",
                quota=default_catalog().get("call_center_agent"),
            ),
            r"workload.quota: 'call_center_agent', expected an int, or a role with a daily_quota",
        ),
    ],
)
def test_grouped_account_and_workload_metrics_refuse_bad_input(call: Any, message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        call()


def reference_groups_of_accounts(
    accounts: list[Account], interactions: list[Interaction]
) -> dict[str, set[str]]:
    """Account ids per channel, from the definition: channels of the customer's interactions."""
    found: dict[str, set[str]] = {}
    for a in accounts:
        for i in interactions:
            if i.customer_id == a.customer_id:
                found.setdefault(i.channel.value, set()).add(a.id)
    return found


@settings(max_examples=60)
@given(
    some_interactions,
    st.lists(st.sampled_from(["C-1", "C-2", "C-3", "C-4"]), max_size=6),
    st.data(),
)
def test_group_retention_matches_a_per_group_count(
    interactions: list[Interaction], customers: list[str], data: st.DataObject
) -> None:
    start = [account(n, customer) for n, customer in enumerate(customers)]
    kept = data.draw(st.lists(st.sampled_from(start), unique=True) if start else st.just([]))
    new = [
        account(100 + n, c)
        for n, c in enumerate(data.draw(st.lists(st.sampled_from(["C-1", "C-9"]), max_size=2)))
    ]
    end = [*kept, *new]
    members = reference_groups_of_accounts([*start, *new], interactions)
    rates = group_retention_rate(interactions, by_channel, start=start, end=end, new=new)
    assert set(rates) == set(members)
    for channel, ids in members.items():
        at_start = [a for a in start if a.id in ids]
        still = [a for a in kept if a.id in ids]
        assert rates[channel] == Ratio(part=len(still), whole=len(at_start))
    whole = retention_rate(start=start, end=end, new=new)
    assert whole.whole == len(start)


# ------------------------------------------------------------------ workload per group


def test_group_workload_by_hand() -> None:
    handled = [
        contact(1, (RESOLVED, 30), channel=Channel.CHAT, assignee="rep-1"),
        contact(2, (RESOLVED, 60), channel=Channel.CHAT, assignee="rep-1"),
        contact(3, (RESOLVED, 90), channel=Channel.EMAIL, assignee="rep-1"),
        contact(4, (RESOLVED, 90), channel=Channel.EMAIL, assignee="rep-2"),
        contact(5, channel=Channel.EMAIL, assignee="rep-2"),  # still open: not handled
    ]
    rows = group_workload(handled, by_channel, period=DAY, timezone="UTC", quota=2)
    assert {key: [(r.position, r.handled) for r in found] for key, found in rows.items()} == {
        "chat": [("rep-1", 2)],
        "email": [("rep-1", 1), ("rep-2", 1)],
    }
    assert [r.meets_quota for r in rows["chat"]] == [True]


@settings(max_examples=60)
@given(some_interactions)
def test_group_workload_is_workload_per_group(interactions: list[Interaction]) -> None:
    period = Period(start=T0 - timedelta(days=400), end=T0 + timedelta(days=400))
    week = Period(start=T0, end=T0 + timedelta(days=3))
    for span in (period, week):
        rows = group_workload(interactions, by_channel, period=span, timezone="UTC", quota=5)
        channels = {i.channel.value for i in interactions}
        assert set(rows) == channels
        for channel in channels:
            mine = [i for i in interactions if i.channel.value == channel]
            assert rows[channel] == workload(mine, period=span, timezone="UTC", quota=5)


# ------------------------------------------------------------------ the articles' measures, per role and team


SUCCESS_TEAM = OrgChart(
    positions=[
        Position(id="csm-1", role="customer_success_manager"),
        Position(id="rm-1", role="relationship_manager", reports_to="csm-1"),
        Position(id="rm-2", role="relationship_manager", reports_to="csm-1"),
        Position(id="impl-1", role="implementation_specialist", reports_to="csm-1"),
        Position(id="csr-1", role="customer_service_representative"),
    ],
    forest=True,
)


def test_servicenow_csr_success_measures_per_role_and_team() -> None:
    # ServiceNow CSR: the customer-success representative (the relationship manager, see
    # test_catalog) is measured by "i tassi di fidelizzazione dei clienti, il valore del
    # ciclo di vita dei clienti"; G2 service philosophy: the CSM oversees "i manager delle
    # relazioni e gli specialisti dell'implementazione". Both measures per role and per team.
    served = [
        contact(1, customer="C-1", assignee="rm-1"),
        contact(2, customer="C-2", assignee="rm-2"),
        contact(3, customer="C-3", assignee="impl-1"),
        contact(4, customer="C-4", assignee="csr-1"),
    ]
    a1, a2, a3, a4 = (
        account(n, f"C-{n}", revenue)
        for n, revenue in ((1, 1000.0), (2, 3000.0), (3, 800.0), (4, 400.0))
    )
    start, end = [a1, a2, a3, a4], [a1, a3, a4]  # rm-2's customer left
    per_role = group_retention_rate(served, by_role(SUCCESS_TEAM), start=start, end=end)
    assert dict(per_role) == {
        "relationship_manager": Ratio(part=1, whole=2),
        "implementation_specialist": Ratio(part=1, whole=1),
        "customer_service_representative": Ratio(part=1, whole=1),
    }
    # Only csm-1 has reports: its team is itself and the three below it, not csr-1.
    per_team = group_retention_rate(served, by_team(SUCCESS_TEAM), start=start, end=end)
    assert dict(per_team) == {"csm-1": Ratio(part=2, whole=3)}
    # Lifetime value: mean annual revenue x margin 0.5 x 3 years.
    values = group_customer_lifetime_value(
        served, by_role(SUCCESS_TEAM), accounts=start, gross_margin=0.5, lifetime=3
    )
    assert dict(values) == {
        "relationship_manager": 3000.0,  # (1000 + 3000) / 2 x 1.5
        "implementation_specialist": 1200.0,
        "customer_service_representative": 600.0,
    }
    team_values = group_customer_lifetime_value(
        served, by_team(SUCCESS_TEAM), accounts=start, gross_margin=0.5, lifetime=3
    )
    assert dict(team_values) == {"csm-1": 2400.0}  # (1000 + 3000 + 800) / 3 x 1.5


def test_liveagent_roles_daily_quota_per_team_and_role() -> None:
    # LiveAgent roles: representatives "hanno un certo numero di e-mail o chiamate che devono
    # eseguire quotidianamente". No article gives the number: the company sets it on the role.
    desk = OrgChart(
        positions=[
            Position(id="sup-1", role="customer_service_supervisor"),
            Position(id="rep-1", role="customer_service_representative", reports_to="sup-1"),
            Position(id="rep-2", role="customer_service_representative", reports_to="sup-1"),
        ]
    )
    handled = [
        contact(1, (RESOLVED, 30), assignee="rep-1"),
        contact(2, (RESOLVED, 60), channel=Channel.PHONE, assignee="rep-1"),
        contact(3, (RESOLVED, 90), assignee="rep-2"),
        contact(4, assignee="rep-2"),  # still open: not handled
    ]
    rep = attrs.evolve(default_catalog().get("customer_service_representative"), daily_quota=2)
    per_team = group_workload(handled, by_team(desk), period=DAY, timezone="UTC", quota=rep)
    rows = [(r.position, r.handled, r.quota, r.meets_quota) for r in per_team["sup-1"]]
    assert rows == [("rep-1", 2, 2, True), ("rep-2", 1, 2, False)]
    assert set(per_team) == {"sup-1"}
    per_role = group_workload(handled, by_role(desk), period=DAY, timezone="UTC", quota=rep)
    assert dict(per_role) == {"customer_service_representative": per_team["sup-1"]}
    assert quota_attainment(per_team["sup-1"]) == Ratio(part=1, whole=2)
