# ruff: noqa: RUF002 (Russian words and typographic marks are data here)
"""Parse a free-text job title into :class:`TitleParts`.

The title is tokenized once (:mod:`._tokenizer`), split into *segments* at
separators and brackets ("Manager, Customer Success", "... (CSM)", "... -
EMEA"), and each segment is read against a language's lexicon by longest
match, left to right: every run of words is a connector, or one or more
alternative readings (audience, function, position, qualifier).

A segment is *understood* when all its words are known. Its parts are then
settled: words with one reading first, then ambiguous ones (Italian "capo" is
a head, or a "chief" qualifier once another position is there); weak words
yield to strong ones of the same category (Russian "работа"); when two words
name different keys of one category, the one nearest the head wins (the last
in English, the first in Italian and Russian), and the other is set aside.

The first understood segment with a position (else with a function) is the
head. Other understood segments add qualifiers and fill a missing audience or
function, or, if they name a position, become alternatives ("(o specialisti
dell'assistenza tecnica)"). Segments with unknown words are set aside as
``ignored`` spans. A title whose every segment has unknown words, or that
names neither a position nor a function, raises
:class:`~csroles.errors.UnknownTitleError` with the closest known words.

Everything is linear in the length of the title, and titles longer than
:data:`MAX_TITLE_LENGTH` characters are refused before any work.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Final

from csroles._validation import close_matches, fail
from csroles.errors import UnknownTitleError
from csroles.titles._compose import _language
from csroles.titles._lexicon import Assignment, Lexicon, Reading, load, script
from csroles.titles._lexicon import words as lexicon_words
from csroles.titles._normalize import fold, quoted, unify
from csroles.titles._parts import PartsKey, Span, SpanPart, TitleParts, assemble
from csroles.titles._record import NamedTuple
from csroles.titles._tokenizer import Token, tokenize
from csroles.titles._typos import correct
from csroles.vocabulary import Language

__all__ = ["MAX_TITLE_LENGTH", "parse_title"]

#: Longer texts are not job titles; they are refused at once.
MAX_TITLE_LENGTH: Final = 1000

_SCRIPTS: Final = {"latin", "cyrillic"}
_SHOWN_UNKNOWN: Final = 4
_SHOWN_TEXT: Final = 40
_SHOWN_WORD: Final = 30
#: A title with more distinct unknown words than this is not read through typos.
_MAX_TYPOS: Final = 3


class _Item(NamedTuple):
    readings: tuple[Reading, ...]
    start: int
    end: int


class _Segment(NamedTuple):
    """One segment read in one language."""

    audience: str | None
    function: str | None
    position: str | None
    qualifiers: frozenset[str]
    spans: list[tuple[SpanPart, str, int, int]]
    unused: list[tuple[int, int]]
    unknown: list[Token]
    start: int
    end: int


class _Outcome(NamedTuple):
    """A whole title read in one language: parts, or why not."""

    parts: TitleParts | None
    ignored_chars: int
    unknown: list[Token]
    understood: int


def parse_title(text: str, *, language: Language | str | None = None) -> TitleParts:
    """Read a free-text job title: its audience, function, position and qualifiers.

    Accepts singular and plural, with or without articles, any letter case,
    extra whitespace, typographic apostrophes and dashes, ``ё`` for ``е``,
    common abbreviations (CSR, CSM, CCO, CX, rep, sr., mgr), British spellings
    and text in brackets or after separators. Without ``language``, every
    language whose script the text uses is tried and the reading that sets
    the least text aside wins, then the one with the fewest qualifiers (ties
    go to English, then Italian, then Russian).

    Args:
        text: the title, as an HR system, job board or CRM gives it.
        language: a :class:`~csroles.Language` or its code, or ``None`` to detect it.

    Returns:
        The parts, with the spans of text each came from.

    Raises:
        UnknownTitleError: the text is not a title this lexicon knows; the
            message names the unknown words and the closest known ones.
        InvalidEntityError: ``text`` is not a string or ``language`` is unknown.

    >>> from csroles import parse_title
    >>> parse_title("Gli ingegneri dell’assistenza clienti (o specialisti dell’assistenza tecnica)")
    TitleParts(audience='customer', function='support', position='engineer', qualifiers=(), language=<Language.IT: 'it'>)
    >>> parse_title("Менеджеры по развитию клиентов")
    TitleParts(audience='customer', function='development', position='manager', qualifiers=(), language=<Language.RU: 'ru'>)
    >>> parse_title("Sr. Customer Support Engineer II (Remote)").qualifiers
    ('remote', 'senior', 'tier_2')
    >>> parse_title("Custmer Sucess Manger").corrections
    (('Custmer', 'Customer'), ('Sucess', 'Success'), ('Manger', 'Manager'))
    >>> parse_title("Custmer Sccesss Mangerr")
    Traceback (most recent call last):
    ...
    csroles.errors.UnknownTitleError: 'Custmer Sccesss Mangerr' is not a job title csroles knows (tried en, it): unknown words 'Custmer' (closest: 'customer', 'customers'), 'Sccesss' (closest: 'success'), 'Mangerr' (closest: 'manager', 'managers')

    .. versionadded:: 0.1.0
    """
    if type(text) is not str:
        fail("parse_title", "text", text, "a string")
    chosen = None if language is None else _language("parse_title", language)
    if len(text) > MAX_TITLE_LENGTH:  # before the memory, which would hash all of it
        msg = (
            f"{_shown(text)} is not a job title: longer than any title "
            f"(at most {MAX_TITLE_LENGTH} characters)"
        )
        raise UnknownTitleError(msg)
    return _parse(text, chosen)


@functools.lru_cache(maxsize=4096)
def _parse(text: str, chosen: Language | None) -> TitleParts:
    """Parse a checked text of at most MAX_TITLE_LENGTH (memoized: parts are immutable)."""
    tokens = tokenize(text)
    if not any(t.kind in ("word", "number") for t in tokens):
        msg = f"{_shown(text)} is not a job title: it has no words"
        raise UnknownTitleError(msg)
    languages = [chosen] if chosen is not None else _candidates(tokens)
    best, failures = _as_written(text, tokens, languages)
    if best is not None:
        return best
    corrected = _with_typos(text, tokens, failures)
    if corrected is not None:
        return corrected
    raise _unknown(text, languages, failures)


def read_as_written(text: str, language: Language | None) -> TitleParts | None:
    """The parts of ``text`` read as written (no typos), or ``None``; no message is built.

    For titles a catalog declares: those that are no title csroles knows are
    only matched exactly, and need no explanation.
    """
    if len(text) > MAX_TITLE_LENGTH:
        return None
    tokens = tokenize(text)
    if not any(t.kind in ("word", "number") for t in tokens):
        return None
    languages = [language] if language is not None else _candidates(tokens)
    # No failure is explained here: a language that cannot read the title is not built.
    languages = [lang for lang in languages if _least_rank(tokens, lang) is not None]
    return _as_written(text, tokens, languages)[0]


# The fast path of a title never seen. Most titles are one run of known
# words ("Senior Customer Support Agents"): no separator, bracket or digit, no
# word the lexicon lacks. Such a title is one segment, and reading it comes
# down to matching its words with the lexicon's phrases and settling its
# parts, in each language of its script. quick_key does only that, on the
# words of the title's folded text; its answer is what _parse gives (the
# tests compare the two), but without tokens, spans or segments it costs a
# third as much. Anything else (a separator, a number, an unknown word, a
# typo, no position or function) returns None for the full reader.
_SPACED_DASH: Final = re.compile(r"(?:^|\s)-|-(?:\s|$)")
_JOINING: Final = "-.'\"`"  # marks that only join or separate words
_LATIN: Final = frozenset({"latin"})
_NONE: Final[frozenset[str]] = frozenset()


def quick_key(text: str, language: Language | None) -> PartsKey | None:
    """The parts of a one-segment title of known words, as a :data:`PartsKey`; else ``None``.

    For :meth:`~csroles.Catalog.role_for_title`, which needs the parts but
    not where they were read. ``text`` is at most :data:`MAX_TITLE_LENGTH` long.
    """
    plain = text.isascii()
    # Typographic marks as the tokenizer reads them; then no dash may stand
    # apart ("Support - EMEA" is two segments).
    source = text if plain else unify(text)
    if "-" in source and _SPACED_DASH.search(source):
        return None
    # Folded as the tokenizer folds (NFC, casefold, yo as ye), split where it splits.
    folded = source.lower() if plain else fold(source)
    for mark in _JOINING:
        if mark in folded:
            folded = folded.replace(mark, " ")
    words = folded.split()
    # Letters only: the tokenizer would split these words the same way.
    if not words or not all(map(str.isalpha, words)):
        return None
    best: tuple[int, Language, _Run] | None = None
    languages: Sequence[Language] = (
        (language,)
        if language is not None
        else _written_in(_LATIN)
        if plain
        else _languages_of(words)
    )
    for candidate in languages:
        if not lexicon_words(candidate).issuperset(words):
            continue  # it lacks a word, so cannot read the title: its lexicon is not built
        run = _read_run(words, load(candidate))
        if run is None or (run[2] is None and run[1] is None):
            continue  # a word is read only within the segment, or it names no position
        # No text is set aside: the fewest qualifiers win, then the earlier language.
        if best is None or len(run[3]) < best[0]:
            best = (len(run[3]), candidate, run)
            if not best[0]:
                break  # no later language can do better
    if best is None:
        return None
    _, found, (audience, function, position, qualifiers) = best
    return (found, audience, function, position, tuple(sorted(qualifiers)) if qualifiers else ())


_Run = tuple[str | None, str | None, str | None, frozenset[str]]


def _read_run(words: list[str], lexicon: Lexicon) -> _Run | None:
    """The audience, function, position and qualifiers of one run of known words.

    What :func:`_phrases` then :func:`_settle` give, in one pass when every
    phrase has one reading and no category is named twice (most titles);
    else by those two. ``None`` when a word is not read (it is only known as
    part of a phrase that is not there).
    """
    table = lexicon.table
    audience = function = position = None
    qualifiers: list[str] = []
    index, count = 0, len(words)
    while index < count:
        for phrase in table.get(words[index], ()):
            size = len(phrase.tokens)
            if size == 1 or tuple(words[index : index + size]) == phrase.tokens:
                break
        else:
            return None
        index += size
        readings = phrase.readings
        if not readings:
            continue  # a connector
        if len(readings) > 1:
            return _read_settled(words, lexicon)
        for assignment in readings[0]:
            category, key = assignment.category, assignment.key
            if category == "qualifier":
                qualifiers.append(key)
            elif category == "position" and position is None:
                position = key
            elif category == "function" and function is None:
                function = key
            elif category == "audience" and audience is None:
                audience = key
            else:  # a category named twice: which word wins is _settle's rule
                return _read_settled(words, lexicon)
    return audience, function, position, frozenset(qualifiers) if qualifiers else _NONE


def _read_settled(words: list[str], lexicon: Lexicon) -> _Run | None:
    found, unknown = _phrases(words, lexicon)
    if unknown:
        return None
    segment = _settle(found, [], lexicon, 0, len(words))
    return segment.audience, segment.function, segment.position, segment.qualifiers


def _as_written(
    text: str, tokens: list[Token], languages: list[Language]
) -> tuple[TitleParts | None, list[tuple[Language, _Outcome]]]:
    """The best reading of the languages tried, and the outcome of those that failed."""
    best: tuple[tuple[int, int, int], TitleParts] | None = None
    failures: list[tuple[Language, _Outcome]] = []
    for order, candidate in enumerate(languages):
        if best is not None:
            least = _least_rank(tokens, candidate)
            if least is None or least >= best[0][:2]:
                continue  # it cannot read the title better: its lexicon is not built
        outcome = _read(text, tokens, load(candidate))
        if outcome.parts is None:
            failures.append((candidate, outcome))
            continue
        # Least text set aside, then fewest words read as mere qualifiers
        # (Italian "I CSR" is an article, not an English tier "I").
        rank = (outcome.ignored_chars, len(outcome.parts.qualifiers), order)
        if best is None or rank < best[0]:
            best = (rank, outcome.parts)
            if rank[:2] == (0, 0):
                break  # no later language can do better
    return (None if best is None else best[1]), failures


def _least_rank(tokens: list[Token], language: Language) -> tuple[int, int] | None:
    """The best (text set aside, qualifiers) a reading in ``language`` could have, or ``None``.

    From its words alone, without building its lexicon: a segment with a word
    the lexicon lacks is set aside (or is no head), and no reading has fewer
    than no qualifiers. ``None``: it lacks a word of every segment, so it
    cannot read the title at all.
    """
    known = lexicon_words(language)
    aside, understood = 0, False
    start, end, unknown = -1, -1, False
    for token in (*tokens, None):
        if token is not None and token.kind in ("word", "number"):
            start = token.start if start < 0 else start
            end, unknown = token.end, unknown or token.text not in known
            continue
        if start >= 0:
            aside += end - start if unknown else 0
            understood = understood or not unknown
        start, unknown = -1, False
    return (aside, 0) if understood else None


def _with_typos(
    text: str, tokens: list[Token], failures: list[tuple[Language, _Outcome]]
) -> TitleParts | None:
    """Read the unknown words as the closest lexicon words (see :mod:`._typos`).

    Tried only when no language reads the title as written, in each language
    whose reading left at most :data:`_MAX_TYPOS` distinct words unknown; the
    reading that sets the least text aside wins, then the one with the fewest
    corrections, then the fewest qualifiers, then the language order.
    """
    best: tuple[tuple[int, int, int, int], TitleParts] | None = None
    for order, (language, outcome) in enumerate(failures):
        # Words of a phrase ("call" of "call center") are known, only not alone.
        known = lexicon_words(language)
        unknown = {t.text for t in outcome.unknown if t.text not in known}
        if not unknown or len(unknown) > _MAX_TYPOS:
            continue
        words = {word: correct(word, language) for word in unknown}
        if not any(words.values()):
            continue
        fixed = [t._replace(text=words[t.text] or t.text) if t.text in words else t for t in tokens]
        again = _read(text, fixed, load(language))
        parts = again.parts
        if parts is None:
            continue
        # Corrections in text set aside did not help: they are not reported.
        aside = [(s.start, s.end) for s in parts.ignored]
        corrections = tuple(
            (text[t.start : t.end], _cased(words[t.text] or "", text[t.start : t.end]))
            for t in tokens
            if words.get(t.text) and not any(a <= t.start and t.end <= b for a, b in aside)
        )
        if not corrections:
            continue
        object.__setattr__(parts, "corrections", corrections)
        rank = (again.ignored_chars, len(corrections), len(parts.qualifiers), order)
        if best is None or rank < best[0]:
            best = (rank, parts)
    return None if best is None else best[1]


def _cased(word: str, like: str) -> str:
    """``word`` in the letter case of ``like`` ("Sucess" -> "Success")."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def unknown_words(text: str, language: Language | None = None) -> list[str]:
    """The words of ``text`` that no lexicon of the languages it would be read in knows.

    For a coverage summary: each word folded, once per occurrence, at most
    :data:`MAX_TITLE_LENGTH` characters of text read.
    """
    tokens = tokenize(text[:MAX_TITLE_LENGTH])
    languages = [language] if language is not None else _candidates(tokens)
    known = [lexicon_words(lang) for lang in languages]
    return [
        t.text for t in tokens if t.kind == "word" and not any(t.text in words for words in known)
    ]


