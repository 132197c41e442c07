"""Strategies for the core entities, and the time helpers the other strategies reuse."""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csroles.customers import Account, Customer
from csroles.escalation import Escalation, Party, PartyKind
from csroles.interactions import TRANSITIONS, Event, Interaction, Status, SurveyScale
from csroles.vocabulary import (
    Channel,
    Direction,
    EscalationKind,
    EscalationReason,
    EventKind,
    Priority,
    Topic,
)

__all__ = [
    "ZONES",
    "accounts",
    "aware_datetimes",
    "customers",
    "escalations",
    "events",
    "identifiers",
    "interactions",
    "language_tags",
    "parties",
    "zone_names",
]

# Zones chosen for their variety: northern and southern daylight saving time,
# no DST, half- and quarter-hour offsets, a 30-minute DST shift (Lord Howe),
# negative "winter time" (Dublin), the extremes of the offset range.
ZONES: tuple[str, ...] = (
    "UTC",
    "Europe/Rome",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Moscow",
    "America/New_York",
    "America/Los_Angeles",
    "America/St_Johns",
    "America/Sao_Paulo",
    "America/Santiago",
    "Africa/Cairo",
    "Asia/Tehran",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
)
"""The IANA zones :func:`zone_names` draws from by default."""

_MIN = datetime(2000, 1, 1, tzinfo=UTC)
_MAX = datetime(2040, 1, 1, tzinfo=UTC)


def zone_names() -> st.SearchStrategy[str]:
    """IANA time-zone names from :data:`ZONES`, with and without daylight saving time.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import zone_names
    >>> from zoneinfo import ZoneInfo
    >>> @settings(max_examples=5)
    ... @given(zone_names())
    ... def test(name):
    ...     assert ZoneInfo(name).key == name
    >>> test()

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(ZONES)


@functools.lru_cache(maxsize=512)
def _transitions(zone: str, year: int) -> tuple[datetime, ...]:
    """The instants (UTC) in ``year`` at which ``zone`` changes its UTC offset."""
    tz = ZoneInfo(zone)
    found = []
    start = datetime(year, 1, 1, tzinfo=UTC)
    for month in range(12):
        low = start + timedelta(days=31 * month)
        high = low + timedelta(days=31)
        if low.astimezone(tz).utcoffset() == high.astimezone(tz).utcoffset():
            continue
        # Bisect to the minute: the offset differs between low and high.
        while high - low > timedelta(minutes=1):
            middle = low + (high - low) / 2
            if middle.astimezone(tz).utcoffset() == low.astimezone(tz).utcoffset():
                low = middle
            else:
                high = middle
        found.append(high.replace(second=0, microsecond=0))
    return tuple(found)


@st.composite
def _instants(draw: st.DrawFn, zone: str, min_value: datetime, max_value: datetime) -> datetime:
    """An instant (UTC), often within hours of one of ``zone``'s DST changes."""
    instant = draw(
        st.datetimes(
            min_value=min_value.astimezone(UTC).replace(tzinfo=None),
            max_value=max_value.astimezone(UTC).replace(tzinfo=None),
        )
    ).replace(tzinfo=UTC)
    changes = _transitions(zone, instant.year)
    near_a_change: bool = bool(changes) and draw(st.booleans())
    if near_a_change:
        change = draw(st.sampled_from(changes))
        near = change + timedelta(seconds=draw(st.integers(-6 * 3600, 6 * 3600)))
        if min_value <= near <= max_value:
            instant = near
    return instant


