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
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from csroles import _validation as v
from csroles.customers import Customer
from csroles.errors import CalendarError, UnknownPositionError
from csroles.interactions import Event, Interaction
from csroles.roles import Raci, Request, Role
from csroles.sla.clocks import ClockState, SLAClock, sla_status
from csroles.sla.policy import SLA
from csroles.vocabulary import EscalationKind, EscalationReason, EventKind, Level, Topic

if TYPE_CHECKING:
    # The org chart brings the catalog with it: imported when a decision is made,
    # so that `import csroles` (which imports this entity module) stays light.
    from csroles.hierarchy import OrgChart, Position

__all__ = [
    "DEFAULT_TEAMS",
    "Escalation",
    "EscalationCheck",
    "EscalationDecision",
    "EscalationPolicy",
    "EscalationStep",
    "Party",
    "PartyKind",
    "decide_escalation",
    "escalate",
    "escalation_step",
]


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
_KIND_WORDS = {
    EscalationKind.FUNCTIONAL: "functional escalation",
    EscalationKind.HIERARCHICAL: "hierarchical escalation",
    EscalationKind.DELEGATION: "delegation",
}


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
        if self.kind is not EscalationKind.FUNCTIONAL and self.target.kind is PartyKind.TEAM:
            v.fail(
                self,
                "target",
                self.target,
                f"a position or a role for a {_KIND_WORDS[self.kind]} "
                "(teams receive functional ones)",
            )
        if not self.reasons:
            v.fail(self, "reasons", self.reasons, "at least one EscalationReason")
        at = self.at
        if type(at) is not datetime or type(at.tzinfo) is not timezone:
            object.__setattr__(self, "at", v.check_instant(self, "at", at))
        if self.note is not None and type(self.note) is not str:
            v.fail(self, "note", self.note, "None or a string")

    def as_event(self, *, by: str | None = None) -> Event:
        """The ``escalated`` event for the interaction's timeline (``assigned`` for a delegation).

        Its assignee is ``str(target)`` (``"team:billing"``), its note the
        escalation's note. A delegation is not an escalation: it is recorded
        as an ``assigned`` event, so escalation counts leave it out.

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
        kind = EventKind.ASSIGNED if self.kind is EscalationKind.DELEGATION else EventKind.ESCALATED
        return Event(kind=kind, at=self.at, by=by, assignee=str(self.target), note=self.note)


# ------------------------------------------------------------------ the escalation policy
# Which way an interaction goes when its handler cannot finish it: up the chain
# of command (hierarchical) or to more expertise (functional), with every reason
# that was weighed, applying or not.

DEFAULT_TEAMS: Mapping[Topic, str] = MappingProxyType(
    {Topic.TECHNICAL_PROBLEM: "product team", Topic.INSTALLATION: "product team"}
)
"""The internal teams that take functional escalations beyond the org chart, by topic.

*ServiceNow CSR*: engineers escalate unresolved technical issues "to the competent
internal team", then to internal product teams. Pass ``teams=`` to
:func:`decide_escalation` to name your own.

