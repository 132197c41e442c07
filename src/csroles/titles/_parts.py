"""The value a parsed title becomes: :class:`TitleParts`, with a :class:`Span` per part."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

import attrs

from csroles._validation import fail, member_of
from csroles.titles._vocab import KEYS, Category
from csroles.vocabulary import Language

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


def _tuple_of(cls: type) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            fail(instance, attribute.name, value, f"a tuple of {cls.__name__}")
        for index, item in enumerate(value):
            if not isinstance(item, cls):
                fail(instance, f"{attribute.name}[{index}]", item, f"a {cls.__name__}")

    return validate


def _to_tuple(value: Any) -> Any:
    if isinstance(value, (str, bytes)):
        return value
    try:
        return tuple(value)
    except TypeError:
        return value


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

    Equality compares the parts and the language only: two spellings of one
    title are equal. :func:`parse_title` also records the original ``text``,
    the ``spans`` each part came from, the ``ignored`` spans it set aside and
    ``alternatives`` given in brackets ("(o specialisti dell'assistenza
    tecnica)").

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
    text: str | None = attrs.field(default=None, eq=False, repr=False)
    spans: tuple[Span, ...] = attrs.field(
        default=(), eq=False, repr=False, converter=_to_tuple, validator=_tuple_of(Span)
    )
    ignored: tuple[Span, ...] = attrs.field(
        default=(), eq=False, repr=False, converter=_to_tuple, validator=_tuple_of(Span)
    )
    alternatives: tuple[TitleParts, ...] = attrs.field(
        default=(), eq=False, repr=False, converter=_to_tuple
    )

    @alternatives.validator
    def _check_alternatives(self, attribute: attrs.Attribute[Any], value: object) -> None:
        _tuple_of(TitleParts)(self, attribute, value)

    def __attrs_post_init__(self) -> None:
        if self.position is None and self.function is None:
            fail(self, "position", None, "a position key, or a function key (a title names one)")
        if self.text is not None and type(self.text) is not str:
            fail(self, "text", self.text, "the title's text or None")


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
    for name, value in (
        ("audience", audience),
        ("function", function),
        ("position", position),
        ("qualifiers", qualifiers),
        ("language", language),
        ("text", text),
        ("spans", spans),
        ("ignored", ignored),
        ("alternatives", alternatives),
    ):
        object.__setattr__(parts, name, value)
    return parts
