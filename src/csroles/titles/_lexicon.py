"""Load, check and compile a language's lexicon (``_en``, ``_it``, ``_ru`` ...).

A lexicon module holds one literal ``LEXICON`` dict. :func:`load` imports it
on first use (never at ``import csroles``), compiles it with :func:`build`
and caches the compiled :class:`Lexicon`. The shipped lexicons are compiled
without the checks below (``checked=False``): the tests build each of them
with its checks and require the same lexicon. Adding a language means adding a
``_<code>.py`` module (and its :class:`~csroles.Language` member); neither the
parser nor the composer changes.

What the checks guarantee, so that the parser and the composer need not:

* every audience, function and position key of :mod:`._vocab` has words, or
  is declared a synonym of a key with the same meaning (same focus, level and
  signal); every composable qualifier has the forms the templates ask for;
* every word is lowercase and tokenizes into words; no word means two keys of
  one category; connectors mean nothing else;
* every template and phrase parses, every form it asks for exists on every
  entry it may be given, and each of its literal words is a known word;
* every declared article follows ``article_rules``; every contraction exists
  for every article, and its words are connectors;
* every abbreviation expands into known, unambiguous words.

Failures raise :class:`~csroles.errors.InvalidEntityError` naming the lexicon,
the path of the bad value, the value and what was expected.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal, NoReturn, cast

from csroles._validation import fail
from csroles.titles._normalize import fold
from csroles.titles._record import NamedTuple
from csroles.titles._tokenizer import tokenize
from csroles.titles._vocab import (
    CATEGORIES,
    COMPOSABLE_QUALIFIERS,
    FUNCTIONS,
    KEYS,
    POSITIONS,
    Category,
)
from csroles.vocabulary import Language

__all__: list[str] = []

SLOTS: Final[dict[str, Category]] = {
    "audience": "audience",
    "function": "function",
    "position": "position",
    "seniority": "qualifier",
}
_NOUN_CATEGORIES: Final[tuple[Category, ...]] = ("audience", "function", "position")
_REQUIRED: Final = frozenset(
    {"language", "script", "head", "case", "connectors", "templates", *CATEGORIES}
)
_OPTIONAL: Final = frozenset(
    {"contractions", "article_rules", "phrases", "synonyms", "abbreviations"}
)
_ENTRY_KEYS: Final = frozenset({"forms", "variants", "weak", "gender", "articles", "phrases"})
_TEMPLATE_NAMES: Final = ("title", "title_without_function")


class Assignment(NamedTuple):
    """One meaning of a word: ``key`` of ``category``; a weak one yields to others."""

    category: Category
    key: str
    weak: bool


Reading = tuple[Assignment, ...]


class Phrase(NamedTuple):
    """A run of words and its readings (alternatives); no reading means a connector."""

    tokens: tuple[str, ...]
    readings: tuple[Reading, ...]


class Slot(NamedTuple):
    """A template placeholder ``{slot:...}``.

    ``kind`` is ``form`` (``{slot:name}``), ``contract`` (``{slot:prep+name}``,
    extra = prep) or ``attr`` (``{slot:@other.attr}``: the form named by an
    attribute of another slot's entry; name = other slot, extra = attribute).
    """

    slot: str
    kind: Literal["form", "contract", "attr"]
    name: str
    extra: str


class Group(NamedTuple):
    """An optional part of a template, left out when a slot inside it is empty."""

    nodes: tuple[Node, ...]


Node = str | Slot | Group
Template = tuple[Node, ...]
Variants = dict[str, Template]  # "default", "none" or an audience key -> template


class Entry(NamedTuple):
    """The words for one key in one language."""

    category: Category
    key: str
    forms: dict[str, str]
    gender: str | None
    articles: dict[str, str]
    phrases: dict[str, Variants]
    variants: tuple[str, ...]
    weak: tuple[str, ...]


class Lexicon(NamedTuple):
    """A checked, compiled lexicon."""

    language: Language
    script: str
    head_last: bool
    title_case: bool
    entries: dict[Category, dict[str, Entry]]
    synonyms: dict[str, str]
    table: dict[str, tuple[Phrase, ...]]
    contractions: dict[str, dict[str, str]]
    templates: dict[str, Template]
    defaults: dict[Category, dict[str, Variants]]
    words: tuple[str, ...]

    def entry(self, category: Category, key: str) -> Entry:
        """The entry that writes ``key`` (a synonym's primary key's entry)."""
        return self.entries[category][self.synonyms.get(key, key)]


def _data(language: Language) -> object:
    return importlib.import_module(f"csroles.titles._{language.value}").LEXICON


@functools.cache
def load(language: Language) -> Lexicon:
    """The lexicon of ``language``, compiled on first use (its checks run in the tests)."""
    return build(_data(language), checked=False)


@functools.cache
def script(language: Language) -> str:
    """The script ``language`` is written in, without building its lexicon."""
    data = _data(language)
    if isinstance(data, Mapping) and data.get("script") in ("latin", "cyrillic"):
        return str(data["script"])
    return build(data).script  # checking the lexicon says what is wrong with it


@functools.cache
def words(language: Language) -> frozenset[str]:
    """Every word the lexicon of ``language`` reads, connectors included, without building it.

    The parser asks it before building a lexicon that could only matter if
    it read the title better than a language already tried: a word missing
    here is unknown there. The same words as the built lexicon's table (a
    test compares them); data too broken to walk is built, which says what is
    wrong with it.
    """
    try:
        return _words(cast("Mapping[str, Any]", _data(language)))
    except (AttributeError, LookupError, TypeError):
        table = build(_data(language)).table  # checking the lexicon says what is wrong with it
        return frozenset(word for phrases in table.values() for p in phrases for word in p.tokens)


def _words(data: Mapping[str, Any]) -> frozenset[str]:
    surfaces: list[str] = [*data["connectors"], *data.get("abbreviations", {})]
    for category in CATEGORIES:
        for entry in data[category].values():
            surfaces.extend(entry.get("forms", {}).values())
            surfaces.extend(entry.get("variants", ()))
            surfaces.extend(entry.get("weak", ()))
    found: set[str] = set()
    for surface in surfaces:
        found.update(_split(surface) or ())
    return frozenset(found)


# ---------------------------------------------------------------- building


class _Checker:
    """Raises the lexicon's errors with its name and the path of the bad value."""

    checked = True

    def __init__(self, name: str) -> None:
        self.owner = f"Lexicon[{name}]"

    def fail(self, path: str, value: object, expected: str) -> NoReturn:
        fail(self.owner, path, value, expected)

    def mapping(self, path: str, value: object) -> Mapping[str, Any]:
        if not isinstance(value, Mapping) or not all(type(k) is str for k in value):
            self.fail(path, value, "a mapping with string keys")
        return value

    def word(self, path: str, value: object) -> str:
        if type(value) is not str or not value.strip() or value != value.strip():
            self.fail(path, value, "a non-empty string without surrounding spaces")
        if value != value.lower():
            self.fail(path, value, "a lowercase word (titles are cased when composed)")
        return value

    def words(self, path: str, value: object) -> tuple[str, ...]:
        if isinstance(value, str) or not isinstance(value, (tuple, list)):
            self.fail(path, value, "a tuple of words")
        return tuple(self.word(f"{path}[{i}]", item) for i, item in enumerate(value))

    def choice(self, path: str, value: object, choices: Iterable[str]) -> str:
        options = tuple(choices)
        if value not in options:
            self.fail(path, value, "one of " + ", ".join(map(repr, options)))
        return str(value)


