"""Hypothesis strategies for every csroles entity (install ``csroles[hypothesis]``).

Each strategy is named after what it builds, in the plural, takes keyword-only
arguments to narrow it, and only ever generates valid values:

>>> from hypothesis import given, settings
>>> from csroles import Channel, Priority
>>> from csroles.strategies import interactions
>>> @settings(max_examples=20)
... @given(interactions(channels=[Channel.PHONE], priorities=[Priority.URGENT], max_events=8))
... def test_urgent_calls(call):
...     assert call.channel is Channel.PHONE
...     assert call.priority is Priority.URGENT
>>> test_urgent_calls()

Once csroles is installed, hypothesis finds these strategies by type too
(through the ``hypothesis`` entry point), so ``st.from_type(Interaction)``
and ``st.builds`` work without importing this module:

>>> from hypothesis import strategies as st
>>> from csroles import Interaction
>>> @settings(max_examples=5)
... @given(st.from_type(Interaction))
... def test_any(ticket):
...     assert ticket.opened_at <= ticket.last_event_at
>>> test_any()

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

# Which strategy builds each csroles type: the public class name in csroles,
# then the name of the strategy function in this package.
_STRATEGY_FOR_TYPE = {
    "Account": "accounts",
    "AssignmentPolicy": "assignment_policies",
    "PositionLoads": "position_loads",
    "BusinessCalendar": "business_calendars",
    "Customer": "customers",
    "Escalation": "escalations",
    "EscalationPolicy": "escalation_policies",
    "EscalationStep": "escalation_steps",
    "Event": "events",
    "Interaction": "interactions",
    "OrgChart": "org_charts",
    "Party": "parties",
    "Position": "positions",
    "Role": "roles",
    "Responsibility": "responsibilities",
    "Authority": "authorities",
    "Request": "requests",
    "Catalog": "catalogs",
    "Pay": "pays",
    "Skill": "skills",
    "Period": "periods",
    "TitleParts": "title_parts",
    "SLA": "slas",
    "SLAClock": "sla_clocks",
    "QueueFigures": "queue_figures",
    "AgentRequirement": "agent_requirements",
    "ForecastInterval": "forecast_intervals",
    "IntervalStaffing": "interval_staffings",
    "ChannelStaffing": "channel_staffings",
    "StaffingPlan": "staffing_plans",
    "TeamPlan": "team_plans",
    "ClockCondition": "clock_conditions",
    "ClockSegment": "clock_segments",
    "MetricDefinition": "metric_definitions",
    "PolicySet": "policy_sets",
    "PolicyCondition": "policy_conditions",
    "SLAPolicy": "sla_policies",
}


def _deferred(name: str) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        return getattr(importlib.import_module("csroles.strategies"), name)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each csroles type (run by hypothesis's entry point).

    Hypothesis runs this while it is being imported, which may happen while
    this very module is being imported (``import csroles.strategies`` imports
    hypothesis). So the hook is defined before anything imports hypothesis, and
    it registers functions that look the strategies up only when used.
    """
    from hypothesis import strategies as st

    import csroles

    for type_name, strategy_name in _STRATEGY_FOR_TYPE.items():
        st.register_type_strategy(getattr(csroles, type_name), _deferred(strategy_name))


from csroles.strategies._entities import (  # noqa: E402 (after the hook: see its docstring)
    ZONES,
    accounts,
    aware_datetimes,
    customers,
    escalations,
    events,
    identifiers,
    interactions,
    language_tags,
    parties,
    zone_names,
)
from csroles.strategies._hierarchy import (  # noqa: E402
    assignment_policies,
    escalation_policies,
    escalation_steps,
    loads,
    org_charts,
    position_loads,
    positions,
)
from csroles.strategies._metrics import periods  # noqa: E402 (after the hook)
from csroles.strategies._roles import (  # noqa: E402 (after the hook: see its docstring)
    authorities,
    catalogs,
    pays,
    requests,
    responsibilities,
    role_keys,
    roles,
    skills,
)
from csroles.strategies._sla import (  # noqa: E402 (after the hook: see its docstring)
    business_calendars,
    clock_conditions,
    clock_segments,
    metric_definitions,
    policy_conditions,
    policy_sets,
    sla_clocks,
    sla_policies,
    slas,
)
from csroles.strategies._staffing import (  # noqa: E402 (after the hook: see its docstring)
    agent_requirements,
    channel_staffings,
    forecast_intervals,
    interval_staffings,
    queue_figures,
    staffing_plans,
    team_plans,
)
from csroles.strategies._titles import (  # noqa: E402 (after the hook: see its docstring)
    job_titles,
    title_parts,
)

__all__ = [
    "ZONES",
    "accounts",
    "agent_requirements",
    "assignment_policies",
    "authorities",
    "aware_datetimes",
    "business_calendars",
    "catalogs",
    "channel_staffings",
    "clock_conditions",
    "clock_segments",
    "customers",
    "escalation_policies",
    "escalation_steps",
    "escalations",
    "events",
    "forecast_intervals",
    "identifiers",
    "interactions",
    "interval_staffings",
    "job_titles",
    "language_tags",
    "loads",
    "metric_definitions",
    "org_charts",
    "parties",
    "pays",
    "periods",
    "policy_conditions",
    "policy_sets",
    "position_loads",
    "positions",
    "queue_figures",
    "requests",
    "responsibilities",
    "role_keys",
    "roles",
    "skills",
    "sla_clocks",
    "sla_policies",
    "slas",
    "staffing_plans",
    "team_plans",
    "title_parts",
    "zone_names",
]
