"""TitleParts and describe_title: checked values, and what a title signals."""

from __future__ import annotations

from datetime import datetime

import pytest

from csroles import Focus, InvalidEntityError, Language, Level, TitleParts, parse_title
from csroles.titles import Span, TitleDescription, describe_title, title_keys
from tests.test_calendar_errors import TwentyFiveHours


def test_parts_compare_by_meaning_not_by_spelling() -> None:
    a = parse_title("Sr. Customer Success Manager")
    b = parse_title("customer-success managers (senior)")
    assert a == b
    assert hash(a) == hash(b)
    assert a.spans != b.spans
    assert a != parse_title("Responsabile senior del successo del cliente")  # another language
    assert TitleParts(position="agent", qualifiers=("senior", "chat", "senior")).qualifiers == (
        "chat",
        "senior",
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"audience": "martian", "position": "agent"}, "TitleParts.audience: 'martian', expected None or an audience key"),
        ({"function": 3, "position": "agent"}, "TitleParts.function: 3"),
        ({"position": "boss"}, "TitleParts.position: 'boss'"),
        ({}, "TitleParts.position: None, expected a position key, or a function key"),
        ({"audience": "customer"}, "TitleParts.position: None"),
        ({"position": "agent", "qualifiers": "senior"}, "TitleParts.qualifiers: 'senior'"),
        ({"position": "agent", "qualifiers": 5}, "TitleParts.qualifiers: 5"),
        ({"position": "agent", "qualifiers": ["nope"]}, "TitleParts.qualifiers[0]: 'nope'"),
        ({"position": "agent", "qualifiers": [1, "senior"]}, "TitleParts.qualifiers["),
        ({"position": "agent", "language": "fr"}, "TitleParts.language: 'fr', expected a Language"),
    ],
)  # fmt: skip
def test_bad_parts_are_refused_naming_the_field(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidEntityError) as raised:
        TitleParts(**kwargs)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_only_the_parser_records_text_spans_and_alternatives() -> None:
    by_hand = TitleParts(position="agent", language=Language.IT)
    assert (by_hand.text, by_hand.spans, by_hand.ignored, by_hand.alternatives) == (
        None,
        (),
        (),
        (),
    )
    with pytest.raises(TypeError):
        TitleParts(position="agent", spans=())  # type: ignore[call-arg]
    parsed = parse_title("Agente (Manager)")
    assert parsed == by_hand
    assert parsed.text == "Agente (Manager)"
    assert parsed.spans == (Span("position", "agent", 0, 6, "Agente"),)
    assert parsed.alternatives == (TitleParts(position="manager", language=Language.IT),)


def test_parts_travel_as_plain_data_without_the_parse_record() -> None:
    from csroles import make_converter

    conv = make_converter()
    parsed = parse_title("Старший агент колл-центра")
    doc = conv.unstructure(parsed)
    assert doc == {
        "function": "call_center",
        "position": "agent",
        "qualifiers": ["senior"],
        "language": "ru",
    }
    assert conv.structure(doc, TitleParts) == parsed


def test_title_keys_lists_every_category() -> None:
    keys = title_keys()
    assert set(keys) == {"audience", "function", "position", "qualifier"}
    assert keys["audience"] == ("customer", "client", "user", "community", "consumer")
    for word in ("service", "help", "support", "care", "assistance", "success", "satisfaction"):
        assert word in keys["function"]
    for word in ("specialist", "consultant", "advocate", "hero", "squad", "guru", "wizard"):
        assert word in keys["position"]
    keys["audience"] = ()
    assert title_keys()["audience"]  # a copy


