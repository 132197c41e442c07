# ruff: noqa: RUF001 (Russian text is data here)
"""The fast paths of title resolution give the answers of the slow, plain ones.

The ranking of :class:`~csroles.titles.TitleCandidates` scores titles from
columns worked out ahead (``_match._Ranking``); here it is compared with a
title-by-title loop written from the criteria of ``_match``'s docstring. The
parser reads first the languages that know every word of a title; here it is
compared with reading every language in order. ``quick_key`` reads a title
of one run of known words without tokens or spans; here it is compared with
the full parser.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Catalog,
    Focus,
    InvalidEntityError,
    Language,
    Level,
    TitleParts,
    UnknownTitleError,
    compose_title,
    default_catalog,
    parse_title,
)
from csroles.titles import TitleCandidates, title_keys
from csroles.titles._describe import focus_of, level_of
from csroles.titles._lexicon import load
from csroles.titles._lexicon import words as known_words
from csroles.titles._match import _Query
from csroles.titles._parser import _as_written, _candidates, _Outcome, _read, quick_key
from csroles.titles._parts import key_of
from csroles.titles._tokenizer import tokenize
from csroles.titles._vocab import POSITIONS, QUALIFIERS, SPECIFIC_KINDS
from tests.titles_seed_data import ALL_FORMS

KEYS = title_keys()
LEVELS = list(Level)
SAME = {"client": "customer", "contact_center": "call_center"}


@st.composite
def parts(
    draw: st.DrawFn, language: Language | None = None, most_qualifiers: int = 3
) -> TitleParts:
    """Any parts a title may have: a position or a function, any qualifiers."""
    position = draw(st.none() | st.sampled_from(KEYS["position"]))
    function = draw(
        st.sampled_from(KEYS["function"])
        if position is None
        else st.none() | st.sampled_from(KEYS["function"])
    )
    return TitleParts(
        audience=draw(st.none() | st.sampled_from(KEYS["audience"])),
        function=function,
        position=position,
        qualifiers=draw(st.lists(st.sampled_from(KEYS["qualifier"]), max_size=most_qualifiers)),
        language=language or draw(st.sampled_from(list(Language))),
    )


def tier(qualifiers: Sequence[str]) -> int | None:
    tiers = [int(q.removeprefix("tier_")) for q in qualifiers if q.startswith("tier_")]
    return min(tiers) if tiers else None


def score(
    query: TitleParts,
    title: TitleParts,
    *,
    families: set[Focus],
    level: Level | None,
    role_tier: int | None,
) -> tuple[int, ...]:
    """The ten criteria of the ranking, one title at a time."""
    focus = focus_of(query)
    mine, theirs = level_of(query), level or level_of(title)
    executive = mine is Level.EXECUTIVE
    query_tier = tier(query.qualifiers)
    specific = {q for q in title.qualifiers if QUALIFIERS[q] in SPECIFIC_KINDS}

    def same(a: str | None, b: str | None) -> int:
        return int(a is not None and SAME.get(a, a) == SAME.get(b or "", b))

    def signal(parts: TitleParts) -> str | None:
        return None if parts.position is None else POSITIONS[parts.position][1]

    return (
        int(
            focus is not None
            and (focus in families or (executive and Focus.LEADERSHIP in families))
        ),
        -len(specific - set(query.qualifiers)),
        0 if mine is None or theirs is None else -abs(LEVELS.index(mine) - LEVELS.index(theirs)),
        0 if query_tier is None or role_tier is None else -abs(query_tier - role_tier),
        same(query.function, title.function),
        same(query.position, title.position),
        same(signal(query), signal(title)),
        same(query.audience, title.audience),
        len(set(query.qualifiers) & set(title.qualifiers)),
        -sum(
            getattr(query, part) is None and getattr(title, part) is not None
            for part in ("audience", "function", "position")
        ),
    )


def oracle(
    query: TitleParts,
    candidates: Mapping[str, Sequence[TitleParts]],
    levels: Mapping[str, Level],
    focuses: Mapping[str, Focus],
    tiers: Mapping[str, int],
) -> list[tuple[tuple[int, ...], str, TitleParts | None]]:
    """Every role's best score, key and title, best first (a stable sort keeps the order)."""
    scored = []
    for key, titles in candidates.items():
        focus = focuses.get(key)
        families = (
            {focus} if focus is not None else {f for f in map(focus_of, titles) if f is not None}
        )
        mine = [t for t in titles if t.language is query.language]
        best: tuple[tuple[int, ...], TitleParts | None] = ((-1_000,), None)
        for title in mine or titles:
            found = score(
                query, title, families=families, level=levels.get(key), role_tier=tiers.get(key)
            )
            if found > best[0]:
                best = (found, title)
        scored.append((best[0], key, best[1]))
    return sorted(scored, key=lambda s: s[0], reverse=True)


