"""Org charts: positions, who reports to whom, and the chain of command.

A :class:`Position` is a seat in the organisation: a role of the catalog, the
position it reports to, and what the person in it covers. An
:class:`OrgChart` is an immutable, validated set of positions: construction
refuses duplicate ids, managers that are not in the chart, cycles and (unless
the chart is a forest) more than one root, listing every problem at once in
one :class:`~csroles.errors.HierarchyError`.

>>> chart = OrgChart(
...     positions=[
...         Position(id="dir", role="call_center_director"),
...         Position(id="mgr", role="call_center_manager", reports_to="dir"),
...         Position(id="ag-1", role="call_center_agent", reports_to="mgr"),
...         Position(id="ag-2", role="call_center_agent", reports_to="mgr"),
...     ]
... )
>>> [p.id for p in chart.chain_of_command("ag-1")]
['mgr', 'dir']
>>> chart.span_of_control("mgr"), chart.depth("ag-2")
(2, 2)
>>> print(chart.to_text())
dir: Call Center Director
└── mgr: Call Center Manager
    ├── ag-1: Call Center Agent
    └── ag-2: Call Center Agent

Construction is linear in the number of positions and never recurses, so
charts of hundreds of thousands of positions, however deep, are fine.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import repeat
from typing import Any, NoReturn, cast

import attrs

from csroles import _validation as v
from csroles._frozen import FrozenMap
from csroles.catalog import Catalog, default_catalog
from csroles.customers import _check_tag
from csroles.errors import (
    HierarchyError,
    InvalidEntityError,
    UnknownPositionError,
    UnknownRoleError,
)
from csroles.roles import Authority, Duty, Role, Skill, _skills_validator, _to_skills
from csroles.sla.calendar import BusinessCalendar
from csroles.vocabulary import Channel, Language, Level, Topic

__all__ = ["ChartFinding", "ChartFindingCode", "OrgChart", "Position"]

_LISTED = 10  # problems of one kind named in an error message
_QUOTED = 40  # characters of an id quoted in an error message
_CYCLE_SHOWN = 4  # positions of a long cycle named in an error message (then its last one)
# to_text draws at most this many levels of indentation; deeper lines start again
# from the left, marked with the number of levels not drawn (see to_text).
_DRAWN_LEVELS = 20
# Chains of command are remembered for positions at most this deep, so that the
# memory they take stays within this many references a position.
_REMEMBERED_DEPTH = 32


def _check_capacity(owner: object, field: str, value: object) -> int | float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        v.fail(owner, field, value, "None or a finite number of zero or more")
    if not v.is_finite_number(value) or value < 0:
        v.fail(owner, field, value, "None or a finite number of zero or more")
    return value


class ChartFindingCode(enum.StrEnum):
    """The stable codes of :class:`ChartFinding`.

    =========================== ================================================
    code                        finding
    =========================== ================================================
    ``individual_at_root``      an individual contributor heads the chart (or a
                                tree of a forest)
    ``level_inversion``         a position reports to one whose role is at a
                                lower level (a manager reporting to an agent)
    ``manager_without_reports`` a supervisor, manager or above with no reports
    ``wide_span``               more direct reports than the limit
    ``uncovered_duty``          a duty no position's role owns (is responsible
                                or accountable for)
    =========================== ================================================

    >>> from csroles import ChartFindingCode
    >>> ChartFindingCode("wide_span") is ChartFindingCode.WIDE_SPAN
    True

    .. versionadded:: 0.1.0
    """

    INDIVIDUAL_AT_ROOT = "individual_at_root"
    LEVEL_INVERSION = "level_inversion"
    MANAGER_WITHOUT_REPORTS = "manager_without_reports"
    WIDE_SPAN = "wide_span"
    UNCOVERED_DUTY = "uncovered_duty"


def _quote(text: str) -> str:
    """``text`` quoted for a message, at most about 40 characters of it."""
    if len(text) <= _QUOTED:
        return repr(text)
    return f"{text[:_QUOTED]!r}... ({len(text)} characters)"


def _check_text(owner: object, field: str, value: object) -> str:
    if type(value) is not str or not value.strip():
        v.fail(owner, field, value, "a non-empty string")
    return value


@attrs.frozen(kw_only=True)
class ChartFinding:
    """One piece of advice about an org chart, from :meth:`OrgChart.check`.

    Attributes:
        code: what kind of finding it is (stable, for programs).
        position: the id of the position it is about; None for the chart as
            a whole (an uncovered duty).
        related: other ids involved: the manager of an inversion, the roles
            that would own an uncovered duty.
        message: the finding in words, for people.

    >>> from csroles import ChartFinding, ChartFindingCode
    >>> ChartFinding(
    ...     code=ChartFindingCode.WIDE_SPAN,
    ...     position="mgr",
    ...     message="'mgr' has 40 direct reports, more than 15",
    ... ).code.value
    'wide_span'

    .. versionadded:: 0.1.0
    """

    code: ChartFindingCode = attrs.field(validator=v.member_of(ChartFindingCode))
    position: str | None = attrs.field(validator=v.optional_validator(v.check_identifier))
    related: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.check_identifier)
    )
    message: str = attrs.field(validator=v.validator(_check_text))


def _check_authority(owner: object, field: str, value: object) -> Authority:
    if not isinstance(value, Authority):
        v.fail(owner, field, value, "None or an Authority")
    return value


def _check_shift(owner: object, field: str, value: object) -> BusinessCalendar:
    if not isinstance(value, BusinessCalendar):
        v.fail(owner, field, value, "None or a BusinessCalendar")
    return value


_EXPECTED_LIMITS = "a mapping from a Channel to a whole number of interactions of 1 or more"


def _to_limits(value: Mapping[Channel, int]) -> Mapping[Channel, int]:
    """Channel limits as a read-only mapping in channel order, channel values read as members."""
    given: object = value
    if not isinstance(given, Mapping):
        return value  # refused by the validator, which names the field
    members = {v.to_member(Channel, key) or key: count for key, count in value.items()}
    order = {channel: n for n, channel in enumerate(Channel)}
    if not all(key in order for key in members):
        return FrozenMap(members)
    return FrozenMap(dict(sorted(members.items(), key=lambda item: order[item[0]])))


def _check_limits(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Mapping):
        v.fail(instance, attribute.name, value, _EXPECTED_LIMITS)
    for key, count in value.items():
        if not isinstance(key, Channel):
            v.fail(instance, attribute.name, key, f"Channel keys: {_EXPECTED_LIMITS}")
        if type(count) is not int or count < 1:
            v.fail(
                instance,
                f"{attribute.name}[{key.value!r}]",
                count,
                "a whole number of 1 or more (leave the channel out to use the default)",
            )


@attrs.frozen(kw_only=True)
class Position:
    """A seat in an org chart: a role, a manager, and what its holder covers.

    Args:
        id: the position's id, unique in its chart.
        role: the key of a role of the chart's catalog, such as
            ``"call_center_agent"``.
        reports_to: the id of the managing position, or None for a root.
        name: the name of the person in the seat, if any.
        channels: channels this position works, on top of its role's.
        topics: topics this position covers, on top of its role's duties.
        skills: what its holder can do (:class:`~csroles.Skill`, or text
            ``kind:name``; a bare label is a skill of kind ``other``).
        capacity: the largest total account weight the position may carry
            in a portfolio (see :func:`~csroles.balance_portfolios`), or None.
        authority: what this position may decide alone, when it differs
            from its role's default (*What is a CSR*: the company sets the limits).
        languages: IETF BCP 47 tags of the languages its holder serves
            customers in (``"it"``, ``"en-GB"``); empty when not recorded.
        products: the products its holder supports (free labels); empty for all.
        segments: the customer segments it serves (``"vip"``); empty for all.
        team: the team (desk, group) it works in; a position without one is
            in its manager's team (see :meth:`OrgChart.team_of`).
        shift: when its holder works, as a :class:`~csroles.BusinessCalendar`;
            a position without one keeps its manager's (see
            :meth:`OrgChart.shift_of`), so a team's shift is set once on its lead.
        channel_capacity: how many interactions of each channel its holder
            takes at once (``{Channel.PHONE: 1, Channel.CHAT: 3}``); a channel
            left out uses the assignment policy's default.

    :func:`~csroles.assign` reads ``channels``, ``topics``, ``skills`` and the
    last six fields.

    >>> from csroles import Channel
    >>> rep = Position(
    ...     id="rep-7",
    ...     role="customer_service_representative",
    ...     reports_to="sup-1",
    ...     name="Giulia",
    ...     channels=[Channel.CHAT],
    ... )
    >>> rep.channels
    frozenset({<Channel.CHAT: 'chat'>})

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=v.validator(v.check_identifier))
    role: str = attrs.field(validator=v.validator(v.check_key))
    reports_to: str | None = attrs.field(
        default=None, validator=v.optional_validator(v.check_identifier)
    )
    name: str | None = attrs.field(default=None, validator=v.optional_validator(v.check_identifier))
    channels: frozenset[Channel] = attrs.field(
        default=frozenset(),
        converter=v.to_frozenset,
        validator=v.frozenset_of(v.enum_check(Channel)),
    )
    topics: frozenset[Topic] = attrs.field(
        default=frozenset(),
        converter=v.to_frozenset,
        validator=v.frozenset_of(v.enum_check(Topic)),
    )
    skills: frozenset[Skill] = attrs.field(
        default=frozenset(), converter=_to_skills, validator=_skills_validator
    )
    capacity: float | None = attrs.field(
        default=None, validator=v.optional_validator(_check_capacity)
    )
    authority: Authority | None = attrs.field(
        default=None, validator=v.optional_validator(_check_authority)
    )
    languages: frozenset[str] = attrs.field(
        default=frozenset(), converter=v.to_frozenset, validator=v.frozenset_of(_check_tag)
    )
    products: frozenset[str] = attrs.field(
        default=frozenset(),
        converter=v.to_frozenset,
        validator=v.frozenset_of(v.check_identifier),
    )
    segments: frozenset[str] = attrs.field(
        default=frozenset(),
        converter=v.to_frozenset,
        validator=v.frozenset_of(v.check_identifier),
    )
    team: str | None = attrs.field(default=None, validator=v.optional_validator(v.check_identifier))
    shift: BusinessCalendar | None = attrs.field(
        default=None, validator=v.optional_validator(_check_shift), repr=False
    )
    channel_capacity: Mapping[Channel, int] = attrs.field(
        factory=dict, converter=_to_limits, validator=_check_limits
    )


