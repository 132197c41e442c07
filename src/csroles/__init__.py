"""csroles: typed models and policies for customer-service organizations.

>>> import csroles
>>> csroles.Priority.URGENT > csroles.Priority.NORMAL
True
"""

from __future__ import annotations

from csroles.errors import (
    CalendarError,
    CsrolesError,
    HierarchyError,
    InvalidEntityError,
    UnknownRoleError,
    UnknownTitleError,
)
from csroles.sla import BusinessCalendar
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

__all__ = [
    "BusinessCalendar",
    "CalendarError",
    "Channel",
    "CsrolesError",
    "Direction",
    "EscalationKind",
    "EscalationReason",
    "EventKind",
    "Focus",
    "HierarchyError",
    "InvalidEntityError",
    "Language",
    "Level",
    "Metric",
    "Priority",
    "Topic",
    "UnknownRoleError",
    "UnknownTitleError",
    "__version__",
]


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata on first use, so that
    # `import csroles` does not pay for importlib.metadata.
    if name == "__version__":
        from importlib.metadata import version

        return version("csroles")
    msg = f"module 'csroles' has no attribute {name!r}"
    raise AttributeError(msg)
