"""Job titles in English, Italian and Russian: compose, parse, describe and match.

A customer-service title combines an *audience* (customer, client, user,
community ...), a *function* (service, support, success, experience ...) and
a *position* (representative, agent, specialist, manager ...), as in
*LiveAgent roles*. Keys are English lowercase words; each language's lexicon writes them
with the grammar they need:

>>> from csroles.titles import compose_title, parse_title
>>> compose_title(audience="customer", function="development", position="manager", language="ru")
'Менеджер по развитию клиентов'
>>> parse_title("I responsabili dell'assistenza clienti").position
'manager'

Lexicons are loaded and checked on first use, never at ``import csroles``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from csroles.titles._compose import compose_title
    from csroles.titles._describe import TitleDescription, describe_title, title_keys
    from csroles.titles._match import (
        RoleTitles,
        TitleCandidates,
        TitleIndex,
        TitleMatch,
        match_title,
    )
    from csroles.titles._normalize import normalize_title
    from csroles.titles._parser import MAX_TITLE_LENGTH, parse_title
    from csroles.titles._parts import Span, TitleParts

__all__ = [
    "MAX_TITLE_LENGTH",
    "RoleTitles",
    "Span",
    "TitleCandidates",
    "TitleDescription",
    "TitleIndex",
    "TitleMatch",
    "TitleParts",
    "compose_title",
    "describe_title",
    "match_title",
    "normalize_title",
    "parse_title",
    "title_keys",
]

# Imported on first use (PEP 562), so that a program importing one private
# module (the catalog reads its titles' normal form with ``_normalize``) does
# not pay for the parser, the matcher and their classes.
_LAZY = {
    "compose_title": "csroles.titles._compose",
    "TitleDescription": "csroles.titles._describe",
    "describe_title": "csroles.titles._describe",
    "title_keys": "csroles.titles._describe",
    "RoleTitles": "csroles.titles._match",
    "TitleCandidates": "csroles.titles._match",
    "TitleIndex": "csroles.titles._match",
    "TitleMatch": "csroles.titles._match",
    "match_title": "csroles.titles._match",
    "normalize_title": "csroles.titles._normalize",
    "MAX_TITLE_LENGTH": "csroles.titles._parser",
    "parse_title": "csroles.titles._parser",
    "Span": "csroles.titles._parts",
    "TitleParts": "csroles.titles._parts",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    msg = f"module 'csroles.titles' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
