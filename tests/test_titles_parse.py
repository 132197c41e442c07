# ruff: noqa: RUF001 (Russian and Italian titles are data here)
"""parse_title reads messy real-world titles, and refuses what is not a title."""

from __future__ import annotations

import pytest

from csroles import (
    InvalidEntityError,
    Language,
    TitleParts,
    UnknownTitleError,
    parse_title,
)
from csroles.titles import MAX_TITLE_LENGTH, Span

CSM = TitleParts(audience="customer", function="success", position="manager")
CSR = TitleParts(audience="customer", function="service", position="representative")


def _shape(parts: TitleParts) -> tuple[object, ...]:
    return (parts.audience, parts.function, parts.position, parts.qualifiers)


@pytest.mark.parametrize(
    "text",
    [
        "Customer Success Manager",
        "customer success manager",
        "CUSTOMER SUCCESS MANAGER",
        "  Customer   Success\tManager\n",
        "Customer-Success Manager",
        "Customer\u2010Success\u00a0Manager",
        "Customer Success Managers",
        "the customer success managers",
        "Customer Suc\u00adcess Manager",
        "CSM",
        "csms",
        "Customer Success Mgr",
    ],
)
def test_spellings_of_one_title_read_the_same(text: str) -> None:
    assert parse_title(text) == CSM


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CSR", ("customer", "service", "representative", ())),
        ("Sr. CSR", ("customer", "service", "representative", ("senior",))),
        ("Customer Service Rep", ("customer", "service", "representative", ())),
        ("customer service reps", ("customer", "service", "representative", ())),
        ("CX Manager", ("customer", "experience", "manager", ())),
        ("CCO", ("customer", None, "officer", ("chief",))),
        ("Jr. Call Centre Agent", (None, "call_center", "agent", ("junior",))),
        ("Contact Centre Supervisor", (None, "contact_center", "supervisor", ())),
        ("Customer Service Adviser", ("customer", "service", "advisor", ())),
        ("Help Desk Technician", (None, "help", "technician", ())),
        ("Customer Support Engineer III", ("customer", "support", "engineer", ("tier_3",))),
        ("Tier 2 Technical Support Specialist", (None, "support", "specialist",
                                                 ("technical", "tier_2"))),
        ("L1 Support Agent", (None, "support", "agent", ("tier_1",))),
        ("Outbound Telemarketer", (None, None, "telemarketer", ("outbound",))),
        ("Inbound Call Center Agent", (None, "call_center", "agent", ("inbound",))),
        ("Live Chat Agent", (None, None, "agent", ("chat",))),
        ("Social Media Agent", (None, None, "agent", ("social",))),
        ("E-mail Support Agent", (None, "support", "agent", ("email",))),
        ("Remote Customer Care Advocate", ("customer", "care", "advocate", ("remote",))),
        ("Head of Customer Success", ("customer", "success", "head", ())),
        ("Director of Customer Experience", ("customer", "experience", "director", ())),
        ("VP", (None, None, "director", ())),
        ("Vice President of Customer Success", ("customer", "success", "director", ())),
    ],
)  # fmt: skip
def test_english_abbreviations_spellings_and_qualifiers(
    text: str, expected: tuple[object, ...] | None
) -> None:
    if expected is None:
        with pytest.raises(UnknownTitleError):
            parse_title(text)
    else:
        assert _shape(parse_title(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lead Customer Support Engineer", ("customer", "support", "engineer", ("lead",))),
        ("Customer Support Lead", ("customer", "support", "lead", ())),
        ("Customer Support Team Lead", ("customer", "support", "lead", ())),
        ("Assistant Customer Service Manager", ("customer", "service", "manager",
                                                ("assistant",))),
        ("Customer Service Assistant", ("customer", "service", "assistant", ())),
        ("Associate CSM", ("customer", "success", "manager", ("associate",))),
        ("Ingegnere capo del servizio clienti", ("customer", "service", "engineer", ("chief",))),
        ("Capo del servizio clienti", ("customer", "service", "head", ())),
        ("Tecnico dell'assistenza clienti", ("customer", "support", "technician", ())),
        ("Specialista del supporto tecnico", (None, "support", "specialist", ("technical",))),
        ("Старший менеджер по развитию клиентов", ("customer", "development", "manager",
                                                  ("senior",))),
        ("Ведущий инженер службы технической поддержки", (None, "support", "engineer",
                                                          ("lead", "technical"))),
        ("Специалист первой линии поддержки", (None, "support", "specialist", ("tier_1",))),
    ],
)  # fmt: skip
def test_a_word_with_two_readings_yields_to_the_other_words(
    text: str, expected: tuple[object, ...]
) -> None:
    assert _shape(parse_title(text)) == expected


