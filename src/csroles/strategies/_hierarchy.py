"""Strategies for positions and org charts."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import time

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csroles.assignment import (
    DEFAULT_CAPACITY,
    AssignmentPolicy,
    AssignmentRule,
    Overflow,
    PositionLoads,
)
from csroles.catalog import Catalog, default_catalog
from csroles.escalation import EscalationPolicy, EscalationStep
from csroles.hierarchy import OrgChart, Position
from csroles.sla.calendar import BusinessCalendar
from csroles.strategies._entities import identifiers
from csroles.strategies._roles import skills
from csroles.vocabulary import Channel, Level, Topic

__all__ = [
    "assignment_policies",
    "escalation_policies",
    "escalation_steps",
    "loads",
    "org_charts",
    "position_loads",
    "positions",
]

_NAMES = st.sampled_from(
    ["Anna", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Giulia", "Hana", "Ivan", "Olga"]
)
_SKILLS = skills()
_CAPACITIES = st.none() | st.integers(0, 200) | st.floats(0, 200, allow_nan=False)
_OPTIONAL_NAMES = st.none() | _NAMES
_CHANNEL_SETS = st.frozensets(st.sampled_from(Channel), max_size=3)
_TOPIC_SETS = st.frozensets(st.sampled_from(Topic), max_size=2)
_SKILL_SETS = st.frozensets(_SKILLS, max_size=2)
_LANGUAGE_SETS = st.frozensets(st.sampled_from(["en", "it", "de", "fr", "ru", "es"]), max_size=2)
_PRODUCT_SETS = st.frozensets(st.sampled_from(["router", "phone plan", "tv"]), max_size=2)
_SEGMENT_SETS = st.frozensets(st.sampled_from(["vip", "enterprise", "consumer"]), max_size=1)
_TEAMS = st.none() | st.sampled_from(["billing", "care", "tech"])
_LIMITS = st.dictionaries(st.sampled_from(Channel), st.integers(1, 12), max_size=3)


@functools.cache
def _shift_calendars() -> tuple[BusinessCalendar, ...]:
    """A few shifts: office hours, a night shift, around the clock (built once)."""
    days = [(time(9), time(17))]
    return (
        BusinessCalendar(timezone="Europe/Rome", hours=dict.fromkeys(range(5), days)),
        BusinessCalendar(
            timezone="America/New_York", hours={d: [(time(22), time(6))] for d in range(7)}
        ),
        BusinessCalendar(timezone="UTC", hours={d: [(time(0), time(0))] for d in range(7)}),
    )


_SHIFTS = st.none() | st.integers(0, 2).map(lambda n: _shift_calendars()[n])


def _draw_position(
    draw: st.DrawFn,
    *,
    id: str,  # noqa: A002
    roles: Sequence[str],
    reports_to: str | None,
) -> Position:
    return Position(
        id=id,
        role=roles[draw(st.integers(0, len(roles) - 1))],
        reports_to=reports_to,
        name=draw(_OPTIONAL_NAMES),
        channels=draw(_CHANNEL_SETS),
        topics=draw(_TOPIC_SETS),
        skills=draw(_SKILL_SETS),
        capacity=draw(_CAPACITIES),
        languages=draw(_LANGUAGE_SETS),
        products=draw(_PRODUCT_SETS),
        segments=draw(_SEGMENT_SETS),
        team=draw(_TEAMS),
        shift=draw(_SHIFTS),
        channel_capacity=draw(_LIMITS),
    )


@st.composite
def _positions(
    draw: st.DrawFn,
    *,
    id: str,  # noqa: A002
    roles: Sequence[str],
    reports_to: str | None,
) -> Position:
    return _draw_position(draw, id=id, roles=roles, reports_to=reports_to)


def _role_keys(roles: Sequence[str] | None, catalog: Catalog) -> tuple[str, ...]:
    if roles is None:
        return catalog.keys
    keys = tuple(roles)
    if not keys:
        msg = "expected at least one role key, got none"
        raise InvalidArgument(msg)
    for key in keys:
        if key not in catalog:
            msg = f"expected role keys of the catalog, got {key!r}"
            raise InvalidArgument(msg)
    return keys


def positions(
    *,
    roles: Sequence[str] | None = None,
    ids: st.SearchStrategy[str] | None = None,
    reports_to: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Position]:
    """Valid positions, each on its own (use :func:`org_charts` for positions that fit together).

    Args:
        roles: the role keys to draw from; every key of the built-in catalog
            by default.
        ids: the position ids; :func:`identifiers` by default.
        reports_to: the manager ids; None or an id by default.

    Raises:
        InvalidArgument: ``roles`` is empty or holds a key the built-in
            catalog lacks.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import positions
    >>> @settings(max_examples=10)
    ... @given(positions(roles=["relationship_manager"]))
    ... def test(position):
    ...     assert position.role == "relationship_manager"
    >>> test()

    .. versionadded:: 0.1.0
    """
    keys = _role_keys(roles, default_catalog())
    ids = ids if ids is not None else identifiers()
    managers = reports_to if reports_to is not None else st.none() | identifiers()
    return st.tuples(ids, managers).flatmap(
        lambda pair: _positions(id=pair[0], roles=keys, reports_to=pair[1])
    )


@st.composite
def _charts(
    draw: st.DrawFn,
    *,
    sizes: st.SearchStrategy[int],
    max_depth: int | None,
    keys: tuple[str, ...],
    catalog: Catalog,
    forest: bool,
    descending: bool,
) -> OrgChart:
    size = draw(sizes)
    ids = draw(st.lists(identifiers(), min_size=size, max_size=size, unique=True))
    depth: list[int] = []
    levels: list[int] = []
    built: list[Position] = []
    rank = {key: catalog.get(key).level.rank for key in keys}
    for n, key in enumerate(ids):
        managers = [m for m in range(n) if max_depth is None or depth[m] < max_depth]
        root = not managers or (forest and draw(st.integers(0, 4)) == 0)
        manager = None if root else managers[draw(st.integers(0, len(managers) - 1))]
        allowed = keys
        if descending and manager is not None:
            # Never empty: the manager's own role is at its level.
            allowed = tuple(k for k in keys if rank[k] <= levels[manager])
        position = _draw_position(
            draw, id=key, roles=allowed, reports_to=None if manager is None else ids[manager]
        )
        built.append(position)
        depth.append(0 if manager is None else depth[manager] + 1)
        levels.append(rank[position.role])
    return OrgChart(positions=draw(st.permutations(built)), catalog=catalog, forest=forest)


def org_charts(
    *,
    min_size: int = 1,
    max_size: int = 30,
    max_depth: int | None = None,
    roles: Sequence[str] | None = None,
    catalog: Catalog | None = None,
    forest: bool = False,
    descending_levels: bool = False,
) -> st.SearchStrategy[OrgChart]:
    """Valid org charts: every manager in the chart, no cycle, one root unless a forest.

    Positions come in a shuffled order, so a report may be listed before its
    manager.

    Args:
        min_size: the fewest positions (0 only for a forest).
        max_size: the most positions.
        max_depth: the most managers above any position (0: roots only).
        roles: the role keys to draw from; every key of the catalog by default.
        catalog: the catalog of the charts; the built-in one by default.
        forest: whether to build forests (several roots, possibly none).
        descending_levels: whether every position's role is at its
            manager's level or below (no level inversions, as in most real
            charts).

    Raises:
        InvalidArgument: a size or depth is out of range, or ``roles`` is
            empty or not in the catalog.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import org_charts
    >>> @settings(max_examples=10)
    ... @given(org_charts(max_size=12, max_depth=2))
    ... def test(chart):
    ...     assert len(chart.roots) == 1
    ...     assert all(chart.depth(p.id) <= 2 for p in chart)
    >>> test()

    .. versionadded:: 0.1.0
    """
    lowest = 0 if forest else 1
    if not lowest <= min_size <= max_size:
        msg = f"expected {lowest} <= min_size <= max_size, got {min_size} and {max_size}"
        raise InvalidArgument(msg)
    if max_depth is not None and max_depth < 0:
        msg = f"expected max_depth None or at least 0, got {max_depth}"
        raise InvalidArgument(msg)
    if max_depth == 0 and not forest and max_size > 1:
        msg = "a chart with one root and max_depth=0 has one position: set max_size=1"
        raise InvalidArgument(msg)
    resolved = catalog if catalog is not None else default_catalog()
    return _charts(
        sizes=st.integers(min_size, max_size),
        max_depth=max_depth,
        keys=_role_keys(roles, resolved),
        catalog=resolved,
        forest=forest,
        descending=descending_levels,
    )


_THRESHOLDS = st.floats(min_value=0.01, max_value=5, allow_nan=False, allow_infinity=False)


def escalation_steps() -> st.SearchStrategy[EscalationStep]:
    """Valid escalation steps: a positive share of a target and a level.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import escalation_steps
    >>> @settings(max_examples=10)
    ... @given(escalation_steps())
    ... def test(step):
    ...     assert step.threshold > 0
    >>> test()

    .. versionadded:: 0.1.0
    """
    return st.builds(EscalationStep, threshold=_THRESHOLDS, level=st.sampled_from(Level))


@st.composite
def _policies(draw: st.DrawFn, *, max_steps: int) -> EscalationPolicy:
    thresholds = sorted(draw(st.sets(_THRESHOLDS, min_size=1, max_size=max_steps)))
    ranks = sorted(
        draw(st.lists(st.sampled_from(Level), min_size=len(thresholds), max_size=len(thresholds)))
    )
    return EscalationPolicy(
        steps=[
            EscalationStep(threshold=t, level=r) for t, r in zip(thresholds, ranks, strict=True)
        ],
        manager_request=draw(st.sampled_from(Level)),
    )


def escalation_policies(*, max_steps: int = 4) -> st.SearchStrategy[EscalationPolicy]:
    """Valid escalation policies: steps in increasing threshold order, levels never going down.

    Args:
        max_steps: the most steps (at least 1).

    Raises:
        InvalidArgument: ``max_steps`` is below 1.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import escalation_policies
    >>> @settings(max_examples=10)
    ... @given(escalation_policies(max_steps=2))
    ... def test(policy):
    ...     assert 1 <= len(policy.steps) <= 2
    >>> test()

    .. versionadded:: 0.1.0
    """
    if max_steps < 1:
        msg = f"expected max_steps of 1 or more, got {max_steps}"
        raise InvalidArgument(msg)
    return _policies(max_steps=max_steps)


_RULES = st.sampled_from(AssignmentRule)
_OVERFLOWS = st.lists(st.sampled_from(Overflow), unique=True, max_size=2)
_CAPACITY_MAPS = st.none() | st.dictionaries(
    st.sampled_from(Channel), st.integers(1, 12), min_size=1, max_size=4
)


@st.composite
def _assignment_policies(
    draw: st.DrawFn, *, cursors: st.SearchStrategy[str | None]
) -> AssignmentPolicy:
    capacity = draw(_CAPACITY_MAPS)
    return AssignmentPolicy(
        rule=draw(_RULES),
        cursor=draw(cursors),
        overflow=draw(_OVERFLOWS),
        require_shift=draw(st.booleans()),
        ownership=draw(st.booleans()),
        capacity=DEFAULT_CAPACITY if capacity is None else capacity,
        shortlist=draw(st.none() | st.integers(1, 12)),
    )


def assignment_policies(
    *, cursors: st.SearchStrategy[str | None] | None = None
) -> st.SearchStrategy[AssignmentPolicy]:
    """Valid assignment policies: every rule, overflows in any order, capacities and shortlists.

    Args:
        cursors: the round-robin cursors (position ids or None); by default
            None or an :func:`identifiers` value. Pass the ids of a chart's
            positions to get policies :func:`~csroles.assign` accepts with it.

    >>> from hypothesis import given, settings
    >>> from hypothesis import strategies as st
    >>> from csroles.strategies import assignment_policies
    >>> @settings(max_examples=10)
    ... @given(assignment_policies(cursors=st.sampled_from([None, "ag-1"])))
    ... def test(policy):
    ...     assert policy.cursor in (None, "ag-1")
    ...     assert all(count >= 1 for count in policy.capacity.values())
    >>> test()

    .. versionadded:: 0.1.0
    """
    return _assignment_policies(
        cursors=cursors if cursors is not None else st.none() | identifiers()
    )


def loads(
    chart: OrgChart, *, max_count: int = 12
) -> st.SearchStrategy[dict[str, dict[Channel, int]]]:
    """Valid loads for :func:`~csroles.assign` on ``chart``: position id -> channel -> count.

    Some positions are left out (they have no load); counts go from 0 to
    ``max_count``, so some positions are over their capacity.

    Raises:
        InvalidArgument: ``max_count`` is below 0.

    >>> from hypothesis import given, settings
    >>> from csroles import call_center_team
    >>> from csroles.strategies import loads
    >>> chart = call_center_team()
    >>> @settings(max_examples=10)
    ... @given(loads(chart, max_count=3))
    ... def test(load):
    ...     assert set(load) <= {p.id for p in chart}
    ...     assert all(0 <= n <= 3 for counts in load.values() for n in counts.values())
    >>> test()

    .. versionadded:: 0.1.0
    """
    counts = _channel_counts(max_count)
    ids = [p.id for p in chart]
    if not ids:
        return st.just({})
    return st.dictionaries(st.sampled_from(ids), counts, max_size=len(ids))


def _channel_counts(max_count: int) -> st.SearchStrategy[dict[Channel, int]]:
    """One position's counts: up to three channels, 0 to ``max_count`` each."""
    if max_count < 0:
        msg = f"expected max_count at least 0, got {max_count}"
        raise InvalidArgument(msg)
    return st.dictionaries(st.sampled_from(Channel), st.integers(0, max_count), max_size=3)


def position_loads(
    chart: OrgChart | None = None, *, max_count: int = 12
) -> st.SearchStrategy[PositionLoads]:
    """Valid :class:`~csroles.PositionLoads`: the :func:`loads` of ``chart``, checked once.

    Args:
        chart: the chart whose positions they count; None for any position ids
            (:func:`identifiers`).
        max_count: the largest count drawn.

    Raises:
        InvalidArgument: ``max_count`` is below 0.

    >>> from hypothesis import given, settings
    >>> from csroles import call_center_team
    >>> from csroles.strategies import position_loads
    >>> chart = call_center_team()
    >>> @settings(max_examples=10)
    ... @given(position_loads(chart, max_count=3))
    ... def test(load):
    ...     assert set(load) <= {p.id for p in chart}
    ...     assert all(0 <= n <= 3 for counts in load.values() for n in counts.values())
    >>> test()

    .. versionadded:: 0.1.0
    """
    if chart is not None:
        return loads(chart, max_count=max_count).map(PositionLoads)
    counts = _channel_counts(max_count)
    return st.dictionaries(identifiers(), counts, max_size=6).map(PositionLoads)
