"""Strategies for business calendars, SLAs and SLA clocks."""

from __future__ import annotations

import functools
import string
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csroles.interactions import TRANSITIONS, Status
from csroles.sla.calendar import BusinessCalendar
from csroles.sla.clocks import ClockSegment, ClockState, SLAClock
from csroles.sla.definitions import ClockCondition, MetricDefinition
from csroles.sla.policy import SLA, PriorityChangePolicy, ReopenPolicy, ZonePolicy
from csroles.sla.selection import PolicyCondition, PolicySet, SLAPolicy
from csroles.strategies._entities import aware_datetimes, identifiers, zone_names
from csroles.vocabulary import Channel, Direction, EventKind, Metric, Priority, Topic

__all__ = [
    "business_calendars",
    "clock_conditions",
    "clock_segments",
    "metric_definitions",
    "policy_conditions",
    "policy_sets",
    "sla_clocks",
    "sla_policies",
    "slas",
]

Shift = tuple[time, time]
Week = dict[int, list[Shift]]

_OFFICE = [(time(9), time(17))]
_SPLIT = [(time(9), time(13)), (time(14), time(18))]
_NIGHT = [(time(22), time(6))]
_WHOLE_DAY = [(time(0), time(0))]

# Wall times near which zones change their offset (00:00 in Santiago and Havana,
# 01:00 to 03:00 elsewhere, 02:30 for Lord Howe), and ordinary office times.
_WALLS = [time(h, m) for h in (0, 1, 2, 3) for m in (0, 30)] + [
    time(8),
    time(9),
    time(12, 30),
    time(13),
    time(17),
    time(18),
    time(22),
    time(23, 30),
]


def _walls() -> st.SearchStrategy[time]:
    return st.one_of(st.sampled_from(_WALLS), st.times().map(lambda wall: wall.replace(fold=0)))


def _shift_lists(max_shifts: int) -> st.SearchStrategy[list[Shift]]:
    return st.lists(st.tuples(_walls(), _walls()), max_size=max_shifts)


@st.composite
def _weeks(draw: st.DrawFn, max_shifts: int) -> Week:
    kinds = ["office", "split", "night", "always", "any"]
    if max_shifts < len(_SPLIT):
        kinds.remove("split")
    kind = draw(st.sampled_from(kinds))
    if kind == "always":
        return dict.fromkeys(range(7), _WHOLE_DAY)
    if kind != "any":
        pattern = {"office": _OFFICE, "split": _SPLIT, "night": _NIGHT}[kind]
        days = draw(st.sampled_from([range(5), range(6), range(7)]))
        return dict.fromkeys(days, pattern)
    week = draw(st.dictionaries(st.integers(0, 6), _shift_lists(max_shifts), max_size=7))
    if not any(week.values()):
        week[draw(st.integers(0, 6))] = _OFFICE
    return week


def _later(pair: tuple[datetime, timedelta]) -> tuple[datetime, datetime]:
    # In UTC: wall-clock arithmetic could land before the start in an autumn fold.
    start, length = pair
    return start, (start.astimezone(UTC) + length).astimezone(start.tzinfo)


