"""Hypothesis strategies for roles and catalogs.

Everything generated here is valid: every role passes its own checks, and
every catalog passes the catalog's (unique keys and titles, existing
references, every duty owned).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csroles.catalog import Catalog
from csroles.roles import (
    Action,
    Authority,
    Duty,
    Industry,
    Pay,
    Raci,
    Request,
    Responsibility,
    Role,
    Skill,
    SkillKind,
)
from csroles.vocabulary import Channel, Direction, Focus, Language, Level, Metric, Topic

__all__ = [
    "authorities",
    "catalogs",
    "pays",
    "requests",
    "responsibilities",
    "role_keys",
    "roles",
    "skills",
]

_WORDS = (
    "customer",
    "client",
    "service",
    "support",
    "success",
    "care",
    "agent",
    "representative",
    "specialist",
    "manager",
    "lead",
    "night",
    "tier2",
    "chat",
)
_CURRENCIES = ("EUR", "USD", "GBP", "RUB", "CHF")
_TITLE_WORDS = {
    Language.EN: ("Customer", "Client", "Service", "Support", "Care", "Agent", "Lead", "Expert"),
    Language.IT: ("Agente", "del", "servizio", "clienti", "dell'assistenza", "Responsabile"),
    Language.RU: ("Агент", "службы", "поддержки", "клиентов", "Менеджер", "по", "работе"),
}


def _members(name: str, values: Sequence[object] | None, cls: type[enum.Enum]) -> tuple[Any, ...]:
    """``values`` as a non-empty tuple of ``cls`` members (all of them for None)."""
    if values is None:
        return tuple(cls)
    chosen = tuple(values)
    if not chosen or not all(isinstance(v, cls) for v in chosen):
        msg = f"{name}={values!r}, expected a non-empty sequence of {cls.__name__} members"
        raise InvalidArgument(msg)
    return chosen


def role_keys() -> st.SearchStrategy[str]:
    """Snake_case role keys such as ``"customer_support_lead"``.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import role_keys
    >>> @settings(max_examples=20)
    ... @given(role_keys())
    ... def test_keys(key):
    ...     assert key == key.lower() and " " not in key
    >>> test_keys()

    .. versionadded:: 0.1.0
    """
    return st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map("_".join)


def _amounts(*, positive: bool) -> st.SearchStrategy[Decimal]:
    low = 1 if positive else 0
    cents = st.integers(min_value=low, max_value=10_000_000)
    return cents.map(lambda c: Decimal(c).scaleb(-2))


def requests(*, actions: Sequence[Action] | None = None) -> st.SearchStrategy[Request]:
    """Requests a role may be asked to decide: refunds and credits with amounts, and the rest.

    Args:
        actions: Only these actions (default: all).

    >>> from hypothesis import given, settings
    >>> from csroles import Action
    >>> from csroles.strategies import requests
    >>> @settings(max_examples=20)
    ... @given(requests(actions=[Action.REFUND]))
    ... def test_refunds(request):
    ...     assert request.amount > 0
    >>> test_refunds()

    .. versionadded:: 0.1.0
    """
    chosen = _members("actions", actions, Action)

    def build(action: Action) -> st.SearchStrategy[Request]:
        if action.is_monetary:
            return st.builds(
                Request,
                action=st.just(action),
                amount=_amounts(positive=True),
                currency=st.sampled_from(_CURRENCIES),
            )
        return st.just(Request(action=action))

    return st.sampled_from(chosen).flatmap(build)


def authorities() -> st.SearchStrategy[Authority]:
    """Authorities: none, a limit in one currency, or unlimited, with any of the other powers.

    >>> from hypothesis import given, settings
    >>> from csroles import Request
    >>> from csroles.strategies import authorities
    >>> @settings(max_examples=20)
    ... @given(authorities())
    ... def test_explains(authority):
    ...     assert authority.explain(Request.hire())
    >>> test_explains()

    .. versionadded:: 0.1.0
    """
    limits = st.one_of(
        st.just((Decimal(0), None)),
        st.just((None, None)),
        st.tuples(_amounts(positive=False), st.sampled_from(_CURRENCIES)),
        st.tuples(st.none(), st.sampled_from(_CURRENCIES)),
    )
    return st.builds(
        lambda limit, exceptions, hires, priorities: Authority(
            refund_limit=limit[0],
            currency=limit[1],
            policy_exceptions=exceptions,
            approve_hires=hires,
            change_priorities=priorities,
        ),
        limits,
        st.booleans(),
        st.booleans(),
        st.booleans(),
    )


_AUTHORITIES = authorities()


def responsibilities(
    *, duties: Sequence[Duty] | None = None, racis: Sequence[Raci] | None = None
) -> st.SearchStrategy[Responsibility]:
    """Responsibilities, with the duty's own topics or (sometimes) other ones.

    Args:
        duties: Only these duties (default: all).
        racis: Only these letters (default: all).

    >>> from hypothesis import given, settings
    >>> from csroles import Raci
    >>> from csroles.strategies import responsibilities
    >>> @settings(max_examples=20)
    ... @given(responsibilities(racis=[Raci.ACCOUNTABLE]))
    ... def test_owns(responsibility):
    ...     assert responsibility.raci.owns
    >>> test_owns()

    .. versionadded:: 0.1.0
    """
    return st.builds(
        _responsibility,
        st.sampled_from(_members("duties", duties, Duty)),
        st.sampled_from(_members("racis", racis, Raci)),
        st.none() | st.frozensets(st.sampled_from(tuple(Topic)), max_size=3),
    )


def _responsibility(duty: Duty, raci: Raci, topics: frozenset[Topic] | None) -> Responsibility:
    if topics is None:
        return Responsibility(duty=duty, raci=raci)
    return Responsibility(duty=duty, raci=raci, topics=topics)


def _free_titles(language: Language) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_TITLE_WORDS[language]), min_size=1, max_size=4).map(" ".join)


def _ranges() -> st.SearchStrategy[tuple[Decimal, Decimal]]:
    return st.lists(st.integers(0, 500_000), min_size=2, max_size=2).map(
        lambda pair: (Decimal(min(pair)), Decimal(max(pair)))
    )


def pays() -> st.SearchStrategy[Pay]:
    """Annual pay figures as a salary survey quotes them: consistent (low, high) ranges.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import pays
    >>> @settings(max_examples=20)
    ... @given(pays())
    ... def test_ranges(pay):
    ...     assert pay.total[0] <= pay.total[1]
    >>> test_ranges()

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Pay,
        currency=st.sampled_from(_CURRENCIES),
        country=st.sampled_from(("US", "IT", "RU", "GB", "DE")),
        source=st.sampled_from(("Glassdoor", "Payscale", "survey-2026")),
        average=st.integers(0, 500_000).map(Decimal),
        total=_ranges(),
        base=_ranges(),
        extra=_ranges(),
    )