def aware_datetimes(
    *,
    min_value: datetime = _MIN,
    max_value: datetime = _MAX,
    zones: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[datetime]:
    """Aware datetimes in many zones, often within hours of a daylight-saving change.

    The value carries its ``ZoneInfo``, as a help desk would give it; wall
    times in an autumn fold come with the right ``fold``.

    Args:
        min_value: the earliest instant (aware).
        max_value: the latest instant (aware).
        zones: the zone names to use; :func:`zone_names` by default.

    Raises:
        InvalidArgument: a bound is naive, or ``min_value`` is after ``max_value``.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import aware_datetimes
    >>> @settings(max_examples=10)
    ... @given(aware_datetimes())
    ... def test(at):
    ...     assert at.utcoffset() is not None
    >>> test()

    .. versionadded:: 0.1.0
    """
    if min_value.utcoffset() is None or max_value.utcoffset() is None or min_value > max_value:
        msg = f"expected aware min_value <= max_value, got {min_value!r} and {max_value!r}"
        raise InvalidArgument(msg)
    return (zones if zones is not None else zone_names()).flatmap(
        lambda zone: _instants(zone, min_value, max_value).map(
            lambda instant: instant.astimezone(ZoneInfo(zone))
        )
    )


def identifiers(*, prefix: str | None = None) -> st.SearchStrategy[str]:
    """Valid ids: non-empty text without surrounding whitespace, mostly like ``"C-1042"``.

    Args:
        prefix: when given, every id starts with it (``prefix="T-"`` gives ``"T-17"``).

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import identifiers
    >>> @settings(max_examples=10)
    ... @given(identifiers(prefix="T-"))
    ... def test(value):
    ...     assert value.startswith("T-") and value == value.strip()
    >>> test()

    .. versionadded:: 0.1.0
    """
    if prefix is not None:
        return st.integers(0, 10**6).map(lambda n: f"{prefix}{n}")
    return _IDENTIFIERS


# Like "C-1042": built from parts, since a regex strategy costs five times as
# much a draw and ids are drawn several times for every entity.
_REALISTIC_IDS = st.builds(
    "{}-{}".format,
    st.text(string.ascii_uppercase, min_size=1, max_size=3),
    st.text(string.digits, min_size=1, max_size=6),
)
_IDENTIFIERS = st.one_of(
    _REALISTIC_IDS,
    _REALISTIC_IDS,
    st.text(min_size=1, max_size=12).map(str.strip).filter(bool),
)


_ASSIGNING = frozenset({EventKind.ASSIGNED, EventKind.TRANSFERRED, EventKind.ESCALATED})


def _data_for(kind: EventKind) -> st.SearchStrategy[dict[str, Any]]:
    if kind is EventKind.PRIORITY_CHANGED:
        return st.fixed_dictionaries({"priority": st.sampled_from(Priority)})
    if kind in _ASSIGNING:
        return st.fixed_dictionaries({"assignee": identifiers()})
    if kind is EventKind.SURVEY_ANSWERED:
        return st.sampled_from(SurveyScale).flatmap(
            lambda scale: st.fixed_dictionaries(
                {"scale": st.just(scale), "score": st.integers(*scale.bounds)}
            )
        )
    return st.just({})


def events(
    *,
    kinds: Sequence[EventKind] | None = None,
    at: st.SearchStrategy[datetime] | None = None,
) -> st.SearchStrategy[Event]:
    """Single valid events, each kind with the data it needs (not a timeline).

    Args:
        kinds: the kinds to draw from; every :class:`~csroles.EventKind` by default.
        at: the times to use; :func:`aware_datetimes` by default.

    >>> from hypothesis import given, settings
    >>> from csroles import EventKind
    >>> from csroles.strategies import events
    >>> @settings(max_examples=10)
    ... @given(events(kinds=[EventKind.PRIORITY_CHANGED]))
    ... def test(event):
    ...     assert event.priority is not None
    >>> test()

    .. versionadded:: 0.1.0
    """
    return _events(
        kinds=tuple(kinds) if kinds is not None else tuple(EventKind),
        at=at if at is not None else aware_datetimes(),
    )


@st.composite
def _events(
    draw: st.DrawFn, *, kinds: tuple[EventKind, ...], at: st.SearchStrategy[datetime]
) -> Event:
    kind = draw(st.sampled_from(kinds))
    return Event(
        kind=kind,
        at=draw(at),
        by=draw(_MAYBE_IDS),
        note=draw(_NOTES),
        **draw(_data_for(kind)),
    )


# A typical gap between two events, in seconds: often immediate, mostly
# minutes to hours, sometimes days (a weekend, a wait on a customer).
_GAPS = st.one_of(
    st.just(0),
    st.integers(1, 600),
    st.integers(600, 8 * 3600),
    st.integers(8 * 3600, 5 * 86400),
)


def interactions(
    *,
    channels: Sequence[Channel] | None = None,
    directions: Sequence[Direction] | None = None,
    topics: Sequence[Topic] | None = None,
    priorities: Sequence[Priority] | None = None,
    min_events: int = 1,
    max_events: int = 12,
    opened_at: st.SearchStrategy[datetime] | None = None,
    zones: st.SearchStrategy[str] | None = None,
    ids: st.SearchStrategy[str] | None = None,
    customer_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Interaction]:
    """Interactions with realistic timelines that follow the lifecycle.

    The timeline opens at an aware time (often near a daylight-saving change)
    and walks :data:`~csroles.interactions.TRANSITIONS`, with gaps from
    seconds to days; each event is written in the customer's or the agent's
    zone. Every value is valid.

    Args:
        channels: the channels to draw from (all by default); likewise
        directions: the directions,
        topics: the topics,
        priorities: the priorities at opening.
        min_events: the fewest events (at least 1: the ``opened`` event).
        max_events: the most events.
        opened_at: when the interaction opens; :func:`aware_datetimes` by default.
        zones: the zone names for event times; :func:`zone_names` by default.
        ids: the interaction ids; :func:`identifiers` by default.
        customer_ids: the customer ids; :func:`identifiers` by default.

    Raises:
        InvalidArgument: ``min_events`` is below 1 or above ``max_events``.

    >>> from hypothesis import given, settings
    >>> from csroles import Channel, EventKind
    >>> from csroles.strategies import interactions
    >>> @settings(max_examples=10)
    ... @given(interactions(channels=[Channel.CHAT], max_events=6))
    ... def test(chat):
    ...     assert chat.channel is Channel.CHAT and chat.events[0].kind is EventKind.OPENED
    ...     assert 1 <= len(chat.events) <= 6
    >>> test()

    .. versionadded:: 0.1.0
    """
    if not 1 <= min_events <= max_events:
        msg = f"expected 1 <= min_events <= max_events, got {min_events} and {max_events}"
        raise InvalidArgument(msg)
    return _interactions(
        channels=tuple(channels or Channel),
        directions=tuple(directions or Direction),
        topics=tuple(topics or Topic),
        priorities=tuple(priorities or Priority),
        counts=st.integers(min_events, max_events),
        opened_at=opened_at if opened_at is not None else aware_datetimes(zones=zones),
        zones=zones if zones is not None else zone_names(),
        ids=ids if ids is not None else identifiers(),
        customer_ids=customer_ids if customer_ids is not None else identifiers(),
    )


# Strategies built once rather than at every draw: building one costs more
# than drawing from it.
_NOTES = st.none() | st.text(max_size=40)
_MAYBE_IDS = st.none() | _IDENTIFIERS
_AGENTS = st.lists(_IDENTIFIERS, min_size=2, max_size=4, unique=True)


@functools.cache
def _next_kinds(status: Status, *, assigned: bool) -> st.SearchStrategy[EventKind]:
    """The kinds of event that may follow ``status`` (a transfer needs an assignee)."""
    return st.sampled_from(
        [
            kind
            for kind in EventKind
            if kind in TRANSITIONS[status] and (kind is not EventKind.TRANSFERRED or assigned)
        ]
    )


@functools.cache
def _other_priorities(current: Priority) -> st.SearchStrategy[Priority]:
    return st.sampled_from([p for p in Priority if p is not current])


@st.composite
def _interactions(
    draw: st.DrawFn,
    *,
    channels: tuple[Channel, ...],
    directions: tuple[Direction, ...],
    topics: tuple[Topic, ...],
    priorities: tuple[Priority, ...],
    counts: st.SearchStrategy[int],
    opened_at: st.SearchStrategy[datetime],
    zones: st.SearchStrategy[str],
    ids: st.SearchStrategy[str],
    customer_ids: st.SearchStrategy[str],
) -> Interaction:
    priority = draw(st.sampled_from(priorities))
    places = [ZoneInfo(draw(zones)), ZoneInfo(draw(zones))]
    opened = draw(opened_at)
    count = draw(counts)
    timeline = [Event(kind=EventKind.OPENED, at=opened, by=draw(_MAYBE_IDS))]
    instant = opened.astimezone(UTC)  # time moves on in UTC, never by wall clock
    status, current, assignee = Status.OPEN, priority, None
    agents = draw(_AGENTS)
    while len(timeline) < count:
        kind = draw(_next_kinds(status, assigned=assignee is not None))
        data: dict[str, Any] = {}
        if kind is EventKind.PRIORITY_CHANGED:
            current = draw(_other_priorities(current))
            data["priority"] = current
        elif kind in _ASSIGNING:
            assignee = draw(st.sampled_from([a for a in agents if a != assignee]))
            data["assignee"] = assignee
        elif kind is EventKind.SURVEY_ANSWERED:
            data = draw(_data_for(kind))
        instant += timedelta(seconds=draw(_GAPS))
        place = draw(st.sampled_from(places))
        timeline.append(Event(kind=kind, at=instant.astimezone(place), **data))
        status = TRANSITIONS[status][kind]
    return Interaction(
        id=draw(ids),
        customer_id=draw(customer_ids),
        channel=draw(st.sampled_from(channels)),
        direction=draw(st.sampled_from(directions)),
        topic=draw(st.sampled_from(topics)),
        priority=priority,
        events=timeline,
        account_id=draw(_OPTIONAL_ACCOUNTS),
        product=draw(_OPTIONAL_PRODUCTS),
    )


_OPTIONAL_ACCOUNTS = st.none() | st.sampled_from(["acct-1", "acct-2", "acct-3", "acct-4"])
_OPTIONAL_PRODUCTS = st.none() | st.sampled_from(["router", "phone plan", "tv"])


# ------------------------------------------------------------------ customers

# Tags people really send: languages of the sources and their neighbours, with
# regions, scripts and a variant.
_COMMON_TAGS = (
    "en", "en-GB", "en-US", "en-IN", "it", "it-IT", "it-CH", "ru", "ru-RU", "uk",
    "de", "de-CH", "fr", "fr-CA", "es", "es-419", "pt-BR", "zh-Hans-CN", "zh-Hant-TW",
    "sr-Latn", "ja", "ar-EG", "hi", "sl-rozaj", "de-CH-1996",
)  # fmt: skip


def language_tags() -> st.SearchStrategy[str]:
    """Well-formed IETF BCP 47 language tags, mostly common ones such as ``"en-GB"``.

    >>> from hypothesis import given, settings
    >>> from csroles import Customer
    >>> from csroles.strategies import language_tags
    >>> @settings(max_examples=10)
    ... @given(language_tags())
    ... def test(tag):
    ...     Customer(id="C-1", name="N", languages=[tag])
    >>> test()

    .. versionadded:: 0.1.0
    """
    return _LANGUAGE_TAGS


# Like "pt-BR" or "es-419", built from parts (a regex strategy costs five
# times as much a draw).
_GENERATED_TAGS = st.builds(
    "{}{}".format,
    st.text(string.ascii_lowercase, min_size=2, max_size=3),
    st.one_of(
        st.just(""),
        st.text(string.ascii_uppercase, min_size=2, max_size=2).map("-{}".format),
        st.text(string.digits, min_size=3, max_size=3).map("-{}".format),
    ),
)
_LANGUAGE_TAGS = st.one_of(st.sampled_from(_COMMON_TAGS), _GENERATED_TAGS)


@st.composite
def _customers(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str],
    languages: st.SearchStrategy[str],
    channels: tuple[Channel, ...],
    zones: st.SearchStrategy[str],
    segments: st.SearchStrategy[str | None],
) -> Customer:
    tags = draw(st.lists(languages, max_size=3, unique_by=str.lower))
    preferred = draw(st.lists(st.sampled_from(channels), max_size=3, unique=True))
    others = [c for c in Channel if c not in preferred]
    opted_out = draw(st.frozensets(st.sampled_from(others), max_size=2)) if others else frozenset()
    return Customer(
        id=draw(ids),
        name=draw(_NAMES),
        languages=tags,
        channels=preferred,
        timezone=draw(st.none() | zones),
        segment=draw(segments),
        opted_out=opted_out,
    )