def business_calendars(
    *,
    zones: st.SearchStrategy[str] | None = None,
    max_shifts_per_day: int = 3,
    min_date: date = date(2000, 1, 1),
    max_date: date = date(2039, 12, 31),
    holidays: bool = True,
    special_hours: bool = True,
    closures: bool = True,
) -> st.SearchStrategy[BusinessCalendar]:
    """Valid business calendars: office hours, split shifts, night shifts, 24/7 and odd ones.

    Shifts often start or end near the wall times at which zones change their
    UTC offset; dates of holidays and special hours, and closures, fall
    between ``min_date`` and ``max_date``.

    Args:
        zones: the zone names to use; :func:`zone_names` by default.
        max_shifts_per_day: the most shifts drawn for one day (at least 1).
        min_date: the earliest date of a holiday, special hours or closure.
        max_date: the latest such date.
        holidays: whether to draw holidays (one-off and annual).
        special_hours: whether to draw date-specific hours.
        closures: whether to draw closures.

    Raises:
        InvalidArgument: ``max_shifts_per_day`` is below 1, or ``min_date`` is
            after ``max_date``.

    >>> from datetime import UTC, datetime, timedelta
    >>> from hypothesis import given, settings
    >>> from csroles.strategies import business_calendars
    >>> @settings(max_examples=20)
    ... @given(business_calendars(closures=False))
    ... def test_deadlines_are_not_early(calendar):
    ...     start = datetime(2026, 3, 1, tzinfo=UTC)
    ...     assert calendar.add_business_time(start, timedelta(hours=8)) >= start + timedelta(
    ...         hours=8
    ...     )
    >>> test_deadlines_are_not_early()

    .. versionadded:: 0.1.0
    """
    if max_shifts_per_day < 1:
        msg = f"expected max_shifts_per_day >= 1, got {max_shifts_per_day!r}"
        raise InvalidArgument(msg)
    if min_date > max_date:
        msg = f"expected min_date <= max_date, got {min_date!r} and {max_date!r}"
        raise InvalidArgument(msg)
    days = st.dates(min_date, max_date)
    lo = datetime.combine(min_date, time(0), tzinfo=UTC)
    hi = datetime.combine(max_date, time(0), tzinfo=UTC)
    intervals = st.tuples(
        aware_datetimes(min_value=lo, max_value=hi),
        st.timedeltas(timedelta(minutes=1), timedelta(days=3)),
    ).map(_later)
    return st.builds(
        BusinessCalendar,
        timezone=zones if zones is not None else zone_names(),
        hours=_weeks(max_shifts_per_day),
        holidays=st.frozensets(days, max_size=10) if holidays else st.just(frozenset()),
        annual_holidays=(
            st.frozensets(days.map(lambda d: (d.month, d.day)), max_size=3)
            if holidays
            else st.just(frozenset())
        ),
        special_hours=(
            st.dictionaries(days, _shift_lists(max_shifts_per_day), max_size=3)
            if special_hours
            else st.just({})
        ),
        closures=st.lists(intervals, max_size=2) if closures else st.just([]),
    )


# ------------------------------------------------------------------ SLAs and clocks

_CLOCK_METRICS = (Metric.FIRST_RESPONSE_TIME, Metric.NEXT_RESPONSE_TIME, Metric.RESOLUTION_TIME)
_ONE_US = timedelta(microseconds=1)


