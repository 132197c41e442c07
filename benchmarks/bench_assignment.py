"""Assignment: assign over a chart of 1,000 positions against one sla_status, and
assign_queue over 10,000 interactions against sla_statuses over the same queue.

Targets: one assign over 1,000 positions costs at most 10 sla_status calls on
the clocks benchmark's interaction (business hours); assign_queue over 10,000
interactions and 1,000 positions takes at most 2 s (reported with its ratio to
sla_statuses over the same queue, which it calls to order the queue); the
queue without an SLA shows what the assignments cost alone.

The same assign with the load as a PositionLoads (checked when built, not at
each call) has its own row, with what building one from the plain load and
counting one more interaction in it (``took``) cost.
"""

from __future__ import annotations

import itertools
import os
import platform
import random
from datetime import datetime, time, timedelta

import attrs
from bench_clocks import NEW_YORK, _calendar, _interaction, _interleaved, _sla

from csroles import (
    BusinessCalendar,
    Channel,
    Customer,
    Interaction,
    OrgChart,
    Position,
    PositionLoads,
    assign,
    assign_queue,
    sla_status,
    sla_statuses,
)

POSITIONS = 1_000
MANAGERS = 20
BATCH = 10_000
CHANNELS = (Channel.EMAIL, Channel.CHAT, Channel.PHONE)
LANGUAGES = (("en",), ("en", "es"), ("en", "fr"), ("es",))


def _chart(rng: random.Random, office: BusinessCalendar) -> OrgChart:
    """A director, 19 managers (half on office hours, half around the clock) and 980 representatives."""
    around = BusinessCalendar(
        timezone="America/New_York", hours={day: ((time(0), time(0)),) for day in range(7)}
    )
    managers = [
        Position(
            id=f"mgr-{m}",
            role="customer_service_manager",
            reports_to="dir",
            team=f"team-{m % 4}",
            shift=office if m % 2 else around,
        )
        for m in range(1, MANAGERS)
    ]
    representatives = [
        Position(
            id=f"rep-{n}",
            role="customer_service_representative",
            reports_to=f"mgr-{1 + n % (MANAGERS - 1)}",
            languages=rng.choice(LANGUAGES),
            channel_capacity={Channel.CHAT: rng.choice((2, 3, 4))},
        )
        for n in range(POSITIONS - MANAGERS)
    ]
    positions = [
        Position(id="dir", role="call_center_director", shift=around),
        *managers,
        *representatives,
    ]
    return OrgChart(positions=positions)


def _load(rng: random.Random, chart: OrgChart) -> dict[str, dict[Channel, int]]:
    """Every representative busy: 0-1 calls, 0-3 chats, 0-9 emails."""
    return {
        p.id: {
            Channel.PHONE: rng.randint(0, 1),
            Channel.CHAT: rng.randint(0, 3),
            Channel.EMAIL: rng.randint(0, 9),
        }
        for p in chart
        if p.role == "customer_service_representative"
    }


def main() -> str:
    """Measure and return a markdown table."""
    rng = random.Random(20260504)
    calendar = _calendar()
    now = datetime(2026, 5, 22, 16, 30, tzinfo=NEW_YORK)
    first = now - timedelta(days=18)
    queue = [
        attrs.evolve(
            _interaction(rng, i, first + timedelta(seconds=rng.randint(0, 14 * 86400))),
            channel=CHANNELS[i % 3],
        )
        for i in range(BATCH)
    ]
    chart = _chart(rng, calendar)
    load = _load(rng, chart)
    sla = _sla(calendar)
    customers = {
        f"C-{n}": Customer(id=f"C-{n}", name="Customer", languages=[rng.choice(("en", "es"))])
        for n in range(500)
    }
    sample: list[Interaction] = queue[:1000]
    tickets = itertools.cycle(sample)
    people = itertools.cycle(sample)
    checked = PositionLoads(load)
    single = _interleaved(
        {
            "status": lambda: sla_status(sla, next(tickets), now),
            "assign": lambda: (
                t := next(people),
                assign(t, chart, now=now, load=load, customer=customers[t.customer_id]),
            ),
            "checked": lambda: (
                t := next(people),
                assign(t, chart, now=now, load=checked, customer=customers[t.customer_id]),
            ),
            "took": lambda: checked.took("rep-7", Channel.CHAT),
        },
        number=20,
        rounds=30,
    )
    build = _interleaved({"build": lambda: PositionLoads(load)}, number=1, rounds=15)["build"]
    assert all(
        assign(t, chart, now=now, load=checked, customer=customers[t.customer_id])
        == assign(t, chart, now=now, load=load, customer=customers[t.customer_id])
        for t in sample[:100]
    )
    batch = _interleaved(
        {
            "statuses": lambda: sla_statuses(sla, queue, now),
            "queue": lambda: assign_queue(
                queue, chart, now=now, load=load, customers=customers, sla=sla
            ),
            "no sla": lambda: assign_queue(queue, chart, now=now, load=load, customers=customers),
        },
        number=1,
        rounds=3,
    )
    taken = assign_queue(queue, chart, now=now, load=load, customers=customers, sla=sla)
    assigned = len(taken.assigned)

    def row(*cells: str) -> str:
        return "| " + " | ".join(cells) + " |"

    status, one = single["status"], single["assign"]
    statuses, together = batch["statuses"], batch["queue"]
    lines = [
        row("measure", "time", "ratio", "target"),
        row("---", "---", "---", "---"),
        row("`sla_status`, 10 events, business hours", f"{status * 1e6:.1f} µs", "1.00", ""),
        row(
            f"`assign` over {POSITIONS:,} positions, the load a plain mapping",
            f"{one * 1e6:.1f} µs",
            f"{one / status:.2f} x sla_status",
            "<= 10 x sla_status",
        ),
        row(
            f"`assign` over {POSITIONS:,} positions, the load a `PositionLoads`",
            f"{single['checked'] * 1e6:.1f} µs",
            f"{single['checked'] / status:.2f} x sla_status",
            "<= 10 x sla_status",
        ),
        row(
            f"`PositionLoads(load)`: checking the load of {len(load):,} positions once",
            f"{build * 1e6:.0f} µs",
            f"{build / status:.1f} x sla_status",
            "",
        ),
        row(
            "`PositionLoads.took`: one more interaction counted",
            f"{single['took'] * 1e6:.1f} µs",
            f"{single['took'] / status:.2f} x sla_status",
            "",
        ),
        row(f"`sla_statuses` over {BATCH:,}", f"{statuses:.2f} s", "1.00", ""),
        row(
            f"`assign_queue`, {BATCH:,} interactions, {POSITIONS:,} positions",
            f"{together:.2f} s",
            f"{together / statuses:.2f} x sla_statuses",
            "<= 2 s",
        ),
        row(
            "`assign_queue` without `sla` (no due times: priority, then opening)",
            f"{batch['no sla']:.2f} s",
            f"{batch['no sla'] / statuses:.2f} x sla_statuses",
            "",
        ),
        "",
        (
            f"A director, {MANAGERS - 1} managers and {POSITIONS - MANAGERS} representatives, "
            "every representative with a load on three channels; interactions of the clocks "
            "benchmark (10 events) on email, chat and phone, customers speaking English or "
            f"Spanish; the queue assigns {assigned:,} of {BATCH:,} before the capacities are "
            "full. Best of interleaved rounds; load average "
            f"{os.getloadavg()[0]:.1f} when the run ended. "
            f"Python {platform.python_version()} on {platform.machine()}."
        ),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(main())
