"""Routing, authority checks and the first build of the built-in catalog.

Baseline: constructing one frozen `Interaction` (three pre-built events:
opened, assigned, agent_replied), the cost a help desk pays anyway for every
contact. Targets (issue 5): routing <= 3x, an authority check <= 1x, and the
first `default_catalog()` under a tenth of `import csroles`, both measured in
fresh interpreters.
"""

import json
import os
import platform
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from csroles import (
    Channel,
    Direction,
    EventKind,
    Interaction,
    Priority,
    Request,
    Topic,
    default_catalog,
    may_decide,
    route,
)
from csroles.interactions import Event
from csroles.routing import _rank

NUMBER = 1_000
REPEAT = 15
FRESH_RUNS = 15
OPENED = datetime(2026, 5, 4, 9, tzinfo=UTC)
EVENTS = (
    Event(kind=EventKind.OPENED, at=OPENED, by="C-1"),
    Event(kind=EventKind.ASSIGNED, at=OPENED + timedelta(minutes=1), assignee="agent-7"),
    Event(kind=EventKind.AGENT_REPLIED, at=OPENED + timedelta(minutes=9), by="agent-7"),
)


def build() -> Interaction:
    return Interaction(
        id="T-1001",
        customer_id="C-1",
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        topic=Topic.TECHNICAL_PROBLEM,
        priority=Priority.HIGH,
        events=EVENTS,
    )


def _best(statements: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Seconds per call of each statement: the best of REPEAT rounds of NUMBER calls.

    The rounds interleave the statements, so that a change of load on the
    machine touches them all alike and the ratios stay fair.
    """
    best = dict.fromkeys(statements, float("inf"))
    for _ in range(REPEAT):
        for name, statement in statements.items():
            seconds = timeit.timeit(statement, number=NUMBER) / NUMBER
            best[name] = min(best[name], seconds)
    return best


FRESH = (
    "import time\n"
    "t0 = time.perf_counter()\n"
    "import csroles\n"
    "t1 = time.perf_counter()\n"
    "csroles.default_catalog()\n"
    "t2 = time.perf_counter()\n"
    "print(t1 - t0, t2 - t1)\n"
)


def _fresh(*, bytecode: bool) -> tuple[float, float]:
    """The best import time and the best first-build time, each in fresh interpreters.

    With ``bytecode``, the interpreters keep compiled modules in a temporary
    cache, as an installed package does; without, they run as this environment
    is set up (``PYTHONDONTWRITEBYTECODE`` compiles csroles' sources every time).
    Either way the cache is a new, empty directory, so ``__pycache__``
    folders that other runs left in the sources are not read.
    """
    imports, builds = [], []
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        for _ in range(FRESH_RUNS):
            out = subprocess.run(
                [sys.executable, "-c", FRESH], check=True, capture_output=True, text=True, env=env
            ).stdout.split()
            imports.append(float(out[0]))
            builds.append(float(out[1]))
    return min(imports), min(builds)


SEEDS = range(6)
ROWS = [
    ("baseline", "build one frozen `Interaction` (3 events), the baseline", ""),
    ("routed", "`route(interaction)`, default catalog", "<= 3"),
    ("uncached", "ranking without the catalog's cache (first call per key)", "(reference)"),
    ("money", "`may_decide(key, refund of 40 EUR)`", "<= 1"),
    ("money_role", "`may_decide(role, refund of 40 EUR)`", "<= 1"),
    ("policy", "`may_decide(key, policy exception)`", "<= 1"),
]


def measure() -> dict[str, float]:
    """Seconds per call of each operation, in this interpreter."""
    catalog = default_catalog()
    interaction = build()
    refund = Request.refund(Decimal("40.00"), "EUR")
    exception = Request.policy_exception()
    csr = catalog.get("customer_service_representative")
    return _best(
        {
            "baseline": build,
            "routed": lambda: route(interaction),
            "uncached": lambda: _rank(
                catalog,
                channel=interaction.channel,
                direction=interaction.direction,
                topic=interaction.topic,
                priority=interaction.current_priority,
                needed=frozenset(),
            ),
            "money": lambda: may_decide("customer_service_representative", refund),
            "money_role": lambda: may_decide(csr, refund),
            "policy": lambda: may_decide("customer_service_representative", exception),
        }
    )


def _by_seed() -> list[dict[str, float]]:
    """:func:`measure` in a fresh interpreter for each hash seed.

    String and enum hashes depend on the seed, and so does the cost of the
    baseline (it is bimodal across seeds), so one seed could flatter a ratio.
    """
    here = Path(__file__).parent
    code = "import json, bench_catalog; print(json.dumps(bench_catalog.measure()))"
    results = []
    for seed in SEEDS:
        out = subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            text=True,
            cwd=here,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        results.append(json.loads(out))
    return results


def main() -> str:
    """Measure and return a markdown table."""
    runs = _by_seed()
    fresh = {"with bytecode caches": _fresh(bytecode=True)}
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        fresh["compiling the sources (as this environment runs)"] = _fresh(bytecode=False)
    lines = [
        (
            "| operation | µs per call (fastest seed) | ratio to building an Interaction "
            "(best seed / worst seed) | target |"
        ),
        "|---|---|---|---|",
    ]
    for key, name, target in ROWS:
        fastest = min(run[key] for run in runs)
        ratios = [run[key] / run["baseline"] for run in runs]
        lines.append(
            f"| {name} | {fastest * 1e6:.2f} | {min(ratios):.2f} / {max(ratios):.2f} | {target} |"
        )
    lines += [
        "",
        (
            f"| fresh interpreters, best of {FRESH_RUNS} | `import csroles` (ms) "
            "| first `default_catalog()` (ms) | ratio | target |"
        ),
        "|---|---|---|---|---|",
        *(
            f"| {how} | {imported * 1e3:.1f} | {built * 1e3:.2f} | {built / imported:.3f} | < 0.1 |"
            for how, (imported, built) in fresh.items()
        ),
        "",
        (
            f"Each operation: best of {REPEAT} interleaved rounds of {NUMBER:,} calls, in "
            f"{len(SEEDS)} fresh interpreters (PYTHONHASHSEED {SEEDS.start} to "
            f"{SEEDS.stop - 1}); Python {platform.python_version()} on {platform.machine()}, "
            f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} when the run ended."
        ),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
