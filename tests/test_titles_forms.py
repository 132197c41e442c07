"""Titles as HR systems and job boards write them: each form and the role it names.

The roles are named by hand from the docs' title table (docs/titles.md), which
says where each form belongs in the catalog and why.
"""

from __future__ import annotations

import itertools

import pytest

from csroles import Language, compose_title, default_catalog, parse_title
from csroles.titles import title_keys

FORMS = [
    # Italian: addetto / addetta / addetti / addette with every articulated "a".
    ("Addetto al servizio clienti", "customer_service_representative"),
    ("Addetta all'assistenza clienti", "customer_support_representative"),
    ("Addetti al servizio clienti", "customer_service_representative"),
    ("Addette al servizio clienti", "customer_service_representative"),
    ("addetti CSR", "customer_service_representative"),
    ("Addetto allo sviluppo dei clienti", "relationship_manager"),
    ("Addetta alla soddisfazione dei clienti", "relationship_manager"),
    ("Addetti ai call center", "call_center_agent"),
    ("Addette all'assistenza tecnica", "customer_support_representative"),
    ("Operatrice call center", "call_center_agent"),
    ("Operatore del contact center", "call_center_agent"),
    ("Consulente dell'assistenza clienti", "customer_support_representative"),
    ("La responsabile del servizio clienti", "customer_service_manager"),
    ("rappresentanti del supporto vendite", "sales_support_representative"),
    (
        "I rappresentanti del reparto dedicato al successo del cliente",
        "relationship_manager",
    ),
    # Russian: коллцентр, колл-центр, call-центр, контакт-центр, техподдержка, линия.
    ("Оператор коллцентра", "call_center_agent"),
    ("Оператор колл-центра", "call_center_agent"),
    ("Оператор call-центра", "call_center_agent"),
    ("Оператор контакт-центра", "call_center_agent"),
    ("Менеджер коллцентра", "call_center_manager"),
    ("Специалист техподдержки", "customer_support_engineer"),
    ("Инженер техподдержки", "customer_support_engineer"),
    ("Специалист технической поддержки первой линии", "customer_support_representative"),
    ("Специалист линии поддержки", "customer_support_engineer"),
    ("Оператор первой линии поддержки", "customer_support_representative"),
    # English: help desk / service desk, VP / Head / Director, account manager.
    ("Helpdesk Analyst", "customer_support_engineer"),
    ("Help Desk Technician", "customer_support_engineer"),
    ("Service Desk Agent", "customer_support_representative"),
    ("Service Desk Analyst", "customer_support_engineer"),
    ("VP Customer Experience", "customer_experience_manager"),
    ("VP of Customer Support", "customer_support_manager"),
    ("Vice President, Customer Success", "customer_success_manager"),
    ("Head of Customer Support", "customer_support_manager"),
    ("Head of Customer Experience", "customer_experience_manager"),
    ("Director of Customer Success", "customer_success_manager"),
    ("Account Manager", "relationship_manager"),
    ("Key Accounts Manager", "relationship_manager"),
    ("Customer Support Ninja", "customer_support_representative"),
    ("Customer Happiness Hero", None),
    ("Support Agent", "customer_support_representative"),
    ("Jr. Support Agent", "customer_support_representative"),
    ("Customer Support Agent", "customer_support_representative"),
    ("Senior Customer Support Agent", "customer_support_representative"),
    ("Tier 2 Support Agent", "customer_support_engineer"),
    ("Trainee Customer Service Representative", "customer_service_representative"),
]


@pytest.mark.parametrize(("text", "key"), [f for f in FORMS if f[1] is not None])
def test_each_form_names_its_role(text: str, key: str) -> None:
    assert default_catalog().role_for_title(text).key == key


def test_same_language_title_decides() -> None:
    # "Support Agent" once matched a shorter Russian title of the tier-2 engineer,
    # and "Customer Support Agent" an Italian alternative title.
    for text in ("Support Agent", "Jr. Support Agent", "Customer Support Agent"):
        match = default_catalog().match_title(text)
        assert match.title == "Customer Support Representative", text


def test_account_manager_says_why() -> None:
    match = default_catalog().match_title("Account Manager")
    assert match.key == "relationship_manager"
    assert match.parts is not None
    assert match.parts.function == "relationship"
    assert match.title == "Relationship Manager"


def test_first_line_decides_by_tier() -> None:
    match = default_catalog().match_title("Специалист технической поддержки первой линии")
    assert match.decided_by == "tier"
    assert "tier 1 equals the role's" in match.reasons


def test_new_words_parse_to_their_keys() -> None:
    assert parse_title("Addette all'assistenza clienti").position == "representative"
    assert parse_title("rappresentanti del supporto vendite").qualifiers == ("sales",)
    assert parse_title("Специалист техподдержки").qualifiers == ("technical",)
    assert parse_title("Оператор call-центра").function == "call_center"
    assert parse_title("Оператор call-центра").language is Language.RU
    assert parse_title("VP Customer Experience").position == "director"
    assert parse_title("IT Helpdesk Analyst").qualifiers == ("technical",)


def _titles_in(key: str, language: Language) -> set[str]:
    role = default_catalog().get(key)
    found = set(role.alternative_titles.get(language, ()))
    if language in role.titles:
        found.add(role.titles[language])
    return found


@pytest.mark.parametrize("language", list(Language))
def test_the_deciding_title_is_in_the_query_language(language: Language) -> None:
    catalog = default_catalog()
    keys = title_keys()
    for audience, function, position in itertools.product(
        (None, "customer", "user"), (None, *keys["function"]), keys["position"]
    ):
        text = compose_title(
            audience=audience, function=function, position=position, language=language
        )
        match = catalog.match_title(text)
        if match.kind == "exact" or match.parts is None or match.title is None:
            continue
        theirs = _titles_in(match.key, match.parts.language)
        if theirs:
            assert match.title in theirs, (text, match.title)
