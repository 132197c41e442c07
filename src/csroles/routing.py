"""Routing: which roles should take an interaction first, ranked, with the reasons.

A candidate is a role that owns (is responsible or accountable for) a duty
covering the interaction's topic: nothing else may handle it. Candidates are
ranked, best first, by these rules in turn:

1. it works the interaction's channel;
2. it works the interaction's direction (inbound contacts, or outbound ones);
3. it has more of the skills the interaction needs (only when ``skills`` are given);
4. its level suits the current priority (``low`` and ``normal``: individual;
   ``high``: individual or supervisor; ``urgent``: supervisor or manager),
   or failing that is as close to it as possible;
5. it is responsible for the duty (does the work) rather than accountable;
6. its support tier is lower (first line before second line; no tier counts as first line);
7. it is more specialised: fewer channels, then fewer topics;
8. catalog order.

Routing is total on the built-in catalog (every topic has an owner); on a
catalog where no role owns the topic it raises :class:`~csroles.RoutingError`.

>>> from datetime import datetime, timezone
>>> from csroles import Channel, Direction, EventKind, Priority, Topic, route
>>> from csroles.interactions import Event, Interaction
>>> chat = Interaction(
...     id="T-1",
...     customer_id="C-1",
...     channel=Channel.CHAT,
...     direction=Direction.INBOUND,
...     topic=Topic.QUESTION,
...     priority=Priority.NORMAL,
...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=timezone.utc))],
... )
>>> best = route(chat)[0]
>>> best.role.key
'live_chat_agent'
>>> for reason in best.reasons:
...     print(reason)
works chat
takes inbound contacts
question is within its duty answer_product_questions (responsible)
individual level suits normal priority
first line (tier 1)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, cast

import attrs

from csroles._validation import enum_check, fail
from csroles.catalog import Catalog, default_catalog
from csroles.errors import RoutingError
from csroles.interactions import Interaction
from csroles.roles import Duty, Raci, Responsibility, Role, Skill, _check_skill, _to_skills
from csroles.vocabulary import Channel, Direction, Level, Priority, Topic

__all__ = ["RoutingCandidate", "levels_for", "route"]

_LEVELS_FOR: dict[Priority, tuple[Level, ...]] = {
    Priority.LOW: (Level.INDIVIDUAL,),
    Priority.NORMAL: (Level.INDIVIDUAL,),
    Priority.HIGH: (Level.INDIVIDUAL, Level.SUPERVISOR),
    Priority.URGENT: (Level.SUPERVISOR, Level.MANAGER),
}


_check_priority = enum_check(Priority)


def levels_for(priority: Priority) -> tuple[Level, ...]:
    """The levels that suit an interaction of ``priority``, lowest first.

    >>> from csroles import Priority, levels_for
    >>> [level.value for level in levels_for(Priority.URGENT)]
    ['supervisor', 'manager']

    .. versionadded:: 0.1.0
    """
    return _LEVELS_FOR[_check_priority("levels_for", "priority", priority)]


@attrs.frozen(kw_only=True)
class RoutingCandidate:
    """A role that may take an interaction, its rank and why.

    Attributes:
        role: The role.
        rank: 1 for the best candidate, then 2, 3 ...
        duty: The role's duty that covers the interaction's topic.
        raci: The role's letter for that duty (responsible or accountable).
        works_channel: Whether the role works the interaction's channel.
        works_direction: Whether the role works the interaction's direction.
        level_fits: Whether the role's level suits the interaction's current priority.
        missing_skills: The skills asked for that the role does not list
            (:attr:`Role.skills <csroles.Role.skills>`); empty when none were asked for.
        reasons: The facts above in words, in ranking order, for people.

    >>> from datetime import datetime, timezone
    >>> from csroles import Channel, Direction, EventKind, Priority, Topic, route
    >>> from csroles.interactions import Event
    >>> mail = Interaction(
    ...     id="T-3",
    ...     customer_id="C-3",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.COMPLAINT,
    ...     priority=Priority.LOW,
    ...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=timezone.utc))],
    ... )
    >>> first = route(mail)[0]
    >>> first.role.key, first.duty.value, first.works_channel, first.level_fits
    ('email_support_agent', 'handle_complaints', True, True)

    .. versionadded:: 0.1.0
    """

    role: Role
    rank: int
    duty: Duty
    raci: Raci
    works_channel: bool
    works_direction: bool
    level_fits: bool
    reasons: tuple[str, ...]
    missing_skills: frozenset[Skill] = frozenset()


def route(
    interaction: Interaction,
    catalog: Catalog | None = None,
    *,
    skills: Iterable[Skill | str] = (),
) -> tuple[RoutingCandidate, ...]:
    """The roles of ``catalog`` (default: the built-in one) that should take ``interaction``, best first.

    Every candidate owns a duty covering the interaction's topic; the module
    documentation lists the ranking rules. ``skills`` are the skills the
    interaction needs (:class:`~csroles.Skill` values or their ``kind:name``
    text): roles listing more of them rank first, after channel and
    direction, and each candidate says which it lacks. The result depends
    only on the channel, direction, topic, current priority and skills, and
    is deterministic.

    >>> from datetime import datetime, timezone
    >>> from csroles import Channel, Direction, EventKind, Priority, Topic, route
    >>> from csroles.interactions import Event, Interaction
    >>> fault = Interaction(
    ...     id="T-4",
    ...     customer_id="C-4",
    ...     channel=Channel.PHONE,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.TECHNICAL_PROBLEM,
    ...     priority=Priority.NORMAL,
    ...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=timezone.utc))],
    ... )
    >>> [c.role.key for c in route(fault)][:2]
    ['customer_support_representative', 'customer_service_representative']
    >>> best = route(fault, skills=["business:empathy", "technical:help_desk_tools"])[0]
    >>> best.role.key, best.reasons[2]
    ('customer_service_representative', 'has the skills business:empathy, technical:help_desk_tools')

    >>> from datetime import datetime, timezone
    >>> from csroles import Channel, Direction, EventKind, Priority, Topic, route
    >>> from csroles.interactions import Event, Interaction
    >>> call = Interaction(
    ...     id="T-2",
    ...     customer_id="C-2",
    ...     channel=Channel.PHONE,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.RETURN,
    ...     priority=Priority.URGENT,
    ...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=timezone.utc))],
    ... )
    >>> [(c.rank, c.role.key, c.level_fits) for c in route(call)]
    [(1, 'customer_service_manager', True), (2, 'customer_service_representative', False)]

    Raises:
        RoutingError: No role of the catalog owns a duty covering the topic.
        InvalidEntityError: ``interaction`` or ``catalog`` is of the wrong type.

    .. versionadded:: 0.1.0
    """
    if not isinstance(interaction, Interaction):
        fail("route", "interaction", interaction, "an Interaction")
    if catalog is None:
        catalog = default_catalog()
    elif not isinstance(catalog, Catalog):
        fail("route", "catalog", catalog, "a Catalog or None")
    needed = _needed_skills(skills)
    key = (
        "route",
        interaction.channel,
        interaction.direction,
        interaction.topic,
        interaction.current_priority,
        needed,
    )
    memo = catalog._memo
    found = memo.get(key)
    if found is None:
        found = _rank(
            catalog,
            channel=interaction.channel,
            direction=interaction.direction,
            topic=interaction.topic,
            priority=interaction.current_priority,
            needed=needed,
        )
        memo[key] = found
    return cast("tuple[RoutingCandidate, ...]", found)


_NO_SKILLS: frozenset[Skill] = frozenset()


def _needed_skills(skills: object) -> frozenset[Skill]:
    """The skills asked for, as a frozenset of Skill (texts parsed), or a clear error."""
    if skills == ():
        return _NO_SKILLS
    if not isinstance(skills, list | tuple | set | frozenset):
        fail("route", "skills", skills, "a list, tuple or set of Skill or 'kind:name' text")
    needed = _to_skills(skills)
    for item in needed:
        _check_skill("route", "skills", item)
    return frozenset(needed)


class _Owner(NamedTuple):
    """What ranking needs of one owner of a topic that does not depend on the interaction."""

    role: Role
    responsibility: Responsibility
    # Member names, whose str hashes are cached: an enum member hashes in Python code.
    channels: frozenset[str]
    directions: frozenset[str]
    skills: frozenset[Skill]
    distance: tuple[int, ...]  # by priority rank: from the role's level to the suitable ones
    # RACI order, tier, channel count, topic count, catalog position: rules 4 to 7.
    rest: tuple[bool, int, int, int, int]
    level_words: str  # the level's value
    duty_words: str  # "<duty> (<letter>)"
    tier_words: str | None  # "first line (tier 1)"


def _owners(catalog: Catalog, topic: Topic) -> tuple[_Owner, ...]:
    """The static part of ranking the owners of ``topic``, kept in the catalog's cache."""
    key = ("route_owners", topic)
    known = catalog._memo.get(key)
    if known is None:
        position = {k: index for index, k in enumerate(catalog.keys)}
        known = tuple(
            _Owner(
                role=role,
                responsibility=responsibility,
                channels=frozenset(channel.name for channel in role.channels),
                directions=frozenset(direction.name for direction in role.directions),
                skills=role.skills,
                distance=tuple(
                    min(abs(role.level.rank - level.rank) for level in _LEVELS_FOR[priority])
                    for priority in Priority
                ),
                rest=(
                    responsibility.raci is not Raci.RESPONSIBLE,
                    role.tier or 1,
                    len(role.channels),
                    len(role.topics),
                    position[role.key],
                ),
                level_words=role.level.value,
                duty_words=f"{responsibility.duty.value} ({responsibility.raci.value})",
                tier_words=None
                if role.tier is None
                else f"{_LINES.get(role.tier, 'support')} (tier {role.tier})",
            )
            for role, responsibility in catalog.owners(topic)
        )
        catalog._memo[key] = known
    return cast("tuple[_Owner, ...]", known)


