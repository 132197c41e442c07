"""Service metrics: the KPIs each role is measured by, computed from interactions.

*ServiceNow CSR* judges service roles by first response time, resolution
time and customer satisfaction (CSAT), success roles by retention rate,
customer lifetime value and NPS; *LiveAgent roles* adds a daily quota of
emails or calls. This module computes them from the interactions and
accounts a caller already has, for everything at once or per position,
role, team or channel (:func:`group_metrics`, :func:`group_workload`,
:func:`group_retention_rate`, :func:`group_customer_lifetime_value`):

>>> from datetime import datetime, timedelta, UTC
>>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
>>> from csroles import SurveyScale, service_metrics
>>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
>>> def ticket(n, reply_minutes, score):
...     return Interaction(
...         id=f"T-{n}",
...         customer_id="C-1",
...         channel=Channel.EMAIL,
...         direction=Direction.INBOUND,
...         topic=Topic.ORDER,
...         priority=Priority.NORMAL,
...         events=[
...             Event(kind=EventKind.OPENED, at=t0),
...             Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
...             Event(kind=EventKind.AGENT_REPLIED, at=t0 + timedelta(minutes=reply_minutes)),
...             Event(kind=EventKind.RESOLVED, at=t0 + timedelta(hours=2)),
...             Event(
...                 kind=EventKind.SURVEY_ANSWERED,
...                 at=t0 + timedelta(hours=3),
...                 scale=SurveyScale.CSAT,
...                 score=score,
...             ),
...         ],
...     )
>>> metrics = service_metrics([ticket(1, 10, 5), ticket(2, 30, 3)])
>>> metrics.first_response.median, metrics.csat.percent, metrics.first_contact_resolution.percent
(datetime.timedelta(seconds=1200), 50.0, 100.0)

Empty inputs give defined results, never a ``ZeroDivisionError``: a
:class:`Ratio` with nothing to count has ``percent`` ``None``, statistics of
no durations have ``None`` for every figure but ``count``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from csroles.metrics._base import (
    BusinessTime,
    DurationStats,
    NetPromoterScore,
    Period,
    Ratio,
    duration_stats,
)
from csroles.metrics._by_group import (
    group_accounts,
    group_customer_lifetime_value,
    group_retention_rate,
    group_workload,
)
from csroles.metrics._grouping import (
    ServiceMetrics,
    by_channel,
    by_position,
    by_role,
    by_team,
    group_metrics,
    service_metrics,
    sla_compliance,
)
from csroles.metrics._scorecards import Scorecard, ScorecardLine
from csroles.metrics._surveys import csat, customer_effort_score, net_promoter_score, survey_scores
from csroles.metrics._times import (
    first_contact_resolution,
    next_response_times,
    resolution_times,
    response_times,
)
from csroles.metrics._value import customer_lifetime_value, retention_rate
from csroles.metrics._workload import DailyWorkload, quota_attainment, workload

__all__ = [
    "BusinessTime",
    "DailyWorkload",
    "DurationStats",
    "NetPromoterScore",
    "Period",
    "Ratio",
    "Scorecard",
    "ScorecardLine",
    "ServiceMetrics",
    "by_channel",
    "by_position",
    "by_role",
    "by_team",
    "csat",
    "customer_effort_score",
    "customer_lifetime_value",
    "duration_stats",
    "first_contact_resolution",
    "group_accounts",
    "group_customer_lifetime_value",
    "group_metrics",
    "group_retention_rate",
    "group_workload",
    "net_promoter_score",
    "next_response_times",
    "quota_attainment",
    "resolution_times",
    "response_times",
    "retention_rate",
    "service_metrics",
    "sla_compliance",
    "survey_scores",
    "workload",
]
