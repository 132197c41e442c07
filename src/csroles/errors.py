"""The exceptions that csroles raises.

Every error that csroles raises on bad input is a :class:`CsrolesError`. Each
subclass also inherits the matching builtin exception, so code that already
catches :class:`ValueError` or :class:`LookupError` keeps working.

The class follows what the field or argument expects, wherever it is passed:
a refused value is an :class:`InvalidEntityError`, and a refused time value (a
datetime, a duration, a zone name) is its subclass :class:`CalendarError`, in
an entity's field and in a function's argument alike. A key that names
nothing is an ``Unknown...Error``. The message starts with a label naming what
the caller passed (``Event.at``, ``decide_escalation.handler``), quotes the
value (a long one by a prefix and its length) and says what was expected:

>>> from csroles import CsrolesError, InvalidEntityError
>>> issubclass(InvalidEntityError, ValueError)
True
>>> try:
...     raise InvalidEntityError("Customer.id: '' is empty, expected a non-empty string")
... except CsrolesError as error:
...     print(error)
Customer.id: '' is empty, expected a non-empty string

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "CalendarError",
    "CsrolesError",
    "HierarchyError",
    "InvalidEntityError",
    "RoutingError",
    "UnknownPositionError",
    "UnknownRoleError",
    "UnknownTitleError",
]


class CsrolesError(Exception):
    """Base class of every error that csroles raises on purpose.

    Catch it to handle any refusal of csroles at once:

    >>> from csroles import CsrolesError, UnknownRoleError
    >>> isinstance(UnknownRoleError("no role 'ceo'"), CsrolesError)
    True

    Messages are bounded: one longer than 2,000 characters keeps its
    beginning and says how long it was, so that a huge input never becomes a
    huge message (each value a message quotes is cut much shorter, to a
    prefix and its length).

    .. versionadded:: 0.1.0
    """

    def __init__(self, *args: Any) -> None:
        if args and type(args[0]) is str and len(args[0]) > _MAX_MESSAGE:
            text = args[0]
            cut = f"{text[: _MAX_MESSAGE - 60]}... (message cut: {len(text)} characters)"
            args = (cut, *args[1:])
        super().__init__(*args)


_MAX_MESSAGE = 2000  # characters; a message listing many problems is cut here


class InvalidEntityError(CsrolesError, ValueError):
    """A value does not satisfy the rules of the entity or argument it was given for.

    The message names the class and field, the bad value and what was expected.

    >>> from csroles import InvalidEntityError
    >>> isinstance(InvalidEntityError("Account.weight: -1, expected a positive number"), ValueError)
    True

    When the converter refuses a document, :attr:`problems` lists every
    problem it found as ``(path, message)`` pairs, such as
    ``("events[3].at", "naive datetime '2026-05-01T10:00:00', expected an offset ...")``;
    the error's message shows them one per line.

    Attributes:
        problems: the ``(path, message)`` pairs; empty when the message says it all.

    .. versionadded:: 0.1.0
    """

    problems: tuple[tuple[str, str], ...]

    def __init__(self, message: str, *, problems: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


class UnknownRoleError(CsrolesError, LookupError):
    """A role key is not in the catalog; the message suggests close keys.

    >>> from csroles import UnknownRoleError
    >>> isinstance(UnknownRoleError("no role 'agent'"), LookupError)
    True

    .. versionadded:: 0.1.0
    """


class RoutingError(CsrolesError, LookupError):
    """No role of a catalog can take an interaction; the message names what none covers.

    >>> from csroles import RoutingError
    >>> isinstance(RoutingError("no role covers topic 'installation'"), LookupError)
    True

    .. versionadded:: 0.1.0
    """


class UnknownTitleError(CsrolesError, LookupError):
    """A job title could not be understood; the message names the closest known words.

    >>> from csroles import UnknownTitleError
    >>> isinstance(UnknownTitleError("no known title in 'xyzzy'"), LookupError)
    True

    .. versionadded:: 0.1.0
    """


class HierarchyError(CsrolesError, ValueError):
    """An org chart is structurally invalid (a cycle, a missing manager, a duplicate id ...).

    >>> from csroles import HierarchyError
    >>> isinstance(HierarchyError("cycle: a -> b -> a"), ValueError)
    True

    .. versionadded:: 0.1.0
    """


class CalendarError(InvalidEntityError):
    """A time value is invalid (naive datetime, unknown zone, bad duration ...) or a calendar cannot answer.

    The class follows the kind of value, wherever it is passed: a naive
    datetime, an unknown zone name or a malformed duration raises
    :class:`CalendarError` in an entity's constructor and in a function's
    argument alike. It is an :class:`InvalidEntityError` (so a
    :class:`ValueError` too), so code that catches bad values catches it.

    >>> from csroles import CalendarError, InvalidEntityError
    >>> isinstance(
    ...     CalendarError("timezone: 'Mars/Olympus' is not an IANA zone"), InvalidEntityError
    ... )
    True

    .. versionadded:: 0.1.0
    """


class UnknownPositionError(HierarchyError, LookupError):
    """A position id is not in the org chart; the message suggests close ids.

    It is a :class:`HierarchyError` and a :class:`LookupError`:

    >>> from csroles import HierarchyError, UnknownPositionError
    >>> isinstance(UnknownPositionError("no position 'ag-9'"), (HierarchyError, LookupError))
    True

    .. versionadded:: 0.1.0
    """
