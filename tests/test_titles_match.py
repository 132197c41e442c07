"""Matching titles to roles: exact titles, same parts, then the closest role, explained."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Focus,
    InvalidEntityError,
    Language,
    Level,
    TitleParts,
    UnknownTitleError,
    parse_title,
)
from csroles.titles import RoleTitles, TitleIndex, TitleMatch, match_title, title_keys
from csroles.titles._vocab import FUNCTIONS, POSITIONS, QUALIFIERS

KEYS = title_keys()


def _roles(**titles: str) -> dict[str, list[TitleParts]]:
    return {
        key: [parse_title(text) for text in text_list.split(";")]
        for key, text_list in titles.items()
    }


ROLES = _roles(
    csr="Customer Service Representative;Customer Care Agent",
    call_center_agent="Call Center Agent",
    live_chat_agent="Live Chat Agent",
    email_support_agent="Email Support Agent",
    support_rep="Customer Support Representative",
    support_engineer="Customer Support Engineer;Technical Support Specialist",
    support_manager="Customer Support Manager",
    success_manager="Customer Success Manager",
    cx_manager="Customer Experience Manager",
    cco="Chief Customer Officer",
)
LEVELS = {
    "csr": Level.INDIVIDUAL,
    "call_center_agent": Level.INDIVIDUAL,
    "live_chat_agent": Level.INDIVIDUAL,
    "email_support_agent": Level.INDIVIDUAL,
    "support_rep": Level.INDIVIDUAL,
    "support_engineer": Level.INDIVIDUAL,
    "support_manager": Level.MANAGER,
    "success_manager": Level.MANAGER,
    "cx_manager": Level.MANAGER,
    "cco": Level.EXECUTIVE,
}
FOCUSES = {
    "csr": Focus.SERVICE,
    "call_center_agent": Focus.SERVICE,
    "live_chat_agent": Focus.SERVICE,
    "email_support_agent": Focus.SUPPORT,
    "support_rep": Focus.SUPPORT,
    "support_engineer": Focus.SUPPORT,
    "support_manager": Focus.SUPPORT,
    "success_manager": Focus.SUCCESS,
    "cx_manager": Focus.EXPERIENCE,
    "cco": Focus.LEADERSHIP,
}


def _match(text: str) -> TitleMatch:
    return match_title(parse_title(text), ROLES, levels=LEVELS, focuses=FOCUSES)


@pytest.mark.parametrize(
    ("text", "key", "kind", "decided_by"),
    [
        ("customer care agents", "csr", "parts", "same parts"),
        ("Servizio clienti: rappresentante", "csr", "parts", "same parts"),
        # No service manager among these roles: family first, then the care agent's words.
        ("Customer Care Manager", "csr", "closest", "function"),
        ("Customer Service Agent", "csr", "closest", "function"),
        ("Call Center Representative", "call_center_agent", "closest", "function"),
        ("Support Agent", "support_rep", "closest", "order"),
        ("Agent", "call_center_agent", "closest", "fewest extra parts"),
        ("Chat Agent", "live_chat_agent", "parts", "same parts"),
        ("Chat Support Agent", "support_rep", "closest", "order"),
        ("Email Agent", "email_support_agent", "closest", "qualifiers"),
        ("Help Desk Specialist", "support_engineer", "closest", "signal"),
        ("Head of Customer Success", "success_manager", "closest", "function family"),
        ("Chief Customer Experience Officer", "cco", "closest", "level"),
        ("Customer Protection Manager", "support_manager", "closest", "order"),
    ],
)
def test_closest_role_by_family_then_level_then_words(
    text: str, key: str, kind: str, decided_by: str
) -> None:
    match = _match(text)
    assert (match.key, match.kind, match.decided_by) == (key, kind, decided_by)


def test_reasons_say_which_parts_decided() -> None:
    assert _match("Customer Care Manager").reasons == (
        "function family 'service' (care) is the role's focus",
        "level manager is 2 steps from the role's individual",
        "function 'care' as in 'Customer Care Agent'",
        "decided by function over 'call_center_agent'",
    )
    assert _match("Chief Customer Experience Officer").reasons == (
        "function family 'experience' (experience) is led by an executive role",
        "level executive equals the role's",
        "position 'officer' as in 'Chief Customer Officer'",
        "decided by level over 'cx_manager'",
    )
    assert _match("Customer Protection Manager").reasons == (
        "function family 'advocacy' (protection) is no candidate's family",
        "level manager equals the role's",
        "position 'manager' as in 'Customer Support Manager'",
        "decided by order over 'success_manager'",
    )
    assert _match("Customer Care Agents").reasons == (
        "the title reads as the role's title 'Customer Care Agent'",
    )


def test_without_levels_and_focuses_the_titles_speak() -> None:
    match = match_title(parse_title("Head of Customer Help"), ROLES)
    assert match.key == "support_manager"
    assert "level director is 1 step from the role's manager" in match.reasons
    # Without a focus, a role's family is that of its titles' functions.
    assert match_title(parse_title("Customer Care Manager"), ROLES).key == "csr"
    assert (
        match_title(parse_title("Customer Care Manager"), ROLES, focuses={"csr": Focus.SUPPORT}).key
        == "call_center_agent"
    )


def test_one_role_or_equal_roles() -> None:
    only = match_title(parse_title("Agent"), {"a": [parse_title("Manager")]})
    assert (only.key, only.decided_by) == ("a", "only role")
    twins = {
        "first": [parse_title("Call Center Agent")],
        "second": [parse_title("Call Center Agent")],
    }
    assert match_title(parse_title("Call Center Agents"), twins).key == "first"
    tie = match_title(
        parse_title("Agent"), {"x": [parse_title("Manager")], "y": [parse_title("Manager")]}
    )
    assert (tie.key, tie.decided_by) == ("x", "order")
    untitled = match_title(parse_title("Agent"), {"x": [], "y": [parse_title("Manager")]})
    assert untitled.key == "y"
    nothing = match_title(parse_title("Agent"), {"x": []})
    assert (nothing.key, nothing.title, nothing.reasons) == ("x", None, ())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Agent", ROLES), "match_title.parts: 'Agent', expected a TitleParts"),
        ((None, {}), "match_title.parts: None"),
        ((TitleParts(position="agent"), {}), "match_title.candidates: {}, expected a non-empty mapping"),
        ((TitleParts(position="agent"), [1]), "match_title.candidates: [1]"),
        ((TitleParts(position="agent"), {"": []}), "match_title.candidates: ''"),
        ((TitleParts(position="agent"), {"a": "Agent"}), "match_title.candidates['a']: 'Agent'"),
        ((TitleParts(position="agent"), {"a": ["Agent"]}), "match_title.candidates['a'][0]: 'Agent'"),
    ],
)  # fmt: skip
def test_match_title_refuses_bad_arguments(args: tuple[object, object], message: str) -> None:
    with pytest.raises(InvalidEntityError) as raised:
        match_title(*args)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_match_title_refuses_bad_levels_and_focuses() -> None:
    parts = TitleParts(position="agent")
    with pytest.raises(InvalidEntityError, match=r"match_title\.levels"):
        match_title(parts, ROLES, levels={"csr": "individual"})  # type: ignore[dict-item]
    with pytest.raises(InvalidEntityError, match=r"match_title\.focuses"):
        match_title(parts, ROLES, focuses=[Focus.SERVICE])  # type: ignore[arg-type]


# ---------------------------------------------------------------- TitleIndex

INDEX_ROLES = [
    RoleTitles(
        key="csr",
        titles=[
            "Customer Service Representative",
            "Bank Teller",
            "Rappresentante del servizio clienti",
        ],
        level=Level.INDIVIDUAL,
        focus=Focus.SERVICE,
    ),
    RoleTitles(key="csm", titles="Customer Success Manager", level=Level.MANAGER),
    RoleTitles(key="advocate", titles=("Customer Advocate",), focus=Focus.ADVOCACY),
]


def test_index_resolves_exact_titles_then_parts_then_the_closest() -> None:
    index = TitleIndex(INDEX_ROLES)
    assert index.keys == ("csr", "csm", "advocate")
    exact = index.resolve("  BANK   teller ")
    assert (exact.key, exact.kind, exact.title, exact.parts) == (
        "csr",
        "exact",
        "Bank Teller",
        None,
    )
    assert exact.reasons == ("the text is the role's title 'Bank Teller'",)
    parts = index.resolve("I rappresentanti del servizio clienti")
    assert (parts.key, parts.kind, parts.title) == (
        "csr",
        "parts",
        "Rappresentante del servizio clienti",
    )
    english = index.resolve("Customer Service Representatives")
    assert english.title == "Customer Service Representative"
    closest = index.resolve("Customer Protection Specialist")
    assert (closest.key, closest.kind, closest.decided_by) == (
        "advocate",
        "closest",
        "function family",
    )
    assert index.match(parse_title("Sr. CSM")).key == "csm"


def test_index_memoizes_and_refuses_what_is_no_title() -> None:
    index = TitleIndex(INDEX_ROLES)
    assert index.resolve("Customer Success Managers") is index.resolve("Customer Success Managers")
    assert index.resolve("CSM", language="en").key == "csm"
    with pytest.raises(UnknownTitleError):
        index.resolve("Bank Manager")
    with pytest.raises(UnknownTitleError, match="at most"):
        index.resolve("Bank Teller" * 200)
    with pytest.raises(InvalidEntityError, match=r"TitleIndex\.resolve\.text: 7"):
        index.resolve(7)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"TitleIndex\.resolve\.language: 'xx'"):
        index.resolve("CSM", language="xx")


def test_index_cache_is_bounded() -> None:
    index = TitleIndex(INDEX_ROLES)
    first = index.resolve("Customer Success Managers")
    for n in range(2100):
        index.resolve(f"Customer Success Managers{' ' * (n % 900)}{'.' * (n // 900)}")
    assert index.resolve("Customer Success Managers") is not first
    assert index.resolve("Customer Success Managers") == first


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        ("csr", "TitleIndex.roles: 'csr', expected a collection of RoleTitles"),
        (5, "TitleIndex.roles: 5"),
        ([], "TitleIndex.roles: [], expected at least one RoleTitles"),
        (["csr"], "TitleIndex.roles[0]: 'csr', expected a RoleTitles"),
        ([INDEX_ROLES[0], INDEX_ROLES[0]], "TitleIndex.roles[1].key: 'csr', expected a key not seen"),
        (
            [INDEX_ROLES[0], RoleTitles(key="teller", titles=["bank teller"])],
            (
                "TitleIndex.roles[1].titles: 'bank teller', expected a title of one role only "
                "(it is also 'csr''s 'Bank Teller')"
            ),
        ),
    ],
)  # fmt: skip
def test_index_refuses_bad_roles(roles: object, message: str) -> None:
    with pytest.raises(InvalidEntityError) as raised:
        TitleIndex(roles)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_a_role_may_repeat_its_own_title() -> None:
    index = TitleIndex([RoleTitles(key="tm", titles=["Telemarketer", "telemarketer"])])
    assert index.resolve("TELEMARKETER").key == "tm"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"key": "", "titles": ["A"]}, "RoleTitles.key: ''"),
        ({"key": 3, "titles": ["A"]}, "RoleTitles.key: 3"),
        ({"key": "a", "titles": []}, "RoleTitles.titles: (), expected a non-empty collection"),
        ({"key": "a", "titles": 5}, "RoleTitles.titles: 5"),
        ({"key": "a", "titles": ["ok", " "]}, "RoleTitles.titles[1]: ' '"),
        ({"key": "a", "titles": ["ok", None]}, "RoleTitles.titles[1]: None"),
        ({"key": "a", "titles": ["A"], "level": "emperor"}, "RoleTitles.level: 'emperor'"),
        ({"key": "a", "titles": ["A"], "focus": 1}, "RoleTitles.focus: 1"),
    ],
)
def test_role_titles_are_checked(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidEntityError) as raised:
        RoleTitles(**kwargs)  # type: ignore[arg-type]
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"key": "", "kind": "exact"}, "TitleMatch.key: ''"),
        ({"key": "a", "kind": "fuzzy"}, "TitleMatch.kind: 'fuzzy', expected one of"),
    ],
)
def test_title_match_is_checked(kwargs: dict[str, object], message: str) -> None:
    fields = {"title": None, "parts": None, "decided_by": "x", "reasons": ()} | kwargs
    with pytest.raises(InvalidEntityError) as raised:
        TitleMatch(**fields)  # type: ignore[arg-type]
    assert message in str(raised.value)


# ---------------------------------------------------------------- oracle

SPECIFIC = {"channel", "expertise", "direction", "domain"}


def _same_audience(a: str | None, b: str | None) -> bool:
    def norm(x: str | None) -> str | None:
        return "customer" if x == "client" else x

    return a is not None and norm(a) == norm(b)


def _title_level(parts: TitleParts) -> Level | None:
    if "chief" in parts.qualifiers:
        return Level.EXECUTIVE
    return None if parts.position is None else POSITIONS[parts.position][0]


def same_function(a: str, b: str | None) -> bool:
    calls = {"call_center", "contact_center"}
    return a == b or (a in calls and b in calls)


def oracle(  # noqa: PLR0912 (the ranking, criterion by criterion)
    query: TitleParts,
    candidates: Mapping[str, Sequence[TitleParts]],
    levels: Mapping[str, Level],
    focuses: Mapping[str, Focus],
    tiers: Mapping[str, int] | None = None,
) -> str:
    """The documented ranking, written out criterion by criterion."""
    tiers = tiers or {}

    def eligible(titles: Sequence[TitleParts]) -> list[TitleParts]:
        # A role is judged by its titles in the query's language, if it has any.
        mine = [t for t in titles if t.language == query.language]
        return mine or list(titles)

    query_tiers = [int(q[-1]) for q in query.qualifiers if q.startswith("tier_")]
    query_tier = min(query_tiers) if query_tiers else None
    for key, titles in candidates.items():
        for title in titles:
            if title.language != query.language and any(
                t.language == query.language for t in titles
            ):
                continue
            if (
                (title.audience == query.audience or _same_audience(title.audience, query.audience))
                and title.function == query.function
                and title.position == query.position
                and title.qualifiers == query.qualifiers
                and title.language == query.language
            ):
                return key
    for key, titles in candidates.items():
        for title in eligible(titles):
            if (
                (title.audience == query.audience or _same_audience(title.audience, query.audience))
                and title.function == query.function
                and title.position == query.position
                and title.qualifiers == query.qualifiers
            ):
                return key
    query_family = FUNCTIONS[query.function] if query.function else None
    query_level = _title_level(query)
    ranked = []
    for order, (key, titles) in enumerate(candidates.items()):
        if key in focuses:
            families = {focuses[key]}
        else:
            families = {FUNCTIONS[t.function] for t in titles if t.function}
        best = None
        for title in eligible(titles):
            family = query_family is not None and (
                query_family in families
                or (Focus.LEADERSHIP in families and query_level == Level.EXECUTIVE)
            )
            specific = [
                q
                for q in title.qualifiers
                if QUALIFIERS[q] in SPECIFIC and q not in query.qualifiers
            ]
            role_level = levels.get(key, _title_level(title))
            if query_level is None or role_level is None:
                distance = 0
            else:
                distance = abs(list(Level).index(query_level) - list(Level).index(role_level))
            same_signal = (
                query.position is not None
                and title.position is not None
                and POSITIONS[query.position][1] == POSITIONS[title.position][1]
            )
            extra = [
                1
                for mine, theirs in [
                    (query.audience, title.audience),
                    (query.function, title.function),
                    (query.position, title.position),
                ]
                if mine is None and theirs is not None
            ]
            score = [
                int(family),
                -len(specific),
                -distance,
                0 if query_tier is None or key not in tiers else -abs(query_tier - tiers[key]),
                int(query.function is not None and same_function(query.function, title.function)),
                int(query.position is not None and query.position == title.position),
                int(same_signal),
                int(_same_audience(query.audience, title.audience)),
                len(set(query.qualifiers) & set(title.qualifiers)),
                -len(extra),
            ]
            if best is None or score > best:
                best = score
        ranked.append((best if best is not None else [-1000], -order, key))
    return max(ranked)[2]


@st.composite
def title_parts(draw: st.DrawFn) -> TitleParts:
    position = draw(st.sampled_from((None, *KEYS["position"])))
    functions = KEYS["function"] if position is None else (None, *KEYS["function"])
    return TitleParts(
        audience=draw(st.sampled_from((None, *KEYS["audience"]))),
        function=draw(st.sampled_from(functions)),
        position=position,
        qualifiers=draw(st.sets(st.sampled_from(KEYS["qualifier"]), max_size=3)),
        language=draw(st.sampled_from(list(Language))),
    )


ROLE_KEYS = st.sampled_from(["a", "b", "c", "d", "e"])


@given(
    query=title_parts(),
    candidates=st.dictionaries(ROLE_KEYS, st.lists(title_parts(), max_size=3), min_size=1),
    levels=st.dictionaries(ROLE_KEYS, st.sampled_from(list(Level))),
    focuses=st.dictionaries(ROLE_KEYS, st.sampled_from(list(Focus))),
    tiers=st.dictionaries(ROLE_KEYS, st.integers(1, 3)),
)
def test_match_title_agrees_with_the_oracle(
    query: TitleParts,
    candidates: dict[str, list[TitleParts]],
    levels: dict[str, Level],
    focuses: dict[str, Focus],
    tiers: dict[str, int],
) -> None:
    match = match_title(query, candidates, levels=levels, focuses=focuses, tiers=tiers)
    assert match.key == oracle(query, candidates, levels, focuses, tiers)

    assert match.kind in ("parts", "closest")
    assert match.reasons or match.kind == "closest"


def test_candidates_are_built_once_and_match_many_titles() -> None:
    from csroles.titles import TitleCandidates

    candidates = TitleCandidates(ROLES, levels=LEVELS, focuses=FOCUSES)
    assert candidates.keys == tuple(ROLES)
    for text in ("Customer Care Manager", "Support Agent", "Chat Agent"):
        assert candidates.match(parse_title(text)) == _match(text)
    with pytest.raises(InvalidEntityError, match=r"match_title\.parts: 'Agent'"):
        candidates.match("Agent")  # type: ignore[arg-type]


@pytest.mark.parametrize("tiers", [{"a": "1"}, {"a": True}, ["a"], {"a": 1.5}])
def test_tiers_are_checked(tiers: object) -> None:
    with pytest.raises(InvalidEntityError, match=r"match_title\.tiers"):
        match_title(
            parse_title("Support Agent"),
            {"a": [parse_title("Support Agent")]},
            tiers=tiers,  # type: ignore[arg-type]
        )


def test_the_tier_decides_between_equal_roles() -> None:
    roles = {
        "second": [parse_title("Technical Support Specialist")],
        "first": [parse_title("Technical Support Specialist")],
    }
    tiers = {"second": 2, "first": 1}
    match = match_title(parse_title("Tier 1 Support Specialist"), roles, tiers=tiers)
    assert (match.key, match.decided_by) == ("first", "tier")
    assert "tier 1 equals the role's" in match.reasons


def test_an_index_forgets_the_least_recently_used_text() -> None:
    index = TitleIndex([RoleTitles(key="agent", titles=["Customer Support Agent"])])
    first = index.resolve("Support Agent")
    for n in range(2_100):
        if n % 500 == 0:
            assert index.resolve("Support Agent") is first  # used again: kept
        index.resolve("Support Agent" + " " * (n % 900 + 1) + "." * (n // 900 + 1))
    assert index.resolve("Support Agent") is first
    assert len(index._cache) == 2048
