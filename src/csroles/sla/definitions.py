"""SLA metrics defined as data: when each clock starts, pauses, resumes and stops.

A :class:`MetricDefinition` names the events of an interaction's timeline that
*start* a cycle of its clock, *pause* it, *resume* it and *stop* it, each as a
:class:`ClockCondition` (an event kind, the status the event leads to, or
both), and whether the clock *cycles* (starts again after it stops, like next
response time). The clock engine replays definitions; the metrics csroles
knows are presets written this way (:data:`PRESETS`), and an SLA may target
metrics of its own.

>>> from csroles import EventKind
>>> from csroles.interactions import Status
>>> from csroles.sla.definitions import ClockCondition, MetricDefinition
>>> on_hold = MetricDefinition(
...     name="time_on_hold",
...     start=[ClockCondition(to_status=Status.WAITING_ON_THIRD_PARTY)],
...     stop=[ClockCondition(kind=EventKind.RESUMED), ClockCondition(kind=EventKind.RESOLVED)],
...     cycles=True,
... )
>>> on_hold.cycles, sorted(kind.value for kind in on_hold.kinds)
(True, ['resolved', 'resumed'])

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from csroles import _validation as v
from csroles.interactions import TRANSITIONS, Status
from csroles.vocabulary import EventKind, Metric

__all__ = [
    "AGENT_WORK_TIME",
    "FIRST_RESPONSE",
    "NEXT_RESPONSE",
    "PERIODIC_UPDATE",
    "PRESETS",
    "REQUESTER_WAIT_TIME",
    "RESOLUTION",
    "TIME_TO_ASSIGN",
    "ClockCondition",
    "MetricDefinition",
]

_K = EventKind
_S = Status

#: The metrics of the vocabulary that have clocks, in the order they are reported.
CLOCK_METRICS = (Metric.FIRST_RESPONSE_TIME, Metric.NEXT_RESPONSE_TIME, Metric.RESOLUTION_TIME)
_OTHER_METRICS = frozenset(m.value for m in Metric if m not in CLOCK_METRICS)


def _possible_moves() -> frozenset[tuple[EventKind, Status]]:
    """Every (event kind, status it leads to) that a valid timeline can hold."""
    moves = {(_K.OPENED, _S.OPEN)}
    for table in TRANSITIONS.values():
        moves.update(table.items())
    return frozenset(moves)


_MOVES = _possible_moves()
_EXPECTED_KIND = v.enum_check(EventKind)
_EXPECTED_STATUS = v.enum_check(Status)


def _optional_member(check: Any) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            member = check(instance, attribute.name, value)
            if member is not value:  # a member's plain value: the field keeps the member
                v.store_normalised(instance, attribute.name, member)

    return validate


@attrs.frozen(kw_only=True, cache_hash=True)
class ClockCondition:
    """Which events of a timeline a clock reacts to.

    An event matches when its kind is ``kind`` (any kind if ``None``), the
    status it leads to is ``to_status`` (any status if ``None``), and, if
    ``first_since`` is set, it is the first event of its kind since the latest
    ``first_since`` event (and there was one): the first customer reply after
    an agent reply, say.

    Args:
        kind: the event kind, or ``None`` for any.
        to_status: the status the event leads to (see
            :data:`~csroles.interactions.TRANSITIONS`), or ``None`` for any.
        first_since: an event kind that must have happened since the latest
            event of ``kind``; needs ``kind``.

    Raises:
        InvalidEntityError: an unknown kind or status, neither ``kind`` nor
            ``to_status``, or a condition that no valid timeline can meet
            (an event kind that never leads to ``to_status``).

    >>> from csroles import EventKind
    >>> from csroles.interactions import Status
    >>> from csroles.sla.definitions import ClockCondition
    >>> ClockCondition(kind=EventKind.CUSTOMER_REPLIED, first_since=EventKind.AGENT_REPLIED).kind
    <EventKind.CUSTOMER_REPLIED: 'customer_replied'>
    >>> ClockCondition(kind=EventKind.RESOLVED, to_status=Status.OPEN)
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: ClockCondition.to_status: <Status.OPEN: 'open'>, expected a status that a 'resolved' event can lead to: 'resolved'

    .. versionadded:: 0.1.0
    """

    kind: EventKind | None = attrs.field(default=None, validator=_optional_member(_EXPECTED_KIND))
    to_status: Status | None = attrs.field(
        default=None, validator=_optional_member(_EXPECTED_STATUS)
    )
    first_since: EventKind | None = attrs.field(
        default=None, validator=_optional_member(_EXPECTED_KIND)
    )

    def __attrs_post_init__(self) -> None:
        kind, status = self.kind, self.to_status
        if kind is None and status is None:
            v.fail(self, "kind", None, "an EventKind, or a to_status (a condition needs one)")
        if self.first_since is not None:
            if kind is None:
                v.fail(self, "first_since", self.first_since, "None when kind is None")
            if self.first_since is kind:
                v.fail(self, "first_since", self.first_since, f"a kind other than {kind.value!r}")
            if kind is _K.OPENED:
                v.fail(
                    self,
                    "first_since",
                    self.first_since,
                    "None for an 'opened' condition (nothing comes before the opening)",
                )
        if kind is not None and status is not None and (kind, status) not in _MOVES:
            reachable = ", ".join(repr(s.value) for s in Status if (kind, s) in _MOVES)
            v.fail(
                self,
                "to_status",
                status,
                f"a status that {_article(kind)} event can lead to: {reachable or 'none'}",
            )

    def matches(self, kind: EventKind, to_status: Status) -> bool:
        """Whether an event of ``kind`` leading to ``to_status`` matches (``first_since`` aside).

        >>> from csroles import EventKind
        >>> from csroles.interactions import Status
        >>> from csroles.sla.definitions import ClockCondition
        >>> ClockCondition(to_status=Status.OPEN).matches(EventKind.RESUMED, Status.OPEN)
        True

        .. versionadded:: 0.1.0
        """
        return (self.kind is None or self.kind is kind) and (
            self.to_status is None or self.to_status is to_status
        )


def _article(kind: EventKind) -> str:
    value = kind.value
    return f"an {value!r}" if value[0] in "aeiou" else f"a {value!r}"


def _conditions(value: object) -> tuple[Any, ...]:
    if isinstance(value, ClockCondition):
        return (value,)
    return v.to_tuple(value)  # type: ignore[arg-type]


def _check_condition(owner: object, field: str, value: object) -> object:
    if not isinstance(value, ClockCondition):
        v.fail(owner, field, value, "a ClockCondition")
    return value


def _check_name(owner: object, field: str, value: object) -> str:
    name = v.check_key(owner, field, value)
    if name in _OTHER_METRICS:
        v.fail(owner, field, name, "a name that is not a metric without a clock (such as 'csat')")
    return name


@attrs.frozen(kw_only=True, cache_hash=True)
class MetricDefinition:
    """An SLA metric defined by the events that start, pause, resume and stop its clock.

    How a clock follows a timeline, event by event (the opening included):

    1. an active clock stops at an event matching ``stop``;
    2. otherwise a running clock pauses at an event matching ``pause``, and a
       paused one runs again at an event matching ``resume``;
    3. a clock that is not active starts a cycle at an event matching
       ``start``, running. If it has stopped before, a cycling metric starts a
       new cycle; any other metric follows the SLA's
       :class:`~csroles.sla.ReopenPolicy` (it continues the stopped cycle, or
       starts a new one).

    An event can so stop a cycle and start the next (periodic update). A
    priority change applies to every active clock, as the SLA's
    :class:`~csroles.sla.PriorityChangePolicy` says.

    Args:
        name: a snake_case name, the metric's key in an SLA's targets; a
            definition named after a preset replaces it in that SLA.
        start: the conditions that start a cycle (at least one).
        stop: the conditions that stop it (none: it never stops).
        pause: the conditions that pause it.
        resume: the conditions that resume it (at least one if it pauses).
        cycles: whether the clock starts again after it stops.

    Raises:
        InvalidEntityError: a bad condition, no start condition, a pause
            without a resume, a stop condition equal to a start condition
            (allowed only for a cycling metric, where it ends a cycle and
            starts the next) or stop conditions identical to the start ones.

    >>> from csroles import EventKind
    >>> from csroles.sla.definitions import ClockCondition, MetricDefinition
    >>> MetricDefinition(name="to_close", start=[ClockCondition(kind=EventKind.OPENED)]).stop
    ()
    >>> MetricDefinition(name="never", start=[])
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: MetricDefinition.start: (), expected at least one ClockCondition (a metric that never starts has no clock)

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=v.validator(_check_name))
    start: tuple[ClockCondition, ...] = attrs.field(
        converter=_conditions, validator=v.tuple_of(_check_condition)
    )
    stop: tuple[ClockCondition, ...] = attrs.field(
        default=(), converter=_conditions, validator=v.tuple_of(_check_condition)
    )
    pause: tuple[ClockCondition, ...] = attrs.field(
        default=(), converter=_conditions, validator=v.tuple_of(_check_condition)
    )
    resume: tuple[ClockCondition, ...] = attrs.field(
        default=(), converter=_conditions, validator=v.tuple_of(_check_condition)
    )
    cycles: bool = attrs.field(default=False, validator=v.validator(v.check_flag))

    def __attrs_post_init__(self) -> None:
        if not self.start:
            v.fail(
                self,
                "start",
                self.start,
                "at least one ClockCondition (a metric that never starts has no clock)",
            )
        if self.pause and not self.resume:
            v.fail(self, "resume", (), "at least one ClockCondition for a metric that pauses")
        if set(self.stop) == set(self.start):
            v.fail(self, "stop", self.stop, "conditions other than the start ones")
        if not self.cycles:
            for index, condition in enumerate(self.stop):
                if condition in self.start:
                    v.fail(
                        self,
                        f"stop[{index}]",
                        condition,
                        "a condition that is not also a start condition "
                        "(or cycles=True, to end a cycle and start the next)",
                    )

    @property
    def key(self) -> str:
        """The key of this metric in an SLA's targets and on its clocks.

        The :class:`~csroles.Metric` member for the three clock metrics of the
        vocabulary, the name otherwise.

        >>> from csroles.sla.definitions import PERIODIC_UPDATE, RESOLUTION
        >>> RESOLUTION.key, PERIODIC_UPDATE.key
        (<Metric.RESOLUTION_TIME: 'resolution_time'>, 'periodic_update')

        .. versionadded:: 0.1.0
        """
        return _METRIC_BY_NAME.get(self.name, self.name)

    @property
    def kinds(self) -> frozenset[EventKind]:
        """The event kinds a condition names (conditions on a status alone add none).

        >>> from csroles.sla.definitions import FIRST_RESPONSE
        >>> sorted(kind.value for kind in FIRST_RESPONSE.kinds)
        ['agent_replied', 'closed', 'opened', 'resolved']

        .. versionadded:: 0.1.0
        """
        found = set()
        for condition in (*self.start, *self.stop, *self.pause, *self.resume):
            for kind in (condition.kind, condition.first_since):
                if kind is not None:
                    found.add(kind)
        return frozenset(found)


