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
import typing
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

import attrs

from csroles import _validation as v
from csroles._frozen import FrozenMap
from csroles.customers import Customer
from csroles.sla._clockwork import Plan
from csroles.sla.calendar import BusinessCalendar
from csroles.sla.definitions import CLOCK_METRICS, PRESETS, MetricDefinition
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
_PRESET_NAMES = ", ".join(repr(name) for name in PRESETS)
_EXPECTED_TARGETS = (
    f"a mapping from a clock metric ({_METRIC_NAMES}) or the name of a metric definition "
    "to a positive timedelta or to a mapping from every Priority to a positive timedelta"
)
_BY_NAME: dict[str, str] = {m.value: m for m in CLOCK_METRICS}

#: Targets by metric key: a Metric for the three clock metrics of the vocabulary,
#: else a definition's name (a str), hence the loose key type.
Targets = Mapping[Any, Mapping[Priority, timedelta]]


def _positive(field: str, value: object) -> timedelta:
    duration = v.check_duration(SLA, field, value, allow_negative=True)
    if duration <= _ZERO:
        v.fail(SLA, field, value, "a positive duration (a target of zero or less can never be met)")
    return duration


def _metric_key(key: object) -> str:
    """A key of the targets: a clock Metric, or a definition's name (a clock metric's normalized)."""
    if isinstance(key, Metric):
        if key not in CLOCK_METRICS:
            v.fail(SLA, "targets", key, f"a metric with a clock: one of {_METRIC_NAMES}")
        return key
    if type(key) is not str or not key:
        v.fail(SLA, "targets", key, f"a metric with a clock ({_METRIC_NAMES}) or a metric name")
    return _BY_NAME.get(key, key)


def _freeze_targets(
    value: Mapping[Any, timedelta | Mapping[Priority, timedelta]],
) -> Targets:
    """Check the targets and store them as nested read-only mappings, in metric order.

    A metric may map to one timedelta (the same target for every priority) or to
    a target for each priority. The presets come first, in their order, then
    the other metrics in the order given.
    """
    given: object = value  # checked at run time, whatever the annotation says
    if not isinstance(given, Mapping) or not given:
        v.fail(SLA, "targets", value, _EXPECTED_TARGETS)
    frozen: dict[str, FrozenMap[Priority, timedelta]] = {}
    for key, given_targets in value.items():
        metric = _metric_key(key)
        field = f"targets.{metric}"
        # Plain values ("low") stand for their members.
        per_priority = _by_priority(given_targets)
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
    ordered = {_BY_NAME.get(name, name): None for name in PRESETS} | dict.fromkeys(frozen)
    return FrozenMap({m: frozen[m] for m in ordered if m in frozen})


def _to_definitions(value: Iterable[MetricDefinition]) -> tuple[MetricDefinition, ...]:
    return v.to_tuple(value)


def _check_definition(owner: object, field: str, value: object) -> object:
    if not isinstance(value, MetricDefinition):
        v.fail(owner, field, value, "a MetricDefinition")
    return value


def _check_group_calendars(instance: SLA, attribute: attrs.Attribute[Any], value: object) -> None:
    for group, calendar in typing.cast("Mapping[object, object]", value).items():
        v.check_identifier(instance, f"{attribute.name} key", group)
        if not isinstance(calendar, BusinessCalendar):
            v.fail(instance, f"{attribute.name}[{group!r}]", calendar, "a BusinessCalendar")


