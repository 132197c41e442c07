"""The lexicons are data, checked on first use; broken data is refused with its path."""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from csroles import InvalidEntityError, Language
from csroles.titles import _en, _it, _ru, title_keys
from csroles.titles._lexicon import build, load
from csroles.titles._vocab import COMPOSABLE_QUALIFIERS

DATA = {"en": _en.LEXICON, "it": _it.LEXICON, "ru": _ru.LEXICON}

Mutation = Callable[[dict[str, Any]], None]


def test_lexicons_are_not_loaded_by_import_csroles() -> None:
    code = (
        "import sys, csroles\n"
        "print(sorted(m for m in sys.modules if m.startswith('csroles.titles._')"
        " and m[-3:] in ('_en', '_it', '_ru')))\n"
        "csroles.compose_title(position='agent', language='it')\n"
        "print(sorted(m for m in sys.modules if m[-3:] in ('_en', '_it', '_ru')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert out == ["[]", "['csroles.titles._it']"]


@pytest.mark.parametrize("language", list(Language))
def test_every_language_loads_and_covers_every_key(language: Language) -> None:
    lexicon = load(language)
    assert lexicon.language is language
    assert load(language) is lexicon  # built once
    for category in ("audience", "function", "position"):
        for key in title_keys()[category]:
            assert key in lexicon.entries[category] or key in lexicon.synonyms
    for key in COMPOSABLE_QUALIFIERS:
        assert lexicon.entries["qualifier"][key].forms


def _set(path: str, value: object) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target = data
        for part in parents:
            target = target[part]
        target[last] = value

    return mutate


def _delete(path: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target = data
        for part in parents:
            target = target[part]
        del target[last]

    return mutate


def _both(*mutations: Mutation) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        for mutation in mutations:
            mutation(data)

    return mutate


def _add_variant(path: str, word: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target = data
        for part in parents:
            target = target[part]
        target[last] = (*target.get(last, ()), word)

    return mutate


CASES: list[tuple[str, Mutation, str]] = [
    # The top level.
    ("en", _delete("templates"), "Lexicon[en].templates: None, expected a value"),
    ("en", _set("colour", "red"), "Lexicon[en].colour: 'red', expected no such entry"),
    ("en", _set("language", "fr"), "Lexicon[fr].language: 'fr', expected one of 'en', 'it', 'ru'"),
    ("en", _set("script", "greek"), "script: 'greek', expected one of 'latin', 'cyrillic'"),
    ("en", _set("head", "middle"), "head: 'middle', expected one of 'first', 'last'"),
    ("en", _set("case", "upper"), "case: 'upper', expected one of 'title', 'sentence'"),
    ("en", _set("audience", {1: {}}), "audience: {1: {}}, expected a mapping with string keys"),
    # Coverage of the keys.
    ("en", _delete("audience/consumer"), "audience.consumer: None, expected words for every key"),
    ("en", _set("audience/martian", {"forms": {"sg": "martian"}}),
     "audience.martian: {'forms': {'sg': 'martian'}}, expected a key of audience"),
    ("en", _delete("qualifier/senior"), "qualifier.senior.forms: None, expected forms"),
    ("en", _set("qualifier/chief", {"variants": ("chief",)}), "qualifier.chief.forms"),
    # Synonyms.
    ("en", _set("synonyms", {"client": "service"}),
     "synonyms.client: 'service', expected another key of the same category"),
    ("en", _set("synonyms", {"client": "client"}), "expected another key of the same category"),
    ("en", _both(_delete("function/care"), _set("synonyms", {"care": "support"})),
     "synonyms.care: 'support', expected a function of focus service"),
    ("en", _both(_delete("position/manager"), _set("synonyms", {"manager": "agent"})),
     "synonyms.manager: 'agent', expected a position of the same level and signal"),
    ("en", _set("synonyms", {"client": "customer"}),
     "audience.client: {'forms': {'sg': 'client'}, 'variants': ('clients',)}, expected no entry"),
    ("it", _both(_delete("audience/user"), _set("synonyms/user", "client")),
     "synonyms.user: 'client', expected a key that has its own words"),
    # Entries and their words.
    ("en", _set("position/agent/colour", "red"), "position.agent.colour: 'colour', expected one of"),
    ("en", _set("position/agent/forms/sg", "Agent"),
     "position.agent.forms.sg: 'Agent', expected a lowercase word"),
    ("en", _set("position/agent/forms/sg", " agent"),
     "expected a non-empty string without surrounding spaces"),
    ("en", _set("position/agent/forms", {}), "position.agent.forms: {}, expected at least one form"),
    ("en", _set("position/agent/variants", "agents"),
     "position.agent.variants: 'agents', expected a tuple of words"),
    ("en", _set("position/agent/variants", ("agents", 7)), "position.agent.variants[1]: 7"),
    ("en", _set("position/agent/gender", "M"), "position.agent.gender: 'M', expected a lowercase"),
    ("en", _add_variant("position/agent/variants", "representative"),
     ("position.agent: 'representative', expected a word of its own "
      "('representative' is already 'representative': declare a synonym)")),
    ("en", _add_variant("position/agent/variants", "customer/agent"),
     "expected words (letters or digits, no separators)"),
    ("ru", _add_variant("function/service/weak", "сервис"),
     "function.service.weak: 'сервис', expected a word that is not also strong"),
    ("en", _add_variant("connectors", "agent"),
     "connectors: 'agent', expected a word that means nothing else"),
    # Articles and contractions.
    ("it", _set("function/development/articles/sg", "il"),
     "function.development.articles.sg: 'il', expected 'lo' for 'sviluppo' (m, sg) by article_rules"),
    ("it", _set("position/agent/articles/sg", "il"), "expected \"l'\" for 'agente'"),
    ("it", _set("function/service/articles/sg", "el"), "articles.sg: 'el', expected one of"),
    ("it", _set("function/service/articles/du", "il"), "articles.du: 'du', expected one of 'sg', 'pl'"),
    ("it", _delete("contractions/a/le"), "contractions.a: "),
    ("it", _set("article_rules", ["m", "sg", (), "il"]), "article_rules: ['m', 'sg', (), 'il']"),
    ("it", _set("article_rules", (("m", "sg", "il"),)), "article_rules[0]: ('m', 'sg', 'il')"),
    # Templates and phrases.
    ("en", _set("templates/title", "[{position:sg}"), "templates.title: '[{position:sg}', expected balanced [ and ]"),
    ("en", _set("templates/title", "{position:sg}]"), "expected balanced [ and ]"),
    ("en", _set("templates/title", "[[{position:sg}]]"), "optional groups [...] that do not nest"),
    ("en", _set("templates/title", "{position:sg}[ and]"), "a placeholder in every optional group"),
    ("en", _set("templates/title", "{position:sg"), "expected balanced { and }"),
    ("en", _set("templates/title", "position:sg}"), "expected balanced { and }"),
    ("en", _set("templates/title", "{boss:sg}"), "one of 'audience', 'function', 'position', 'seniority'"),
    ("en", _set("templates/title", "{position}"), "expected {slot:form}"),
    ("en", _set("templates/title", "{position:+sg}"), "expected prep+form"),
    ("en", _set("templates/title", "{position:plural}"),
     "templates.title{position} on position.representative: 'plural', expected a form or phrase"),
    ("en", _set("templates/title", "{seniority:@position.gender} {position:sg}"),
     "None, expected a form named by position.gender"),
    ("en", _set("templates/title", "{position:@position.colour}"), "'colour', expected one of 'gender'"),
    ("en", _set("templates/title", "{position:@boss.gender}"), "'boss', expected one of"),
    ("en", _set("templates/title", 7), "templates.title: 7, expected a template string"),
    ("en", _set("templates/other", "{position:sg}"), "templates.other: 'other', expected one of"),
    ("en", _delete("templates/title_without_function"), "templates.title_without_function: None"),
    ("en", _set("templates/title", "the {position:sg} desk"),
     "templates.title: 'desk', expected a connector or a known word"),
    ("it", _set("templates/title", "{position:sg} {audience:xx+pl}"),
     "'xx', expected a preposition of contractions"),
    ("it", _set("templates/title", "{position:sg} {audience:di+zz}"),
     "'zz', expected a form with a declared article"),
    ("it", _set("phrases/qualifier", {}), "phrases.qualifier: 'qualifier', expected one of"),
    ("it", _set("function/care/phrases/phrase", {"none": "{function:sg}"}),
     "expected a template or variants with a 'default'"),
    ("ru", _set("function/experience/phrases/phrase/martians", "{function:nom_sg}"),
     "function.experience.phrases.phrase: 'martians', expected one of"),
    ("ru", _set("function/support/phrases/phrase", "бюро {function:gen_sg}"),
     "function.support.phrases.phrase.default: 'бюро', expected a connector or a known word"),
    ("ru", _set("function/experience/phrases/phrase/default", "по {audience:adj_dat}"),
     "'adj_dat', expected a form or phrase of that name"),
    # Abbreviations.
    ("en", _set("abbreviations/csr", "customer servise rep"),
     "abbreviations.csr: 'customer servise rep', expected known words ('servise' is not one)"),
    ("en", _set("abbreviations/xx", "lead"), "expected unambiguous words ('lead' is not)"),
    ("en", _set("abbreviations/xx", "of the"), "expected an expansion that means something"),
    ("en", _set("abbreviations/agent", "customer service agent"),
     "abbreviations.agent: 'agent', expected an abbreviation that is not already a word"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "mutation", "message"), CASES)
def test_broken_lexicons_are_refused_with_the_path_of_the_bad_value(
    language: str, mutation: Mutation, message: str
) -> None:
    data = copy.deepcopy(DATA[language])
    mutation(data)
    with pytest.raises(InvalidEntityError) as raised:
        build(data)
    assert message in str(raised.value)


@pytest.mark.parametrize("data", [[], None, "en", {1: 2}])
def test_a_lexicon_is_a_mapping(data: object) -> None:
    with pytest.raises(InvalidEntityError, match=r"Lexicon\[\?\]\.data: .*expected a mapping"):
        build(data)


@pytest.mark.parametrize("language", list(DATA))
def test_the_shipped_data_builds_from_a_copy(language: str) -> None:
    # build() never changes its input (the cached lexicon is built from the module's data).
    data = copy.deepcopy(DATA[language])
    build(data)
    assert data == DATA[language]


def test_detection_reads_the_script_without_building_every_lexicon() -> None:
    code = (
        "import sys, csroles\n"
        "csroles.parse_title('Customer Success Manager')\n"
        "print(sorted(m for m in sys.modules if m[-3:] in ('_en', '_it', '_ru')))\n"
        "from csroles.titles import _lexicon\n"
        "print(_lexicon.load.cache_info().currsize)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    # The Russian module is read for its script, but only English is built.
    assert out[0] == "['csroles.titles._en', 'csroles.titles._it', 'csroles.titles._ru']"
    assert out[1] == "1"


def test_a_lexicon_without_a_valid_script_is_refused_when_detecting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from csroles import parse_title
    from csroles.titles import _lexicon
    from csroles.titles._parser import _parse, _written_in

    broken = copy.deepcopy(_ru.LEXICON)
    broken["script"] = "runic"
    monkeypatch.setattr(_lexicon, "_data", lambda language: broken)
    _lexicon.script.cache_clear()
    _lexicon.load.cache_clear()
    _parse.cache_clear()
    _written_in.cache_clear()
    try:
        with pytest.raises(InvalidEntityError, match=r"Lexicon\[ru\]\.script: 'runic'"):
            parse_title("Агент")
    finally:
        monkeypatch.undo()
        _lexicon.script.cache_clear()
        _lexicon.load.cache_clear()
        _parse.cache_clear()
        _written_in.cache_clear()
    assert parse_title("Агент").position == "agent"
