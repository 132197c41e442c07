"""Staffing from SLAs: how many agents each channel needs per interval, and the team that makes.

Three steps, each usable alone:

- :mod:`~csroles.staffing.queues`: queueing figures for live channels
  (:func:`erlang_c`, :func:`erlang_a`) and the fewest agents that meet a
  target (:func:`agents_for`);
- :mod:`~csroles.staffing.plan`: a :class:`StaffingPlan` over a forecast,
  per channel and interval of the business calendar (:func:`staffing_plan`);
- :mod:`~csroles.staffing.team`: the org chart that staffs a plan
  (:func:`plan_team`).

>>> from datetime import timedelta
>>> from csroles.staffing import agents_for
>>> agents_for(volume=100, interval=timedelta(minutes=30), handle_time=timedelta(minutes=3)).agents
14

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from csroles.staffing.plan import (
    DEFERRED_CHANNELS,
    ChannelStaffing,
    ForecastInterval,
    IntervalStaffing,
    StaffingPlan,
    scheduled_agents,
    staffing_plan,
)
from csroles.staffing.queues import AgentRequirement, QueueFigures, agents_for, erlang_a, erlang_c
from csroles.staffing.team import AGENT_ROLES, DEFAULT_SPANS, TeamPlan, plan_team

__all__ = [
    "AGENT_ROLES",
    "DEFAULT_SPANS",
    "DEFERRED_CHANNELS",
    "AgentRequirement",
    "ChannelStaffing",
    "ForecastInterval",
    "IntervalStaffing",
    "QueueFigures",
    "StaffingPlan",
    "TeamPlan",
    "agents_for",
    "erlang_a",
    "erlang_c",
    "plan_team",
    "scheduled_agents",
    "staffing_plan",
]
