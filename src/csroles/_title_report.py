"""The classes of :meth:`csroles.Catalog.role_for_titles`, defined when first used.

:mod:`csroles.catalog` exports them (``csroles.catalog.TitleResult``, which
is their ``__module__``) and imports this module when one of them is first
asked for, so that building a catalog does not pay for creating them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

import attrs

from csroles._validation import COLLECTION, fail, is_collection, to_member
from csroles.roles import Role
from csroles.vocabulary import Language

if TYPE_CHECKING:
    from csroles.titles import TitleMatch

__all__ = ["TitleReport", "TitleResult"]

# How many of the most common unknown words a title report lists.
_COMMON_WORDS: Final = 10


@attrs.frozen(kw_only=True)
class TitleResult:
    """One title of :meth:`Catalog.role_for_titles`: its role and why, or why not.

    ``role`` and ``match`` are set when the title resolved, ``refusal`` (the
    message :meth:`Catalog.role_for_title` would raise) when it did not.

    >>> from csroles import default_catalog
    >>> result = default_catalog().role_for_titles(["Bank Teller"]).results[0]
    >>> result.role.key, result.match.kind, result.refusal
    ('customer_service_representative', 'exact', None)

    .. versionadded:: 0.1.0
    """

    text: str
    role: Role | None
    match: TitleMatch | None
    refusal: str | None

    def __attrs_post_init__(self) -> None:
        if type(self.text) is not str:
            fail(self, "text", self.text, "a title as a string")
        from csroles.titles._match import TitleMatch

        resolved = isinstance(self.role, Role) and isinstance(self.match, TitleMatch)
        if resolved and self.refusal is None and self.role is not None and self.match is not None:
            if self.match.key != self.role.key:
                fail(self, "match", self.match.key, f"the match of role {self.role.key!r}")
            return
        if self.role is None and self.match is None and type(self.refusal) is str:
            return
        fail(self, "refusal", self.refusal, "a role and its match, or None for both and a refusal")


@attrs.frozen(kw_only=True)
class TitleReport:
    """What :meth:`Catalog.role_for_titles` found: a result per title and a coverage summary.

    ``results`` follow the order of the texts. ``resolved`` and ``refused``
    count the texts; ``by_rule`` counts the resolved ones by the rule that
    resolved them: ``exact`` (a role's title), ``parts`` (reads as a role's
    title), ``closest`` (the ranking chose), and ``typo`` for those read with
    typo corrections (also counted under their rule). ``unknown_words`` are
    the words of the refused texts that no lexicon of the tried languages
    knows, most common first (ties alphabetical), at most ten: what a set of
    titles needs that csroles lacks.

    >>> from csroles import default_catalog
    >>> report = default_catalog().role_for_titles(["Payroll Clerk", "CSM"])
    >>> report.coverage
    0.5

    .. versionadded:: 0.1.0
    """

    results: tuple[TitleResult, ...]
    resolved: int
    refused: int
    by_rule: Mapping[str, int]
    unknown_words: tuple[tuple[str, int], ...]

    def __attrs_post_init__(self) -> None:
        if type(self.results) is not tuple or not all(
            isinstance(r, TitleResult) for r in self.results
        ):
            fail(self, "results", self.results, "a tuple of TitleResult")
        resolved = sum(1 for r in self.results if r.role is not None)
        if self.resolved != resolved or self.refused != len(self.results) - resolved:
            fail(
                self, "resolved", self.resolved, f"the counts of the results ({resolved} resolved)"
            )

    @property
    def coverage(self) -> float:
        """The share of texts that resolved (1.0 for no texts)."""
        total = self.resolved + self.refused
        return 1.0 if total == 0 else self.resolved / total

    @classmethod
    def of(cls, results: list[TitleResult], *, language: Language | None) -> TitleReport:
        """Count ``results`` (see the class docstring): the report of those titles.

        Args:
            results: the titles' results, in order.
            language: the language the unknown words are read in (a
                :class:`~csroles.Language` or its value; None: each title's own).

        Raises:
            InvalidEntityError: ``results`` is not a collection of
                :class:`TitleResult`, or ``language`` is not None, a Language or
                its value.

        >>> from csroles import default_catalog
        >>> from csroles.catalog import TitleReport
        >>> results = default_catalog().role_for_titles(["CSR", "Payroll Clerk"]).results
        >>> TitleReport.of(list(results), language=None).by_rule
        {'exact': 1}
        """
        from csroles.titles._parser import unknown_words

        owner = "TitleReport.of"
        if not is_collection(results):
            fail(owner, "results", results, f"{COLLECTION} of TitleResult")
        results = list(results)
        for index, result in enumerate(results):
            if not isinstance(result, TitleResult):
                fail(owner, f"results[{index}]", result, "a TitleResult")
        if language is not None:
            member = to_member(Language, language)
            if member is None:
                fail(owner, "language", language, "None, a Language or its value")
            language = member
        rules: Counter[str] = Counter()
        words: Counter[str] = Counter()
        for result in results:
            if result.match is not None:
                rules[result.match.kind] += 1
                if result.match.parts is not None and result.match.parts.corrections:
                    rules["typo"] += 1
            else:
                words.update(unknown_words(result.text, language))
        order = {"exact": 0, "parts": 1, "closest": 2, "typo": 3}
        common = sorted(words.items(), key=lambda item: (-item[1], item[0]))[:_COMMON_WORDS]
        return cls(
            results=tuple(results),
            resolved=sum(1 for r in results if r.role is not None),
            refused=sum(1 for r in results if r.role is None),
            by_rule=dict(sorted(rules.items(), key=lambda item: order[item[0]])),
            unknown_words=tuple(common),
        )


# Documented, shown and pickled as csroles.catalog's (which exports them).
TitleResult.__module__ = TitleReport.__module__ = "csroles.catalog"
