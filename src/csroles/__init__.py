"""csroles: typed models and policies for customer-service organizations.

>>> import csroles
>>> csroles.Priority.URGENT > csroles.Priority.NORMAL
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from csroles.customers import Account, Customer
from csroles.errors import (
    CalendarError,
    CsrolesError,
    HierarchyError,
    InvalidEntityError,
    RoutingError,
    UnknownPositionError,
    UnknownRoleError,
    UnknownTitleError,
)
from csroles.escalation import (
    Escalation,
    EscalationCheck,
    EscalationDecision,
    EscalationPolicy,
    EscalationStep,
    Party,
    PartyKind,
    decide_escalation,
    escalate,
    escalation_step,
)
from csroles.interactions import Event, Interaction, Status, SurveyScale
from csroles.roles import (
    Action,
    Authority,
    Duty,
    Industry,
    Pay,
    Raci,
    Request,
    Responsibility,
    Role,
)
from csroles.sla import (
    SLA,
    BusinessCalendar,
    ClockCondition,
    ClockSegment,
    ClockState,
    MetricDefinition,
    PolicyChoice,
    PolicyCondition,
    PolicySet,
    PriorityChangePolicy,
    ReopenPolicy,
    SLAClock,
    SLAPolicy,
    ZonePolicy,
    choose_sla,
    sla_status,
    sla_statuses,
)
from csroles.vocabulary import (
    Channel,
    Direction,
    EscalationKind,
    EscalationReason,
    EventKind,
    Focus,
    Language,
    Level,
    Metric,
    Priority,
    Topic,
)

if TYPE_CHECKING:
    from csroles.catalog import Catalog, default_catalog
    from csroles.converters import configure_converter, make_converter
    from csroles.hierarchy import ChartFinding, ChartFindingCode, OrgChart, Position
    from csroles.metrics import (
        DailyWorkload,
        DurationStats,
        NetPromoterScore,
        Period,
        Ratio,
        Scorecard,
        ScorecardLine,
        ServiceMetrics,
        by_channel,
        by_position,
        by_role,
        by_team,
        csat,
        customer_effort_score,
        customer_lifetime_value,
        duration_stats,
        first_contact_resolution,
        group_metrics,
        net_promoter_score,
        quota_attainment,
        resolution_times,
        response_times,
        retention_rate,
        service_metrics,
        sla_compliance,
        survey_scores,
        workload,
    )
    from csroles.portfolios import Portfolio, PortfolioPlan, balance_portfolios
    from csroles.responsibilities import (
        AuthorityDecision,
        FindingCode,
        RaciMatrix,
        ResponsibilityFinding,
        career_path,
        career_paths_from,
        check_responsibilities,
        may_decide,
        raci_matrix,
    )
    from csroles.routing import RoutingCandidate, levels_for, route
    from csroles.teams import call_center_team, customer_organisation, success_team, support_team
    from csroles.titles import TitleParts, compose_title, parse_title


__all__ = [  # noqa: RUF022 (sorted, with __version__ last: see tests/test_package.py)
    "Account",
    "Action",
    "Authority",
    "AuthorityDecision",
    "BusinessCalendar",
    "CalendarError",
    "Catalog",
    "Channel",
    "ChartFinding",
    "ChartFindingCode",
    "ClockCondition",
    "ClockSegment",
    "ClockState",
    "CsrolesError",
    "Customer",
    "DailyWorkload",
    "Direction",
    "DurationStats",
    "Duty",
    "Escalation",
    "EscalationCheck",
    "EscalationDecision",
    "EscalationKind",
    "EscalationPolicy",
    "EscalationReason",
    "EscalationStep",
    "Event",
    "EventKind",
    "FindingCode",
    "Focus",
    "HierarchyError",
    "Industry",
    "Interaction",
    "InvalidEntityError",
    "Language",
    "Level",
    "Metric",
    "MetricDefinition",
    "NetPromoterScore",
    "OrgChart",
    "Party",
    "PartyKind",
    "Pay",
    "Period",
    "PolicyChoice",
    "PolicyCondition",
    "PolicySet",
    "Portfolio",
    "PortfolioPlan",
    "Position",
    "Priority",
    "PriorityChangePolicy",
    "Raci",
    "RaciMatrix",
    "Ratio",
    "ReopenPolicy",
    "Request",
    "Responsibility",
    "ResponsibilityFinding",
    "Role",
    "RoutingCandidate",
    "RoutingError",
    "SLA",
    "SLAClock",
    "SLAPolicy",
    "Scorecard",
    "ScorecardLine",
    "ServiceMetrics",
    "Status",
    "SurveyScale",
    "TitleParts",
    "Topic",
    "UnknownPositionError",
    "UnknownRoleError",
    "UnknownTitleError",
    "ZonePolicy",
    "balance_portfolios",
    "by_channel",
    "by_position",
    "by_role",
    "by_team",
    "call_center_team",
    "career_path",
    "career_paths_from",
    "check_responsibilities",
    "choose_sla",
    "compose_title",
    "configure_converter",
    "csat",
    "customer_effort_score",
    "customer_lifetime_value",
    "customer_organisation",
    "decide_escalation",
    "default_catalog",
    "duration_stats",
    "escalate",
    "escalation_step",
    "first_contact_resolution",
    "group_metrics",
    "levels_for",
    "make_converter",
    "may_decide",
    "net_promoter_score",
    "parse_title",
    "quota_attainment",
    "raci_matrix",
    "resolution_times",
    "response_times",
    "retention_rate",
    "route",
    "service_metrics",
    "sla_compliance",
    "sla_status",
    "sla_statuses",
    "success_team",
    "support_team",
    "survey_scores",
    "workload",
    "__version__",
]


# Imported on first use (PEP 562): the converter, so that `import csroles` does
# not pay for cattrs, and the catalog and the policies, so that a program that
# only builds entities does not pay for them.
_LAZY = {
    "configure_converter": "csroles.converters",
    "make_converter": "csroles.converters",
    "Catalog": "csroles.catalog",
    "default_catalog": "csroles.catalog",
    "AuthorityDecision": "csroles.responsibilities",
    "FindingCode": "csroles.responsibilities",
    "RaciMatrix": "csroles.responsibilities",
    "ResponsibilityFinding": "csroles.responsibilities",
    "career_path": "csroles.responsibilities",
    "career_paths_from": "csroles.responsibilities",
    "check_responsibilities": "csroles.responsibilities",
    "may_decide": "csroles.responsibilities",
    "raci_matrix": "csroles.responsibilities",
    "DailyWorkload": "csroles.metrics",
    "DurationStats": "csroles.metrics",
    "NetPromoterScore": "csroles.metrics",
    "Period": "csroles.metrics",
    "Ratio": "csroles.metrics",
    "Scorecard": "csroles.metrics",
    "ScorecardLine": "csroles.metrics",
    "ServiceMetrics": "csroles.metrics",
    "by_channel": "csroles.metrics",
    "by_position": "csroles.metrics",
    "by_role": "csroles.metrics",
    "by_team": "csroles.metrics",
    "csat": "csroles.metrics",
    "customer_effort_score": "csroles.metrics",
    "customer_lifetime_value": "csroles.metrics",
    "duration_stats": "csroles.metrics",
    "first_contact_resolution": "csroles.metrics",
    "group_metrics": "csroles.metrics",
    "net_promoter_score": "csroles.metrics",
    "quota_attainment": "csroles.metrics",
    "resolution_times": "csroles.metrics",
    "response_times": "csroles.metrics",
    "retention_rate": "csroles.metrics",
    "service_metrics": "csroles.metrics",
    "sla_compliance": "csroles.metrics",
    "survey_scores": "csroles.metrics",
    "workload": "csroles.metrics",
    "RoutingCandidate": "csroles.routing",
    "levels_for": "csroles.routing",
    "route": "csroles.routing",
    "TitleParts": "csroles.titles",
    "compose_title": "csroles.titles",
    "parse_title": "csroles.titles",
    "ChartFinding": "csroles.hierarchy",
    "ChartFindingCode": "csroles.hierarchy",
    "OrgChart": "csroles.hierarchy",
    "Position": "csroles.hierarchy",
    "Portfolio": "csroles.portfolios",
    "PortfolioPlan": "csroles.portfolios",
    "balance_portfolios": "csroles.portfolios",
    "call_center_team": "csroles.teams",
    "customer_organisation": "csroles.teams",
    "success_team": "csroles.teams",
    "support_team": "csroles.teams",
}


def __getattr__(name: str) -> Any:
    # The version is read from the installed metadata on first use, so that
    # `import csroles` does not pay for importlib.metadata.
    if name == "__version__":
        from importlib.metadata import version

        return version("csroles")
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    msg = f"module 'csroles' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