_NAMES = st.one_of(
    st.sampled_from(["Anna Bianchi", "Ivan Petrov", "Joe Smith", "Acme S.p.A.", "ООО Ромашка"]),  # noqa: RUF001
    st.text(min_size=1, max_size=30).map(str.strip).filter(bool),
)


def customers(
    *,
    ids: st.SearchStrategy[str] | None = None,
    languages: st.SearchStrategy[str] | None = None,
    channels: Sequence[Channel] | None = None,
    zones: st.SearchStrategy[str] | None = None,
    segments: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Customer]:
    """Valid customers: up to three languages and three preferred channels, in order.

    Args:
        ids: the customer ids; :func:`identifiers` by default.
        languages: the language tags to choose from; :func:`language_tags` by default.
        channels: the channels their preferences come from (all by default).
        zones: the zone names (a customer's zone may also be ``None``).
        segments: the segments, ``None`` included; a few labels by default.

    >>> from hypothesis import given, settings
    >>> from hypothesis import strategies as st
    >>> from csroles import Channel
    >>> from csroles.strategies import customers
    >>> @settings(max_examples=10)
    ... @given(customers(channels=[Channel.EMAIL, Channel.CHAT], languages=st.just("it")))
    ... def test(customer):
    ...     assert set(customer.channels) <= {Channel.EMAIL, Channel.CHAT}
    ...     assert customer.languages in {(), ("it",)}
    >>> test()

    .. versionadded:: 0.1.0
    """
    return _customers(
        ids=ids if ids is not None else identifiers(),
        languages=languages if languages is not None else language_tags(),
        channels=tuple(channels or Channel),
        zones=zones if zones is not None else zone_names(),
        segments=segments
        if segments is not None
        else st.none() | st.sampled_from(["consumer", "smb", "enterprise", "vip"]),
    )