def check(
    query: TitleParts,
    candidates: Mapping[str, Sequence[TitleParts]],
    levels: Mapping[str, Level],
    focuses: Mapping[str, Focus],
    tiers: Mapping[str, int],
) -> None:
    index = TitleCandidates(candidates, levels=levels, focuses=focuses, tiers=tiers)
    first, second = index._ranking(query.language).rank(_Query.of(query))
    expected = oracle(query, candidates, levels, focuses, tiers)
    assert index.best_key(query) == index.match(query).key
    assert (first[0], first[1].key, first[2]) == expected[0]
    if first[2] is not None:
        assert first[2].language == expected[0][2].language  # type: ignore[union-attr]
    if len(expected) == 1:
        assert second is None
    else:
        assert second is not None
        assert (second[0], second[1].key, second[2]) == expected[1]


CATALOG = default_catalog()


@given(parts())
def test_ranking_equals_a_title_by_title_loop_on_the_catalog(query: TitleParts) -> None:
    candidates = CATALOG._title_candidates(query.language)
    roles = {role.key: role for role in CATALOG.roles}
    given_titles = {
        key: [t.parts for t in role.titles]
        for key, role in zip(candidates.keys, candidates._roles, strict=True)
    }
    check(
        query,
        given_titles,
        {key: role.level for key, role in roles.items()},
        {key: role.focus for key, role in roles.items()},
        {key: role.tier for key, role in roles.items() if role.tier is not None},
    )


@st.composite
def candidate_sets(
    draw: st.DrawFn,
) -> tuple[dict[str, list[TitleParts]], dict[str, Level], dict[str, Focus], dict[str, int]]:
    """A few roles with a few titles each in any language (some with none), levels, foci, tiers."""
    keys = [f"role_{i}" for i in range(draw(st.integers(1, 4)))]
    candidates = {key: draw(st.lists(parts(), max_size=3)) for key in keys}
    optional = st.sampled_from(keys)
    levels = draw(st.dictionaries(optional, st.sampled_from(LEVELS)))
    focuses = draw(st.dictionaries(optional, st.sampled_from(list(Focus))))
    tiers = draw(st.dictionaries(optional, st.integers(1, 3)))
    return candidates, levels, focuses, tiers


@given(parts(), candidate_sets())
def test_ranking_equals_a_title_by_title_loop_on_any_roles(
    query: TitleParts,
    roles: tuple[dict[str, list[TitleParts]], dict[str, Level], dict[str, Focus], dict[str, int]],
) -> None:
    check(query, *roles)


def test_packed_scores_order_as_tuples_at_the_widest_ranges() -> None:
    """Every qualifier on the query and on a title, levels and tiers far apart: the digits hold."""
    everything = list(KEYS["qualifier"])
    roles = {
        "chief": [TitleParts(function="experience", position="officer", qualifiers=everything)],
        "plain": [TitleParts(position="agent")],
        "first_line": [TitleParts(function="support", position="agent", qualifiers=["tier_1"])],
    }
    levels = {"chief": Level.EXECUTIVE, "plain": Level.INDIVIDUAL}
    for query in (
        TitleParts(position="agent", qualifiers=everything),
        TitleParts(position="agent", qualifiers=["tier_3"]),
        TitleParts(function="support", position="agent"),
        TitleParts(audience="client", function="experience", position="officer"),
    ):
        check(query, roles, levels, {}, {"first_line": 1})
    # Eighteen qualifiers in common must not outweigh the audience, the criterion before.
    but_chief = [q for q in everything if q != "chief"]  # "chief" would change the level
    many = TitleParts(function="support", position="agent", qualifiers=but_chief)
    audience = TitleParts(audience="customer", function="support", position="agent")
    query = TitleParts(
        audience="customer", function="support", position="agent", qualifiers=but_chief
    )
    check(query, {"many": [many], "audience": [audience]}, {}, {}, {})
    assert TitleCandidates({"many": [many], "audience": [audience]}).best_key(query) == "audience"


MANY = st.integers(0, len(KEYS["qualifier"]))


@given(MANY.flatmap(lambda n: parts(most_qualifiers=n)), candidate_sets())
def test_best_key_equals_the_loop_with_many_qualifiers(
    query: TitleParts,
    roles: tuple[dict[str, list[TitleParts]], dict[str, Level], dict[str, Focus], dict[str, int]],
) -> None:
    check(query, *roles)