def _freeze_group_calendars(
    value: Mapping[str, BusinessCalendar],
) -> Mapping[str, BusinessCalendar]:
    given: object = value
    if not isinstance(given, Mapping):
        v.fail(SLA, "group_calendars", value, "a mapping from a group name to a BusinessCalendar")
    return FrozenMap(dict(value))


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
            response time, resolution time, another preset of
            :data:`~csroles.sla.PRESETS` by name, or one of
            ``definitions`` by name), one positive :class:`~datetime.timedelta`
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
        definitions: metric definitions of the SLA's own
            (:class:`~csroles.sla.definitions.MetricDefinition`), which
            ``targets`` name; one named after a preset replaces it (to pause
            resolution only while waiting on the customer, say).
        group_calendars: a calendar per group (team, desk, country): an
            interaction whose ``group`` is a key counts in that calendar instead
            of ``calendar``.

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
    definitions: tuple[MetricDefinition, ...] = attrs.field(
        default=(), converter=_to_definitions, validator=v.tuple_of(_check_definition)
    )
    group_calendars: Mapping[str, BusinessCalendar] = attrs.field(
        factory=dict, converter=_freeze_group_calendars, validator=_check_group_calendars
    )
    # The metric definitions and targets in integer microseconds, compiled for the clock engine.
    _plan: Plan = attrs.field(init=False, repr=False, eq=False, hash=False)
    # The clocks' time models by zone name, filled as they are needed.
    _models: dict[object, Any] = attrs.field(
        init=False, factory=_Cache, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        known: dict[str, MetricDefinition] = dict(PRESETS)
        seen: set[str] = set()
        for index, definition in enumerate(self.definitions):
            if definition.name in seen:
                v.fail(
                    self,
                    f"definitions[{index}].name",
                    definition.name,
                    "a name no other definition of the SLA has",
                )
            seen.add(definition.name)
            known[definition.name] = definition
        for metric in self.targets:
            if metric not in known:
                v.fail(
                    self,
                    "targets",
                    metric,
                    f"a preset ({_PRESET_NAMES}) or the name of one of the SLA's definitions",
                )
        plan = Plan(
            [
                (metric, known[metric], {p: t // _MICROSECOND for p, t in per_priority.items()})
                for metric, per_priority in self.targets.items()
            ]
        )
        object.__setattr__(self, "_plan", plan)

    def definition(self, metric: str) -> MetricDefinition | None:
        """The definition the SLA measures ``metric`` by, or ``None`` if it sets no target for it.

        >>> from datetime import timedelta
        >>> from csroles import SLA, Metric
        >>> sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(days=1)})
        >>> sla.definition(Metric.RESOLUTION_TIME).pause[0].kind.value
        'waiting_on_customer'
        >>> sla.definition("periodic_update") is None
        True

        .. versionadded:: 0.1.0
        """
        if not isinstance(metric, str):
            v.fail("SLA.definition", "metric", metric, "a metric name (a str) or a Metric")
        if metric not in self.targets:
            return None
        for definition in self.definitions:
            if definition.name == metric:
                return definition
        return PRESETS[metric]

    @property
    def metrics(self) -> tuple[str, ...]:
        """The metrics this SLA sets targets for, in the order clocks are reported.

        >>> from datetime import timedelta
        >>> from csroles import SLA, Metric
        >>> SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(days=1)}).metrics
        (<Metric.RESOLUTION_TIME: 'resolution_time'>,)

        .. versionadded:: 0.1.0
        """
        return tuple(self.targets)

    def target(self, metric: str, priority: Priority) -> timedelta | None:
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

    def calendar_for(
        self, customer: Customer | None = None, group: str | None = None
    ) -> BusinessCalendar:
        """The calendar that clocks count in for ``customer``, following ``zone``.

        ``group`` (an interaction's group) picks its calendar from
        ``group_calendars``; a group without one uses ``calendar``.
        Calendar hours (no calendar) give an always-open calendar in UTC, or in
        the customer's zone under :attr:`ZonePolicy.CUSTOMER`.

        Raises:
            InvalidEntityError: ``customer`` is not a Customer or None, or
                ``group`` is not a string or None.

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
        if group is not None and type(group) is not str:
            v.fail("SLA.calendar_for", "group", group, "a group name or None")
        calendar = self.group_calendars.get(group, self.calendar) if group else self.calendar
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
