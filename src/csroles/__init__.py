"""csroles: typed models and policies for customer-service organizations.

>>> import csroles
>>> csroles.Priority.URGENT > csroles.Priority.NORMAL
True
"""

from __future__ import annotations

from csroles.converters import configure_converter, make_converter
from csroles.errors import (
    CalendarError,
    CsrolesError,
    HierarchyError,
    InvalidEntityError,
    UnknownRoleError,
    UnknownTitleError,
)
from csroles.interactions import Event, Interaction, Status, SurveyScale
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

__all__ = [  # noqa: RUF022 (sorted, with __version__ last: see tests/test_package.py)
    "BusinessCalendar",
    "CalendarError",
    "Channel",
    "CsrolesError",
    "Direction",
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
    "Priority",
    "Status",
    "SurveyScale",
    "Topic",
    "UnknownRoleError",
    "UnknownTitleError",
    "configure_converter",
    "make_converter",
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
