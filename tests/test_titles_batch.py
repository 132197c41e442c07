"""Catalog.role_for_titles: one result per text, and a coverage summary that adds up."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import Catalog, TitleReport, UnknownTitleError, default_catalog

POOL = [
    "Customer Success Manager",
    "customer  success MANAGER",
    "Customer Sucess Manager",
    "CSR",
    "Bank Teller",
    "Support Agent",
    "Addetti al servizio clienti",
    "Оператор коллцентра",
    "Payroll Clerk",
    "payroll clerk",
    "Warehouse Picker",
    "xyzzy",
    "",
    "q" * 2_000,
]


FORGETFUL = Catalog(roles=default_catalog().roles, title_memory=0)


def _expected(text: str) -> tuple[str | None, str | None]:
    try:
        return FORGETFUL.role_for_title(text).key, None
    except UnknownTitleError as error:
        return None, str(error)


@given(st.lists(st.sampled_from(POOL), max_size=12))
def test_each_result_is_what_role_for_title_says(texts: list[str]) -> None:
    report = default_catalog().role_for_titles(texts)
    assert [r.text for r in report.results] == texts
    for result in report.results:
        key, refusal = _expected(result.text)
        assert (result.role.key if result.role else None) == key
        assert result.refusal == refusal
        assert (result.match is None) == (result.role is None)
    assert report.resolved + report.refused == len(texts)
    assert report.resolved == sum(1 for t in texts if _expected(t)[0] is not None)


@given(st.lists(st.sampled_from(POOL), max_size=12))
def test_the_summary_counts_the_results(texts: list[str]) -> None:
    report = default_catalog().role_for_titles(texts)
    kinds = Counter(r.match.kind for r in report.results if r.match is not None)
    typos = sum(
        1
        for r in report.results
        if r.match is not None and r.match.parts and r.match.parts.corrections
    )
    expected: dict[str, int] = {kind: n for kind, n in kinds.items() if n}
    if typos:
        expected["typo"] = typos
    assert dict(report.by_rule) == expected
    counts = dict(report.unknown_words)
    assert all(n > 0 for n in counts.values())
    assert list(report.unknown_words) == sorted(
        report.unknown_words, key=lambda item: (-item[1], item[0])
    )
    refused = " ".join(r.text.casefold() for r in report.results if r.role is None)
    assert all(word in refused for word in counts)


def test_a_report_by_hand() -> None:
    report = default_catalog().role_for_titles(
        [
            "Payroll Clerk",
            "payroll clerk",
            "Warehouse Clerk",
            "Bank Teller",
            "Customer Sucess Manager",
        ]
    )
    assert (report.resolved, report.refused) == (2, 3)
    assert dict(report.by_rule) == {"exact": 1, "parts": 1, "typo": 1}
    assert report.unknown_words == (("clerk", 3), ("payroll", 2), ("warehouse", 1))
    assert report.coverage == pytest.approx(0.4)
    assert report.results[4].match is not None
    assert report.results[4].match.reasons[0] == "'Sucess' read as 'Success'"
    assert isinstance(report, TitleReport)


def test_an_empty_batch() -> None:
    report = default_catalog().role_for_titles([])
    assert (report.results, report.resolved, report.refused) == ((), 0, 0)
    assert report.coverage == 1.0
    assert not report.by_rule
    assert report.unknown_words == ()


def test_results_and_reports_are_checked() -> None:
    from csroles import InvalidEntityError, TitleResult

    good = default_catalog().role_for_titles(["CSR"]).results[0]
    assert good.role is not None
    with pytest.raises(InvalidEntityError, match=r"TitleResult\.refusal"):
        TitleResult(text="CSR", role=None, match=None, refusal=None)
    with pytest.raises(InvalidEntityError, match=r"TitleResult\.refusal"):
        TitleResult(text="CSR", role=good.role, match=good.match, refusal="no")
    with pytest.raises(InvalidEntityError, match=r"TitleResult\.text"):
        TitleResult(text=5, role=None, match=None, refusal="no")  # type: ignore[arg-type]
    other = default_catalog().get("telemarketer")
    with pytest.raises(InvalidEntityError, match=r"TitleResult\.match"):
        TitleResult(text="CSR", role=other, match=good.match, refusal=None)
    with pytest.raises(InvalidEntityError, match=r"TitleReport\.resolved"):
        TitleReport(results=(good,), resolved=0, refused=1, by_rule={}, unknown_words=())
    with pytest.raises(InvalidEntityError, match=r"TitleReport\.results"):
        TitleReport(results=[good], resolved=1, refused=0, by_rule={}, unknown_words=())  # type: ignore[arg-type]


def test_a_report_of_results_counts_them_and_refuses_what_is_not_results() -> None:
    from csroles import InvalidEntityError, Language

    report = default_catalog().role_for_titles(["CSR", "Payroll Clerk", "Agente di call center"])
    assert TitleReport.of(list(report.results), language=None) == report
    assert TitleReport.of(report.results, language=None) == report  # type: ignore[arg-type]
    cases: list[tuple[object, object, str]] = [
        (None, None, r"TitleReport\.of\.results: None, expected a collection"),
        ("CSR", None, r"TitleReport\.of\.results: 'CSR', expected a collection"),
        ([report], None, r"TitleReport\.of\.results\[0\]: TitleReport\(.*expected a TitleResult"),
        ([], "klingon", r"TitleReport\.of\.language: 'klingon', expected None, a Language or"),
    ]
    for results, language, message in cases:
        with pytest.raises(InvalidEntityError, match=message):
            TitleReport.of(results, language=language)  # type: ignore[arg-type]
    assert TitleReport.of([], language=Language.IT).results == ()
    assert TitleReport.of(list(report.results), language="it") == TitleReport.of(  # type: ignore[arg-type]
        list(report.results), language=Language.IT
    )
