"""The teams of *G2 service philosophy* as org charts: the facts the sources state about them."""

import pytest

from csroles import (
    Duty,
    InvalidEntityError,
    Level,
    call_center_team,
    customer_organisation,
    success_team,
    support_team,
)


def test_call_center_director_over_managers_over_agents() -> None:
    chart = call_center_team(managers=3, agents_per_manager=4)
    assert [p.id for p in chart.roots] == ["cc-director"]
    assert [p.role for p in chart.reports("cc-director")] == ["call_center_manager"] * 3
    agents = chart.holding("call_center_agent")
    assert len(agents) == 12
    for agent in agents:
        chain = chart.chain_of_command(agent.id)
        assert [p.role for p in chain] == ["call_center_manager", "call_center_director"]
    levels = [chart.role_of(k).level for k in ("cc-agent-1-1", "cc-manager-1", "cc-director")]
    assert levels == [Level.INDIVIDUAL, Level.MANAGER, Level.DIRECTOR]
    # Managers "resolve the support requests as they are escalated".
    assert Duty.HANDLE_ESCALATIONS in chart.role_of("cc-manager-1").duties
    assert chart.check(duties=[]) == ()


def test_a_call_center_without_agents_is_flagged() -> None:
    chart = call_center_team(managers=1, agents_per_manager=0)
    codes = [(f.code.value, f.position) for f in chart.check(duties=[])]
    assert codes == [("manager_without_reports", "cc-manager-1")]


def test_support_manager_supervises_and_handles_escalations() -> None:
    chart = support_team(representatives=3, engineers=2)
    manager = chart.role_of("support-manager")
    assert {Duty.HANDLE_ESCALATIONS, Duty.SUPERVISE_TEAM} <= manager.duties
    roles = [p.role for p in chart.reports("support-manager")]
    assert roles == [
        *["customer_support_representative"] * 3,
        *["customer_support_engineer"] * 2,
        "live_chat_agent",
        "social_media_agent",
        "email_support_agent",
    ]
    assert chart.role_of("support-engineer-1").tier == 2
    assert chart.check(duties=[]) == ()


def test_success_manager_distributes_portfolios() -> None:
    chart = success_team(relationship_managers=4, implementation_specialists=1, capacity=12.5)
    assert Duty.DISTRIBUTE_PORTFOLIOS in chart.role_of("csm-manager").duties
    rms = chart.holding("relationship_manager")
    assert [p.id for p in rms] == ["rm-1", "rm-2", "rm-3", "rm-4"]
    assert {p.capacity for p in rms} == {12.5}
    assert all(p.reports_to == "csm-manager" for p in chart.positions[1:])
    assert chart.holding("implementation_specialist")[0].capacity is None
    assert chart.check(duties=[]) == ()


def test_the_whole_organisation_owns_every_duty() -> None:
    chart = customer_organisation()
    assert len(chart) == 30
    assert chart.check() == ()
    # Telemarketers and sales-support representatives work outside the service teams.
    assert {p.role for p in chart} == set(chart.catalog.keys) - {
        "telemarketer",
        "sales_support_representative",
    }
    assert chart.distance("cc-agent-1-1", "support-engineer-1") == 5


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: call_center_team(managers=0),
            r"call_center_team\.managers: 0, expected an int of 1",
        ),
        (
            lambda: call_center_team(agents_per_manager=-1),
            r"call_center_team\.agents_per_manager: -1, expected an int of 0",
        ),
        (lambda: support_team(engineers=True), r"support_team\.engineers: True"),
        (lambda: support_team(representatives=1.0), r"support_team\.representatives: 1\.0"),  # type: ignore[arg-type]
        (
            lambda: success_team(relationship_managers=0),
            r"success_team\.relationship_managers: 0",
        ),
        (
            lambda: success_team(implementation_specialists=-2),
            r"success_team\.implementation_specialists: -2",
        ),
        (lambda: success_team(capacity=-1), r"Position\.capacity: -1"),
    ],
)
def test_bad_counts(build: object, message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        build()  # type: ignore[operator]
