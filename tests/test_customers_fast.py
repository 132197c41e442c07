"""Customer's fast path: it accepts exactly the valid customers that the field-by-field checks accept.

``Customer.__attrs_post_init__`` accepts a valid customer in its stored form
with one test and hands anything else to ``Customer._check_fields``. These
tests build customers from hostile field values and compare three answers:
the fast path's (does the constructor get by without the full checks?), the
full checks' (run alone on the same stored values) and a slow oracle's,
written here from the documented rules.
"""

from __future__ import annotations

import enum
import re
import string
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import Channel, Customer, InvalidEntityError, Language, Priority
from csroles.strategies import customers, language_tags

FIELDS = ("id", "name", "languages", "channels", "timezone", "segment", "opted_out")


class _DeclinedError(Exception):
    """The fast path handed the customer to the full checks."""


def _decline(self: Customer) -> None:
    raise _DeclinedError


@contextmanager
def _fast_path_only() -> Iterator[None]:
    """Replace the full checks by a marker, so that construction shows what the fast path did."""
    full = Customer._check_fields
    Customer._check_fields = _decline  # type: ignore[method-assign]
    try:
        yield
    finally:
        Customer._check_fields = full  # type: ignore[method-assign]


def fast_accepts(fields: dict[str, Any]) -> bool:
    with _fast_path_only():
        try:
            Customer(**fields)
        except _DeclinedError:
            return False
    return True


def raw(fields: dict[str, Any]) -> Customer:
    """A Customer holding exactly ``fields``, without any check."""
    customer = object.__new__(Customer)
    for name in FIELDS:
        object.__setattr__(customer, name, fields[name])
    return customer


def full_accepts_as_is(fields: dict[str, Any]) -> bool:
    """Whether the full checks accept the stored values, and leave them as they are."""
    customer = raw(fields)
    try:
        customer._check_fields()
    except InvalidEntityError:
        return False
    return all(getattr(customer, name) is fields[name] for name in FIELDS)


# ------------------------------------------------------------------ the oracle

_ALNUM = frozenset(string.ascii_letters + string.digits)


def _subtag_ok(part: str, low: int, high: int, chars: str = "alnum") -> bool:
    if not low <= len(part) <= high or not set(part) <= _ALNUM:
        return False
    if chars == "alpha":
        return part.isalpha()
    if chars == "digit":
        return part.isdigit()
    return True


def oracle_tag(tag: object) -> bool:  # noqa: PLR0912 (the grammar, one subtag at a time)
    """BCP 47's well-formed tags (RFC 5646 2.1), without the irregular grandfathered ones."""
    if type(tag) is not str or not tag.isascii():
        return False
    parts = tag.split("-")
    first, rest = parts[0], parts[1:]
    if _subtag_ok(first, 2, 3, "alpha"):
        extlangs = 0
        while rest and extlangs < 3 and _subtag_ok(rest[0], 3, 3, "alpha"):
            rest, extlangs = rest[1:], extlangs + 1
    elif not _subtag_ok(first, 4, 8, "alpha"):
        return False
    if rest and _subtag_ok(rest[0], 4, 4, "alpha"):
        rest = rest[1:]
    if rest and (_subtag_ok(rest[0], 2, 2, "alpha") or _subtag_ok(rest[0], 3, 3, "digit")):
        rest = rest[1:]
    while rest and (
        _subtag_ok(rest[0], 5, 8) or (_subtag_ok(rest[0], 4, 4) and rest[0][0].isdigit())
    ):
        rest = rest[1:]
    while rest and _subtag_ok(rest[0], 1, 1) and rest[0].lower() != "x":
        rest = rest[1:]
        if not rest or not _subtag_ok(rest[0], 2, 8):
            return False
        while rest and _subtag_ok(rest[0], 2, 8):
            rest = rest[1:]
    if rest and rest[0].lower() == "x":
        rest = rest[1:]
        if not rest:
            return False
        while rest and _subtag_ok(rest[0], 1, 8):
            rest = rest[1:]
    return not rest


def _identifier(value: object) -> bool:
    return type(value) is str and value != "" and value == value.strip()


ZONES = ["Europe/Rome", "Asia/Kathmandu", "UTC", "America/Argentina/Buenos_Aires"]
# The tz database's zones; "localtime" and "posixrules" are files in some zone
# directories, not zones.
ALL_ZONES = zoneinfo.available_timezones() - {"localtime", "posixrules"}