def test_the_head_position_is_last_in_english_and_first_in_italian_and_russian() -> None:
    english = parse_title("Agent Supervisor")
    assert english.position == "supervisor"
    assert [s.text for s in english.ignored] == ["Agent"]
    assert parse_title("Responsabile agente").position == "manager"
    assert parse_title("Менеджер агент").position == "manager"


def test_a_weak_word_yields_to_a_strong_one() -> None:
    parts = parse_title("Менеджер по работе с клиентским опытом")
    assert parts.function == "experience"
    assert "работе" not in [s.text for s in (*parts.spans, *parts.ignored)]
    assert parse_title("Менеджер по работе с клиентами").function == "service"


@pytest.mark.parametrize(
    "text",
    [
        "Agente dell’assistenza clienti",
        "Agente dell'assistenza clienti",
        "Agente dell`assistenza clienti",
        "Agente dell\u02bcassistenza clienti",
        "AGENTE DELL'ASSISTENZA CLIENTI",
        "Un agente dell'assistenza clienti",
        "Gli agenti dell’assistenza clienti",
        "agenti  dell'  assistenza   clienti",
    ],
)
def test_italian_apostrophes_articles_and_plurals(text: str) -> None:
    parts = parse_title(text)
    assert _shape(parts) == ("customer", "support", "agent", ())
    assert parts.language is Language.IT


@pytest.mark.parametrize(
    "text",
    [
        "Партнёр службы поддержки",
        "Партнер службы поддержки",
        "ПАРТНЁРЫ СЛУЖБЫ ПОДДЕРЖКИ",
        "партнеры службы  поддержки",
    ],
)
def test_russian_yo_and_e_read_the_same(text: str) -> None:
    assert _shape(parse_title(text)) == (None, "support", "associate", ())


@pytest.mark.parametrize(
    "text",
    [
        "Агент колл-центра",
        "Агент колл\u2011центра",
        "Агент колл центра",
        "агенты КОЛЛ-ЦЕНТРА",
    ],
)
def test_hyphen_variants_join_words(text: str) -> None:
    assert _shape(parse_title(text)) == (None, "call_center", "agent", ())


def test_spans_point_into_the_original_text() -> None:
    text = "  Sr. Customer‐Success  MGR (EMEA)"
    parts = parse_title(text)
    assert parts.text == text
    assert parts.spans == (
        Span("qualifier", "senior", 2, 4, "Sr"),
        Span("audience", "customer", 6, 14, "Customer"),
        Span("function", "success", 15, 22, "Success"),
        Span("position", "manager", 24, 27, "MGR"),
    )
    assert parts.ignored == (Span("ignored", None, 29, 33, "EMEA"),)
    for span in (*parts.spans, *parts.ignored):
        assert text[span.start : span.end] == span.text


def test_spans_survive_letters_that_casefold_longer() -> None:
    with pytest.raises(UnknownTitleError, match="unknown word 'Straße'"):  # "ß" folds to "ss"
        parse_title("Straße Customer Care Agent")
    parts = parse_title("Customer Care Agent (Straße)")
    assert parts.ignored[0].text == "Straße"
    assert parts.spans[-1].text == "Agent"


