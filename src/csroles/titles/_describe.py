"""What a title signals: its focus, its level and the expertise its words claim."""

from __future__ import annotations

from typing import Any

import attrs

from csroles._validation import enum_check, fail, optional_validator
from csroles.titles._parts import TitleParts, focus_of, level_of
from csroles.titles._vocab import (
    KEYS,
    POSITIONS,
    QUALIFIERS,
    Signal,
)
from csroles.vocabulary import Focus, Language, Level

__all__ = ["TitleDescription", "describe_title", "focus_of", "level_of", "title_keys"]

_LEVEL_WORDS = {
    Level.INDIVIDUAL: "an individual contributor",
    Level.SUPERVISOR: "a supervisor",
    Level.MANAGER: "a manager",
    Level.DIRECTOR: "a director",
    Level.EXECUTIVE: "an executive",
}
_SIGNAL_WORDS: dict[str, str] = {
    "expertise": "signals expertise",
    "hierarchy": "states a place in the hierarchy",
    "softened": "softens the hierarchy",
    "collective": "names a group, not a person",
    "neutral": "says nothing of rank or expertise",
}
_AUDIENCE_WORDS = {
    "customer": "customers",
    "client": "clients",
    "user": "users",
    "community": "a community",
    "consumer": "consumers",
}


def _check_parts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, TitleParts):
        fail(instance, attribute.name, value, "a TitleParts")


def _check_signal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or value not in _SIGNAL_WORDS):
        fail(
            instance, attribute.name, value, "None or one of " + ", ".join(map(repr, _SIGNAL_WORDS))
        )


def _check_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        fail(instance, attribute.name, value, "True or False")


def _check_summary(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or not value:
        fail(instance, attribute.name, value, "a non-empty string")


def title_keys() -> dict[str, tuple[str, ...]]:
    """The vocabulary keys, by category: audience, function, position, qualifier.

    Every language writes every audience, function and position key; the
    qualifiers are read (and ``junior``, ``senior``, ``chief`` also written).

    >>> from csroles.titles import title_keys
    >>> title_keys()["audience"]
    ('customer', 'client', 'user', 'community', 'consumer')
    >>> "call_center" in title_keys()["function"]
    True

    .. versionadded:: 0.1.0
    """
    return {str(category): keys for category, keys in KEYS.items()}


@attrs.frozen(kw_only=True)
class TitleDescription:
    """What a title tells staff and customers: who is responsible for what (*LiveAgent roles*).

    ``focus`` is the function family, ``level`` the rank the words imply
    (``None`` for a team), ``signal`` what the position word stresses
    (``"expertise"``, ``"hierarchy"``, ``"softened"``, ``"collective"`` or
    ``"neutral"``; ``None`` without a position), ``expertise`` whether the
    title claims expertise (by its position word or a "technical"
    qualifier). ``str()`` gives a one-sentence summary in English.

    >>> from csroles.titles import describe_title
    >>> print(describe_title("Technical Support Specialist"))
    Technical Support Specialist: an individual contributor in support for anyone; 'specialist' signals expertise; qualified as technical.

    .. versionadded:: 0.1.0
    """

    parts: TitleParts = attrs.field(validator=_check_parts)
    focus: Focus | None = attrs.field(validator=optional_validator(enum_check(Focus)))
    level: Level | None = attrs.field(validator=optional_validator(enum_check(Level)))
    signal: Signal | None = attrs.field(validator=_check_signal)
    expertise: bool = attrs.field(validator=_check_bool)
    summary: str = attrs.field(validator=_check_summary)

    def __str__(self) -> str:
        return self.summary


def describe_title(
    title: str | TitleParts, *, language: Language | str | None = None
) -> TitleDescription:
    """Explain in plain words what a title signals: function, level, expertise.

    Args:
        title: a title's text (parsed with :func:`parse_title`) or its parts.
        language: passed to :func:`parse_title` when ``title`` is text.

    Raises:
        UnknownTitleError: ``title`` is text that is not a title.
        InvalidEntityError: ``title`` is neither text nor :class:`TitleParts`.

    >>> from csroles.titles import describe_title
    >>> described = describe_title("Менеджер по развитию клиентов")
    >>> described.focus, described.level, described.expertise
    (<Focus.SUCCESS: 'success'>, <Level.MANAGER: 'manager'>, False)
    >>> print(described)
    Менеджер по развитию клиентов: a manager in development (a success function) for customers; 'manager' states a place in the hierarchy.
    >>> print(describe_title("Chief Customer Officer"))
    Chief Customer Officer: an executive for customers; 'officer' says nothing of rank or expertise; qualified as chief.

    .. versionadded:: 0.1.0
    """
    from csroles.titles._compose import compose_title
    from csroles.titles._parser import parse_title

    if isinstance(title, str):
        parts = parse_title(title, language=language)
    elif isinstance(title, TitleParts):
        parts = title
    else:
        fail("describe_title", "title", title, "a title's text or TitleParts")
    focus = focus_of(parts)
    level = level_of(parts)
    signal = None if parts.position is None else POSITIONS[parts.position][1]
    expertise = signal == "expertise" or "technical" in parts.qualifiers
    if parts.text is not None:
        shown = parts.text.strip()
    elif parts.position is not None:
        shown = compose_title(
            audience=parts.audience, function=parts.function, position=parts.position
        )
    else:
        words = filter(None, (parts.audience, parts.function))
        shown = " ".join(words).replace("_", " ").title()
    who = _LEVEL_WORDS[level] if level is not None else "a team"
    sentence = [who]
    if parts.function is not None and focus is not None:
        name = parts.function.replace("_", " ")
        sentence.append(
            f"in {name}" if name == focus.value else f"in {name} (a {focus.value} function)"
        )
    sentence.append(f"for {_AUDIENCE_WORDS[parts.audience]}" if parts.audience else "for anyone")
    summary = f"{shown}: {' '.join(sentence)}"
    if parts.audience is None and parts.function is None:
        summary = f"{shown}: {who}"
    if signal is not None and parts.position is not None:
        summary += f"; {parts.position!r} {_SIGNAL_WORDS[signal]}"
    shown_qualifiers = [q.replace("_", " ") for q in parts.qualifiers if q in QUALIFIERS]
    if shown_qualifiers:
        summary += "; qualified as " + ", ".join(shown_qualifiers)
    return TitleDescription(
        parts=parts,
        focus=focus,
        level=level,
        signal=signal,
        expertise=expertise,
        summary=summary + ".",
    )
