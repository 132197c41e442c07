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
    UnknownRoleError,
    UnknownTitleError,
)
from csroles.escalation import Escalation, Party, PartyKind
from csroles.interactions import Event, Interaction, Status, SurveyScale
from csroles.sla import (
    SLA,
    BusinessCalendar,
    ClockState,
    PriorityChangePolicy,
    ReopenPolicy,
    SLAClock,
    ZonePolicy,
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
    from csroles.converters import configure_converter, make_converter

__all__ = [  # noqa: RUF022 (sorted, with __version__ last: see tests/test_package.py)
    "Account",
    "BusinessCalendar",
    "CalendarError",
    "Channel",
    "ClockState",
    "CsrolesError",
    "Customer",
    "Direction",
    "Escalation",
    "EscalationKind",
    "EscalationReason",
    "Event",
    "EventKind",
    "Focus",
    "HierarchyError",
    "Interaction",
    "InvalidEntityError",
    "Language",
    "Level",
    "Metric",
    "Party",
    "PartyKind",
    "Priority",
    "PriorityChangePolicy",
    "ReopenPolicy",
    "SLA",
    "SLAClock",
    "Status",
    "SurveyScale",
    "Topic",
    "UnknownRoleError",
    "UnknownTitleError",
    "ZonePolicy",
    "configure_converter",
    "make_converter",
    "sla_status",
    "sla_statuses",
    "__version__",
]


# Imported on first use, so that `import csroles` does not pay for cattrs.
_LAZY = {"configure_converter": "csroles.converters", "make_converter": "csroles.converters"}


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