@functools.cache
def _targets(max_target: timedelta) -> st.SearchStrategy[timedelta]:
    # Mostly whole minutes, as SLAs are written; sometimes down to the microsecond.
    minutes = max(1, max_target // timedelta(minutes=1))
    return st.one_of(
        st.integers(1, minutes).map(lambda n: timedelta(minutes=n)),
        st.timedeltas(min_value=_ONE_US, max_value=max_target),
    )


@st.composite
def _target_maps(
    draw: st.DrawFn, metrics: tuple[Metric, ...], max_target: timedelta
) -> dict[Metric, timedelta | dict[Priority, timedelta]]:
    chosen = draw(st.lists(st.sampled_from(metrics), min_size=1, unique=True))
    targets: dict[Metric, timedelta | dict[Priority, timedelta]] = {}
    for metric in chosen:
        if draw(st.booleans()):
            targets[metric] = draw(_targets(max_target))
        else:
            targets[metric] = {p: draw(_targets(max_target)) for p in Priority}
    return targets


_THRESHOLDS = st.lists(
    st.floats(min_value=0, max_value=1, exclude_min=True, exclude_max=True),
    unique=True,
    max_size=3,
).map(lambda fractions: tuple(sorted(fractions)))


def slas(
    *,
    calendars: st.SearchStrategy[BusinessCalendar | None] | None = None,
    metrics: Sequence[Metric] = _CLOCK_METRICS,
    max_target: timedelta = timedelta(days=10),
) -> st.SearchStrategy[SLA]:
    """Valid SLAs: targets for some clock metrics, thresholds and every combination of policies.

    Args:
        calendars: the calendars to count in; ``None`` (calendar hours) or
            :func:`business_calendars` by default.
        metrics: the metrics to choose targets from (at least one is chosen);
            the metrics with clocks by default.
        max_target: the longest target.

    Raises:
        InvalidArgument: ``metrics`` is empty or holds a metric without a
            clock, or ``max_target`` is not positive.

    >>> from hypothesis import given, settings
    >>> from csroles import Metric, Priority
    >>> from csroles.strategies import slas
    >>> @settings(max_examples=20)
    ... @given(slas(metrics=[Metric.RESOLUTION_TIME]))
    ... def test_targets(sla):
    ...     assert sla.metrics == (Metric.RESOLUTION_TIME,)
    ...     assert sla.target(Metric.RESOLUTION_TIME, Priority.URGENT).total_seconds() > 0
    >>> test_targets()

    .. versionadded:: 0.1.0
    """
    chosen = tuple(metrics)
    if not chosen or any(m not in _CLOCK_METRICS for m in chosen):
        names = ", ".join(m.value for m in _CLOCK_METRICS)
        msg = f"expected metrics with clocks ({names}), got {metrics!r}"
        raise InvalidArgument(msg)
    if max_target <= timedelta(0):
        msg = f"expected a positive max_target, got {max_target!r}"
        raise InvalidArgument(msg)
    return st.builds(
        SLA,
        name=identifiers(),
        targets=_target_maps(chosen, max_target),
        calendar=calendars if calendars is not None else st.none() | business_calendars(),
        warning_thresholds=_THRESHOLDS,
        on_priority_change=st.sampled_from(PriorityChangePolicy),
        on_reopen=st.sampled_from(ReopenPolicy),
        zone=st.sampled_from(ZonePolicy),
    )


@st.composite
def _sla_clocks(draw: st.DrawFn) -> SLAClock:
    state = draw(st.sampled_from(ClockState))
    completed = draw(st.integers(0, 5))
    if state is ClockState.MET:
        completed = max(completed, 1)
    moments = aware_datetimes()
    breached_at = draw(moments) if state is ClockState.BREACHED else None
    due_at = None
    if state in (ClockState.RUNNING, ClockState.WARNING):
        due_at = draw(moments)
    elif state is ClockState.BREACHED and draw(st.booleans()):
        due_at = breached_at  # still running past its deadline
    low = 1 if state is ClockState.BREACHED else 0
    return SLAClock(
        metric=draw(st.sampled_from(_CLOCK_METRICS)),
        target=draw(_targets(timedelta(days=10))),
        elapsed=draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20))),
        state=state,
        due_at=due_at,
        breached_at=breached_at,
        completed_cycles=completed,
        breached_cycles=draw(st.integers(low, completed + 1)),
        warning_level=draw(st.integers(0, 3)),
    )


def sla_clocks() -> st.SearchStrategy[SLAClock]:
    """Valid SLA clocks in every state, as :func:`~csroles.sla_status` reports them.

    The fields are consistent with one another (a breached clock has a breach
    instant, a running one a due instant ...), not with any particular
    interaction: to get the clocks of an interaction, call ``sla_status``.

    >>> from hypothesis import given, settings
    >>> from csroles.sla import ClockState
    >>> from csroles.strategies import sla_clocks
    >>> @settings(max_examples=20)
    ... @given(sla_clocks())
    ... def test_breach_instants(clock):
    ...     assert (clock.breached_at is None) == (clock.state is not ClockState.BREACHED)
    >>> test_breach_instants()

    .. versionadded:: 0.1.0
    """
    return _sla_clocks()


# ------------------------------------------------------------------ metric definitions and policy sets


def _moves() -> list[tuple[EventKind, Status]]:
    moves = {(EventKind.OPENED, Status.OPEN)}
    for table in TRANSITIONS.values():
        moves.update(table.items())
    return sorted(moves)


_MOVES = _moves()


