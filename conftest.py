"""Collect the examples in the docs, the README and the docstrings as tests."""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser as MystDocTestDirectiveParser
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

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
