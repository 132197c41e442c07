"""A run of a few files passes, in any order and with ``-n``, as the whole suite does.

A contributor checks a module's docstring examples together with a docs page:
``pytest src/csroles/roles.py docs/roles.md``. pytest's own Python collector
took such a file, and under ``--import-mode=importlib`` imported ``csroles``
(whose ``__init__`` imports ``csroles.roles``) and then executed ``roles.py``
again as a second ``csroles.roles``; the examples then mixed objects of the two
copies, which the entities' checks refuse. The root ``conftest.py`` leaves the
library's sources to Sybil, which imports them by their package name.

With ``-n`` (pytest-xdist), a docs page's or a docstring's examples must run on
one worker, in order: the configuration schedules by file.

Each run is a fresh pytest process with this process's interpreter and
environment (so the same ``csroles`` on the path), from the repository root.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "csroles"


def run_pytest(*args: str) -> subprocess.CompletedProcess[str]:
    """pytest run on ``args`` in a new process, from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


# Each pair failed before the fix, in either order (pytest collects every file
# before it runs any): the docs page's examples built entities with one copy of
# the module and checked them with the other.
@pytest.mark.parametrize(
    "files",
    [
        ("src/csroles/roles.py", "docs/roles.md"),
        ("src/csroles/escalation.py", "docs/serialization.md"),
    ],
    ids=["roles", "escalation"],
)
def test_a_module_and_a_docs_page_pass_together(files: tuple[str, ...]) -> None:
    for name in files:
        assert (ROOT / name).is_file(), name
    done = run_pytest("-q", *files)
    assert done.returncode == 0, f"{files}:\n{done.stdout}\n{done.stderr}"
    assert " passed" in done.stdout
    assert "failed" not in done.stdout


def test_a_files_examples_stay_on_one_worker_under_xdist() -> None:
    # The examples of routing.py's docstring build on each other; xdist's
    # default scheduling sent some of them to a worker that had not run the
    # earlier ones (4 failed). The configuration keeps a file on one worker.
    done = run_pytest("-q", "-n", "2", "src/csroles/routing.py")
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    assert "failed" not in done.stdout


# pytest in a new process, printing the node ids of the pytest modules it
# collected (a module with no tests is not shown by ``--collect-only``).
LIST_MODULES = """
import sys
import pytest

class Modules:
    def __init__(self):
        self.ids = []

    def pytest_collectreport(self, report):
        self.ids += [node.nodeid for node in report.result if isinstance(node, pytest.Module)]

modules = Modules()
code = pytest.main(["-p", "no:cacheprovider", "--collect-only", "-q", *sys.argv[1:]], [modules])
print("MODULES", *modules.ids)
sys.exit(code)
"""


def test_no_library_source_is_collected_as_a_pytest_module() -> None:
    # A source named on the command line was also a pytest module, imported
    # before its examples ran. Every source is named here, and this file as
    # the one pytest module expected.
    sources = sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))
    assert len(sources) > 40
    this = str(Path(__file__).resolve().relative_to(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, *sources, this],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    modules = done.stdout.splitlines()[-1].split()
    assert modules == ["MODULES", this], done.stdout[-2000:]
    assert "src/csroles/roles.py::line:" in done.stdout
