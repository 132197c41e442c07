"""Customers and their accounts.

A :class:`Customer` says what a help desk needs to reach someone well: the
languages they speak and the channels they prefer (both in order of
preference), their time zone, and the channels they have opted out of:

>>> from csroles import Channel, Customer
>>> anna = Customer(
...     id="C-42",
...     name="Anna Bianchi",
...     languages=["it-IT", "en"],
...     channels=[Channel.CHAT, Channel.EMAIL],
...     timezone="Europe/Rome",
... )
>>> anna.preferred_language(["en", "it"])
'it'
>>> anna.preferred_channel([Channel.PHONE, Channel.EMAIL])
<Channel.EMAIL: 'email'>

An :class:`Account` is a customer organisation's account for portfolio work:
a workload weight and optional value figures.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from csroles import _validation as v
from csroles.vocabulary import Channel

__all__ = ["Account", "Customer"]

T = TypeVar("T")

# BCP 47 (RFC 5646) well-formed tags, without the grandfathered irregular ones:
# language[-script][-region](-variant)*(-extension)*[-x-private].
_TAG = re.compile(
    r"""
    (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})   # language, with extended subtags
    (?:-[a-z]{4})?                                 # script
    (?:-(?:[a-z]{2}|[0-9]{3}))?                    # region
    (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*       # variants
    (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*            # extensions
    (?:-x(?:-[a-z0-9]{1,8})+)?                     # private use
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)


@functools.lru_cache(maxsize=1024)
def _well_formed(tag: str) -> bool:
    return _TAG.fullmatch(tag) is not None


@functools.lru_cache(maxsize=1024)
def _folded(tag: str) -> str:
    """A well-formed tag's lowercase form (duplicates ignore case); ``""`` for a malformed one."""
    return tag.lower() if _TAG.fullmatch(tag) else ""


# Exact types for the fast path: ``_STR.issuperset(map(type, values))`` tests in
# C that every value is a plain str (a str subclass, a Language member say, is
# refused as the field-by-field checks refuse it).
_STR = frozenset({str})
_CHANNEL = frozenset({Channel})


def _check_tag(owner: object, field: str, value: object) -> str:
    if type(value) is not str or not _well_formed(value):
        v.fail(owner, field, value, "an IETF BCP 47 language tag such as 'it', 'en-GB' or 'ru'")
    return value


def _no_duplicates(owner: object, field: str, values: tuple[Any, ...], key: Any = None) -> None:
    """Refuse the first repeated value; called once a repetition has been seen."""
    seen: set[object] = set()
    for index, value in enumerate(values):
        marker = key(value) if key else value
        if marker in seen:
            v.fail(owner, f"{field}[{index}]", value, "each value once (this one is repeated)")
        seen.add(marker)
    raise AssertionError(values)  # pragma: no cover (the caller saw a repetition)


def _subtags(tag: str) -> list[str]:
    """``tag`` and its shorter forms, most specific first: zh-Hant-TW, zh-Hant, zh."""
    parts = tag.lower().split("-")
    forms = ["-".join(parts[:end]) for end in range(len(parts), 0, -1)]
    # A single-letter subtag (an extension or private-use marker) never ends a form.
    return [form for form in forms if len(form.rsplit("-", 1)[-1]) > 1 or "-" not in form]


_check_channel = v.enum_check(Channel)


def _check_each(
    owner: object,
    field: str,
    values: Iterable[object],
    check: Callable[[object, str, object], object],
) -> None:
    """Refuse the first bad value; called once a bad value has been seen."""
    for index, value in enumerate(values):
        check(owner, f"{field}[{index}]", value)
    raise AssertionError(values)  # pragma: no cover (the caller saw a bad value)


def _channels(
    owner: object,
    field: str,
    values: Iterable[object],
    make: Callable[[list[Channel]], tuple[Channel, ...] | frozenset[Channel]] = tuple,
) -> Any:
    """Check channels (members or their values) and store them as members."""
    checked = [
        _check_channel(owner, f"{field}[{index}]", value) for index, value in enumerate(values)
    ]
    result = make(checked)
    v.store_normalised(owner, field, result)
    return result


def _arguments(owner: object, method: str, name: str, values: object, kind: type[T]) -> list[T]:
    """``values`` as a list, refusing anything but a collection of ``kind``."""
    if not v.is_collection(values):
        v.fail(owner, f"{method}({name}=...)", values, v.COLLECTION)
    found: list[T] = list(typing.cast("Iterable[T]", values))
    for index, value in enumerate(found):
        if not isinstance(value, kind):
            v.fail(owner, f"{method}({name}[{index}])", value, v.with_article(kind.__name__))
    return found


@attrs.frozen(kw_only=True)
class Customer:
    """A person or organisation that contacts the company, or that the company contacts.

    Args:
        id: the customer's id (a non-empty string without surrounding whitespace).
        name: how to address them.
        languages: IETF BCP 47 language tags (``"it"``, ``"en-GB"``), most preferred
            first; each once. Empty when unknown.
        channels: preferred channels, most preferred first; each once.
        timezone: an IANA zone name such as ``"Europe/Rome"``, or ``None``.
        segment: a free label such as ``"enterprise"`` or ``"vip"``, or ``None``.
        opted_out: channels the customer must not be contacted on (outbound);
            none of them may also be preferred.

    Raises:
        InvalidEntityError: a field breaks these rules.

    >>> from csroles import Channel, Customer
    >>> Customer(
    ...     id="C-1",
    ...     name="Ivan",
    ...     languages=["ru"],
    ...     channels=[Channel.PHONE],
    ...     opted_out=[Channel.PHONE],
    ... )
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Customer.opted_out: <Channel.PHONE: 'phone'>, expected a channel that is not also preferred

    .. versionadded:: 0.1.0
    """

    id: str
    name: str
    languages: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple)
    channels: tuple[Channel, ...] = attrs.field(default=(), converter=v.to_tuple)
    timezone: str | None = None
    segment: str | None = None
    opted_out: frozenset[Channel] = attrs.field(default=frozenset(), converter=v.to_frozenset)

    def __attrs_post_init__(self) -> None:
        # The fast path. Customers are built in bulk from help-desk exports and
        # are nearly always valid. This one test accepts a valid customer in
        # its stored form (exact str ids, a tuple of well-formed tags, tuples
        # and frozensets of Channel members) with type tests and C-level set and
        # cache operations; whatever it does not accept, _check_fields checks
        # again field by field, to normalise it (a channel's value to its
        # member) or to refuse its first problem by name. It saves little
        # (2.66x to 2.55x a plain attrs class, counted in instructions) and
        # misses the 1.5x target: see "Fast paths" in the design notes.
        id_, name, zone, segment = self.id, self.name, self.timezone, self.segment
        languages, channels, opted_out = self.languages, self.channels, self.opted_out
        if not (
            type(id_) is str
            and id_
            and id_ == id_.strip()
            and type(name) is str
            and name
            and name == name.strip()
            and (zone is None or (type(zone) is str and zone in v.zone_names()))
            and (
                segment is None or (type(segment) is str and segment and segment == segment.strip())
            )
            and type(languages) is tuple
            and _STR.issuperset(map(type, languages))
            # Each tag's lowercase form, or "" for a malformed tag: a set as long
            # as the tuple, without "", means well-formed tags, each once.
            and "" not in (folded := set(map(_folded, languages)))
            and len(folded) == len(languages)
            and type(channels) is tuple
            and type(opted_out) is frozenset
            and _CHANNEL.issuperset(map(type, channels))
            and _CHANNEL.issuperset(map(type, opted_out))
            # As long as both together: no channel preferred twice, none opted out.
            and len(opted_out.union(channels)) == len(channels) + len(opted_out)
        ):
            self._check_fields()

    def _check_fields(self) -> None:
        """Check the fields one by one: normalise them, or refuse the first problem by name."""
        for field in ("id", "name"):
            v.check_identifier(self, field, getattr(self, field))
        languages, channels = self.languages, self.channels
        if type(languages) is not tuple or type(channels) is not tuple:
            v.check_collection(self, "languages", languages)
            v.check_collection(self, "channels", channels)
        if type(self.opted_out) is not frozenset:
            v.check_collection(self, "opted_out", self.opted_out)
        self._check_preferences(languages, channels)
        if self.timezone is not None:
            v.check_zone(self, "timezone", self.timezone)
        if self.segment is not None:
            v.check_identifier(self, "segment", self.segment)
        if self.opted_out:
            self._check_opted_out()

    def _check_preferences(self, languages: tuple[str, ...], channels: tuple[Channel, ...]) -> None:
        for tag in languages:
            if type(tag) is not str or not _well_formed(tag):
                _check_each(self, "languages", languages, _check_tag)
        if len(languages) > 1 and len({tag.lower() for tag in languages}) != len(languages):
            _no_duplicates(self, "languages", languages, key=str.lower)
        for channel in channels:
            if type(channel) is not Channel:
                channels = _channels(self, "channels", channels)
                break
        if len(channels) > 1 and len(set(channels)) != len(channels):
            _no_duplicates(self, "channels", channels)

    def _check_opted_out(self) -> None:
        for channel in self.opted_out:
            if type(channel) is not Channel:
                ordered = sorted(self.opted_out, key=v.quote)
                _channels(self, "opted_out", ordered, frozenset)
                break
        for channel in self.channels:
            if channel in self.opted_out:
                v.fail(self, "opted_out", channel, "a channel that is not also preferred")

    def preferred_language(self, supported: Iterable[str]) -> str | None:
        """The supported language to talk to this customer in, or ``None``.

        Follows the customer's order. For each of their tags, an exact match
        (ignoring case) wins, then its shorter forms (``"it-CH"`` -> ``"it"``,
        as in RFC 4647 lookup); failing all of those, a supported tag of the
        same primary language (``"en"`` -> ``"en-US"``).

        Args:
            supported: the language tags (or :class:`~csroles.Language` members)
                that can be served; returned as given.

        >>> from csroles import Customer
        >>> c = Customer(id="C-2", name="Joe", languages=["en-GB", "fr"])
        >>> c.preferred_language(["fr", "en"]), c.preferred_language(["de", "en-US"])
        ('en', 'en-US')
        >>> c.preferred_language(["de"]) is None
        True
        """
        offered: dict[str, str] = {}
        for tag in _arguments(self, "preferred_language", "supported", supported, str):
            offered.setdefault(tag.lower(), tag)
        for tag in self.languages:
            for form in _subtags(tag):
                if form in offered:
                    return offered[form]
        for tag in self.languages:
            primary = tag.lower().split("-", 1)[0]
            for lowered, original in offered.items():
                if lowered.split("-", 1)[0] == primary:
                    return original
        return None

    def preferred_channel(self, available: Iterable[Channel]) -> Channel | None:
        """The first of the customer's preferred channels that is ``available``.

        When none of their preferred channels is available (or they stated
        none), the first available channel they have not opted out of; ``None``
        if there is no such channel.

        >>> from csroles import Channel, Customer
        >>> c = Customer(
        ...     id="C-3",
        ...     name="Li",
        ...     channels=[Channel.VIDEO, Channel.CHAT],
        ...     opted_out=[Channel.PHONE],
        ... )
        >>> c.preferred_channel([Channel.PHONE, Channel.CHAT])
        <Channel.CHAT: 'chat'>
        >>> c.preferred_channel([Channel.PHONE, Channel.FAX])
        <Channel.FAX: 'fax'>
        >>> c.preferred_channel([Channel.PHONE]) is None
        True
        """
        offered = _arguments(self, "preferred_channel", "available", available, Channel)
        for channel in self.channels:
            if channel in offered:
                return channel
        for channel in offered:
            if channel not in self.opted_out:
                return channel
        return None