_METRIC_BY_NAME: dict[str, str] = {m.value: m for m in CLOCK_METRICS}


def _on(kind: EventKind, **more: Any) -> ClockCondition:
    return ClockCondition(kind=kind, **more)


def _into(status: Status) -> ClockCondition:
    return ClockCondition(to_status=status)


_ENDS = (_on(_K.RESOLVED), _on(_K.CLOSED))
_STARTS = (_on(_K.OPENED), _on(_K.REOPENED))

FIRST_RESPONSE = MetricDefinition(
    name="first_response_time", start=[_on(_K.OPENED)], stop=[_on(_K.AGENT_REPLIED), *_ENDS]
)
"""First response time, from the opening to the first agent reply (or the resolution or
closing, if first); never paused, one cycle.

.. versionadded:: 0.1.0
"""

NEXT_RESPONSE = MetricDefinition(
    name="next_response_time",
    start=[_on(_K.CUSTOMER_REPLIED, first_since=_K.AGENT_REPLIED)],
    stop=[_on(_K.AGENT_REPLIED), *_ENDS],
    cycles=True,
)
"""Next response time, from each customer reply that follows an agent reply to the next agent
reply (or the resolution or closing); never paused, one cycle per exchange.

.. versionadded:: 0.1.0
"""

RESOLUTION = MetricDefinition(
    name="resolution_time",
    start=_STARTS,
    stop=_ENDS,
    pause=[_on(_K.WAITING_ON_CUSTOMER), _on(_K.WAITING_ON_THIRD_PARTY)],
    resume=[_on(_K.RESUMED), _on(_K.CUSTOMER_REPLIED, to_status=_S.OPEN)],
)
"""Resolution time, from the opening to the resolution (or closing), paused while waiting on
the customer or a third party; a reopening follows the SLA's reopen policy.

.. versionadded:: 0.1.0
"""

