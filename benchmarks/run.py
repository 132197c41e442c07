"""Run every benchmark and write its results to docs/_benchmarks/<name>.md."""

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).parent
RESULTS = HERE.parent / "docs" / "_benchmarks"


def main(selected: list[str]) -> None:
    """Run the benchmarks named on the command line, or all of them."""
    sys.path.insert(0, str(HERE))
    names = selected or sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    RESULTS.mkdir(exist_ok=True)
    for name in names:
        print(f"# {name}")
        module = importlib.import_module(f"bench_{name}")
        table: str = module.main()
        print(table)
        (RESULTS / f"{name}.md").write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