_CURRENCIES = ("EUR", "USD", "RUB", "GBP", "CHF", "JPY")
_AMOUNTS = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)


@st.composite
def _accounts(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str],
    customer_ids: st.SearchStrategy[str],
    weights: st.SearchStrategy[float],
) -> Account:
    revenue = draw(st.none() | _AMOUNTS)
    lifetime = draw(st.none() | _AMOUNTS)
    figures = revenue is not None or lifetime is not None
    currency = draw(st.sampled_from(_CURRENCIES) if figures else st.none())
    return Account(
        id=draw(ids),
        customer_id=draw(customer_ids),
        weight=draw(weights),
        name=draw(st.none() | _NAMES),
        annual_revenue=revenue,
        lifetime_value=lifetime,
        currency=currency,
    )


def accounts(
    *,
    ids: st.SearchStrategy[str] | None = None,
    customer_ids: st.SearchStrategy[str] | None = None,
    weights: st.SearchStrategy[float] | None = None,
) -> st.SearchStrategy[Account]:
    """Valid accounts, with or without value figures (and a currency when they have any).

    Args:
        ids: the account ids; :func:`identifiers` by default.
        customer_ids: the customer ids; :func:`identifiers` by default.
        weights: the workload weights; positive floats up to 100 by default.

    >>> from hypothesis import given, settings
    >>> from hypothesis import strategies as st
    >>> from csroles.strategies import accounts
    >>> @settings(max_examples=10)
    ... @given(accounts(weights=st.just(1.0)))
    ... def test(account):
    ...     assert account.weight == 1.0
    >>> test()

    .. versionadded:: 0.1.0
    """
    return _accounts(
        ids=ids if ids is not None else identifiers(),
        customer_ids=customer_ids if customer_ids is not None else identifiers(),
        weights=weights
        if weights is not None
        else st.floats(min_value=0.01, max_value=100, allow_nan=False),
    )