def _candidates(tokens: Sequence[Token]) -> list[Language]:
    """The languages written in a script that the title's words use."""
    return _languages_of([t.text for t in tokens if t.kind == "word"])


def _languages_of(words: Iterable[str]) -> list[Language]:
    return list(_written_in(frozenset({_script(word) for word in words} & _SCRIPTS)))


@functools.cache
def _written_in(scripts: frozenset[str]) -> tuple[Language, ...]:
    """The languages written in one of ``scripts``, or all of them if none is."""
    return tuple(lang for lang in Language if script(lang) in scripts) or tuple(Language)


def _script(word: str) -> str:
    first = word[0]
    if "\u0400" <= first <= "\u052f":
        return "cyrillic"
    if first.isascii() or "\u00c0" <= first <= "\u024f":
        return "latin"
    return "other"


def _read(text: str, tokens: Sequence[Token], lexicon: Lexicon) -> _Outcome:
    segments: list[_Segment] = []
    words: list[Token] = []
    for token in tokens:
        if token.kind in ("word", "number"):
            words.append(token)
        elif words:
            segments.append(_segment(words, lexicon))
            words = []
    if words:
        segments.append(_segment(words, lexicon))

    understood = [s for s in segments if not s.unknown]
    head = next((s for s in understood if s.position is not None), None)
    head = head or next((s for s in understood if s.function is not None), None)
    unknown = [t for s in segments for t in s.unknown]
    known_words = sum(len(s.spans) for s in understood)
    if head is None:
        return _Outcome(None, 0, unknown, known_words)

    audience, function = head.audience, head.function
    qualifiers = set(head.qualifiers)
    spans = list(head.spans)
    ignored = [(start, end) for start, end in head.unused]
    alternatives: list[TitleParts] = []
    ignored_chars = 0
    for segment in segments:
        if segment is head:
            continue
        if segment.unknown:
            ignored.append((segment.start, segment.end))
            ignored_chars += segment.end - segment.start
            continue
        if segment.position is not None:
            alternative = _parts(text, lexicon, segment=segment, spans=segment.spans, ignored=[])
            if alternative != _key_of(head, lexicon):
                alternatives.append(alternative)
            continue
        conflict = (audience is not None and segment.audience not in (None, audience)) or (
            function is not None and segment.function not in (None, function)
        )
        if conflict:
            ignored.append((segment.start, segment.end))
            continue
        audience = audience or segment.audience
        function = function or segment.function
        qualifiers |= segment.qualifiers
        spans.extend(segment.spans)
        ignored.extend(segment.unused)
    merged = head._replace(audience=audience, function=function, qualifiers=frozenset(qualifiers))
    parts = _parts(
        text,
        lexicon,
        segment=merged,
        spans=spans,
        ignored=ignored,
        alternatives=tuple(alternatives),
    )
    return _Outcome(parts, ignored_chars, unknown, known_words)


