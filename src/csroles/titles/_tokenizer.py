# ruff: noqa: RUF002 (Russian words and typographic marks are data here)
"""A small hand-written tokenizer for job titles.

One left-to-right pass with one regular expression of single-character
classes (no nested quantifiers, so matching is linear), as packaging's
``_tokenizer`` does for version specifiers. It yields only what the parser
needs:

* ``word``: letters (with combining accents), folded for lookup; ``&`` and
  ``+`` are words too, so that lexicons can read them as "and";
* ``number``: decimal digits;
* ``sep``: a segment boundary: ``, ; : | /`` or a dash with a space on either
  side (a dash between two letters joins them and is skipped);
* ``open`` and ``close``: brackets of any shape.

Spaces, apostrophes, quotes, dots and any other symbol are skipped: they only
separate words. Every token keeps the span of the original text it came from.
"""

from __future__ import annotations

import re
from typing import Final, Literal, NamedTuple

from csroles.titles._normalize import PUNCTUATION, fold

__all__: list[str] = []

TokenKind = Literal["word", "number", "sep", "open", "close"]


class Token(NamedTuple):
    """One token: its kind, its folded text and its span in the original title."""

    kind: TokenKind
    text: str
    start: int
    end: int


_RULES: Final = re.compile(
    r"""
    (?P<word>[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*)
    |(?P<number>\d+)
    |(?P<space>\s+)
    |(?P<dash>-)
    |(?P<open>\()
    |(?P<close>\))
    |(?P<sep>[,;:|/])
    |(?P<amp>[&+])
    |(?P<skip>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; linear in its length.

    >>> [t.text for t in tokenize("Sr. Call-Centre Agent (Remote) – EMEA")]
    ['sr', 'call', 'centre', 'agent', '(', 'remote', ')', '-', 'emea']
    """
    source = text.translate(PUNCTUATION)
    length = len(source)
    tokens: list[Token] = []
    append = tokens.append
    for match in _RULES.finditer(source):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "word":
            append(Token("word", fold(match.group()), start, end))
        elif kind == "number":
            append(Token("number", match.group(), start, end))
        elif kind == "dash":
            spaced = start == 0 or end == length
            spaced = spaced or source[start - 1].isspace() or source[end].isspace()
            if spaced:
                append(Token("sep", "-", start, end))
        elif kind == "open":
            append(Token("open", "(", start, end))
        elif kind == "close":
            append(Token("close", ")", start, end))
        elif kind == "sep":
            append(Token("sep", match.group(), start, end))
        elif kind == "amp":
            append(Token("word", match.group(), start, end))
    return tokens
