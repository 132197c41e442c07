"""Assignment: which position takes an interaction now, ranked, with the reasons.

:func:`~csroles.route` names the *roles* that should take an interaction;
:func:`assign` picks the *position* (the person's seat) of an org chart that
takes it now, the way a help desk's omnichannel router does: from what each
position covers, its shift, its current load and who owns the customer's
account. csroles keeps no state: the caller passes the current ``load`` and,
for round robin, the cursor in the :class:`AssignmentPolicy`.

A position **fits** an interaction when it covers it:

1. it covers the topic (:meth:`OrgChart.topics_of <csroles.OrgChart.topics_of>`:
   its role owns a duty covering it, as routing says, or the position lists it);
2. it works the channel (its role's channels or its own);
3. it speaks one of the customer's languages (same primary language subtag;
   a position or customer that records no languages does not restrict);
4. it supports the interaction's ``product`` and serves the customer's
   ``segment`` (a position listing none supports or serves all).

It is **available** when it is also on shift at ``now`` (its
:meth:`~csroles.OrgChart.shift_of` calendar is open; a position without a
shift counts as always on shift unless the policy requires shifts) and under
its capacity on the channel (its ``channel_capacity``, else the policy's).

Among available positions, each is in a **tier**: first choice when its level
suits the current priority (:func:`~csroles.levels_for`) and it is in the
interaction's ``group`` (its :meth:`~csroles.OrgChart.team_of`; any team when
the interaction has no group); then each overflow of the policy in turn:
``next_level`` (same team, a level above those that suit the priority) and
``other_teams`` (another team, a suitable level). Positions in no tier are not
candidates. The ranking key, smallest first:

1. the owner of the interaction's account (its portfolio's position) first,
   whatever its tier, when it is available;
2. the tier;
3. for ``next_level``, the nearer level first;
4. the policy's rule: ``least_loaded``: the lowest share of the channel's
   capacity in use, then the fewest interactions over all channels;
   ``round_robin``: chart order, starting after the cursor and wrapping
   around; ``most_skilled``: the most of the ``skills`` asked for, then the
   most skills, then the lowest share of capacity in use;
5. chart order.

>>> from datetime import datetime, UTC
>>> from csroles import Channel, Direction, EventKind, Interaction, OrgChart, Position
>>> from csroles import Priority, Topic
>>> from csroles.interactions import Event
>>> chart = OrgChart(
...     positions=[
...         Position(id="lead", role="call_center_manager"),
...         Position(id="ag-1", role="call_center_agent", reports_to="lead"),
...         Position(id="ag-2", role="call_center_agent", reports_to="lead"),
...     ]
... )
>>> t0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
>>> call = Interaction(
...     id="T-1",
...     customer_id="C-1",
...     channel=Channel.PHONE,
...     direction=Direction.INBOUND,
...     topic=Topic.BILLING,
...     priority=Priority.NORMAL,
...     events=[Event(kind=EventKind.OPENED, at=t0)],
... )
>>> done = assign(call, chart, now=t0, load={"ag-1": {Channel.PHONE: 1}})
>>> done.position
'ag-2'
>>> print(done.explain())
'ag-2' takes it: a first choice, while the next candidate, 'lead', is reached only by the next_level overflow
  1. ag-2: covers billing, works phone, individual level suits normal priority, 0 of 1 phone in use
  2. lead: covers billing, works phone, manager level, while normal priority calls for individual, overflow to the next level, 0 of 1 phone in use

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import heapq
from bisect import insort
from collections.abc import Iterable, Iterator, KeysView, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple, final

import attrs

from csroles import _validation as v
from csroles._frozen import FrozenMap
from csroles.customers import Customer
from csroles.errors import UnknownPositionError
from csroles.hierarchy import OrgChart
from csroles.interactions import Interaction
from csroles.portfolios import PortfolioPlan
from csroles.roles import Skill, _check_skill, _to_skills
from csroles.routing import levels_for
from csroles.sla.clocks import sla_statuses
from csroles.sla.policy import SLA
from csroles.sla.selection import PolicySet
from csroles.vocabulary import Channel, Level, Topic

__all__ = [
    "DEFAULT_CAPACITY",
    "Assignment",
    "AssignmentCandidate",
    "AssignmentPolicy",
    "AssignmentRule",
    "Overflow",
    "PositionLoads",
    "QueueAssignment",
    "Refusal",
    "assign",
    "assign_queue",
]


class AssignmentRule(enum.StrEnum):
    """How :func:`assign` orders the available positions of one tier.

    >>> from csroles import AssignmentRule
    >>> [rule.value for rule in AssignmentRule]
    ['least_loaded', 'round_robin', 'most_skilled']

    .. versionadded:: 0.1.0
    """

    LEAST_LOADED = "least_loaded"
    """The lowest share of the channel's capacity in use, then the fewest interactions."""
    ROUND_ROBIN = "round_robin"
    """Chart order, starting after the policy's cursor and wrapping around."""
    MOST_SKILLED = "most_skilled"
    """The most of the skills asked for, then the most skills, then the least loaded."""


class Overflow(enum.StrEnum):
    """Where an interaction goes when no first-choice position is available.

    >>> from csroles import Overflow
    >>> Overflow("next_level")
    <Overflow.NEXT_LEVEL: 'next_level'>

    .. versionadded:: 0.1.0
    """

    NEXT_LEVEL = "next_level"
    """The interaction's team, at a level above those its priority calls for."""
    OTHER_TEAMS = "other_teams"
    """Another team than the interaction's group, at a level its priority calls for."""


class Refusal(enum.StrEnum):
    """Why a position of the chart is not a candidate for an interaction.

    >>> from csroles import Refusal
    >>> Refusal.OFF_SHIFT.value
    'off_shift'

    .. versionadded:: 0.1.0
    """

    NOT_COVERED = "not_covered"
    """It does not cover the topic or does not work the channel."""
    LANGUAGE = "language"
    """It speaks none of the customer's languages."""
    PRODUCT = "product"
    """It does not support the interaction's product."""
    SEGMENT = "segment"
    """It does not serve the customer's segment."""
    OFF_SHIFT = "off_shift"
    """Its shift is closed at the time of the assignment."""
    AT_CAPACITY = "at_capacity"
    """It already has as many interactions of the channel as it takes at once."""
    OUT_OF_TIER = "out_of_tier"
    """Its level or team is in no tier of the policy (no overflow reaches it)."""


DEFAULT_CAPACITY: Mapping[Channel, int] = FrozenMap(
    {
        Channel.PHONE: 1,
        Channel.EMAIL: 10,
        Channel.CHAT: 3,
        Channel.SOCIAL: 5,
        Channel.FACE_TO_FACE: 1,
        Channel.FAX: 10,
        Channel.MAIL: 10,
        Channel.VIDEO: 1,
        Channel.MESSAGING: 3,
    }
)
"""How many interactions of each channel one person takes at once, by default.

A call, a video call or a visitor at a time; three chats or messaging
conversations; five social posts; ten emails, letters or faxes.

>>> from csroles import DEFAULT_CAPACITY, Channel
>>> DEFAULT_CAPACITY[Channel.CHAT], DEFAULT_CAPACITY[Channel.EMAIL]
(3, 10)

.. versionadded:: 0.1.0
"""

_EXPECTED_CAPACITY = "a mapping from a Channel to a whole number of 1 or more"


def _to_capacity(value: Mapping[Channel, int]) -> Mapping[Channel, int]:
    given: object = value
    if not isinstance(given, Mapping):
        return value
    return FrozenMap({v.to_member(Channel, key) or key: count for key, count in value.items()})


def _check_capacity(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Mapping):
        v.fail(instance, attribute.name, value, _EXPECTED_CAPACITY)
    for key, count in value.items():
        if not isinstance(key, Channel):
            v.fail(instance, attribute.name, key, f"Channel keys: {_EXPECTED_CAPACITY}")
        if type(count) is not int or count < 1:
            v.fail(
                instance, f"{attribute.name}[{key.value!r}]", count, "a whole number of 1 or more"
            )


