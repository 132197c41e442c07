"""Business time and SLA clocks over columns: csroles.columnar against its scalar peers.

- ``business_time_between`` over 1,000,000 random spans (up to 30 days, 2025
  to 2027) in Europe/Rome with split shifts and holidays, against the
  scalar method in a loop (timed on a sample of the same spans, per span)
  and against ``numpy.busday_count`` on the same spans (whole days only,
  the conversion of the instants to days included: the floor of any
  business-time computation over arrays). The spread of seven runs of each,
  and what single numpy passes over the same million instants cost: one
  ``numpy.searchsorted`` into the calendar's interval starts (the instants
  unsorted, and sorted), one gather, one subtraction; the floor below which
  no computation that looks each instant up in the calendar can go.
- ``sla_table`` over 100,000 and 1,000,000 interactions of 10 events each
  (four valid timelines with replies, a wait on the customer, a priority
  change, a resolution and a reopening, at random times) under a
  three-metric SLA on that calendar, against ``sla_statuses`` on the same
  interactions as entities (timed on a sample of 5,000, per interaction);
  the growth from 100,000 to 1,000,000 interactions; the peak memory that
  tracemalloc sees during ``sla_table`` against the size of the events table
  (its arrays and the objects they hold).

Figures are CPU seconds of the process (time.process_time), the best of a
few runs for the short ones, one run for the long ones.
"""

import datetime as dt
import os
import platform
import sys
import time
import tracemalloc
from collections.abc import Callable
from importlib.metadata import version

import numpy as np

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
    sla_statuses,
)
from csroles.columnar import business_time_between, sla_table
from csroles.columnar._calendar import table as calendar_table
from csroles.sla._engine import _year_of

SPANS = 1_000_000
SAMPLE = 20_000
SIZES = (100_000, 1_000_000)
SCALAR_SAMPLE = 5_000
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
CALENDAR = BusinessCalendar(
    timezone="Europe/Rome",
    hours={d: ((dt.time(9), dt.time(13)), (dt.time(14), dt.time(18))) for d in range(5)},
    holidays={dt.date(2026, 1, 1), dt.date(2026, 4, 6), dt.date(2026, 12, 25)},
    annual_holidays={(8, 15)},
)
SLA_ = SLA(
    name="Desk",
    targets={
        Metric.FIRST_RESPONSE_TIME: dt.timedelta(hours=2),
        Metric.NEXT_RESPONSE_TIME: dt.timedelta(hours=4),
        Metric.RESOLUTION_TIME: dt.timedelta(hours=16),
    },
    calendar=CALENDAR,
    warning_thresholds=(0.75,),
)
_K = EventKind
TIMELINES = (
    (_K.OPENED, _K.AGENT_REPLIED, _K.CUSTOMER_REPLIED, _K.AGENT_REPLIED, _K.WAITING_ON_CUSTOMER,
     _K.CUSTOMER_REPLIED, _K.AGENT_REPLIED, _K.RESOLVED, _K.REOPENED, _K.AGENT_REPLIED),
    (_K.OPENED, _K.PRIORITY_CHANGED, _K.AGENT_REPLIED, _K.CUSTOMER_REPLIED, _K.AGENT_REPLIED,
     _K.CUSTOMER_REPLIED, _K.AGENT_REPLIED, _K.RESOLVED, _K.CLOSED, _K.REOPENED),
    (_K.OPENED, _K.WAITING_ON_CUSTOMER, _K.CUSTOMER_REPLIED, _K.AGENT_REPLIED, _K.CUSTOMER_REPLIED,
     _K.AGENT_REPLIED, _K.WAITING_ON_CUSTOMER, _K.CUSTOMER_REPLIED, _K.AGENT_REPLIED, _K.RESOLVED),
    (_K.OPENED, _K.AGENT_REPLIED, _K.RESOLVED, _K.REOPENED, _K.AGENT_REPLIED, _K.CUSTOMER_REPLIED,
     _K.PRIORITY_CHANGED, _K.AGENT_REPLIED, _K.RESOLVED, _K.CLOSED),
)  # fmt: skip
PRIORITIES = [p.value for p in Priority]


