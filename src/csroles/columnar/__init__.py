"""Business time and SLA clocks over columns: numpy arrays, pandas, pyarrow, Dask.

The optional extra ``csroles[columnar]`` (numpy) gives the calendar's
questions and the SLA clocks in columnar form, with the same answers as the
scalar engine, to the microsecond: ``import csroles`` never imports numpy;
``import csroles.columnar`` does.

>>> import numpy as np
>>> from datetime import time
>>> from csroles import BusinessCalendar
>>> from csroles.columnar import business_time_between
>>> desk = BusinessCalendar(timezone="UTC", hours={d: ((time(9), time(17)),) for d in range(5)})
>>> starts = np.array(["2026-06-05T16:00"], dtype="datetime64[us]")
>>> ends = np.array(["2026-06-08T10:00"], dtype="datetime64[us]")
>>> business_time_between(desk, starts, ends)
array([7200000000], dtype='timedelta64[us]')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

try:
    import numpy  # noqa: F401
except ImportError as error:  # pragma: no cover - the wheel test checks it without numpy
    raise ImportError(
        "csroles.columnar needs numpy: install the extra, pip install 'csroles[columnar]'"
    ) from error

from csroles.columnar._calendar import add_business_time, business_time_between, is_open
from csroles.columnar._metrics import (
    first_contact_resolution,
    group_metrics,
    next_response_times,
    resolution_times,
    response_times,
    service_metrics,
    sla_compliance,
)
from csroles.columnar._sla import EVENT_COLUMNS, STATUS_COLUMNS, sla_table, to_events_table

__all__ = [
    "EVENT_COLUMNS",
    "STATUS_COLUMNS",
    "add_business_time",
    "business_time_between",
    "first_contact_resolution",
    "group_metrics",
    "is_open",
    "next_response_times",
    "resolution_times",
    "response_times",
    "service_metrics",
    "sla_compliance",
    "sla_table",
    "to_events_table",
]
