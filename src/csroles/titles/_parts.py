"""The value a parsed title becomes: :class:`TitleParts`, with a :class:`Span` per part."""

from __future__ import annotations

from typing import Any, Literal

import attrs

from csroles._validation import fail, member_of
from csroles.titles._record import NamedTuple
from csroles.titles._vocab import FUNCTIONS, KEYS, LEVEL_OF_QUALIFIER, POSITIONS, Category
from csroles.vocabulary import Focus, Language, Level

__all__ = ["Span", "TitleParts"]

SpanPart = Literal["audience", "function", "position", "qualifier", "ignored"]


def _key_check(category: Category) -> Any:
    known = frozenset(KEYS[category])
    article = "an" if category[0] in "aeiou" else "a"
    expected = f"None or {article} {category} key: one of " + ", ".join(map(repr, KEYS[category]))

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (type(value) is not str or value not in known):
            fail(instance, attribute.name, value, expected)

    return validate


def _sorted_keys(value: Any) -> Any:
    """Qualifiers as a sorted tuple without duplicates; odd input is left to the validator."""
    if isinstance(value, str):
        return value
    try:
        items = set(value)
    except TypeError:
        return value
    if all(type(item) is str for item in items):
        return tuple(sorted(items))
    return tuple(items)


def _check_qualifiers(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    known = KEYS["qualifier"]
    expected = "a collection of qualifier keys: " + ", ".join(map(repr, known))
    if type(value) is not tuple:
        fail(instance, attribute.name, value, expected)
    for index, item in enumerate(value):
        if item not in known:
            fail(instance, f"{attribute.name}[{index}]", item, expected)


class Span(NamedTuple):
    """Where in a title's text one of its parts was read.

    ``part`` is ``"audience"``, ``"function"``, ``"position"``, ``"qualifier"``,
    or ``"ignored"`` for text that was set aside; ``key`` is the vocabulary key
    read there (``None`` for ignored text); ``text`` is ``title[start:end]``.

    >>> from csroles import parse_title
    >>> [(s.part, s.key, s.text) for s in parse_title("Sr. CSM").spans]
    [('qualifier', 'senior', 'Sr'), ('audience', 'customer', 'CSM'), ('function', 'success', 'CSM'), ('position', 'manager', 'CSM')]

    .. versionadded:: 0.1.0
    """

    part: SpanPart
    key: str | None
    start: int
    end: int
    text: str


@attrs.frozen(kw_only=True)
class TitleParts:
    """What a job title is made of: audience, function, position and qualifiers.

    Keys are English lowercase words whatever the title's language (see
    :func:`title_keys`); ``audience`` and ``function`` may be missing ("Call
    Center Agent" names no audience, "Customer Advocate" no function), but a
    title has a position or a function. ``qualifiers`` is sorted.

    Equality (and serialization) covers the parts and the language only: two
    spellings of one title are equal. :func:`parse_title` also records, read
    only, the original ``text``, the ``spans`` each part came from, the
    ``ignored`` spans it set aside, the ``alternatives`` given in brackets
    ("(o specialisti dell'assistenza tecnica)") and the ``corrections`` it
    made to read a title with typos (pairs of the text as written and the
    word read, such as ``("Sucess", "Success")``); they are empty on parts
    built by hand.

    >>> from csroles import TitleParts, parse_title
    >>> parts = TitleParts(audience="customer", function="success", position="manager")
    >>> parts == parse_title("customer-success MANAGERS")
    True
    >>> TitleParts(position="agent", function="call_center", qualifiers=["senior", "senior"])
    TitleParts(audience=None, function='call_center', position='agent', qualifiers=('senior',), language=<Language.EN: 'en'>)

    .. versionadded:: 0.1.0
    """

    audience: str | None = attrs.field(default=None, validator=_key_check("audience"))
    function: str | None = attrs.field(default=None, validator=_key_check("function"))
    position: str | None = attrs.field(default=None, validator=_key_check("position"))
    qualifiers: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_keys, validator=_check_qualifiers
    )
    language: Language = attrs.field(default=Language.EN, validator=member_of(Language))
    # What parse_title read, set by the parser only: not compared, not
    # serialized, not passed to the constructor.
    text: str | None = attrs.field(default=None, init=False, eq=False, repr=False)
    spans: tuple[Span, ...] = attrs.field(default=(), init=False, eq=False, repr=False)
    ignored: tuple[Span, ...] = attrs.field(default=(), init=False, eq=False, repr=False)
    alternatives: tuple[TitleParts, ...] = attrs.field(default=(), init=False, eq=False, repr=False)
    corrections: tuple[tuple[str, str], ...] = attrs.field(
        default=(), init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        if self.position is None and self.function is None:
            fail(self, "position", None, "a position key, or a function key (a title names one)")


#: What choosing a role needs of a title: its language, audience, function,
#: position and sorted qualifiers, not where they were read. The fast path of
#: :meth:`~csroles.Catalog.role_for_title` reads a title into this plain tuple,
#: built by one instruction, rather than into :class:`TitleParts` with its text
#: and spans.
PartsKey = tuple[Language, str | None, str | None, str | None, tuple[str, ...]]


def key_of(parts: TitleParts) -> PartsKey:
    """The :data:`PartsKey` of ``parts``."""
    return (parts.language, parts.audience, parts.function, parts.position, parts.qualifiers)


# Here rather than in _describe, so that matching a title does not build TitleDescription.
def level_of(parts: TitleParts) -> Level | None:
    """The level a title's words imply: its position's, or a qualifier's ("chief")."""
    return level_of_words(parts.position, parts.qualifiers)


def level_of_words(position: str | None, qualifiers: tuple[str, ...]) -> Level | None:
    """:func:`level_of` the parts with this position and these qualifiers."""
    if qualifiers:
        for qualifier, level in LEVEL_OF_QUALIFIER.items():
            if qualifier in qualifiers:
                return level
    return None if position is None else POSITIONS[position][0]


def focus_of(parts: TitleParts) -> Focus | None:
    """The function family of a title: the focus of its function word."""
    return None if parts.function is None else FUNCTIONS[parts.function]


def relabel(parts: TitleParts, language: Language) -> TitleParts:
    """A copy of ``parts`` said to be in ``language`` (a catalog's title declared in it).

    "Chief Customer Officer" reads as English, but a catalog that gives it as
    the role's Italian title means Italian readers know it by that name.
    """
    if parts.language is language:
        return parts
    copy = assemble(
        audience=parts.audience,
        function=parts.function,
        position=parts.position,
        qualifiers=parts.qualifiers,
        language=language,
        text=parts.text or "",
        spans=parts.spans,
        ignored=parts.ignored,
        alternatives=parts.alternatives,
    )
    object.__setattr__(copy, "corrections", parts.corrections)
    return copy


def assemble(
    *,
    audience: str | None,
    function: str | None,
    position: str | None,
    qualifiers: tuple[str, ...],
    language: Language,
    text: str,
    spans: tuple[Span, ...],
    ignored: tuple[Span, ...],
    alternatives: tuple[TitleParts, ...],
) -> TitleParts:
    """Build parts the parser has already checked, without checking them again.

    The parser only produces registry keys from a checked lexicon, sorted
    qualifiers and well-formed spans (the tests compare its results with
    checked constructions), so the validators would only cost time here.
    """
    parts: TitleParts = object.__new__(TitleParts)
    set_field = object.__setattr__.__get__(parts)  # bound once: ten slots to fill
    set_field("audience", audience)
    set_field("function", function)
    set_field("position", position)
    set_field("qualifiers", qualifiers)
    set_field("language", language)
    set_field("text", text)
    set_field("spans", spans)
    set_field("ignored", ignored)
    set_field("alternatives", alternatives)
    set_field("corrections", ())
    return parts
