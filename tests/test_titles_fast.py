"""The fast paths of title resolution give the answers of the slow, plain ones.

The ranking of :class:`~csroles.titles.TitleCandidates` scores titles from
columns worked out ahead (``_match._Ranking``); here it is compared with a
title-by-title loop written from the criteria of ``_match``'s docstring.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hypothesis import given
from hypothesis import strategies as st

from csroles import Focus, Language, Level, TitleParts, default_catalog
from csroles.titles import TitleCandidates, title_keys
from csroles.titles._describe import focus_of, level_of
from csroles.titles._match import _Query
from csroles.titles._vocab import POSITIONS, QUALIFIERS, SPECIFIC_KINDS

KEYS = title_keys()
LEVELS = list(Level)
SAME = {"client": "customer", "contact_center": "call_center"}


@st.composite
def parts(draw: st.DrawFn, language: Language | None = None) -> TitleParts:
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
        qualifiers=draw(st.lists(st.sampled_from(KEYS["qualifier"]), max_size=3)),
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
