# ruff: noqa: RUF001 (Russian text is data here)
"""Properties of titles over the whole lexicon of every language, and over random text."""

from __future__ import annotations

import itertools
import unicodedata
from collections import defaultdict
from collections.abc import Iterator

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from csroles import Language, TitleParts, UnknownTitleError, compose_title, parse_title
from csroles.titles import normalize_title, title_keys
from csroles.titles._lexicon import load
from csroles.titles._tokenizer import tokenize

KEYS = title_keys()
SENIORITIES = (None, "junior", "senior", "chief")

Spec = tuple[str | None, str | None, str, str | None]


def specs() -> Iterator[Spec]:
    """Every (audience, function, position, seniority) the grammar composes."""
    yield from itertools.product(
        (None, *KEYS["audience"]), (None, *KEYS["function"]), KEYS["position"], SENIORITIES
    )


def compose(spec: Spec, language: Language) -> str:
    audience, function, position, seniority = spec
    return compose_title(
        audience=audience,
        function=function,
        position=position,
        language=language,
        qualifiers=[seniority] if seniority else [],
    )


def declared(spec: Spec, language: Language) -> TitleParts:
    """The parts a title should read as: the spec, with the language's declared synonyms."""
    synonyms = load(language).synonyms  # the lexicon's data, not a computation
    audience, function, position, seniority = spec
    return TitleParts(
        audience=synonyms.get(audience, audience) if audience else None,
        function=synonyms.get(function, function) if function else None,
        position=synonyms.get(position, position),
        qualifiers=[seniority] if seniority else [],
        language=language,
    )


@pytest.mark.parametrize("language", list(Language))
def test_parse_reads_back_every_composed_title(language: Language) -> None:
    for spec in specs():
        text = compose(spec, language)
        parts = parse_title(text, language=language)
        assert parts == declared(spec, language), text
        # Composing what was read writes the same title again.
        again = compose_title(
            audience=parts.audience,
            function=parts.function,
            position=parts.position or "",
            language=language,
            qualifiers=parts.qualifiers,
        )
        assert again == text
        # Nothing was set aside, and the spans cover the parts.
        assert parts.ignored == ()
        assert {(s.part, s.key) for s in parts.spans} >= {
            (part, key)
            for part, key in (
                ("audience", parts.audience),
                ("function", parts.function),
                ("position", parts.position),
            )
            if key is not None
        }


@pytest.mark.parametrize("language", list(Language))
def test_no_two_specs_compose_one_title_unless_declared_synonyms(language: Language) -> None:
    by_title: dict[str, set[TitleParts]] = defaultdict(set)
    for spec in specs():
        by_title[compose(spec, language)].add(declared(spec, language))
    clashes = {title: found for title, found in by_title.items() if len(found) > 1}
    assert clashes == {}


@pytest.mark.parametrize("language", list(Language))
def test_detected_language_reads_the_same_parts(language: Language) -> None:
    for spec in specs():
        text = compose(spec, language)
        detected = parse_title(text)
        expected = declared(spec, language)
        if detected.language is not language:
            # Only a title that also reads, word for word, in a language tried
            # earlier may be detected as that language (English "Guru" is Italian too).
            assert list(Language).index(detected.language) < list(Language).index(language)
            assert parse_title(text, language=detected.language) == detected
        assert _shape(detected) == _shape(expected), text


def _shape(parts: TitleParts) -> tuple[object, ...]:
    return (parts.audience, parts.function, parts.position, parts.qualifiers)


def _parses_or_refuses(text: str) -> None:
    try:
        parts = parse_title(text)
    except UnknownTitleError:
        return
    assert parts.position is not None or parts.function is not None
    for span in (*parts.spans, *parts.ignored):
        assert text[span.start : span.end] == span.text


@given(st.text(max_size=200))
def test_parse_raises_nothing_but_unknown_title_error(text: str) -> None:
    _parses_or_refuses(text)


@given(
    st.text(
        alphabet=st.sampled_from("abcdeiloprstuv ()-,.'’–клиентов"),
        max_size=80,
    )
)
def test_parse_raises_nothing_but_unknown_title_error_on_near_words(text: str) -> None:
    _parses_or_refuses(text)


LANGUAGES = st.sampled_from(list(Language))
SPECS = st.tuples(
    st.sampled_from((None, *KEYS["audience"])),
    st.sampled_from((None, *KEYS["function"])),
    st.sampled_from(KEYS["position"]),
    st.sampled_from(SENIORITIES),
)