def _key_of(segment: _Segment, lexicon: Lexicon) -> TitleParts:
    return TitleParts(
        audience=segment.audience,
        function=segment.function,
        position=segment.position,
        qualifiers=segment.qualifiers,
        language=lexicon.language,
    )


def _parts(
    text: str,
    lexicon: Lexicon,
    *,
    segment: _Segment,
    spans: list[tuple[SpanPart, str, int, int]],
    ignored: list[tuple[int, int]],
    alternatives: tuple[TitleParts, ...] = (),
) -> TitleParts:
    return assemble(
        audience=segment.audience,
        function=segment.function,
        position=segment.position,
        qualifiers=tuple(sorted(segment.qualifiers)),
        language=lexicon.language,
        text=text,
        spans=tuple(
            Span(part=part, key=key, start=start, end=end, text=text[start:end])
            for part, key, start, end in sorted(spans, key=lambda s: s[2])
        ),
        ignored=tuple(
            Span(part="ignored", key=None, start=start, end=end, text=text[start:end])
            for start, end in sorted(ignored)
        ),
        alternatives=alternatives,
    )


def _segment(words: list[Token], lexicon: Lexicon) -> _Segment:
    """Read one segment: match words longest first, then settle its parts."""
    found, unknown = _phrases([w.text for w in words], lexicon)
    items = [
        _Item(readings, words[first].start, words[last].end) for readings, first, last in found
    ]
    return _settle(items, [words[i] for i in unknown], lexicon, words[0].start, words[-1].end)