# ------------------------------------------------------------------ escalations

_ROLE_KEYS = st.one_of(
    st.sampled_from(
        [
            "customer_service_representative",
            "customer_service_supervisor",
            "customer_service_manager",
            "customer_support_engineer",
            "chief_customer_officer",
        ]
    ),
    # snake_case keys like "billing_desk_2", built from parts.
    st.builds(
        lambda head, rest, tail: "_".join([head + rest, *tail]),
        st.sampled_from(string.ascii_lowercase),
        st.text(string.ascii_lowercase + string.digits, max_size=8),
        st.lists(
            st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8), max_size=3
        ),
    ),
)

_PARTY_IDS = {
    PartyKind.POSITION: identifiers(prefix="pos-"),
    PartyKind.ROLE: _ROLE_KEYS,
    PartyKind.TEAM: st.sampled_from(["billing", "tier-2", "product", "returns", "legal"]),
}


def _party_of(kind: PartyKind) -> Callable[[str], Party]:
    return lambda id_: Party(kind=kind, id=id_)


_PARTIES = {kind: ids.map(_party_of(kind)) for kind, ids in _PARTY_IDS.items()}


def parties(*, kinds: Sequence[PartyKind] | None = None) -> st.SearchStrategy[Party]:
    """Valid parties: positions, roles (snake_case keys) and teams.

    Args:
        kinds: the kinds to draw from (all by default).

    >>> from hypothesis import given, settings
    >>> from csroles.escalation import PartyKind
    >>> from csroles.strategies import parties
    >>> @settings(max_examples=10)
    ... @given(parties(kinds=[PartyKind.ROLE]))
    ... def test(party):
    ...     assert party.kind is PartyKind.ROLE and party.id.islower()
    >>> test()

    .. versionadded:: 0.1.0
    """
    return _parties(tuple(kinds or PartyKind))