.. versionadded:: 0.1.0
"""


def _check_threshold(owner: object, field: str, value: object) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        v.fail(owner, field, value, "a positive finite fraction of the target, such as 0.5")
    if not v.is_finite_number(value) or not value > 0:
        v.fail(owner, field, value, "a positive finite fraction of the target, such as 0.5")
    return float(value)


@attrs.frozen(kw_only=True)
class EscalationStep:
    """One step of an :class:`EscalationPolicy`: at this share of an SLA target, this level.

    Attributes:
        threshold: the fraction of the target (``0.5`` is half of it, ``1.0``
            the target itself: a breach).
        level: the lowest :class:`~csroles.Level` the interaction must reach.

    >>> from csroles import Level
    >>> EscalationStep(threshold=1.0, level=Level.MANAGER).level.value
    'manager'

    .. versionadded:: 0.1.0
    """

    threshold: float = attrs.field(validator=v.validator(_check_threshold))
    level: Level = attrs.field(validator=v.member_of(Level))


def _check_step(owner: object, field: str, value: object) -> EscalationStep:
    if not isinstance(value, EscalationStep):
        v.fail(owner, field, value, "an EscalationStep")
    return value


def _check_steps(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.tuple_of(_check_step)(instance, attribute, value)
    steps: tuple[EscalationStep, ...] = value  # type: ignore[assignment]
    if not steps:
        v.fail(instance, attribute.name, value, "at least one EscalationStep")
    for index in range(1, len(steps)):
        before, step = steps[index - 1], steps[index]
        if step.threshold <= before.threshold or step.level < before.level:
            v.fail(
                instance,
                f"{attribute.name}[{index}]",
                step,
                "steps in increasing threshold order whose levels never go down",
            )


def _default_steps() -> tuple[EscalationStep, ...]:
    return (
        EscalationStep(threshold=0.5, level=Level.SUPERVISOR),
        EscalationStep(threshold=1.0, level=Level.MANAGER),
    )


@attrs.frozen(kw_only=True)
class EscalationPolicy:
    """How far up an interaction goes as its SLA clocks run down.

    The default: at half of a target a supervisor (or above) takes it; once
    the target is missed, a manager (or above).

    ``manager_request`` is the lowest level a customer's request for a manager
    goes to: a manager by default (the source articles send it to a manager);
    ``Level.SUPERVISOR`` for desks where a supervisor takes the call first.

    >>> from csroles import Level
    >>> policy = EscalationPolicy()
    >>> [(step.threshold, step.level.value) for step in policy.steps]
    [(0.5, 'supervisor'), (1.0, 'manager')]
    >>> EscalationPolicy(
    ...     steps=[
    ...         EscalationStep(threshold=0.75, level=Level.DIRECTOR),
    ...         EscalationStep(threshold=1.0, level=Level.MANAGER),
    ...     ]
    ... )
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: EscalationPolicy.steps[1]: EscalationStep(threshold=1.0, level=<Level.MANAGER: 'manager'>), expected steps in increasing threshold order whose levels never go down

    .. versionadded:: 0.1.0
    """

    steps: tuple[EscalationStep, ...] = attrs.field(
        factory=_default_steps, converter=v.to_tuple, validator=_check_steps
    )
    manager_request: Level = attrs.field(default=Level.MANAGER, validator=v.member_of(Level))


_DEFAULT_POLICY = EscalationPolicy()
_LIVE = frozenset({ClockState.RUNNING, ClockState.WARNING, ClockState.BREACHED})


def escalation_step(
    clocks: Iterable[SLAClock], *, policy: EscalationPolicy | None = None
) -> tuple[EscalationStep, SLAClock] | None:
    """The highest step of ``policy`` that a counting SLA clock has reached, and that clock.

    Only clocks still counting matter: running, in warning, or breached and
    still open (a paused clock waits on someone else; a stopped one is done).
    Among the clocks at the highest step, the one with the largest share of its
    target used is returned. None when no clock has reached the first step.

    Args:
        clocks: SLA clocks, as :func:`~csroles.sla_status` returns them.
        policy: the steps; :class:`EscalationPolicy` () by default.

    Raises:
        InvalidEntityError: ``clocks`` holds something else than clocks, or
            ``policy`` is not an :class:`EscalationPolicy`.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Metric, SLAClock
    >>> from csroles.sla import ClockState
    >>> clock = SLAClock(
    ...     metric=Metric.RESOLUTION_TIME,
    ...     target=timedelta(hours=8),
    ...     elapsed=timedelta(hours=5),
    ...     state=ClockState.WARNING,
    ...     due_at=datetime(2026, 5, 4, 17, tzinfo=UTC),
    ... )
    >>> step, which = escalation_step([clock])
    >>> step.level.value, which.fraction_used
    ('supervisor', 0.625)

    .. versionadded:: 0.1.0
    """
    fn = "escalation_step"
    if policy is None:
        policy = _DEFAULT_POLICY
    elif not isinstance(policy, EscalationPolicy):
        v.fail(fn, "policy", policy, "None or an EscalationPolicy")
    if isinstance(clocks, (str, bytes, Mapping)) or not isinstance(clocks, Iterable):
        v.fail(fn, "clocks", clocks, "an iterable of SLAClock")
    best: tuple[int, float, SLAClock] | None = None
    for index, clock in enumerate(clocks):
        if not isinstance(clock, SLAClock):
            v.fail(fn, f"clocks[{index}]", clock, "an SLAClock")
        if clock.state not in _LIVE or (
            clock.state is ClockState.BREACHED and clock.due_at is None
        ):
            continue
        used = clock.fraction_used
        reached = -1
        for n, step in enumerate(policy.steps):
            if used >= step.threshold:
                reached = n
        if reached >= 0 and (best is None or (reached, used) > (best[0], best[1])):
            best = (reached, used, clock)
    if best is None:
        return None
    return policy.steps[best[0]], best[2]


def _check_text(owner: object, field: str, value: object) -> str:
    if type(value) is not str or not value.strip():
        v.fail(owner, field, value, "a non-empty string")
    return value


@attrs.frozen(kw_only=True)
class EscalationCheck:
    """One reason :func:`decide_escalation` weighed, whether it applies, and why.

    Attributes:
        reason: the :class:`~csroles.EscalationReason` weighed.
        applies: whether it calls for an escalation.
        message: what was found, for a person to read.

    >>> from csroles import EscalationReason
    >>> from csroles.escalation import EscalationCheck
    >>> EscalationCheck(
    ...     reason=EscalationReason.CUSTOMER_REQUEST,
    ...     applies=False,
    ...     message="the customer did not ask for a manager",
    ... ).applies
    False

    .. versionadded:: 0.1.0
    """

    reason: EscalationReason = attrs.field(validator=v.member_of(EscalationReason))
    applies: bool = attrs.field(validator=v.validator(v.check_flag))
    message: str = attrs.field(validator=v.validator(_check_text))


def _check_check(owner: object, field: str, value: object) -> EscalationCheck:
    if not isinstance(value, EscalationCheck):
        v.fail(owner, field, value, "an EscalationCheck")
    return value


def _optional_kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        v.own_member(instance, attribute.name, EscalationKind, value, "None or an EscalationKind")


def _optional_party(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not Party:
        v.fail(instance, attribute.name, value, "None or a Party (a position or a team)")


@attrs.frozen(kw_only=True)
class EscalationDecision:
    """Whether to escalate an interaction, which way, to whom, and every reason weighed.

    Attributes:
        interaction_id: the interaction decided on.
        handler: the id of the position handling it.
        escalate: whether to pass it on; False both when nothing calls for it
            and when something does but nobody can take it (see ``message``).
        kind: ``HIERARCHICAL`` or ``FUNCTIONAL`` when escalating, else None.
        target: the position (or, functionally, the internal team) to pass
            it to, else None.
        checks: each reason weighed, in :class:`~csroles.EscalationReason`
            order, whether it applies or not.
        message: the outcome in words.

    Raises:
        InvalidEntityError: the fields contradict each other (a target
            without ``escalate``, an escalation without an applying reason,
            a hierarchical escalation to a team ...).

    .. versionadded:: 0.1.0
    """

    interaction_id: str = attrs.field(validator=v.validator(v.check_identifier))
    handler: str = attrs.field(validator=v.validator(v.check_identifier))
    escalate: bool = attrs.field(validator=v.validator(v.check_flag))
    kind: EscalationKind | None = attrs.field(default=None, validator=_optional_kind)
    target: Party | None = attrs.field(default=None, validator=_optional_party)
    checks: tuple[EscalationCheck, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(_check_check)
    )
    message: str = attrs.field(validator=v.validator(_check_text))

    def __attrs_post_init__(self) -> None:
        if self.escalate:
            if self.kind is None:
                v.fail(self, "kind", None, "an EscalationKind when escalating")
            if self.target is None:
                v.fail(self, "target", None, "a Party when escalating")
            if not self.reasons:
                v.fail(self, "checks", self.checks, "at least one check that applies")
            if self.target.kind is PartyKind.ROLE:
                v.fail(self, "target", self.target, "a position or a team (not a role)")
            if self.kind is not EscalationKind.FUNCTIONAL and self.target.kind is PartyKind.TEAM:
                v.fail(self, "target", self.target, f"a position for a {_KIND_WORDS[self.kind]}")
            if self.target == Party.position(self.handler):
                v.fail(self, "target", self.target, "a party other than the handler")
        else:
            if self.kind is not None:
                v.fail(self, "kind", self.kind, "None when not escalating")
            if self.target is not None:
                v.fail(self, "target", self.target, "None when not escalating")

    @property
    def reasons(self) -> tuple[EscalationReason, ...]:
        """The reasons that apply, in check order."""
        return tuple(c.reason for c in self.checks if c.applies)

    def explain(self) -> str:
        """The decision and each reason weighed, one per line, for a person to read.

        >>> from csroles import EscalationReason
        >>> from csroles.escalation import EscalationCheck, EscalationDecision
        >>> print(
        ...     EscalationDecision(
        ...         interaction_id="T-1",
        ...         handler="ag-1",
        ...         escalate=False,
        ...         checks=[
        ...             EscalationCheck(
        ...                 reason=EscalationReason.CONFLICT,
        ...                 applies=False,
        ...                 message="no conflict with the customer or a colleague",
        ...             )
        ...         ],
        ...         message="no escalation: 'ag-1' can handle it",
        ...     ).explain()
        ... )
        no escalation: 'ag-1' can handle it
          - conflict: no conflict with the customer or a colleague
        """
        lines = [self.message]
        lines.extend(
            f"  {'+' if c.applies else '-'} {c.reason.value}: {c.message}" for c in self.checks
        )
        return "\n".join(lines)


def _tier(role: Role) -> int:
    """The support tier a role works at; roles outside the tiers count as the first."""
    return role.tier if role.tier is not None else 1


def _works_on(chart: OrgChart, position: Position, topic: Topic) -> bool:
    """Whether the position does the work on ``topic`` (is responsible, not only accountable)."""
    if topic in position.topics:
        return True
    role = chart.role_of(position.id)
    return any(r.raci is Raci.RESPONSIBLE and topic in r.topics for r in role.responsibilities)


@attrs.frozen
class _Need:
    """What a hierarchical target must satisfy, in words and as a test."""

    words: str
    test: Callable[[Position], bool]


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def _describe(chart: OrgChart, key: str) -> str:
    return f"{key!r} ({chart.position(key).role})"


def _position_id(chart: OrgChart, owner: str, field: str, key: object) -> str:
    """The id of the position ``key`` of ``chart``; the error names the argument ``field``."""
    try:
        return chart.position(key).id  # type: ignore[arg-type]  # checked by the chart
    except UnknownPositionError as error:
        reason = str(error).split(": ", 1)[-1]
        raise UnknownPositionError(f"{owner}.{field}: {reason}") from None


def decide_escalation(
    interaction: Interaction,
    *,
    handler: str,
    chart: OrgChart,
    now: datetime,
    request: Request | None = None,
    unresolved: bool | None = None,
    customer_conflict: bool | None = None,
    colleague: str | None = None,
    customer_request: bool | None = None,
    manager_requested: bool | None = None,
    complaint: bool | None = None,
    teams: Mapping[Topic, str] | None = None,
    sla: SLA | None = None,
    customer: Customer | None = None,
    policy: EscalationPolicy | None = None,
) -> EscalationDecision:
    """Decide whether, which way and to whom the handler of an interaction passes it on.

    The reasons weighed (:class:`~csroles.EscalationReason`):

    - ``authority``: ``request`` (a refund, a policy exception ...) exceeds
      what the handler's position may decide alone (:meth:`OrgChart.authority_of`);
    - ``expertise``: the interaction's topic is outside the handler's duties,
      or the handler covers it but could not resolve it (``unresolved``);
    - ``sla_risk``: with an ``sla``, a clock still counting has used enough
      of its target to reach a step of ``policy`` (:func:`escalation_step`;
      by default half of the target calls for a supervisor, a breach for a
      manager);
    - ``conflict``: a dispute with the customer (``customer_conflict``: a
      manager handles it, *LiveAgent roles*) or with a colleague (``colleague``:
      a manager above both settles it, as *LiveAgent roles* gives conflicts
      that involve representatives to managers);
    - ``customer_request``: the customer asked for a manager
      (``customer_request``): a manager takes it, or the level the policy's
      ``manager_request`` names;
    - ``complaint``: the customer complained (``complaint``): a supervisor
      or above takes it.

    The flags ``unresolved``, ``customer_conflict``, ``customer_request`` and
    ``complaint`` are read from the interaction's timeline (its events up to
    ``now``) when the caller leaves them None; a flag the caller passes wins.
    From the timeline:

    - the customer asked for a manager: a ``manager_requested`` event since
      the latest ``escalated`` event (or since the opening);
    - a complaint: a ``complained`` event since the latest ``escalated`` one;
    - a conflict with the customer: two or more ``complained`` events since
      the latest ``escalated`` one (the customer complained again: a dispute
      the handler could not settle);
    - unresolved: a ``resolution_failed`` or ``reopened`` event since the
      handler got it (the latest ``assigned``, ``transferred`` or
      ``escalated`` event).

    A check that applies because of the timeline says so, naming the event
    and when it happened.

    Each keyword is named after the reason it can produce, except ``request``
    (authority), ``unresolved`` (expertise) and ``sla`` (SLA risk), which
    carry what the reason is weighed on.

    Authority, SLA risk, conflict and customer requests go up the chain of
    command (hierarchical): to the nearest manager who meets every need at
    once (has the authority; is at the level the SLA step, a conflict (a
    manager) or a customer's request (a supervisor) calls for; is above the
    colleague), skipping those who do not.
    Expertise alone goes sideways (functional): to the nearest position, in
    chain-of-command distance, that works on the topic (is responsible for a
    duty covering it) and, when the handler covers it too, works at a higher
    support tier; ties go to the higher tier, then to chart order. With
    nobody more expert in the chart, it goes to the internal team named for
    the topic in ``teams`` (default :data:`DEFAULT_TEAMS`).

    A functional move to a position below the handler (one of its reports, or
    at a lower level, such as a chief officer handing a billing question to a
    representative) is not an escalation: the decision's kind is
    ``DELEGATION``.

    When a reason applies but nobody can take the interaction (the handler is
    at the root, nobody above has the authority, nobody covers the topic), the
    decision says so with ``escalate=False``; a valid chart never makes this
    function raise.

    Args:
        interaction: the interaction to decide on.
        handler: the id of the position handling it.
        chart: the org chart.
        now: the time of the decision (aware, not before the interaction opened).
        request: something the handler was asked to decide, if any.
        unresolved: the handler covers the topic but could not resolve it;
            None to read it from the timeline.
        customer_conflict: there is a dispute with the customer; None to read
            it from the timeline.
        colleague: the id of a colleague the handler is in conflict with.
        customer_request: the customer asked for a manager; None to read it
            from the timeline.
        manager_requested: the former name of ``customer_request``, still accepted.
        complaint: the customer complained; None to read it from the timeline.
        teams: internal teams by topic, for functional escalations beyond the chart.
        sla: the SLA the interaction is bound by, if its clocks should count.
        customer: the interaction's customer, for an SLA read in the
            customer's zone (see :func:`~csroles.sla_status`).
        policy: the SLA escalation steps; :class:`EscalationPolicy` () by default.

    Raises:
        UnknownPositionError: ``handler`` or ``colleague`` is not in the chart.
        InvalidEntityError: another argument is malformed.
        CalendarError: ``now`` is not an aware datetime, or is before the
            interaction opened (a time value, wherever it is passed).

    >>> from datetime import datetime, UTC
    >>> from csroles import (
    ...     Channel,
    ...     Direction,
    ...     EventKind,
    ...     Interaction,
    ...     Priority,
    ...     Request,
    ...     Topic,
    ...     customer_organisation,
    ... )
    >>> from csroles.interactions import Event
    >>> opened = datetime(2026, 5, 4, 9, tzinfo=UTC)
    >>> call = Interaction(
    ...     id="T-7",
    ...     customer_id="C-1",
    ...     channel=Channel.PHONE,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.BILLING,
    ...     priority=Priority.NORMAL,
    ...     events=[Event(kind=EventKind.OPENED, at=opened)],
    ... )
    >>> chart = customer_organisation()
    >>> decision = decide_escalation(
    ...     call, handler="cc-agent-1-2", chart=chart, now=opened, request=Request.refund(80, "EUR")
    ... )
    >>> decision.kind.value, str(decision.target), decision.reasons
    ('hierarchical', 'position:cc-manager-1', (<EscalationReason.AUTHORITY: 'authority'>,))

    .. versionadded:: 0.1.0
    """
    from csroles.hierarchy import OrgChart

    fn = "decide_escalation"
    if not isinstance(interaction, Interaction):
        v.fail(fn, "interaction", interaction, "an Interaction")
    if not isinstance(chart, OrgChart):
        v.fail(fn, "chart", chart, "an OrgChart")
    me = _position_id(chart, fn, "handler", handler)
    if v.check_aware(fn, "now", now) < interaction.opened_at:
        opened = interaction.opened_at.isoformat()
        expected = f"an instant not before the interaction opened ({opened})"
        v.fail(fn, "now", now, expected, error=CalendarError)
    if request is not None and not isinstance(request, Request):
        v.fail(fn, "request", request, "None or a Request")
    for name, flag in (
        ("unresolved", unresolved),
        ("customer_conflict", customer_conflict),
        ("customer_request", customer_request),
        ("manager_requested", manager_requested),
        ("complaint", complaint),
    ):
        if flag is not None:
            v.check_flag(fn, name, flag)
    if colleague is not None and _position_id(chart, fn, "colleague", colleague) == me:
        v.fail(fn, "colleague", colleague, "a position other than the handler")
    internal = _teams(fn, teams)
    if sla is not None and not isinstance(sla, SLA):
        v.fail(fn, "sla", sla, "None or an SLA")
    if policy is not None and not isinstance(policy, EscalationPolicy):
        v.fail(fn, "policy", policy, "None or an EscalationPolicy")

    told = _Timeline.read(interaction, now)
    asked = customer_request if customer_request is not None else manager_requested
    weigh = _Weighing(chart=chart, handler=me)
    weigh.authority(request)
    covers = weigh.expertise(interaction.topic, unresolved=_flag(unresolved, told.failed))
    weigh.sla_risk(
        None if sla is None else sla_status(sla, interaction, now, customer), policy=policy
    )
    weigh.conflict(
        customer=_flag(customer_conflict, told.conflict),
        colleague=colleague,
    )
    weigh.customer_request(
        asked=_flag(asked, told.request),
        level=(policy or _DEFAULT_POLICY).manager_request,
    )
    weigh.complaint(_flag(complaint, told.complaint))
    weigh.settle_level()
    decision = _Outcome(interaction_id=interaction.id, handler=me, checks=tuple(weigh.checks))
    if weigh.needs:
        return _hierarchical(chart, weigh, decision)
    if EscalationReason.EXPERTISE in decision.reasons:
        return _functional(
            chart, interaction.topic, covers=covers, teams=internal, outcome=decision
        )
    return decision.stay(f"no escalation: {weigh.who} can handle it")


@attrs.define
class _Weighing:
    """The checks of one decision and what a hierarchical target must satisfy."""

    chart: OrgChart
    handler: str
    checks: list[EscalationCheck] = attrs.Factory(list)
    needs: list[_Need] = attrs.Factory(list)
    level: Level | None = None  # the lowest level the reasons call for

    def at_least(self, level: Level) -> None:
        if self.level is None or level > self.level:
            self.level = level

    def settle_level(self) -> None:
        """Turn the level the reasons call for into one need."""
        level = self.level
        if level is None:
            return
        chart = self.chart
        self.needs.append(
            _Need(
                f"is {_a(level.value)} or above",
                lambda p: chart.role_of(p.id).level >= level,
            )
        )

    def sla_risk(
        self, clocks: tuple[SLAClock, ...] | None, *, policy: EscalationPolicy | None
    ) -> None:
        reason = EscalationReason.SLA_RISK
        if clocks is None:
            self.add(reason, "no SLA was given", applies=False)
            return
        reached = escalation_step(clocks, policy=policy)
        first = (policy or _DEFAULT_POLICY).steps[0].threshold
        if reached is None:
            message = f"no SLA clock still counting has used {first:.0%} of its target"
            self.add(reason, message, applies=False)
            return
        step, clock = reached
        state = "breached" if clock.state is ClockState.BREACHED else "counting"
        message = (
            f"{clock.metric} has used {clock.fraction_used:.0%} of its {clock.target} target"
            f" ({state}): at {step.threshold:.0%} it goes to {_a(step.level.value)} or above"
        )
        self.add(reason, message, applies=True)
        self.at_least(step.level)

    @property
    def who(self) -> str:
        return _describe(self.chart, self.handler)

    def add(self, reason: EscalationReason, message: str, *, applies: bool) -> None:
        # Built from checked values: see _validation.built.
        check = v.built(EscalationCheck, reason=reason, applies=applies, message=message)
        self.checks.append(check)

    def authority(self, request: Request | None) -> None:
        reason = EscalationReason.AUTHORITY
        if request is None:
            self.add(reason, "nothing beyond the handler's authority was asked", applies=False)
            return
        chart = self.chart
        authority = chart.authority_of(self.handler)
        explained = authority.explain(request)
        if authority.permits(request):
            self.add(reason, f"{self.who} {explained}", applies=False)
            return
        self.add(reason, f"{request.describe()}: {self.who} {explained}", applies=True)
        self.needs.append(
            _Need(
                f"may decide {request.describe()}",
                lambda p: chart.authority_of(p.id).permits(request),
            )
        )

    def expertise(self, topic: Topic, *, unresolved: _Flag) -> bool:
        reason = EscalationReason.EXPERTISE
        covers = topic in self.chart.topics_of(self.handler)
        if not covers:
            message = f"the topic {topic.value!r} is outside the duties of {self.who}"
            self.add(reason, message, applies=True)
        elif unresolved.value:
            tier = _tier(self.chart.role_of(self.handler))
            message = f"{self.who} covers {topic.value!r} but could not resolve it (tier {tier})"
            self.add(reason, message + unresolved.source, applies=True)
        else:
            self.add(reason, f"{self.who} covers the topic {topic.value!r}", applies=False)
        return covers

    def conflict(self, *, customer: _Flag, colleague: str | None) -> None:
        chart = self.chart
        found = []
        if customer.value:
            found.append("a dispute with the customer, which a manager handles" + customer.source)
            self.at_least(Level.MANAGER)
        if colleague is not None:
            mate = chart.position(colleague).id
            found.append(
                f"a conflict with {_describe(chart, mate)}, which a manager above both settles"
            )
            self.at_least(Level.MANAGER)
            self.needs.append(_Need(f"is above {mate!r} too", lambda p: chart.is_above(p.id, mate)))
        if found:
            self.add(EscalationReason.CONFLICT, "; ".join(found), applies=True)
        else:
            message = "no conflict with the customer or a colleague"
            self.add(EscalationReason.CONFLICT, message, applies=False)

    def customer_request(self, *, asked: _Flag, level: Level) -> None:
        reason = EscalationReason.CUSTOMER_REQUEST
        if not asked.value:
            self.add(reason, "the customer did not ask for a manager", applies=False)
            return
        message = f"the customer asked for a manager, which {_a(level.value)} or above handles"
        self.add(reason, message + asked.source, applies=True)
        self.at_least(level)

    def complaint(self, complained: _Flag) -> None:
        reason = EscalationReason.COMPLAINT
        if not complained.value:
            self.add(reason, "the customer did not complain", applies=False)
            return
        message = "the customer complained, which a supervisor or above handles"
        self.add(reason, message + complained.source, applies=True)
        self.at_least(Level.SUPERVISOR)


@attrs.frozen(kw_only=True)
class _Flag:
    """A flag of a decision and where it comes from: the caller (no words) or the timeline."""

    value: bool
    source: str = ""


def _flag(given: bool | None, event: Event | None) -> _Flag:  # noqa: FBT001 (a flag is the datum)
    """The caller's flag when given, else what the timeline says (naming the event)."""
    if given is not None:
        return _Flag(value=given)
    if event is None:
        return _Flag(value=False)
    return _Flag(
        value=True,
        source=f" (read from the timeline: {event.kind.value!r} at {event.at.isoformat()})",
    )


