"""SLA clocks: sla_status against one add_business_time, and the batch form against a loop.

Targets (issue 6): one sla_status of a 10-event interaction costs at most 10
add_business_time calls on the same calendar; sla_statuses over 10,000
interactions is at least 3x faster per interaction than sla_status in a loop.
"""

from __future__ import annotations

import gc
import platform
import random
import time as clock
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from csroles import (
    SLA,
    BusinessCalendar,
    Channel,
    Direction,
    Event,
    EventKind,
    Interaction,
    Metric,
    Priority,
    Topic,
    sla_status,
    sla_statuses,
)

K = EventKind
NEW_YORK = ZoneInfo("America/New_York")
HOLIDAYS = [
    date(2026, 1, 1),
    date(2026, 1, 19),
    date(2026, 2, 16),
    date(2026, 5, 25),
    date(2026, 6, 19),
    date(2026, 7, 3),
    date(2026, 9, 7),
    date(2026, 11, 26),
    date(2026, 11, 27),
    date(2026, 12, 25),
]
BATCH = 10_000


def _calendar() -> BusinessCalendar:
    return BusinessCalendar(
        timezone="America/New_York",
        hours={day: ((time(9), time(17)),) for day in range(5)},
        holidays=HOLIDAYS,
    )


def _sla(calendar: BusinessCalendar | None) -> SLA:
    hour = timedelta(hours=1)
    return SLA(
        name="Business hours",
        calendar=calendar,
        targets={
            Metric.FIRST_RESPONSE_TIME: {
                Priority.LOW: 8 * hour,
                Priority.NORMAL: 4 * hour,
                Priority.HIGH: 2 * hour,
                Priority.URGENT: hour,
            },
            Metric.NEXT_RESPONSE_TIME: 4 * hour,
            Metric.RESOLUTION_TIME: {
                Priority.LOW: 40 * hour,
                Priority.NORMAL: 24 * hour,
                Priority.HIGH: 16 * hour,
                Priority.URGENT: 8 * hour,
            },
        },
    )


# A realistic 10-event timeline: opening, assignment, replies, a wait on the
# customer, a priority change; still open at `now`, so every clock is live.
_SCRIPT = (
    (K.ASSIGNED, {"assignee": "agent-1"}),
    (K.AGENT_REPLIED, {}),
    (K.CUSTOMER_REPLIED, {}),
    (K.AGENT_REPLIED, {}),
    (K.WAITING_ON_CUSTOMER, {}),
    (K.CUSTOMER_REPLIED, {}),
    (K.PRIORITY_CHANGED, {"priority": Priority.HIGH}),
    (K.AGENT_REPLIED, {}),
    (K.CUSTOMER_REPLIED, {}),
)


def _interaction(rng: random.Random, index: int, opened: datetime) -> Interaction:
    events = [Event(kind=K.OPENED, at=opened)]
    at = opened
    for kind, data in _SCRIPT:
        at += timedelta(minutes=rng.randint(1, 180), seconds=rng.randint(0, 59))
        events.append(Event(kind=kind, at=at, **data))  # type: ignore[arg-type]
    return Interaction(
        id=f"T-{index}",
        customer_id=f"C-{index % 500}",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.TECHNICAL_PROBLEM,
        priority=Priority.NORMAL,
        events=events,
    )


def _best(run: Callable[[], object], number: int, repeat: int = 7) -> float:
    """The best time per call, in seconds, over ``repeat`` rounds of ``number`` calls."""
    best = float("inf")
    gc.collect()
    for _ in range(repeat):
        start = clock.perf_counter()
        for _ in range(number):
            run()
        best = min(best, (clock.perf_counter() - start) / number)
    return best


def main() -> str:
    """Measure and return a markdown table."""
    rng = random.Random(20260504)
    calendar = _calendar()
    now = datetime(2026, 5, 22, 16, 30, tzinfo=NEW_YORK)
    first = now - timedelta(days=18)
    interactions = [
        _interaction(rng, i, first + timedelta(seconds=rng.randint(0, 14 * 86400)))
        for i in range(BATCH)
    ]
    starts = [first + timedelta(seconds=rng.randint(0, 30 * 86400)) for _ in range(1000)]
    eight_hours = timedelta(hours=8)

    adds = iter(starts * 1000)
    add = _best(lambda: calendar.add_business_time(next(adds), eight_hours), 1000)

    rows = []
    for label, sla in (("business hours", _sla(calendar)), ("calendar hours", _sla(None))):
        ticket = interactions[0]
        single = _best(lambda sla=sla, ticket=ticket: sla_status(sla, ticket, now), 1000)
        loop = _best(lambda sla=sla: [sla_status(sla, t, now) for t in interactions], 1, repeat=3)
        batch = _best(lambda sla=sla: sla_statuses(sla, interactions, now), 1, repeat=3)
        rows.append((label, single, loop / BATCH, batch / BATCH))

    business = rows[0]
    lines = [
        "| measure | time per call (µs) | ratio | target |",
        "|---|---|---|---|",
        f"| `add_business_time(start, 8 h)` | {add * 1e6:.2f} | 1.00 | |",
    ]
    for label, single, loop, batch in rows:
        ratio_single = f"{single / add:.2f}" if label == "business hours" else "-"
        lines.append(
            f"| `sla_status`, 10 events, {label} | {single * 1e6:.2f} | {ratio_single} "
            f"| {'<= 10 (x add)' if label == 'business hours' else ''} |"
        )
        lines.append(
            f"| loop of `sla_status` over {BATCH:,}, {label}, per interaction | "
            f"{loop * 1e6:.2f} | 1.00 | |"
        )
        lines.append(
            f"| `sla_statuses` over {BATCH:,}, {label}, per interaction | {batch * 1e6:.2f} "
            f"| {loop / batch:.2f}x faster | {'>= 3x' if label == 'business hours' else ''} |"
        )
    lines.append("")
    lines.append(
        f"Mon-Fri 09:00-17:00 America/New_York with ten holidays; interactions opened over two "
        f"weeks, each with 10 events; best of several rounds. "
        f"`sla_status` / `add_business_time`: {business[1] / add:.2f}; "
        f"batch speed-up: {business[2] / business[3]:.2f}x. "
        f"Python {platform.python_version()} on {platform.machine()}."
    )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(main())
