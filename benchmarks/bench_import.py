"""`import csroles` against `import attrs, cattrs, pendulum`, in fresh interpreters."""

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
        f"\nPython {platform.python_version()} on {platform.machine()}, with bytecode caches.\n"
    )
