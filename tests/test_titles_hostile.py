"""Hostile input to the title functions: refused or answered at once, with short messages."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from csroles import (
    Catalog,
    InvalidEntityError,
    UnknownRoleError,
    UnknownTitleError,
    default_catalog,
    parse_title,
)

# Loose bounds: the benchmark gives the figures (microseconds); these only
# catch work that grows with the input.
SECONDS = 1.0
MESSAGE = 600

HOSTILE = [
    "q" * 5_000_000,
    "x" * 1_000_000,
    "Customer Support Agent " * 50_000,
    "agent " * 50_000,
    "Agent\x00Manager",
    "\x00" * 1_000,
    "Customer \ud800 Agent",
    "\udfff" * 999,
    "\u202eCustomer Support Agent\u202c",
    "\u200f\u200e\u2066" * 300,
    "Sucess " * 140,
    "a-" * 499,
    "(" * 999,
    "Customer, " * 99 + "Agent",
]


def _within(call: Callable[[], object]) -> BaseException | None:
    start = time.perf_counter()
    try:
        call()
    except (UnknownTitleError, UnknownRoleError) as error:
        caught: BaseException | None = error
    else:
        caught = None
    assert time.perf_counter() - start < SECONDS
    if caught is not None:
        assert len(str(caught)) <= MESSAGE, str(caught)[:200]
    return caught


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: f"{t[:12]!r}x{len(t)}")
def test_titles_are_refused_or_answered_quickly_with_short_messages(text: str) -> None:
    catalog = Catalog(roles=default_catalog().roles, title_memory=0)
    _within(lambda: catalog.role_for_title(text))
    _within(lambda: catalog.match_title(text))
    _within(lambda: parse_title(text))
    _within(lambda: catalog.role_for_titles([text, text]))


@pytest.mark.parametrize(
    "key",
    ["x" * 5_000_000, "q" * 201, "\ud800", "\x00" * 10],
    ids=["5mb", "201", "surrogate", "nul"],
)
def test_over_long_or_odd_keys_are_refused_at_once(key: str) -> None:
    error = _within(lambda: default_catalog().get(key))
    assert isinstance(error, UnknownRoleError)


def test_messages_quote_a_prefix_and_the_length() -> None:
    with pytest.raises(UnknownTitleError) as raised:
        default_catalog().role_for_title("q" * 5_000_000)
    assert str(raised.value) == (
        "no role has the title " + repr("q" * 40) + "... (5,000,000 characters): "
        "longer than any title (at most 1000 characters)"
    )
    with pytest.raises(UnknownRoleError) as missing:
        default_catalog().get("x" * 5_000_000)
    assert str(missing.value) == (
        "no role " + repr("x" * 40) + "... (5,000,000 characters) in the catalog: "
        "longer than any role key (at most 200 characters)"
    )


class _Hostile:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


@pytest.mark.parametrize(
    "key",
    [None, 10**5000, ["x"] * 1_000_000, _Hostile()],
    ids=["none", "huge-int", "long-list", "failing-repr"],
)
def test_keys_that_are_not_strings_are_refused_briefly(key: object) -> None:
    error = _within(lambda: default_catalog().get(key))  # type: ignore[arg-type]
    assert isinstance(error, UnknownRoleError)
    assert "expected a role key" in str(error)


@pytest.mark.parametrize("text", [None, 5, b"CSR", ["CSR"]])
def test_titles_that_are_not_strings_are_invalid(text: object) -> None:
    with pytest.raises(InvalidEntityError, match=r"Catalog\.role_for_title\.text"):
        default_catalog().role_for_title(text)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"Catalog\.role_for_titles\.texts"):
        default_catalog().role_for_titles(["CSR", text])  # type: ignore[list-item]
