"""SLA policies: targets per metric and priority, warning thresholds and the documented choices.

An :class:`SLA` says how long each response or resolution may take, per
priority, in business time (its calendar's open hours) or in calendar hours
(no calendar: always open). Where help desks differ, it makes the choice
explicit: what a priority change does (:class:`PriorityChangePolicy`), what a
reopening does (:class:`ReopenPolicy`) and in which zone the calendar's hours
are read (:class:`ZonePolicy`).

>>> from datetime import timedelta
>>> from csroles import SLA, Metric, Priority
>>> gold = SLA(
...     name="Gold",
...     targets={
...         Metric.FIRST_RESPONSE_TIME: {
...             Priority.LOW: timedelta(hours=8),
...             Priority.NORMAL: timedelta(hours=4),
...             Priority.HIGH: timedelta(hours=1),
...             Priority.URGENT: timedelta(minutes=15),
...         },
...         Metric.RESOLUTION_TIME: timedelta(days=3),
...     },
... )
>>> gold.target(Metric.FIRST_RESPONSE_TIME, Priority.HIGH)
datetime.timedelta(seconds=3600)
>>> gold.target(Metric.RESOLUTION_TIME, Priority.URGENT)
datetime.timedelta(days=3)
>>> gold.metrics
(<Metric.FIRST_RESPONSE_TIME: 'first_response_time'>, <Metric.RESOLUTION_TIME: 'resolution_time'>)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

import attrs

from csroles import _validation as v
from csroles._frozen import FrozenMap
from csroles.customers import Customer
from csroles.sla._clockwork import CLOCK_METRICS
from csroles.sla.calendar import BusinessCalendar
from csroles.vocabulary import Metric, Priority

__all__ = [
    "SLA",
    "PriorityChangePolicy",
    "ReopenPolicy",
    "ZonePolicy",
]


class PriorityChangePolicy(enum.StrEnum):
    """What a priority change does to the clocks that are counting.

    ``FROM_START`` (the default, as Zendesk and ServiceNow do): the new
    priority's target replaces the old one and is measured from the cycle's
    original start, so the time already elapsed counts against it; if it has
    already used up more than the new target, the clock breaches at the
    change. ``FROM_CHANGE``: the new target is a fresh budget that starts at the
    change; the time elapsed before it no longer counts (a breach that already
    happened stays).

    >>> from csroles.sla import PriorityChangePolicy
    >>> PriorityChangePolicy("from_change")
    <PriorityChangePolicy.FROM_CHANGE: 'from_change'>

    .. versionadded:: 0.1.0
    """

    FROM_START = "from_start"
    FROM_CHANGE = "from_change"


class ReopenPolicy(enum.StrEnum):
    """What reopening a resolved or closed interaction does to its resolution clock.

    ``CONTINUE`` (the default): the resolution clock runs on from where it
    stopped, as if the time between resolution and reopening had been a
    pause. ``NEW_CYCLE``: the resolved cycle is final, and a new cycle with the
    full target starts at the reopening.

    >>> from csroles.sla import ReopenPolicy
    >>> [policy.value for policy in ReopenPolicy]
    ['continue', 'new_cycle']

    .. versionadded:: 0.1.0
    """

    CONTINUE = "continue"
    NEW_CYCLE = "new_cycle"


class ZonePolicy(enum.StrEnum):
    """In which time zone an SLA reads its calendar's opening hours.

    ``CALENDAR`` (the default): in the calendar's own zone, for every customer.
    ``CUSTOMER``: the same opening hours in each customer's local time (the
    customer's ``timezone``); a customer without a zone, or no customer, falls
    back to the calendar's zone.

    >>> from csroles.sla import ZonePolicy
    >>> ZonePolicy.CUSTOMER.value
    'customer'

    .. versionadded:: 0.1.0
    """

    CALENDAR = "calendar"
    CUSTOMER = "customer"


# ------------------------------------------------------------------ targets

_PRIORITIES = tuple(Priority)
_METRIC_NAMES = ", ".join(repr(m.value) for m in CLOCK_METRICS)
_EXPECTED_TARGETS = (
    f"a mapping from a clock metric ({_METRIC_NAMES}) to a positive timedelta "
    "or to a mapping from every Priority to a positive timedelta"
)

Targets = Mapping[Metric, Mapping[Priority, timedelta]]


def _positive(field: str, value: object) -> timedelta:
    duration = v.check_duration(SLA, field, value, allow_negative=True)
    if duration <= _ZERO:
        v.fail(SLA, field, value, "a positive duration (a target of zero or less can never be met)")
    return duration


def _freeze_targets(value: Mapping[Metric, timedelta | Mapping[Priority, timedelta]]) -> Targets:
    """Check the targets and store them as nested read-only mappings, in metric order.

    A metric may map to one timedelta (the same target for every priority) or to
    a target for each priority.
    """
    given: object = value  # checked at run time, whatever the annotation says
    if not isinstance(given, Mapping) or not given:
        v.fail(SLA, "targets", value, _EXPECTED_TARGETS)
    frozen: dict[Metric, FrozenMap[Priority, timedelta]] = {}
    for given_metric, given_targets in value.items():
        # Plain values ("resolution_time", "low") stand for their members.
        metric = v.to_member(Metric, given_metric) or given_metric
        per_priority = _by_priority(given_targets)
        if metric not in CLOCK_METRICS or not isinstance(metric, Metric):
            v.fail(SLA, "targets", metric, f"a metric with a clock: one of {_METRIC_NAMES}")
        field = f"targets.{metric.value}"
        if isinstance(per_priority, timedelta):
            duration = _positive(field, per_priority)
            frozen[metric] = FrozenMap(dict.fromkeys(_PRIORITIES, duration))
            continue
        if not isinstance(per_priority, Mapping):
            v.fail(SLA, field, per_priority, "a positive timedelta or a mapping from Priority")
        for priority in per_priority:
            if not isinstance(priority, Priority):
                v.fail(
                    SLA, field, priority, "Priority keys: one of 'low', 'normal', 'high', 'urgent'"
                )
        missing = [p.value for p in _PRIORITIES if p not in per_priority]
        if missing:
            v.fail(
                SLA,
                field,
                [p.value for p in _PRIORITIES if p in per_priority],
                f"a target for every priority (missing: {', '.join(missing)})",
            )
        frozen[metric] = FrozenMap(
            {p: _positive(f"{field}.{p.value}", per_priority[p]) for p in _PRIORITIES}
        )
    return FrozenMap({m: frozen[m] for m in CLOCK_METRICS if m in frozen})


def _by_priority(value: object) -> Any:
    if not isinstance(value, Mapping):
        return value
    return {v.to_member(Priority, key) or key: target for key, target in value.items()}


_EXPECTED_THRESHOLDS = (
    "increasing fractions of the target, each above 0 and below 1, such as (0.5, 0.75)"
)


def _to_thresholds(value: Iterable[float]) -> tuple[float, ...]:
    given: object = value  # checked at run time, whatever the annotation says
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        v.fail(SLA, "warning_thresholds", value, _EXPECTED_THRESHOLDS)
    return tuple(given)


def _check_thresholds(
    instance: SLA, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    previous = 0.0
    for item in value:
        if type(item) is not float or not previous < item < 1:
            v.fail(instance, attribute.name, value, _EXPECTED_THRESHOLDS)
        previous = item


def _check_calendar(instance: SLA, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, BusinessCalendar):
        v.fail(instance, attribute.name, value, "a BusinessCalendar, or None for calendar hours")


class _Cache(dict[Any, Any]):
    """A dict that pickles empty: what it caches is rebuilt on demand."""

    def __reduce__(self) -> tuple[type[_Cache], tuple[()]]:
        return (type(self), ())


@attrs.frozen(kw_only=True, cache_hash=True)
class SLA:
    """A service-level agreement: time targets per metric and priority, and how clocks count.

    Args:
        name: the SLA's name.
        targets: for each metric with a clock (first response time, next
            response time, resolution time), one positive :class:`~datetime.timedelta`
            for every priority, or a mapping from each :class:`~csroles.Priority`
            to its target. Stored as nested read-only mappings, metric by
            metric, every priority filled in.
        calendar: the business calendar that the targets count in, or ``None``
            for calendar hours (always open, in UTC).
        warning_thresholds: increasing fractions of the target at which a
            running clock warns (default ``(0.5, 0.75)``, as the large ITSM tools
            do); empty for no warnings.
        on_priority_change: see :class:`PriorityChangePolicy`.
        on_reopen: see :class:`ReopenPolicy`.
        zone: see :class:`ZonePolicy`.

    Raises:
        InvalidEntityError: a field is invalid; the message names it.

    >>> from datetime import timedelta
    >>> from csroles import SLA, Metric, Priority
    >>> basic = SLA(name="Basic", targets={Metric.RESOLUTION_TIME: timedelta(days=5)})
    >>> basic.calendar is None, basic.warning_thresholds
    (True, (0.5, 0.75))
    >>> SLA(name="Broken", targets={Metric.CSAT: timedelta(days=1)})
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: SLA.targets: <Metric.CSAT: 'csat'>, expected a metric with a clock: one of 'first_response_time', 'next_response_time', 'resolution_time'

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=v.validator(v.check_identifier))
    targets: Targets = attrs.field(converter=_freeze_targets)
    calendar: BusinessCalendar | None = attrs.field(default=None, validator=_check_calendar)
    warning_thresholds: tuple[float, ...] = attrs.field(
        default=(0.5, 0.75), converter=_to_thresholds, validator=_check_thresholds
    )
    on_priority_change: PriorityChangePolicy = attrs.field(
        default=PriorityChangePolicy.FROM_START, validator=v.member_of(PriorityChangePolicy)
    )
    on_reopen: ReopenPolicy = attrs.field(
        default=ReopenPolicy.CONTINUE, validator=v.member_of(ReopenPolicy)
    )
    zone: ZonePolicy = attrs.field(default=ZonePolicy.CALENDAR, validator=v.member_of(ZonePolicy))
    # Targets in integer microseconds, for the clock engine.
    _plan: Mapping[Metric, Mapping[Priority, int]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    # The clocks' time models by zone name, filled as they are needed.
    _models: dict[str | None, Any] = attrs.field(
        init=False, factory=_Cache, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        plan = {
            metric: {p: t // _MICROSECOND for p, t in per_priority.items()}
            for metric, per_priority in self.targets.items()
        }
        object.__setattr__(self, "_plan", plan)

    @property
    def metrics(self) -> tuple[Metric, ...]:
        """The metrics this SLA sets targets for, in the order clocks are reported.

        >>> from datetime import timedelta
        >>> from csroles import SLA, Metric
        >>> SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(days=1)}).metrics
        (<Metric.RESOLUTION_TIME: 'resolution_time'>,)

        .. versionadded:: 0.1.0
        """
        return tuple(self.targets)

    def target(self, metric: Metric, priority: Priority) -> timedelta | None:
        """The target for ``metric`` at ``priority``, or ``None`` if the SLA sets none.

        >>> from datetime import timedelta
        >>> from csroles import SLA, Metric, Priority
        >>> sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(days=1)})
        >>> sla.target(Metric.RESOLUTION_TIME, Priority.LOW)
        datetime.timedelta(days=1)
        >>> sla.target(Metric.FIRST_RESPONSE_TIME, Priority.LOW) is None
        True

        .. versionadded:: 0.1.0
        """
        wanted = v.to_member(Metric, metric)
        if wanted is None:
            v.fail(SLA, "target(metric)", metric, "a Metric")
        level = v.to_member(Priority, priority)
        if level is None:
            v.fail(SLA, "target(priority)", priority, "a Priority")
        per_priority = self.targets.get(wanted)
        return None if per_priority is None else per_priority.get(level)

    def calendar_for(self, customer: Customer | None = None) -> BusinessCalendar:
        """The calendar that clocks count in for ``customer``, following :attr:`zone`.

        Calendar hours (no calendar) give an always-open calendar in UTC, or in
        the customer's zone under :attr:`ZonePolicy.CUSTOMER`.

        Raises:
            InvalidEntityError: ``customer`` is not a Customer or None.

        >>> from datetime import timedelta
        >>> from csroles import SLA, Customer, Metric
        >>> from csroles.sla import ZonePolicy
        >>> sla = SLA(
        ...     name="S",
        ...     targets={Metric.RESOLUTION_TIME: timedelta(days=1)},
        ...     zone=ZonePolicy.CUSTOMER,
        ... )
        >>> sla.calendar_for(Customer(id="C-1", name="Ada", timezone="Asia/Tokyo")).timezone
        'Asia/Tokyo'
        >>> sla.calendar_for().timezone
        'UTC'

        .. versionadded:: 0.1.0
        """
        if customer is not None and not isinstance(customer, Customer):
            v.fail("SLA.calendar_for", "customer", customer, "a Customer or None")
        calendar = self.calendar
        zone = (
            customer.timezone if customer is not None and self.zone is ZonePolicy.CUSTOMER else None
        )
        if calendar is None:
            return BusinessCalendar.always_open(zone or "UTC")
        if zone is None or zone == calendar.timezone:
            return calendar
        return calendar.with_timezone(zone)


_MICROSECOND = timedelta(microseconds=1)
_ZERO = timedelta(0)