def _check_overflow(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.tuple_of(v.enum_check(Overflow))(instance, attribute, value)
    steps: tuple[Overflow, ...] = value  # type: ignore[assignment]  # checked just above
    if len(set(steps)) != len(steps):
        v.fail(instance, attribute.name, value, "each Overflow at most once")


def _check_shortlist(owner: object, field: str, value: object) -> int:
    if type(value) is not int or value < 1:
        v.fail(owner, field, value, "None or a whole number of 1 or more")
    return value


def _check_cursor(owner: object, field: str, value: object) -> str:
    return v.check_identifier(owner, field, value)


@attrs.frozen(kw_only=True)
class AssignmentPolicy:
    """How :func:`assign` chooses among the positions that may take an interaction.

    Args:
        rule: how positions of one tier are ordered (:class:`AssignmentRule`).
        cursor: for round robin, the id of the position assigned last: the
            next one in chart order after it comes first. None starts at the
            top of the chart. The caller keeps it (``attrs.evolve(policy,
            cursor=assignment.position)``); :func:`assign_queue` moves it along.
        overflow: where interactions go, in turn, when no first-choice
            position is available; empty to wait for one.
        require_shift: whether every position must have a shift (its own or
            a manager's); when False a position without one is always on shift.
        ownership: whether the owner of the interaction's account comes first.
        capacity: interactions at once per channel, for positions that do not
            set their own; a channel left out is not limited.
        shortlist: how many candidates an :class:`Assignment` lists, best
            first (the chosen one included); None lists them all.

    Raises:
        InvalidEntityError: a field breaks these rules (a capacity of zero,
            an overflow listed twice ...).

    >>> from csroles import AssignmentPolicy, AssignmentRule, Channel
    >>> policy = AssignmentPolicy(rule=AssignmentRule.ROUND_ROBIN, cursor="ag-2")
    >>> policy.overflow
    (<Overflow.NEXT_LEVEL: 'next_level'>, <Overflow.OTHER_TEAMS: 'other_teams'>)
    >>> AssignmentPolicy(capacity={Channel.CHAT: 0})
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: AssignmentPolicy.capacity['chat']: 0, expected a whole number of 1 or more

    .. versionadded:: 0.1.0
    """

    rule: AssignmentRule = attrs.field(
        default=AssignmentRule.LEAST_LOADED, validator=v.member_of(AssignmentRule)
    )
    cursor: str | None = attrs.field(default=None, validator=v.optional_validator(_check_cursor))
    overflow: tuple[Overflow, ...] = attrs.field(
        default=(Overflow.NEXT_LEVEL, Overflow.OTHER_TEAMS),
        converter=v.to_tuple,
        validator=_check_overflow,
    )
    require_shift: bool = attrs.field(default=False, validator=v.validator(v.check_flag))
    ownership: bool = attrs.field(default=True, validator=v.validator(v.check_flag))
    capacity: Mapping[Channel, int] = attrs.field(
        factory=lambda: DEFAULT_CAPACITY, converter=_to_capacity, validator=_check_capacity
    )
    shortlist: int | None = attrs.field(
        default=10, validator=v.optional_validator(_check_shortlist)
    )


@attrs.frozen(kw_only=True)
class AssignmentCandidate:
    """A position that may take an interaction now, its rank and why.

    Attributes:
        position: the position's id.
        rank: 1 for the best candidate, then 2, 3 ...
        owner: whether it owns the interaction's account.
        overflow: the overflow that reached it, or None for a first choice.
        level: its role's level.
        load: interactions of the channel it has now.
        limit: how many of them it takes at once (None: no limit).
        total_load: interactions it has now over all channels.
        skills: how many of the skills asked for it has.
        reasons: the facts above in words, for people.

    >>> from csroles import AssignmentCandidate, Level
    >>> AssignmentCandidate(
    ...     position="ag-1",
    ...     rank=1,
    ...     owner=False,
    ...     overflow=None,
    ...     level=Level.INDIVIDUAL,
    ...     load=0,
    ...     limit=3,
    ...     total_load=0,
    ...     skills=0,
    ...     reasons=("works chat",),
    ... ).limit
    3

    .. versionadded:: 0.1.0
    """

    position: str
    rank: int
    owner: bool
    overflow: Overflow | None
    level: Level
    load: int
    limit: int | None
    total_load: int
    skills: int
    reasons: tuple[str, ...]


def _to_refusals(value: Mapping[Refusal, int]) -> Mapping[Refusal, int]:
    given: object = value
    if not isinstance(given, Mapping):
        v.fail(Assignment, "refusals", value, "a mapping from Refusal to a count")
    return FrozenMap(value)


@attrs.frozen(kw_only=True)
class Assignment:
    """Who takes an interaction now, the ranked candidates and why.

    Attributes:
        interaction_id: the interaction assigned.
        position: the id of the position that takes it, or None when nobody
            may (``reason`` says why).
        candidates: the available positions, best first (at most the
            policy's ``shortlist``).
        reason: what tipped the choice (or why nobody takes it), in words.
        refusals: for each :class:`Refusal`, how many positions of the chart
            it ruled out (only those that ruled some out).
        overflow: the overflow that reached the chosen position, or None.

    >>> from csroles import Assignment, Refusal
    >>> Assignment(
    ...     interaction_id="T-1",
    ...     position=None,
    ...     candidates=(),
    ...     reason="nobody takes it: positions off shift: 2",
    ...     refusals={Refusal.OFF_SHIFT: 2},
    ... ).position is None
    True

    .. versionadded:: 0.1.0
    """

    interaction_id: str
    position: str | None
    candidates: tuple[AssignmentCandidate, ...]
    reason: str
    refusals: Mapping[Refusal, int] = attrs.field(factory=dict, converter=_to_refusals)
    overflow: Overflow | None = None

    def explain(self) -> str:
        """The reason, then each candidate with its reasons, one a line.

        >>> from csroles import Assignment
        >>> print(
        ...     Assignment(
        ...         interaction_id="T-1", position=None, candidates=(), reason="no one"
        ...     ).explain()
        ... )
        no one
        """
        lines = [self.reason]
        lines.extend(f"  {c.rank}. {c.position}: {', '.join(c.reasons)}" for c in self.candidates)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class QueueAssignment:
    """The result of :func:`assign_queue`: one assignment per interaction, and the loads after.

    Attributes:
        assignments: one :class:`Assignment` per interaction, in the order
            they were assigned (priority, then due time; see :func:`assign_queue`).
        load: the load of every position after the queue: the given load plus
            each interaction assigned, per channel.
        cursor: the round-robin cursor after the queue (the position assigned
            last), to pass on in the next policy.

    >>> from csroles import QueueAssignment
    >>> QueueAssignment(assignments=(), load={}, cursor=None).assignments
    ()

    .. versionadded:: 0.1.0
    """

    assignments: tuple[Assignment, ...]
    load: Mapping[str, Mapping[Channel, int]]
    cursor: str | None

    @property
    def assigned(self) -> dict[str, str]:
        """Interaction id -> position id, for the interactions someone takes.

        >>> from csroles import Assignment, QueueAssignment
        >>> done = Assignment(interaction_id="T-1", position="ag-1", candidates=(), reason="...")
        >>> QueueAssignment(assignments=(done,), load={}, cursor="ag-1").assigned
        {'T-1': 'ag-1'}
        """
        return {a.interaction_id: a.position for a in self.assignments if a.position is not None}


_ORDINAL = {channel: n for n, channel in enumerate(Channel, start=1)}  # after the total


def _to_position_counts(value: Mapping[str, Mapping[Channel, int]]) -> Mapping[str, Any]:
    """Read-only counts with channels as members; anything else is left for the check."""
    given: object = value
    if not isinstance(given, Mapping):
        return value
    items: Iterable[tuple[Any, object]] = value.items()
    data: dict[Any, Any] = {
        key: FrozenMap._owning({v.to_member(Channel, c) or c: n for c, n in counts.items()})
        if isinstance(counts, Mapping)
        else counts
        for key, counts in items
    }
    return FrozenMap._owning(data)


def _check_position_counts(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, Mapping):
        v.fail(instance, attribute.name, value, "a mapping from a position id to channel counts")
    for key, counts in value.items():
        v.check_identifier(instance, f"{attribute.name} key", key)
        _counts(instance, key, _plain(counts), attribute.name)


def _plain(counts: object) -> Any:
    """The dict a FrozenMap holds (read in C), or ``counts`` as it is."""
    return counts._data if type(counts) is FrozenMap else counts


@final
@attrs.frozen(eq=False)
class PositionLoads(Mapping[str, Mapping[Channel, int]]):
    """How many interactions each position has now, per channel: a load checked once.

    A read-only mapping from a position id to its counts per channel, as the
    ``load`` of :func:`assign` and :func:`assign_queue` reads them; a position
    left out has none. A plain mapping passed as ``load`` is checked each
    time it is read; a ``PositionLoads`` is checked when it is built, and
    :func:`assign` reads its counts without checking them again (its position
    ids are checked against each chart it is used with, once). A help desk that keeps its
    loads as they change builds the next one with :meth:`took` and
    :meth:`released`, which check only what they change.

    It compares equal to any mapping with the same counts, hashes, pickles and
    round-trips through the converter as ``{"counts": {...}}``.

    Args:
        counts: position id -> channel (a :class:`~csroles.Channel` or its
            value) -> how many interactions of the channel it has now.

    Raises:
        InvalidEntityError: a position id is not a non-empty string, or its
            counts are not a mapping from channels to whole numbers of 0 or more.

    >>> from csroles import Channel, PositionLoads
    >>> loads = PositionLoads({"ag-1": {Channel.PHONE: 1}, "ag-2": {"chat": 2}})
    >>> loads["ag-2"]
    {<Channel.CHAT: 'chat'>: 2}
    >>> loads.took("ag-2", Channel.CHAT)["ag-2"][Channel.CHAT]
    3
    >>> loads == {"ag-1": {Channel.PHONE: 1}, "ag-2": {Channel.CHAT: 2}}
    True
    >>> PositionLoads({"ag-1": {Channel.PHONE: -1}})
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: PositionLoads.counts['ag-1']['phone']: -1, expected a whole number of 0 or more

    .. versionadded:: 0.1.0
    """

    counts: Mapping[str, Mapping[Channel, int]] = attrs.field(
        factory=dict, converter=_to_position_counts, validator=_check_position_counts
    )
    # position id -> (total over all channels, then the count of each channel in Channel order)
    _packed: dict[str, tuple[int, ...]] = attrs.field(init=False, repr=False)
    # The last chart whose positions were found to hold every id (charts are immutable).
    _chart: Any = attrs.field(init=False, default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self, "_packed", {key: _pack(_plain(c)) for key, c in _plain(self.counts).items()}
        )

    def __getitem__(self, position: str) -> Mapping[Channel, int]:
        if type(position) is not str:  # every id is a str: nothing else is hashed
            raise KeyError(position)
        return _plain(self.counts)[position]  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    def __contains__(self, position: object) -> bool:
        return type(position) is str and position in _plain(self.counts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PositionLoads):
            return self.counts == other.counts
        if isinstance(other, Mapping):
            return self.counts == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.counts)

    def took(self, position: str, channel: Channel | str, count: int = 1) -> PositionLoads:
        """These loads, with ``position`` holding ``count`` more interactions of ``channel``.

        Args:
            position: the position's id.
            channel: the channel (a :class:`~csroles.Channel` or its value).
            count: how many more; 1 or more.

        Raises:
            InvalidEntityError: an argument is not of the form above.

        >>> from csroles import Channel, PositionLoads
        >>> PositionLoads().took("ag-1", "email", 2)
        PositionLoads(counts={'ag-1': {<Channel.EMAIL: 'email'>: 2}})
        """
        member = self._change("took", position, channel, count)
        return self._with(position, member, self._held(position, member) + count)

    def released(self, position: str, channel: Channel | str, count: int = 1) -> PositionLoads:
        """These loads, with ``position`` holding ``count`` fewer interactions of ``channel``.

        Args:
            position: the position's id.
            channel: the channel (a :class:`~csroles.Channel` or its value).
            count: how many fewer; 1 or more, at most as many as it holds.

        Raises:
            InvalidEntityError: an argument is not of the form above.

        >>> from csroles import Channel, PositionLoads
        >>> PositionLoads({"ag-1": {Channel.CHAT: 3}}).released("ag-1", Channel.CHAT)
        PositionLoads(counts={'ag-1': {<Channel.CHAT: 'chat'>: 2}})
        >>> PositionLoads().released("ag-1", Channel.CHAT)
        Traceback (most recent call last):
        ...
        csroles.errors.InvalidEntityError: PositionLoads.released.count: 1, expected at most 0 (the chat interactions 'ag-1' has)
        """
        member = self._change("released", position, channel, count)
        held = self._held(position, member)
        if count > held:
            v.fail(
                self,
                "released.count",
                count,
                f"at most {held} (the {member.value} interactions {position!r} has)",
            )
        return self._with(position, member, held - count)

    def _change(self, method: str, position: object, channel: object, count: object) -> Channel:
        v.check_identifier(self, f"{method}.position", position)
        member = v.to_member(Channel, channel)
        if member is None:
            v.fail(self, f"{method}.channel", channel, "a Channel or its value")
        if type(count) is not int or count < 1:
            v.fail(self, f"{method}.count", count, "a whole number of 1 or more")
        return member

    def _held(self, position: str, channel: Channel) -> int:
        packed = self._packed.get(position)
        return 0 if packed is None else packed[_ORDINAL[channel]]

    def _with(self, position: str, channel: Channel, held: int) -> PositionLoads:
        """A copy with one count set: what changes is all that is checked (by the caller)."""
        data: dict[str, Mapping[Channel, int]] = _plain(self.counts).copy()
        counts = dict(_plain(data.get(position, _EMPTY)))
        counts[channel] = held
        data[position] = FrozenMap._owning(counts)
        packed = self._packed.copy()
        packed[position] = _pack(counts)
        new = object.__new__(PositionLoads)
        object.__setattr__(new, "counts", FrozenMap._owning(data))
        object.__setattr__(new, "_packed", packed)
        chart = self._chart
        kept = chart is not None and position in chart._index
        object.__setattr__(new, "_chart", chart if kept else None)
        return new

    def __reduce__(self) -> tuple[type[PositionLoads], tuple[dict[str, dict[Channel, int]]]]:
        return (PositionLoads, ({key: dict(c) for key, c in self.counts.items()},))


