"""Every keyword of the public functions and methods appears in the guide pages.

A reader should not have to open a docstring to learn that a keyword exists:
each optional or keyword-only parameter of a public function, and of a public
method of a public class, is shown in a guide page's example (``name=``) or
named in one of its tables or its text (`` `name` `` or `` `name=...` ``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import csroles

DOCS = Path(__file__).resolve().parent.parent / "docs"
# Guide pages only: the reference, the design notes and the benchmarks do not count.
GUIDE = "\n".join(
    path.read_text(encoding="utf-8")
    for path in sorted(DOCS.glob("*.md"))
    if path.stem not in {"design", "performance", "changelog", "sources"}
)


def public_modules() -> Iterator[str]:
    """Every public module: a name without a leading underscore."""
    for module in pkgutil.iter_modules(csroles.__path__):
        if not module.name.startswith("_"):
            yield f"csroles.{module.name}"


def callables() -> Iterator[tuple[str, Callable[..., object]]]:
    """The public functions, and the public methods of the public classes."""
    seen: set[int] = set()
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            found: list[tuple[str, object]] = []
            if inspect.isfunction(obj):
                found.append((name, obj))
            elif inspect.isclass(obj) and not issubclass(obj, BaseException):
                for attribute, value in vars(obj).items():
                    function = getattr(value, "__func__", value)
                    if not attribute.startswith("_") and inspect.isfunction(function):
                        found.append((f"{name}.{attribute}", function))
            for qualified, function in found:
                if id(function) not in seen and callable(function):
                    seen.add(id(function))
                    yield f"{module_name}.{qualified}", function


def keywords(function: Callable[..., object]) -> list[str]:
    """The parameters a caller passes by keyword: keyword-only or optional."""
    return [
        parameter.name
        for parameter in inspect.signature(function).parameters.values()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
        or (
            parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
            and parameter.default is not inspect.Parameter.empty
        )
    ]


CASES = [(path, keyword) for path, function in callables() for keyword in keywords(function)]


def test_the_keywords_are_collected() -> None:
    # A few keywords known by heart, from functions, methods and strategies.
    assert {
        ("csroles.escalation.decide_escalation", "manager_requested"),
        ("csroles.hierarchy.OrgChart.to_text", "label"),
        ("csroles.titles.match_title", "focuses"),
        ("csroles.strategies.interactions", "max_events"),
    } <= set(CASES)
    assert ("csroles.escalation.decide_escalation", "interaction") not in CASES


@pytest.mark.parametrize(("function", "keyword"), CASES)
def test_a_guide_page_shows_the_keyword(function: str, keyword: str) -> None:
    shown = re.compile(rf"\b{keyword}\s*=|`{keyword}(`|=)")
    assert shown.search(GUIDE), f"no guide page in docs/ shows {function}'s keyword {keyword!r}"