@attrs.frozen
class _Timeline:
    """The events of a timeline that escalation rules ask about, up to an instant."""

    request: Event | None  # the latest manager_requested since the latest escalation
    complaint: Event | None  # the latest complaint since the latest escalation
    conflict: Event | None  # the second (or later) complaint since the latest escalation
    failed: Event | None  # the latest failed resolution since the handler got it

    @classmethod
    def read(cls, interaction: Interaction, now: datetime) -> _Timeline:
        request = complaint = conflict = failed = None
        complaints = 0
        for event in interaction.events:
            if event.at > now:
                break
            kind = event.kind
            if kind is EventKind.ESCALATED:
                request = complaint = conflict = failed = None
                complaints = 0
            elif kind in _HANDOVERS:
                failed = None
            elif kind is EventKind.MANAGER_REQUESTED:
                request = event
            elif kind is EventKind.COMPLAINED:
                complaint = event
                complaints += 1
                if complaints > 1:
                    conflict = event
            elif kind in _FAILURES:
                failed = event
        return cls(request=request, complaint=complaint, conflict=conflict, failed=failed)


_HANDOVERS = frozenset({EventKind.ASSIGNED, EventKind.TRANSFERRED})
_FAILURES = frozenset({EventKind.RESOLUTION_FAILED, EventKind.REOPENED})


