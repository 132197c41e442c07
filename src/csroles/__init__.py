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
    UnknownPositionError,
    UnknownRoleError,
    UnknownTitleError,
)
from csroles.hierarchy import OrgChart, Position
from csroles.portfolios import Portfolio, PortfolioPlan, balance_portfolios
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
    "OrgChart",
    "Portfolio",
    "PortfolioPlan",
    "Position",
    "Priority",
    "Topic",
    "UnknownPositionError",
    "UnknownRoleError",
    "UnknownTitleError",
    "balance_portfolios",
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