PERIODIC_UPDATE = MetricDefinition(
    name="periodic_update",
    start=[_on(_K.AGENT_REPLIED)],
    stop=[_on(_K.AGENT_REPLIED), *_ENDS],
    cycles=True,
)
"""Periodic update, from each agent reply to the next one (or the resolution or closing).

.. versionadded:: 0.1.0
"""

REQUESTER_WAIT_TIME = MetricDefinition(
    name="requester_wait_time",
    start=_STARTS,
    stop=_ENDS,
    pause=[_into(_S.WAITING_ON_CUSTOMER)],
    resume=[_into(_S.OPEN), _into(_S.WAITING_ON_THIRD_PARTY)],
)
"""Requester wait time, the time the interaction is open or waiting on a third party (not
waiting on the customer), until resolved or closed.

.. versionadded:: 0.1.0
"""

AGENT_WORK_TIME = MetricDefinition(
    name="agent_work_time",
    start=_STARTS,
    stop=_ENDS,
    pause=[_into(_S.WAITING_ON_CUSTOMER), _into(_S.WAITING_ON_THIRD_PARTY)],
    resume=[_into(_S.OPEN)],
)
"""Agent work time, the time the interaction is open (waiting on nobody), until resolved or
closed.

.. versionadded:: 0.1.0
"""

TIME_TO_ASSIGN = MetricDefinition(
    name="time_to_assign", start=[_on(_K.OPENED)], stop=[_on(_K.ASSIGNED), *_ENDS]
)
"""Time to assign, from the opening to the first assignment (or the resolution or closing).

.. versionadded:: 0.1.0
"""

PRESETS: Mapping[str, MetricDefinition] = MappingProxyType(
    {
        d.name: d
        for d in (
            FIRST_RESPONSE,
            NEXT_RESPONSE,
            RESOLUTION,
            PERIODIC_UPDATE,
            REQUESTER_WAIT_TIME,
            AGENT_WORK_TIME,
            TIME_TO_ASSIGN,
        )
    }
)
"""The preset metric definitions by name, in the order their clocks are reported.

>>> from csroles.sla.definitions import PRESETS
>>> list(PRESETS)[:3]
['first_response_time', 'next_response_time', 'resolution_time']

.. versionadded:: 0.1.0
"""