def _best(job: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        began = time.process_time()
        job()
        best = min(best, time.process_time() - began)
    return best


def _runs(job: Callable[[], object], rounds: int = 7) -> list[float]:
    found = []
    for _ in range(rounds):
        began = time.process_time()
        job()
        found.append(time.process_time() - began)
    return sorted(found)


def _spread(runs: list[float]) -> str:
    """Best, median and worst of some runs, in ns per span."""
    best, median, worst = (runs[0], runs[len(runs) // 2], runs[-1])
    return f"{best / SPANS * 1e9:.0f} / {median / SPANS * 1e9:.0f} / {worst / SPANS * 1e9:.0f} ns"


def _floors(starts: np.ndarray, ends: np.ndarray) -> list[str]:
    """Rows: the spread of the columnar method and of busday_count; single numpy passes."""
    a, b = starts.view(np.int64), ends.view(np.int64)
    bounds = calendar_table(CALENDAR, _year_of(int(a.min())), _year_of(int(b.max()))).starts
    days_a, days_b = starts.astype("datetime64[D]"), ends.astype("datetime64[D]")
    ordered = np.sort(a)
    index = np.searchsorted(bounds, a) - 1
    passes = {
        "business_time_between": lambda: business_time_between(CALENDAR, starts, ends),
        "numpy.busday_count (with the conversion to days)": lambda: np.busday_count(
            starts.astype("datetime64[D]"), ends.astype("datetime64[D]")
        ),
        "numpy.busday_count (days given)": lambda: np.busday_count(days_a, days_b),
        f"one np.searchsorted into the {len(bounds):,} interval starts, instants unsorted": (
            lambda: np.searchsorted(bounds, a)
        ),
        "the same, instants sorted": lambda: np.searchsorted(bounds, ordered),
        f"one gather (np.take of {SPANS:,} positions)": lambda: bounds.take(index),
        "one subtraction (b - a)": lambda: b - a,
    }
    rows = []
    for name, job in passes.items():
        runs = _runs(job)
        rows.append(
            f"| {name}: best / median / worst of {len(runs)} runs | {_spread(runs)} a span | | | |"
        )
    return rows


def _spans() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20260101)
    origin = np.datetime64("2025-01-01", "us")
    starts = origin + rng.integers(0, 3 * 365 * 86_400 * 10**6, SPANS).astype("timedelta64[us]")
    ends = starts + rng.integers(0, 30 * 86_400 * 10**6, SPANS).astype("timedelta64[us]")
    return starts, ends


def _aware(values: np.ndarray) -> list[dt.datetime]:
    return [EPOCH + dt.timedelta(microseconds=int(v)) for v in values.view(np.int64)]


def _events(count: int) -> dict[str, np.ndarray]:
    """``count`` interactions of 10 events each, as an events table."""
    rng = np.random.default_rng(count)
    pattern = rng.integers(0, len(TIMELINES), count)
    kinds = np.array([[k.value for k in t] for t in TIMELINES])[pattern].ravel()  # fixed-width str
    opened = np.datetime64("2026-01-05", "us").view(np.int64) + rng.integers(
        0, 300 * 86_400 * 10**6, count
    )
    gaps = rng.integers(60 * 10**6, 10 * 3600 * 10**6, (count, 10))
    gaps[:, 0] = 0
    at = (opened[:, None] + np.cumsum(gaps, axis=1)).ravel().view("datetime64[us]")
    priority = np.full(count * 10, None, dtype=object)
    start = rng.integers(0, 2, count)  # low or normal at opening
    priority[::10] = np.array(PRIORITIES, dtype=object)[start]
    changed = np.flatnonzero(kinds == "priority_changed")
    priority[changed] = "urgent"
    ids = np.array([f"T-{k:07d}" for k in range(count)], dtype=object)
    return {
        "interaction_id": np.repeat(ids, 10),
        "kind": kinds,
        "at": at,
        "priority": priority,
    }


def _entities(events: dict[str, np.ndarray], count: int) -> list[Interaction]:
    found = []
    at = _aware(events["at"][: count * 10])
    for k in range(count):
        rows = range(10 * k, 10 * k + 10)
        found.append(
            Interaction(
                id=events["interaction_id"][10 * k],
                customer_id="C-1",
                channel=Channel.EMAIL,
                direction=Direction.INBOUND,
                topic=Topic.BILLING,
                priority=Priority(events["priority"][10 * k]),
                events=[
                    Event(
                        kind=EventKind(events["kind"][r]),
                        at=at[r],
                        priority=Priority.URGENT
                        if events["kind"][r] == "priority_changed"
                        else None,
                    )
                    for r in rows
                ],
            )
        )
    return found


def _table_bytes(events: dict[str, np.ndarray]) -> int:
    """The arrays' bytes and the distinct objects they hold."""
    total = 0
    for column in events.values():
        total += column.nbytes
        if column.dtype.kind == "O":
            total += sum(sys.getsizeof(x) for x in {id(x): x for x in column.tolist()}.values())
    return total


def main() -> str:
    """Measure and return a markdown table."""
    starts, ends = _spans()
    business_time_between(CALENDAR, starts[:10], ends[:10])  # build the years once
    columnar = _best(lambda: business_time_between(CALENDAR, starts, ends))
    busday = _best(
        lambda: np.busday_count(starts.astype("datetime64[D]"), ends.astype("datetime64[D]"))
    )
    pairs = list(zip(_aware(starts[:SAMPLE]), _aware(ends[:SAMPLE]), strict=True))
    between = CALENDAR.business_time_between
    scalar = _best(lambda: [between(a, b) for a, b in pairs], rounds=2) / SAMPLE
    check = business_time_between(CALENDAR, starts[:SAMPLE], ends[:SAMPLE])
    assert check.tolist() == [between(a, b) for a, b in pairs]

    rows = [
        "| measure | csroles.columnar | peer | ratio | target |",
        "|---|---|---|---|---|",
        (
            f"| business_time_between, {SPANS:,} spans | {columnar:.3f} s | scalar method in a loop: "
            f"{scalar * SPANS:.1f} s ({scalar * 1e6:.2f} µs a span, on {SAMPLE:,}) | "
            f"{scalar * SPANS / columnar:,.0f}x faster | at least 300x |"
        ),
        (
            f"| business_time_between, {SPANS:,} spans | {columnar:.3f} s | numpy.busday_count: "
            f"{busday:.3f} s | {columnar / busday:.1f}x its time | at most 3x |"
        ),
    ]
    rows += _floors(starts, ends)
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    timings = {}
    for count in SIZES:
        events = _events(count)
        sla_table(SLA_, {k: v[:100] for k, v in events.items()}, now)  # the calendar's years
        began = time.process_time()
        table = sla_table(SLA_, events, now)
        timings[count] = time.process_time() - began
        sample = _entities(events, SCALAR_SAMPLE)
        began = time.process_time()
        statuses = sla_statuses(SLA_, sample, now)
        scalar_each = (time.process_time() - began) / SCALAR_SAMPLE
        clocks = sum(len(s) for s in statuses)
        assert table["elapsed"][:clocks].tolist() == [c.elapsed for s in statuses for c in s]
        rows.append(
            f"| sla_table, {count:,} interactions x 10 events | {timings[count]:.2f} s "
            f"({timings[count] / count * 1e6:.2f} µs an interaction) | sla_statuses: "
            f"{scalar_each * 1e6:.1f} µs an interaction (on {SCALAR_SAMPLE:,}) | "
            f"{scalar_each * count / timings[count]:.0f}x faster | at least 50x |"
        )
        if count == SIZES[-1]:
            size = _table_bytes(events)
            tracemalloc.start()
            sla_table(SLA_, events, now)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            rows.append(
                f"| peak memory of sla_table, {count:,} interactions | {peak / 2**20:,.0f} MiB | "
                f"the events table: {size / 2**20:,.0f} MiB | {peak / size:.2f}x | at most 3x |"
            )
        del events, table
    small, large = SIZES
    rows.append(
        f"| growth of sla_table, {small:,} to {large:,} interactions | "
        f"{timings[large] / timings[small]:.1f}x | (10x the rows) | | at most 11x |"
    )
    rows.append(
        f"\nPython {platform.python_version()}, numpy {version('numpy')}, "
        f"{platform.machine()}, {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} "
        "when the run ended."
    )
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(main())