@functools.lru_cache(maxsize=64)
def _parties(kinds: tuple[PartyKind, ...]) -> st.SearchStrategy[Party]:
    return st.one_of([_PARTIES[kind] for kind in kinds])


@st.composite
def _escalations(
    draw: st.DrawFn,
    *,
    interaction_ids: st.SearchStrategy[str],
    kinds: tuple[EscalationKind, ...],
    reasons: tuple[EscalationReason, ...],
    at: st.SearchStrategy[datetime],
) -> Escalation:
    kind = draw(st.sampled_from(kinds))
    source = draw(_parties((PartyKind.POSITION, PartyKind.ROLE)))
    target_kinds: tuple[PartyKind, ...] = (PartyKind.POSITION, PartyKind.ROLE)
    if kind is EscalationKind.FUNCTIONAL:
        target_kinds += (PartyKind.TEAM,)
    target = draw(_parties(target_kinds).filter(lambda party: party != source))
    return Escalation(
        interaction_id=draw(interaction_ids),
        source=source,
        target=target,
        kind=kind,
        reasons=draw(st.frozensets(st.sampled_from(reasons), min_size=1)),
        at=draw(at),
        note=draw(_NOTES),
    )


def escalations(
    *,
    interaction_ids: st.SearchStrategy[str] | None = None,
    kinds: Sequence[EscalationKind] | None = None,
    reasons: Sequence[EscalationReason] | None = None,
    at: st.SearchStrategy[datetime] | None = None,
) -> st.SearchStrategy[Escalation]:
    """Valid escalations: hierarchical ones go to a position or role, functional ones anywhere.

    Args:
        interaction_ids: the escalated interactions' ids; :func:`identifiers` by default.
        kinds: the escalation kinds to draw from (both by default).
        reasons: the reasons to draw from (all by default); each escalation has one or more.
        at: when; :func:`aware_datetimes` by default.

    >>> from hypothesis import given, settings
    >>> from csroles import EscalationKind
    >>> from csroles.strategies import escalations
    >>> @settings(max_examples=10)
    ... @given(escalations(kinds=[EscalationKind.HIERARCHICAL]))
    ... def test(escalation):
    ...     assert escalation.target.kind.value != "team"
    >>> test()

    .. versionadded:: 0.1.0
    """
    return _escalations(
        interaction_ids=interaction_ids if interaction_ids is not None else identifiers(),
        kinds=tuple(kinds or EscalationKind),
        reasons=tuple(reasons or EscalationReason),
        at=at if at is not None else aware_datetimes(),
    )
