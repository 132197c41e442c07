"""sla_table on a distributed engine: per partition, the same rows as in one process.

Dask runs on a LocalCluster of two worker processes: the SLA (with its
calendar) and the events travel to the workers by pickle. Spark runs where
pyspark and a Java runtime are installed, and is skipped otherwise.
"""

from __future__ import annotations

import os
import shutil
import sys
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


# The rows as Spark types: durations and instants as integer microseconds (null for none).
SPARK_SCHEMA = (
    "interaction_id string, metric string, target long, elapsed long, remaining long, "
    "state string, due long, breached boolean, breached_at long, completed_cycles long, "
    "breached_cycles long, warning_level long"
)


def microseconds(table: Any) -> Any:
    """The durations and instants of a table of clocks as integer microseconds (None for NaT)."""
    out = table.copy()
    for name in ("target", "elapsed", "remaining"):
        out[name] = table[name].to_numpy().astype("timedelta64[us]").astype(np.int64)
    for name in ("due", "breached_at"):
        values = table[name].to_numpy().astype("datetime64[us]")
        found = np.where(np.isnat(values), None, values.astype(np.int64))
        out[name] = pandas.array(found, dtype="Int64")
    return out


def spark_statuses(part: Any) -> Any:
    """``statuses`` on one interaction's rows as Spark hands them over, in Spark's types.

    Spark gives a timestamp column to pandas as naive wall times in the
    session's zone: the session runs in UTC, so they are UTC instants.
    """
    return microseconds(statuses(part.assign(at=part["at"].dt.tz_localize("UTC"))))


def plain(value: Any) -> Any:
    """A value as plain Python: None for a null, integers for whole numbers."""
    if value is None or value is pandas.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (float, np.integer)):
        return int(value)
    return value.item() if isinstance(value, np.generic) else value


def plain_rows(table: Any) -> list[tuple[Any, ...]]:
    """The rows sorted, each value a plain Python value."""
    return [tuple(plain(value) for value in row) for row in sorted_rows(table)]


@pytest.mark.filterwarnings("ignore::ResourceWarning")  # py4j leaves its sockets to the collector
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")  # pyspark 4.0 on pandas 3
def test_spark_groups_give_the_single_process_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    sql = pytest.importorskip("pyspark.sql", reason="pyspark is not installed")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime on the PATH: Spark cannot start")

    # Spark's Python workers run this interpreter and import this module by name.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # pragma: no cover
    monkeypatch.setenv(  # pragma: no cover
        "PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    data = frame(60)  # pragma: no cover
    single = microseconds(statuses(data))  # pragma: no cover
    # The columns the SLA reads: Spark has no type for a column of frozensets or of nulls only.
    columns = ["interaction_id", "kind", "at", "priority", "seq"]  # pragma: no cover
    spark = (  # pragma: no cover
        sql.SparkSession.builder.master("local[2]")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    try:  # pragma: no cover
        found = (
            spark.createDataFrame(data[columns])
            .groupBy("interaction_id")
            .applyInPandas(spark_statuses, schema=SPARK_SCHEMA)
            .toPandas()
        )
    finally:  # pragma: no cover
        spark.stop()
    assert len(found) == len(single) > 100  # pragma: no cover
    assert plain_rows(found) == plain_rows(single)  # pragma: no cover
