# ruff: noqa: RUF001, RUF003 (Russian and Italian titles are data here)
"""compose_title writes the sources' own spellings, in the three languages."""

from __future__ import annotations

import pytest

from csroles import InvalidEntityError, Language, compose_title

Triple = tuple[str | None, str | None, str]


@pytest.mark.parametrize(
    ("triple", "title"),
    [
        (("customer", "success", "manager"), "Customer Success Manager"),
        (("customer", "service", "representative"), "Customer Service Representative"),
        (("customer", "support", "engineer"), "Customer Support Engineer"),
        (("customer", "experience", "manager"), "Customer Experience Manager"),
        ((None, "call_center", "agent"), "Call Center Agent"),
        (("customer", None, "advocate"), "Customer Advocate"),
        ((None, "implementation", "specialist"), "Implementation Specialist"),
        ((None, "relationship", "manager"), "Relationship Manager"),
        (("community", "help", "hero"), "Community Help Hero"),
    ],
)
def test_english_titles_are_in_title_case(triple: Triple, title: str) -> None:
    audience, function, position = triple
    assert compose_title(audience=audience, function=function, position=position) == title


@pytest.mark.parametrize(
    ("triple", "title"),
    [
        # The examples and the Italian names of *LiveAgent roles*, in the singular.
        (("customer", "service", "representative"), "Rappresentante del servizio clienti"),
        (("customer", "support", "manager"), "Responsabile dell'assistenza clienti"),
        (("customer", "satisfaction", "manager"), "Responsabile della soddisfazione dei clienti"),
        (("customer", "experience", "manager"), "Responsabile dell'esperienza del cliente"),
        (("customer", "service", "supervisor"), "Supervisore del servizio clienti"),
        (("customer", "support", "engineer"), "Ingegnere dell'assistenza clienti"),
        (("customer", "support", "representative"), "Rappresentante dell'assistenza clienti"),
        (("customer", None, "advocate"), "Sostenitore dei clienti"),
        ((None, "call_center", "agent"), "Agente del call center"),
        # Seed 003's names.
        (("customer", "success", "manager"), "Responsabile del successo del cliente"),
        ((None, "implementation", "specialist"), "Specialista dell'implementazione"),
        ((None, "relationship", "manager"), "Responsabile delle relazioni"),
        # Articles by the initial letters: lo/gli before s + consonant, l'/gli before a vowel.
        (("customer", "development", "manager"), "Responsabile dello sviluppo dei clienti"),
        (("user", "support", "representative"), "Rappresentante dell'assistenza utenti"),
        (("user", None, "agent"), "Agente degli utenti"),
        (("community", "care", "specialist"), "Specialista della cura delle comunità"),
        (("user", "help", "agent"), "Agente dell'aiuto agli utenti"),
        (("customer", "relationship", "manager"), "Responsabile delle relazioni con i clienti"),
        (("user", "implementation", "specialist"),
         "Specialista dell'implementazione per gli utenti"),
    ],
)  # fmt: skip
def test_italian_titles_put_the_position_first_with_articulated_prepositions(
    triple: Triple, title: str
) -> None:
    audience, function, position = triple
    composed = compose_title(audience=audience, function=function, position=position, language="it")
    assert composed == title


@pytest.mark.parametrize(
    ("triple", "title"),
    [
        # The Russian headings of *LiveAgent roles*, one by one.
        (("customer", "service", "representative"), "Представитель службы по работе с клиентами"),
        ((None, "call_center", "agent"), "Агент колл-центра"),
        (("customer", "service", "supervisor"), "Супервайзер службы по работе с клиентами"),
        (("customer", "service", "manager"), "Менеджер службы по работе с клиентами"),
        (("customer", "support", "representative"), "Представитель службы поддержки клиентов"),
        (("customer", "support", "engineer"), "Инженер службы поддержки клиентов"),
        (("customer", "support", "manager"), "Менеджер службы поддержки клиентов"),
        (("customer", "development", "manager"), "Менеджер по развитию клиентов"),
        (("customer", "experience", "manager"), "Менеджер по работе с клиентским опытом"),
        (("customer", None, "advocate"), "Защитник интересов клиента"),
        # (11, "Директор по работе с клиентами", names the CCO: it is read, not composed.)
        # And the "same job" list of the source.
        (("customer", "care", "agent"), "Агент службы заботы о клиенте"),
        # Cases by link: genitive, по + dative, с + instrumental, для + genitive.
        (("user", "support", "specialist"), "Специалист службы поддержки пользователей"),
        (("user", "help", "agent"), "Агент службы помощи пользователям"),
        (("consumer", "relationship", "manager"), "Менеджер по отношениям с потребителями"),
        (("community", "experience", "manager"), "Менеджер по работе с опытом сообщества"),
        ((None, "experience", "manager"), "Менеджер по работе с опытом"),
        ((None, "service", "agent"), "Агент службы обслуживания"),
        (("community", "call_center", "operator"), "Оператор колл-центра для сообществ"),
        (("customer", "advocacy", "specialist"), "Специалист по защите интересов клиентов"),
    ],
)  # fmt: skip
def test_russian_titles_put_function_and_audience_in_the_right_case(
    triple: Triple, title: str
) -> None:
    audience, function, position = triple
    composed = compose_title(audience=audience, function=function, position=position, language="ru")
    assert composed == title