@attrs.frozen
class _Outcome:
    """The parts of a decision common to every outcome."""

    interaction_id: str
    handler: str
    checks: tuple[EscalationCheck, ...]

    @property
    def reasons(self) -> tuple[EscalationReason, ...]:
        return tuple(c.reason for c in self.checks if c.applies)

    def to(self, kind: EscalationKind, target: Party, message: str) -> EscalationDecision:
        return self._decision(escalate=True, kind=kind, target=target, message=message)

    def stay(self, message: str) -> EscalationDecision:
        return self._decision(escalate=False, kind=None, target=None, message=message)

    def _decision(
        self, *, escalate: bool, kind: EscalationKind | None, target: Party | None, message: str
    ) -> EscalationDecision:
        # The weighing checked its inputs and makes only consistent decisions
        # (the tests rebuild each one with its checks): see _validation.built.
        return v.built(
            EscalationDecision,
            interaction_id=self.interaction_id,
            handler=self.handler,
            escalate=escalate,
            kind=kind,
            target=target,
            checks=tuple(self.checks),
            message=message,
        )


def _teams(fn: str, teams: Mapping[Topic, str] | None) -> Mapping[Topic, str]:
    if teams is None:
        return DEFAULT_TEAMS
    if not isinstance(teams, Mapping):
        v.fail(fn, "teams", teams, "None or a mapping from Topic to a team name")
    checked: dict[Topic, str] = {}
    for key, name in teams.items():
        topic = v.to_member(Topic, key)
        if topic is None:
            v.fail(fn, "teams", key, "Topic keys (members or their values)")
        checked[topic] = v.check_identifier(fn, f"teams[{topic.value!r}]", name)
    return checked


