"""Collect the examples in the docs, the README and the docstrings as tests.

The library's sources under ``src/`` are collected by Sybil alone. Sybil imports
such a file by its package name (``src/csroles/roles.py`` as ``csroles.roles``),
so its docstring examples run against the module that ``import csroles`` gives.
pytest's own Python collector must not import them too: it takes any ``.py``
file named on the command line, and under ``--import-mode=importlib`` it
imports ``csroles`` first, whose ``__init__`` imports ``csroles.roles``, and then
executes ``roles.py`` a second time as a new ``csroles.roles``. Objects made by
one copy were then refused by the other's checks, so a run of a few files
(``pytest src/csroles/roles.py docs/roles.md``) failed where the whole suite
passed. The sources hold no pytest tests, so nothing is lost.
"""

from collections.abc import Generator
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser as MystDocTestDirectiveParser
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE
_SOURCES = Path(__file__).resolve().parent / "src"

_markdown = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=_FLAGS),
        MystDocTestDirectiveParser(optionflags=_FLAGS),
        SkipParser(),
    ],
    patterns=["*.md"],
    excludes=["_build/*", "CHANGELOG.md"],
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    path="./src",
    patterns=["*.py"],
)

pytest_collect_file = (_markdown + _docstrings).pytest()


@pytest.hookimpl(wrapper=True)
def pytest_pycollect_makemodule(
    module_path: Path,
) -> Generator[None, pytest.Module | None, pytest.Module | None]:
    """No pytest module for a library source: Sybil collects its examples."""
    module = yield
    if module_path.resolve().is_relative_to(_SOURCES):
        return None
    return module
