"""Per-interaction times: first and next response, resolution, first-contact resolution."""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TypeAlias

from csroles.interactions import Interaction
from csroles.metrics._base import (
    _US,
    BusinessTime,
    DurationStats,
    Ratio,
    _check_calendar,
    _interactions,
    _stats,
)
from csroles.sla import BusinessCalendar
from csroles.sla._engine import EPOCH, MAX_US, MIN_US
from csroles.vocabulary import EventKind

__all__ = [
    "first_contact_resolution",
    "next_response_times",
    "resolution_times",
    "response_times",
]


def _resolved_at(interaction: Interaction) -> datetime | None:
    """When the interaction was resolved: its resolution, or its closing without one."""
    return interaction.resolved_at or interaction.closed_at


# Measures the spans from an opening to two later instants (either may be
# None) in microseconds: the first response and the resolution times.
Measure: TypeAlias = (
    "Callable[[datetime, datetime | None, datetime | None], tuple[int | None, int | None]]"
)


def _calendar_time(
    opened: datetime, reply: datetime | None, resolved: datetime | None
) -> tuple[int | None, int | None]:
    return (
        None if reply is None else (reply - opened) // _US,
        None if resolved is None else (resolved - opened) // _US,
    )


def _measure(calendar: BusinessTime | None) -> Measure:
    """How to measure spans in microseconds: calendar time, or the calendar's business time."""
    if calendar is None:
        return _calendar_time
    if type(calendar) is BusinessCalendar:
        # The calendar's integer engine, as the SLA clocks use it: no
        # per-call checks, and the opening converted once for both spans.
        between_us = calendar._between_us
        public = calendar.business_time_between

        def one(a: int, start: datetime, end: datetime) -> int:
            b = (end - EPOCH) // _US
            if MIN_US <= a < MAX_US and MIN_US <= b < MAX_US:
                return between_us(a, b)
            return public(start, end) // _US  # out of the calendar's range: its error

        def business(
            opened: datetime, reply: datetime | None, resolved: datetime | None
        ) -> tuple[int | None, int | None]:
            a = (opened - EPOCH) // _US
            return (
                None if reply is None else one(a, opened, reply),
                None if resolved is None else one(a, opened, resolved),
            )

        return business
    method = calendar.business_time_between

    def other(
        opened: datetime, reply: datetime | None, resolved: datetime | None
    ) -> tuple[int | None, int | None]:
        return (
            None if reply is None else method(opened, reply) // _US,
            None if resolved is None else method(opened, resolved) // _US,
        )

    return other


def _first_contact(interaction: Interaction) -> bool:
    """Resolved without a transfer, an escalation or a reopening."""
    if interaction.reopen_count:
        return False
    return not any(
        event.kind is EventKind.TRANSFERRED or event.kind is EventKind.ESCALATED
        for event in interaction.events
    )


def response_times(
    interactions: Iterable[Interaction], *, calendar: BusinessTime | None = None
) -> DurationStats:
    """First response times: from the opening to the first agent reply.

    Interactions without an agent reply are left out (they have no first
    response time yet).

    Args:
        interactions: the interactions.
        calendar: measure business time by this calendar (an SLA's
            ``calendar``, or any :class:`BusinessTime`); ``None`` for calendar time.

    Raises:
        InvalidEntityError: an argument is of the wrong type.
        CalendarError: an instant outside the range of a BusinessCalendar.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import response_times
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> chat = Interaction(
    ...     id="chat-1",
    ...     customer_id="C-1",
    ...     channel=Channel.CHAT,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.QUESTION,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.AGENT_REPLIED, at=t0 + timedelta(seconds=45)),
    ...     ],
    ... )
    >>> response_times([chat]).mean
    datetime.timedelta(seconds=45)

    .. versionadded:: 0.1.0
    """
    owner = "response_times"
    measure = _measure(_check_calendar(owner, calendar))
    values = []
    for interaction in _interactions(owner, interactions):
        first, _ = measure(interaction.opened_at, interaction.first_reply_at, None)
        if first is not None:
            values.append(first)
    return _stats(values)


_AGENT_REPLIED, _CUSTOMER_REPLIED = EventKind.AGENT_REPLIED, EventKind.CUSTOMER_REPLIED
_ENDS = frozenset({EventKind.RESOLVED, EventKind.CLOSED})


def _next_response_spans(interaction: Interaction) -> list[tuple[datetime, datetime]]:
    """The (customer reply, next agent reply) pairs of an interaction's timeline.

    A wait starts at the first customer reply after an agent reply and ends at
    the next agent reply; a resolution or closing ends it unanswered (nothing
    is left to answer), and an unanswered wait is no span.
    """
    spans = []
    answered = False
    waiting: datetime | None = None
    for event in interaction.events:
        kind = event.kind
        if kind is _AGENT_REPLIED:
            if waiting is not None:
                spans.append((waiting, event.at))
                waiting = None
            answered = True
        elif kind is _CUSTOMER_REPLIED:
            if answered and waiting is None:
                waiting = event.at
        elif kind in _ENDS:
            waiting = None
    return spans


