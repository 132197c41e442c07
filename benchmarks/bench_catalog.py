"""Routing, authority checks and the first build of the built-in catalog.

Baseline: constructing one frozen `Interaction` (three pre-built events:
opened, assigned, agent_replied), the cost a help desk pays anyway for every
contact. Targets (issue 5): routing <= 3x, an authority check <= 1x, and the
first `default_catalog()` under a tenth of `import csroles`, both measured in
fresh interpreters.
"""

import platform
import subprocess
import sys
import timeit
from datetime import UTC, datetime, timedelta
from decimal import Decimal

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

NUMBER = 2_000
REPEAT = 7
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


def _best(statement: object) -> float:
    """Seconds per call: the best of REPEAT rounds of NUMBER calls."""
    return min(timeit.repeat(statement, number=NUMBER, repeat=REPEAT)) / NUMBER  # type: ignore[call-overload]


FRESH = (
    "import time\n"
    "t0 = time.perf_counter()\n"
    "import csroles\n"
    "t1 = time.perf_counter()\n"
    "csroles.default_catalog()\n"
    "t2 = time.perf_counter()\n"
    "print(t1 - t0, t2 - t1)\n"
)


def _fresh() -> tuple[float, float]:
    """The best import time and the best first-build time, each in fresh interpreters."""
    imports, builds = [], []
    for _ in range(FRESH_RUNS):
        out = subprocess.run(
            [sys.executable, "-c", FRESH], check=True, capture_output=True, text=True
        ).stdout.split()
        imports.append(float(out[0]))
        builds.append(float(out[1]))
    return min(imports), min(builds)


def main() -> str:
    """Measure and return a markdown table."""
    catalog = default_catalog()
    interaction = build()
    refund = Request.refund(Decimal("40.00"), "EUR")
    exception = Request.policy_exception()
    csr = catalog.get("customer_service_representative")

    baseline = _best(build)
    routed = _best(lambda: route(interaction))
    uncached = _best(
        lambda: _rank(
            catalog,
            channel=interaction.channel,
            direction=interaction.direction,
            topic=interaction.topic,
            priority=interaction.current_priority,
        )
    )
    money = _best(lambda: may_decide("customer_service_representative", refund))
    money_role = _best(lambda: may_decide(csr, refund))
    policy = _best(lambda: may_decide("customer_service_representative", exception))
    imported, first_build = _fresh()

    def row(name: str, seconds: float, target: str) -> str:
        return f"| {name} | {seconds * 1e6:.2f} | {seconds / baseline:.2f} | {target} |"

    lines = [
        "| operation | µs per call | ratio to building an Interaction | target |",
        "|---|---|---|---|",
        row("build one frozen `Interaction` (3 events), the baseline", baseline, ""),
        row("`route(interaction)`, default catalog", routed, "<= 3"),
        row("ranking without the catalog's cache (first call per key)", uncached, "(reference)"),
        row("`may_decide(key, refund of 40 EUR)`", money, "<= 1"),
        row("`may_decide(role, refund of 40 EUR)`", money_role, "<= 1"),
        row("`may_decide(key, policy exception)`", policy, "<= 1"),
        "",
        f"| fresh interpreter, best of {FRESH_RUNS} | ms | ratio to `import csroles` | target |",
        "|---|---|---|---|",
        f"| `import csroles` | {imported * 1e3:.1f} | 1.00 | |",
        (
            f"| first `default_catalog()` | {first_build * 1e3:.2f} | "
            f"{first_build / imported:.3f} | < 0.1 |"
        ),
        "",
        (
            f"Best of {REPEAT} rounds of {NUMBER:,} calls each; Python "
            f"{platform.python_version()} on {platform.machine()}."
        ),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
