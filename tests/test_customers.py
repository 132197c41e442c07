"""Customers and accounts: validation rules and the language and channel choices."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import Account, Channel, Customer, InvalidEntityError, Language
from csroles.strategies import customers, language_tags


def customer(**changes: Any) -> Customer:
    fields: dict[str, Any] = {"id": "C-1", "name": "Anna", **changes}
    return Customer(**fields)


def test_a_full_customer() -> None:
    c = customer(
        languages=["it-IT", "en"],
        channels=iter([Channel.CHAT, Channel.EMAIL]),
        timezone="Europe/Rome",
        segment="vip",
        opted_out=[Channel.PHONE, Channel.PHONE],
    )
    assert c.languages == ("it-IT", "en")
    assert c.channels == (Channel.CHAT, Channel.EMAIL)
    assert c.opted_out == frozenset({Channel.PHONE})
    assert c == customer(
        languages=("it-IT", "en"),
        channels=(Channel.CHAT, Channel.EMAIL),
        timezone="Europe/Rome",
        segment="vip",
        opted_out={Channel.PHONE},
    )
    assert hash(c) == hash(attrs.evolve(c))
    minimal = customer()
    assert (minimal.languages, minimal.channels, minimal.timezone) == ((), (), None)


@pytest.mark.parametrize(
    "tag",
    ["it", "en-GB", "ru", "zh-Hant-TW", "es-419", "sl-rozaj", "de-CH-1996", "en-US-x-twain",
     "zh-yue-HK", "en-a-bbb-x-a-ccc", "EN-gb", "tlh"],
)  # fmt: skip
def test_well_formed_language_tags(tag: str) -> None:
    assert customer(languages=[tag]).languages == (tag,)


@pytest.mark.parametrize(
    "tag",
    [
        "",
        "e",
        "englishes",
        "en_GB",
        "en-",
        "-en",
        "en-GB-",
        "en--GB",
        "123",
        "en-G",
        "it ",
        "ит",
        7,
    ],
)
def test_malformed_language_tags(tag: object) -> None:
    with pytest.raises(
        InvalidEntityError, match=r"^Customer\.languages\[0\]: .*, expected an IETF BCP 47"
    ):
        customer(languages=[tag])


@pytest.mark.parametrize(
    ("changes", "pattern"),
    [
        ({"id": ""}, r"^Customer\.id: '', expected a non-empty string"),
        ({"name": "Anna "}, r"^Customer\.name: 'Anna ', expected a non-empty string"),
        ({"languages": ["it", "IT"]}, r"^Customer\.languages\[1\]: 'IT', expected each value once"),
        ({"languages": ["it", "it IT"]}, r"^Customer\.languages\[1\]: 'it IT', expected an IETF"),
        ({"channels": ["pigeon"]}, r"^Customer\.channels\[0\]: 'pigeon', expected a Channel"),
        (
            {"channels": [Channel.FAX, Channel.FAX]},
            r"^Customer\.channels\[1\]: <Channel.FAX: 'fax'>, expected each value once",
        ),
        (
            {"timezone": "Europe/Atlantis"},
            r"^Customer\.timezone: 'Europe/Atlantis', expected an IANA",
        ),
        ({"segment": ""}, r"^Customer\.segment: '', expected a non-empty string"),
        ({"opted_out": ["pigeon"]}, r"^Customer\.opted_out\[0\]: 'pigeon', expected a Channel"),
        (
            {"channels": [Channel.FAX], "opted_out": [Channel.FAX]},
            r"^Customer\.opted_out: <Channel.FAX: 'fax'>, expected a channel that is not also",
        ),
    ],
)
def test_customer_rules(changes: dict[str, Any], pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        customer(**changes)


# ------------------------------------------------------------------ choosing a language


def test_preferred_language_follows_the_customers_order() -> None:
    c = customer(languages=["ru", "en-GB"])
    assert c.preferred_language(["en", "ru"]) == "ru"
    assert c.preferred_language(["en-gb", "en"]) == "en-gb"  # exact match first
    assert c.preferred_language(["de", "en"]) == "en"  # en-GB falls back to en
    assert c.preferred_language(["de", "en-US"]) == "en-US"  # same primary language
    assert c.preferred_language(["de"]) is None
    assert c.preferred_language([]) is None
    assert customer().preferred_language(["en"]) is None
    assert c.preferred_language(list(Language)) is Language.RU


def test_preferred_language_skips_single_letter_subtags() -> None:
    c = customer(languages=["en-US-x-twain"])
    assert c.preferred_language(["en-us-x", "en-us"]) == "en-us"


def lookup_oracle(preferences: list[str], supported: list[str]) -> str | None:
    """RFC 4647 lookup, written from the RFC's description, then primary-language filtering."""
    lowered = [s.lower() for s in supported]
    for tag in preferences:
        candidate = tag.lower()
        while candidate:
            if candidate in lowered:
                return supported[lowered.index(candidate)]
            if "-" not in candidate:
                break
            candidate = candidate.rsplit("-", 1)[0]
            if len(candidate.rsplit("-", 1)[-1]) == 1 and "-" in candidate:
                candidate = candidate.rsplit("-", 1)[0]
    for tag in preferences:
        for index, offered in enumerate(lowered):
            if offered.split("-")[0] == tag.lower().split("-")[0]:
                return supported[index]
    return None