def same_parts(query: TitleParts, candidates: Mapping[str, Sequence[TitleParts]]) -> str | None:
    """The role a title of the same parts names: the query's language first, in the role order,
    then each other language in turn, whose first such role counts if it has no title in the
    query's language (the rule of ``_match``'s docstring, one language at a time)."""

    def shape(p: TitleParts) -> tuple[object, ...]:
        audience = "customer" if p.audience == "client" else p.audience
        return (audience, p.function, p.position, p.qualifiers)

    others = [lang for lang in Language if lang is not query.language]
    for language in (query.language, *others):
        first = next(
            (
                key
                for key, titles in candidates.items()
                if any(t.language is language and shape(t) == shape(query) for t in titles)
            ),
            None,
        )
        if first is None:
            continue
        if language is query.language or all(
            t.language is not query.language for t in candidates[first]
        ):
            return first
    return None


@st.composite
def sharing(
    draw: st.DrawFn,
) -> tuple[TitleParts, dict[str, list[TitleParts]]]:
    """A query and roles some of whose titles have its parts, in any language."""
    query = draw(parts(most_qualifiers=2))
    keys = [f"role_{i}" for i in range(draw(st.integers(1, 4)))]
    same = st.sampled_from(list(Language)).map(
        lambda lang: TitleParts(
            audience=query.audience,
            function=query.function,
            position=query.position,
            qualifiers=query.qualifiers,
            language=lang,
        )
    )
    return query, {key: draw(st.lists(same | parts(), max_size=3)) for key in keys}


@given(sharing())
def test_same_parts_table_names_the_role_of_the_rule(
    case: tuple[TitleParts, dict[str, list[TitleParts]]],
) -> None:
    query, candidates = case
    index = TitleCandidates(candidates)
    found = index._same_shape(query)
    expected = same_parts(query, candidates)
    assert (None if found is None else found[0]) == expected
    if expected is not None:
        assert index.match(query).kind == "parts"
        assert index.best_key(query) == expected


# ---------------------------------------------------------------- the parser


def every_language(
    text: str, languages: list[Language]
) -> tuple[TitleParts | None, list[tuple[Language, _Outcome]]]:
    """Read ``text`` in every language in order; the least text set aside, the fewest qualifiers."""
    tokens = tokenize(text)
    best: tuple[tuple[int, int, int], TitleParts] | None = None
    failures: list[tuple[Language, _Outcome]] = []
    for order, language in enumerate(languages):
        outcome = _read(text, tokens, load(language))
        if outcome.parts is None:
            failures.append((language, outcome))
            continue
        rank = (outcome.ignored_chars, len(outcome.parts.qualifiers), order)
        if best is None or rank < best[0]:
            best = (rank, outcome.parts)
    return (None if best is None else best[1]), failures


def record(parts: TitleParts | None) -> object:
    """Everything a reading says: the parts and what the parser records with them."""
    if parts is None:
        return None
    return (parts, parts.text, parts.spans, parts.ignored, parts.alternatives)


def check_reading(text: str) -> None:
    tokens = tokenize(text)
    if not any(t.kind in ("word", "number") for t in tokens):
        return
    for languages in (_candidates(tokens), list(Language)):
        parts, failures = _as_written(text, tokens, languages)
        expected, all_failures = every_language(text, languages)
        assert record(parts) == record(expected), text
        if expected is None:  # the failures build the messages and the typo readings
            assert [(f[0], f[1]) for f in failures] == all_failures, text


WORDS = sorted(set().union(*(known_words(language) for language in Language)))


@st.composite
def titles(draw: st.DrawFn) -> str:
    """Composed titles, cased and spaced any way, with words of any lexicon, junk or typos."""
    language = draw(st.sampled_from(list(Language)))
    keys = title_keys()
    composed = compose_title(
        audience=draw(st.none() | st.sampled_from(keys["audience"])),
        function=draw(st.none() | st.sampled_from(keys["function"])),
        position=draw(st.sampled_from(keys["position"])),
        language=language,
        qualifiers=draw(st.lists(st.sampled_from(["junior", "senior", "chief"]), max_size=1)),
    )
    words = composed.split()
    extra = st.sampled_from(WORDS) | st.sampled_from(["emea", "ii", "2", "xyz", "the", "i", "il"])
    for _ in range(draw(st.integers(0, 3))):
        words.insert(draw(st.integers(0, len(words))), draw(extra))
    typo: bool = draw(st.booleans())
    if words and typo:  # a typo: one letter dropped
        index = draw(st.integers(0, len(words) - 1))
        word = words[index]
        cut = draw(st.integers(0, max(0, len(word) - 1)))
        words[index] = word[:cut] + word[cut + 1 :] or word
    separators = st.sampled_from([" ", "  ", ", ", " - ", " (", ") ", "-", "/"])
    text = words[0] if words else "x"
    for word in words[1:]:
        text += draw(separators) + word
    case = draw(st.sampled_from(["as composed", "upper", "lower", "title"]))
    return text if case == "as composed" else str(getattr(text, case)())


