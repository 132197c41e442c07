"""Run every benchmark and write its results to docs/_benchmarks/<name>.md.

Each table ends with a stamp: the commit and the date it was measured at, and
the SHA-256 of the benchmark's source. ``tests/test_benchmark_tables.py`` fails
when a benchmark's source no longer matches the stamp of its table, so a table
cannot silently outlive the code that produced it.
"""

import datetime
import hashlib
import importlib
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
RESULTS = HERE.parent / "docs" / "_benchmarks"


def source_digest(name: str) -> str:
    """The SHA-256 of ``bench_<name>.py``, as recorded in its table's stamp."""
    return hashlib.sha256((HERE / f"bench_{name}.py").read_bytes()).hexdigest()


def _commit() -> str:
    """The checked-out commit, with ``+changes`` when the work tree differs from it.

    The tables themselves do not count: a run that writes several tables
    measures the same code for each.
    """
    git = ["git", "-C", str(HERE)]
    head = subprocess.run(
        [*git, "rev-parse", "--short=12", "HEAD"], check=False, capture_output=True, text=True
    )
    if head.returncode != 0:
        return "unknown"
    dirty = subprocess.run(
        [
            *git,
            "status",
            "--porcelain",
            "--untracked-files=no",
            "--",
            ":/",
            ":(top,exclude)docs/_benchmarks",
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    return head.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def stamp(name: str) -> str:
    """The lines that close a table: when and where it was measured, and its source's digest."""
    day = datetime.datetime.now(datetime.UTC).date().isoformat()
    return (
        f"\nMeasured at commit `{_commit()}` on {day}.\n"
        f"<!-- benchmark-source-sha256: {source_digest(name)} -->\n"
    )


def main(selected: list[str]) -> None:
    """Run the benchmarks named on the command line, or all of them."""
    sys.path.insert(0, str(HERE))
    names = selected or sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    RESULTS.mkdir(exist_ok=True)
    for name in names:
        print(f"# {name}")
        module = importlib.import_module(f"bench_{name}")
        table: str = module.main().rstrip("\n") + "\n" + stamp(name)
        print(table)
        (RESULTS / f"{name}.md").write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
