# ruff: noqa: PLR1730 (comparisons, not min(), in the distance loop: it is the hot path)
"""Typo tolerance: read an unknown word as the closest lexicon word, within bounds.

Used by the parser only when a title has no reading without it. A word is
read as a lexicon word of the same script when their optimal-string-alignment
distance (insertions, deletions, substitutions, and transpositions of two
neighbouring letters, each counting once) is within the bound that the
lexicon word's length allows: none for words of up to four letters, one edit
for five to eight letters, two from nine letters on. Among several words
within the bound, the closest wins, then the alphabetically first one, so the
choice never depends on the order of a table.

The work is bounded: words longer than any lexicon word plus two letters are
never compared, only lexicon words whose length is within the bound of the
word's are, and each comparison stops as soon as the bound is exceeded.
"""

from __future__ import annotations

import functools
from typing import Final

from csroles.titles._lexicon import words
from csroles.vocabulary import Language

__all__: list[str] = []

#: Letters needed for one and for two edits.
ONE_EDIT: Final = 5
TWO_EDITS: Final = 9
_LONGEST: Final = 40


def allowed(length: int) -> int:
    """The edits a lexicon word of ``length`` letters may be read through."""
    return 0 if length < ONE_EDIT else 1 if length < TWO_EDITS else 2


def script_of(word: str) -> str | None:
    """``"latin"`` or ``"cyrillic"`` when every letter of ``word`` is of that script."""
    if all("\u0400" <= c <= "\u052f" for c in word):
        return "cyrillic"
    if all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in word):
        return "latin"
    return None


@functools.cache
def _by_length(
    language: Language,
) -> dict[tuple[str, int], tuple[tuple[str, frozenset[str]], ...]]:
    """The lexicon's words (connectors included) and their letters, by script and length."""
    grouped: dict[tuple[str, int], list[str]] = {}
    for word in words(language):
        script = script_of(word)
        if script is not None and allowed(len(word)):
            grouped.setdefault((script, len(word)), []).append(word)
    return {
        key: tuple((word, frozenset(word)) for word in sorted(found))
        for key, found in grouped.items()
    }


def distance(a: str, b: str, bound: int) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b``, or ``bound + 1`` if more.

    >>> distance("sucess", "success", 2), distance("sevrice", "service", 2)
    (1, 1)
    >>> distance("agent", "manager", 1)
    2
    """
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    # Only the band |i - j| <= bound can hold a value within the bound.
    over = bound + 1
    width = len(b)
    previous2: list[int] = []
    previous = [j if j <= bound else over for j in range(width + 1)]
    for i in range(1, len(a) + 1):
        current = [i if i <= bound else over] + [over] * width
        low = current[0]
        ai = a[i - 1]
        for j in range(max(1, i - bound), min(width, i + bound) + 1):
            bj = b[j - 1]
            value = previous[j - 1] + (ai != bj)
            if previous[j] + 1 < value:
                value = previous[j] + 1
            if current[j - 1] + 1 < value:
                value = current[j - 1] + 1
            if (
                i > 1
                and j > 1
                and ai == b[j - 2]
                and a[i - 2] == bj
                and previous2[j - 2] + 1 < value
            ):
                value = previous2[j - 2] + 1
            current[j] = value if value < over else over
            if value < low:
                low = value
        if low > bound:
            return over
        previous2, previous = previous, current
    return previous[-1]


@functools.lru_cache(maxsize=1024)
def correct(word: str, language: Language) -> str | None:
    """The lexicon word of ``language`` that ``word`` is a typo of, or ``None``.

    >>> from csroles import Language
    >>> correct("sucess", Language.EN), correct("servise", Language.EN)
    ('success', 'service')
    >>> correct("agnet", Language.EN), correct("csr", Language.EN)
    ('agent', None)
    """
    script = script_of(word)
    if script is None or len(word) > _LONGEST:
        return None
    table = _by_length(language)
    letters = frozenset(word)
    best: tuple[int, str] | None = None
    for length in range(len(word) - 2, len(word) + 3):
        bound = allowed(length)
        if abs(length - len(word)) > bound:
            continue
        for candidate, theirs in table.get((script, length), ()):
            # Each letter one word has and the other lacks takes an edit: a
            # cheap lower bound that sets most candidates aside.
            if len(letters - theirs) > bound or len(theirs - letters) > bound:
                continue
            found = distance(word, candidate, bound)
            if found <= bound and (best is None or (found, candidate) < best):
                best = (found, candidate)
    return None if best is None else best[1]
