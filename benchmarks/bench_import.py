"""`import csroles` against `import attrs, cattrs, pendulum`, in fresh interpreters.

Also the first title a program resolves: `default_catalog()` and its first
`role_for_title` in a fresh interpreter, against `import csroles` in the same
interpreter (target: at most 0.25 of it).
"""

import compileall
import os
import platform
import subprocess
import sys
from pathlib import Path

import csroles

RUNS = 15
CODE = "import time; t = time.perf_counter(); import {modules}; print(time.perf_counter() - t)"


# Measure as an installed package runs: with bytecode caches. An environment
# that sets PYTHONDONTWRITEBYTECODE would otherwise compile csroles' sources on
# every import while the dependencies' caches were written when pip installed
# them.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _import_seconds(modules: str) -> float:
    best = float("inf")
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", CODE.format(modules=modules)],
            check=True,
            capture_output=True,
            text=True,
            env=ENV,
        ).stdout
        best = min(best, float(out))
    return best


FIRST_TITLE = (
    "import time; t = time.perf_counter(); import csroles; i = time.perf_counter() - t; "
    "t = time.perf_counter(); csroles.default_catalog().role_for_title({title!r}); "
    "print(i, time.perf_counter() - t)"
)
TITLES = ("Senior Customer Care Agent", "Менеджер по развитию клиентов")


def _first_title(title: str) -> tuple[float, float, float]:
    """Best import, best first title, and the best ratio of the two in one interpreter."""
    imports, firsts, ratios = [], [], []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_TITLE.format(title=title)],
            check=True,
            capture_output=True,
            text=True,
            env=ENV,
        ).stdout.split()
        imported, first = float(out[0]), float(out[1])
        imports.append(imported)
        firsts.append(first)
        ratios.append(first / imported)
    return min(imports), min(firsts), min(ratios)


def main() -> str:
    """Measure and return a markdown table."""
    compileall.compile_dir(Path(csroles.__file__).parent, quiet=1)
    deps = _import_seconds("attrs, cattrs, pendulum")
    ours = _import_seconds("csroles")
    ratio = ours / deps
    return (
        f"| import | best of {RUNS} (ms) | ratio |\n"
        "|---|---|---|\n"
        f"| `attrs, cattrs, pendulum` | {deps * 1e3:.1f} | 1.00 |\n"
        f"| `csroles` | {ours * 1e3:.1f} | {ratio:.2f} (target <= 1.30) |\n"
        "\n| fresh interpreter, best of "
        f"{RUNS} | `import csroles` (ms) | first `default_catalog()` and "
        "`role_for_title` (ms) | ratio | target |\n"
        "|---|---|---|---|---|\n"
        + "".join(_first_row(title) for title in TITLES)
        + f"\nPython {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"with bytecode caches; load average {os.getloadavg()[0]:.1f} when the run ended.\n"
    )


def _first_row(title: str) -> str:
    imported, first, ratio = _first_title(title)
    verdict = "met" if ratio <= 0.25 else "MISSED"
    return (
        f"| {title} | {imported * 1e3:.1f} | {first * 1e3:.1f} | {ratio:.2f} | "
        f"<= 0.25: {verdict} |\n"
    )
