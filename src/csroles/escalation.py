"""Escalations: passing an interaction on, with the reasons why.

An :class:`Escalation` records that an interaction went from one
:class:`Party` (a position or a role) to another (a position, a role or a
named internal team), in which direction (:class:`~csroles.EscalationKind`)
and why (:class:`~csroles.EscalationReason`):

>>> from datetime import datetime, UTC
>>> from csroles import EscalationKind, EscalationReason
>>> from csroles.escalation import Escalation, Party
>>> up = Escalation(
...     interaction_id="T-1001",
...     source=Party.role("customer_service_representative"),
...     target=Party.role("customer_service_manager"),
...     kind=EscalationKind.HIERARCHICAL,
...     reasons=[EscalationReason.AUTHORITY],
...     at=datetime(2026, 5, 4, 10, 15, tzinfo=UTC),
...     note="refund above the representative's limit",
... )
>>> up.as_event().assignee
'role:customer_service_manager'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import re
from datetime import datetime, timezone

import attrs

from csroles import _validation as v
from csroles.interactions import Event
from csroles.vocabulary import EscalationKind, EscalationReason, EventKind

__all__ = ["Escalation", "Party", "PartyKind"]


class PartyKind(enum.StrEnum):
    """What a :class:`Party` is.

    >>> from csroles.escalation import PartyKind
    >>> [kind.value for kind in PartyKind]
    ['position', 'role', 'team']

    .. versionadded:: 0.1.0
    """

    POSITION = "position"
    """A position in an org chart (a person's seat), by its id."""
    ROLE = "role"
    """A role of the catalog, by its snake_case key."""
    TEAM = "team"
    """A named internal team or department, such as ``"billing"``."""


_ROLE_KEY = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


@attrs.frozen(kw_only=True)
class Party:
    """Who an interaction is escalated from or to: a position, a role or a team.

    Role keys are snake_case (``"customer_support_engineer"``); position ids
    and team names are non-empty strings without surrounding whitespace.
    ``str(party)`` is ``"<kind>:<id>"``.

    >>> from csroles.escalation import Party, PartyKind
    >>> Party(kind=PartyKind.TEAM, id="billing") == Party.team("billing")
    True
    >>> str(Party.position("pos-17"))
    'position:pos-17'
    >>> Party.role("Customer Manager")
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Party.id: 'Customer Manager', expected a snake_case role key such as 'customer_service_manager'

    .. versionadded:: 0.1.0
    """

    kind: PartyKind = attrs.field(validator=v.member_of(PartyKind))
    id: str = attrs.field(validator=v.validator(v.check_identifier))

    def __attrs_post_init__(self) -> None:
        if self.kind is PartyKind.ROLE and not _ROLE_KEY.fullmatch(self.id):
            v.fail(self, "id", self.id, "a snake_case role key such as 'customer_service_manager'")

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"

    @classmethod
    def position(cls, id: str) -> Party:  # noqa: A002 (the field's name)
        """The position with this id."""
        return cls(kind=PartyKind.POSITION, id=id)

    @classmethod
    def role(cls, key: str) -> Party:
        """The role with this catalog key."""
        return cls(kind=PartyKind.ROLE, id=key)

    @classmethod
    def team(cls, name: str) -> Party:
        """The internal team with this name."""
        return cls(kind=PartyKind.TEAM, id=name)


_check_reason = v.enum_check(EscalationReason)


@attrs.frozen(kw_only=True)
class Escalation:
    """An interaction passed on from one party to another, with the reasons why.

    Args:
        interaction_id: the escalated :class:`~csroles.Interaction`'s id.
        source: who escalates: a position or a role (not a team).
        target: who receives it: a position, a role or a team; not the source.
        kind: ``FUNCTIONAL`` (to more expertise) or ``HIERARCHICAL`` (up the
            chain of command; never to a team).
        reasons: why; at least one.
        at: when (aware; stored with its fixed UTC offset).
        note: free text, or ``None``.

    Raises:
        InvalidEntityError: a field breaks these rules.

    >>> from datetime import datetime, UTC
    >>> from csroles import EscalationKind, EscalationReason
    >>> from csroles.escalation import Escalation, Party
    >>> Escalation(
    ...     interaction_id="T-9",
    ...     source=Party.position("pos-3"),
    ...     target=Party.team("product"),
    ...     kind=EscalationKind.HIERARCHICAL,
    ...     reasons=[EscalationReason.CONFLICT],
    ...     at=datetime(2026, 5, 4, tzinfo=UTC),
    ... )
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Escalation.target: Party(kind=<PartyKind.TEAM: 'team'>, id='product'), expected a position or a role for a hierarchical escalation (teams receive functional ones)

    .. versionadded:: 0.1.0
    """

    interaction_id: str = attrs.field(validator=v.validator(v.check_identifier))
    source: Party
    target: Party
    kind: EscalationKind = attrs.field(validator=v.member_of(EscalationKind))
    reasons: frozenset[EscalationReason] = attrs.field(
        converter=v.to_frozenset, validator=v.items(_check_reason)
    )
    at: datetime
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        for field in ("source", "target"):
            if type(getattr(self, field)) is not Party:
                v.fail(self, field, getattr(self, field), "a Party (a position, role or team)")
        if self.source.kind is PartyKind.TEAM:
            v.fail(self, "source", self.source, "a position or a role (a team does not escalate)")
        if self.target == self.source:
            v.fail(self, "target", self.target, "a party other than the source")
        if self.kind is EscalationKind.HIERARCHICAL and self.target.kind is PartyKind.TEAM:
            v.fail(
                self,
                "target",
                self.target,
                "a position or a role for a hierarchical escalation (teams receive functional ones)",
            )
        if not self.reasons:
            v.fail(self, "reasons", self.reasons, "at least one EscalationReason")
        at = self.at
        if type(at) is not datetime or type(at.tzinfo) is not timezone:
            object.__setattr__(self, "at", v.check_instant(self, "at", at))
        if self.note is not None and type(self.note) is not str:
            v.fail(self, "note", self.note, "None or a string")

    def as_event(self, *, by: str | None = None) -> Event:
        """The ``escalated`` event for the interaction's timeline.

        Its assignee is ``str(target)`` (``"team:billing"``), its note the
        escalation's note.

        Args:
            by: who escalated, if known.

        >>> from datetime import datetime, UTC
        >>> from csroles import EscalationKind, EscalationReason
        >>> from csroles.escalation import Escalation, Party
        >>> e = Escalation(
        ...     interaction_id="T-2",
        ...     source=Party.position("pos-1"),
        ...     target=Party.team("billing"),
        ...     kind=EscalationKind.FUNCTIONAL,
        ...     reasons=[EscalationReason.EXPERTISE],
        ...     at=datetime(2026, 1, 5, tzinfo=UTC),
        ... )
        >>> event = e.as_event(by="agent-1")
        >>> event.kind.value, event.assignee, event.by
        ('escalated', 'team:billing', 'agent-1')
        """
        return Event(
            kind=EventKind.ESCALATED, at=self.at, by=by, assignee=str(self.target), note=self.note
        )
