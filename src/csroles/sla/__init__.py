"""Service levels: business calendars, SLA policies and their clocks.

>>> from datetime import time
>>> from csroles.sla import BusinessCalendar
>>> BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)}).timezone
'Europe/Rome'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from csroles.sla.calendar import BusinessCalendar
from csroles.sla.clocks import ClockSegment, ClockState, SLAClock, sla_status, sla_statuses
from csroles.sla.definitions import PRESETS, ClockCondition, MetricDefinition
from csroles.sla.policy import SLA, PriorityChangePolicy, ReopenPolicy, ZonePolicy
from csroles.sla.selection import (
    PolicyChoice,
    PolicyCondition,
    PolicySet,
    SLAPolicy,
    choose_sla,
)

__all__ = [
    "PRESETS",
    "SLA",
    "BusinessCalendar",
    "ClockCondition",
    "ClockSegment",
    "ClockState",
    "MetricDefinition",
    "PolicyChoice",
    "PolicyCondition",
    "PolicySet",
    "PriorityChangePolicy",
    "ReopenPolicy",
    "SLAClock",
    "SLAPolicy",
    "ZonePolicy",
    "choose_sla",
    "sla_status",
    "sla_statuses",
]
