"""From a staffing plan to an org chart: positions by role, supervisors and managers by span.

:func:`plan_team` turns the peak scheduled agents of each channel into agent
positions of the matching catalog role (call-center agents for the phone,
live-chat agents for chat, email-support agents for email, social-media
agents for social media, customer service representatives for any other
channel), puts a supervisor over every group of agents up to a span of
control, managers over the supervisors, and a head over several managers. It
returns the :class:`~csroles.OrgChart` with the reason for each count.

The source articles (*LiveAgent roles*, *G2 service philosophy*) describe the
levels (agents, supervisors who oversee part of the team, managers above
them, a director over a call center) but give no number for a span of
control, so the defaults (:data:`DEFAULT_SPANS`) follow common contact-centre
practice: 12 agents to a supervisor, 6 supervisors to a manager, 6 managers
to a director, within the 15 direct reports that
:meth:`~csroles.OrgChart.check` allows by default.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs

from csroles import _validation as v
from csroles._frozen import FrozenMap
from csroles.catalog import Catalog, default_catalog
from csroles.errors import InvalidEntityError
from csroles.hierarchy import OrgChart, Position
from csroles.staffing.plan import StaffingPlan
from csroles.vocabulary import Channel, Level

__all__ = ["AGENT_ROLES", "DEFAULT_SPANS", "TeamPlan", "plan_team"]

#: The catalog role of the agents of each channel (others: customer service representatives).
AGENT_ROLES: Mapping[Channel, str] = FrozenMap(
    {
        Channel.PHONE: "call_center_agent",
        Channel.CHAT: "live_chat_agent",
        Channel.EMAIL: "email_support_agent",
        Channel.SOCIAL: "social_media_agent",
    }
)
_OTHER_AGENTS = "customer_service_representative"

#: The default span of control of each level: the most direct reports a
#: supervisor, a manager and a director have.
DEFAULT_SPANS: Mapping[Level, int] = FrozenMap(
    {Level.SUPERVISOR: 12, Level.MANAGER: 6, Level.DIRECTOR: 6}
)

_SUPERVISOR = "customer_service_supervisor"
_MANAGER = "customer_service_manager"
_DIRECTOR = "call_center_director"


def _to_counts(value: Mapping[str, int]) -> Mapping[str, int]:
    if not isinstance(value, Mapping):
        v.fail("TeamPlan", "headcount", value, "a mapping from role key to count")
    return FrozenMap(value)


def _check_counts(instance: Any, attribute: attrs.Attribute[Any], value: Mapping[str, int]) -> None:
    for key, count in value.items():
        v.check_key(instance, f"{attribute.name} key", key)
        if type(count) is not int or count < 1:
            v.fail(instance, f"{attribute.name}.{key}", count, "an int of 1 or more")


@attrs.frozen(kw_only=True)
class TeamPlan:
    """The team a staffing plan makes, from :func:`plan_team`.

    Attributes:
        chart: the org chart: agents under supervisors, under managers,
            under a director when there are several managers.
        headcount: the positions of each role key, in chart order.
        reasons: for people: where each count comes from.

    .. versionadded:: 0.1.0
    """

    chart: OrgChart = attrs.field(validator=v.validator(v.instance_check(OrgChart)))
    headcount: Mapping[str, int] = attrs.field(converter=_to_counts, validator=_check_counts)
    reasons: tuple[str, ...] = attrs.field(
        converter=v.to_tuple, validator=v.tuple_of(v.check_identifier)
    )


def _spans(value: object) -> dict[Level, int]:
    if value is None:
        return dict(DEFAULT_SPANS)
    if not isinstance(value, Mapping):
        v.fail("plan_team", "spans", value, "None or a mapping from Level to an int of 2 or more")
    spans = dict(DEFAULT_SPANS)
    for key, span in value.items():
        level = v.to_member(Level, key)
        if level is None or level not in DEFAULT_SPANS:
            v.fail("plan_team", "spans", key, "a Level: supervisor, manager or director")
        if type(span) is not int or span < 2:
            v.fail("plan_team", f"spans.{level.value}", span, "an int of 2 or more")
        spans[level] = span
    return spans


def _groups(count: int, span: int) -> list[int]:
    """``count`` reports split as evenly as can be among ceil(count / span) bosses."""
    bosses = math.ceil(count / span)
    base, extra = divmod(count, bosses)
    return [base + (1 if i < extra else 0) for i in range(bosses)]


def _agent_counts(
    plan: StaffingPlan, catalog: Catalog, reasons: list[str]
) -> list[tuple[Channel, str, int]]:
    """Each channel's agent role and peak of scheduled agents, with the reasons."""
    agents: list[tuple[Channel, str, int]] = []
    for channel in plan.channels:
        peak = plan.peak(channel)
        if peak is None or peak.scheduled == 0:
            continue
        role = AGENT_ROLES.get(channel, _OTHER_AGENTS)
        catalog.get(role)
        agents.append((channel, role, peak.scheduled))
        reasons.append(
            f"{role}: {peak.scheduled}, the peak of scheduled {channel.value} agents "
            f"(interval starting {peak.start.isoformat()})"
        )
    if not agents:
        v.fail("plan_team", "plan", "no agents", "a plan that needs at least one agent")
    return agents


