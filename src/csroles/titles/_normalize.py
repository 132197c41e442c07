# ruff: noqa: RUF001, RUF002, RUF003 (Russian letters and typographic marks are data here)
"""Text normalisation shared by the tokenizer, the lexicons and exact title lookup.

Two steps, kept apart so that spans stay valid:

* :data:`PUNCTUATION` maps every typographic variant of a character that
  matters to titles onto one ASCII character, one character for one, so the
  translated text has the same length as the original (spans into one are
  spans into the other).
* :func:`fold` turns one word into its lookup form: NFC, casefold, ``ё`` as ``е``.

:func:`normalize_title` does both to a whole title at C speed, for exact
lookups of whole titles.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from csroles._validation import fail

__all__: list[str] = []

_APOSTROPHES = "\u2019\u2018\u201b\u00b4\u02bc\u02b9\u2032\uff07"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\uff02"
_OPENING = "\uff08\u3010"
_CLOSING = "\uff09\u3011"

#: One character for one, non-ASCII to ASCII: apostrophes, hyphens and
#: dashes, quotes, brackets (ASCII text needs no translation).
PUNCTUATION: Final[dict[int, str]] = {
    **dict.fromkeys(map(ord, _APOSTROPHES), "'"),
    **dict.fromkeys(map(ord, _HYPHENS), "-"),
    **dict.fromkeys(map(ord, _QUOTES), '"'),
    **dict.fromkeys(map(ord, _OPENING), "("),
    **dict.fromkeys(map(ord, _CLOSING), ")"),
}

# ``ё`` is read as ``е``; soft hyphens are invisible.
_LETTERS: Final[dict[int, str | None]] = {ord("ё"): "е", 0xAD: None}

# str.translate with a dict looks every character up, which costs microseconds
# on a non-ASCII title; most have none of these marks, and a search says so at
# C speed.
_TYPOGRAPHIC: Final = re.compile("[" + re.escape("".join(map(chr, PUNCTUATION))) + "]")

# For whole titles: word-joining marks become spaces, separators are set apart.
_SPACING: Final[dict[int, str]] = {
    **{ord(c): " " for c in "-.\"'`"},
    **{ord(c): " ( " for c in "([{"},
    **{ord(c): " ) " for c in ")]}"},
    **{ord(c): f" {c} " for c in ",;:|/&+"},
}


def quoted(text: str, limit: int = 40) -> str:
    r"""``text`` quoted for a message, at most about ``2 * limit`` characters long.

    A longer text is cut to a prefix whose quoted form fits, and its length
    is given:

    >>> quoted("Customer Support Agent")
    "'Customer Support Agent'"
    >>> quoted("x" * 5_000_000, limit=10)
    "'xxxxxxxxxx'... (5,000,000 characters)"
    >>> len(quoted("\udfff" * 1000)) < 100
    True
    """
    prefix = text[:limit]
    shown = repr(prefix)
    while len(shown) > 2 * limit:
        prefix = prefix[: len(prefix) // 2]
        shown = repr(prefix)
    if len(prefix) == len(text):
        return shown
    return f"{shown}... ({len(text):,} characters)"


def unify(text: str) -> str:
    """``text`` with :data:`PUNCTUATION` applied: as long as it, typographic marks as ASCII."""
    if text.isascii() or _TYPOGRAPHIC.search(text) is None:
        return text
    return text.translate(PUNCTUATION)


def fold(word: str) -> str:
    """The lookup form of one word: NFC, casefolded, with ``ё`` read as ``е``."""
    if word.isascii():
        return word.lower()
    folded = unicodedata.normalize("NFC", word).casefold()
    if "ё" in folded or "\xad" in folded:
        return folded.translate(_LETTERS)
    return folded


def normalize_title(text: str) -> str:
    """The normal form of a whole title, for exact lookups.

    Casefolded, ``ё`` read as ``е``, typographic apostrophes, quotes, dashes and
    brackets unified; hyphens, apostrophes, quotes and dots become spaces;
    brackets and separators stand apart; runs of whitespace become one space.
    Two titles that differ only in these respects have the same normal form.

    >>> from csroles.titles import normalize_title
    >>> normalize_title("  Agente dell’assistenza   CLIENTI ")
    'agente dell assistenza clienti'
    >>> normalize_title("Call-Centre Agent (Sr.)") == normalize_title("call centre agent ( sr )")
    True
    >>> normalize_title("Менеджер по развитию клиентов") == normalize_title(
    ...     "менеджер по развитию клиентов"
    ... )
    True

    .. versionadded:: 0.1.0
    """
    if type(text) is not str:
        fail("normalize_title", "text", text, "a string")
    text = unicodedata.normalize("NFC", text).translate(PUNCTUATION)
    return " ".join(text.casefold().translate(_LETTERS).translate(_SPACING).split())
