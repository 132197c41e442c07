"""Metrics: every metric of a large interaction set, grouped by position, in one pass.

- ``group_metrics(..., by_position)`` over N interactions (response and
  resolution time statistics, CSAT, NPS, effort score, first-contact
  resolution), in calendar time, against a pandas ``groupby`` that computes
  the same figures from the same interactions (flattening them to a frame
  included, as a caller would have to);
- the same in business time (a Monday-Friday 09:00-17:00 calendar), and
  the business time of each response and resolution alone through
  ``BusinessCalendar.business_time_between`` against businesstimedelta on
  the same spans (on a sample: it is slow);
- everything at once (business time, SLA compliance from the clocks) against
  the cost of the SLA clocks of the same interactions with the batch form
  ``sla_statuses`` alone (target: at most 1.5x).

The interactions are generated from a fixed seed: 40 positions, 1 to 8
events each, a CSAT, NPS or effort answer on a third of them.
"""

from __future__ import annotations

import platform
import random
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from time import perf_counter
from typing import Any

import businesstimedelta
import pandas as pd

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
    SurveyScale,
    Topic,
    by_position,
    group_metrics,
    sla_statuses,
)

N = 100_000
ROUNDS = 3
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SCALES = (SurveyScale.CSAT, SurveyScale.NPS, SurveyScale.CUSTOMER_EFFORT_SCORE)


def make_interactions(n: int, seed: int = 9) -> list[Interaction]:
    """``n`` realistic interactions: assigned, replied, often resolved, sometimes moved."""
    rng = random.Random(seed)
    positions = [f"rep-{k}" for k in range(40)]
    channels = list(Channel)
    result = []
    for i in range(n):
        opened = T0 + timedelta(minutes=rng.randrange(0, 60 * 24 * 60))
        at = opened
        agent = rng.choice(positions)
        events = [
            Event(kind=EventKind.OPENED, at=opened),
            Event(kind=EventKind.ASSIGNED, at=opened, assignee=agent),
        ]
        at += timedelta(seconds=rng.randrange(30, 8 * 3600))
        events.append(Event(kind=EventKind.AGENT_REPLIED, at=at))
        roll = rng.random()
        if roll < 0.15:
            at += timedelta(minutes=rng.randrange(1, 600))
            other = rng.choice([p for p in positions[:5] if p != agent])
            events.append(Event(kind=EventKind.ESCALATED, at=at, assignee=other))
        if roll < 0.85:
            at += timedelta(minutes=rng.randrange(1, 3000))
            events.append(Event(kind=EventKind.RESOLVED, at=at))
            if rng.random() < 0.35:
                scale = rng.choice(SCALES)
                low, high = scale.bounds
                at += timedelta(hours=1)
                events.append(
                    Event(
                        kind=EventKind.SURVEY_ANSWERED,
                        at=at,
                        scale=scale,
                        score=rng.randint(low, high),
                    )
                )
        result.append(
            Interaction(
                id=f"I-{i}",
                customer_id=f"C-{i % 5000}",
                channel=rng.choice(channels),
                direction=Direction.INBOUND,
                topic=Topic.ORDER,
                priority=Priority.NORMAL,
                events=events,
            )
        )
    return result


def pandas_metrics(interactions: list[Interaction]) -> pd.DataFrame:
    """The same per-position figures with pandas (a peer a caller might use)."""
    rows = []
    for i in interactions:
        resolved = i.resolved_at or i.closed_at
        moved = i.reopen_count > 0 or any(
            e.kind is EventKind.ESCALATED or e.kind is EventKind.TRANSFERRED for e in i.events
        )
        csat = nps = ces = None
        for e in i.events:
            if e.kind is EventKind.SURVEY_ANSWERED:
                if e.scale is SurveyScale.CSAT:
                    csat = e.score
                elif e.scale is SurveyScale.NPS:
                    nps = e.score
                else:
                    ces = e.score
        rows.append(
            (
                i.assignee,
                None if i.first_reply_at is None else (i.first_reply_at - i.opened_at),
                None if resolved is None else (resolved - i.opened_at),
                resolved is not None and not moved,
                resolved is not None,
                csat,
                nps,
                ces,
            )
        )
    frame = pd.DataFrame(
        rows,
        columns=["position", "first", "resolution", "fcr", "resolved", "csat", "nps", "ces"],
    )
    frame["satisfied"] = frame["csat"] >= 4
    frame["promoter"] = frame["nps"] >= 9
    frame["detractor"] = frame["nps"] <= 6
    grouped = frame.groupby("position")
    return pd.concat(
        [
            grouped["first"].agg(["count", "mean", "median"]),
            grouped["first"].quantile([0.9, 0.95]).unstack(),
            grouped["resolution"].agg(["count", "mean", "median"]).add_prefix("r_"),
            grouped["resolution"].quantile([0.9, 0.95]).unstack().add_prefix("r_"),
            grouped[["fcr", "resolved", "satisfied", "promoter", "detractor"]].sum(),
            grouped[["csat", "nps", "ces"]].count(),
            grouped["ces"].mean().rename("ces_mean"),
        ],
        axis=1,
    )