def _check_position(owner: object, field: str, value: object) -> Position:
    if not isinstance(value, Position):
        v.fail(owner, field, value, "a Position")
    return value


_check_each_position = v.items(_check_position)
_check_duty = v.enum_check(Duty)


def _check_positions(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Every item is a Position: one pass in C, item by item only to name a bad one.

    A Python call for each position, formatting its field name
    (``positions[n]``), took about a third of the time to build a chart of
    100,000 positions.
    """
    if type(value) is tuple and all(map(isinstance, value, repeat(Position))):
        return
    _check_each_position(instance, attribute, value)


def _to_catalog(value: Catalog | None) -> Catalog:
    return default_catalog() if value is None else value


def _check_catalog(owner: object, field: str, value: object) -> Catalog:
    if not isinstance(value, Catalog):
        v.fail(owner, field, value, "None (the built-in catalog) or a Catalog")
    return value


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:_LISTED])
    if len(items) > _LISTED:
        shown += f" and {len(items) - _LISTED} more"
    return shown


@attrs.frozen(kw_only=True)
class OrgChart:
    """An immutable, validated org chart.

    Args:
        positions: the positions, in the order queries list them.
        catalog: the catalog their roles come from; None for
            :func:`~csroles.default_catalog`.
        forest: whether several roots (independent trees) are allowed; a
            forest may also be empty.

    Raises:
        HierarchyError: the positions do not form a tree (or a forest): the
            message lists every duplicate id, every missing manager, every
            cycle and the roots.
        UnknownRoleError: a position's role is not in the catalog.
        InvalidEntityError: an item of ``positions`` is not a
            :class:`Position`, or ``catalog`` is not a catalog.

    >>> OrgChart(
    ...     positions=[
    ...         Position(id="a", role="call_center_manager", reports_to="b"),
    ...         Position(id="b", role="call_center_manager", reports_to="a"),
    ...         Position(id="c", role="call_center_agent", reports_to="x"),
    ...     ]
    ... )
    Traceback (most recent call last):
    ...
    csroles.errors.HierarchyError: OrgChart.positions: 'c' reports to 'x', which is not in the chart; cycle 'a' -> 'b' -> 'a'; expected one tree of positions

    .. versionadded:: 0.1.0
    """

    positions: tuple[Position, ...] = attrs.field(converter=v.to_tuple, validator=_check_positions)
    catalog: Catalog = attrs.field(
        default=None, converter=_to_catalog, validator=v.validator(_check_catalog), repr=False
    )
    forest: bool = attrs.field(default=False, validator=v.validator(v.check_flag))
    _roles: dict[str, Role] = attrs.field(init=False, repr=False, eq=False)
    _index: dict[str, int] = attrs.field(init=False, repr=False, eq=False)
    _parent: list[int] = attrs.field(init=False, repr=False, eq=False)  # -1 for a root
    _depth: list[int] = attrs.field(init=False, repr=False, eq=False)
    # Built on first use by the queries that need them (see _kids and _tour).
    _lazy: dict[str, Any] = attrs.field(init=False, repr=False, eq=False)
    # Chains of command asked for, by id, remembered (see chain_of_command).
    _chains: dict[str, tuple[Position, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index, parent, depth = _link(self.positions, forest=self.forest)
        setter = object.__setattr__
        setter(self, "_roles", _roles(self.positions, self.catalog))
        setter(self, "_index", index)
        setter(self, "_parent", parent)
        setter(self, "_depth", depth)
        setter(self, "_lazy", {})
        setter(self, "_chains", {})

    def _kids(self) -> list[list[int]]:
        """Each position's direct reports (indexes, in chart order)."""
        kids: list[list[int]] | None = self._lazy.get("kids")
        if kids is None:
            kids = [[] for _ in self._parent]
            for i, p in enumerate(self._parent):
                if p >= 0:
                    kids[p].append(i)
            self._lazy["kids"] = kids
        return kids

    def _tour(self) -> tuple[list[int], list[int], list[int]]:
        """The depth-first order, and each position's place in it and its last descendant's."""
        tour: tuple[list[int], list[int], list[int]] | None = self._lazy.get("tour")
        if tour is None:
            kids = self._kids()
            order: list[int] = []
            stack = [i for i, p in enumerate(self._parent) if p < 0]
            stack.reverse()
            while stack:
                i = stack.pop()
                order.append(i)
                stack.extend(reversed(kids[i]))
            enter = [0] * len(order)
            for at, i in enumerate(order):
                enter[i] = at
            leave = list(enter)
            parent = self._parent
            for i in reversed(order):
                p = parent[i]
                if p >= 0 and leave[i] > leave[p]:
                    leave[p] = leave[i]
            tour = (order, enter, leave)
            self._lazy["tour"] = tour
        return tour

    # ------------------------------------------------------------ lookup

    def __len__(self) -> int:
        return len(self.positions)

    def __iter__(self) -> Iterator[Position]:
        return iter(self.positions)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._index

    def _at(self, key: object, field: str = "id") -> int:
        i = self._index.get(key, -1) if isinstance(key, str) else -1
        if i < 0:
            if not isinstance(key, str):
                message = (
                    f"OrgChart.{field}: {v.with_article(type(key).__name__)}, "
                    "expected the id (a str) of a position in the chart"
                )
                raise UnknownPositionError(message)
            message = f"OrgChart.{field}: no position {_quote(key)} in the chart"
            if len(key) <= _QUOTED and len(self._index) <= 2000:
                close = v.close_matches(key, self._index)
                if close:
                    message += "; did you mean " + " or ".join(map(_quote, close)) + "?"
            raise UnknownPositionError(message)
        return i

    def position(self, id: str) -> Position:  # noqa: A002 - the field is called id
        """The position with ``id``.

        Raises:
            UnknownPositionError: no position has that id.

        >>> chart = OrgChart(positions=[Position(id="dir", role="call_center_director")])
        >>> chart.position("dir").role
        'call_center_director'
        >>> chart.position("dri")
        Traceback (most recent call last):
        ...
        csroles.errors.UnknownPositionError: OrgChart.id: no position 'dri' in the chart; did you mean 'dir'?
        """
        return self.positions[self._at(id)]

    @property
    def roots(self) -> tuple[Position, ...]:
        """The positions that report to no one (one, unless the chart is a forest)."""
        return tuple(p for p in self.positions if p.reports_to is None)

    def manager(self, id: str) -> Position | None:  # noqa: A002
        """The position ``id`` reports to, or None for a root."""
        p = self._parent[self._at(id)]
        return None if p < 0 else self.positions[p]

    def chain_of_command(self, id: str) -> tuple[Position, ...]:  # noqa: A002
        """The managers of ``id``, from its direct manager up to the root.

        Empty for a root. Linear in the depth of ``id`` the first time; the
        chain is then remembered (for positions up to 32 levels deep), so
        asking again costs a lookup.

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="dir", role="call_center_director"),
        ...         Position(id="mgr", role="call_center_manager", reports_to="dir"),
        ...     ]
        ... )
        >>> [p.id for p in chart.chain_of_command("mgr")], chart.chain_of_command("dir")
        (['dir'], ())
        """
        # Asked again: one lookup. Asked first: a plain walk up the manager
        # links, which on a large chart is bound by memory reads, not by Python:
        # so the chain is remembered in a dict, by id, holding only the
        # positions asked (a list with a slot for every position, or looking
        # for remembered chains of the managers on the way, adds a read of
        # cold memory to the query, or to each level of the walk).
        found = self._chains.get(id) if type(id) is str else None
        if found is not None:
            return found
        i = self._index.get(id, -1) if type(id) is str else -1
        if i < 0:
            i = self._at(id)  # raises, naming the problem (or finds a str subclass)
        positions = self.positions
        parent = self._parent
        chain = []
        j = parent[i]
        while j >= 0:
            chain.append(positions[j])
            j = parent[j]
        found = tuple(chain)
        if len(found) <= _REMEMBERED_DEPTH:
            self._chains[id] = found
        return found

    def reports(self, id: str) -> tuple[Position, ...]:  # noqa: A002
        """The positions that report directly to ``id``, in chart order."""
        positions = self.positions
        return tuple(positions[k] for k in self._kids()[self._at(id)])

    def all_reports(self, id: str) -> tuple[Position, ...]:  # noqa: A002
        """Every position below ``id``, depth first (each report before its own reports).

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="dir", role="call_center_director"),
        ...         Position(id="mgr", role="call_center_manager", reports_to="dir"),
        ...         Position(id="ag", role="call_center_agent", reports_to="mgr"),
        ...     ]
        ... )
        >>> [p.id for p in chart.all_reports("dir")]
        ['mgr', 'ag']
        """
        i = self._at(id)
        positions = self.positions
        order, enter, leave = self._tour()
        return tuple(positions[k] for k in order[enter[i] + 1 : leave[i] + 1])

    def span_of_control(self, id: str) -> int:  # noqa: A002
        """The number of direct reports of ``id``."""
        return len(self._kids()[self._at(id)])

    def depth(self, id: str) -> int:  # noqa: A002
        """How many managers ``id`` has above it: 0 for a root."""
        return self._depth[self._at(id)]

    def is_above(self, manager: str, report: str) -> bool:
        """Whether ``manager`` is in the chain of command of ``report``. Constant time.

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="dir", role="call_center_director"),
        ...         Position(id="mgr", role="call_center_manager", reports_to="dir"),
        ...     ]
        ... )
        >>> chart.is_above("dir", "mgr"), chart.is_above("mgr", "dir"), chart.is_above("mgr", "mgr")
        (True, False, False)
        """
        m = self._at(manager, "manager")
        r = self._at(report, "report")
        _, enter, leave = self._tour()
        return enter[m] < enter[r] <= leave[m]

    def _lowest_common(self, a: int, b: int) -> int:
        """The lowest position that is ``a``, ``b`` or above both; -1 in different trees."""
        depth = self._depth
        parent = self._parent
        while depth[a] > depth[b]:
            a = parent[a]
        while depth[b] > depth[a]:
            b = parent[b]
        while a != b:
            a = parent[a]
            b = parent[b]
            if a < 0:
                return -1
        return a

    def common_manager(self, a: str, b: str) -> Position | None:
        """The nearest position that both ``a`` and ``b`` report to, directly or not.

        A position never manages itself, so when ``a`` is above ``b`` the
        common manager is ``a``'s own manager (who would settle a conflict
        between the two); None when there is no such position (a root is
        involved, or the positions are in different trees of a forest).

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="dir", role="call_center_director"),
        ...         Position(id="mgr-1", role="call_center_manager", reports_to="dir"),
        ...         Position(id="mgr-2", role="call_center_manager", reports_to="dir"),
        ...         Position(id="ag", role="call_center_agent", reports_to="mgr-1"),
        ...     ]
        ... )
        >>> chart.common_manager("ag", "mgr-2").id, chart.common_manager("ag", "mgr-1").id
        ('dir', 'dir')
        >>> print(chart.common_manager("ag", "dir"))
        None
        """
        i = self._at(a, "a")
        j = self._at(b, "b")
        low = self._lowest_common(i, j)
        if low in (i, j):
            low = self._parent[low]
        return None if low < 0 else self.positions[low]

    def distance(self, a: str, b: str) -> int | None:
        """The number of reporting lines between ``a`` and ``b``; None in different trees.

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="mgr", role="call_center_manager"),
        ...         Position(id="ag-1", role="call_center_agent", reports_to="mgr"),
        ...         Position(id="ag-2", role="call_center_agent", reports_to="mgr"),
        ...     ]
        ... )
        >>> (
        ...     chart.distance("ag-1", "ag-2"),
        ...     chart.distance("ag-1", "mgr"),
        ...     chart.distance("mgr", "mgr"),
        ... )
        (2, 1, 0)
        """
        i = self._at(a, "a")
        j = self._at(b, "b")
        low = self._lowest_common(i, j)
        if low < 0:
            return None
        depth = self._depth
        return depth[i] + depth[j] - 2 * depth[low]

    def nearest(self, id: str, where: Callable[[Position], bool]) -> tuple[Position, ...]:  # noqa: A002
        """The positions nearest to ``id`` (in :meth:`distance`) for which ``where`` is true.

        ``id`` itself is not considered. Returns every such position at the
        smallest distance, in chart order; empty when there is none. Visits
        positions outwards from ``id``, so near answers are cheap.

        Raises:
            UnknownPositionError: ``id`` is not in the chart.
            InvalidEntityError: ``where`` is not a function.

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="mgr", role="call_center_manager"),
        ...         Position(id="ag-1", role="call_center_agent", reports_to="mgr"),
        ...         Position(id="ag-2", role="call_center_agent", reports_to="mgr"),
        ...         Position(id="ag-3", role="call_center_agent", reports_to="mgr"),
        ...     ]
        ... )
        >>> [p.id for p in chart.nearest("ag-1", lambda p: p.role == "call_center_agent")]
        ['ag-2', 'ag-3']
        """
        start = self._at(id)
        if not callable(where):
            v.fail("OrgChart.nearest", "where", where, "a function from a Position to a bool")
        positions = self.positions
        parent = self._parent
        children = self._kids()
        seen = {start}
        frontier = [start]
        while frontier:
            following: list[int] = []
            for i in frontier:
                p = parent[i]
                if p >= 0 and p not in seen:
                    seen.add(p)
                    following.append(p)
                for k in children[i]:
                    if k not in seen:
                        seen.add(k)
                        following.append(k)
            found = sorted(k for k in following if where(positions[k]))
            if found:
                return tuple(positions[k] for k in found)
            frontier = following
        return ()

    def holding(self, role: str) -> tuple[Position, ...]:
        """The positions whose role is ``role``, in chart order.

        Raises:
            UnknownRoleError: ``role`` is not in the chart's catalog.

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="mgr", role="call_center_manager"),
        ...         Position(id="ag-1", role="call_center_agent", reports_to="mgr"),
        ...     ]
        ... )
        >>> [p.id for p in chart.holding("call_center_agent")], chart.holding("telemarketer")
        (['ag-1'], ())
        """
        self.catalog.get(role)
        return tuple(p for p in self.positions if p.role == role)

    def role_of(self, id: str) -> Role:  # noqa: A002
        """The catalog's :class:`~csroles.Role` for the position ``id``.

        >>> chart = OrgChart(positions=[Position(id="mgr", role="call_center_manager")])
        >>> chart.role_of("mgr").level
        <Level.MANAGER: 'manager'>
        """
        return self._roles[self.positions[self._at(id)].role]

    def authority_of(self, id: str) -> Authority:  # noqa: A002
        """What the position ``id`` may decide alone: its own authority, else its role's.

        >>> from decimal import Decimal
        >>> from csroles import Authority
        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="mgr", role="call_center_manager"),
        ...         Position(
        ...             id="ag",
        ...             role="call_center_agent",
        ...             reports_to="mgr",
        ...             authority=Authority(refund_limit=Decimal(20), currency="EUR"),
        ...         ),
        ...     ]
        ... )
        >>> chart.authority_of("ag").refund_limit, chart.authority_of("mgr").policy_exceptions
        (Decimal('20'), True)
        """
        position = self.positions[self._at(id)]
        if position.authority is not None:
            return position.authority
        return self._roles[position.role].authority

    def topics_of(self, id: str) -> frozenset[Topic]:  # noqa: A002
        """The topics the position ``id`` covers: its role's and its own.

        >>> chart = OrgChart(positions=[Position(id="eng", role="customer_support_engineer")])
        >>> sorted(chart.topics_of("eng"))
        [<Topic.TECHNICAL_PROBLEM: 'technical_problem'>]
        """
        position = self.positions[self._at(id)]
        return self._roles[position.role].topics | position.topics

    def _inherited(self, field: str) -> list[Any]:
        """Each position's ``field``, or its nearest manager's when its own is None."""
        key = "inherited_" + field
        found: list[Any] | None = self._lazy.get(key)
        if found is None:
            order, _, _ = self._tour()
            found = [None] * len(self.positions)
            parent, positions = self._parent, self.positions
            for i in order:  # managers before their reports
                own = getattr(positions[i], field)
                found[i] = own if own is not None or parent[i] < 0 else found[parent[i]]
            self._lazy[key] = found
        return found

    def team_of(self, id: str) -> str | None:  # noqa: A002
        """The team of the position ``id``: its own, else its nearest manager's, else None.

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="lead", role="call_center_manager", team="billing"),
        ...         Position(id="ag", role="call_center_agent", reports_to="lead"),
        ...     ]
        ... )
        >>> chart.team_of("ag")
        'billing'

        .. versionadded:: 0.1.0
        """
        team: str | None = self._inherited("team")[self._at(id)]
        return team

    def shift_of(self, id: str) -> BusinessCalendar | None:  # noqa: A002
        """The shift of the position ``id``: its own, else its nearest manager's, else None.

        >>> from datetime import time
        >>> from csroles import BusinessCalendar
        >>> days = BusinessCalendar(timezone="Europe/Rome", hours={0: [(time(9), time(17))]})
        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="lead", role="call_center_manager", shift=days),
        ...         Position(id="ag", role="call_center_agent", reports_to="lead"),
        ...     ]
        ... )
        >>> chart.shift_of("ag") is days
        True

        .. versionadded:: 0.1.0
        """
        shift: BusinessCalendar | None = self._inherited("shift")[self._at(id)]
        return shift

    # ------------------------------------------------------------ advice

    def check(
        self, *, max_span: int = 15, duties: Iterable[Duty] | None = None
    ) -> tuple[ChartFinding, ...]:
        """Advisory findings about the chart; never raises for a valid chart.

        Args:
            max_span: the most direct reports a position should have.
            duties: the duties some position should own (be responsible or
                accountable for); by default every duty the catalog's roles own.

        Returns:
            The findings about positions, in chart order, then the duties no
            position owns, in :class:`~csroles.Duty` order. See
            :class:`ChartFindingCode` for the codes.

        Raises:
            InvalidEntityError: ``max_span`` is not an int of 1 or more, or
                ``duties`` holds something other than duties.

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="ag", role="call_center_agent"),
        ...         Position(id="mgr", role="call_center_manager", reports_to="ag"),
        ...     ]
        ... )
        >>> for finding in chart.check(duties=[]):
        ...     print(finding.code.value, finding.position, "-", finding.message)
        individual_at_root ag - 'ag' (call_center_agent, individual) is at the root, expected a supervisor or above
        level_inversion mgr - 'mgr' (call_center_manager, manager) reports to 'ag' (call_center_agent, individual), a lower level
        manager_without_reports mgr - 'mgr' (call_center_manager, manager) has no reports
        """
        v.check_positive_int("OrgChart.check", "max_span", max_span)
        wanted = self._wanted_duties(duties)
        findings: list[ChartFinding] = []
        positions = self.positions
        roles = self._roles
        kids = self._kids()
        for i, position in enumerate(positions):
            role = roles[position.role]
            me = f"{position.id!r} ({role.key}, {role.level.value})"
            p = self._parent[i]
            span = len(kids[i])
            if p < 0 and role.level is Level.INDIVIDUAL:
                findings.append(
                    ChartFinding(
                        code=ChartFindingCode.INDIVIDUAL_AT_ROOT,
                        position=position.id,
                        message=f"{me} is at the root, expected a supervisor or above",
                    )
                )
            if p >= 0:
                boss = positions[p]
                boss_role = roles[boss.role]
                if role.level > boss_role.level:
                    findings.append(
                        ChartFinding(
                            code=ChartFindingCode.LEVEL_INVERSION,
                            position=position.id,
                            related=(boss.id,),
                            message=f"{me} reports to {boss.id!r} ({boss_role.key}, "
                            f"{boss_role.level.value}), a lower level",
                        )
                    )
            if span == 0 and role.level > Level.INDIVIDUAL:
                findings.append(
                    ChartFinding(
                        code=ChartFindingCode.MANAGER_WITHOUT_REPORTS,
                        position=position.id,
                        message=f"{me} has no reports",
                    )
                )
            if span > max_span:
                findings.append(
                    ChartFinding(
                        code=ChartFindingCode.WIDE_SPAN,
                        position=position.id,
                        message=f"{position.id!r} has {span} direct reports, more than {max_span}",
                    )
                )
        owned = {
            r.duty
            for key in {p.role for p in positions}
            for r in roles[key].responsibilities
            if r.raci.owns
        }
        for duty in Duty:
            if duty in wanted and duty not in owned:
                owners = [
                    role.key
                    for role in self.catalog.roles
                    if any(r.duty == duty and r.raci.owns for r in role.responsibilities)
                ]
                findings.append(
                    ChartFinding(
                        code=ChartFindingCode.UNCOVERED_DUTY,
                        position=None,
                        related=tuple(owners),
                        message=f"no position owns the duty {duty.value!r}"
                        + (f" (roles that do: {', '.join(owners)})" if owners else ""),
                    )
                )
        return tuple(findings)

    def _wanted_duties(self, duties: Iterable[Duty] | None) -> frozenset[Duty]:
        if duties is None:
            return frozenset(
                r.duty for role in self.catalog.roles for r in role.responsibilities if r.raci.owns
            )
        if isinstance(duties, (str, bytes)) or not isinstance(duties, Iterable):
            v.fail("OrgChart.check", "duties", duties, "None or an iterable of Duty")
        return frozenset(
            _check_duty("OrgChart.check", f"duties[{index}]", duty)
            for index, duty in enumerate(duties)
        )

    # ------------------------------------------------------------ drawing

    def _title(self, position: Position) -> str:
        titles = self._roles[position.role].titles
        return titles.get(Language.EN) or next(iter(titles.values()))

    def _label(self, position: Position) -> str:
        name = f" ({position.name})" if position.name else ""
        return f"{position.id}: {self._title(position)}{name}"

    def to_text(self, label: Callable[[Position], str] | None = None) -> str:
        r"""The chart drawn as a text tree, one position a line, depth first.

        Args:
            label: how to write a position; by default its id, its role's
                English title and the name of the person in it.

        Raises:
            InvalidEntityError: ``label`` is not a function, or it returned
                something other than a str.

        A line shows at most 20 levels of indentation, so the text grows
        linearly with the chart, however deep: deeper positions start again
        from the left, after a mark that gives the number of levels not drawn
        (``[+20]``, ``[+40]`` ...). The tail of a chain 23 positions deep:

        >>> chain = OrgChart(
        ...     positions=[
        ...         Position(
        ...             id=f"p{n}",
        ...             role="call_center_manager",
        ...             reports_to=f"p{n - 1}" if n else None,
        ...         )
        ...         for n in range(23)
        ...     ]
        ... )
        >>> print("\n".join(chain.to_text(label=lambda p: p.id).splitlines()[19:]))
                                                                                └── p19
                                                                                    └── p20
        [+20] └── p21
        [+20]     └── p22
        """
        if label is not None and not callable(label):
            v.fail(
                "OrgChart.to_text", "label", label, "None or a function from a Position to a str"
            )
        write = label if label is not None else self._label
        positions = self.positions
        children = self._kids()
        depth = self._depth
        lines: list[str] = []
        # guide[d]: what the lines below the position at depth d on the current path draw in
        # its column (preorder: each is overwritten only once its subtree is drawn).
        guide: list[str] = []
        stack = [(r, True) for r, p in enumerate(self._parent) if p < 0]
        stack.reverse()
        while stack:
            i, final = stack.pop()
            text = write(positions[i])
            if type(text) is not str:
                msg = (
                    f"OrgChart.to_text.label: returned {v.with_article(type(text).__name__)} "
                    f"for {_quote(positions[i].id)}, expected a function returning a str"
                )
                raise InvalidEntityError(msg)
            d = depth[i]
            if d == len(guide):
                guide.append("")
            guide[d] = "    " if final else "│   "
            if d:
                start = (d - 1) // _DRAWN_LEVELS * _DRAWN_LEVELS + 1
                mark = f"[+{start - 1}] " if start > 1 else ""
                text = mark + "".join(guide[start:d]) + ("└── " if final else "├── ") + text
            lines.append(text)
            kids = children[i]
            stack.extend((k, n == 0) for n, k in enumerate(reversed(kids)))
        return "\n".join(lines)

    def _marks(
        self, method: str, findings: object
    ) -> tuple[dict[int, list[str]], dict[int, str], list[str]]:
        """The finding codes of each position, the marked reporting lines and the chart's notes."""
        if isinstance(findings, (str, bytes)) or not isinstance(findings, Iterable):
            v.fail(
                f"OrgChart.{method}",
                "findings",
                findings,
                "an iterable of ChartFinding, such as the result of check()",
            )
        codes: dict[int, list[str]] = {}
        lines: dict[int, str] = {}  # a report's index: the code marking the line to its manager
        notes: list[str] = []
        for n, finding in enumerate(findings):
            if not isinstance(finding, ChartFinding):
                v.fail(f"OrgChart.{method}", f"findings[{n}]", finding, "a ChartFinding")
            if finding.position is None:
                notes.append(finding.message)
                continue
            i = self._at(finding.position, f"{method}.findings[{n}].position")
            mine = codes.setdefault(i, [])
            if finding.code.value not in mine:
                mine.append(finding.code.value)
            p = self._parent[i]
            if (
                finding.code is ChartFindingCode.LEVEL_INVERSION
                and p >= 0
                and self.positions[p].id in finding.related
            ):
                lines[i] = finding.code.value
        return codes, lines, notes

    def to_mermaid(self, *, findings: Iterable[ChartFinding] = ()) -> str:
        """The chart as a Mermaid flowchart, for a Markdown page or a Mermaid renderer.

        Each position is a node ``p<n>`` (its place in :attr:`positions`)
        labelled with its id, its role's English title and the name of the
        person in it; a reporting line is an arrow from the manager. Any
        character of the text other than letters, digits, spaces and
        ``-_.,:/()'+@`` is written as a Mermaid entity code (``#34;`` for a
        double quote), so ids and names with quotes, brackets or line breaks
        cannot break the chart, and letters of any script stay readable.

        Args:
            findings: findings to mark, usually from :meth:`check`: a
                position's findings add a bold line of their codes and the
                ``finding`` class (a red border); a level inversion draws the
                reporting line dotted, with its code; a finding about the
                whole chart (an uncovered duty) becomes a note of its own.

        Raises:
            InvalidEntityError: ``findings`` holds something other than
                :class:`ChartFinding` values.
            UnknownPositionError: a finding is about a position not in the chart.

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="dir", role="call_center_director"),
        ...         Position(
        ...             id="ag", role="call_center_agent", reports_to="dir", name='Anna "Nan"'
        ...         ),
        ...         Position(id="mgr", role="call_center_manager", reports_to="ag"),
        ...     ]
        ... )
        >>> print(chart.to_mermaid(findings=chart.check(duties=[])))
        flowchart TD
            p0["dir<br/>Call Center Director"]
            p1["ag<br/>Call Center Agent<br/>Anna #34;Nan#34;"]
            p2["mgr<br/>Call Center Manager<br/><b>level_inversion, manager_without_reports</b>"]:::finding
            p0 --> p1
            p1 -.->|level_inversion| p2
            classDef finding stroke:#c62828,stroke-width:3px

        .. versionadded:: 0.1.0
        """
        codes, marked, notes = self._marks("to_mermaid", findings)
        lines = ["flowchart TD"]
        for i, position in enumerate(self.positions):
            text = [position.id, self._title(position)]
            if position.name is not None:
                text.append(position.name)
            label = "<br/>".join(map(_mermaid_text, text))
            mine = codes.get(i)
            if mine:
                label += "<br/><b>" + ", ".join(mine) + "</b>"
            lines.append(f'    p{i}["{label}"]' + (":::finding" if mine else ""))
        for i, p in enumerate(self._parent):
            if p >= 0:
                code = marked.get(i)
                arrow = f"-.->|{code}|" if code else "-->"
                lines.append(f"    p{p} {arrow} p{i}")
        lines.extend(f'    f{n}["{_mermaid_text(note)}"]:::finding' for n, note in enumerate(notes))
        if codes or notes:
            lines.append("    classDef finding stroke:#c62828,stroke-width:3px")
        return "\n".join(lines)

    def to_dot(self, *, findings: Iterable[ChartFinding] = ()) -> str:
        r"""The chart as a Graphviz DOT digraph, for ``dot`` or any DOT renderer.

        Each position is a node ``p<n>`` (its place in :attr:`positions`)
        labelled with its id, its role's English title and the name of the
        person in it, one a line; a reporting line is an edge from the
        manager. In the quoted text a backslash is written ``\\``, a double
        quote ``\"`` and a line break inside an id or a name ``\l``, so that
        the label keeps one line per field; letters of any script are written
        as they are (DOT text is UTF-8).

        Args:
            findings: findings to mark, usually from :meth:`check`: a
                position's findings draw it red, with their codes as its
                external label (``xlabel``); a level inversion draws the
                reporting line red, labelled with its code; findings about the
                whole chart (an uncovered duty) become the graph's label.

        Raises:
            InvalidEntityError: ``findings`` holds something other than
                :class:`ChartFinding` values.
            UnknownPositionError: a finding is about a position not in the chart.

        >>> chart = OrgChart(
        ...     positions=[
        ...         Position(id="dir", role="call_center_director"),
        ...         Position(id="ag 1", role="call_center_agent", reports_to="dir", name="山田"),
        ...     ]
        ... )
        >>> print(chart.to_dot())
        digraph org_chart {
            node [shape=box, style=rounded];
            p0 [label="dir\nCall Center Director"];
            p1 [label="ag 1\nCall Center Agent\n山田"];
            p0 -> p1;
        }

        .. versionadded:: 0.1.0
        """
        codes, marked, notes = self._marks("to_dot", findings)
        lines = ["digraph org_chart {", "    node [shape=box, style=rounded];"]
        for i, position in enumerate(self.positions):
            text = [position.id, self._title(position)]
            if position.name is not None:
                text.append(position.name)
            attributes = [f'label="{_DOT_BREAK.join(map(_dot_text, text))}"']
            mine = codes.get(i)
            if mine:
                attributes += [_DOT_RED, "penwidth=2", f'xlabel="{", ".join(mine)}"']
            lines.append(f"    p{i} [{', '.join(attributes)}];")
        for i, p in enumerate(self._parent):
            if p >= 0:
                code = marked.get(i)
                style = f' [{_DOT_RED}, penwidth=2, label="{code}"]' if code else ""
                lines.append(f"    p{p} -> p{i}{style};")
        if notes:
            label = _DOT_BREAK.join(map(_dot_text, notes))
            lines.append(f'    label="{label}"; labeljust=l; fontcolor="#c62828";')
        lines.append("}")
        return "\n".join(lines)


_DOT_BREAK = "\\n"
_DOT_RED = 'color="#c62828"'
_MERMAID_PLAIN = frozenset(" -_.,:/()'+@")


def _mermaid_text(text: str) -> str:
    """``text`` for a quoted Mermaid label: entity codes for everything but words and punctuation."""
    return "".join(c if c.isalnum() or c in _MERMAID_PLAIN else f"#{ord(c)};" for c in text)


def _dot_text(text: str) -> str:
    r"""``text`` for a quoted DOT label: backslashes and quotes escaped, line breaks as ``\l``."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\l")


def _roles(positions: tuple[Position, ...], catalog: Catalog) -> dict[str, Role]:
    """The catalog's role for each role key of the chart; UnknownRoleError names the first miss."""
    keys = set(map(_ROLE, positions))
    roles = {key: catalog.get(key) for key in keys if key in catalog}
    if len(roles) != len(keys):
        first = next(i for i, p in enumerate(positions) if p.role not in roles)
        try:
            catalog.get(positions[first].role)
        except UnknownRoleError as error:
            raise UnknownRoleError(f"OrgChart.positions[{first}].role: {error}") from None
    return roles


_ID = operator.attrgetter("id")
_ROLE = operator.attrgetter("role")
_MANAGER = operator.attrgetter("reports_to")


def _link(
    positions: tuple[Position, ...], *, forest: bool
) -> tuple[dict[str, int], list[int], list[int]]:
    """The id index, each position's manager index (-1 for a root) and depths.

    The common case, a valid chart, takes three passes that run in C (the
    index, the managers' indexes, the root count) and one walk up the
    reporting lines that sets each depth once. Any problem sends the chart to
    :func:`_refuse`, which lists them all.
    """
    count = len(positions)
    index = dict(zip(map(_ID, positions), range(count), strict=True))
    if len(index) != count:  # a duplicate id
        _refuse(positions, forest=forest)
    # dict.get through map looks every manager up in C; a temporary None key
    # gives a root -1 in the same pass, and a missing manager gets -2.
    lookup = cast("dict[str | None, int]", index)
    lookup[None] = -1
    parent = list(map(lookup.get, map(_MANAGER, positions), repeat(-2, count)))
    del lookup[None]
    if -2 in parent or (not forest and parent.count(-1) != 1):
        _refuse(positions, forest=forest)
    depth = _depths(parent)
    if depth is None:
        _refuse(positions, forest=forest)
    return index, parent, depth


def _depths(parent: list[int]) -> list[int] | None:
    """Each position's depth, each set once; None on a cycle.

    A position whose manager's depth is known (or a root) is set at once;
    otherwise the walk goes up, marking the positions it passes (-2), to the
    first known depth, and sets the depths on the way back. Meeting a mark
    again means a cycle.
    """
    depth = [-1] * len(parent)
    for start, up in enumerate(parent):
        if depth[start] >= 0:
            continue
        if up < 0:
            depth[start] = 0
            continue
        level = depth[up]
        if level >= 0:
            depth[start] = level + 1
            continue
        depth[start] = -2
        path = [start]
        i = up
        while i >= 0:
            level = depth[i]
            if level >= 0:
                break
            if level == -2:  # already on this walk: a cycle
                return None
            depth[i] = -2
            path.append(i)
            i = parent[i]
        else:
            level = -1  # the walk reached a root
        for k in reversed(path):
            level += 1
            depth[k] = level
    return depth


def _refuse(positions: tuple[Position, ...], *, forest: bool) -> NoReturn:
    """Raise the HierarchyError that lists every structural problem of the chart."""
    ids = list(map(_ID, positions))
    # The first position with an id wins (reversed, so earlier ones overwrite).
    index = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
    parent = [-1 if m is None else index.get(m, -2) for m in map(_MANAGER, positions)]
    problems: list[str] = []
    duplicates = [
        f"{_quote(key)} (positions {index[key]} and {i})"
        for i, key in enumerate(ids)
        if index[key] != i
    ]
    if duplicates:
        problems.append("duplicate ids " + _listing(duplicates))
    missing = [
        f"{_quote(positions[i].id)} reports to {_quote(str(positions[i].reports_to))}, "
        "which is not in the chart"
        for i, p in enumerate(parent)
        if p == -2
    ]
    problems.extend(missing[:_LISTED])
    if len(missing) > _LISTED:
        problems.append(f"and {len(missing) - _LISTED} more positions with a missing manager")
    walkable = [-1 if p == -2 else p for p in parent]
    cycles = _cycles(walkable)
    problems.extend(_cycle_excerpt([positions[i].id for i in c]) for c in cycles[:_LISTED])
    if len(cycles) > _LISTED:
        problems.append(f"and {len(cycles) - _LISTED} more cycles")
    roots = [i for i, p in enumerate(parent) if p == -1]
    if not forest and len(roots) != 1 and not cycles:
        named = _listing([_quote(positions[i].id) for i in roots])
        problems.append(f"{len(roots)} roots" + (f" ({named})" if roots else ""))
    expected = "a forest of positions" if forest else "one tree of positions"
    if not forest and len(roots) > 1:
        expected += " (pass forest=True to allow several roots)"
    msg = f"OrgChart.positions: {'; '.join(problems)}; expected {expected}"
    raise HierarchyError(msg)


def _cycle_excerpt(ids: list[str]) -> str:
    """A cycle in words: whole when short, else its first positions, its last one and its length."""
    if len(ids) <= _CYCLE_SHOWN + 1:
        return "cycle " + " -> ".join(map(_quote, [*ids, ids[0]]))
    head = " -> ".join(map(_quote, ids[:_CYCLE_SHOWN]))
    hidden = len(ids) - _CYCLE_SHOWN - 1
    return (
        f"cycle of {len(ids)} positions {head} -> ({hidden} more) -> "
        f"{_quote(ids[-1])} -> {_quote(ids[0])}"
    )


def _cycles(parent: list[int]) -> list[list[int]]:
    """Every cycle of the parent pointers, each listed from its first position in chart order."""
    state = [0] * len(parent)  # 0 unseen, 1 on the current walk, 2 done
    cycles: list[list[int]] = []
    for start in range(len(parent)):
        if state[start]:
            continue
        walk: list[int] = []
        i = start
        while i >= 0 and state[i] == 0:
            state[i] = 1
            walk.append(i)
            i = parent[i]
        if i >= 0 and state[i] == 1:
            cycle = walk[walk.index(i) :]
            first = cycle.index(min(cycle))
            cycles.append(cycle[first:] + cycle[:first])
        for k in walk:
            state[k] = 2
    return cycles
