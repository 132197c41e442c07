"""Hypothesis strategies for job titles: their parts, and titles composed from them."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csroles.titles import TitleParts, compose_title, title_keys
from csroles.vocabulary import Language

__all__ = ["job_titles", "title_parts"]

_SENIORITIES = ("junior", "senior", "chief")


@st.composite
def _parts(draw: st.DrawFn, languages: tuple[Language, ...], *, composable: bool) -> TitleParts:
    keys = title_keys()
    positions: tuple[str | None, ...] = keys["position"]
    if not composable:
        positions = (None, *positions)
    position = draw(st.sampled_from(positions))
    functions: tuple[str | None, ...] = keys["function"]
    if position is not None:
        functions = (None, *functions)
    if composable:
        qualifiers = draw(st.sampled_from([(), *((q,) for q in _SENIORITIES)]))
    else:
        qualifiers = tuple(draw(st.sets(st.sampled_from(keys["qualifier"]), max_size=3)))
    return TitleParts(
        audience=draw(st.sampled_from((None, *keys["audience"]))),
        function=draw(st.sampled_from(functions)),
        position=position,
        qualifiers=qualifiers,
        language=draw(st.sampled_from(languages)),
    )


def title_parts(
    *, languages: Sequence[Language] | None = None, composable: bool = False
) -> st.SearchStrategy[TitleParts]:
    """Parts of job titles: audience, function, position and qualifiers.

    ``composable=True`` keeps to parts that :func:`~csroles.compose_title` can
    write: a position, and at most one of the qualifiers junior, senior, chief.

    Raises:
        InvalidArgument: ``languages`` is empty or holds something else than
            :class:`~csroles.Language` members.

    >>> from hypothesis import given, settings
    >>> from csroles import Language, compose_title, parse_title
    >>> from csroles.strategies import title_parts
    >>> @settings(max_examples=20)
    ... @given(title_parts(languages=[Language.IT], composable=True))
    ... def test_round_trip(parts):
    ...     text = compose_title(
    ...         audience=parts.audience,
    ...         function=parts.function,
    ...         position=parts.position,
    ...         language=parts.language,
    ...         qualifiers=parts.qualifiers,
    ...     )
    ...     assert parse_title(text, language="it").position is not None
    >>> test_round_trip()

    .. versionadded:: 0.1.0
    """
    chosen = tuple(Language) if languages is None else tuple(languages)
    if not chosen or not all(isinstance(language, Language) for language in chosen):
        msg = f"languages must be a non-empty collection of Language, not {languages!r}"
        raise InvalidArgument(msg)
    return _parts(chosen, composable=composable)


def job_titles(*, languages: Sequence[Language] | None = None) -> st.SearchStrategy[str]:
    """Job titles as text, composed from :func:`title_parts` in the given languages.

    >>> from hypothesis import given, settings
    >>> from csroles import Language, parse_title
    >>> from csroles.strategies import job_titles
    >>> @settings(max_examples=20)
    ... @given(job_titles(languages=[Language.RU]))
    ... def test_parses(text):
    ...     assert parse_title(text).language is Language.RU
    >>> test_parses()

    .. versionadded:: 0.1.0
    """
    return title_parts(languages=languages, composable=True).map(
        lambda parts: compose_title(
            audience=parts.audience,
            function=parts.function,
            position=parts.position or "",
            language=parts.language,
            qualifiers=parts.qualifiers,
        )
    )
