# ruff: noqa: RUF001 (Russian and Italian source text is data here)
"""Every role name of the source articles, in the forms they use, parses and resolves to its role."""

from __future__ import annotations

import pytest

from csroles import Catalog, InvalidEntityError, Language, Level, default_catalog, parse_title
from csroles.titles import TitleIndex, describe_title
from tests.titles_seed_data import (
    ALL_FORMS,
    CSE,
    CSR,
    SEED_000,
    SEED_001,
    SEED_004_ALTERNATIVES,
    SEED_ROLES,
    Form,
)

INDEX = TitleIndex(SEED_ROLES)


def _id(form: Form) -> str:
    return form.text


@pytest.mark.parametrize("form", ALL_FORMS, ids=_id)
def test_seed_form_parses_into_its_parts(form: Form) -> None:
    parts = parse_title(form.text)
    assert (parts.audience, parts.function, parts.position) == (
        form.audience,
        form.function,
        form.position,
    )
    assert parts.qualifiers == form.qualifiers


@pytest.mark.parametrize("form", ALL_FORMS, ids=_id)
def test_seed_form_resolves_to_its_role(form: Form) -> None:
    assert INDEX.resolve(form.text).key == form.role


@pytest.mark.parametrize("form", SEED_000, ids=_id)
def test_seed_000_is_read_as_italian(form: Form) -> None:
    expected = Language.EN if "Chief" in form.text or form.text == "CCO" else Language.IT
    assert parse_title(form.text).language is expected


@pytest.mark.parametrize("form", SEED_001, ids=_id)
def test_seed_001_is_read_as_russian(form: Form) -> None:
    assert parse_title(form.text).language is Language.RU


@pytest.mark.parametrize("title", SEED_004_ALTERNATIVES)
def test_seed_004_alternative_titles_name_the_representative(title: str) -> None:
    assert INDEX.resolve(title).key == CSR
    assert INDEX.resolve(f"  {title.upper()} ").key == CSR


def test_every_seed_role_title_resolves_exactly() -> None:
    for role in SEED_ROLES:
        for title in role.titles:
            match = INDEX.resolve(title)
            assert (match.key, match.kind) == (role.key, "exact"), title


def test_the_engineer_heading_keeps_its_alternative() -> None:
    parts = parse_title(
        "Gli ingegneri dell’assistenza clienti (o specialisti dell’assistenza tecnica)"
    )
    assert [(a.function, a.position, a.qualifiers) for a in parts.alternatives] == [
        ("support", "specialist", ("technical",))
    ]
    assert [s.text for s in parts.alternatives[0].spans] == ["specialisti", "assistenza", "tecnica"]
    ru = parse_title("Инженеры службы поддержки (или специалисты службы технической поддержки)")
    assert [(a.function, a.position, a.qualifiers) for a in ru.alternatives] == [
        ("support", "specialist", ("technical",))
    ]
    assert INDEX.resolve("Инженеры службы поддержки").key == CSE


def test_the_cco_abbreviation_in_brackets_agrees_with_the_title() -> None:
    parts = parse_title("Директор по работе с клиентами (CCO)")
    assert parts.alternatives == ()
    assert parts.ignored == ()


@pytest.mark.parametrize(
    ("word", "category", "key", "language"),
    [
        # Seed 000: the words a team title may combine, and the position words.
        ("clienti", "audience", "customer", "it"),
        ("utenti", "audience", "user", "it"),
        ("comunità", "audience", "community", "it"),
        ("aiuto", "function", "help", "it"),
        ("sostegno", "function", "support", "it"),
        ("assistenza", "function", "support", "it"),
        ("soddisfazione", "function", "satisfaction", "it"),
        ("specialisti", "position", "specialist", "it"),
        ("consulenti", "position", "consultant", "it"),
        ("sostenitori", "position", "advocate", "it"),
        ("eroi", "position", "hero", "it"),
        ("squadra", "position", "squad", "it"),
        ("guru", "position", "guru", "it"),
        ("esperto", "position", "expert", "it"),
        ("tecnico", "position", "technician", "it"),
        ("professionista", "position", "professional", "it"),
        ("mago", "position", "wizard", "it"),
        ("assistente", "position", "assistant", "it"),
        ("collaboratore", "position", "associate", "it"),
        ("leader", "position", "lead", "it"),
        ("agente", "position", "agent", "it"),
        ("consulente", "position", "consultant", "it"),
        # Seed 001: the same lists in Russian, in the cases the text uses.
        ("покупатели", "audience", "customer", "ru"),
        ("клиентами", "audience", "customer", "ru"),
        ("пользователями", "audience", "user", "ru"),
        ("сообществом", "audience", "community", "ru"),
        ("сервис", "function", "service", "ru"),
        ("помощь", "function", "help", "ru"),
        ("поддержка", "function", "support", "ru"),
        ("забота", "function", "care", "ru"),
        ("защита", "function", "protection", "ru"),
        ("успех", "function", "success", "ru"),
        ("команда", "position", "team", "ru"),
        ("специалистами", "position", "specialist", "ru"),
        ("консультантами", "position", "consultant", "ru"),
        ("защитниками", "position", "advocate", "ru"),
        ("героями", "position", "hero", "ru"),
        ("отрядом", "position", "squad", "ru"),
        ("гуру", "position", "guru", "ru"),
        ("эксперт", "position", "expert", "ru"),
        ("техник", "position", "technician", "ru"),
        ("профессионал", "position", "professional", "ru"),
        ("помощник", "position", "assistant", "ru"),
        ("партнер", "position", "associate", "ru"),
        ("партнёр", "position", "associate", "ru"),
        ("лидер", "position", "lead", "ru"),
        ("агент", "position", "agent", "ru"),
        ("советник", "position", "advisor", "ru"),
    ],
)
def test_seed_vocabulary_words(word: str, category: str, key: str, language: str) -> None:
    # Audience words need a position to make a title; add a neutral one.
    text = (
        word if category != "audience" else f"{word} " + ("агент" if language == "ru" else "agente")
    )
    parts = parse_title(text, language=language)
    assert getattr(parts, category) == key


