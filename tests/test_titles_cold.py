"""What the first title costs: which lexicons are built and which modules imported, and when.

The parser builds a language's lexicon only when the title could read better
in it than in the languages already tried (see ``_least_rank``); the
properties compare it with an oracle that builds and reads every language.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import typing

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from csroles import InvalidEntityError, Language, UnknownTitleError, default_catalog, parse_title
from csroles.catalog import _MAX_TITLE_LENGTH
from csroles.titles import MAX_TITLE_LENGTH, Span, TitleParts, _en
from csroles.titles._lexicon import _data, build, load, words
from csroles.titles._parser import _candidates, _least_rank, _read, read_as_written
from csroles.titles._record import NamedTuple
from csroles.titles._tokenizer import tokenize

LATIN = sorted(words(Language.EN) | words(Language.IT))
CYRILLIC = sorted(words(Language.RU))
UNKNOWN = ("payroll", "warehouse", "ingénieur", "склад", "x")


def _fresh(code: str) -> list[str]:
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.splitlines()


@pytest.mark.parametrize("language", list(Language))
def test_the_words_read_without_building_are_those_of_the_built_lexicon(
    language: Language,
) -> None:
    table = load(language).table
    built = {word for phrases in table.values() for phrase in phrases for word in phrase.tokens}
    assert words(language) == built


@pytest.mark.parametrize("language", list(Language))
def test_a_shipped_lexicon_is_the_one_its_checks_build(language: Language) -> None:
    # load() compiles the shipped data without its checks: here they run, once.
    checked = build(_data(language))
    assert load(language) == checked
    assert build(_data(language), checked=False) == checked


def test_an_unchecked_build_still_refuses_what_it_cannot_compile() -> None:
    templates = {"title": "{position:sg", "title_without_function": "{position:sg}"}
    data = {**_en.LEXICON, "templates": templates}
    with pytest.raises(InvalidEntityError, match=r"Lexicon\[en\]\.templates\.title: .*balanced"):
        build(data, checked=False)


def test_the_catalog_knows_the_parser_s_longest_title() -> None:
    assert _MAX_TITLE_LENGTH == MAX_TITLE_LENGTH


def test_the_first_catalog_imports_no_parser_and_builds_no_lexicon() -> None:
    out = _fresh(
        "import sys, csroles\n"
        "catalog = csroles.default_catalog()\n"
        "print(sorted(m for m in sys.modules if m.startswith('csroles.titles')))\n"
        "print(catalog.role_for_title('Менеджер по развитию клиентов').key)\n"
        "print(sorted(m for m in sys.modules if m.startswith('csroles.titles')))\n"
        "print('csroles._title_report' in sys.modules)\n"
        "print(csroles.catalog.TitleReport.__module__, 'csroles._title_report' in sys.modules)\n"
    )
    # An exact title is found by its normal form alone; the classes of a batch
    # of titles are defined when first asked for.
    assert out == [
        "['csroles.titles', 'csroles.titles._normalize']",
        "customer_success_manager",
        "['csroles.titles', 'csroles.titles._normalize']",
        "False",
        "csroles.catalog True",
    ]


def test_the_classes_of_a_batch_are_the_catalog_module_s() -> None:
    import csroles.catalog

    report = default_catalog().role_for_titles(["CSR", "Payroll Clerk"])
    assert type(report) is csroles.catalog.TitleReport is csroles.TitleReport
    assert type(report.results[0]) is csroles.catalog.TitleResult
    assert repr(csroles.catalog.TitleResult) == "<class 'csroles.catalog.TitleResult'>"
    assert pickle.loads(pickle.dumps(report)) == report  # noqa: S301 (bytes made here)
    assert {"TitleReport", "TitleResult"} <= set(dir(csroles.catalog))
    with pytest.raises(AttributeError, match="no attribute 'TitleRapport'"):
        csroles.catalog.TitleRapport  # noqa: B018


@pytest.mark.parametrize(
    ("title", "built"),
    [
        # Italian lacks "customer": it cannot read the title better than English.
        ("Senior Customer Care Agent", ["en"]),
        # Italian knows every word, so it could read it with fewer qualifiers.
        ("Senior Call Center Manager", ["en", "it"]),
        ("Customer Success Managers", ["en"]),
        ("Responsabile senior del servizio clienti", ["en", "it"]),
        ("Агент колл-центра первой линии", ["ru"]),
    ],
)
def test_a_first_title_builds_the_lexicons_that_can_read_it_best(
    title: str, built: list[str]
) -> None:
    out = _fresh(
        "import csroles\n"
        "from csroles.titles import _lexicon\n"
        "built, build = [], _lexicon.build\n"
        "_lexicon.build = lambda data, **how: built.append(data['language']) or build(data, **how)\n"
        f"csroles.default_catalog().role_for_title({title!r})\n"
        "print(sorted(built))\n"
    )
    assert out == [str(sorted(built))]


SEPARATORS = (" ", " ", " ", ", ", " - ", " (", ") ", " / ")


@st.composite
def titles(draw: st.DrawFn) -> str:
    """Text of known words of any lexicon, a few unknown words, and separators."""
    pool = draw(st.sampled_from([LATIN, CYRILLIC, LATIN + CYRILLIC]))
    word = st.one_of(st.sampled_from(pool), st.sampled_from(UNKNOWN))
    chosen = draw(st.lists(word, min_size=1, max_size=6))
    text = chosen[0]
    for item in chosen[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + item
    return text.title() if draw(st.booleans()) else text


def _every_language(text: str, languages: list[Language]) -> TitleParts | None:
    """The oracle: read the text in every language, then rank the readings.

    The rule of ``parse_title``: the least text set aside, then the fewest
    qualifiers, then the language order.
    """
    tokens = tokenize(text)
    best: tuple[tuple[int, int, int], TitleParts] | None = None
    for order, language in enumerate(languages):
        outcome = _read(text, tokens, load(language))
        if outcome.parts is not None:
            rank = (outcome.ignored_chars, len(outcome.parts.qualifiers), order)
            if best is None or rank < best[0]:
                best = (rank, outcome.parts)
    return None if best is None else best[1]


def _same_reading(found: TitleParts | None, expected: TitleParts | None) -> None:
    assert found == expected
    if found is not None and expected is not None:
        assert found.language is expected.language
        assert (found.spans, found.ignored, found.alternatives) == (
            expected.spans,
            expected.ignored,
            expected.alternatives,
        )


@given(titles())
@example("Senior Call Center Manager")
@example("Senior Customer Care Agent")
@example("Manager, Customer Success (Responsabile del successo del cliente)")
@example("I CSR")
def test_the_reading_is_that_of_every_language_read(text: str) -> None:
    expected = _every_language(text, _candidates(tokenize(text)))
    _same_reading(read_as_written(text, None), expected)
    if expected is not None:
        _same_reading(parse_title(text), expected)


@given(titles(), st.sampled_from(list(Language)))
@example("Senior Customer Care Agent", Language.IT)
@example("Customer, payroll", Language.EN)
def test_the_least_rank_bounds_the_reading(text: str, language: Language) -> None:
    tokens = tokenize(text)
    least = _least_rank(tokens, language)
    outcome = _read(text, tokens, load(language))
    if least is None:
        assert outcome.parts is None
    elif outcome.parts is not None:
        assert (outcome.ignored_chars, len(outcome.parts.qualifiers)) >= least


@pytest.mark.parametrize("language", list(Language))
def test_a_title_read_in_one_language_needs_its_words(language: Language) -> None:
    assert read_as_written("payroll warehouse", language) is None
    with pytest.raises(UnknownTitleError, match="payroll"):
        parse_title("payroll warehouse", language=language)


class _Pair(NamedTuple):
    """Two numbers."""

    low: int
    high: int = 9

    def width(self) -> int:
        return self.high - self.low

    @classmethod
    def of(cls, value: int) -> _Pair:
        return cls(value, value)


class _TypingPair(typing.NamedTuple):
    low: int
    high: int = 9


def test_a_record_is_the_namedtuple_typing_builds() -> None:
    pair = _Pair(1)
    assert pair == (1, 9)
    assert tuple(_TypingPair(1)) == (1, 9)
    assert repr(pair) == "_Pair(low=1, high=9)"
    assert _Pair._fields == _TypingPair._fields
    assert _Pair._field_defaults == _TypingPair._field_defaults == {"high": 9}
    assert pair._replace(high=4).width() == 3
    assert _Pair.of(5) == (5, 5)
    assert pair._asdict() == {"low": 1, "high": 9}
    assert (_Pair.__doc__, _Pair.__module__, _Pair.__qualname__) == (
        "Two numbers.",
        __name__,
        "_Pair",
    )
    assert _Pair.__annotations__ == {"low": "int", "high": "int"}
    assert _Pair.__mro__ == (_Pair, tuple, object)
    span = Span(part="ignored", key=None, start=0, end=2, text="ab")
    assert pickle.loads(pickle.dumps(span)) == span  # noqa: S301 (bytes made here)


def test_a_record_field_without_a_default_cannot_follow_one_with_a_default() -> None:
    with pytest.raises(TypeError, match="_Bad: a field without a default follows"):

        class _Bad(NamedTuple):
            low: int = 0
            high: int  # type: ignore[misc]


@pytest.mark.parametrize(
    "title", ["Support Agent", "Customer Support Agent", "Senior Customer Care Agent"]
)
def test_a_first_title_is_read_in_its_own_language_as_in_a_warm_program(title: str) -> None:
    # In a fresh interpreter no other lexicon is built; the title's language
    # still decides, and an alternative title in another language never wins.
    out = _fresh(
        "import csroles\n"
        f"match = csroles.default_catalog().match_title({title!r})\n"
        "print(match.key, match.title, match.parts.language.value)\n"
    )
    warm = default_catalog().match_title(title)
    assert warm.parts is not None
    assert out == [f"{warm.key} {warm.title} en"]
    assert warm.parts.language is Language.EN
