"""sla_table on Dask: two worker processes against one process, on the same events.

Not one of the ``bench_*`` tables: it starts a ``distributed.LocalCluster`` of
two worker processes (one thread each) and prints the wall-clock times of
``sla_table`` over 200,000 interactions of 10 events (the columnar
benchmark's history) in one process and per partition on the cluster (four
partitions by interaction id, the shuffle included), and their ratio.

    .venv/bin/python benchmarks/dask_columnar.py
"""

import datetime as dt
import sys
import time
from pathlib import Path

import dask.dataframe as dd
import distributed
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

from bench_columnar import SLA_, _events

from csroles.columnar import sla_table

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
COUNT = 200_000


def statuses(part: pd.DataFrame) -> pd.DataFrame:
    """sla_table on one partition, its rows put back in timeline order."""
    part = part.sort_values(["interaction_id", "seq"], kind="stable")
    return pd.DataFrame(sla_table(SLA_, part, NOW))


def main() -> None:
    events = _events(COUNT)
    frame = pd.DataFrame({k: v for k, v in events.items() if k != "at"})
    frame["at"] = pd.Series(events["at"]).dt.tz_localize("UTC")
    frame["seq"] = np.tile(np.arange(10), COUNT)
    began = time.perf_counter()
    single = statuses(frame)
    alone = time.perf_counter() - began
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        history = client.persist(dd.from_pandas(frame, npartitions=4))
        distributed.wait(history)
        began = time.perf_counter()
        parts = history.shuffle(on="interaction_id", npartitions=4, shuffle_method="tasks")
        found = parts.map_partitions(statuses, meta=statuses(frame.iloc[:0])).compute()
        cluster_time = time.perf_counter() - began
    assert len(found) == len(single)
    print(
        f"{COUNT:,} interactions: one process {alone:.2f} s, two workers {cluster_time:.2f} s "
        f"(shuffle included), ratio {alone / cluster_time:.2f}"
    )


if __name__ == "__main__":
    main()