class _Trusting(_Checker):
    """Takes the values as they are, for data that the tests check (see :func:`load`).

    Its methods keep the checker's signatures (hence the unused arguments).

    The checks that compiling needs anyway (a template's brackets, a word's
    tokens) still raise; the checks of whole structures are not run.
    """

    checked = False

    def mapping(self, path: str, value: object) -> Mapping[str, Any]:  # noqa: ARG002
        return cast("Mapping[str, Any]", value)

    def word(self, path: str, value: object) -> str:  # noqa: ARG002
        return cast("str", value)

    def words(self, path: str, value: object) -> tuple[str, ...]:  # noqa: ARG002
        return tuple(cast("Iterable[str]", value))

    def choice(self, path: str, value: object, choices: Iterable[str]) -> str:  # noqa: ARG002
        return str(value)


def build(data: object, *, checked: bool = True) -> Lexicon:  # noqa: PLR0912
    """Check a lexicon's literal data and compile it; see the module docstring.

    Without ``checked``, the data is compiled as it is: for the shipped
    lexicons, which the tests build with their checks.
    """
    name = data.get("language", "?") if isinstance(data, Mapping) else "?"
    check = _Checker(str(name)) if checked else _Trusting(str(name))
    data = check.mapping("data", data)
    missing = sorted(_REQUIRED - data.keys())
    if missing:
        check.fail(missing[0], None, "a value (the entry is required)")
    unknown = sorted(data.keys() - _REQUIRED - _OPTIONAL)
    if unknown:
        check.fail(unknown[0], data[unknown[0]], "no such entry: remove it")

    language = Language(check.choice("language", data["language"], (m.value for m in Language)))
    script = check.choice("script", data["script"], ("latin", "cyrillic"))
    head = check.choice("head", data["head"], ("first", "last"))
    case = check.choice("case", data["case"], ("title", "sentence"))

    contractions = _contractions(check, data.get("contractions", {}))
    articles_known = set().union(*(c.keys() for c in contractions.values()))
    rules = _article_rules(check, data.get("article_rules", ()))

    synonyms = _synonyms(check, data.get("synonyms", {}))
    entries: dict[Category, dict[str, Entry]] = {}
    for category in CATEGORIES:
        raw = check.mapping(category, data[category])
        for key in raw:
            if key not in KEYS[category]:
                check.fail(f"{category}.{key}", raw[key], f"a key of {category}: remove it")
            if key in synonyms and category in _NOUN_CATEGORIES:
                check.fail(f"{category}.{key}", raw[key], f"no entry: {key!r} is a synonym")
        entries[category] = {
            key: _entry(check, category, key, raw[key], articles_known) for key in raw
        }
    for category in _NOUN_CATEGORIES:
        for key in KEYS[category]:
            if key not in entries[category] and key not in synonyms:
                check.fail(f"{category}.{key}", None, "words for every key, or a synonym")
    for key in COMPOSABLE_QUALIFIERS:
        if key not in entries["qualifier"] or not entries["qualifier"][key].forms:
            check.fail(f"qualifier.{key}.forms", None, "forms (the qualifier is composable)")
    if check.checked:
        _check_synonyms(check, synonyms, entries)
        _check_articles(check, rules, entries)

    templates_raw = check.mapping("templates", data["templates"])
    for key in templates_raw:
        check.choice(f"templates.{key}", key, _TEMPLATE_NAMES)
    templates = {}
    for template_name in _TEMPLATE_NAMES:
        if template_name not in templates_raw:
            check.fail(f"templates.{template_name}", None, "a template")
        templates[template_name] = _compile(
            check, f"templates.{template_name}", templates_raw[template_name]
        )
    defaults: dict[Category, dict[str, Variants]] = {}
    for owner, phrases in check.mapping("phrases", data.get("phrases", {})).items():
        chosen = cast("Category", check.choice(f"phrases.{owner}", owner, _NOUN_CATEGORIES))
        defaults[chosen] = _phrases(check, f"phrases.{owner}", phrases)

    connectors = check.words("connectors", data["connectors"])
    table, words = _table(check, entries, connectors)
    lexicon = Lexicon(
        language=language,
        script=script,
        head_last=head == "last",
        title_case=case == "title",
        entries=entries,
        synonyms=synonyms,
        table=table,
        contractions=contractions,
        templates=templates,
        defaults=defaults,
        words=words,
    )
    if check.checked:
        _check_templates(check, lexicon)
    abbreviations = check.mapping("abbreviations", data.get("abbreviations", {}))
    for abbreviation, expansion in abbreviations.items():
        _add_abbreviation(check, lexicon, abbreviation, expansion)
    return lexicon


