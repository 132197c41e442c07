"""The published benchmark tables are the output of the benchmarks as they are now.

``make bench`` stamps every table in docs/_benchmarks with the SHA-256 of the
benchmark that wrote it. A benchmark edited after its table was written makes
this test fail, naming the command that brings the table up to date.
"""

import hashlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
BENCHMARKS = ROOT / "benchmarks"
TABLES = ROOT / "docs" / "_benchmarks"
STAMP = re.compile(r"<!-- benchmark-source-sha256: ([0-9a-f]{64}) -->")
MEASURED = re.compile(r"Measured at commit `[0-9a-f]{7,40}(\+changes)?` on \d{4}-\d{2}-\d{2}\.")

NAMES = sorted(p.stem.removeprefix("bench_") for p in BENCHMARKS.glob("bench_*.py"))


def test_every_benchmark_has_a_table_and_every_table_a_benchmark() -> None:
    tables = sorted(p.stem for p in TABLES.glob("*.md"))
    assert tables == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_table_is_stamped_with_its_benchmark_source(name: str) -> None:
    table = (TABLES / f"{name}.md").read_text(encoding="utf-8")
    assert MEASURED.search(table), f"docs/_benchmarks/{name}.md does not say when it was measured"
    found = STAMP.findall(table)
    assert len(found) == 1, (
        f"docs/_benchmarks/{name}.md has no source stamp: run `make bench ARGS={name}`"
    )
    digest = hashlib.sha256((BENCHMARKS / f"bench_{name}.py").read_bytes()).hexdigest()
    assert found[0] == digest, (
        f"benchmarks/bench_{name}.py changed after docs/_benchmarks/{name}.md was written: "
        f"run `make bench ARGS={name}` and commit the new table"
    )