# Strategies built once rather than at every draw: building one costs more
# than drawing from it.
_OTHER_KINDS = {
    kind: st.sampled_from([k for k in EventKind if k is not kind]) for kind in EventKind
}


@st.composite
def _clock_conditions(draw: st.DrawFn) -> ClockCondition:
    kind, status = draw(st.sampled_from(_MOVES))
    shape = draw(st.sampled_from(["kind", "status", "both", "since"]))
    if shape == "status":
        return ClockCondition(to_status=status)
    if shape == "since" and kind is not EventKind.OPENED:
        since = draw(_OTHER_KINDS[kind])
        return ClockCondition(kind=kind, first_since=since)
    return ClockCondition(kind=kind, to_status=status if shape == "both" else None)


def clock_conditions() -> st.SearchStrategy[ClockCondition]:
    """Valid clock conditions: on a kind, a status, both, or the first of a kind since another.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import clock_conditions
    >>> @settings(max_examples=20)
    ... @given(clock_conditions())
    ... def test_named(condition):
    ...     assert condition.kind is not None or condition.to_status is not None
    >>> test_named()

    .. versionadded:: 0.1.0
    """
    return _clock_conditions()


_CONDITIONS = _clock_conditions()
_SOME_CONDITIONS = st.lists(_CONDITIONS, min_size=1, max_size=2, unique=True)
_STOP_CONDITIONS = st.lists(_CONDITIONS, max_size=3, unique=True)
_PAUSE_CONDITIONS = st.lists(_CONDITIONS, max_size=2, unique=True)


@st.composite
def _metric_definitions(draw: st.DrawFn, names: st.SearchStrategy[str]) -> MetricDefinition:
    start = draw(_SOME_CONDITIONS)
    cycles = draw(st.booleans())
    stop = draw(_STOP_CONDITIONS)
    if not cycles:
        stop = [c for c in stop if c not in start]
    if set(stop) == set(start):
        stop = []
    pause = draw(_PAUSE_CONDITIONS)
    resume = draw(_SOME_CONDITIONS) if pause else []
    return MetricDefinition(
        name=draw(names), start=start, stop=stop, pause=pause, resume=resume, cycles=cycles
    )


_VOCABULARY_METRICS = frozenset(m.value for m in Metric)
# snake_case names like "handoff_time": built from parts, as a regex strategy
# costs five times as much a draw.
_METRIC_NAMES = st.builds(
    lambda head, tail: "_".join([head, *tail]),
    st.text(string.ascii_lowercase, min_size=1, max_size=8),
    st.lists(st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=5), max_size=2),
).filter(lambda name: name not in _VOCABULARY_METRICS)