def _contractions(check: _Checker, raw: object) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    articles: set[str] | None = None
    for prep, table in check.mapping("contractions", raw).items():
        forms = check.mapping(f"contractions.{prep}", table)
        for article, joined in forms.items():
            check.word(f"contractions.{prep}.{article}", joined)
        if articles is None:
            articles = set(forms)
        elif set(forms) != articles:
            check.fail(f"contractions.{prep}", sorted(forms), f"the articles {sorted(articles)}")
        result[prep] = dict(forms)
    return result


def _article_rules(
    check: _Checker, raw: object
) -> tuple[tuple[str, str, tuple[str, ...], str], ...]:
    if not isinstance(raw, tuple):
        check.fail("article_rules", raw, "a tuple of (gender, number, initials, article)")
    rules = []
    for index, rule in enumerate(raw):
        if not (isinstance(rule, tuple) and len(rule) == 4):
            check.fail(f"article_rules[{index}]", rule, "(gender, number, initials, article)")
        gender, number, initials, article = rule
        check.word(f"article_rules[{index}]", article)
        rules.append(
            (str(gender), str(number), check.words(f"article_rules[{index}]", initials), article)
        )
    return tuple(rules)


def _synonyms(check: _Checker, raw: object) -> dict[str, str]:
    synonyms = dict(check.mapping("synonyms", raw))
    for key, primary in synonyms.items():
        category = next((c for c in _NOUN_CATEGORIES if key in KEYS[c]), None)
        if category is None or primary not in KEYS[category] or primary == key:
            check.fail(f"synonyms.{key}", primary, "another key of the same category")
        if category == "function" and FUNCTIONS[key] != FUNCTIONS[primary]:
            check.fail(f"synonyms.{key}", primary, f"a function of focus {FUNCTIONS[key].value}")
        if category == "position" and POSITIONS[key] != POSITIONS[primary]:
            check.fail(f"synonyms.{key}", primary, "a position of the same level and signal")
    return synonyms