def test_separated_segments_complete_the_head() -> None:
    assert parse_title("Manager, Customer Success") == CSM
    assert parse_title("Customer Success | Manager") == CSM
    assert parse_title("Customer Experience (CX) Manager").function == "experience"
    parts = parse_title("Customer Success Manager (Remote, EMEA)")
    assert parts.qualifiers == ("remote",)
    assert [s.text for s in parts.ignored] == ["EMEA"]


def test_a_segment_that_contradicts_the_head_is_set_aside() -> None:
    parts = parse_title("Customer Support, Success Manager")
    assert _shape(parts) == (None, "success", "manager", ())
    assert [s.text for s in parts.ignored] == ["Customer Support"]


def test_bracketed_titles_become_alternatives_unless_they_agree() -> None:
    assert parse_title("Customer Success Manager (CSM)").alternatives == ()
    parts = parse_title("Customer Success Manager (Relationship Manager)")
    assert [_shape(a) for a in parts.alternatives] == [(None, "relationship", "manager", ())]


def test_language_can_be_given_as_member_or_code() -> None:
    text = "Rappresentante del servizio clienti"
    assert parse_title(text, language="it") == parse_title(text, language=Language.IT)
    assert parse_title(text).language is Language.IT
    with pytest.raises(UnknownTitleError, match=r"tried en\)"):
        parse_title(text, language="en")


def test_detection_prefers_the_reading_that_sets_nothing_aside() -> None:
    # English reads "Manager" too, but sets the Russian aside.
    parts = parse_title("Менеджер (CSM)")
    assert parts.language is Language.RU
    assert parts.alternatives[0].function == "success"
    # Words that are the same in English and Italian read as English.
    assert parse_title("Team Leader").language is Language.EN


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "'' is not a job title: it has no words"),
        ("   ", "it has no words"),
        ("!!! ??? ...", "it has no words"),
        ("Customers", "it names no position or function (tried en, it)"),
        ("Customer Sccesss Manager", "unknown word 'Sccesss' (closest: 'success')"),
        ("Клиентский Мнежер", "unknown word 'Мнежер' (closest: 'менеджер'"),
        ("xyzzy plugh", "unknown words 'xyzzy', 'plugh'"),
        ("Ωμέγα", "tried en, it, ru"),
    ],
)
def test_what_is_not_a_title_raises_unknown_title_error(text: str, message: str) -> None:
    with pytest.raises(UnknownTitleError) as raised:
        parse_title(text)
    assert message in str(raised.value)
    assert isinstance(raised.value, LookupError)


def test_a_long_message_shows_at_most_four_unknown_words_once() -> None:
    with pytest.raises(UnknownTitleError) as raised:
        parse_title("aa aa bb cc dd ee ff")
    message = str(raised.value)
    assert message.count("'aa'") == 1
    assert "'dd'" in message
    assert "'ee'" not in message


def test_texts_longer_than_any_title_are_refused_at_once() -> None:
    assert len(parse_title("Customer Success Manager " + " " * 900).spans) == 3
    with pytest.raises(UnknownTitleError, match=f"at most {MAX_TITLE_LENGTH}"):
        parse_title("Customer Success Manager " + "x" * MAX_TITLE_LENGTH)
    junk = "\u2603a!" * 350_000  # a megabyte of junk
    with pytest.raises(UnknownTitleError, match="1,050,000 characters"):
        parse_title(junk)


@pytest.mark.parametrize("text", [None, 42, b"Customer Success Manager", ["CSM"]])
def test_text_must_be_a_string(text: object) -> None:
    with pytest.raises(InvalidEntityError, match=r"parse_title\.text: .*expected a string"):
        parse_title(text)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["fr", "EN", 1, Language])
def test_language_must_be_known(language: object) -> None:
    with pytest.raises(InvalidEntityError, match=r"parse_title\.language: .*expected a Language"):
        parse_title("CSM", language=language)  # type: ignore[arg-type]
