"""Interactions: one contact or ticket and the timeline of what happened to it.

An :class:`Interaction` holds what does not change (who, which channel, what
about, the priority at opening) and an ordered timeline of events (:class:`Event`).
Everything else, its :class:`Status`, current priority, assignee, first reply
and resolution times, is derived from the timeline, never stored twice:

>>> from datetime import datetime, timedelta, timezone
>>> from csroles import Channel, Direction, EventKind, Priority, Topic
>>> from csroles.interactions import Event, Interaction, Status
>>> rome = timezone(timedelta(hours=2))
>>> opened = datetime(2026, 5, 4, 9, 0, tzinfo=rome)
>>> ticket = Interaction(
...     id="T-1001",
...     customer_id="C-42",
...     channel=Channel.EMAIL,
...     direction=Direction.INBOUND,
...     topic=Topic.RETURN,
...     priority=Priority.NORMAL,
...     events=[Event(kind=EventKind.OPENED, at=opened, by="C-42")],
... )
>>> ticket = ticket.with_event(
...     Event(kind=EventKind.AGENT_REPLIED, at=opened + timedelta(minutes=20), by="agent-7")
... )
>>> ticket.status, ticket.first_reply_at - ticket.opened_at
(<Status.OPEN: 'open'>, datetime.timedelta(seconds=1200))

A timeline that breaks the lifecycle is refused, naming the offending event:

>>> ticket.with_event(Event(kind=EventKind.RESUMED, at=opened + timedelta(hours=1)))
Traceback (most recent call last):
...
csroles.errors.InvalidEntityError: Interaction.events[2]: 'resumed' while the interaction is open, expected one of ...

The lifecycle (see :data:`TRANSITIONS`): the first event, and only the first,
is ``opened``; events are in time order (equal instants allowed); each event
must be allowed in the status that the events before it lead to.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from types import MappingProxyType

import attrs

from csroles import _validation as v
from csroles.errors import InvalidEntityError
from csroles.vocabulary import Channel, Direction, EventKind, Priority, Topic

__all__ = [
    "TRANSITIONS",
    "Event",
    "Interaction",
    "Status",
    "SurveyScale",
]


class Status(enum.StrEnum):
    """Where an interaction stands, derived from its timeline.

    ``OPEN``, ``WAITING_ON_CUSTOMER`` and ``WAITING_ON_THIRD_PARTY`` are the
    active statuses (:attr:`Interaction.is_open`); ``RESOLVED`` may still be
    reopened or closed; ``CLOSED`` may only be reopened or receive a survey.

    >>> from csroles.interactions import Status
    >>> [status.value for status in Status]
    ['open', 'waiting_on_customer', 'waiting_on_third_party', 'resolved', 'closed']

    .. versionadded:: 0.1.0
    """

    OPEN = "open"
    WAITING_ON_CUSTOMER = "waiting_on_customer"
    WAITING_ON_THIRD_PARTY = "waiting_on_third_party"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_active(self) -> bool:
        """Whether work on the interaction is still going on (not resolved or closed).

        >>> from csroles.interactions import Status
        >>> Status.WAITING_ON_CUSTOMER.is_active, Status.RESOLVED.is_active
        (True, False)
        """
        return self in _ACTIVE


_ACTIVE = frozenset({Status.OPEN, Status.WAITING_ON_CUSTOMER, Status.WAITING_ON_THIRD_PARTY})


class SurveyScale(enum.StrEnum):
    """The scale of a survey answer; each value is also the :class:`~csroles.Metric` it feeds.

    ``CSAT`` scores run from 1 to 5, ``NPS`` from 0 to 10 and
    ``CUSTOMER_EFFORT_SCORE`` from 1 (very easy) to 7 (very hard).

    >>> from csroles.interactions import SurveyScale
    >>> SurveyScale.NPS.bounds
    (0, 10)
    >>> SurveyScale("csat").bounds
    (1, 5)

    .. versionadded:: 0.1.0
    """

    CSAT = "csat"
    NPS = "nps"
    CUSTOMER_EFFORT_SCORE = "customer_effort_score"

    @property
    def bounds(self) -> tuple[int, int]:
        """The lowest and the highest score, both included."""
        return _SCALE_BOUNDS[self]


_SCALE_BOUNDS = {
    SurveyScale.CSAT: (1, 5),
    SurveyScale.NPS: (0, 10),
    SurveyScale.CUSTOMER_EFFORT_SCORE: (1, 7),
}

# ------------------------------------------------------------------ events

_K = EventKind
_ASSIGNING = frozenset({_K.ASSIGNED, _K.TRANSFERRED, _K.ESCALATED})


def _expected_member(cls: type[enum.Enum]) -> str:
    choices = ", ".join(repr(member.value) for member in cls)
    return f"{v.with_article(cls.__name__)}: one of {choices}"


_EXPECTED_KIND = _expected_member(EventKind)
_EXPECTED_PRIORITY = _expected_member(Priority)
_EXPECTED_SCALE = _expected_member(SurveyScale)


@attrs.frozen(kw_only=True)
class Event:
    """One thing that happened to an interaction, at an instant.

    Each kind carries exactly the data it needs, and no other:

    ================================================  ==========================================
    kind                                              data
    ================================================  ==========================================
    ``priority_changed``                              ``priority``: the new priority
    ``assigned``, ``transferred``, ``escalated``      ``assignee``: the new assignee or target
    ``survey_answered``                               ``scale`` and ``score`` within its bounds
    any other kind                                    none
    ================================================  ==========================================

    ``by`` (who did it) and ``note`` (free text) are optional on every kind.
    ``at`` must be timezone-aware; it is stored with its fixed UTC offset
    (``datetime.timezone``), so the instant and the local wall time are kept.

    >>> from datetime import datetime, UTC
    >>> from csroles import EventKind, Priority
    >>> from csroles.interactions import Event
    >>> Event(
    ...     kind=EventKind.PRIORITY_CHANGED,
    ...     at=datetime(2026, 5, 4, 9, tzinfo=UTC),
    ...     priority=Priority.URGENT,
    ... ).priority
    <Priority.URGENT: 'urgent'>
    >>> Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=UTC), priority=Priority.HIGH)
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Event.priority: <Priority.HIGH: 'high'>, expected None for an 'opened' event (only 'priority_changed' carries a priority)

    .. versionadded:: 0.1.0
    """

    kind: EventKind
    at: datetime
    by: str | None = None
    priority: Priority | None = None
    assignee: str | None = None
    score: int | None = None
    scale: SurveyScale | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        # The fast path. Events are the most numerous entity and are built in
        # bulk when timelines are structured; most carry no data (replies,
        # waits, resolutions). This one test accepts such an event in its
        # stored form (a member, a datetime with a fixed offset, a valid ``by``)
        # with type tests alone; anything else (data to check against the kind,
        # a value to normalise, a problem to name) goes to _check_fields. See
        # "Fast paths" in the design notes for the figures.
        kind, at, by, note = self.kind, self.at, self.by, self.note
        if not (
            type(kind) is EventKind
            and type(at) is datetime
            and type(at.tzinfo) is timezone
            and (by is None or (type(by) is str and by and by == by.strip()))
            and (note is None or type(note) is str)
            and self.priority is None
            and self.assignee is None
            and self.score is None
            and self.scale is None
            and kind not in _CARRIERS
        ):
            self._check_fields()

    def _check_fields(self) -> None:
        """Check the fields one by one: normalise them, or refuse the first problem by name."""
        kind = v.own_member(self, "kind", EventKind, self.kind, _EXPECTED_KIND)
        object.__setattr__(self, "at", v.check_instant(self, "at", self.at))
        if self.by is not None:
            v.check_identifier(self, "by", self.by)
        if self.note is not None and type(self.note) is not str:
            v.fail(self, "note", self.note, "None or a string")
        self._check_data(kind)

    def _check_data(self, kind: EventKind) -> None:
        """Each kind carries exactly the data it needs."""
        if kind is _K.PRIORITY_CHANGED:
            if type(self.priority) is not Priority:
                v.own_member(self, "priority", Priority, self.priority, _EXPECTED_PRIORITY)
        elif kind in _ASSIGNING:
            v.check_identifier(self, "assignee", self.assignee)
        elif kind is _K.SURVEY_ANSWERED:
            scale = self.scale
            if type(scale) is not SurveyScale:
                scale = v.own_member(self, "scale", SurveyScale, scale, _EXPECTED_SCALE)
            low, high = _SCALE_BOUNDS[scale]
            score = self.score
            if type(score) is not int or not low <= score <= high:
                v.fail(
                    self,
                    "score",
                    score,
                    f"an integer from {low} to {high} on the {scale.value} scale",
                )
        carried = _CARRIERS.get(kind, ())
        for name, carriers in _DATA_FIELDS.items():
            value = getattr(self, name)
            if value is not None and name not in carried:
                v.fail(self, name, value, f"None for {_article(kind)} event ({carriers})")


# The data fields, and which kinds carry them.
_CARRIERS: dict[EventKind, tuple[str, ...]] = {
    _K.PRIORITY_CHANGED: ("priority",),
    _K.ASSIGNED: ("assignee",),
    _K.TRANSFERRED: ("assignee",),
    _K.ESCALATED: ("assignee",),
    _K.SURVEY_ANSWERED: ("scale", "score"),
}
_DATA_FIELDS = {
    "priority": "only 'priority_changed' carries a priority",
    "assignee": "only 'assigned', 'transferred' and 'escalated' name an assignee",
    "scale": "only 'survey_answered' carries a scale",
    "score": "only 'survey_answered' carries a score",
}


def _article(kind: EventKind) -> str:
    value = kind.value
    return f"an {value!r}" if value[0] in "aeiou" else f"a {value!r}"


# ------------------------------------------------------------------ lifecycle

_S = Status
_BUSY = (
    _K.PRIORITY_CHANGED,
    _K.ASSIGNED,
    _K.TRANSFERRED,
    _K.ESCALATED,
    _K.MANAGER_REQUESTED,
    _K.COMPLAINED,
    _K.RESOLUTION_FAILED,
)


def _freeze(
    table: dict[Status, dict[EventKind, Status]],
) -> Mapping[Status, Mapping[EventKind, Status]]:
    return MappingProxyType({status: MappingProxyType(moves) for status, moves in table.items()})


TRANSITIONS: Mapping[Status, Mapping[EventKind, Status]] = _freeze(
    {
        _S.OPEN: {
            _K.AGENT_REPLIED: _S.OPEN,
            _K.CUSTOMER_REPLIED: _S.OPEN,
            _K.WAITING_ON_CUSTOMER: _S.WAITING_ON_CUSTOMER,
            _K.WAITING_ON_THIRD_PARTY: _S.WAITING_ON_THIRD_PARTY,
            **dict.fromkeys(_BUSY, _S.OPEN),
            _K.RESOLVED: _S.RESOLVED,
            _K.CLOSED: _S.CLOSED,
        },
        _S.WAITING_ON_CUSTOMER: {
            _K.AGENT_REPLIED: _S.WAITING_ON_CUSTOMER,
            _K.CUSTOMER_REPLIED: _S.OPEN,
            _K.WAITING_ON_THIRD_PARTY: _S.WAITING_ON_THIRD_PARTY,
            _K.RESUMED: _S.OPEN,
            **dict.fromkeys(_BUSY, _S.WAITING_ON_CUSTOMER),
            _K.RESOLVED: _S.RESOLVED,
            _K.CLOSED: _S.CLOSED,
        },
        _S.WAITING_ON_THIRD_PARTY: {
            _K.AGENT_REPLIED: _S.WAITING_ON_THIRD_PARTY,
            _K.CUSTOMER_REPLIED: _S.WAITING_ON_THIRD_PARTY,
            _K.WAITING_ON_CUSTOMER: _S.WAITING_ON_CUSTOMER,
            _K.RESUMED: _S.OPEN,
            **dict.fromkeys(_BUSY, _S.WAITING_ON_THIRD_PARTY),
            _K.RESOLVED: _S.RESOLVED,
            _K.CLOSED: _S.CLOSED,
        },
        _S.RESOLVED: {
            _K.REOPENED: _S.OPEN,
            _K.CLOSED: _S.CLOSED,
            _K.SURVEY_ANSWERED: _S.RESOLVED,
        },
        _S.CLOSED: {
            _K.REOPENED: _S.OPEN,
            _K.SURVEY_ANSWERED: _S.CLOSED,
        },
    }
)
"""The lifecycle. For each status, the event kinds allowed in it and the status they lead to.