def _check_synonyms(
    check: _Checker, synonyms: dict[str, str], entries: dict[Category, dict[str, Entry]]
) -> None:
    for key, primary in synonyms.items():
        if not any(primary in entries[c] for c in _NOUN_CATEGORIES):
            check.fail(f"synonyms.{key}", primary, "a key that has its own words")


def _entry(
    check: _Checker, category: Category, key: str, raw: object, articles_known: set[str]
) -> Entry:
    path = f"{category}.{key}"
    entry = check.mapping(path, raw)
    for field in entry:
        check.choice(f"{path}.{field}", field, sorted(_ENTRY_KEYS))
    forms = {
        name: check.word(f"{path}.forms.{name}", word)
        for name, word in check.mapping(f"{path}.forms", entry.get("forms", {})).items()
    }
    if category != "qualifier" and not forms:
        check.fail(f"{path}.forms", entry.get("forms"), "at least one form")
    variants = check.words(f"{path}.variants", entry.get("variants", ()))
    weak = check.words(f"{path}.weak", entry.get("weak", ()))
    gender = entry.get("gender")
    if gender is not None:
        check.word(f"{path}.gender", gender)
    articles = dict(check.mapping(f"{path}.articles", entry.get("articles", {})))
    for form, article in articles.items():
        check.choice(f"{path}.articles.{form}", form, forms)
        check.choice(f"{path}.articles.{form}", article, sorted(articles_known))
    phrases = _phrases(check, f"{path}.phrases", entry.get("phrases", {}))
    return Entry(category, key, forms, gender, articles, phrases, variants, weak)


