"""sla_table on a distributed engine: per partition, the same rows as in one process.

Dask runs on a LocalCluster of two worker processes: the SLA (with its
calendar) and the events travel to the workers by pickle. Spark runs where
pyspark and a Java runtime are installed, and is skipped otherwise.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

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
    PriorityChangePolicy,
    Topic,
)
from csroles.columnar import STATUS_COLUMNS, sla_table, to_events_table

pandas = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2026, 3, 27, 8, tzinfo=UTC)  # the weekend Europe moves its clocks
NOW = T0 + timedelta(days=8)
DESK = BusinessCalendar(
    timezone="Europe/Rome",
    hours={d: ((time(9), time(13)), (time(14), time(18))) for d in range(5)},
    holidays={datetime(2026, 4, 1).date()},
)
SLA_ = SLA(
    name="Desk",
    targets={
        Metric.FIRST_RESPONSE_TIME: timedelta(hours=2),
        Metric.NEXT_RESPONSE_TIME: timedelta(hours=4),
        Metric.RESOLUTION_TIME: {
            p: timedelta(hours=6 if p is Priority.URGENT else 24) for p in Priority
        },
    },
    calendar=DESK,
    warning_thresholds=(0.5, 0.8),
    on_priority_change=PriorityChangePolicy.FROM_CHANGE,
)
STORY = [
    EventKind.AGENT_REPLIED,
    EventKind.CUSTOMER_REPLIED,
    EventKind.WAITING_ON_CUSTOMER,
    EventKind.CUSTOMER_REPLIED,
    EventKind.AGENT_REPLIED,
    EventKind.RESOLVED,
    EventKind.REOPENED,
    EventKind.AGENT_REPLIED,
    EventKind.RESOLVED,
]


def interactions(count: int) -> list[Interaction]:
    """Timelines of one to ten events, some with a priority change, spread over a week."""
    found = []
    for k in range(count):
        at = T0 + timedelta(minutes=37 * k)
        events = [Event(kind=EventKind.OPENED, at=at)]
        for step, kind in enumerate(STORY[: k % 10]):
            at += timedelta(minutes=25 + 41 * ((k + step) % 7))
            events.append(Event(kind=kind, at=at))
        if k % 3 == 0:
            events.insert(
                1, Event(kind=EventKind.PRIORITY_CHANGED, at=events[0].at, priority=Priority.URGENT)
            )
        found.append(
            Interaction(
                id=f"T-{k:04d}",
                customer_id="C-1",
                channel=Channel.EMAIL,
                direction=Direction.INBOUND,
                topic=Topic.BILLING,
                priority=Priority.LOW,
                events=events,
            )
        )
    return found


def frame(count: int) -> Any:
    """The events table as a pandas DataFrame, with each row's place in its timeline."""
    events = to_events_table(interactions(count))
    data = pandas.DataFrame({name: list(column) for name, column in events.items() if name != "at"})
    data["at"] = pandas.Series(events["at"]).dt.tz_localize("UTC")
    first = np.r_[True, events["interaction_id"][1:] != events["interaction_id"][:-1]]
    starts = np.flatnonzero(first)
    data["seq"] = np.arange(len(data)) - np.repeat(starts, np.diff(np.r_[starts, len(data)]))
    return data


def statuses(part: Any) -> Any:
    """sla_table on one partition, its rows in the order of the timelines."""
    ordered = part.sort_values(["interaction_id", "seq"], kind="stable")
    return pandas.DataFrame(sla_table(SLA_, ordered, NOW))


def sorted_rows(table: Any) -> list[tuple[Any, ...]]:
    data = table[list(STATUS_COLUMNS)].sort_values(["interaction_id", "metric"])
    return [tuple(row) for row in data.itertuples(index=False)]


def test_dask_partitions_give_the_single_process_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    # The workers import this module by name to run ``statuses``: they start
    # with the parent's sys.path, which must hold the repository's root.
    monkeypatch.syspath_prepend(str(ROOT))
    data = frame(240)
    single = statuses(data)
    assert len(single) > 500
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        events = dd.from_pandas(data, npartitions=4).shuffle(
            on="interaction_id", npartitions=3, shuffle_method="tasks"
        )
        found = client.compute(events.map_partitions(statuses, meta=statuses(data.iloc[:0])))
        found = found.result(timeout=60)
    assert sorted_rows(found) == sorted_rows(single)


def test_spark_groups_give_the_single_process_rows() -> None:
    sql = pytest.importorskip("pyspark.sql", reason="pyspark is not installed")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime on the PATH: Spark cannot start")

    data = frame(60)  # pragma: no cover
    single = statuses(data)  # pragma: no cover
    spark = sql.SparkSession.builder.master("local[2]").getOrCreate()  # pragma: no cover
    try:  # pragma: no cover
        schema = spark.createDataFrame(statuses(data.iloc[:0]).astype(str)).schema
        found = (
            spark.createDataFrame(data.astype({"at": "datetime64[us, UTC]"}))
            .groupBy("interaction_id")
            .applyInPandas(lambda part: statuses(part).astype(str), schema=schema)
            .toPandas()
        )
    finally:  # pragma: no cover
        spark.stop()
    assert sorted_rows(found) == sorted_rows(single.astype(str))  # pragma: no cover