def oracle(fields: dict[str, Any]) -> bool:
    """Whether the stored values make a valid customer, by the documented rules."""
    languages, channels, opted_out = fields["languages"], fields["channels"], fields["opted_out"]
    zone, segment = fields["timezone"], fields["segment"]
    return (
        _identifier(fields["id"])
        and _identifier(fields["name"])
        and (zone is None or (type(zone) is str and zone in ALL_ZONES))
        and (segment is None or _identifier(segment))
        and type(languages) is tuple
        and all(oracle_tag(tag) for tag in languages)
        and len({tag.lower() for tag in languages}) == len(languages)
        and type(channels) is tuple
        and all(type(c) is Channel for c in channels)
        and len(set(channels)) == len(channels)
        and type(opted_out) is frozenset
        and all(type(c) is Channel for c in opted_out)
        and not opted_out & set(channels)
    )


# ------------------------------------------------------------------ hostile values


class _Text(str):
    """A str subclass: refused wherever csroles wants text, like a Language member."""


class _Liar(str):
    """Equal to everything, with the hash of a common tag: it must not pass for one."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return hash("en")


_SPACES = st.sampled_from([" ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "\x1c", "\x85"])
_TEXT = st.one_of(
    st.sampled_from(["C-42", "Anna Bianchi", "vip", "x", "A\nB", "-", "\x00"]),
    st.text(max_size=12),
    st.builds("{}{}".format, _SPACES, st.text(max_size=4)),
    st.builds("{}{}".format, st.text(min_size=1, max_size=4), _SPACES),
)
_HOSTILE = st.one_of(
    st.builds(_Text, st.sampled_from(["C-42", "en", "Europe/Rome"])),
    st.builds(_Liar, st.sampled_from(["en", "C-1"])),
    st.sampled_from([None, 5, 2.5, b"en", ("en",), Language.EN, Channel.CHAT, Priority.HIGH]),
)
_IDS = st.one_of(_TEXT, _HOSTILE)
_TAGS = st.one_of(
    language_tags(),
    language_tags().map(str.upper),
    st.sampled_from(["en", "EN", "en-gb", "en-GB", "x-private", "i-klingon", "en-", "e"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz-0123456789xX", max_size=14),
    _TEXT,
    _HOSTILE,
)
_CHANNELS = st.one_of(
    st.sampled_from(list(Channel)),
    st.sampled_from([c.value for c in Channel]),
    _HOSTILE,
)


class _Other(enum.Enum):
    CHAT = "chat"


_COLLECTION_OR_NOT = st.sampled_from(["en", 5, None, b"", {"en": 1}])


@st.composite
def stored_fields(draw: st.DrawFn) -> dict[str, Any]:
    """Field values in the form the converters store them in: mostly tuples and frozensets."""
    languages = draw(st.lists(_TAGS, max_size=4).map(tuple) | _COLLECTION_OR_NOT)
    channels = draw(st.lists(_CHANNELS, max_size=4).map(tuple) | _COLLECTION_OR_NOT)
    outs = draw(st.lists(_CHANNELS | st.just(_Other.CHAT), max_size=3))
    opted_out = draw(st.just(frozenset(outs)) | _COLLECTION_OR_NOT)
    return {
        "id": draw(_IDS),
        "name": draw(_IDS),
        "languages": languages,
        "channels": channels,
        "timezone": draw(st.none() | st.sampled_from([*ZONES, "Europe/Atlantis", "localtime"])
                         | _HOSTILE),
        "segment": draw(st.none() | _IDS),
        "opted_out": opted_out,
    }  # fmt: skip


@st.composite
def mostly_valid_fields(draw: st.DrawFn) -> dict[str, Any]:
    """A valid customer's fields, sometimes with one field swapped for a hostile value."""
    fields = {name: getattr(draw(customers()), name) for name in FIELDS}
    if draw(st.booleans()):
        name = draw(st.sampled_from(FIELDS))
        fields[name] = draw(stored_fields())[name]
    return fields


ANY_FIELDS = st.one_of(stored_fields(), mostly_valid_fields())


# ------------------------------------------------------------------ the properties