def _pack(counts: Mapping[Channel, int]) -> tuple[int, ...]:
    """A position's total, then its count of each channel in Channel order."""
    return (sum(counts.values()), *map(counts.get, _CHANNEL_ORDER, _ZEROS))


_CHANNEL_ORDER = tuple(Channel)
_ZEROS = (0,) * len(_CHANNEL_ORDER)


# ------------------------------------------------------------------ the chart, prepared


@attrs.frozen
class _Seat:
    """What assignment reads of one position, computed once per chart."""

    index: int
    id: str
    level: Level
    channels: frozenset[Channel]
    topics: frozenset[Topic]
    skills: frozenset[Skill]
    languages: frozenset[str]  # primary subtags, lower case
    products: frozenset[str]
    segments: frozenset[str]
    team: str | None
    shift: Any
    limits: dict[Channel, int]


def _primary(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def _seats(chart: OrgChart) -> tuple[_Seat, ...]:
    found: tuple[_Seat, ...] | None = chart._lazy.get("assign_seats")
    if found is None:
        teams = chart._inherited("team")
        shifts = chart._inherited("shift")
        roles = chart._roles
        found = tuple(
            _Seat(
                index=i,
                id=p.id,
                level=roles[p.role].level,
                channels=roles[p.role].channels | p.channels,
                topics=roles[p.role].topics | p.topics,
                skills=roles[p.role].skills | p.skills,
                languages=frozenset(map(_primary, p.languages)),
                products=p.products,
                segments=p.segments,
                team=teams[i],
                shift=shifts[i],
                limits=dict(p.channel_capacity),  # a dict's get runs in C
            )
            for i, p in enumerate(chart.positions)
        )
        chart._lazy["assign_seats"] = found
    return found


def _covering(chart: OrgChart, topic: Topic, channel: Channel) -> tuple[_Seat, ...]:
    """The positions covering a topic and working a channel, in chart order (cached)."""
    key = f"assign_covering {topic.value} {channel.value}"
    found: tuple[_Seat, ...] | None = chart._lazy.get(key)
    if found is None:
        found = tuple(s for s in _seats(chart) if topic in s.topics and channel in s.channels)
        chart._lazy[key] = found
    return found


# ------------------------------------------------------------------ checks of arguments

_EMPTY: Mapping[Channel, int] = FrozenMap({})


_CHANNELS = frozenset(Channel)  # a channel's plain value finds its member here too
_ABOVE: tuple[Any, ...] = (2,)  # above every ranking key, whose first item is a bool
_MISSING: Any = object()  # a position the load leaves out (a None it holds is refused)


def _loads(
    fn: str, chart: OrgChart, load: object, *, every_count: bool = True
) -> Mapping[str, Mapping[Channel, int]]:
    """The load, checked: positions of the chart, channels, whole counts of 0 or more.

    A valid load is returned as it is (read by position id); a channel's plain
    value (``"chat"``) finds the member, as a str enum hashes as its value.
    The counts of a :class:`PositionLoads` were checked when it was built, and
    its ids are checked once for each chart (kept with it: charts are immutable).
    With ``every_count`` False only the mapping and its position ids are checked:
    :func:`assign` checks the counts of each position as it reads them
    (:func:`_scan`), and never reads those of a position that does not fit the
    interaction or is off shift.
    """
    if not isinstance(load, Mapping):
        v.fail(
            fn, "load", load, "a mapping from a position id to a mapping from Channel to a count"
        )
    index = chart._index
    if isinstance(load, PositionLoads):  # its counts are checked already; its ids once a chart
        if load._chart is not chart:
            _ids_in_chart(fn, _plain(load.counts).keys(), index)  # a dict's keys compare in C
            object.__setattr__(load, "_chart", chart)
        return load
    _ids_in_chart(fn, load.keys(), index)
    if not every_count or _plain_counts(load):
        return load
    for key, counts in load.items():
        _counts(fn, key, counts)
    return load


def _ids_in_chart(fn: str, keys: KeysView[Any], index: Mapping[str, int]) -> None:
    if not keys <= index.keys():
        key = next(k for k in keys if k not in index)
        message = f"{fn}.load: {v.quote(key)}, expected the id of a position in the chart"
        raise UnknownPositionError(message)


def _plain_counts(load: Mapping[Any, Any]) -> bool:
    """Whether every count is a dict of channels to whole numbers of 0 or more (the fast path)."""
    channels = _CHANNELS
    for counts in load.values():
        if type(counts) is not dict:
            return False
        for channel, count in counts.items():
            if type(count) is not int or count < 0 or channel not in channels:
                return False
    return True


def _counts(fn: object, key: str, counts: object, field: str = "load") -> Mapping[Channel, int]:
    """One position's counts, checked in full: a mapping from channels to whole numbers of 0 or more.

    ``fn.field[key]`` names them in the error (``assign.load['ag-1']``).
    """
    if not isinstance(counts, Mapping):
        v.fail(fn, f"{field}[{key!r}]", counts, "a mapping from Channel to a count of 0 or more")
    if not counts.keys() <= _CHANNELS:
        _load_problem(fn, key, counts, field)
    for count in counts.values():
        if type(count) is not int or count < 0:
            _load_problem(fn, key, counts, field)
    return counts


def _load_problem(fn: object, key: str, counts: Mapping[Any, object], field: str = "load") -> None:
    """Raise for the first bad channel or count of one position's load."""
    for channel, count in counts.items():
        member = v.to_member(Channel, channel)
        if member is None:
            v.fail(fn, f"{field}[{key!r}]", channel, "Channel keys")
        if type(count) is not int or count < 0:
            v.fail(fn, f"{field}[{key!r}][{member.value!r}]", count, "a whole number of 0 or more")


def _policy(fn: str, chart: OrgChart, policy: object) -> AssignmentPolicy:
    if policy is None:
        return _DEFAULT_POLICY
    if not isinstance(policy, AssignmentPolicy):
        v.fail(fn, "policy", policy, "None or an AssignmentPolicy")
    if policy.cursor is not None and policy.cursor not in chart:
        message = (
            f"{fn}.policy.cursor: {policy.cursor!r}, expected the id of a position in the chart"
        )
        raise UnknownPositionError(message)
    if policy.require_shift:
        seats = _seats(chart)
        for seat in seats:
            if seat.shift is None:
                v.fail(
                    fn,
                    f"chart.positions[{seat.index}].shift",
                    None,
                    f"a BusinessCalendar for {seat.id!r} (or one of its managers): "
                    "the policy requires shifts",
                )
    return policy


_DEFAULT_POLICY = AssignmentPolicy()


def _owners(fn: str, portfolios: object) -> Mapping[str, str]:
    if portfolios is None:
        return {}
    if isinstance(portfolios, PortfolioPlan):
        return portfolios.assignments
    if not isinstance(portfolios, Mapping):
        v.fail(
            fn,
            "portfolios",
            portfolios,
            "None, a PortfolioPlan or a mapping from account id to position id",
        )
    return portfolios


def _owner_index(fn: str, chart: OrgChart, owners: Mapping[str, str], account: str | None) -> int:
    if account is None:
        return -1
    owner = owners.get(account)
    if owner is None:
        return -1
    i = chart._index.get(owner, -1) if type(owner) is str else -1
    if i < 0:
        message = (
            f"{fn}.portfolios: account {account!r} is carried by {v.quote(owner)}, "
            "expected the id of a position in the chart"
        )
        raise UnknownPositionError(message)
    return i


def _skills(fn: str, skills: object) -> frozenset[Skill]:
    if skills == ():
        return frozenset()
    if not isinstance(skills, list | tuple | set | frozenset):
        v.fail(fn, "skills", skills, "a list, tuple or set of Skill or 'kind:name' text")
    needed = _to_skills(skills)
    for item in needed:
        _check_skill(fn, "skills", item)
    return frozenset(needed)


def _customer(fn: str, customer: object, interaction: Interaction) -> Customer | None:
    if customer is None:
        return None
    if not isinstance(customer, Customer):
        v.fail(fn, "customer", customer, "None or a Customer")
    if customer.id != interaction.customer_id:
        v.fail(
            fn, "customer", customer.id, f"the interaction's customer {interaction.customer_id!r}"
        )
    return customer


# ------------------------------------------------------------------ ranking


@attrs.define
class _Context:
    """What one assignment needs besides the interaction."""

    chart: OrgChart
    policy: AssignmentPolicy
    now: datetime
    needed: frozenset[Skill]
    check: str | None = None  # the function whose load's counts are checked as they are read
    open_shifts: dict[int, bool] = attrs.Factory(dict)  # id(calendar) -> open at now

    def on_shift(self, shift: Any) -> bool:
        key = id(shift)
        known = self.open_shifts.get(key)
        if known is None:
            known = shift.is_open(self.now)
            self.open_shifts[key] = known
        return known


class _Scored(NamedTuple):
    """One available position, its ranking key and the figures its reasons show."""

    key: tuple[Any, ...]
    seat: _Seat
    used: int
    limit: int | None
    total: int
    held: int
    tier: int


# A position that passes the checks that do not depend on loads or time:
# (seat, its limit on the channel, its tier (-1: none), its level distance).
_Row = tuple[_Seat, int | None, int, int]
_Flat = tuple[str, int, int | None, int, int]


@attrs.frozen(eq=False)
class _Static:
    """What one kind of interaction finds in a chart before loads and shifts: cached."""

    not_covered: int
    language: int
    product: int
    segment: int
    groups: tuple[tuple[Any, tuple[_Row, ...]], ...]  # by shift (None: no shift), chart order
    # The same rows, flat, for assign's scan: (id, index, limit, tier, distance).
    flat: tuple[tuple[_Flat, ...], ...]
    # The reasons of a candidate that depend only on the position and its tier.
    words: dict[tuple[int, int], tuple[str, ...]] = attrs.field(factory=dict)


_STATIC_CACHED = 4096  # kinds of interaction remembered per chart


def _static(
    chart: OrgChart, interaction: Interaction, customer: Customer | None, policy: AssignmentPolicy
) -> _Static:
    channel, topic = interaction.channel, interaction.topic
    priority = interaction.current_priority
    group = interaction.group
    languages = (
        frozenset(map(_primary, customer.languages)) if customer is not None else frozenset()
    )
    segment = customer.segment if customer is not None else None
    product = interaction.product
    default_limit = policy.capacity.get(channel)
    key = (
        topic,
        channel,
        priority,
        group,
        languages,
        segment,
        product,
        policy.overflow,
        default_limit,
    )
    cache: dict[tuple[Any, ...], _Static] = chart._lazy.setdefault("assign_static", {})
    found = cache.get(key)
    if found is not None:
        return found
    suitable = levels_for(priority)
    top = max(suitable)
    tiers = {step: n + 1 for n, step in enumerate(policy.overflow)}
    next_tier = tiers.get(Overflow.NEXT_LEVEL, -1)
    other_tier = tiers.get(Overflow.OTHER_TEAMS, -1)
    covering = _covering(chart, topic, channel)
    language = products = segments = 0
    groups: dict[int, tuple[Any, list[_Row]]] = {}
    for seat in covering:
        if languages and seat.languages and not (languages & seat.languages):
            language += 1
            continue
        if product is not None and seat.products and product not in seat.products:
            products += 1
            continue
        if segment is not None and seat.segments and segment not in seat.segments:
            segments += 1
            continue
        in_team = group is None or seat.team == group
        level = seat.level
        distance = 0
        if level in suitable:
            tier = 0 if in_team else other_tier
        elif level > top and in_team:
            tier = next_tier
            distance = level.rank - top.rank
        else:
            tier = -1
        limit = seat.limits.get(channel, default_limit)
        groups.setdefault(id(seat.shift), (seat.shift, []))[1].append((seat, limit, tier, distance))
    found = _Static(
        not_covered=len(chart.positions) - len(covering),
        language=language,
        product=products,
        segment=segments,
        groups=tuple((shift, tuple(rows)) for shift, rows in groups.values()),
        flat=tuple(
            tuple((s.id, s.index, limit, tier, distance) for s, limit, tier, distance in rows)
            for _, rows in groups.values()
        ),
    )
    if len(cache) >= _STATIC_CACHED:
        cache.clear()
    cache[key] = found
    return found


def _rank(  # noqa: PLR0917 (the parts of one assignment, prepared by the callers)
    ctx: _Context,
    interaction: Interaction,
    customer: Customer | None,
    owner: int,
    loads: Mapping[str, Mapping[Channel, int]],
    cursor: int,
    alive: dict[_Static, _Alive] | None = None,
    queue: _Queue | None = None,
) -> Assignment:
    policy = ctx.policy
    static = _static(ctx.chart, interaction, customer, policy)
    refusals = dict(_NO_REFUSALS)
    refusals[Refusal.NOT_COVERED] = static.not_covered
    refusals[Refusal.LANGUAGE] = static.language
    refusals[Refusal.PRODUCT] = static.product
    refusals[Refusal.SEGMENT] = static.segment
    if queue is not None:
        keys = queue.rank(static, interaction.channel, owner, refusals)
    else:
        keys = _scan(ctx, interaction.channel, static, owner, loads, cursor, refusals, alive)
    shown = policy.shortlist
    top = heapq.nsmallest(shown, keys) if shown is not None else sorted(keys)
    refused = {r: n for r, n in refusals.items() if n}
    if not top:
        return Assignment(
            interaction_id=interaction.id,
            position=None,
            candidates=(),
            reason=_nobody(refused),
            refusals=refused,
        )
    seats, channel = _seats(ctx.chart), interaction.channel
    default_limit = policy.capacity.get(channel)
    best = [_details(ctx, seats, channel, default_limit, key, loads) for key in top]
    words = _Words(
        interaction, levels_for(interaction.current_priority), policy, ctx.needed, static.words
    )
    candidates = tuple(
        AssignmentCandidate(
            position=item.seat.id,
            rank=rank,
            owner=item.key[0] is False,
            overflow=words.overflow(item.tier),
            level=item.seat.level,
            load=item.used,
            limit=item.limit,
            total_load=item.total,
            skills=item.held,
            reasons=words.reasons(item),
        )
        for rank, item in enumerate(best, start=1)
    )
    first = candidates[0]
    return Assignment(
        interaction_id=interaction.id,
        position=first.position,
        candidates=candidates,
        reason=f"{first.position!r} takes it: " + words.tipped(best),
        refusals=refused,
        overflow=first.overflow,
    )


def _details(  # noqa: PLR0917 (what a ranked position's figures are read from)
    ctx: _Context,
    seats: tuple[_Seat, ...],
    channel: Channel,
    default_limit: int | None,
    key: tuple[Any, ...],
    loads: Mapping[str, Mapping[Channel, int]],
) -> _Scored:
    """The figures of a ranked position, read again for its reasons."""
    seat = seats[key[-1]]
    if type(loads) is PositionLoads:
        entry = loads._packed.get(seat.id)
        used, total = (0, 0) if entry is None else (entry[_ORDINAL[channel]], entry[0])
    else:
        counts = loads.get(seat.id) or _EMPTY
        used, total = counts.get(channel, 0), sum(counts.values())
    return _Scored(
        key,
        seat,
        used,
        seat.limits.get(channel, default_limit),
        total,
        len(ctx.needed & seat.skills) if ctx.needed else 0,
        key[1],
    )


def _scan(  # noqa: PLR0912, PLR0915, PLR0917 (one pass, kept flat for speed)
    ctx: _Context,
    channel: Channel,
    static: _Static,
    owner: int,
    loads: Mapping[str, Mapping[Channel, int]],
    cursor: int,
    refusals: dict[Refusal, int],
    alive: dict[_Static, _Alive] | None = None,
) -> list[tuple[Any, ...]]:
    """The ranking key of every available position in a tier (or the owner); counts refusals.

    A key ends with the position's index in the chart; assign's least-loaded
    scan keeps only the best keys, as many as the policy's shortlist. With ``alive`` (a
    queue, whose loads only grow), positions found at capacity are left out of
    the next scans of the same kind of interaction, and counted as such.

    With ``ctx.check`` (:func:`assign`, whose load has only its position ids
    checked), the counts of each position read (it fits and is on shift) are
    checked in full as they are read, and the first bad one is refused,
    named as :func:`_loads` names it.
    """
    policy = ctx.policy
    rule = policy.rule
    count = len(ctx.chart.positions)
    needed = ctx.needed
    last = len(policy.overflow) + 1
    get = loads.get
    check, channels = ctx.check, _CHANNELS
    shown, worst = policy.shortlist, _ABOVE
    wtier = wdist = -2  # the worst key's tier and distance, once the shortlist is full
    wshare = 2.0  # and its share: above any share until then
    off = full = out = 0
    keys: list[tuple[Any, ...]] = []
    add = keys.append
    least, robin = rule is AssignmentRule.LEAST_LOADED, rule is AssignmentRule.ROUND_ROBIN
    state = None
    groups = static.groups
    if alive is not None:
        state = alive.get(static)
        if state is None:
            state = alive[static] = _Alive(groups=[(shift, list(rows)) for shift, rows in groups])
        groups = state.groups  # type: ignore[assignment]
        full = state.pruned
    found: list[int] = []
    packed = loads._packed if type(loads) is PositionLoads else None
    ordinal = _ORDINAL[channel]
    for n, (shift, rows) in enumerate(groups):
        if shift is not None and not ctx.on_shift(shift):
            off += len(rows)
            continue
        if least and state is None and (packed is not None or check is not None):
            # assign's common case, kept tight: a PositionLoads is read as it is, a plain
            # load's counts are checked as they are read.
            for sid, index, limit, tier, distance in static.flat[n]:
                if packed is not None:
                    entry = packed.get(sid)
                    total, used = (0, 0) if entry is None else (entry[0], entry[ordinal])
                else:
                    counts = get(sid, _MISSING)
                    if counts is _MISSING:
                        used = total = 0
                    else:
                        if type(counts) is not dict:
                            counts = _counts(check, sid, counts)
                        total = 0
                        for key, number in counts.items():
                            if type(number) is not int or number < 0 or key not in channels:
                                _load_problem(check, sid, counts)
                            total += number
                        used = counts.get(channel, 0)
                if limit is None:
                    share = 0.0
                elif used >= limit:
                    full += 1
                    continue
                else:
                    share = used / limit
                if tier >= 0:
                    if share > wshare and tier == wtier and distance == wdist and index != owner:
                        continue  # ranks after the worst key kept: no key to build
                    row = (index != owner, tier, distance, share, total, index)
                elif index == owner:
                    row = (False, last, distance, share, total, index)
                else:
                    out += 1
                    continue
                if row < worst:  # only the best ``shown`` keys are kept
                    if shown is None:
                        add(row)
                    else:
                        insort(keys, row)
                        if len(keys) > shown:
                            keys.pop()
                        if len(keys) == shown:
                            worst = keys[-1]
                            wtier, wdist, wshare = worst[1], worst[2], worst[3]
            continue
        for seat, limit, tier, distance in rows:
            counts = get(seat.id)
            if check is not None and seat.id in loads:  # a None is refused too
                counts = _counts(check, seat.id, counts)
            used = counts.get(channel, 0) if counts else 0
            if limit is not None and used >= limit:
                full += 1
                found.append(seat.index)
                continue
            index = seat.index
            if tier < 0:
                if index != owner:
                    out += 1
                    continue
                rank = last
            else:
                rank = tier
            if least:
                share = used / limit if limit is not None else 0.0
                total = sum(counts.values()) if counts else 0
                add((index != owner, rank, distance, share, total, index))
            elif robin:
                add((index != owner, rank, distance, (index - cursor - 1) % count, index))
            else:
                share = used / limit if limit is not None else 0.0
                held = len(needed & seat.skills) if needed else 0
                add((index != owner, rank, distance, -held, -len(seat.skills), share, index))
    if state is not None and found:
        gone = set(found)
        state.groups = [
            (shift, [r for r in rows if r[0].index not in gone]) for shift, rows in state.groups
        ]
        state.pruned += len(gone)
    refusals[Refusal.OFF_SHIFT] = off
    refusals[Refusal.AT_CAPACITY] = full
    refusals[Refusal.OUT_OF_TIER] = out
    return keys


@attrs.define
class _Alive:
    """The positions of one kind of interaction not yet at capacity, during a queue."""

    groups: list[tuple[Any, list[_Row]]]
    pruned: int = 0


class _Queue:
    """What :func:`assign_queue` keeps between assignments, for the rules whose order a heap holds.

    Loads only grow during a queue and a position's ranking key depends only
    on its own load, so for least loaded and most skilled each kind of
    interaction keeps a heap of the positions under capacity (entries of a
    position whose load changed since are stale and dropped when met), and
    the counts of positions at capacity and out of tier are kept up to date
    as each assignment is made. The result is the one a full scan gives.
    """

    def __init__(self, ctx: _Context, loads: dict[str, dict[Channel, int]]) -> None:
        self.ctx = ctx
        self.loads = loads
        self.versions: dict[int, int] = {}
        self.heaps: dict[_Static, _Heap] = {}
        self.by_seat: dict[int, list[_Heap]] = {}

    def key(
        self, row: _Row, counts: Mapping[Channel, int] | None, channel: Channel
    ) -> tuple[Any, ...]:
        seat, limit, tier, distance = row
        used = counts.get(channel, 0) if counts else 0
        share = used / limit if limit is not None else 0.0
        if self.ctx.policy.rule is AssignmentRule.LEAST_LOADED:
            total = sum(counts.values()) if counts else 0
            return (tier, distance, share, total, seat.index)
        needed = self.ctx.needed
        held = len(needed & seat.skills) if needed else 0
        return (tier, distance, -held, -len(seat.skills), share, seat.index)

    def heap(self, static: _Static, channel: Channel) -> _Heap:
        found = self.heaps.get(static)
        if found is not None:
            return found
        ctx, loads, versions = self.ctx, self.loads, self.versions
        state = _Heap(channel=channel)
        for shift, rows in static.groups:
            if shift is not None and not ctx.on_shift(shift):
                state.off += len(rows)
                continue
            for row in rows:
                seat, limit, tier, _ = row
                counts = loads.get(seat.id)
                used = counts.get(channel, 0) if counts else 0
                if limit is not None and used >= limit:
                    state.full += 1
                    continue
                index = seat.index
                state.rows[index] = row
                self.by_seat.setdefault(index, []).append(state)
                if tier < 0:
                    state.out += 1
                else:
                    state.entries.append((self.key(row, counts, channel), versions.get(index, 0)))
        heapq.heapify(state.entries)
        self.heaps[static] = state
        return state

    def took(self, position: str, index: int, channel: Channel) -> None:
        """Position ``index`` took an interaction of ``channel``: update every heap it is in."""
        version = self.versions.get(index, 0) + 1
        self.versions[index] = version
        counts = self.loads.get(position)
        states = self.by_seat.get(index, [])
        kept = []
        for state in states:
            row = state.rows[index]
            _, limit, tier, _ = row
            if (
                state.channel is channel
                and limit is not None
                and counts
                and counts.get(channel, 0) >= limit
            ):
                state.full += 1
                del state.rows[index]
                if tier < 0:
                    state.out -= 1
                continue
            kept.append(state)
            if tier >= 0:
                heapq.heappush(state.entries, (self.key(row, counts, state.channel), version))
        self.by_seat[index] = kept

    def rank(
        self, static: _Static, channel: Channel, owner: int, refusals: dict[Refusal, int]
    ) -> list[tuple[Any, ...]]:
        """The keys of the best positions (as many as the shortlist), as a scan would give them."""
        state = self.heap(static, channel)
        shown = self.ctx.policy.shortlist
        assert shown is not None  # noqa: S101 (the caller scans when the shortlist is all)
        keys: list[tuple[Any, ...]] = []
        out = state.out
        row = state.rows.get(owner)
        if row is not None:
            tier = row[2]
            if tier < 0:
                out -= 1
                tier = len(self.ctx.policy.overflow) + 1
            seat = row[0]
            mine = self.key((seat, row[1], tier, row[3]), self.loads.get(seat.id), channel)
            keys.append((False, *mine))
        versions, entries = self.versions, state.entries
        popped = []
        while entries and len(keys) < shown:
            entry = heapq.heappop(entries)
            index = entry[0][-1]
            if entry[1] != versions.get(index, 0):
                continue  # stale: the position's load changed since
            popped.append(entry)
            if index != owner:
                keys.append((True, *entry[0]))
        for entry in popped:
            heapq.heappush(entries, entry)
        refusals[Refusal.OFF_SHIFT] = state.off
        refusals[Refusal.AT_CAPACITY] = state.full
        refusals[Refusal.OUT_OF_TIER] = out
        return keys


@attrs.define(eq=False)
class _Heap:
    """One kind of interaction during a queue: the positions under capacity and the counts."""

    channel: Channel
    rows: dict[int, _Row] = attrs.Factory(dict)  # on shift and under capacity, by index
    entries: list[tuple[tuple[Any, ...], int]] = attrs.Factory(list)  # (key, version)
    off: int = 0
    full: int = 0
    out: int = 0


_NO_REFUSALS = dict.fromkeys(Refusal, 0)
_REFUSAL_WORDS = {
    Refusal.NOT_COVERED: "not covering the topic and channel",
    Refusal.LANGUAGE: "speaking none of the customer's languages",
    Refusal.PRODUCT: "not supporting the product",
    Refusal.SEGMENT: "not serving the customer's segment",
    Refusal.OFF_SHIFT: "off shift",
    Refusal.AT_CAPACITY: "at capacity on the channel",
    Refusal.OUT_OF_TIER: "at a level or in a team no overflow of the policy reaches",
}


def _nobody(refused: Mapping[Refusal, int]) -> str:
    if not refused:
        return "nobody takes it: the chart has no positions"
    parts = [f"{_REFUSAL_WORDS[r]}: {n}" for r, n in refused.items()]
    return "nobody takes it: positions " + ", ".join(parts)


@attrs.define
class _Words:
    """The words of one assignment's reasons; those shared by every candidate made once."""

    interaction: Interaction
    suitable: tuple[Level, ...]
    policy: AssignmentPolicy
    needed: frozenset[Skill]
    known: dict[tuple[int, int], tuple[str, ...]]  # the static words of (position, tier)
    channel: str = attrs.field(init=False)
    start: tuple[str, str] = attrs.field(init=False)
    asked: int = attrs.field(init=False)

    def overflow(self, tier: int) -> Overflow | None:
        steps = self.policy.overflow
        return steps[tier - 1] if 1 <= tier <= len(steps) else None

    def __attrs_post_init__(self) -> None:
        interaction = self.interaction
        self.channel = interaction.channel._value_
        self.start = (f"covers {interaction.topic._value_}", f"works {self.channel}")
        self.asked = len(self.needed)

    def reasons(self, item: _Scored) -> tuple[str, ...]:
        seat, used, limit = item.seat, item.used, item.limit
        known = self.known.get((seat.index, item.tier))
        if known is None:
            known = self._fixed(seat, item.tier)
            self.known[seat.index, item.tier] = known
        channel = self.channel
        load = (
            f"{used} of {limit} {channel} in use"
            if limit is not None
            else f"{used} {channel} in use, no limit"
        )
        words = (*known, load)
        if self.asked:
            words = (*words, f"has {item.held} of the {self.asked} skills asked for")
        if item.key[0] is False:
            words = (f"owns the account {self.interaction.account_id}", *words)
        return words

    def _fixed(self, seat: _Seat, tier: int) -> tuple[str, ...]:
        """The reasons that depend only on the position and its tier, for this kind of interaction."""
        priority = self.interaction.current_priority._value_
        level = seat.level._value_
        if seat.level in self.suitable:
            fits = f"{level} level suits {priority} priority"
        else:
            wanted = " or ".join(x._value_ for x in self.suitable)
            fits = f"{level} level, while {priority} priority calls for {wanted}"
        words = [*self.start, fits]
        step = self.overflow(tier)
        if step is Overflow.OTHER_TEAMS:
            words.append(f"overflow to another team ({seat.team or 'no team'})")
        elif step is Overflow.NEXT_LEVEL:
            words.append("overflow to the next level")
        if seat.shift is not None:
            words.append("on shift")
        return tuple(words)

    def tipped(self, best: list[_Scored]) -> str:  # noqa: PLR0911 (one answer per key part)
        if len(best) == 1:
            return "the only candidate"
        mine, theirs = best[0], best[1]
        a, b = mine.key, theirs.key
        seat, other = mine.seat, theirs.seat
        used, limit, total, held = mine.used, mine.limit, mine.total, mine.held
        o_used, o_limit, o_total, o_held = theirs.used, theirs.limit, theirs.total, theirs.held
        if a[0] != b[0]:
            return f"owns the account {self.interaction.account_id}"
        if a[1] != b[1]:
            step, later = self.overflow(mine.tier), self.overflow(theirs.tier)
            reached = "a first choice" if step is None else f"reached by the {step.value} overflow"
            after = "no overflow" if later is None else f"the {later.value} overflow"
            return f"{reached}, while the next candidate, {other.id!r}, is reached only by {after}"
        if a[2] != b[2]:
            return (
                f"its level ({seat.level.value}) is nearer to those the priority calls for "
                f"than {other.id!r}'s"
            )
        rule = self.policy.rule
        channel = self.interaction.channel.value
        if rule is AssignmentRule.ROUND_ROBIN:
            cursor = self.policy.cursor
            return (
                "first in chart order"
                if cursor is None
                else f"next in the round robin after {cursor!r}"
            )
        if rule is AssignmentRule.LEAST_LOADED:
            if a[3] != b[3]:
                return f"least loaded on {channel}: {used} of {limit} in use, against {o_used} of {o_limit} for {other.id!r}"
            if a[4] != b[4]:
                return f"fewest interactions in all: {total}, against {o_total} for {other.id!r}"
        else:
            if a[3] != b[3]:
                return f"most skilled: {held} of the skills asked for, against {o_held} for {other.id!r}"
            if a[4] != b[4]:
                return (
                    f"most skills: {len(seat.skills)}, against {len(other.skills)} for {other.id!r}"
                )
            if a[5] != b[5]:
                return f"least loaded on {channel}: {used} of {limit} in use, against {o_used} of {o_limit} for {other.id!r}"
        return f"tied with {other.id!r}: first in chart order"


# ------------------------------------------------------------------ the public functions


def assign(
    interaction: Interaction,
    chart: OrgChart,
    *,
    now: datetime,
    load: Mapping[str, Mapping[Channel, int]],
    customer: Customer | None = None,
    portfolios: PortfolioPlan | Mapping[str, str] | None = None,
    skills: Iterable[Skill | str] = (),
    policy: AssignmentPolicy | None = None,
) -> Assignment:
    """The position of ``chart`` that takes ``interaction`` at ``now``, the ranked candidates and why.

    The module documentation lists the checks, the tiers and the ranking
    key. The result depends only on the arguments, and is deterministic.

    Args:
        interaction: the interaction to assign; its channel, topic, current
            priority, ``group``, ``product`` and ``account_id`` are read.
        chart: the org chart whose positions may take it.
        now: the time of the assignment (an aware datetime), at which shifts are read.
        load: position id -> channel -> how many interactions it has now;
            a position left out has none. Its position ids are all checked;
            the counts of a position are read, and checked, only when the
            position fits the interaction and is on shift (see below). A
            :class:`PositionLoads` is checked when built, and read faster.
        customer: the interaction's customer, for languages and segment.
        portfolios: who owns which account: a :class:`~csroles.PortfolioPlan`
            or a mapping from account id to position id.
        skills: skills the interaction needs (:class:`~csroles.Skill` or
            ``kind:name`` text), for the most-skilled rule and the reasons.
        policy: the rule, overflow and capacities; :class:`AssignmentPolicy` () by default.

    Raises:
        UnknownPositionError: ``load``, the policy's cursor or the owner of
            the interaction's account names a position not in the chart.
        InvalidEntityError: the customer is not the interaction's, the policy
            requires shifts and a position has none (its own or a manager's),
            an argument is of the wrong type, or the load of a position that
            fits the interaction and is on shift is not a mapping from
            channels to whole numbers of 0 or more (checked after the other
            arguments, as the positions are read). The load of a position that
            does not fit or is off shift is not read, so a bad count there is
            not refused; :func:`assign_queue` checks every count of its load.
        CalendarError: ``now`` is not an aware datetime.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, EventKind, Interaction, OrgChart, Position
    >>> from csroles import Priority, Topic
    >>> from csroles.interactions import Event
    >>> chart = OrgChart(
    ...     positions=[
    ...         Position(id="sup", role="customer_service_supervisor"),
    ...         Position(id="rep-1", role="customer_service_representative", reports_to="sup"),
    ...         Position(id="rep-2", role="customer_service_representative", reports_to="sup"),
    ...     ]
    ... )
    >>> t0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
    >>> mail = Interaction(
    ...     id="T-2",
    ...     customer_id="C-2",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.RETURN,
    ...     priority=Priority.NORMAL,
    ...     events=[Event(kind=EventKind.OPENED, at=t0)],
    ...     account_id="acme",
    ... )
    >>> busy = {"rep-1": {Channel.EMAIL: 4}, "rep-2": {Channel.EMAIL: 2}}
    >>> assign(mail, chart, now=t0, load=busy).reason
    "'rep-2' takes it: least loaded on email: 2 of 10 in use, against 4 of 10 for 'rep-1'"
    >>> assign(mail, chart, now=t0, load=busy, portfolios={"acme": "rep-1"}).reason
    "'rep-1' takes it: owns the account acme"

    .. versionadded:: 0.1.0
    """
    fn = "assign"
    if not isinstance(interaction, Interaction):
        v.fail(fn, "interaction", interaction, "an Interaction")
    if not isinstance(chart, OrgChart):
        v.fail(fn, "chart", chart, "an OrgChart")
    v.check_aware(fn, "now", now)
    loads = _loads(fn, chart, load, every_count=False)  # the counts: as they are read
    checked = _policy(fn, chart, policy)
    who = _customer(fn, customer, interaction)
    owners = _owners(fn, portfolios)
    owner = _owner_index(fn, chart, owners, interaction.account_id) if checked.ownership else -1
    check = None if type(loads) is PositionLoads else fn  # a PositionLoads is checked already
    ctx = _Context(chart=chart, policy=checked, now=now, needed=_skills(fn, skills), check=check)
    cursor = -1 if checked.cursor is None else chart._index[checked.cursor]
    return _rank(ctx, interaction, who, owner, loads, cursor)


def assign_queue(
    interactions: Iterable[Interaction],
    chart: OrgChart,
    *,
    now: datetime,
    load: Mapping[str, Mapping[Channel, int]],
    customers: Iterable[Customer] | Mapping[str, Customer] | None = None,
    portfolios: PortfolioPlan | Mapping[str, str] | None = None,
    sla: SLA | PolicySet | None = None,
    policy: AssignmentPolicy | None = None,
) -> QueueAssignment:
    """Assign a queue of interactions one by one, counting each against the loads as it goes.

    The queue is taken in order of current priority (urgent first), then of
    the earliest due time of an SLA clock still counting (with ``sla``;
    interactions without one come after those with one), then of opening
    time, then as given. Each interaction is assigned as :func:`assign` would,
    with the load as it stands after those before it (so nobody ever goes over
    a capacity), and the round-robin cursor moved to each position chosen.
    An interaction nobody may take leaves the loads as they are.

    Args:
        interactions: the queue.
        chart: the org chart.
        now: the time of the assignment.
        load: the load before the queue, as for :func:`assign`.
        customers: the interactions' customers (by id, or as an iterable),
            for languages, segments and SLA zones.
        portfolios: who owns which account, as for :func:`assign`.
        sla: the SLA (or policy set) whose clocks give the due times.
        policy: as for :func:`assign`.

    Raises:
        UnknownPositionError, InvalidEntityError, CalendarError: as :func:`assign`;
            also for two interactions with the same id.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, EventKind, Interaction, OrgChart, Position
    >>> from csroles import Priority, Topic
    >>> from csroles.interactions import Event
    >>> chart = OrgChart(
    ...     positions=[
    ...         Position(id="lead", role="call_center_manager"),
    ...         Position(id="ag-1", role="call_center_agent", reports_to="lead"),
    ...     ]
    ... )
    >>> t0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
    >>> calls = [
    ...     Interaction(
    ...         id=f"call-{n}",
    ...         customer_id="C-1",
    ...         channel=Channel.PHONE,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.BILLING,
    ...         priority=priority,
    ...         events=[Event(kind=EventKind.OPENED, at=t0)],
    ...     )
    ...     for n, priority in enumerate([Priority.NORMAL, Priority.HIGH])
    ... ]
    >>> queue = assign_queue(calls, chart, now=t0, load={})
    >>> queue.assigned, queue.load
    ({'call-1': 'ag-1', 'call-0': 'lead'}, {'lead': {<Channel.PHONE: 'phone'>: 1}, 'ag-1': {<Channel.PHONE: 'phone'>: 1}})

    .. versionadded:: 0.1.0
    """
    fn = "assign_queue"
    if not isinstance(chart, OrgChart):
        v.fail(fn, "chart", chart, "an OrgChart")
    if not v.is_collection(interactions):
        v.fail(fn, "interactions", interactions, f"{v.COLLECTION} of Interactions")
    queue = list(interactions)
    seen: set[str] = set()
    for n, item in enumerate(queue):
        if not isinstance(item, Interaction):
            v.fail(fn, f"interactions[{n}]", item, "an Interaction")
        if item.id in seen:
            v.fail(
                fn, f"interactions[{n}].id", item.id, "an id no other interaction of the queue has"
            )
        seen.add(item.id)
    v.check_aware(fn, "now", now)
    loads: dict[str, dict[Channel, int]] = {
        key: {Channel(channel): count for channel, count in counts.items()}
        for key, counts in _loads(fn, chart, load).items()
    }
    checked = _policy(fn, chart, policy)
    by_id = _customers(fn, customers)
    owners = _owners(fn, portfolios)
    if sla is not None and not isinstance(sla, SLA | PolicySet):
        v.fail(fn, "sla", sla, "None, an SLA or a PolicySet")
    due = _due_times(sla, queue, now, by_id)
    order = sorted(
        range(len(queue)),
        key=lambda n: (
            -queue[n].current_priority.rank,
            due[n] is None,
            due[n] or now,
            queue[n].opened_at,
            n,
        ),
    )
    ctx = _Context(chart=chart, policy=checked, now=now, needed=frozenset())
    cursor = -1 if checked.cursor is None else chart._index[checked.cursor]
    done: list[Assignment] = []
    alive: dict[_Static, _Alive] = {}
    heaps = (
        _Queue(ctx, loads)
        if checked.rule is not AssignmentRule.ROUND_ROBIN and checked.shortlist is not None
        else None
    )
    for n in order:
        interaction = queue[n]
        who = by_id.get(interaction.customer_id)
        owner = _owner_index(fn, chart, owners, interaction.account_id) if checked.ownership else -1
        result = _rank(ctx, interaction, who, owner, loads, cursor, alive, heaps)
        done.append(result)
        if result.position is not None:
            counts = loads.setdefault(result.position, {})
            counts[interaction.channel] = counts.get(interaction.channel, 0) + 1
            cursor = chart._index[result.position]
            if heaps is not None:
                heaps.took(result.position, cursor, interaction.channel)
            if checked.rule is AssignmentRule.ROUND_ROBIN:
                ctx.policy = checked = attrs.evolve(checked, cursor=result.position)
    positions = chart.positions
    return QueueAssignment(
        assignments=tuple(done),
        load={key: FrozenMap(loads[key]) for key in sorted(loads, key=chart._index.__getitem__)},
        cursor=None if cursor < 0 else positions[cursor].id,
    )


def _customers(fn: str, customers: object) -> Mapping[str, Customer]:
    if customers is None:
        return {}
    if isinstance(customers, Mapping):
        items: Iterable[object] = customers.values()
    elif v.is_collection(customers):
        items = customers  # type: ignore[assignment]  # a collection: iterable
    else:
        v.fail(fn, "customers", customers, "None, customers by id or an iterable of Customers")
    found: dict[str, Customer] = {}
    for n, item in enumerate(items):
        if not isinstance(item, Customer):
            v.fail(fn, f"customers[{n}]", item, "a Customer")
        found[item.id] = item
    return found


def _due_times(
    sla: SLA | PolicySet | None,
    queue: Sequence[Interaction],
    now: datetime,
    customers: Mapping[str, Customer],
) -> list[datetime | None]:
    if sla is None:
        return [None] * len(queue)
    due: list[datetime | None] = []
    for clocks in sla_statuses(sla, queue, now, customers):
        times = [c.due_at for c in clocks if c.state.value in _COUNTING and c.due_at is not None]
        due.append(min(times) if times else None)
    return due


_COUNTING = frozenset({"running", "warning", "breached"})