def _check_amount(owner: object, field: str, value: object, *, positive: bool) -> None:
    if (
        type(value) not in {int, float}
        or not v.is_finite_number(value)
        or value < 0
        or (positive and value == 0)
    ):
        v.fail(owner, field, value, "a positive number" if positive else "a number of zero or more")


_CURRENCY = re.compile(r"[A-Z]{3}")


@attrs.frozen(kw_only=True)
class Account:
    """A customer organisation's account, for portfolio work.

    Args:
        id: the account's id.
        customer_id: the id of its :class:`Customer`.
        weight: the workload it brings, a positive number (1 for an average account).
        name: a display name, or ``None``.
        annual_revenue: what the account earns the company a year, or ``None``.
        lifetime_value: the account's customer lifetime value, or ``None``.
        currency: the ISO 4217 code of the figures (``"EUR"``); required when a
            figure is given.

    Raises:
        InvalidEntityError: a field breaks these rules.

    >>> from csroles import Account
    >>> Account(
    ...     id="A-1", customer_id="C-1", weight=2.5, annual_revenue=120000.0, currency="EUR"
    ... ).weight
    2.5
    >>> Account(id="A-1", customer_id="C-1", weight=0)
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Account.weight: 0, expected a positive number

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=v.validator(v.check_identifier))
    customer_id: str = attrs.field(validator=v.validator(v.check_identifier))
    weight: float = 1.0
    name: str | None = attrs.field(default=None, validator=v.optional_validator(v.check_identifier))
    annual_revenue: float | None = None
    lifetime_value: float | None = None
    currency: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_amount(self, "weight", self.weight, positive=True)
        figures = False
        for field in ("annual_revenue", "lifetime_value"):
            value = getattr(self, field)
            if value is not None:
                _check_amount(self, field, value, positive=False)
                figures = True
        currency = self.currency
        if currency is None:
            if figures:
                v.fail(self, "currency", None, "an ISO 4217 code such as 'EUR' for the figures")
        elif type(currency) is not str or not _CURRENCY.fullmatch(currency):
            v.fail(self, "currency", currency, "an ISO 4217 code such as 'EUR' or 'USD'")