def _hierarchical(chart: OrgChart, weigh: _Weighing, outcome: _Outcome) -> EscalationDecision:
    needs = weigh.needs
    wanted = _and([n.words for n in needs])
    chain = chart.chain_of_command(weigh.handler)
    for position in chain:
        if all(need.test(position) for need in needs):
            return outcome.to(
                EscalationKind.HIERARCHICAL,
                Party.position(position.id),
                f"escalate up the chain of command to {_describe(chart, position.id)}, "
                f"the nearest manager of {weigh.who} who {wanted}",
            )
    if not chain:
        return outcome.stay(f"cannot escalate: {weigh.who} is at the root, with no one above")
    return outcome.stay(f"cannot escalate: nobody above {weigh.who} {wanted}")


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _functional(
    chart: OrgChart,
    topic: Topic,
    *,
    covers: bool,
    teams: Mapping[Topic, str],
    outcome: _Outcome,
) -> EscalationDecision:
    me = outcome.handler
    who = _describe(chart, me)
    floor = _tier(chart.role_of(me)) if covers else 0
    found = chart.nearest(
        me,
        lambda p: _works_on(chart, p, topic) and _tier(chart.role_of(p.id)) > floor,
    )
    if found:
        best = max(found, key=lambda p: _tier(chart.role_of(p.id)))  # first of the highest tier
        nearest = f"the nearest position that works on {topic.value!r}" + (
            f" above tier {floor}" if covers else ""
        )
        if chart.is_above(me, best.id) or chart.role_of(best.id).level < chart.role_of(me).level:
            return outcome.to(
                EscalationKind.DELEGATION,
                Party.position(best.id),
                f"delegate down the chart to {_describe(chart, best.id)}, {nearest}",
            )
        return outcome.to(
            EscalationKind.FUNCTIONAL,
            Party.position(best.id),
            f"escalate to {_describe(chart, best.id)}, {nearest}",
        )
    team = teams.get(topic)
    if team is not None:
        return outcome.to(
            EscalationKind.FUNCTIONAL,
            Party.team(team),
            f"escalate to the internal {team!r}: nobody in the chart is more expert on "
            f"{topic.value!r} than {who}",
        )
    return outcome.stay(
        f"cannot escalate: nobody in the chart is more expert on {topic.value!r} than {who}, "
        "and no internal team is named for it"
    )


