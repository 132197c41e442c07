"""Match a title to the closest role, and say which parts decided it.

:func:`match_title` is pure: it takes parsed parts and candidate roles as
plain data (role key -> the parts of its titles, optional levels and
focuses). :class:`TitleIndex` is what a catalog keeps: built once from each
role's title texts, it resolves free text by exact normal form first, then by
parsed parts.

The query's language decides first: a role is judged by its titles in the
language the query is written in whenever it has some, so a title in another
language never beats a same-language reading ("Customer Support Agent" is
not read through an Italian alternative title). Only a role with no title in
the query's language is judged by its titles in the others.

Candidates are then ranked by these criteria, in this order (the first
difference decides, and the match says which):

1. ``function family``: the title's function belongs to the role's focus
   (without a focus, to the family of one of the role's titles); an
   executive title also fits a leadership role;
2. ``specific words``: the role's title has no channel, technical or
   direction word that the query lacks ("Email Support Agent" is a poor match
   for "Support Agent");
3. ``level``: the smallest distance between the levels (the role's level,
   else its title's);
4. ``tier``: the smallest distance between the query's support tier ("Tier
   2", "первой линии") and the role's, when both are known;
5. ``function``: the same function word ("Call Center Representative" is a
   call center agent rather than a customer service representative; a
   contact center counts as a call center);
6. ``position``: the same position word;
7. ``signal``: the position words signal the same (expertise, hierarchy ...);
8. ``audience``: the same audience ("client" counts as "customer");
9. ``qualifiers``: the most qualifiers in common;
10. ``fewest extra parts``: the role's title adds the fewest parts the query lacks;
11. ``order``: the earlier role.
"""

from __future__ import annotations

import sys
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import add, mul
from typing import Any, Final, Literal

import attrs

from csroles._validation import check_identifier, enum_check, fail, optional_validator
from csroles.errors import UnknownTitleError
from csroles.titles._compose import _language
from csroles.titles._normalize import normalize_title
from csroles.titles._parser import MAX_TITLE_LENGTH, parse_title
from csroles.titles._parts import PartsKey, TitleParts, focus_of, key_of, level_of, level_of_words
from csroles.titles._record import NamedTuple
from csroles.titles._vocab import FUNCTIONS, KEYS, POSITIONS, QUALIFIERS, SPECIFIC_KINDS
from csroles.vocabulary import Focus, Language, Level

__all__ = ["RoleTitles", "TitleCandidates", "TitleIndex", "TitleMatch", "match_title"]

MatchKind = Literal["exact", "parts", "closest"]
_KINDS: Final = ("exact", "parts", "closest")
CRITERIA: Final = (
    "function family",
    "specific words",
    "level",
    "tier",
    "function",
    "position",
    "signal",
    "audience",
    "qualifiers",
    "fewest extra parts",
)
_SAME_AUDIENCE: Final = {"client": "customer"}
# A contact center is a call center that also writes: the same function to a ranking.
_SAME_FUNCTION: Final = {"contact_center": "call_center"}
Score = tuple[int, ...]
_CACHE_SIZE: Final = 2048