@pytest.mark.parametrize(
    ("language", "position", "qualifier", "title"),
    [
        (Language.EN, "manager", "senior", "Senior Customer Success Manager"),
        (Language.EN, "officer", "chief", "Chief Customer Success Officer"),
        (Language.IT, "manager", "senior", "Responsabile senior del successo del cliente"),
        (Language.IT, "engineer", "chief", "Ingegnere capo del successo del cliente"),
        (Language.RU, "manager", "junior", "Младший менеджер по успеху клиентов"),
        (Language.RU, "team", "senior", "Старшая команда по успеху клиентов"),
    ],
)
def test_a_seniority_agrees_with_the_position(
    language: Language, position: str, qualifier: str, title: str
) -> None:
    composed = compose_title(
        audience="customer",
        function="success",
        position=position,
        language=language,
        qualifiers=[qualifier],
    )
    assert composed == title


def test_synonyms_share_their_words() -> None:
    # Italian "assistenza" is both support and assistance, "cliente" both
    # customer and client; Russian "помощь" is help and assistance.
    it = {"language": "it", "position": "agent"}
    assert compose_title(audience="client", function="assistance", **it) == compose_title(
        audience="customer", function="support", **it
    )
    assert compose_title(position="advisor", language="it") == "Consulente"
    ru = {"language": "ru", "position": "agent"}
    assert compose_title(function="assistance", **ru) == compose_title(function="help", **ru)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"position": "manger"}, "compose_title.position: 'manger', expected a position key"),
        ({"position": "manger"}, "closest: 'manager'"),
        ({"position": None}, "compose_title.position: None"),
        ({"position": "zzzz"}, "'zzzz', expected a position key: one of 'representative'"),
        ({"position": "agent", "audience": "custmer"}, "closest: 'customer'"),
        ({"position": "agent", "function": 3}, "compose_title.function: 3"),
        (
            {"position": "agent", "language": "fr"},
            "compose_title.language: 'fr', expected a Language",
        ),
        ({"position": "agent", "language": None}, "compose_title.language: None"),
        ({"position": "agent", "qualifiers": "senior"}, "not one string"),
        ({"position": "agent", "qualifiers": 5}, "a collection of qualifier keys"),
        ({"position": "agent", "qualifiers": [["x"]]}, "a collection of qualifier keys"),
        ({"position": "agent", "qualifiers": ["technical"]}, "an expertise qualifier is read"),
        ({"position": "agent", "qualifiers": ["nope"]}, "compose_title.qualifiers: 'nope'"),
        ({"position": "agent", "qualifiers": ["senior", "junior"]}, "at most one of"),
    ],
)
def test_bad_arguments_are_refused_with_a_message_naming_them(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidEntityError) as raised:
        compose_title(**kwargs)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_the_same_qualifier_twice_is_one() -> None:
    assert compose_title(position="agent", qualifiers=["senior", "senior"]) == "Senior Agent"


def test_any_collection_of_qualifiers_will_do() -> None:
    assert compose_title(position="agent", qualifiers={"senior"}) == "Senior Agent"
    assert compose_title(position="agent", qualifiers=iter(["junior"])) == "Junior Agent"
    with pytest.raises(InvalidEntityError, match=r"compose_title\.audience"):
        compose_title(position="agent", audience=["customer"], qualifiers=[])  # type: ignore[arg-type]