def escalate(
    interaction: Interaction, decision: EscalationDecision, at: datetime
) -> tuple[Escalation, Interaction]:
    """Carry out a decision: the :class:`Escalation` and the interaction with its ``escalated`` event.

    Nothing is changed in place: the interaction returned is a new value.

    Raises:
        InvalidEntityError: the decision is not to escalate, is about another
            interaction, or the event does not fit the interaction's timeline
            (it is closed, ``at`` is before its last event ...).

    >>> from datetime import datetime, UTC
    >>> from csroles import (
    ...     Channel,
    ...     Direction,
    ...     EventKind,
    ...     Interaction,
    ...     Priority,
    ...     Topic,
    ...     support_team,
    ... )
    >>> from csroles.interactions import Event
    >>> opened = datetime(2026, 5, 4, 9, tzinfo=UTC)
    >>> ticket = Interaction(
    ...     id="T-8",
    ...     customer_id="C-2",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.TECHNICAL_PROBLEM,
    ...     priority=Priority.HIGH,
    ...     events=[Event(kind=EventKind.OPENED, at=opened)],
    ... )
    >>> decision = decide_escalation(
    ...     ticket, handler="support-rep-1", chart=support_team(), now=opened, unresolved=True
    ... )
    >>> record, ticket = escalate(ticket, decision, opened)
    >>> record.kind.value, str(record.target), ticket.assignee
    ('functional', 'position:support-engineer-1', 'position:support-engineer-1')

    .. versionadded:: 0.1.0
    """
    fn = "escalate"
    if not isinstance(interaction, Interaction):
        v.fail(fn, "interaction", interaction, "an Interaction")
    if not isinstance(decision, EscalationDecision):
        v.fail(fn, "decision", decision, "an EscalationDecision")
    if not decision.escalate:
        v.fail(fn, "decision", decision.message, "a decision to escalate")
    if decision.interaction_id != interaction.id:
        v.fail(fn, "decision", decision.interaction_id, f"a decision about {interaction.id!r}")
    record = Escalation(
        interaction_id=interaction.id,
        source=Party.position(decision.handler),
        target=decision.target,  # type: ignore[arg-type]  # set when escalating
        kind=decision.kind,  # type: ignore[arg-type]
        reasons=decision.reasons,
        at=at,
        note=decision.message,
    )
    return record, interaction.with_event(record.as_event(by=decision.handler))
