# ruff: noqa: RUF002 (Russian words and typographic marks are data here)
"""A small hand-written tokenizer for job titles.

One left-to-right pass of one regular expression made of single-character
classes (no nested quantifiers, so matching is linear), as packaging's
``_tokenizer`` does for version specifiers; whitespace is never matched, so
it costs nothing. It yields only what the parser needs:

* ``word``: letters (with combining accents and soft hyphens), folded for
  lookup; ``&`` and ``+`` are words too, so that lexicons can read them as "and";
* ``number``: decimal digits;
* ``sep``: a segment boundary: ``, ; : | /`` or a dash with a space on either
  side (a dash between two letters joins them and is skipped);
* ``open`` and ``close``: brackets of any shape.

Apostrophes, quotes, dots and any other symbol are skipped: they only
separate words. Every token keeps the span of the original text it came from.
"""

from __future__ import annotations

import re
from typing import Final, Literal
from unicodedata import is_normalized

from csroles.titles._normalize import fold, unify
from csroles.titles._record import NamedTuple

__all__: list[str] = []

TokenKind = Literal["word", "number", "sep", "open", "close"]


class Token(NamedTuple):
    """One token: its kind, its folded text and its span in the original title."""

    kind: TokenKind
    text: str
    start: int
    end: int


_PATTERN: Final = re.compile(
    r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u00ad])*"  # a word
    r"|\d+"  # a number
    r"|[^\w\s]|_"  # one other character
)
_KINDS: Final[dict[str, TokenKind]] = {
    **dict.fromkeys("([{", "open"),
    **dict.fromkeys(")]}", "close"),
    **dict.fromkeys(",;:|/", "sep"),
    **dict.fromkeys("&+", "word"),
}


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; linear in its length.

    >>> [t.text for t in tokenize("Sr. Call-Centre Agent [Remote] – EMEA")]
    ['sr', 'call', 'centre', 'agent', '(', 'remote', ')', '-', 'emea']
    """
    source = unify(text)
    length = len(source)
    # Fold the whole text at once when that keeps every offset (the common
    # case: nothing to compose, no soft hyphen to drop, no letter that folds
    # longer); otherwise fold word by word.
    whole = "\xad" not in source and (source.isascii() or is_normalized("NFC", source))
    folded = fold(source) if whole else ""
    whole = whole and len(folded) == length
    tokens: list[Token] = []
    append = tokens.append
    for match in _PATTERN.finditer(source):
        start, end = match.span()
        first = source[start]
        kind = _KINDS.get(first)
        if kind is not None:
            text_ = (
                first
                if kind == "word"
                else "("
                if kind == "open"
                else ")"
                if kind == "close"
                else first
            )
            append(Token(kind, text_, start, end))
        elif first == "-":
            if start == 0 or end == length or source[start - 1].isspace() or source[end].isspace():
                append(Token("sep", "-", start, end))
        elif first.isdecimal():
            append(Token("number", match.group(), start, end))
        elif first.isalnum():
            append(Token("word", folded[start:end] if whole else fold(match.group()), start, end))
    return tokens
