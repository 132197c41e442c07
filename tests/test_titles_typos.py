# ruff: noqa: RUF001, RUF003 (Russian text and mixed scripts are data here)
"""Typo tolerance: bounded per word, never across scripts, never over an exact reading."""

from __future__ import annotations

import itertools
from unittest import mock

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from csroles import Language, UnknownTitleError, compose_title, default_catalog, parse_title
from csroles.titles import _parser as parser
from csroles.titles import title_keys
from csroles.titles._lexicon import words as known_words
from csroles.titles._typos import distance, script_of

KEYS = title_keys()
LATIN = "abcdefghijklmnopqrstuvwxyzàèéìòù"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюя"


def osa(a: str, b: str) -> int:
    """Optimal string alignment distance, the whole table (the slow, plain way)."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        table[i][0] = i
    for j in range(len(b) + 1):
        table[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(
                table[i - 1][j] + 1,
                table[i][j - 1] + 1,
                table[i - 1][j - 1] + (a[i - 1] != b[j - 1]),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


def budget(word: str) -> int:
    """The edits the docs allow for a lexicon word: 0 up to 4 letters, 1 to 8, then 2."""
    return 0 if len(word) <= 4 else 1 if len(word) <= 8 else 2


@given(st.text("abcde", max_size=9), st.text("abcde", max_size=9), st.integers(0, 3))
def test_bounded_distance_agrees_with_the_full_table(a: str, b: str, bound: int) -> None:
    assert distance(a, b, bound) == min(osa(a, b), bound + 1)


def test_distances_by_hand() -> None:
    assert osa("sucess", "success") == 1
    assert osa("servise", "service") == 1
    assert osa("sevrice", "service") == 1  # a transposition is one edit
    assert osa("ca", "abc") == 3  # optimal string alignment, not full Damerau
    assert distance("managre", "manager", 1) == 1


def _titles() -> list[tuple[str, Language]]:
    found = []
    for language in Language:
        for function, position in itertools.product(KEYS["function"], KEYS["position"]):
            text = compose_title(
                audience="customer", function=function, position=position, language=language
            )
            found.append((text, language))
    return found


TITLES = _titles()


def _lexicon_words(script: str) -> set[str]:
    return {
        word for language in Language for word in known_words(language) if script_of(word) == script
    }


WORDS = {script: _lexicon_words(script) for script in ("latin", "cyrillic")}


@st.composite
def one_edit(draw: st.DrawFn) -> tuple[str, str, str, Language]:
    """A composed title, one of its long words, and that word with one edit."""
    text, language = draw(st.sampled_from(TITLES))
    words = [w for w in text.replace("'", " ").split() if len(w) >= 5 and w.isalpha()]
    assume(words)
    word = draw(st.sampled_from(words))
    alphabet = CYRILLIC if script_of(word.lower()) == "cyrillic" else LATIN
    at = draw(st.integers(0, len(word) - 1))
    kind = draw(st.sampled_from(["insert", "delete", "substitute", "transpose"]))
    letter = draw(st.sampled_from(alphabet))
    if kind == "insert":
        edited = word[:at] + letter + word[at:]
    elif kind == "delete":
        edited = word[:at] + word[at + 1 :]
    elif kind == "substitute":
        edited = word[:at] + letter + word[at + 1 :]
    else:
        assume(at + 1 < len(word))
        edited = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    assume(edited.lower() != word.lower())
    return text, word, edited, language


@given(one_edit())
def test_one_edit_on_a_long_word_resolves_to_the_same_role(
    case: tuple[str, str, str, Language],
) -> None:
    text, word, edited, _ = case
    folded = edited.lower()
    script = script_of(word.lower())
    assert script is not None
    # Only edits that leave the original word the one closest lexicon word,
    # alone within its bound (worked out here with the full table).
    assume(folded not in WORDS[script])
    close = {w for w in WORDS[script] if len(w) >= 5 and osa(folded, w) <= budget(w)}
    assume(close == {word.lower()})
    catalog = default_catalog()
    expected = catalog.role_for_title(text)
    typo = text.replace(word, edited, 1)
    match = catalog.match_title(typo)
    assert match.key == expected.key
    assert match.parts is not None
    read = {(a, b.casefold()) for a, b in match.parts.corrections}
    assert (edited, word.casefold()) in read
    assert any(reason.startswith(f"{edited!r} read as ") for reason in match.reasons)


@pytest.mark.parametrize(("text", "language"), TITLES[::7])
def test_a_title_read_as_written_has_no_corrections(text: str, language: Language) -> None:
    assert parse_title(text, language=language).corrections == ()


POOL = st.sampled_from(
    [
        "Customer",
        "Sucess",
        "Success",
        "Manger",
        "Manager",
        "Agnet",
        "Agents",
        "Supprot",
        "servizo",
        "clienti",
        "Менеджр",
        "клиентов",
        "Tier",
        "2",
        "(Remote)",
        "xyzzy",
        ",",
    ]
)


@given(st.lists(POOL, min_size=1, max_size=6))
def test_no_typo_reading_replaces_an_exact_one(words: list[str]) -> None:
    text = " ".join(words)
    parser._parse.cache_clear()
    try:
        parts = parse_title(text)
    except UnknownTitleError:
        return
    finally:
        parser._parse.cache_clear()
    with mock.patch.object(parser, "_with_typos", return_value=None):
        try:
            exact = parse_title(text)
        except UnknownTitleError:
            exact = None
        finally:
            parser._parse.cache_clear()
    if parts.corrections:
        assert exact is None  # read through typos only when nothing reads as written
    else:
        assert exact == parts


def test_never_across_scripts() -> None:
    # "Mенеджер" with a Latin M: no Latin or Cyrillic word is one edit away in its script.
    with pytest.raises(UnknownTitleError):
        parse_title("Mенеджер по развитию клиентов")
    # A Cyrillic "а" in an English word is not read as that word.
    with pytest.raises(UnknownTitleError):
        parse_title("Customer Support Mаnager")


def test_short_words_are_never_corrected() -> None:
    # "agent" has five letters: one edit.
    assert parse_title("Customer Support Agnt").position == "agent"
    assert parse_title("Customer Support Agnet").position == "agent"
    with pytest.raises(UnknownTitleError):
        parse_title("Customer Support Hreo")  # "hero" has four: none


def test_ties_go_to_the_closest_then_the_first_word() -> None:
    # "eads" is one edit from "heads" and from "leads": the alphabetically first wins.
    assert osa("eads", "heads") == osa("eads", "leads") == 1
    parts = parse_title("Customer Support Eads")
    assert parts.corrections == (("Eads", "Heads"),)
    assert parts.position == "head"
    # The closest word wins over a nearer one in the alphabet.
    assert parse_title("Customer Support Managr").corrections == (("Managr", "Manager"),)