def _phrases(check: _Checker, path: str, raw: object) -> dict[str, Variants]:
    result: dict[str, Variants] = {}
    for name, value in check.mapping(path, raw).items():
        variants = (
            {"default": value} if isinstance(value, str) else check.mapping(f"{path}.{name}", value)
        )
        if "default" not in variants:
            check.fail(f"{path}.{name}", value, "a template or variants with a 'default'")
        for variant in variants:
            check.choice(f"{path}.{name}", variant, ("default", "none", *KEYS["audience"]))
        result[name] = {
            variant: _compile(check, f"{path}.{name}.{variant}", template)
            for variant, template in variants.items()
        }
    return result


def _check_articles(
    check: _Checker,
    rules: tuple[tuple[str, str, tuple[str, ...], str], ...],
    entries: dict[Category, dict[str, Entry]],
) -> None:
    for category, keyed in entries.items():
        for key, entry in keyed.items():
            for form, article in entry.articles.items():
                word = entry.forms[form]
                expected = next(
                    (
                        rule[3]
                        for rule in rules
                        if rule[0] == entry.gender
                        and rule[1] == form
                        and (not rule[2] or word.startswith(rule[2]))
                    ),
                    None,
                )
                if expected != article:
                    check.fail(
                        f"{category}.{key}.articles.{form}",
                        article,
                        f"{expected!r} for {word!r} ({entry.gender}, {form}) by article_rules",
                    )


# ---------------------------------------------------------------- templates


def _compile(check: _Checker, path: str, source: object) -> Template:
    """Compile ``"text {slot:form} [optional {slot:form}]"`` into nodes."""
    if type(source) is not str or not source.strip():
        check.fail(path, source, "a template string")
    stack: list[list[Node]] = [[]]
    literal: list[str] = []
    index = 0

    def flush() -> None:
        if literal:
            stack[-1].append("".join(literal))
            literal.clear()

    while index < len(source):
        char = source[index]
        if char == "[":
            flush()
            if len(stack) > 1:
                check.fail(path, source, "optional groups [...] that do not nest")
            stack.append([])
        elif char == "]":
            flush()
            if len(stack) == 1:
                check.fail(path, source, "balanced [ and ]")
            nodes = tuple(stack.pop())
            if not any(isinstance(node, Slot) for node in nodes):
                check.fail(path, source, "a placeholder in every optional group")
            stack[-1].append(Group(nodes))
        elif char == "{":
            flush()
            end = source.find("}", index)
            if end < 0:
                check.fail(path, source, "balanced { and }")
            stack[-1].append(_slot(check, path, source[index + 1 : end]))
            index = end
        elif char == "}":
            check.fail(path, source, "balanced { and }")
        else:
            literal.append(char)
        index += 1
    flush()
    if len(stack) != 1:
        check.fail(path, source, "balanced [ and ]")
    return tuple(stack[0])


def _slot(check: _Checker, path: str, spec: str) -> Slot:
    slot, _, form = spec.partition(":")
    check.choice(f"{path}{{{spec}}}", slot, SLOTS)
    if form.startswith("@"):
        other, _, attribute = form[1:].partition(".")
        check.choice(f"{path}{{{spec}}}", other, SLOTS)
        check.choice(f"{path}{{{spec}}}", attribute, ("gender",))
        return Slot(slot, "attr", other, attribute)
    prep, plus, name = form.partition("+")
    if plus:
        if not prep or not name:
            check.fail(f"{path}{{{spec}}}", form, "prep+form")
        return Slot(slot, "contract", name, prep)
    if not form:
        check.fail(f"{path}{{{spec}}}", spec, "{slot:form}")
    return Slot(slot, "form", form, "")


def _nodes(template: Template) -> Iterable[Node]:
    for node in template:
        if isinstance(node, Group):
            yield from node.nodes
        else:
            yield node