``opened`` is not in the table: it must be the first event, and only the
first; it leads to ``open``. ``manager_requested``, ``complained`` and
``resolution_failed`` may happen while the interaction is active and keep its
status (a customer's message that asks for a manager is also a
``customer_replied`` event, which moves the status and the clocks as usual). Besides the table, three rules hold:
``priority_changed`` must change the priority, ``assigned``, ``transferred``
and ``escalated`` must change the assignee, and ``transferred`` needs a
current assignee to transfer from.

>>> from csroles import EventKind
>>> from csroles.interactions import TRANSITIONS, Status
>>> TRANSITIONS[Status.WAITING_ON_CUSTOMER][EventKind.CUSTOMER_REPLIED]
<Status.OPEN: 'open'>
>>> EventKind.AGENT_REPLIED in TRANSITIONS[Status.CLOSED]
False

.. versionadded:: 0.1.0
"""

_ALLOWED_TEXT = {
    status: ", ".join(repr(kind.value) for kind in EventKind if kind in moves)
    for status, moves in TRANSITIONS.items()
}
_STATUS_TEXT = {
    _S.OPEN: "the interaction is open",
    _S.WAITING_ON_CUSTOMER: "the interaction is waiting on the customer",
    _S.WAITING_ON_THIRD_PARTY: "the interaction is waiting on a third party",
    _S.RESOLVED: "the interaction is resolved",
    _S.CLOSED: "the interaction is closed",
}


@attrs.define
class _Facts:
    """What the timeline leads to: built by replaying it once, never changed afterwards."""

    status: Status
    priority: Priority
    assignee: str | None = None
    first_reply_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    reopen_count: int = 0

    def step(self, index: int, event: Event) -> None:
        """Apply the event at ``index`` (after the first), or refuse it."""
        kind = event.kind
        if kind is _K.OPENED:
            raise _timeline_error(
                index, "'opened' again, expected 'opened' only as the first event"
            )
        new_status = TRANSITIONS[self.status].get(kind)
        if new_status is None:
            raise _timeline_error(
                index,
                f"{kind.value!r} while {_STATUS_TEXT[self.status]}, "
                f"expected one of {_ALLOWED_TEXT[self.status]}",
            )
        if kind is _K.AGENT_REPLIED:
            if self.first_reply_at is None:
                self.first_reply_at = event.at
        elif kind is _K.PRIORITY_CHANGED:
            self._change_priority(index, event)
        elif kind in _ASSIGNING:
            self._assign(index, event)
        elif kind is _K.RESOLVED:
            self.resolved_at = event.at
        elif kind is _K.CLOSED:
            self.closed_at = event.at
        elif kind is _K.REOPENED:
            self.reopen_count += 1
            self.resolved_at = self.closed_at = None
        self.status = new_status

    def _change_priority(self, index: int, event: Event) -> None:
        if event.priority is self.priority or event.priority is None:
            raise _timeline_error(
                index,
                f"'priority_changed' to {self.priority.value!r}, which is already the "
                "priority, expected a different priority",
            )
        self.priority = event.priority

    def _assign(self, index: int, event: Event) -> None:
        kind = event.kind
        if kind is _K.TRANSFERRED and self.assignee is None:
            raise _timeline_error(
                index,
                "'transferred' with nobody assigned, expected 'assigned' "
                "(or 'escalated') before a transfer",
            )
        if event.assignee == self.assignee:
            raise _timeline_error(
                index,
                f"{kind.value!r} to {self.assignee!r}, who is already assigned, "
                "expected a different assignee",
            )
        self.assignee = event.assignee


def _timeline_error(index: int, message: str) -> InvalidEntityError:
    return InvalidEntityError(f"Interaction.events[{index}]: {message}")


def _replay(events: tuple[Event, ...], priority: Priority) -> _Facts:
    """Check the lifecycle of ``events`` and derive the facts it leads to."""
    if type(events) is not tuple:
        v.fail("Interaction", "events", events, f"a timeline: {v.COLLECTION} of Events")
    if not events:
        raise InvalidEntityError(
            "Interaction.events: (), expected a timeline that starts with an 'opened' event"
        )
    facts = _Facts(status=_S.OPEN, priority=priority)
    previous: datetime | None = None
    for index, event in enumerate(events):
        if type(event) is not Event:
            raise _timeline_error(index, f"{v.quote(event)}, expected an Event")
        at = event.at
        if previous is not None and at < previous:
            raise _timeline_error(
                index,
                f"{event.kind.value!r} at {at.isoformat()} is earlier than the event before it "
                f"({previous.isoformat()}), expected events in time order",
            )
        previous = at
        if index:
            facts.step(index, event)
        elif event.kind is not _K.OPENED:
            raise _timeline_error(
                0, f"{event.kind.value!r}, expected the timeline to start with an 'opened' event"
            )
    return facts


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_US = timedelta(microseconds=1)

# ------------------------------------------------------------------ interactions


@attrs.frozen(kw_only=True)
class Interaction:
    """One contact or ticket: who, how, about what, and its timeline of events.

    Args:
        id: the interaction's id (a non-empty string without surrounding whitespace).
        customer_id: the id of the :class:`~csroles.Customer` it is with.
        channel: how the contact happens.
        direction: who started it: the customer (inbound) or the company (outbound).
        topic: what it is about.
        priority: the priority at opening; :attr:`current_priority` follows
            ``priority_changed`` events.
        events: the timeline, oldest first, following :data:`TRANSITIONS`.
        group: the group (team, desk) that handles it, or ``None``; an SLA
            may keep a calendar per group.
        tags: labels it carries, which SLA policy sets may select on.
        account_id: the id of the :class:`~csroles.Account` it is about, or
            ``None``; :func:`~csroles.assign` gives it first to the position
            whose portfolio holds that account.
        product: the product it is about (a free label), or ``None``;
            :func:`~csroles.assign` gives it to positions supporting that product.

    Raises:
        InvalidEntityError: a field is invalid, or the timeline breaks the
            lifecycle (the message names the offending event's index).

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, EventKind, Priority, Topic
    >>> from csroles.interactions import Event, Interaction
    >>> t0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    >>> call = Interaction(
    ...     id="call-9",
    ...     customer_id="C-7",
    ...     channel=Channel.PHONE,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.BILLING,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.ASSIGNED, at=t0, assignee="agent-3"),
    ...         Event(
    ...             kind=EventKind.PRIORITY_CHANGED,
    ...             at=t0 + timedelta(minutes=2),
    ...             priority=Priority.HIGH,
    ...         ),
    ...         Event(kind=EventKind.RESOLVED, at=t0 + timedelta(minutes=9)),
    ...     ],
    ... )
    >>> call.status.value, call.current_priority.value, call.assignee, call.is_open
    ('resolved', 'high', 'agent-3', False)

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=v.validator(v.check_identifier))
    customer_id: str = attrs.field(validator=v.validator(v.check_identifier))
    channel: Channel = attrs.field(validator=v.member_of(Channel))
    direction: Direction = attrs.field(validator=v.member_of(Direction))
    topic: Topic = attrs.field(validator=v.member_of(Topic))
    priority: Priority = attrs.field(validator=v.member_of(Priority))
    events: tuple[Event, ...] = attrs.field(converter=v.to_tuple)
    group: str | None = attrs.field(
        default=None, validator=v.optional_validator(v.check_identifier)
    )
    tags: frozenset[str] = attrs.field(
        default=frozenset(), converter=v.to_frozenset, validator=v.frozenset_of(v.check_identifier)
    )
    account_id: str | None = attrs.field(
        default=None, validator=v.optional_validator(v.check_identifier)
    )
    product: str | None = attrs.field(
        default=None, validator=v.optional_validator(v.check_identifier)
    )
    _facts: _Facts = attrs.field(init=False, repr=False, eq=False)
    # The events' instants in integer microseconds, computed on first use.
    _instants: tuple[int, ...] | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_facts", _replay(self.events, self.priority))

    @property
    def _event_us(self) -> tuple[int, ...]:
        """The events' instants as integer microseconds since the epoch (exact), kept once computed.

        The SLA clocks replay the timeline in integer time at every status:
        the conversion (about a third of a microsecond an event) is done once
        per interaction, on the first status rather than at construction.
        """
        instants = self._instants
        if instants is None:
            instants = tuple((event.at - _EPOCH) // _ONE_US for event in self.events)
            object.__setattr__(self, "_instants", instants)
        return instants

    # ---------------------------------------------------------------- derived facts

    @property
    def opened_at(self) -> datetime:
        """When the interaction was opened (its first event)."""
        return self.events[0].at

    @property
    def last_event_at(self) -> datetime:
        """When the latest event happened."""
        return self.events[-1].at

    @property
    def status(self) -> Status:
        """The status the timeline leads to."""
        return self._facts.status

    @property
    def is_open(self) -> bool:
        """Whether work is still going on (open or waiting, not resolved or closed)."""
        return self._facts.status in _ACTIVE

    @property
    def current_priority(self) -> Priority:
        """The priority after the latest ``priority_changed`` event (or at opening)."""
        return self._facts.priority

    @property
    def assignee(self) -> str | None:
        """Who holds the interaction (the latest assigned, transferred-to or escalated-to party)."""
        return self._facts.assignee

    @property
    def first_reply_at(self) -> datetime | None:
        """When an agent first replied, or ``None`` if no agent has."""
        return self._facts.first_reply_at

    @property
    def resolved_at(self) -> datetime | None:
        """When the current resolution happened; ``None`` unless resolved since the latest reopening."""
        return self._facts.resolved_at

    @property
    def closed_at(self) -> datetime | None:
        """When the interaction was closed; ``None`` unless its status is closed."""
        return self._facts.closed_at

    @property
    def reopen_count(self) -> int:
        """How many times the interaction was reopened."""
        return self._facts.reopen_count

    @property
    def surveys(self) -> tuple[Event, ...]:
        """The ``survey_answered`` events, oldest first."""
        return tuple(e for e in self.events if e.kind is _K.SURVEY_ANSWERED)

    # ---------------------------------------------------------------- changes

    def with_event(self, event: Event) -> Interaction:
        """A new interaction with ``event`` appended to the timeline, validated.

        Raises:
            InvalidEntityError: the event breaks the lifecycle or the time order.

        >>> from datetime import datetime, UTC
        >>> from csroles import Channel, Direction, EventKind, Priority, Topic
        >>> from csroles.interactions import Event, Interaction
        >>> t0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
        >>> chat = Interaction(
        ...     id="chat-1",
        ...     customer_id="C-1",
        ...     channel=Channel.CHAT,
        ...     direction=Direction.INBOUND,
        ...     topic=Topic.QUESTION,
        ...     priority=Priority.LOW,
        ...     events=[Event(kind=EventKind.OPENED, at=t0)],
        ... )
        >>> chat.with_event(Event(kind=EventKind.CLOSED, at=t0)).status
        <Status.CLOSED: 'closed'>
        >>> chat.status
        <Status.OPEN: 'open'>
        """
        return self.with_events([event])

    def with_events(self, events: Iterable[Event]) -> Interaction:
        """A new interaction with ``events`` appended to the timeline, validated.

        >>> from datetime import datetime, UTC
        >>> from csroles import Channel, Direction, EventKind, Priority, Topic
        >>> from csroles.interactions import Event, Interaction
        >>> t0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
        >>> chat = Interaction(
        ...     id="chat-1",
        ...     customer_id="C-1",
        ...     channel=Channel.CHAT,
        ...     direction=Direction.INBOUND,
        ...     topic=Topic.QUESTION,
        ...     priority=Priority.LOW,
        ...     events=[Event(kind=EventKind.OPENED, at=t0)],
        ... )
        >>> done = chat.with_events(
        ...     [Event(kind=EventKind.RESOLVED, at=t0), Event(kind=EventKind.CLOSED, at=t0)]
        ... )
        >>> len(done.events), done.closed_at == t0
        (3, True)
        """
        if not v.is_collection(events):
            v.fail(self, "with_events(events=...)", events, f"{v.COLLECTION} of Events")
        return attrs.evolve(self, events=(*self.events, *events))