def plan_team(  # noqa: PLR0912 (one pass: agents, supervisors, managers, director)
    plan: StaffingPlan,
    *,
    catalog: Catalog | None = None,
    spans: Mapping[Level, int] | None = None,
) -> TeamPlan:
    """The org chart that staffs ``plan``: agents by channel, supervisors, managers, a director.

    Each channel gets as many agent positions as its peak of scheduled agents
    in the plan (one seat each at the busiest interval; covering a day longer
    than a shift takes more people, which is a rostering question). Agents of
    one channel are split as evenly as possible among ``ceil(agents / span)``
    supervisors, supervisors (of every channel, in channel order) among
    managers the same way, and a call-center director heads several
    managers. A single manager (or supervisor) is the root.

    Args:
        plan: the staffing plan.
        catalog: the catalog the roles come from (default the built-in one);
            it must hold the agent roles of the plan's channels, the
            customer service supervisor and manager and the call-center
            director.
        spans: the span of control of any of the levels supervisor, manager
            and director, over :data:`DEFAULT_SPANS`.

    Raises:
        InvalidEntityError: a bad argument, a plan that needs no agent, or
            more managers than the director's span.
        UnknownRoleError: the catalog lacks a role the team needs.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import SLA, BusinessCalendar, Channel, Metric
    >>> from csroles.staffing import ChannelStaffing, ForecastInterval, staffing_plan
    >>> sla = SLA(name="Live", targets={Metric.FIRST_RESPONSE_TIME: timedelta(seconds=30)})
    >>> plan = staffing_plan(
    ...     [
    ...         ForecastInterval(
    ...             channel=Channel.PHONE,
    ...             start=datetime(2026, 3, 2, 9, tzinfo=UTC),
    ...             volume=100,
    ...             handle_time=timedelta(minutes=3),
    ...         )
    ...     ],
    ...     channels=[ChannelStaffing(channel=Channel.PHONE, sla=sla)],
    ...     calendar=BusinessCalendar.always_open(),
    ... )
    >>> team = plan_team(plan)
    >>> dict(team.headcount)
    {'customer_service_manager': 1, 'customer_service_supervisor': 2, 'call_center_agent': 13}
    >>> team.chart.check(duties=[])
    ()

    .. versionadded:: 0.1.0
    """
    if not isinstance(plan, StaffingPlan):
        v.fail("plan_team", "plan", plan, "a StaffingPlan")
    chosen = default_catalog() if catalog is None else catalog
    if not isinstance(chosen, Catalog):
        v.fail("plan_team", "catalog", catalog, "None (the built-in catalog) or a Catalog")
    span = _spans(spans)
    reasons: list[str] = []
    agents = _agent_counts(plan, chosen, reasons)
    for key in (_SUPERVISOR, _MANAGER, _DIRECTOR):
        chosen.get(key)

    positions: list[Position] = []
    supervisors: list[list[Position]] = []  # each supervisor with its agents
    for channel, role, count in agents:
        groups = _groups(count, span[Level.SUPERVISOR])
        reasons.append(
            f"{_SUPERVISOR} for {channel.value}: {len(groups)} = ceil({count} / "
            f"{span[Level.SUPERVISOR]} agents a supervisor)"
        )
        n = 0
        for g, size in enumerate(groups, start=1):
            boss = f"{channel.value}-supervisor-{g}"
            team = []
            for _ in range(size):
                n += 1
                team.append(
                    Position(
                        id=f"{channel.value}-agent-{n}",
                        role=role,
                        reports_to=boss,
                        channels=[channel],
                    )
                )
            supervisors.append([Position(id=boss, role=_SUPERVISOR), *team])
    managers = _groups(len(supervisors), span[Level.MANAGER]) if len(supervisors) > 1 else []
    if len(managers) > span[Level.DIRECTOR]:
        msg = (
            f"plan_team.spans: {len(managers)} managers exceed the director's span of "
            f"{span[Level.DIRECTOR]}, expected wider spans for a plan of this size"
        )
        raise InvalidEntityError(msg)
    director = "director" if len(managers) > 1 else None
    if director is not None:
        positions.append(Position(id=director, role=_DIRECTOR))
        reasons.append(f"{_DIRECTOR}: 1, over the {len(managers)} managers")
    if managers:
        reasons.append(
            f"{_MANAGER}: {len(managers)} = ceil({len(supervisors)} supervisors / "
            f"{span[Level.MANAGER]} supervisors a manager)"
        )
    at = 0
    for m, size in enumerate(managers or [len(supervisors)], start=1):
        manager = f"manager-{m}" if managers else None
        if manager is not None:
            positions.append(Position(id=manager, role=_MANAGER, reports_to=director))
        for group in supervisors[at : at + size]:
            head = attrs.evolve(group[0], reports_to=manager)
            positions.extend([head, *group[1:]])
        at += size
    chart = OrgChart(positions=positions, catalog=chosen)
    headcount: dict[str, int] = {}
    for position in chart:
        headcount[position.role] = headcount.get(position.role, 0) + 1
    return TeamPlan(chart=chart, headcount=headcount, reasons=reasons)