def _phrases(
    words: Sequence[str], lexicon: Lexicon
) -> tuple[list[tuple[tuple[Reading, ...], int, int]], list[int]]:
    """Match folded words with the lexicon's phrases, longest first, left to right.

    Returns the readings of each phrase read with the indices of its first
    and last words (connectors are read but have none), and the indices of
    the unknown words.
    """
    found: list[tuple[tuple[Reading, ...], int, int]] = []
    unknown: list[int] = []
    table = lexicon.table
    index, count = 0, len(words)
    while index < count:
        for phrase in table.get(words[index], ()):
            size = len(phrase.tokens)
            if size == 1 or tuple(words[index : index + size]) == phrase.tokens:
                if phrase.readings:
                    found.append((phrase.readings, index, index + size - 1))
                index += size
                break
        else:
            unknown.append(index)
            index += 1
    return found, unknown


def _settle(
    items: Sequence[tuple[tuple[Reading, ...], int, int]],
    unknown: list[Token],
    lexicon: Lexicon,
    start: int,
    end: int,
) -> _Segment:
    """Settle a segment's parts from the readings of its words (and where they are)."""
    hits: dict[str, list[tuple[Assignment, int, int]]] = {
        "audience": [],
        "function": [],
        "position": [],
        "qualifier": [],
    }
    ambiguous: list[tuple[tuple[Reading, ...], int, int]] = []
    for item in items:
        readings, item_start, item_end = item
        if len(readings) == 1:
            for assignment in readings[0]:
                hits[assignment.category].append((assignment, item_start, item_end))
        else:
            ambiguous.append(item)
    for readings, item_start, item_end in ambiguous:
        # The first reading whose categories are still free; else the first.
        reading = next(
            (
                r
                for r in readings
                if all(a.category == "qualifier" or not hits[a.category] for a in r)
            ),
            readings[0],
        )
        for assignment in reading:
            hits[assignment.category].append((assignment, item_start, item_end))

    chosen: dict[str, str | None] = {"audience": None, "function": None, "position": None}
    spans: list[tuple[SpanPart, str, int, int]] = []
    unused: list[tuple[int, int]] = []
    for category in chosen:
        found = hits[category]
        if not found:
            continue
        # One hit is its own strongest (a weak word alone still counts).
        strong = found if len(found) == 1 else [h for h in found if not h[0].weak] or found
        key = (strong[-1] if lexicon.head_last else strong[0])[0].key
        chosen[category] = key
        for assignment, hit_start, hit_end in strong:
            if assignment.key == key:
                spans.append((assignment.category, key, hit_start, hit_end))
            else:
                unused.append((hit_start, hit_end))
    qualifiers = hits["qualifier"]
    if qualifiers:
        spans.extend(("qualifier", a.key, q_start, q_end) for a, q_start, q_end in qualifiers)
    return _Segment(
        chosen["audience"],
        chosen["function"],
        chosen["position"],
        frozenset([a.key for a, _, _ in qualifiers]) if qualifiers else _NONE,
        spans,
        unused,
        unknown,
        start,
        end,
    )


def _shown(text: str) -> str:
    return quoted(text, _SHOWN_TEXT)


def _unknown(
    text: str, languages: list[Language], failures: list[tuple[Language, _Outcome]]
) -> UnknownTitleError:
    tried = ", ".join(lang.value for lang in languages)
    language, outcome = min(failures, key=lambda f: (len(f[1].unknown), -f[1].understood))
    if not outcome.unknown:
        return UnknownTitleError(
            f"{_shown(text)} is not a job title: it names no position or function (tried {tried})"
        )
    words = load(language).words
    shown = []
    seen: set[str] = set()
    for token in outcome.unknown:
        if token.text in seen:
            continue
        seen.add(token.text)
        close = close_matches(token.text[:_SHOWN_WORD], words, n=2)
        hint = f" (closest: {', '.join(map(repr, close))})" if close else ""
        shown.append(f"{quoted(text[token.start : token.end], _SHOWN_WORD // 2)}{hint}")
        if len(shown) == _SHOWN_UNKNOWN:
            break
    label = "word" if len(shown) == 1 else "words"
    return UnknownTitleError(
        f"{_shown(text)} is not a job title csroles knows (tried {tried}): "
        f"unknown {label} {', '.join(shown)}"
    )
