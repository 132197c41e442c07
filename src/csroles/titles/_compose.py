"""Compose a title from its keys by rendering the language's templates."""

from __future__ import annotations

from collections.abc import Iterable

from csroles._validation import close_matches, fail, with_article
from csroles.titles._lexicon import Entry, Group, Lexicon, Slot, Template, load
from csroles.titles._vocab import COMPOSABLE_QUALIFIERS, KEYS, QUALIFIERS, Category
from csroles.vocabulary import Language

__all__ = ["compose_title"]

_OWNER = "compose_title"
_COMPOSED: dict[tuple[object, ...], str] = {}
_COMPOSED_SIZE = 4096


def compose_title(
    *,
    audience: str | None = None,
    function: str | None = None,
    position: str,
    language: Language | str = Language.EN,
    qualifiers: Iterable[str] = (),
) -> str:
    """Compose a grammatical job title from vocabulary keys.

    English titles are in title case, head last; Italian and Russian ones
    start with the position and put the function and the audience in the form
    their grammar asks for (articulated prepositions, cases), as the sources
    write them. Keys are English lowercase words (see :func:`title_keys`);
    ``audience`` and ``function`` may be left out. ``qualifiers`` may hold one
    seniority: ``"junior"``, ``"senior"`` or ``"chief"``.

    Args:
        audience: who the work is for (``"customer"``, ``"user"`` ...).
        function: what the team does (``"support"``, ``"success"`` ...).
        position: who does it (``"manager"``, ``"agent"`` ...).
        language: a :class:`~csroles.Language` or its code.
        qualifiers: at most one of ``"junior"``, ``"senior"``, ``"chief"``.

    Returns:
        The title, as :func:`parse_title` reads it back.

    Raises:
        InvalidEntityError: an unknown key or language, or an uncomposable qualifier.

    >>> from csroles import compose_title
    >>> compose_title(audience="customer", function="success", position="manager")
    'Customer Success Manager'
    >>> compose_title(
    ...     audience="customer", function="service", position="representative", language="it"
    ... )
    'Rappresentante del servizio clienti'
    >>> compose_title(
    ...     audience="customer", function="satisfaction", position="manager", language="it"
    ... )
    'Responsabile della soddisfazione dei clienti'
    >>> compose_title(
    ...     audience="customer", function="support", position="representative", language="ru"
    ... )
    'Представитель службы поддержки клиентов'
    >>> compose_title(audience="customer", position="officer", qualifiers=["chief"])
    'Chief Customer Officer'

    .. versionadded:: 0.1.0
    """
    # Titles already written come from memory, keyed by the arguments as given
    # (only arguments that passed the checks are ever stored).
    key: tuple[object, ...] | None = None
    if type(qualifiers) in (tuple, list):
        key = (language, audience, function, position, *qualifiers)
        try:
            known = _COMPOSED.get(key)
        except Exception:  # an argument whose hash fails (a list, an aware datetime whose
            # tzinfo is out of range ...): the checks below name it
            key = known = None
        if known is not None:
            return known
    text = _compose(
        _language(_OWNER, language),
        _key(_OWNER, "audience", audience, optional=True),
        _key(_OWNER, "function", function, optional=True),
        _key(_OWNER, "position", position, optional=False),
        _seniority(qualifiers),
    )
    if key is not None:
        if len(_COMPOSED) >= _COMPOSED_SIZE:
            del _COMPOSED[next(iter(_COMPOSED))]
        _COMPOSED[key] = text
    return text


def _language(owner: str, value: object) -> Language:
    if type(value) is str and value in Language._value2member_map_:
        value = Language(value)
    if not isinstance(value, Language):
        choices = ", ".join(repr(m.value) for m in Language)
        fail(owner, "language", value, f"a Language: one of {choices}")
    return value


def _key(owner: str, category: Category, value: object, *, optional: bool) -> str | None:
    if (value is None and optional) or (type(value) is str and value in KEYS[category]):
        return value
    expected = f"{with_article(category)} key: one of " + ", ".join(map(repr, KEYS[category]))
    if type(value) is str:
        close = close_matches(value.casefold(), KEYS[category])
        if close:
            expected += " (closest: " + ", ".join(map(repr, close)) + ")"
    return fail(owner, category, value, expected)


def _seniority(qualifiers: object) -> str | None:
    if isinstance(qualifiers, str):
        fail(_OWNER, "qualifiers", qualifiers, "a collection of qualifier keys, not one string")
    try:
        chosen = sorted(set(qualifiers))  # type: ignore[call-overload]
    except TypeError:
        fail(_OWNER, "qualifiers", qualifiers, "a collection of qualifier keys")
    composable = ", ".join(map(repr, COMPOSABLE_QUALIFIERS))
    for item in chosen:
        if item not in COMPOSABLE_QUALIFIERS:
            expected = f"one of {composable}"
            if item in QUALIFIERS:
                kind = QUALIFIERS[item]
                article = "an" if kind[0] in "aeiou" else "a"
                expected += f" ({article} {kind} qualifier is read, not written)"
            fail(_OWNER, "qualifiers", item, expected)
    if len(chosen) > 1:
        fail(_OWNER, "qualifiers", tuple(chosen), f"at most one of {composable}")
    return chosen[0] if chosen else None


def _compose(
    language: Language,
    audience: str | None,
    function: str | None,
    position: str | None,
    seniority: str | None,
) -> str:
    lexicon = load(language)
    selection: dict[str, Entry | None] = {
        "audience": None if audience is None else lexicon.entry("audience", audience),
        "function": None if function is None else lexicon.entry("function", function),
        "position": None if position is None else lexicon.entry("position", position),
        "seniority": None if seniority is None else lexicon.entry("qualifier", seniority),
    }
    name = "title" if function is not None else "title_without_function"
    text = _render(lexicon, lexicon.templates[name], selection)
    if text is None:  # pragma: no cover - the lexicon checks and tests rule this out
        msg = f"the {language.value} lexicon cannot write {selection}"
        raise AssertionError(msg)
    if lexicon.title_case:
        return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))
    return text[:1].upper() + text[1:]


def _render(lexicon: Lexicon, template: Template, selection: dict[str, Entry | None]) -> str | None:
    """Render ``template``; ``None`` when a required slot is empty."""
    out: list[str] = []
    for node in template:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Group):
            text = _render(lexicon, node.nodes, selection)
            if text is not None:
                out.append(text)
        else:
            text = _slot(lexicon, node, selection)
            if text is None:
                return None
            out.append(text)
    return "".join(out)


def _slot(lexicon: Lexicon, node: Slot, selection: dict[str, Entry | None]) -> str | None:
    entry = selection[node.slot]
    if entry is None:
        return None
    if node.kind == "contract":
        joined = lexicon.contractions[node.extra][entry.articles[node.name]]
        word = entry.forms[node.name]
        return joined + word if joined.endswith("'") else f"{joined} {word}"
    name = node.name
    if node.kind == "attr":
        other = selection[node.name]
        if other is None or other.gender is None:  # pragma: no cover - checked at load
            return None
        name = other.gender
    if name in entry.forms:
        return entry.forms[name]
    variants = entry.phrases.get(name) or lexicon.defaults[entry.category][name]
    audience = selection["audience"]
    if audience is None:
        template = variants.get("none", variants["default"])
    else:
        template = variants.get(audience.key, variants["default"])
    return _render(lexicon, template, selection)