@st.composite
def mixed(draw: st.DrawFn) -> str:
    """Segments of words of any lexicon: one language knows all, another sets less aside."""
    segment = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
    return ", ".join(draw(st.lists(segment, min_size=1, max_size=3)))


@given(titles() | mixed())
def test_reading_the_languages_that_know_every_word_first_changes_nothing(text: str) -> None:
    check_reading(text)


def test_reading_the_seed_titles_changes_nothing() -> None:
    for form in ALL_FORMS:
        check_reading(form.text)
    for text in (
        "Sr. CSR",
        "Technical Support Specialist II",
        "Менеджеры по работе с клиентами",
        # English knows every word but sets one aside; Italian, lacking one, sets less aside.
        "centre, ii cco",
        "entrata, staff",
    ):
        check_reading(text)


# ---------------------------------------------------------------- the catalog


def check_role(catalog: Catalog, text: str) -> None:
    """``role_for_title`` (no explanation built) names the role ``match_title`` explains."""
    try:
        expected = CATALOG.match_title(text).key
    except UnknownTitleError as error:
        with pytest.raises(UnknownTitleError, match=re.escape(str(error))):
            catalog.role_for_title(text)
    else:
        assert catalog.role_for_title(text).key == expected, text


FORGETFUL = Catalog(roles=CATALOG.roles, title_memory=0)


@given(titles() | mixed())
def test_role_for_title_names_the_role_match_title_explains(text: str) -> None:
    check_role(FORGETFUL, text)


def test_role_for_title_names_the_role_match_title_explains_for_the_seed_titles() -> None:
    for form in ALL_FORMS:
        check_role(FORGETFUL, form.text)


def test_best_key_refuses_what_is_not_parts() -> None:
    candidates = CATALOG._title_candidates(Language.EN)
    with pytest.raises(InvalidEntityError, match=r"TitleCandidates\.best_key\.parts: 'Agent'"):
        candidates.best_key("Agent")  # type: ignore[arg-type]


# ---------------------------------------------------------------- quick_key

# Marks the tokenizer and the quick path must agree on: dashes spaced or not,
# typographic apostrophes and dashes, soft hyphens, combining accents, letters
# that casefold longer or into a mark, "ё", digits, separators, odd symbols.
ODD = ["-", " - ", "\u2013", " \u2014 ", "'", "\u2019", ".", "\xad", "\u0301", "\u00a0", "ß", "İ",
       "ё", "Ё", "2", ",", "(", ")", "/", "&", "!", "_", "`", "\x00", "\u202e", " ", "  "]  # fmt: skip


@st.composite
def odd_titles(draw: st.DrawFn) -> str:
    """A composed or mixed title with odd marks put anywhere."""
    text = draw(titles() | mixed())
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(ODD)) + text[at:]
    return text


def check_quick(text: str) -> bool:
    """``quick_key`` answers as ``parse_title`` does, or leaves the title to it."""
    hit = False
    for language in (None, *Language):
        quick = quick_key(text, language)
        if quick is None:
            continue
        hit = True
        parts = parse_title(text, language=language)
        assert type(quick) is tuple
        assert quick == key_of(parts), (text, language)
        assert quick == (
            parts.language,
            parts.audience,
            parts.function,
            parts.position,
            parts.qualifiers,
        )
        assert parts.corrections == (), text  # read as written
    return hit


@given(titles() | mixed() | odd_titles())
def test_quick_key_reads_as_the_parser_does(text: str) -> None:
    check_quick(text)


def test_quick_key_reads_the_one_segment_seed_titles() -> None:
    hits = [check_quick(form.text) for form in ALL_FORMS]
    # One run of known words: read quickly; brackets, commas: left to the parser.
    assert check_quick("Call-Center Agent")
    assert check_quick("I rappresentanti del servizio clienti")
    assert check_quick("Менеджеры службы поддержки клиентов")
    assert check_quick("Sr. CSR")
    # A dash apart from the words separates segments: the second position is an alternative.
    assert not check_quick("Agent - Manager")
    assert not check_quick("Agent \u2013Manager")
    assert not check_quick("Tier 2 Support Agent")
    assert not check_quick("Custmer Support Agent")
    # A category named twice, a word with two readings: settled as the parser settles.
    assert check_quick("Customer Customer Support Agent")
    assert check_quick("Client Customer Success Manager")
    assert check_quick("Capo del servizio clienti")
    assert check_quick("Senior Senior Agent")
    # Two readings first, then a word known only within a phrase ("call center"): not read.
    assert not check_quick("Capo call")
    assert 0 < sum(hits) < len(hits)