def next_response_times(
    interactions: Iterable[Interaction], *, calendar: BusinessTime | None = None
) -> DurationStats:
    """Next response times: from a customer's reply to the agent's next reply.

    Every exchange after the first response counts once: a wait starts at
    the first customer reply that follows an agent reply and ends at the
    next agent reply (further customer replies in between do not restart
    it), as the next-response SLA clock runs. A wait that a resolution or a
    closing ends, or that is still open, has no response time and is left out.

    Args:
        interactions: the interactions.
        calendar: measure business time by this calendar (an SLA's
            ``calendar``, or any :class:`BusinessTime`); ``None`` for calendar time.

    Raises:
        InvalidEntityError: an argument is of the wrong type.
        CalendarError: an instant outside the range of a BusinessCalendar.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import next_response_times
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> def at(minutes):
    ...     return t0 + timedelta(minutes=minutes)
    >>> mail = Interaction(
    ...     id="mail-1",
    ...     customer_id="C-1",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.BILLING,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.AGENT_REPLIED, at=at(5)),
    ...         Event(kind=EventKind.CUSTOMER_REPLIED, at=at(10)),
    ...         Event(kind=EventKind.CUSTOMER_REPLIED, at=at(12)),
    ...         Event(kind=EventKind.AGENT_REPLIED, at=at(40)),
    ...         Event(kind=EventKind.CUSTOMER_REPLIED, at=at(50)),
    ...         Event(kind=EventKind.AGENT_REPLIED, at=at(60)),
    ...     ],
    ... )
    >>> stats = next_response_times([mail])
    >>> stats.count, stats.mean, stats.maximum
    (2, datetime.timedelta(seconds=1200), datetime.timedelta(seconds=1800))

    .. versionadded:: 0.1.0
    """
    owner = "next_response_times"
    measure = _measure(_check_calendar(owner, calendar))
    values = []
    for interaction in _interactions(owner, interactions):
        for start, end in _next_response_spans(interaction):
            span, _ = measure(start, end, None)
            values.append(typing.cast("int", span))
    return _stats(values)


def resolution_times(
    interactions: Iterable[Interaction], *, calendar: BusinessTime | None = None
) -> DurationStats:
    """Resolution times: from the opening to the resolution.

    The resolution is the ``resolved`` event in force (after the latest
    reopening), or the closing of an interaction closed without one;
    interactions still open are left out. A reopened and resolved again
    interaction counts the whole span from its first opening.

    Args:
        interactions: the interactions.
        calendar: measure business time by this calendar; ``None`` for calendar time.

    Raises:
        InvalidEntityError: an argument is of the wrong type.
        CalendarError: an instant outside the range of a BusinessCalendar.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import resolution_times
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> call = Interaction(
    ...     id="call-1",
    ...     customer_id="C-1",
    ...     channel=Channel.PHONE,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.BILLING,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.CLOSED, at=t0 + timedelta(minutes=7)),
    ...     ],
    ... )
    >>> resolution_times([call]).median
    datetime.timedelta(seconds=420)

    .. versionadded:: 0.1.0
    """
    owner = "resolution_times"
    measure = _measure(_check_calendar(owner, calendar))
    values = []
    for interaction in _interactions(owner, interactions):
        _, resolution = measure(interaction.opened_at, None, _resolved_at(interaction))
        if resolution is not None:
            values.append(resolution)
    return _stats(values)


def first_contact_resolution(interactions: Iterable[Interaction]) -> Ratio:
    """First-contact resolution rate: resolved interactions never transferred, escalated or reopened.

    The whole is the resolved (or closed) interactions; interactions still
    open are left out.

    Raises:
        InvalidEntityError: an argument is of the wrong type.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import first_contact_resolution
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> def call(n, *events):
    ...     return Interaction(
    ...         id=f"call-{n}",
    ...         customer_id="C-1",
    ...         channel=Channel.PHONE,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.BILLING,
    ...         priority=Priority.NORMAL,
    ...         events=[Event(kind=EventKind.OPENED, at=t0), *events],
    ...     )
    >>> first_contact_resolution(
    ...     [
    ...         call(1, Event(kind=EventKind.RESOLVED, at=t0)),
    ...         call(2, Event(kind=EventKind.ESCALATED, at=t0, assignee="sup-1")),
    ...         call(
    ...             3,
    ...             Event(kind=EventKind.ESCALATED, at=t0, assignee="sup-1"),
    ...             Event(kind=EventKind.RESOLVED, at=t0),
    ...         ),
    ...     ]
    ... )
    Ratio(part=1, whole=2)

    .. versionadded:: 0.1.0
    """
    part = whole = 0
    for interaction in _interactions("first_contact_resolution", interactions):
        if _resolved_at(interaction) is not None:
            whole += 1
            part += _first_contact(interaction)
    return Ratio(part=part, whole=whole)