def _rank(
    catalog: Catalog,
    *,
    channel: Channel,
    direction: Direction,
    topic: Topic,
    priority: Priority,
    needed: frozenset[Skill],
) -> tuple[RoutingCandidate, ...]:
    owners = _owners(catalog, topic)
    if not owners:
        msg = (
            f"no role of the catalog can take a {topic.value!r} interaction: none is "
            f"responsible or accountable for a duty covering topic {topic.value!r}"
        )
        raise RoutingError(msg)
    # ``_name_`` and ``_value_`` are plain attributes; ``name`` and ``value`` are
    # descriptors, several times slower on this path.
    channel_name, direction_name = channel._name_, direction._name_
    urgency, fits, misfits = _PRIORITY_WORDS[priority._value_]
    scored = sorted(
        (
            (
                channel_name not in owner.channels,
                direction_name not in owner.directions,
                len(needed - owner.skills),
                owner.distance[urgency],
                owner.rest,
            ),
            owner,
        )
        for owner in owners
    )
    # The words shared by every candidate.
    channel_words = _CHANNEL_WORDS[channel._value_]
    direction_words = _DIRECTION_WORDS[direction._value_]
    topic_words = f"{topic._value_} is within its duty "
    candidates = []
    for rank, ((channel_miss, direction_miss, _, distance, _), owner) in enumerate(scored, start=1):
        role = owner.role
        missing = needed - owner.skills
        reasons: tuple[str, ...] = (
            channel_words[channel_miss],
            direction_words[direction_miss],
            *_skill_words(needed, missing),
            topic_words + owner.duty_words,
            owner.level_words + (misfits if distance else fits),
        )
        if owner.tier_words is not None:
            reasons = (*reasons, owner.tier_words)
        candidates.append(
            RoutingCandidate(
                role=role,
                rank=rank,
                duty=owner.responsibility.duty,
                raci=owner.responsibility.raci,
                works_channel=not channel_miss,
                works_direction=not direction_miss,
                level_fits=not distance,
                reasons=reasons,
                missing_skills=missing,
            )
        )
    return tuple(candidates)


def _skill_words(needed: frozenset[Skill], missing: frozenset[Skill]) -> tuple[str, ...]:
    """The reason about skills: none when none were asked for."""
    if not needed:
        return ()
    if not missing:
        return ("has the skills " + ", ".join(str(s) for s in sorted(needed)),)
    return ("lacks the skills " + ", ".join(str(s) for s in sorted(missing)),)


# Words of the reasons by the plain value of a channel, direction or priority:
# (when it fits, when it does not), and a priority's rank.
_CHANNEL_WORDS = {c.value: (f"works {c.value}", f"does not work {c.value}") for c in Channel}
_DIRECTION_WORDS = {
    Direction.INBOUND.value: ("takes inbound contacts", "does not take inbound contacts"),
    Direction.OUTBOUND.value: ("makes outbound contacts", "does not make outbound contacts"),
}
_PRIORITY_WORDS = {
    p.value: (
        p.rank,
        f" level suits {p.value} priority",
        f" level, while {p.value} priority calls for "
        + " or ".join(level.value for level in _LEVELS_FOR[p]),
    )
    for p in Priority
}
_LINES = {1: "first line", 2: "second line", 3: "third line"}