def _check_templates(check: _Checker, lexicon: Lexicon) -> None:  # noqa: PLR0912
    """Every placeholder's form exists on every entry it may be rendered with."""
    everyone: dict[str, list[Entry]] = {
        slot: list(lexicon.entries[category].values()) for slot, category in SLOTS.items()
    }
    everyone["seniority"] = [lexicon.entries["qualifier"][k] for k in COMPOSABLE_QUALIFIERS]
    for name, template in lexicon.templates.items():
        _check_template(check, lexicon, f"templates.{name}", template, everyone)
    for category, phrases in lexicon.defaults.items():
        for phrase, variants in phrases.items():
            users = [e for e in lexicon.entries[category].values() if phrase not in e.phrases]
            for variant, template in variants.items():
                context = _variant_context(everyone, category, users, variant, lexicon)
                _check_template(check, lexicon, f"phrases.{category}.{phrase}", template, context)
    for category in _NOUN_CATEGORIES:
        for key, entry in lexicon.entries[category].items():
            for phrase, variants in entry.phrases.items():
                for variant, template in variants.items():
                    own = [variant] if variant not in ("default", "none") else list(variants)
                    context = _variant_context(
                        everyone, category, [entry], variant, lexicon, taken=own
                    )
                    path = f"{category}.{key}.phrases.{phrase}.{variant}"
                    _check_template(check, lexicon, path, template, context)
    for path, template in _all_templates(lexicon):
        for node in _nodes(template):
            if isinstance(node, str):
                for token in tokenize(node):
                    if token.kind not in ("word", "number") or token.text not in lexicon.table:
                        check.fail(path, token.text, "a connector or a known word")


def _variant_context(
    everyone: dict[str, list[Entry]],
    category: Category,
    users: list[Entry],
    variant: str,
    lexicon: Lexicon,
    *,
    taken: list[str] | None = None,
) -> dict[str, list[Entry]]:
    context = dict(everyone)
    context[category] = users
    audiences = lexicon.entries["audience"]
    if variant == "none":
        context["audience"] = []
    elif variant == "default":
        skip = set(taken or ())
        context["audience"] = [e for k, e in audiences.items() if k not in skip]
    else:
        context["audience"] = [audiences[variant]] if variant in audiences else []
    return context


def _all_templates(lexicon: Lexicon) -> Iterable[tuple[str, Template]]:
    for name, template in lexicon.templates.items():
        yield f"templates.{name}", template
    for category, phrases in lexicon.defaults.items():
        for phrase, variants in phrases.items():
            for variant, template in variants.items():
                yield f"phrases.{category}.{phrase}.{variant}", template
    for category, keyed in lexicon.entries.items():
        for key, entry in keyed.items():
            for phrase, variants in entry.phrases.items():
                for variant, template in variants.items():
                    yield f"{category}.{key}.phrases.{phrase}.{variant}", template


def _check_template(
    check: _Checker,
    lexicon: Lexicon,
    path: str,
    template: Template,
    context: dict[str, list[Entry]],
) -> None:
    for node in _nodes(template):
        if not isinstance(node, Slot):
            continue
        for entry in context[node.slot]:
            where = f"{path}{{{node.slot}}} on {entry.category}.{entry.key}"
            if node.kind == "form":
                has = (
                    node.name in entry.forms
                    or node.name in entry.phrases
                    or node.name in lexicon.defaults.get(entry.category, {})
                )
                if not has:
                    check.fail(where, node.name, "a form or phrase of that name")
            elif node.kind == "contract":
                article = entry.articles.get(node.name)
                if node.extra not in lexicon.contractions:
                    check.fail(where, node.extra, "a preposition of contractions")
                if article is None or node.name not in entry.forms:
                    check.fail(where, node.name, "a form with a declared article")
            else:
                for other in context[node.name]:
                    value = other.gender
                    if value is None or value not in entry.forms:
                        check.fail(where, value, f"a form named by {node.name}.gender")