@pytest.mark.parametrize(
    ("title", "focus", "level", "signal", "expertise"),
    [
        ("Customer Support Engineer", Focus.SUPPORT, Level.INDIVIDUAL, "expertise", True),
        ("Customer Service Representative", Focus.SERVICE, Level.INDIVIDUAL, "neutral", False),
        ("Technical Support Representative", Focus.SUPPORT, Level.INDIVIDUAL, "neutral", True),
        ("Call Center Agent", Focus.SERVICE, Level.INDIVIDUAL, "softened", False),
        ("Customer Advisor", None, Level.INDIVIDUAL, "softened", False),
        ("Customer Success Associate", Focus.SUCCESS, Level.INDIVIDUAL, "hierarchy", False),
        ("Customer Support Team Lead", Focus.SUPPORT, Level.SUPERVISOR, "hierarchy", False),
        ("Head of Customer Experience", Focus.EXPERIENCE, Level.DIRECTOR, "hierarchy", False),
        ("Chief Customer Officer", None, Level.EXECUTIVE, "neutral", False),
        ("Community Help Squad", Focus.SUPPORT, None, "collective", False),
        ("Защитник интересов клиента", None, Level.INDIVIDUAL, "neutral", False),
        ("Guru dell'assistenza utenti", Focus.SUPPORT, Level.INDIVIDUAL, "expertise", True),
        ("Customer Support", Focus.SUPPORT, None, None, False),
    ],
)
def test_describe_says_focus_level_and_expertise(
    title: str, focus: Focus | None, level: Level | None, signal: str | None, expertise: bool
) -> None:
    described = describe_title(title)
    assert (described.focus, described.level, described.signal, described.expertise) == (
        focus,
        level,
        signal,
        expertise,
    )
    assert str(described) == described.summary
    assert described.summary.startswith(title)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Customer Support Engineer",
            (
                "Customer Support Engineer: an individual contributor in support for customers; "
                "'engineer' signals expertise."
            ),
        ),
        (
            "Community Help Squad",
            (
                "Community Help Squad: a team in help (a support function) for a community; "
                "'squad' names a group, not a person."
            ),
        ),
        ("Customer Support", "Customer Support: a team in support for customers."),
        ("Agent", "Agent: an individual contributor; 'agent' softens the hierarchy."),
        (
            "Senior Call Center Agent (Remote)",
            (
                "Senior Call Center Agent (Remote): an individual contributor in call center "
                "(a service function) for anyone; 'agent' softens the hierarchy; "
                "qualified as remote, senior."
            ),
        ),
    ],
)
def test_describe_summaries(title: str, summary: str) -> None:
    assert describe_title(title).summary == summary


def test_describe_parts_without_text_composes_an_english_title() -> None:
    parts = TitleParts(audience="user", function="support", position="guru", language=Language.IT)
    assert describe_title(parts).summary.startswith("User Support Guru: ")
    team = TitleParts(audience="customer", function="call_center")
    assert describe_title(team).summary == (
        "Customer Call Center: a team in call center (a service function) for customers."
    )


def test_describe_passes_the_language_on() -> None:
    assert describe_title("Guru", language="it").parts.language is Language.IT


@pytest.mark.parametrize("title", [None, 3, ["Agent"]])
def test_describe_refuses_what_is_neither_text_nor_parts(title: object) -> None:
    with pytest.raises(InvalidEntityError, match=r"describe_title\.title"):
        describe_title(title)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"parts": "x"}, "TitleDescription.parts: 'x', expected a TitleParts"),
        ({"focus": "gardening"}, "TitleDescription.focus: 'gardening', expected a Focus"),
        ({"level": 2}, "TitleDescription.level: 2"),
        ({"signal": "loud"}, "TitleDescription.signal: 'loud'"),
        # Values that cannot be looked up by hash: refused, not a TypeError or ValueError.
        ({"signal": ["expertise"]}, "TitleDescription.signal: ['expertise'], expected None or"),
        ({"signal": {"x": 1}}, "TitleDescription.signal: {'x': 1}, expected None or one of"),
        (
            {"signal": datetime(2026, 5, 4, 9, tzinfo=TwentyFiveHours())},
            "TitleDescription.signal: datetime.datetime(2026, 5, 4, 9, 0, tzinfo=",
        ),
        ({"expertise": 1}, "TitleDescription.expertise: 1, expected True or False"),
        ({"summary": ""}, "TitleDescription.summary: ''"),
    ],
)
def test_descriptions_are_checked(kwargs: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {
        "parts": TitleParts(position="agent"),
        "focus": None,
        "level": None,
        "signal": None,
        "expertise": False,
        "summary": "Agent.",
    } | kwargs
    with pytest.raises(InvalidEntityError) as raised:
        TitleDescription(**fields)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_title_strategies_refuse_bad_languages() -> None:
    from hypothesis.errors import InvalidArgument

    from csroles.strategies import job_titles, title_parts

    with pytest.raises(InvalidArgument, match="languages"):
        title_parts(languages=[])
    with pytest.raises(InvalidArgument, match="languages"):
        job_titles(languages=["en"])  # type: ignore[list-item]
