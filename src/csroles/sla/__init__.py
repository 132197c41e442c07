"""Service levels: business calendars and business time.

>>> from datetime import time
>>> from csroles.sla import BusinessCalendar
>>> BusinessCalendar(timezone="Europe/Rome", hours={0: ((time(9), time(17)),)}).timezone
'Europe/Rome'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from csroles.sla.calendar import BusinessCalendar

__all__ = ["BusinessCalendar"]