CALENDAR = BusinessCalendar(timezone="UTC", hours=dict.fromkeys(range(5), ((time(9), time(17)),)))
BTD_RULES = businesstimedelta.Rules(
    [
        businesstimedelta.WorkDayRule(
            start_time=time(9), end_time=time(17), working_days=[0, 1, 2, 3, 4]
        )
    ]
)
SAMPLE = 5_000
STANDARD = SLA(
    name="Standard",
    targets={
        Metric.FIRST_RESPONSE_TIME: timedelta(hours=4),
        Metric.NEXT_RESPONSE_TIME: timedelta(hours=4),
        Metric.RESOLUTION_TIME: timedelta(hours=16),
    },
    calendar=CALENDAR,
)
NOW = T0 + timedelta(days=70)


def spans(interactions: list[Interaction]) -> list[tuple[datetime, datetime]]:
    """The (opening, reply) and (opening, resolution) spans that metrics measure."""
    found = []
    for i in interactions:
        if i.first_reply_at is not None:
            found.append((i.opened_at, i.first_reply_at))
        resolved = i.resolved_at or i.closed_at
        if resolved is not None:
            found.append((i.opened_at, resolved))
    return found


def best_of(function: Callable[[], Any], rounds: int = ROUNDS) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = perf_counter()
        function()
        best = min(best, perf_counter() - started)
    return best


def main() -> str:
    interactions = make_interactions(N)
    ours = group_metrics(interactions, by_position)
    theirs = pandas_metrics(interactions)
    # the two agree on what they both compute
    for position, metrics in ours.items():
        row = theirs.loc[position]
        assert metrics.first_response.count == row["count"]
        assert metrics.first_response.median == row["median"]
        assert metrics.first_contact_resolution.part == row["fcr"]
        assert metrics.csat.part == row["satisfied"]
    results: list[tuple[str, float]] = [
        (
            "`group_metrics(..., by_position)`, calendar time",
            best_of(lambda: group_metrics(interactions, by_position)),
        ),
        (
            "pandas: flatten + `groupby` of the same figures",
            best_of(lambda: pandas_metrics(interactions)),
        ),
    ]
    assert CALENDAR.business_time_between(T0, T0 + timedelta(days=7)) == timedelta(hours=40)
    every_span = spans(interactions)
    sample = every_span[:SAMPLE]
    naive = [(a.replace(tzinfo=None), b.replace(tzinfo=None)) for a, b in sample]
    for (a, b), (na, nb) in zip(sample[:200], naive[:200], strict=True):
        assert CALENDAR.business_time_between(a, b) == BTD_RULES.difference(na, nb).timedelta
    between = CALENDAR.business_time_between
    ours_per_span = best_of(lambda: [between(a, b) for a, b in sample]) / len(sample)
    theirs_per_span = best_of(lambda: [BTD_RULES.difference(a, b) for a, b in naive], 1) / len(
        sample
    )
    results += [
        (
            "`group_metrics(..., by_position, calendar=...)`, business time",
            best_of(lambda: group_metrics(interactions, by_position, calendar=CALENDAR)),
        ),
        (
            f"`business_time_between` alone, for the {len(every_span):,} spans",
            ours_per_span * len(every_span),
        ),
        (
            f"businesstimedelta `Rules.difference` for the same spans (timed on {SAMPLE:,})",
            theirs_per_span * len(every_span),
        ),
    ]
    clocks_alone = best_of(lambda: sla_statuses(STANDARD, interactions, NOW))
    everything = best_of(
        lambda: group_metrics(interactions, by_position, calendar=CALENDAR, sla=STANDARD, now=NOW)
    )
    results += [
        ("`sla_statuses` alone: the SLA clocks of every interaction", clocks_alone),
        (
            "`group_metrics(..., by_position, calendar=..., sla=..., now=...)`: every metric",
            everything,
        ),
    ]
    base = results[0][1]
    lines = [
        (
            f"{N:,} interactions, 40 positions; best of {ROUNDS} rounds; "
            f"Python {platform.python_version()}, pandas {pd.__version__}."
        ),
        "",
        "| what | seconds | ratio to `group_metrics` |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {seconds:.3f} | {seconds / base:.2f}x |" for name, seconds in results]
    lines += [
        "",
        (
            f"Every metric, SLA compliance and business time included, against the SLA clocks "
            f"alone: **{everything / clocks_alone:.2f}x** (target: at most 1.5x)."
        ),
    ]
    return "\n".join(lines) + "\n"