@given(
    preferences=st.lists(language_tags(), max_size=3, unique_by=str.lower),
    supported=st.lists(language_tags(), max_size=5, unique_by=str.lower),
)
def test_preferred_language_agrees_with_rfc_4647_lookup(
    preferences: list[str], supported: list[str]
) -> None:
    assert customer(languages=preferences).preferred_language(supported) == lookup_oracle(
        preferences, supported
    )


# ------------------------------------------------------------------ choosing a channel


def test_preferred_channel() -> None:
    c = customer(channels=[Channel.VIDEO, Channel.CHAT], opted_out=[Channel.PHONE])
    assert c.preferred_channel([Channel.CHAT, Channel.VIDEO]) is Channel.VIDEO
    assert c.preferred_channel([Channel.PHONE, Channel.CHAT]) is Channel.CHAT
    assert c.preferred_channel([Channel.PHONE, Channel.MAIL]) is Channel.MAIL
    assert c.preferred_channel([Channel.PHONE]) is None
    assert c.preferred_channel([]) is None


@given(customers(), st.lists(st.sampled_from(Channel), unique=True))
def test_preferred_channel_is_available_and_allowed(c: Customer, available: list[Channel]) -> None:
    chosen = c.preferred_channel(available)
    allowed = [ch for ch in available if ch not in c.opted_out]
    if not allowed:
        assert chosen is None
        return
    assert chosen in allowed
    preferred = [ch for ch in c.channels if ch in available]
    assert chosen == (preferred[0] if preferred else allowed[0])


# ------------------------------------------------------------------ accounts


def test_accounts() -> None:
    a = Account(id="A-1", customer_id="C-1")
    assert (a.weight, a.annual_revenue, a.lifetime_value, a.currency) == (1.0, None, None, None)
    b = Account(
        id="A-2",
        customer_id="C-1",
        weight=3,
        name="Acme",
        annual_revenue=0,
        lifetime_value=1.5e6,
        currency="EUR",
    )
    assert b.weight == 3
    assert Account(id="A-3", customer_id="C-1", currency="USD").currency == "USD"


@pytest.mark.parametrize(
    ("changes", "pattern"),
    [
        ({"id": " A"}, r"^Account\.id: ' A', expected a non-empty string"),
        ({"customer_id": None}, r"^Account\.customer_id: None, expected a non-empty string"),
        ({"weight": 0}, r"^Account\.weight: 0, expected a positive number$"),
        ({"weight": -1.5}, r"^Account\.weight: -1.5, expected a positive number$"),
        ({"weight": float("inf")}, r"^Account\.weight: inf, expected a positive number$"),
        ({"weight": float("nan")}, r"^Account\.weight: nan, expected a positive number$"),
        ({"weight": True}, r"^Account\.weight: True, expected a positive number$"),
        ({"weight": "2"}, r"^Account\.weight: '2', expected a positive number$"),
        ({"name": ""}, r"^Account\.name: '', expected a non-empty string"),
        (
            {"annual_revenue": -1, "currency": "EUR"},
            r"^Account\.annual_revenue: -1, expected a number of zero or more$",
        ),
        (
            {"lifetime_value": "1", "currency": "EUR"},
            r"^Account\.lifetime_value: '1', expected a number of zero or more$",
        ),
        ({"annual_revenue": 10.0}, r"^Account\.currency: None, expected an ISO 4217 code"),
        ({"currency": "eur"}, r"^Account\.currency: 'eur', expected an ISO 4217 code"),
        ({"currency": "EURO"}, r"^Account\.currency: 'EURO', expected an ISO 4217 code"),
        ({"currency": 978}, r"^Account\.currency: 978, expected an ISO 4217 code"),
    ],
)
def test_account_rules(changes: dict[str, Any], pattern: str) -> None:
    fields: dict[str, Any] = {"id": "A-1", "customer_id": "C-1", **changes}
    with pytest.raises(InvalidEntityError, match=pattern):
        Account(**fields)


@pytest.mark.parametrize(
    ("changes", "pattern"),
    [
        ({"languages": "it"}, r"^Customer\.languages: 'it', expected a collection such as a list"),
        ({"languages": 5}, r"^Customer\.languages: 5, expected a collection"),
        ({"channels": {"chat": 1}}, r"^Customer\.channels: \{'chat': 1\}, expected a collection"),
        ({"opted_out": [["fax"]]}, r"^Customer\.opted_out: \[\['fax'\]\], expected a collection"),
        ({"opted_out": "fax"}, r"^Customer\.opted_out: 'fax', expected a collection"),
    ],
)
def test_collections_must_be_collections(changes: dict[str, Any], pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        customer(**changes)


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (
            lambda c: c.preferred_language("en"),
            r"^Customer\.preferred_language\(supported=\.\.\.\): 'en', expected a collection",
        ),
        (
            lambda c: c.preferred_language(["en", 5]),
            r"^Customer\.preferred_language\(supported\[1\]\): 5, expected a str$",
        ),
        (
            lambda c: c.preferred_channel(None),
            r"^Customer\.preferred_channel\(available=\.\.\.\): None, expected a collection",
        ),
        (
            lambda c: c.preferred_channel(["chat"]),
            r"^Customer\.preferred_channel\(available\[0\]\): 'chat', expected a Channel$",
        ),
    ],
)
def test_choices_refuse_bad_arguments(call: Any, pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        call(customer(languages=["en"], channels=[Channel.CHAT]))
