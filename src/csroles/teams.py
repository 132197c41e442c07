"""Ready-made org charts of the teams that *G2 service philosophy* describes.

Each builder returns a valid :class:`~csroles.OrgChart` over the built-in
catalog, with readable position ids, for docs, tours and tests:

- :func:`call_center_team`: a call-center director oversees managers, who
  oversee agents (the director "supervises a number of agents and ensures the
  quality of assistance"; managers "report to a director ... and resolve the
  support requests as they are escalated"; agents "are the first to respond").
- :func:`support_team`: a customer support manager supervises support
  representatives, a support engineer, and live-chat, social-media and email
  agents, and "handles any escalation that may arise".
- :func:`success_team`: a customer success manager oversees relationship
  managers and implementation specialists and distributes the client
  portfolios equitably among them.
- :func:`customer_organisation`: all of them, with a customer service team
  (*LiveAgent roles*), under a chief customer officer.

>>> print(success_team(relationship_managers=2, implementation_specialists=1).to_text())
csm-manager: Customer Success Manager
├── rm-1: Relationship Manager
├── rm-2: Relationship Manager
└── impl-1: Implementation Specialist

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from csroles import _validation as v
from csroles.hierarchy import OrgChart, Position

__all__ = ["call_center_team", "customer_organisation", "success_team", "support_team"]


_MOST = 10_000  # positions of one kind in a built team: a bound on the work


def _count(function: str, field: str, value: object, *, zero: bool = False) -> int:
    if type(value) is not int or not (0 if zero else 1) <= value <= _MOST:
        v.fail(function, field, value, f"an int of {0 if zero else 1} or more, at most {_MOST:,}")
    return value


def _call_center(managers: int, agents: int, reports_to: str | None) -> list[Position]:
    _count("call_center_team", "managers", managers)
    _count("call_center_team", "agents_per_manager", agents, zero=True)
    positions = [Position(id="cc-director", role="call_center_director", reports_to=reports_to)]
    for m in range(1, managers + 1):
        manager = f"cc-manager-{m}"
        positions.append(Position(id=manager, role="call_center_manager", reports_to="cc-director"))
        positions.extend(
            Position(id=f"cc-agent-{m}-{a}", role="call_center_agent", reports_to=manager)
            for a in range(1, agents + 1)
        )
    return positions


def call_center_team(*, managers: int = 2, agents_per_manager: int = 3) -> OrgChart:
    """A call-center director, managers reporting to the director, agents to each manager.

    Ids: ``cc-director``, ``cc-manager-<m>``, ``cc-agent-<m>-<a>``.

    Raises:
        InvalidEntityError: ``managers`` is not an int of 1 or more, or
            ``agents_per_manager`` not an int of 0 or more.

    >>> chart = call_center_team(managers=2, agents_per_manager=2)
    >>> [p.id for p in chart.chain_of_command("cc-agent-2-1")]
    ['cc-manager-2', 'cc-director']

    .. versionadded:: 0.1.0
    """
    return OrgChart(positions=_call_center(managers, agents_per_manager, None))


def _support(representatives: int, engineers: int, reports_to: str | None) -> list[Position]:
    _count("support_team", "representatives", representatives, zero=True)
    _count("support_team", "engineers", engineers, zero=True)
    boss = "support-manager"
    positions = [Position(id=boss, role="customer_support_manager", reports_to=reports_to)]
    positions.extend(
        Position(id=f"support-rep-{n}", role="customer_support_representative", reports_to=boss)
        for n in range(1, representatives + 1)
    )
    positions.extend(
        Position(id=f"support-engineer-{n}", role="customer_support_engineer", reports_to=boss)
        for n in range(1, engineers + 1)
    )
    positions += [
        Position(id="live-chat-agent", role="live_chat_agent", reports_to=boss),
        Position(id="social-media-agent", role="social_media_agent", reports_to=boss),
        Position(id="email-agent", role="email_support_agent", reports_to=boss),
    ]
    return positions


def support_team(*, representatives: int = 2, engineers: int = 1) -> OrgChart:
    """A customer support manager over representatives, engineers and channel agents.

    Ids: ``support-manager``, ``support-rep-<n>``, ``support-engineer-<n>``,
    ``live-chat-agent``, ``social-media-agent``, ``email-agent``.

    Raises:
        InvalidEntityError: a count is not an int of 0 or more.

    >>> [p.id for p in support_team(representatives=1, engineers=1).reports("support-manager")]
    ['support-rep-1', 'support-engineer-1', 'live-chat-agent', 'social-media-agent', 'email-agent']

    .. versionadded:: 0.1.0
    """
    return OrgChart(positions=_support(representatives, engineers, None))


def _success(
    relationship_managers: int,
    implementation_specialists: int,
    capacity: int | float | None,
    reports_to: str | None,
) -> list[Position]:
    _count("success_team", "relationship_managers", relationship_managers)
    _count("success_team", "implementation_specialists", implementation_specialists, zero=True)
    boss = "csm-manager"
    positions = [Position(id=boss, role="customer_success_manager", reports_to=reports_to)]
    positions.extend(
        Position(id=f"rm-{n}", role="relationship_manager", reports_to=boss, capacity=capacity)
        for n in range(1, relationship_managers + 1)
    )
    positions.extend(
        Position(id=f"impl-{n}", role="implementation_specialist", reports_to=boss)
        for n in range(1, implementation_specialists + 1)
    )
    return positions


def success_team(
    *,
    relationship_managers: int = 3,
    implementation_specialists: int = 2,
    capacity: int | float | None = None,
) -> OrgChart:
    """A customer success manager over relationship managers and implementation specialists.

    Ids: ``csm-manager``, ``rm-<n>`` (each with ``capacity``), ``impl-<n>``.
    The relationship managers are the ones who carry portfolios:

    >>> from csroles import Account, balance_portfolios
    >>> team = success_team(relationship_managers=2, capacity=10)
    >>> accounts = [Account(id=f"acme-{n}", customer_id="acme", weight=2) for n in range(5)]
    >>> balance_portfolios(accounts, team.holding("relationship_manager")).loads
    {'rm-1': 6, 'rm-2': 4}

    Raises:
        InvalidEntityError: ``relationship_managers`` is not an int of 1 or
            more, ``implementation_specialists`` not an int of 0 or more, or
            ``capacity`` not a valid capacity.

    .. versionadded:: 0.1.0
    """
    return OrgChart(
        positions=_success(relationship_managers, implementation_specialists, capacity, None)
    )


def customer_organisation() -> OrgChart:
    """The teams of the sources under a chief customer officer.

    Besides the call-center, support and success teams: a customer service
    manager with a supervisor over three representatives, and a customer
    experience manager with a customer advocate.

    >>> chart = customer_organisation()
    >>> len(chart), chart.roots[0].id
    (30, 'cco')
    >>> chart.common_manager("cc-agent-1-1", "support-rep-1").id
    'cco'

    .. versionadded:: 0.1.0
    """
    positions = [
        Position(id="cco", role="chief_customer_officer"),
        Position(id="cs-manager", role="customer_service_manager", reports_to="cco"),
        Position(id="cs-supervisor", role="customer_service_supervisor", reports_to="cs-manager"),
        *(
            Position(
                id=f"csr-{n}", role="customer_service_representative", reports_to="cs-supervisor"
            )
            for n in range(1, 4)
        ),
        *_call_center(2, 3, "cco"),
        *_support(2, 1, "cco"),
        *_success(3, 2, None, "cco"),
        Position(id="cx-manager", role="customer_experience_manager", reports_to="cco"),
        Position(id="advocate", role="customer_advocate", reports_to="cx-manager"),
    ]
    return OrgChart(positions=positions)