# ---------------------------------------------------------------- words


def _table(
    check: _Checker, entries: dict[Category, dict[str, Entry]], connectors: tuple[str, ...]
) -> tuple[dict[str, tuple[Phrase, ...]], tuple[str, ...]]:
    meanings: dict[tuple[str, ...], dict[Category, Assignment]] = {}
    for category in CATEGORIES:
        for key, entry in entries[category].items():
            strong = [*entry.forms.values(), *entry.variants]
            weak = list(entry.weak)
            for surface, is_weak in [*((s, False) for s in strong), *((s, True) for s in weak)]:
                tokens = _surface_tokens(check, f"{category}.{key}", surface)
                known = meanings.setdefault(tokens, {})
                previous = known.get(category)
                if previous is not None and previous.key != key:
                    check.fail(
                        f"{category}.{key}",
                        surface,
                        f"a word of its own ({surface!r} is already {previous.key!r}: "
                        "declare a synonym)",
                    )
                if previous is not None and previous.weak != is_weak:
                    check.fail(f"{category}.{key}.weak", surface, "a word that is not also strong")
                known[category] = Assignment(category, key, is_weak)
    phrases: list[Phrase] = [
        Phrase(tokens, tuple((known[c],) for c in CATEGORIES if c in known))
        for tokens, known in meanings.items()
    ]
    for connector in connectors:
        tokens = _surface_tokens(check, "connectors", connector)
        if tokens in meanings:
            check.fail("connectors", connector, "a word that means nothing else")
        phrases.append(Phrase(tokens, ()))
    table: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        table.setdefault(phrase.tokens[0], []).append(phrase)
    compiled = {
        first: tuple(sorted(found, key=lambda p: -len(p.tokens))) for first, found in table.items()
    }
    words = tuple(sorted({" ".join(tokens) for tokens in meanings}))
    return compiled, words


def _surface_tokens(check: _Checker, path: str, surface: str) -> tuple[str, ...]:
    tokens = _split(surface)
    if tokens is None:
        check.fail(path, surface, "words (letters or digits, no separators)")
    return tokens


def _split(surface: str) -> tuple[str, ...] | None:
    """The words of a lexicon's surface as the tokenizer reads them, or ``None`` if not words."""
    if surface.replace(" ", "").isalpha():  # plain words: what the tokenizer would give
        return tuple(map(fold, surface.split()))
    tokens = tokenize(surface)
    if not tokens or any(t.kind not in ("word", "number") for t in tokens):
        return None
    return tuple(t.text for t in tokens)


def _add_abbreviation(
    check: _Checker, lexicon: Lexicon, abbreviation: str, expansion: object
) -> None:
    path = f"abbreviations.{abbreviation}"
    tokens = _surface_tokens(check, path, check.word(path, abbreviation))
    words = tokenize(check.word(path, expansion))
    reading: list[Assignment] = []
    index = 0
    while index < len(words):
        found = None
        for phrase in lexicon.table.get(words[index].text, ()):
            size = len(phrase.tokens)
            if tuple(t.text for t in words[index : index + size]) == phrase.tokens:
                found = phrase
                break
        if found is None:
            check.fail(path, expansion, f"known words ({words[index].text!r} is not one)")
        if len(found.readings) > 1:
            check.fail(path, expansion, f"unambiguous words ({' '.join(found.tokens)!r} is not)")
        if found.readings:
            reading.extend(found.readings[0])
        index += len(found.tokens)
    if not reading:
        check.fail(path, expansion, "an expansion that means something")
    first = tokens[0]
    existing = lexicon.table.get(first, ())
    if any(phrase.tokens == tokens for phrase in existing):
        check.fail(path, abbreviation, "an abbreviation that is not already a word")
    lexicon.table[first] = tuple(
        sorted((*existing, Phrase(tokens, (tuple(reading),))), key=lambda p: -len(p.tokens))
    )