def _check_titles(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple or not value:
        fail(instance, attribute.name, value, "a non-empty collection of titles")
    for index, item in enumerate(value):
        if type(item) is not str or not item.strip():
            fail(instance, f"{attribute.name}[{index}]", item, "a non-empty title string")


def _to_tuple(value: Any) -> Any:
    if isinstance(value, str):
        return (value,)
    try:
        return tuple(value)
    except TypeError:
        return value


@attrs.frozen(kw_only=True)
class RoleTitles:
    """A role as the title matcher sees it: its key, its titles, level and focus.

    ``titles`` are the role's canonical and alternative titles in any
    language; those that do not parse ("Bank Teller") still match exactly.

    >>> from csroles import Focus, Level
    >>> from csroles.titles import RoleTitles
    >>> RoleTitles(
    ...     key="csm", titles=["Customer Success Manager"], level=Level.MANAGER, focus=Focus.SUCCESS
    ... ).titles
    ('Customer Success Manager',)

    .. versionadded:: 0.1.0
    """

    key: str = attrs.field(validator=lambda i, a, v: check_identifier(i, a.name, v))
    titles: tuple[str, ...] = attrs.field(converter=_to_tuple, validator=_check_titles)
    level: Level | None = attrs.field(default=None, validator=optional_validator(enum_check(Level)))
    focus: Focus | None = attrs.field(default=None, validator=optional_validator(enum_check(Focus)))


@attrs.frozen(kw_only=True)
class TitleMatch:
    """The role a title resolved to, and why.

    ``kind`` is ``"exact"`` (the normal form of the text is one of the role's
    titles), ``"parts"`` (the text reads as one of the role's titles) or
    ``"closest"`` (no title reads the same; the ranked criteria chose).
    ``title`` is the role's title that decided, ``parts`` the query's parts
    (``None`` for an exact match of text that does not parse), ``decided_by``
    the criterion that put this role ahead of the next one, and ``reasons``
    the explanation in plain words.

    .. versionadded:: 0.1.0
    """

    key: str
    kind: MatchKind
    title: str | None
    parts: TitleParts | None
    decided_by: str
    reasons: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        check_identifier(self, "key", self.key)
        if self.kind not in _KINDS:
            fail(self, "kind", self.kind, "one of " + ", ".join(map(repr, _KINDS)))


def _shape(parts: TitleParts) -> tuple[object, ...]:
    return (
        _SAME_AUDIENCE.get(parts.audience or "", parts.audience),
        parts.function,
        parts.position,
        parts.qualifiers,
    )


def _specific(parts: TitleParts) -> frozenset[str]:
    return frozenset(q for q in parts.qualifiers if QUALIFIERS[q] in SPECIFIC_KINDS)


_RANK: Final = {level: rank for rank, level in enumerate(Level)}
_LANGUAGES: Final = tuple(Language)  # iterating the enum itself costs a generator
# The support tier each tier qualifier names ("tier_2" is 2).
_TIER_OF: Final = {q: int(q.removeprefix("tier_")) for q in QUALIFIERS if q.startswith("tier_")}
_TIERS: Final = tuple(_TIER_OF.values())


class _Title(NamedTuple):
    """One candidate title with the facts the ranking compares, worked out once."""

    parts: TitleParts
    rank: int | None
    audience: str | None
    function: str | None
    position: str | None
    signal: str | None
    specific: frozenset[str]
    qualifiers: frozenset[str]


class _Role(NamedTuple):
    key: str
    order: int
    families: frozenset[Focus]
    level: Level | None
    focus: Focus | None
    tier: int | None
    titles: tuple[_Title, ...]
    languages: frozenset[Language]


class _Query(NamedTuple):
    """The facts of a query that every role's score compares, worked out once."""

    focus: Focus | None
    executive: bool
    rank: int | None
    tier: int | None
    qualifiers: frozenset[str]
    signal: str | None
    audience: str | None
    function: str | None
    position: str | None

    @classmethod
    def of(cls, parts: TitleParts) -> _Query:
        level = level_of(parts)
        qualifiers, position = parts.qualifiers, parts.position
        return cls(  # in the order of the fields
            focus_of(parts),
            level is Level.EXECUTIVE,
            None if level is None else _RANK[level],
            _tier(qualifiers) if qualifiers else None,
            frozenset(qualifiers),
            None if position is None else POSITIONS[position][1],
            _SAME_AUDIENCE.get(parts.audience or "", parts.audience),
            _SAME_FUNCTION.get(parts.function or "", parts.function),
            position,
        )


def _tier(qualifiers: Iterable[str]) -> int | None:
    """The support tier a title's qualifiers name (the lowest, if several)."""
    tiers = [_TIER_OF[q] for q in qualifiers if q in _TIER_OF]
    return min(tiers) if tiers else None


def _check_candidates(candidates: object) -> Mapping[str, Sequence[TitleParts]]:
    if not isinstance(candidates, Mapping) or not candidates:
        fail("match_title", "candidates", candidates, "a non-empty mapping of role key to titles")
    for key, titles in candidates.items():
        check_identifier("match_title", "candidates", key)
        if isinstance(titles, str) or not isinstance(titles, Sequence):
            fail("match_title", f"candidates[{key!r}]", titles, "a sequence of TitleParts")
        for index, title in enumerate(titles):
            if not isinstance(title, TitleParts):
                fail("match_title", f"candidates[{key!r}][{index}]", title, "a TitleParts")
    return candidates


def _check_mapping(name: str, value: object, cls: type) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(
        isinstance(v, cls) and type(v) is not bool for v in value.values()
    ):
        fail("match_title", name, value, f"a mapping of role key to {cls.__name__}")
    return value


class TitleCandidates:
    """Candidate roles made ready for matching: build once, match many titles.

    :func:`match_title` builds one for a single match; a catalog or a
    :class:`TitleIndex` keeps one. Arguments as for :func:`match_title`, and
    ``tiers``: role key -> the support tier the role works (1 first line ...).

    >>> from csroles import parse_title
    >>> from csroles.titles import TitleCandidates
    >>> roles = TitleCandidates(
    ...     {
    ...         "agent": [parse_title("Call Center Agent")],
    ...         "manager": [parse_title("Call Center Manager")],
    ...     }
    ... )
    >>> roles.match(parse_title("Call Center Supervisor")).key
    'manager'
    >>> roles.keys
    ('agent', 'manager')

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_rankings", "_roles", "_same")

    def __init__(
        self,
        candidates: Mapping[str, Sequence[TitleParts]],
        *,
        levels: Mapping[str, Level] | None = None,
        focuses: Mapping[str, Focus] | None = None,
        tiers: Mapping[str, int] | None = None,
    ) -> None:
        candidates = _check_candidates(candidates)
        levels = _check_mapping("levels", levels, Level)
        focuses = _check_mapping("focuses", focuses, Focus)
        tiers = _check_mapping("tiers", tiers, int)
        roles = []
        # (language, shape) -> the first role with a title of that shape in that
        # language, and its titles of that shape.
        shapes: dict[tuple[object, ...], tuple[str, list[TitleParts]]] = {}
        for order, (key, titles) in enumerate(candidates.items()):
            focus = focuses.get(key)
            level = levels.get(key)
            families = (
                frozenset({focus})
                if focus is not None
                else frozenset(f for f in map(focus_of, titles) if f is not None)
            )
            prepared = []
            for title in titles:
                their_level = level if level is not None else level_of(title)
                prepared.append(
                    _Title(
                        parts=title,
                        rank=None if their_level is None else _RANK[their_level],
                        audience=_SAME_AUDIENCE.get(title.audience or "", title.audience),
                        function=_SAME_FUNCTION.get(title.function or "", title.function),
                        position=title.position,
                        signal=None if title.position is None else POSITIONS[title.position][1],
                        specific=_specific(title),
                        qualifiers=frozenset(title.qualifiers),
                    )
                )
                shape = (title.language, *_shape(title))
                if shape not in shapes:
                    shapes[shape] = (key, [])
                if shapes[shape][0] == key:
                    shapes[shape][1].append(title)
            languages = frozenset(t.language for t in titles)
            roles.append(
                _Role(
                    key, order, families, level, focus, tiers.get(key), tuple(prepared), languages
                )
            )
        self._roles: tuple[_Role, ...] = tuple(roles)
        self._same = _same_parts(self._roles, shapes)
        # The ranking tables of each language, built when a query in it first comes.
        self._rankings: dict[Language, _Ranking] = {}

    @property
    def keys(self) -> tuple[str, ...]:
        """The role keys, in the order given (the order breaks ties)."""
        return tuple(role.key for role in self._roles)

    def match(self, parts: TitleParts) -> TitleMatch:
        """The role closest to ``parts``, and why (see :func:`match_title`)."""
        if not isinstance(parts, TitleParts):
            fail("match_title", "parts", parts, "a TitleParts")
        same = self._same_shape(parts)
        if same is not None:
            key, title = same
            shown = title.text or repr(title)
            return TitleMatch(
                key=key,
                kind="parts",
                title=title.text,
                parts=parts,
                decided_by="same parts",
                reasons=(*_typos(parts), f"the title reads as the role's title {shown!r}"),
            )
        first, second = self._ranking(parts.language).rank(_Query.of(parts))
        score, role, winner = first
        if second is None:
            decided_by = "only role"
        else:
            index = next(
                (i for i, (a, b) in enumerate(zip(score, second[0], strict=False)) if a != b),
                None,
            )
            decided_by = "order" if index is None else CRITERIA[index]
        reasons = [*_typos(parts), *_reasons(parts, winner, score, role)]
        if second is not None:
            reasons.append(f"decided by {decided_by} over {second[1].key!r}")
        return TitleMatch(
            key=role.key,
            kind="closest",
            title=None if winner is None else winner.text,
            parts=parts,
            decided_by=decided_by,
            reasons=tuple(reasons),
        )

    def best_key(self, parts: TitleParts) -> str:
        """The key of the role :meth:`match` chooses, without working out why.

        >>> from csroles import parse_title
        >>> from csroles.titles import TitleCandidates
        >>> roles = TitleCandidates(
        ...     {"agent": [parse_title("Call Center Agent")], "lead": [parse_title("Team Lead")]}
        ... )
        >>> roles.best_key(parse_title("Call Center Representative"))
        'agent'

        .. versionadded:: 0.1.0
        """
        if not isinstance(parts, TitleParts):
            fail("TitleCandidates.best_key", "parts", parts, "a TitleParts")
        return self._choose(key_of(parts))

    def _choose(self, parts: PartsKey) -> str:
        """What :meth:`best_key` gives, for parts read without their spans (the fast path)."""
        same = self._same.get(parts)
        if same is not None:
            return same[0]
        return self._ranking(parts[0]).best(parts).key

    def _same_shape(self, parts: TitleParts) -> tuple[str, TitleParts] | None:
        """The first role with a title of the same parts, in the query's language first."""
        return self._same.get(key_of(parts))

    def _ranking(self, language: Language) -> _Ranking:
        ranking = self._rankings.get(language)
        if ranking is None:
            ranking = self._rankings[language] = _Ranking(self._roles, language)
        return ranking


def _same_parts(
    roles: tuple[_Role, ...],
    shapes: Mapping[tuple[object, ...], tuple[str, list[TitleParts]]],
) -> dict[tuple[object, ...], tuple[str, TitleParts]]:
    """For every query a title has the same parts as: the role it names, and that title.

    Keyed as a :data:`PartsKey` (a tuple: language, audience, function,
    position, qualifiers), with "client" and "customer" both given, so that
    finding a query's same-parts role is one lookup. For each language, a
    shape's first role in that language, else the first role with the shape
    in another language (in the order of :class:`~csroles.Language`) that
    has no title in the query's language: a title in another language counts
    only for a role that has no title in the query's language.
    """
    languages = {role.key: role.languages for role in roles}
    forms = {shape[1:] for shape in shapes}
    # The audiences a query may write for each audience a shape compares.
    written: dict[object, list[str | None]] = {}
    for audience in (None, *KEYS["audience"]):
        written.setdefault(_SAME_AUDIENCE.get(audience or "", audience), []).append(audience)
    same: dict[tuple[object, ...], tuple[str, TitleParts]] = {}
    for language in _LANGUAGES:
        for form in forms:
            found = shapes.get((language, *form))
            if found is None:
                found = next(
                    (
                        other
                        for lang in _LANGUAGES
                        if lang is not language
                        and (other := shapes.get((lang, *form))) is not None
                        and language not in languages[other[0]]
                    ),
                    None,
                )
            if found is None:
                continue
            for spelled in written[form[0]]:
                same[(language, spelled, *form[1:])] = (found[0], found[1][0])
    return same


Scored = tuple[Score, _Role, TitleParts | None]
# Packed scores: every criterion's score of a title lies within +-_BASE // 2
# (a few levels or tiers apart, at most 19 qualifiers), so one base-_BASE
# digit per criterion, the first the most significant, shifted up by half the
# base, orders as the tuple and stays positive; ten digits fit a machine word.
_BASE: Final = 64
_WEIGHTS: Final = tuple(_BASE ** (len(CRITERIA) - 1 - index) for index in range(len(CRITERIA)))
_OFFSET: Final = sum(_BASE // 2 * weight for weight in _WEIGHTS)
_WORD: Final = "Q"  # an unsigned machine word of (at least) 64 bits
_WORD_BYTES: Final = array(_WORD).itemsize
_WORD_BITS: Final = 8 * _WORD_BYTES
_NO_TITLE: Final[Score] = (-1_000,)


class _Ranking:
    """The ranking of the module docstring for queries in one language, worked out ahead.

    The titles a query is compared with (each role's titles in the query's
    language, else all its titles) are flattened in the roles' order. Every
    criterion but those of the query's qualifiers depends on the query through
    one small value (its function, its level ...), so each criterion's score
    of every title is computed ahead for every such value: a column. Ranking a
    query is then a handful of dict lookups, one ``zip`` of columns into score
    tuples, and ``max``, which keeps the first of equal scores, as the earlier
    role wins a tie. The scores are the very tuples a title-by-title loop
    would build (the tests compare them with such a loop).
    """

    __slots__ = (
        "audience",
        "empty",
        "extra",
        "family",
        "function",
        "has",
        "language",
        "level",
        "narrow",
        "others",
        "owners",
        "packed",
        "position",
        "roles",
        "signal",
        "specific",
        "specific_has",
        "tier",
        "titles",
        "zeros",
    )

    def __init__(
        self,
        roles: tuple[_Role, ...],
        language: Language,
        keep: Callable[[_Role], bool] | None = None,
    ) -> None:
        titles: list[_Title] = []
        owners: list[_Role] = []
        for role in roles:
            if keep is not None and not keep(role):
                continue
            mine = [t for t in role.titles if t.parts.language is language]
            for title in mine if language in role.languages else role.titles:
                titles.append(title)
                owners.append(role)
        self.roles = roles
        self.language = language
        # The rankings of the titles of one function family, built when needed.
        self.narrow: dict[tuple[Focus | None, bool], _Ranking] = {}
        # The packed columns of best(), by criterion and query value, built when needed.
        self.packed: dict[tuple[str, object], int] = {}
        self.titles: tuple[_Title, ...] = tuple(titles)
        self.owners: tuple[_Role, ...] = tuple(owners)
        # Roles none of whose titles read: they score _NO_TITLE, below any title.
        self.empty: tuple[_Role, ...] = tuple(r for r in roles if not r.titles)
        self.zeros: tuple[int, ...] = (0,) * len(titles)

        def column(score: Callable[[_Title, _Role], int]) -> tuple[int, ...]:
            return tuple(score(t, r) for t, r in zip(titles, owners, strict=True))

        def equal(value: str | None, field: str) -> tuple[int, ...]:
            return column(lambda t, _: int(value is not None and value == getattr(t, field)))

        def family(focus: Focus | None, *, executive: bool) -> tuple[int, ...]:
            return column(
                lambda _, r: int(
                    focus is not None
                    and (focus in r.families or (executive and Focus.LEADERSHIP in r.families))
                )
            )

        def level(rank: int | None) -> tuple[int, ...]:
            return column(lambda t, _: 0 if rank is None or t.rank is None else -abs(rank - t.rank))

        def tier(value: int | None) -> tuple[int, ...]:
            return column(
                lambda _, r: 0 if value is None or r.tier is None else -abs(value - r.tier)
            )

        def extra(*, audience: bool, function: bool, position: bool) -> tuple[int, ...]:
            return column(
                lambda t, _: (
                    -(
                        (audience and t.audience is not None)
                        + (function and t.function is not None)
                        + (position and t.position is not None)
                    )
                )
            )

        focuses = (None, *Focus)
        self.family = {(f, e): family(f, executive=e) for f in focuses for e in (False, True)}
        # A title's specific words the query lacks: all of them, less those it has.
        self.specific = column(lambda t, _: -len(t.specific))
        self.specific_has = {
            q: column(lambda t, _, q=q: int(q in t.specific))  # type: ignore[misc]
            for q in QUALIFIERS
        }
        self.has = {
            q: column(lambda t, _, q=q: int(q in t.qualifiers))  # type: ignore[misc]
            for q in QUALIFIERS
        }
        # The indices of the titles of every role but one, by that role's order.
        self.others = {
            role.order: tuple(i for i, owner in enumerate(owners) if owner is not role)
            for role in roles
        }
        self.level = {rank: level(rank) for rank in (None, *_RANK.values())}
        self.tier = {value: tier(value) for value in (None, *_TIERS)}
        functions = {_SAME_FUNCTION.get(f, f) for f in FUNCTIONS}
        self.function = {f: equal(f, "function") for f in (None, *functions)}
        self.position = {p: equal(p, "position") for p in (None, *POSITIONS)}
        signals: set[str] = {signal for _, signal in POSITIONS.values()}
        self.signal = {s: equal(s, "signal") for s in (None, *signals)}
        audiences = {_SAME_AUDIENCE.get(a, a) for a in KEYS["audience"]}
        self.audience = {a: equal(a, "audience") for a in (None, *audiences)}
        nones = (False, True)
        self.extra = {
            (a, f, p): extra(audience=a, function=f, position=p)
            for a in nones
            for f in nones
            for p in nones
        }

    def rank(self, query: _Query) -> tuple[Scored, Scored | None]:
        """The best role and the runner-up (the best of the others), with their scores."""
        scores = self.scores(query)
        titles = self.titles
        if not scores:  # no title reads: every role ties, the first wins
            empty: Scored = (_NO_TITLE, self.roles[0], None)
            return empty, (_NO_TITLE, self.roles[1], None) if len(self.roles) > 1 else None
        best = scores.index(max(scores))  # the first of equal scores
        role = self.owners[best]
        first: Scored = (scores[best], role, titles[best].parts)
        others = self.others[role.order]
        if others:
            runner = max(others, key=scores.__getitem__)
            return first, (scores[runner], self.owners[runner], titles[runner].parts)
        other = next((r for r in self.empty if r is not role), None)
        return first, None if other is None else (_NO_TITLE, other, None)

    def best(self, parts: PartsKey) -> _Role:
        """The best role (what :meth:`rank` gives first, without the runner-up).

        The function family is the first criterion: when some titles are of
        the query's family, the best is among them, and only they are scored.
        The scores of all titles are added up at once, as the packed columns
        of the query's values (see :meth:`column`), then read out as machine
        words, whose ``max`` and ``index`` keep the first of equal scores as
        :meth:`rank` does.
        """
        _, audience, function, position, qualifiers = parts
        level = level_of_words(position, qualifiers)
        family = (None if function is None else FUNCTIONS[function], level is Level.EXECUTIVE)
        ranking = self.narrow.get(family)
        if ranking is None:
            ranking = self.narrow[family] = self._of_family(*family)
        if not ranking.titles:
            return self.roles[0]
        wanted: list[tuple[str, object]] = [
            ("family", family),
            ("function", _SAME_FUNCTION.get(function or "", function)),
            ("position", position),
            ("audience", _SAME_AUDIENCE.get(audience or "", audience)),
        ]
        if level is not None:
            wanted.append(("level", _RANK[level]))
        if qualifiers:
            wanted += [("qualifier", qualifier) for qualifier in qualifiers]
            tier = _tier(qualifiers)
            if tier is not None:
                wanted.append(("tier", tier))
        packed, total = ranking.packed, 0
        for criterion in wanted:
            found = packed.get(criterion)
            total += found if found is not None else ranking.column(*criterion)
        scores = array(_WORD, total.to_bytes(_WORD_BYTES * len(ranking.titles), sys.byteorder))
        return ranking.owners[scores.index(max(scores))]

    def column(self, criterion: str, value: object) -> int:
        """The packed scores of every title for one value of the query, kept in ``packed``.

        A title's packed score puts each criterion's score in its own digit
        of base :data:`_BASE`, the first criterion the most significant, so
        that comparing packed scores compares the tuples of :meth:`scores`.
        A column holds the part of it that one value of the query decides:
        ``family`` (with the title's specific words and the offset that keeps
        every digit positive), ``level``, ``tier``, ``function``, ``position``
        (with its signal) and ``audience`` (each with the title's extra part
        when the query lacks it), and one per query ``qualifier`` (a specific
        word the query has, a qualifier in common). The column is one int,
        title ``i``'s part ``2 ** (64 * i)`` times over, so adding the
        columns of a query adds up the scores of all titles at once.
        """
        pick: Any = value  # a key of the columns of this criterion
        parts: list[tuple[tuple[int, ...], int]]
        if criterion == "family":
            parts = [(self.family[pick], _WEIGHTS[0]), (self.specific, _WEIGHTS[1])]
            parts.append(((1,) * len(self.titles), _OFFSET))
        elif criterion == "level":
            parts = [(self.level[pick], _WEIGHTS[2])]
        elif criterion == "tier":
            parts = [(self.tier[pick], _WEIGHTS[3])]
        elif criterion == "function":
            extra = self.extra[False, pick is None, False]
            parts = [(self.function[pick], _WEIGHTS[4]), (extra, _WEIGHTS[9])]
        elif criterion == "position":
            signal = None if pick is None else POSITIONS[pick][1]
            extra = self.extra[False, False, pick is None]
            parts = [(self.position[pick], _WEIGHTS[5]), (self.signal[signal], _WEIGHTS[6])]
            parts.append((extra, _WEIGHTS[9]))
        elif criterion == "audience":
            extra = self.extra[pick is None, False, False]
            parts = [(self.audience[pick], _WEIGHTS[7]), (extra, _WEIGHTS[9])]
        else:  # a qualifier of the query
            parts = [(self.specific_has[pick], _WEIGHTS[1]), (self.has[pick], _WEIGHTS[8])]
        weights = [weight for _, weight in parts]
        packed: int = sum(
            sum(map(mul, scores, weights)) << (_WORD_BITS * index)
            for index, scores in enumerate(zip(*(c for c, _ in parts), strict=True))
        )
        self.packed[criterion, value] = packed
        return packed

    def _of_family(self, focus: Focus | None, executive: bool) -> _Ranking:  # noqa: FBT001
        """The ranking of the titles of that family, or this one if none or all are."""
        column = self.family[focus, executive]
        if not any(column) or all(column):
            return self
        return _Ranking(
            self.roles,
            self.language,
            keep=lambda role: (
                focus is not None
                and (focus in role.families or (executive and Focus.LEADERSHIP in role.families))
            ),
        )

    def scores(self, query: _Query) -> list[Score]:
        """The score of every title, in order."""
        # The qualifier criteria add up over the query's qualifiers.
        specific, common = self.specific, self.zeros
        for qualifier in query.qualifiers:
            specific = tuple(map(add, specific, self.specific_has[qualifier]))
            common = tuple(map(add, common, self.has[qualifier]))
        return list(
            zip(
                self.family[query.focus, query.executive],
                specific,
                self.level[query.rank],
                self.tier[query.tier],
                self.function[query.function],
                self.position[query.position],
                self.signal[query.signal],
                self.audience[query.audience],
                common,
                self.extra[query.audience is None, query.function is None, query.position is None],
                strict=True,
            )
        )


def match_title(
    parts: TitleParts,
    candidates: Mapping[str, Sequence[TitleParts]],
    *,
    levels: Mapping[str, Level] | None = None,
    focuses: Mapping[str, Focus] | None = None,
    tiers: Mapping[str, int] | None = None,
) -> TitleMatch:
    """The candidate role whose titles are closest to ``parts``, with the reasons.

    A role one of whose titles has the same parts (whatever its language) wins
    outright (``kind="parts"``); otherwise the roles are ranked by the
    criteria of this module's docstring: function family first, then level
    and the words (``kind="closest"``). Pure: no state, no I/O. To match many
    titles against the same roles, build a :class:`TitleCandidates` once.

    Args:
        parts: the parsed title.
        candidates: role key -> the parsed parts of the role's titles, in the
            catalog's order (the order breaks ties).
        levels: role key -> the role's level, when known.
        focuses: role key -> the role's focus (function family), when known.
        tiers: role key -> the support tier the role works (1 is first line), when known.

    Raises:
        InvalidEntityError: ``parts`` or the candidates are not of these types.

    >>> from csroles import Level, parse_title
    >>> from csroles.titles import match_title
    >>> roles = {
    ...     "support_rep": [parse_title("Customer Support Representative")],
    ...     "support_manager": [parse_title("Customer Support Manager")],
    ...     "success_manager": [parse_title("Customer Success Manager")],
    ... }
    >>> match = match_title(parse_title("Head of Customer Help"), roles)
    >>> match.key, match.kind, match.decided_by
    ('support_manager', 'closest', 'level')
    >>> for reason in match.reasons:
    ...     print(reason)
    function family 'support' (help) is a family of the role's titles
    level director is 1 step from the role's manager
    decided by level over 'support_rep'

    .. versionadded:: 0.1.0
    """
    if not isinstance(parts, TitleParts):
        fail("match_title", "parts", parts, "a TitleParts")
    return TitleCandidates(candidates, levels=levels, focuses=focuses, tiers=tiers).match(parts)


def _typos(parts: TitleParts) -> list[str]:
    return [f"{written!r} read as {word!r}" for written, word in parts.corrections]


def _reasons(
    query: TitleParts,
    title: TitleParts | None,
    score: tuple[int, ...],
    role: _Role,
) -> list[str]:
    role_level, role_focus, role_tier = role.level, role.focus, role.tier
    reasons: list[str] = []
    focus = focus_of(query)
    if focus is not None:
        named = (
            f"function family {focus.value!r} ({query.function.replace('_', ' ')})"
            if query.function
            else ""
        )
        if score[0]:
            where = "the role's focus" if role_focus is focus else "a family of the role's titles"
            if role_focus is Focus.LEADERSHIP and focus is not role_focus:
                where = "led by an executive role"
            reasons.append(f"{named} is {where}")
        else:
            reasons.append(f"{named} is no candidate's family")
    if title is None:
        return reasons
    level = level_of(query)
    theirs = role_level if role_level is not None else level_of(title)
    if level is not None and theirs is not None:
        steps = -score[2]
        if steps == 0:
            reasons.append(f"level {level.value} equals the role's")
        else:
            unit = "step" if steps == 1 else "steps"
            reasons.append(f"level {level.value} is {steps} {unit} from the role's {theirs.value}")
    shown = title.text or "its title"
    tier = _tier(query.qualifiers)
    if tier is not None and role_tier is not None:
        same = "equals the role's" if tier == role_tier else f"differs from the role's {role_tier}"
        reasons.append(f"tier {tier} {same}")
    if score[4]:
        reasons.append(f"function {query.function!r} as in {shown!r}")
    if score[5]:
        reasons.append(f"position {query.position!r} as in {shown!r}")
    return reasons


class TitleIndex:
    """Resolve free-text titles to roles: exact normal form first, then parsed parts.

    Built once from each role's titles; resolving is memoized per text (the
    last 2,048, least recently used first out), so repeated titles cost a
    dictionary lookup.

    >>> from csroles.titles import RoleTitles, TitleIndex
    >>> index = TitleIndex(
    ...     [
    ...         RoleTitles(
    ...             key="customer_service_representative",
    ...             titles=["Customer Service Representative", "Bank Teller"],
    ...         ),
    ...         RoleTitles(
    ...             key="customer_success_manager",
    ...             titles=["Customer Success Manager", "Менеджер по развитию клиентов"],
    ...         ),
    ...     ]
    ... )
    >>> index.resolve("bank  teller").key
    'customer_service_representative'
    >>> match = index.resolve("Менеджеры по развитию клиентов")
    >>> match.key, match.kind
    ('customer_success_manager', 'parts')
    >>> index.resolve("Sr. CSR").key
    'customer_service_representative'

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_cache", "_candidates", "_exact")

    def __init__(self, roles: Iterable[RoleTitles]) -> None:
        given: object = roles
        if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
            fail("TitleIndex", "roles", given, "a collection of RoleTitles")
        exact: dict[str, tuple[str, str]] = {}
        parsed: dict[str, list[TitleParts]] = {}
        levels: dict[str, Level] = {}
        focuses: dict[str, Focus] = {}
        for index, role in enumerate(given):
            if not isinstance(role, RoleTitles):
                fail("TitleIndex", f"roles[{index}]", role, "a RoleTitles")
            if role.key in parsed:
                fail("TitleIndex", f"roles[{index}].key", role.key, "a key not seen before")
            parsed[role.key] = []
            if role.level is not None:
                levels[role.key] = role.level
            if role.focus is not None:
                focuses[role.key] = role.focus
            for title in role.titles:
                normal = normalize_title(title)
                owner = exact.get(normal)
                if owner is not None and owner[0] != role.key:
                    fail(
                        "TitleIndex",
                        f"roles[{index}].titles",
                        title,
                        f"a title of one role only (it is also {owner[0]!r}'s {owner[1]!r})",
                    )
                exact[normal] = (role.key, title)
                try:
                    parsed[role.key].append(parse_title(title))
                except UnknownTitleError:
                    continue
        if not parsed:
            fail("TitleIndex", "roles", roles, "at least one RoleTitles")
        self._exact = exact
        self._candidates = TitleCandidates(parsed, levels=levels, focuses=focuses)
        # Matches by text as written (their parts quote it), least recently used first.
        self._cache: OrderedDict[tuple[str, Language | None], TitleMatch] = OrderedDict()

    @property
    def keys(self) -> tuple[str, ...]:
        """The role keys, in the order the index was given them."""
        return self._candidates.keys

    def resolve(self, text: str, *, language: Language | str | None = None) -> TitleMatch:
        """The role ``text`` names, with the explanation.

        Raises:
            UnknownTitleError: the text is no role's exact title and does not parse.
            InvalidEntityError: ``text`` is not a string or ``language`` is unknown.
        """
        if type(text) is not str:
            fail("TitleIndex.resolve", "text", text, "a string")
        chosen = None if language is None else _language("TitleIndex.resolve", language)
        cached = self._cache.get((text, chosen))
        if cached is not None:
            self._cache.move_to_end((text, chosen))
            return cached
        match = self._resolve(text, chosen)
        self._cache[text, chosen] = match
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)  # the least recently used
        return match

    def _resolve(self, text: str, language: Language | None) -> TitleMatch:
        if len(text) <= MAX_TITLE_LENGTH:
            hit = self._exact.get(normalize_title(text))
            if hit is not None:
                key, title = hit
                return TitleMatch(
                    key=key,
                    kind="exact",
                    title=title,
                    parts=None,
                    decided_by="exact title",
                    reasons=(f"the text is the role's title {title!r}",),
                )
        parts = parse_title(text, language=language)
        return self.match(parts)

    def match(self, parts: TitleParts) -> TitleMatch:
        """Match already parsed parts against the roles (see :func:`match_title`)."""
        return self._candidates.match(parts)