@st.composite
def messy(draw: st.DrawFn) -> tuple[str, TitleParts]:
    """A composed title as an HR system might send it, and what it should read as."""
    language = draw(LANGUAGES)
    spec = draw(SPECS)
    text = compose(spec, language)
    cased = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in text)
    spaced = draw(st.sampled_from([" ", "  ", "\t", "\u00a0", " \n "])).join(cased.split(" "))
    typographic = spaced.replace("'", draw(st.sampled_from(["'", "’", "`", "\u02bc"])))
    typographic = typographic.replace("-", draw(st.sampled_from(["-", "\u2010", "\u2011"])))
    padded = draw(st.sampled_from(["{}", "  {}  ", "{} (EMEA)", "{} - Night Shift", "{}, ZZZ"]))
    return padded.format(typographic), declared(spec, language)


@given(messy())
def test_messy_spellings_of_a_title_read_the_same(example: tuple[str, TitleParts]) -> None:
    text, expected = example
    assert parse_title(text, language=expected.language) == expected


@given(st.text(max_size=60), st.text(max_size=60))
def test_normalize_title_is_idempotent_and_ignores_case_and_spacing(a: str, b: str) -> None:
    normal = normalize_title(a)
    assert normalize_title(normal) == normal
    assert normalize_title(f"  {a}\t ") == normal
    assert normal == normal.strip()
    assert "  " not in normal
    ascii_text = a.encode("ascii", "ignore").decode()
    assert normalize_title(ascii_text.upper()) == normalize_title(ascii_text.lower())
    if normalize_title(a) == normalize_title(b):
        assert normalize_title(a.casefold()) == normalize_title(b.casefold())


# ---------------------------------------------------------------- tokenizer oracle

_JOINED = set("\u0300\u0301\u0302\u0303\u0308\u030a\u0327\u036f\u00ad")
_DASHES = set("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")


def oracle_tokens(text: str) -> list[tuple[str, str, int, int]]:  # noqa: PLR0912
    """An independent, character-by-character reading of the tokenizer's rules."""
    tokens = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char.isdecimal():
            end = index
            while end < len(text) and text[end].isdecimal():
                end += 1
            tokens.append(("number", text[index:end], index, end))
            index = end
        elif char.isalnum():
            end = index + 1
            while end < len(text) and (
                (text[end].isalnum() and not text[end].isdecimal())
                or "\u0300" <= text[end] <= "\u036f"
                or text[end] == "\u00ad"
            ):
                end += 1
            word = unicodedata.normalize("NFC", text[index:end]).replace("\u00ad", "")
            tokens.append(("word", word.casefold().replace("ё", "е"), index, end))
            index = end
        else:
            if char in "([{\uff08\u3010":
                tokens.append(("open", "(", index, index + 1))
            elif char in ")]}\uff09\u3011":
                tokens.append(("close", ")", index, index + 1))
            elif char in ",;:|/":
                tokens.append(("sep", char, index, index + 1))
            elif char in "&+":
                tokens.append(("word", char, index, index + 1))
            elif char in _DASHES:
                before = index == 0 or text[index - 1].isspace()
                after = index + 1 == len(text) or text[index + 1].isspace()
                if before or after:
                    tokens.append(("sep", "-", index, index + 1))
            index += 1
    return tokens


TOKEN_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aZéÀßёЁ \t-–—‑,;:|/()[]{}（）&+'’.\"_7٣²Ⅱ") + sorted(_JOINED)),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
)


@given(TOKEN_TEXT)
@example("\xadß")  # a dropped soft hyphen and a longer fold: same length, other offsets
@example("Stra\u00dfe e\u0301 \u00ad")
def test_tokenizer_agrees_with_a_character_by_character_oracle(text: str) -> None:
    assert [tuple(t) for t in tokenize(text)] == oracle_tokens(text)


def test_tokenizer_examples() -> None:
    assert oracle_tokens("Sr. Call-Centre (Remote) – EMEA") == [
        ("word", "sr", 0, 2),
        ("word", "call", 4, 8),
        ("word", "centre", 9, 15),
        ("open", "(", 16, 17),
        ("word", "remote", 17, 23),
        ("close", ")", 23, 24),
        ("sep", "-", 25, 26),
        ("word", "emea", 27, 31),
    ]
    assert [tuple(t) for t in tokenize("Sr. Call-Centre (Remote) – EMEA")] == oracle_tokens(
        "Sr. Call-Centre (Remote) – EMEA"
    )
