"""Agreement with pyworkforce, the Python anchor for Erlang C (installed with the bench group).

erlangccmath is not used: each of its functions posts the question to a web
service (and may prompt for a user id), which a test suite must not do; the
exact and high-precision oracles of test_staffing_queues.py stand in for it.
"""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from csroles.staffing import agents_for, erlang_c

queuing = pytest.importorskip("pyworkforce.queuing")

# pyworkforce works in minutes: interval 30, handle time and threshold in minutes.
VOLUMES = [5, 37, 100, 250, 1200, 6000]
HANDLES = [1.5, 3, 4.25, 10]
THRESHOLDS = [0.25, 1 / 3, 1, 2]


def _peer(volume: float, handle: float, threshold: float) -> object:
    return queuing.ErlangC(transactions=volume, aht=handle, asa=threshold, interval=30)


@pytest.mark.parametrize("volume", VOLUMES)
@pytest.mark.parametrize("handle", HANDLES)
def test_probabilities_agree_within_1e_9(volume: int, handle: float) -> None:
    load = volume * handle / 30
    for threshold in THRESHOLDS:
        peer = _peer(volume, handle, threshold)
        for extra in (1, 2, 5, 20):
            agents = math.floor(load) + extra
            ours = erlang_c(
                volume=volume,
                interval=timedelta(minutes=30),
                handle_time=timedelta(minutes=handle),
                agents=agents,
                threshold=timedelta(minutes=threshold),
            )
            assert abs(ours.wait_probability - peer.waiting_probability(agents)) <= 1e-9  # type: ignore[attr-defined]
            assert abs(ours.service_level - peer.service_level(agents)) <= 1e-9  # type: ignore[attr-defined]
            assert abs(ours.occupancy - peer.achieved_occupancy(agents)) <= 1e-12  # type: ignore[attr-defined]


@pytest.mark.parametrize("volume", VOLUMES)
@pytest.mark.parametrize("handle", HANDLES)
@pytest.mark.parametrize("target", [0.5, 0.8, 0.95])
@pytest.mark.parametrize("occupancy", [1.0, 0.85])
def test_same_required_agents(volume: int, handle: float, target: float, occupancy: float) -> None:
    load = volume * handle / 30
    for threshold in THRESHOLDS:
        peer = _peer(volume, handle, threshold).required_positions(  # type: ignore[attr-defined]
            service_level=target, max_occupancy=occupancy
        )
        ours = agents_for(
            volume=volume,
            interval=timedelta(minutes=30),
            handle_time=timedelta(minutes=handle),
            service_level=target,
            threshold=timedelta(minutes=threshold),
            max_occupancy=None if occupancy == 1.0 else occupancy,
        )
        # pyworkforce starts its search at round(load + 1) agents, never below:
        # where fewer already meet the target, it answers that start instead.
        start = round(load + 1)
        if ours.agents >= start:
            assert ours.agents == peer["raw_positions"]
        else:
            assert peer["raw_positions"] == max(start, math.ceil(load / occupancy))
            assert load < ours.agents < start
        assert ours.figures is not None
        assert abs(ours.figures.wait_probability - peer["waiting_probability"]) <= 1e-9 or (
            ours.agents != peer["raw_positions"]
        )


@pytest.mark.parametrize("volume", [100_000, 250_000])
def test_agreement_at_10_000_erlangs_and_beyond(volume: int) -> None:
    # pyworkforce runs the reciprocal Erlang B recurrence, so it does not
    # overflow here either (it was checked up to 100,000 Erlangs); both agree.
    peer = _peer(volume, 3, 1 / 3).required_positions(service_level=0.8)  # type: ignore[attr-defined]
    ours = agents_for(
        volume=volume,
        interval=timedelta(minutes=30),
        handle_time=timedelta(minutes=3),
        threshold=timedelta(seconds=20),
    )
    assert ours.figures is not None
    assert ours.agents == peer["raw_positions"]
    assert abs(ours.figures.wait_probability - peer["waiting_probability"]) <= 1e-9
    assert abs(ours.figures.service_level - peer["service_level"]) <= 1e-9