def test_seed_000_titles_say_who_is_responsible_for_what() -> None:
    # Seed 000: titles should make clear who is responsible for what.
    engineer = describe_title("Gli ingegneri dell’assistenza clienti")
    assert engineer.expertise
    assert engineer.signal == "expertise"
    manager = describe_title("I responsabili dell’assistenza clienti")
    assert (manager.level, manager.signal, manager.expertise) == (
        Level.MANAGER,
        "hierarchy",
        False,
    )
    agent = describe_title("агент службы заботы о клиенте")
    assert agent.signal == "softened"


# ---------------------------------------------------------------- the built-in catalog

CATALOG = default_catalog()


@pytest.mark.parametrize("form", ALL_FORMS, ids=_id)
def test_the_default_catalog_resolves_every_seed_form(form: Form) -> None:
    assert CATALOG.role_for_title(form.text).key == form.role


@pytest.mark.parametrize("title", SEED_004_ALTERNATIVES)
def test_the_default_catalog_knows_seed_004_alternatives(title: str) -> None:
    assert CATALOG.role_for_title(title).key == CSR


def test_every_catalog_title_resolves_to_its_role_in_the_plural_too() -> None:
    plurals = {
        "Представители службы поддержки клиентов": "customer_support_representative",
        "Менеджеры по взаимоотношениям с клиентами": "relationship_manager",
        "Агенты по работе с социальными сетями": "social_media_agent",
        "Gli specialisti dell'implementazione": "implementation_specialist",
        "Operatori di telemarketing": "telemarketer",
        "Email Support Agents": "email_support_agent",
        "Call Center Directors": "call_center_director",
    }
    for text, key in plurals.items():
        assert CATALOG.role_for_title(text).key == key, text


def test_the_catalog_explains_parsed_matches() -> None:
    match = CATALOG.match_title("I responsabili della soddisfazione dei clienti")
    assert (match.key, match.kind) == ("customer_success_manager", "parts")
    assert match.title == "Responsabile della soddisfazione dei clienti"
    closest = CATALOG.match_title("Head of Customer Support")
    assert (closest.key, closest.kind, closest.decided_by) == (
        "customer_support_manager",
        "closest",
        "level",
    )


def test_the_catalog_remembers_titles_by_normal_form_least_recently_used_first() -> None:
    roles = default_catalog().roles
    catalog = Catalog(roles=roles, title_memory=3)
    memory = catalog._title_roles
    for text in ("CSR", "  Customer Service Manager", "CSM"):
        catalog.role_for_title(text)
    # Spellings with the same normal form share one entry.
    catalog.role_for_title("customer   SERVICE manager")
    assert [key for key, _ in memory] == ["csr", "csm", "customer service manager"]
    catalog.role_for_title("csr")  # used again: now the most recent
    catalog.role_for_title("Telemarketer")  # one too many: the least recent goes
    assert [key for key, _ in memory] == ["customer service manager", "csr", "telemarketer"]
    assert catalog.role_for_title("CSM").key == "customer_success_manager"
    assert len(memory) == 3


def test_a_catalog_may_remember_nothing() -> None:
    catalog = Catalog(roles=default_catalog().roles, title_memory=0)
    assert catalog.role_for_title("Sr. CSR").key == "customer_service_representative"
    assert not catalog._title_roles
    assert catalog == default_catalog()  # the memory's size is no part of equality


@pytest.mark.parametrize("size", [-1, 1.5, "10", None, True, 10**8])
def test_the_memory_size_is_checked(size: object) -> None:
    with pytest.raises(InvalidEntityError, match=r"Catalog\.title_memory"):
        Catalog(roles=default_catalog().roles, title_memory=size)  # type: ignore[arg-type]
