"""Service levels: business calendars, SLA policies and their clocks.

>>> from datetime import time
>>> from csroles.sla import BusinessCalendar
>>> BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)}).timezone
'Europe/Rome'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from csroles.sla.calendar import BusinessCalendar
from csroles.sla.clocks import ClockState, SLAClock, sla_status, sla_statuses
from csroles.sla.policy import SLA, PriorityChangePolicy, ReopenPolicy, ZonePolicy

__all__ = [
    "SLA",
    "BusinessCalendar",
    "ClockState",
    "PriorityChangePolicy",
    "ReopenPolicy",
    "SLAClock",
    "ZonePolicy",
    "sla_status",
    "sla_statuses",
]