def metric_definitions(
    *, names: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[MetricDefinition]:
    """Valid metric definitions: random start, stop, pause and resume conditions, cycling or not.

    Args:
        names: the names to give them; snake_case names that no metric of the
            vocabulary has by default.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import metric_definitions
    >>> @settings(max_examples=20)
    ... @given(metric_definitions())
    ... def test_starts(definition):
    ...     assert definition.start
    >>> test_starts()

    .. versionadded:: 0.1.0
    """
    return _metric_definitions(names if names is not None else _METRIC_NAMES)


_FIELD_VALUES: dict[str, st.SearchStrategy[str]] = {
    "channel": st.sampled_from([c.value for c in Channel]),
    "direction": st.sampled_from([d.value for d in Direction]),
    "topic": st.sampled_from([t.value for t in Topic]),
    "priority": st.sampled_from([p.value for p in Priority]),
    "segment": st.sampled_from(["smb", "enterprise", "vip", "public_sector"]),
    "group": st.sampled_from(["desk_it", "desk_de", "desk_us", "tier_2"]),
    "tag": st.sampled_from(["vip", "outage", "billing", "beta", "legal"]),
}


_FIELDS = st.lists(st.sampled_from(sorted(_FIELD_VALUES)), max_size=3, unique=True)


@st.composite
def _policy_conditions(draw: st.DrawFn, field: str) -> PolicyCondition:
    values = draw(st.lists(_FIELD_VALUES[field], min_size=1, max_size=3, unique=True))
    return PolicyCondition(field=field, values=values)


@st.composite
def _policy_sets(draw: st.DrawFn, slas_: st.SearchStrategy[SLA], max_policies: int) -> PolicySet:
    count = draw(st.integers(0, max_policies))
    policies = []
    for index in range(count):
        fields = draw(_FIELDS)
        policies.append(
            SLAPolicy(
                name=f"policy_{index}",
                sla=draw(slas_),
                conditions=[draw(_CONDITIONS_ON[field]) for field in fields],
            )
        )
    return PolicySet(policies=policies, default=draw(_optional(slas_)))


_CONDITIONS_ON = {field: _policy_conditions(field) for field in _FIELD_VALUES}


@functools.lru_cache(maxsize=64)
def _optional(strategy: st.SearchStrategy[SLA]) -> st.SearchStrategy[SLA | None]:
    return st.none() | strategy


def policy_sets(
    *, slas: st.SearchStrategy[SLA] | None = None, max_policies: int = 6
) -> st.SearchStrategy[PolicySet]:
    """Valid policy sets: policies with up to three conditions each, and maybe a default.

    Args:
        slas: the SLAs the policies apply; calendar-hour SLAs by default.
        max_policies: the most policies in a set.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import policy_sets
    >>> @settings(max_examples=10)
    ... @given(policy_sets(max_policies=3))
    ... def test_names(policies):
    ...     assert len({p.name for p in policies.policies}) == len(policies.policies)
    >>> test_names()

    .. versionadded:: 0.1.0
    """
    chosen = slas if slas is not None else _policy_slas()
    return _policy_sets(chosen, max_policies)


def _policy_slas() -> st.SearchStrategy[SLA]:
    return st.builds(
        SLA,
        name=identifiers(),
        targets=_target_maps(_CLOCK_METRICS, timedelta(days=3)),
    )


def _clock_segments_strategy() -> st.SearchStrategy[ClockSegment]:
    return st.builds(
        lambda start, length, running, cycle: ClockSegment(
            start=start,
            end=(start.astimezone(UTC) + length).astimezone(start.tzinfo),  # exact time, not wall
            running=running,
            cycle=cycle,
        ),
        aware_datetimes(),
        st.timedeltas(min_value=_ONE_US, max_value=timedelta(days=3)),
        st.booleans(),
        st.integers(0, 5),
    )


def clock_segments() -> st.SearchStrategy[ClockSegment]:
    """Valid clock segments, not tied to any clock.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import clock_segments
    >>> @settings(max_examples=10)
    ... @given(clock_segments())
    ... def test_order(segment):
    ...     assert segment.start < segment.end
    >>> test_order()

    .. versionadded:: 0.1.0
    """
    return _clock_segments_strategy()


def policy_conditions() -> st.SearchStrategy[PolicyCondition]:
    """Valid policy conditions on any field, with one to three values.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import policy_conditions
    >>> @settings(max_examples=10)
    ... @given(policy_conditions())
    ... def test_values(condition):
    ...     assert 1 <= len(condition.values) <= 3
    >>> test_values()

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(sorted(_FIELD_VALUES)).flatmap(_policy_conditions)


@st.composite
def _sla_policies(draw: st.DrawFn) -> SLAPolicy:
    fields = draw(_FIELDS)
    return SLAPolicy(
        name=draw(identifiers()),
        sla=draw(_policy_slas()),
        conditions=[draw(_policy_conditions(field)) for field in fields],
    )


def sla_policies() -> st.SearchStrategy[SLAPolicy]:
    """Valid SLA policies: a calendar-hour SLA and up to three conditions on distinct fields.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import sla_policies
    >>> @settings(max_examples=10)
    ... @given(sla_policies())
    ... def test_fields(policy):
    ...     fields = [c.field for c in policy.conditions]
    ...     assert len(fields) == len(set(fields))
    >>> test_fields()

    .. versionadded:: 0.1.0
    """
    return _sla_policies()