_SKILL_NAMES = (
    "communication",
    "empathy",
    "product_knowledge",
    "help_desk_tools",
    "italian",
    "Mandarin",
    "SAP S/4HANA",
    "crm",
)


def skills(*, kinds: Sequence[SkillKind] | None = None) -> st.SearchStrategy[Skill]:
    """Skills of ``kinds`` (default: every :class:`~csroles.SkillKind`).

    Names are snake_case words and a few free labels with capitals and
    spaces, as a company's own skills may be.

    >>> from hypothesis import given, settings
    >>> from csroles import Skill, SkillKind
    >>> from csroles.strategies import skills
    >>> @settings(max_examples=20)
    ... @given(skills(kinds=[SkillKind.LANGUAGE]))
    ... def test_kind(skill):
    ...     assert skill.kind is SkillKind.LANGUAGE
    ...     assert Skill.parse(str(skill)) == skill
    >>> test_kind()

    .. versionadded:: 0.1.0
    """
    chosen = _members("kinds", kinds, SkillKind)
    return st.builds(Skill, kind=st.sampled_from(chosen), name=st.sampled_from(_SKILL_NAMES))


_CHANNEL_SETS = st.frozensets(st.sampled_from(tuple(Channel)))
_DIRECTION_SETS = st.frozensets(st.sampled_from(tuple(Direction)), min_size=1)
_METRIC_SETS = st.frozensets(st.sampled_from(tuple(Metric)), max_size=4)
_INDUSTRY_SETS = st.frozensets(st.sampled_from(tuple(Industry)), max_size=3)
_TIERS = st.none() | st.integers(1, 3)
_QUOTAS = st.none() | st.integers(1, 500)
_SKILL_SETS = st.frozensets(skills(), max_size=3)
_CERTIFICATIONS = st.lists(st.sampled_from(("HDI", "CCXP", "CCSP")), max_size=2, unique=True)
_PAYS = st.none() | pays()
_LANGUAGE_LISTS = st.lists(st.sampled_from(tuple(Language)), min_size=1, unique=True)
_ALIAS_COUNTS = st.integers(0, 2)
_FREE_TITLES = {language: _free_titles(language) for language in Language}
_FREE_ALTERNATIVES = {
    language: st.lists(_free_titles(language), max_size=2) for language in Language
}