@given(ANY_FIELDS)
def test_the_fast_path_accepts_exactly_what_the_full_checks_accept_as_is(
    fields: dict[str, Any],
) -> None:
    assert fast_accepts(fields) == full_accepts_as_is(fields)


@given(ANY_FIELDS)
def test_both_paths_agree_with_the_oracle(fields: dict[str, Any]) -> None:
    assert full_accepts_as_is(fields) == oracle(fields)


@given(ANY_FIELDS)
def test_a_refusal_is_the_full_checks_first_problem(fields: dict[str, Any]) -> None:
    try:
        raw(fields)._check_fields()
    except InvalidEntityError as exc:
        expected = str(exc)
    else:
        return
    with pytest.raises(InvalidEntityError) as caught:
        Customer(**fields)
    assert str(caught.value) == expected
    assert re.match(r"^Customer\.\w+", expected)


@given(customers())
def test_valid_customers_take_the_fast_path_and_round_trip(customer: Customer) -> None:
    fields = {name: getattr(customer, name) for name in FIELDS}
    assert fast_accepts(fields)
    given_as_lists = {
        **fields,
        "languages": list(customer.languages),
        "channels": list(customer.channels),
        "opted_out": list(customer.opted_out),
    }
    assert Customer(**given_as_lists) == customer
    assert attrs.evolve(customer) == customer


@given(customers())
def test_channel_values_are_stored_as_members(customer: Customer) -> None:
    rebuilt = Customer(
        id=customer.id,
        name=customer.name,
        languages=customer.languages,
        channels=[c.value for c in customer.channels],
        timezone=customer.timezone,
        segment=customer.segment,
        opted_out=[c.value for c in customer.opted_out],
    )
    assert rebuilt == customer
    assert all(type(c) is Channel for c in (*rebuilt.channels, *rebuilt.opted_out))


# ------------------------------------------------------------------ facts


@pytest.mark.parametrize(
    ("changes", "pattern"),
    [
        ({"id": _Text("C-1")}, r"^Customer\.id: 'C-1', expected a non-empty string"),
        ({"name": "\u00a0Anna"}, r"^Customer\.name: '\\xa0Anna', expected a non-empty string"),
        ({"languages": [_Text("en")]}, r"^Customer\.languages\[0\]: 'en', expected an IETF"),
        ({"languages": [_Liar("en")]}, r"^Customer\.languages\[0\]: 'en', expected an IETF"),
        ({"languages": [Language.EN]}, r"^Customer\.languages\[0\]: <Language.EN: 'en'>"),
        ({"languages": ["en", "EN"]}, r"^Customer\.languages\[1\]: 'EN', expected each value"),
        ({"channels": [_Other.CHAT]}, r"^Customer\.channels\[0\]: <_Other.CHAT: 'chat'>"),
        ({"opted_out": [Priority.HIGH]}, r"^Customer\.opted_out\[0\]: <Priority.HIGH: 'high'>"),
        (
            {"channels": ["chat"], "opted_out": ["chat"]},
            r"^Customer\.opted_out: <Channel.CHAT: 'chat'>, expected a channel that is not",
        ),
        ({"timezone": _Text("Europe/Rome")}, r"^Customer\.timezone: 'Europe/Rome', expected an"),
        ({"timezone": "localtime"}, r"^Customer\.timezone: 'localtime', expected an IANA"),
        ({"segment": " "}, r"^Customer\.segment: ' ', expected a non-empty string"),
    ],
)
def test_hostile_values_are_refused_by_name(changes: dict[str, Any], pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        Customer(**{"id": "C-1", "name": "Anna", **changes})


@pytest.mark.parametrize(
    "tag",
    ["en", "EN-gb", "zh-Hant-TW", "es-419", "sl-rozaj", "de-CH-1996", "en-US-x-twain",
     "zh-yue-HK", "en-a-bbb-x-a-ccc", "tlh", "private-x-a"],
)  # fmt: skip
def test_the_oracle_knows_well_formed_tags(tag: str) -> None:
    assert oracle_tag(tag)


@pytest.mark.parametrize(
    "tag", ["", "e", "englishes", "en_GB", "en-", "-en", "en--GB", "123", "en-G", "ит", "en-x"]
)
def test_the_oracle_knows_malformed_tags(tag: str) -> None:
    assert not oracle_tag(tag)
