"""The language-independent title vocabulary: its keys and what each one signals.

Keys are English lowercase words (``call_center`` joins two). Every language's
lexicon must give words for every key here (or declare a key a synonym of
another one in that language); what a key *means* (its focus, level, signal)
lives only here, so that all languages agree on it.
"""

from __future__ import annotations

from typing import Final, Literal

from csroles.vocabulary import Focus, Level

__all__: list[str] = []

Category = Literal["audience", "function", "position", "qualifier"]
#: The order in which an ambiguous word's readings are preferred.
CATEGORIES: Final[tuple[Category, ...]] = ("position", "function", "audience", "qualifier")

Signal = Literal["expertise", "hierarchy", "softened", "collective", "neutral"]
QualifierKind = Literal["seniority", "tier", "expertise", "direction", "channel", "mode", "domain"]

#: Who the work is for (*LiveAgent roles*: the word "customers").
AUDIENCES: Final[tuple[str, ...]] = ("customer", "client", "user", "community", "consumer")

#: What the team does, and the focus (function family) it belongs to.
FUNCTIONS: Final[dict[str, Focus]] = {
    "service": Focus.SERVICE,
    "care": Focus.SERVICE,
    "call_center": Focus.SERVICE,
    "contact_center": Focus.SERVICE,
    "help": Focus.SUPPORT,
    "support": Focus.SUPPORT,
    "assistance": Focus.SUPPORT,
    "success": Focus.SUCCESS,
    "satisfaction": Focus.SUCCESS,
    "development": Focus.SUCCESS,
    "relationship": Focus.SUCCESS,
    "implementation": Focus.SUCCESS,
    "experience": Focus.EXPERIENCE,
    "protection": Focus.ADVOCACY,
    "advocacy": Focus.ADVOCACY,
}

#: Who does the work: the level the word implies (``None`` for a group) and
#: what it signals (*LiveAgent roles*: expertise, hierarchy stressed or softened).
POSITIONS: Final[dict[str, tuple[Level | None, Signal]]] = {
    "representative": (Level.INDIVIDUAL, "neutral"),
    "agent": (Level.INDIVIDUAL, "softened"),
    "advisor": (Level.INDIVIDUAL, "softened"),
    "consultant": (Level.INDIVIDUAL, "softened"),
    "specialist": (Level.INDIVIDUAL, "expertise"),
    "expert": (Level.INDIVIDUAL, "expertise"),
    "technician": (Level.INDIVIDUAL, "expertise"),
    "professional": (Level.INDIVIDUAL, "expertise"),
    "guru": (Level.INDIVIDUAL, "expertise"),
    "wizard": (Level.INDIVIDUAL, "expertise"),
    "engineer": (Level.INDIVIDUAL, "expertise"),
    "advocate": (Level.INDIVIDUAL, "neutral"),
    "hero": (Level.INDIVIDUAL, "neutral"),
    "officer": (Level.INDIVIDUAL, "neutral"),
    "operator": (Level.INDIVIDUAL, "neutral"),
    "telemarketer": (Level.INDIVIDUAL, "neutral"),
    "assistant": (Level.INDIVIDUAL, "hierarchy"),
    "associate": (Level.INDIVIDUAL, "hierarchy"),
    "squad": (None, "collective"),
    "team": (None, "collective"),
    "lead": (Level.SUPERVISOR, "hierarchy"),
    "coordinator": (Level.SUPERVISOR, "hierarchy"),
    "supervisor": (Level.SUPERVISOR, "hierarchy"),
    "manager": (Level.MANAGER, "hierarchy"),
    "head": (Level.DIRECTOR, "hierarchy"),
    "director": (Level.DIRECTOR, "hierarchy"),
}

#: Words that qualify a title without changing its function or position.
QUALIFIERS: Final[dict[str, QualifierKind]] = {
    "junior": "seniority",
    "senior": "seniority",
    "lead": "seniority",
    "principal": "seniority",
    "chief": "seniority",
    "assistant": "seniority",
    "associate": "seniority",
    "tier_1": "tier",
    "tier_2": "tier",
    "tier_3": "tier",
    "technical": "expertise",
    "inbound": "direction",
    "outbound": "direction",
    "chat": "channel",
    "email": "channel",
    "phone": "channel",
    "social": "channel",
    "remote": "mode",
    "sales": "domain",
}

#: Qualifiers that every language can compose into a title (one at a time).
COMPOSABLE_QUALIFIERS: Final[tuple[str, ...]] = ("junior", "senior", "chief")

#: Qualifiers that lift a title to a level regardless of its position word.
LEVEL_OF_QUALIFIER: Final[dict[str, Level]] = {"chief": Level.EXECUTIVE}

#: Qualifier kinds that make a title specific: a role title carrying one of
#: them is a poor match for a query that does not.
SPECIFIC_KINDS: Final[frozenset[str]] = frozenset({"channel", "expertise", "direction", "domain"})

KEYS: Final[dict[Category, tuple[str, ...]]] = {
    "audience": AUDIENCES,
    "function": tuple(FUNCTIONS),
    "position": tuple(POSITIONS),
    "qualifier": tuple(QUALIFIERS),
}