def _duty_lists(max_size: int) -> st.SearchStrategy[list[Responsibility]]:
    return st.lists(responsibilities(), max_size=max_size, unique_by=lambda r: r.duty)


# Strategies built once per key rather than at every draw: building one
# costs more than drawing from it. Keys may be generated, so the memories
# are bounded.
@functools.lru_cache(maxsize=256)
def _other_keys(key: str, references: tuple[str, ...] | None) -> st.SearchStrategy[str]:
    """Role keys other than ``key``: from ``references``, or any key when None."""
    if references is None:
        return role_keys().filter(lambda k: k != key)
    candidates = tuple(k for k in references if k != key)
    return st.sampled_from(candidates) if candidates else st.nothing()


@functools.lru_cache(maxsize=256)
def _paths_to(others: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(others, max_size=3, unique=True)


@functools.lru_cache(maxsize=256)
def _managers_of(others: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.none() | others


@st.composite
def _role(
    draw: st.DrawFn,
    *,
    keys: st.SearchStrategy[str],
    levels: st.SearchStrategy[Level],
    focuses: st.SearchStrategy[Focus],
    references: tuple[str, ...] | None,
    duties: st.SearchStrategy[list[Responsibility]],
    derived_titles: bool,
) -> Role:
    key = draw(keys)
    others = _other_keys(key, references)
    if derived_titles:
        base = key.replace("_", " ").title()
        titles = {lang: f"{base} ({lang.value})" for lang in draw(_LANGUAGE_LISTS)}
        alternatives = {
            lang: [f"{title} alias {n}" for n in range(draw(_ALIAS_COUNTS))]
            for lang, title in titles.items()
        }
    else:
        languages = draw(_LANGUAGE_LISTS)
        titles = {lang: draw(_FREE_TITLES[lang]) for lang in languages}
        alternatives = {lang: draw(_FREE_ALTERNATIVES[lang]) for lang in languages}
    empty = others.is_empty
    return Role(
        key=key,
        level=draw(levels),
        focus=draw(focuses),
        titles=titles,
        alternative_titles=alternatives,
        responsibilities=draw(duties),
        channels=draw(_CHANNEL_SETS),
        directions=draw(_DIRECTION_SETS),
        metrics=draw(_METRIC_SETS),
        authority=draw(_AUTHORITIES),
        career_paths=[] if empty else draw(_paths_to(others)),
        reports_to=None if empty else draw(_managers_of(others)),
        industries=draw(_INDUSTRY_SETS),
        tier=draw(_TIERS),
        daily_quota=draw(_QUOTAS),
        skills=draw(_SKILL_SETS),
        certifications=draw(_CERTIFICATIONS),
        entry_level=draw(st.booleans()),
        remote_possible=draw(st.booleans()),
        pay=draw(_PAYS),
    )


def roles(
    *,
    keys: st.SearchStrategy[str] | None = None,
    levels: Sequence[Level] | None = None,
    focuses: Sequence[Focus] | None = None,
    references: Sequence[str] | None = None,
    max_responsibilities: int = 6,
) -> st.SearchStrategy[Role]:
    """Valid roles: every field filled with a realistic value.

    Args:
        keys: Strategy for the role's key (default: :func:`role_keys`).
        levels: Only these levels (default: all).
        focuses: Only these focuses (default: all).
        references: The role keys career paths and ``reports_to`` may name
            (default: any key); a role never names itself.
        max_responsibilities: At most this many duties.

    Raises:
        InvalidArgument: An argument is not of the documented kind.

    >>> from hypothesis import given, settings
    >>> from csroles import Level
    >>> from csroles.strategies import roles
    >>> @settings(max_examples=20)
    ... @given(roles(levels=[Level.MANAGER]))
    ... def test_managers(role):
    ...     assert role.level is Level.MANAGER
    >>> test_managers()

    .. versionadded:: 0.1.0
    """
    if references is not None and (
        isinstance(references, str) or not all(isinstance(k, str) for k in references)
    ):
        msg = f"references={references!r}, expected a sequence of role keys"
        raise InvalidArgument(msg)
    if type(max_responsibilities) is not int or max_responsibilities < 0:
        msg = f"max_responsibilities={max_responsibilities!r}, expected an int of 0 or more"
        raise InvalidArgument(msg)
    return _role(
        keys=role_keys() if keys is None else keys,
        levels=st.sampled_from(_members("levels", levels, Level)),
        focuses=st.sampled_from(_members("focuses", focuses, Focus)),
        references=None if references is None else tuple(references),
        duties=_duty_lists(max_responsibilities),
        derived_titles=False,
    )


@st.composite
def _catalog(draw: st.DrawFn, *, min_roles: int, max_roles: int) -> Catalog:
    keys = draw(st.lists(role_keys(), min_size=min_roles, max_size=max_roles, unique=True))
    drafted = [
        draw(
            _role(
                keys=st.just(key),
                levels=_LEVELS,
                focuses=_FOCUSES,
                references=tuple(keys),
                duties=_CATALOG_DUTIES,
                derived_titles=True,
            )
        )
        for key in keys
    ]
    # Every duty needs an owner: where nobody owns one, its first holder does it.
    owned = {r.duty for role in drafted for r in role.responsibilities if r.raci.owns}
    fixed = []
    for role in drafted:
        changed = []
        for r in role.responsibilities:
            if r.duty not in owned:
                owned.add(r.duty)
                changed.append(Responsibility(duty=r.duty, raci=Raci.RESPONSIBLE, topics=r.topics))
            else:
                changed.append(r)
        fixed.append(attrs.evolve(role, responsibilities=changed))
    return Catalog(roles=fixed)


_LEVELS = st.sampled_from(tuple(Level))
_FOCUSES = st.sampled_from(tuple(Focus))
_CATALOG_DUTIES = _duty_lists(4)


def catalogs(*, min_roles: int = 1, max_roles: int = 8) -> st.SearchStrategy[Catalog]:
    """Valid catalogs of generated roles that refer to each other.

    Args:
        min_roles: At least this many roles.
        max_roles: At most this many roles.

    >>> from hypothesis import given, settings
    >>> from csroles import check_responsibilities
    >>> from csroles.strategies import catalogs
    >>> @settings(max_examples=20)
    ... @given(catalogs(max_roles=4))
    ... def test_keys_are_unique(catalog):
    ...     assert len(set(catalog.keys)) == len(catalog)
    >>> test_keys_are_unique()

    .. versionadded:: 0.1.0
    """
    if type(min_roles) is not int or type(max_roles) is not int or not 0 <= min_roles <= max_roles:
        msg = f"min_roles={min_roles!r}, max_roles={max_roles!r}: expected 0 <= min_roles <= max_roles"
        raise InvalidArgument(msg)
    return _catalog(min_roles=min_roles, max_roles=max_roles)
