"""Erlang C, Erlang A and the fewest agents: exact oracles, published examples, properties, bad input."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csroles import CsrolesError, InvalidEntityError
from csroles.staffing import AgentRequirement, QueueFigures, agents_for, erlang_a, erlang_c
from csroles.staffing._erlang import erlang_b

HALF_HOUR = timedelta(minutes=30)
TWENTY = timedelta(seconds=20)
ULP = 2.0**-53


# ------------------------------------------------------------------ oracles (independent)


def fraction_erlang_c(load: Fraction, agents: int) -> Fraction:
    """Erlang C straight from its textbook formula, in exact rationals."""
    terms = [load**k / math.factorial(k) for k in range(agents)]
    top = load**agents / math.factorial(agents) * Fraction(agents) / (agents - load)
    return top / (sum(terms) + top)


def decimal_erlang_c(load: Decimal, agents: int, digits: int = 60) -> Decimal:
    """Erlang C from the Poisson terms A^k/k!, summed in `digits`-digit decimals."""
    with localcontext() as ctx:
        ctx.prec = digits
        term = Decimal(1)
        total = Decimal(1)  # k = 0
        for k in range(1, agents):
            term = term * load / k
            total += term
        last = term * load / agents * agents / (agents - load)
        return last / (total + last)


def exp_decimal(x: Decimal) -> Decimal:
    return x.exp()


# ------------------------------------------------------------------ published examples


def test_published_worked_example_erlang_c() -> None:
    # The classic worked example of Erlang C (as in the call-centre-helper
    # "Erlang C formula made simple" article, and pyworkforce's own test):
    # 100 calls in 30 minutes, 180 s handle time: 10 Erlangs. With 11 agents
    # 68.21% of the calls wait and 39.0% are answered within 20 s; 14 agents
    # answer 88.8% within 20 s, 17.4% wait, occupancy 71.4%, ASA about 7.8 s.
    calls: dict[str, Any] = {
        "volume": 100,
        "interval": HALF_HOUR,
        "handle_time": timedelta(minutes=3),
    }
    eleven = erlang_c(**calls, agents=11, threshold=TWENTY)
    assert eleven.load == 10.0
    assert round(eleven.wait_probability, 4) == 0.6821
    assert round(eleven.service_level, 3) == 0.390
    fourteen = erlang_c(**calls, agents=14, threshold=TWENTY)
    assert round(fourteen.service_level, 3) == 0.888
    assert round(fourteen.wait_probability, 3) == 0.174
    assert round(fourteen.occupancy, 3) == 0.714
    assert round(fourteen.asa_seconds, 1) == 7.8


def test_published_example_required_agents_with_shrinkage() -> None:
    # Same example: 80% within 20 s needs 14 agents (13 give 79.6%), and 30%
    # shrinkage makes 20 scheduled agents.
    from csroles.staffing import scheduled_agents

    need = agents_for(
        volume=100,
        interval=HALF_HOUR,
        handle_time=timedelta(minutes=3),
        service_level=0.8,
        threshold=TWENTY,
        max_occupancy=0.85,
    )
    assert need.agents == 14
    assert need.fewer is not None
    assert need.fewer.agents == 13
    assert round(need.fewer.service_level, 3) == 0.796
    assert scheduled_agents(need.agents, shrinkage=0.3) == 20
    assert need.reasons[1].startswith("13 agents: service level 0.7956 < 0.8")


def test_erlang_b_textbook_value() -> None:
    # Erlang B tables: 10 Erlangs on 10 trunks block 21.46% of the calls;
    # 1 Erlang on 1 trunk blocks half.
    assert round(erlang_b(10.0, 10), 4) == 0.2146
    assert erlang_b(1.0, 1) == 0.5


# ------------------------------------------------------------------ exactness


@settings(max_examples=60)
@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=120),
    st.integers(min_value=1, max_value=25),
)
def test_erlang_c_matches_exact_rationals(volume: int, handle_minutes: int, extra: int) -> None:
    load = Fraction(volume * handle_minutes, 30)
    agents = math.floor(load) + extra
    figures = erlang_c(
        volume=volume,
        interval=HALF_HOUR,
        handle_time=timedelta(minutes=handle_minutes),
        agents=agents,
        threshold=TWENTY,
    )
    exact = fraction_erlang_c(load, agents)
    assert figures.wait_probability == pytest.approx(float(exact), rel=1e-12, abs=1e-300)
    spare = float(agents - load)
    expected_sl = 1 - float(exact) * math.exp(-spare * 20 / (handle_minutes * 60))
    assert figures.service_level == pytest.approx(expected_sl, rel=1e-12, abs=1e-15)
    assert figures.asa_seconds == pytest.approx(
        float(exact * handle_minutes * 60 / (agents - load)), rel=1e-12, abs=1e-300
    )
    assert figures.occupancy == pytest.approx(float(load / agents), rel=1e-15)


@pytest.mark.parametrize(
    ("load", "agents"), [(1000, 1030), (10_000, 10_080), (10_000, 10_001), (25_000, 25_100)]
)
def test_large_loads_within_the_documented_bound(load: int, agents: int) -> None:
    # The documented bound: relative error of B at most 3·N ulps; C and the
    # service level inherit it (plus a few roundings).
    figures = erlang_c(
        volume=load,
        interval=timedelta(hours=1),
        handle_time=timedelta(hours=1),
        agents=agents,
        threshold=TWENTY,
    )
    exact = decimal_erlang_c(Decimal(load), agents)
    bound = (3 * agents + 10) * ULP
    assert abs(figures.wait_probability - float(exact)) <= bound * float(exact)
    assert 0 < figures.wait_probability < 1


def test_no_overflow_far_beyond_the_load() -> None:
    figures = erlang_c(
        volume=10_000,
        interval=timedelta(hours=1),
        handle_time=timedelta(hours=1),
        agents=20_000,
        threshold=TWENTY,
    )
    assert figures.wait_probability == 0.0
    assert figures.service_level == 1.0


# ------------------------------------------------------------------ Erlang A


def decimal_erlang_a(  # noqa: PLR0917 (the model's parameters)
    lam: Decimal, mu: Decimal, theta: Decimal, n: int, tau: Decimal, depth: int = 60
) -> tuple[Decimal, Decimal, Decimal]:
    """Wait probability, abandonment, service level of answered: birth-death chain + partial fractions."""
    with localcontext() as ctx:
        ctx.prec = 80
        weights = [Decimal(1)]
        for k in range(1, n + 1):
            weights.append(weights[-1] * lam / (k * mu))
        for m in range(1, depth):
            weights.append(weights[-1] * lam / (n * mu + m * theta))
        total = sum(weights, Decimal(0))
        p = [w / total for w in weights]
        waits = sum(p[n:], Decimal(0))
        queue = sum((m * p[n + m] for m in range(depth)), Decimal(0))
        abandon = theta * queue / lam
        answered_in_time = 1 - waits
        for m in range(depth):
            i = m + 1  # the arrival's position
            rates = [n * mu + k * theta for k in range(1, i + 1)]
            answered = Decimal(1)
            for k in range(1, i + 1):
                answered *= (n * mu + (k - 1) * theta) / (n * mu + k * theta)
            survival = Decimal(0)
            for k, rate in enumerate(rates):
                coefficient = Decimal(1)
                for j, other in enumerate(rates):
                    if j != k:
                        coefficient *= other / (other - rate)
                survival += coefficient * (-rate * tau).exp()
            answered_in_time += p[n + m] * answered * (1 - survival)
        return waits, abandon, answered_in_time / (1 - abandon)


@pytest.mark.parametrize(
    ("volume", "agents", "patience_s", "threshold_s"),
    [(20, 2, 180, 20), (40, 3, 60, 30), (10, 1, 300, 60), (60, 4, 90, 15)],
)
def test_erlang_a_matches_a_high_precision_oracle(
    volume: int, agents: int, patience_s: int, threshold_s: int
) -> None:
    handle = 180
    figures = erlang_a(
        volume=volume,
        interval=timedelta(hours=1),
        handle_time=timedelta(seconds=handle),
        patience=timedelta(seconds=patience_s),
        agents=agents,
        threshold=timedelta(seconds=threshold_s),
    )
    waits, abandon, service = decimal_erlang_a(
        Decimal(volume) / 3600,
        Decimal(1) / handle,
        Decimal(1) / patience_s,
        agents,
        Decimal(threshold_s),
    )
    assert figures.wait_probability == pytest.approx(float(waits), rel=1e-11)
    assert figures.abandonment == pytest.approx(float(abandon), rel=1e-11)
    assert figures.service_level == pytest.approx(float(service), rel=1e-11)


def test_erlang_a_tends_to_erlang_c_as_patience_grows() -> None:
    calls: dict[str, Any] = {
        "volume": 100,
        "interval": HALF_HOUR,
        "handle_time": timedelta(minutes=3),
    }
    c = erlang_c(**calls, agents=13, threshold=TWENTY)
    a = erlang_a(**calls, agents=13, threshold=TWENTY, patience=timedelta(days=3000))
    assert a.wait_probability == pytest.approx(c.wait_probability, rel=1e-5)
    assert a.service_level == pytest.approx(c.service_level, rel=1e-5)
    assert a.abandonment < 1e-6


def test_erlang_a_carries_any_load() -> None:
    swamped = erlang_a(
        volume=500,
        interval=HALF_HOUR,
        handle_time=timedelta(minutes=3),
        patience=timedelta(minutes=1),
        agents=10,
        threshold=TWENTY,
    )
    assert swamped.abandonment > 0.5
    assert swamped.occupancy < 1


# ------------------------------------------------------------------ properties

loads = st.integers(min_value=1, max_value=3000)
handles = st.integers(min_value=30, max_value=900)
shares = st.floats(min_value=0.05, max_value=0.99)


@settings(max_examples=60)
@given(
    loads, handles, st.integers(min_value=0, max_value=120), st.integers(min_value=1, max_value=30)
)
def test_service_level_rises_with_agents(volume: int, handle: int, wait: int, extra: int) -> None:
    calls: dict[str, Any] = {
        "volume": volume,
        "interval": HALF_HOUR,
        "handle_time": timedelta(seconds=handle),
    }
    load = volume * handle / 1800
    agents = math.floor(load) + extra
    one = erlang_c(**calls, agents=agents, threshold=timedelta(seconds=wait))
    two = erlang_c(**calls, agents=agents + 1, threshold=timedelta(seconds=wait))
    assert two.service_level >= one.service_level
    assert two.wait_probability <= one.wait_probability
    assert two.asa_seconds <= one.asa_seconds
    assert one.occupancy < 1


@settings(max_examples=60)
@given(
    loads,
    handles,
    shares,
    st.integers(min_value=0, max_value=120),
    st.sampled_from([None, 0.7, 0.9]),
    st.sampled_from([None, 10, 60]),
    st.integers(1, 3),
)
def test_the_inverse_is_minimal(  # noqa: PLR0917 (hypothesis passes them positionally)
    volume: int,
    handle: int,
    target: float,
    wait: int,
    occupancy: float | None,
    asa: int | None,
    k: int,
) -> None:
    calls: dict[str, Any] = {
        "volume": volume,
        "interval": HALF_HOUR,
        "handle_time": timedelta(seconds=handle),
    }
    need = agents_for(
        **calls,
        service_level=target,
        threshold=timedelta(seconds=wait),
        max_occupancy=occupancy,
        max_asa=None if asa is None else timedelta(seconds=asa),
        concurrency=k,
    )
    assert need.figures is not None
    figures = erlang_c(
        **calls, agents=need.agents, threshold=timedelta(seconds=wait), concurrency=k
    )
    assert figures == need.figures
    assert figures.service_level >= target
    assert occupancy is None or figures.occupancy <= occupancy
    assert asa is None or figures.asa_seconds <= asa
    assert figures.occupancy < 1
    if need.fewer is not None:
        fewer = need.fewer
        assert fewer.agents == need.agents - 1
        assert (
            fewer.service_level < target
            or (occupancy is not None and fewer.occupancy > occupancy)
            or (asa is not None and fewer.asa_seconds > asa)
        )
    else:  # one fewer cannot carry the load
        assert (need.agents - 1) * k <= figures.load
        assert len(need.reasons) == 2 or need.agents == 1


@settings(max_examples=25)
@given(st.integers(1, 200), st.integers(60, 600), shares, st.integers(30, 600))
def test_the_erlang_a_inverse_is_minimal(
    volume: int, handle: int, target: float, patience: int
) -> None:
    calls: dict[str, Any] = {
        "volume": volume,
        "interval": HALF_HOUR,
        "handle_time": timedelta(seconds=handle),
    }
    need = agents_for(**calls, service_level=target, patience=timedelta(seconds=patience))
    assert need.figures is not None
    assert need.figures.service_level >= target
    if need.agents > 1:
        assert need.fewer is not None
        assert need.fewer.service_level < target


def test_an_unstable_load_is_refused_clearly() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"erlang_c\.agents: 10, expected more than the load of 10 Erlangs"
    ):
        erlang_c(
            volume=100,
            interval=HALF_HOUR,
            handle_time=timedelta(minutes=3),
            agents=10,
            threshold=TWENTY,
        )
    with pytest.raises(InvalidEntityError, match=r"5 agents \* 2 contacts \(10 at once\)"):
        erlang_c(
            volume=100,
            interval=HALF_HOUR,
            handle_time=timedelta(minutes=3),
            agents=5,
            threshold=TWENTY,
            concurrency=2,
        )


def test_zero_volume_needs_nobody() -> None:
    need = agents_for(volume=0, interval=HALF_HOUR, handle_time=timedelta(minutes=3))
    assert need == AgentRequirement(
        agents=0, figures=None, reasons=("no contacts: no agent needed",)
    )


def test_concurrency_counts_slots() -> None:
    # Two agents each taking three chats are six servers of Erlang C.
    chats = erlang_c(
        volume=60,
        interval=HALF_HOUR,
        handle_time=timedelta(minutes=2),
        agents=2,
        threshold=TWENTY,
        concurrency=3,
    )
    servers = erlang_c(
        volume=60, interval=HALF_HOUR, handle_time=timedelta(minutes=2), agents=6, threshold=TWENTY
    )
    assert chats.wait_probability == servers.wait_probability
    assert (chats.agents, chats.concurrency) == (2, 3)


# ------------------------------------------------------------------ bad input


GOOD: dict[str, Any] = {"volume": 100, "interval": HALF_HOUR, "handle_time": timedelta(minutes=3)}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("handle_time", timedelta(0)),
        ("handle_time", timedelta(seconds=-5)),
        ("handle_time", 180),
        ("interval", timedelta(0)),
        ("volume", -1),
        ("volume", float("nan")),
        ("volume", "100"),
        ("volume", True),
    ],
)
def test_bad_queue_arguments_name_the_field(field: str, value: object) -> None:
    functions: list[tuple[Callable[..., object], dict[str, Any]]] = [
        (erlang_c, {"agents": 20, "threshold": TWENTY}),
        (erlang_a, {"agents": 20, "threshold": TWENTY, "patience": TWENTY}),
        (agents_for, {}),
    ]
    for function, extra in functions:
        with pytest.raises(CsrolesError, match=rf"{function.__name__}\.{field}: "):
            function(**{**GOOD, **extra, field: value})


@pytest.mark.parametrize("target", [0, -0.1, 1.01, float("nan"), "0.8", None])
def test_targets_outside_zero_one_are_refused(target: object) -> None:
    with pytest.raises(
        InvalidEntityError, match=r"agents_for\.service_level: .*above 0 and at most 1"
    ):
        agents_for(**GOOD, service_level=target)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"agents_for\.max_occupancy: "):
        agents_for(**GOOD, max_occupancy=target if target is not None else 0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("agents", 0),
        ("agents", 2.5),
        ("concurrency", 0),
        ("threshold", 20),
        ("threshold", timedelta(seconds=-1)),
    ],
)
def test_bad_agents_and_thresholds(field: str, value: object) -> None:
    with pytest.raises(InvalidEntityError, match=rf"erlang_c\.{field}: "):
        erlang_c(**{**GOOD, "agents": 20, "threshold": TWENTY, field: value})


def test_bad_patience() -> None:
    with pytest.raises(InvalidEntityError, match=r"erlang_a\.patience: "):
        erlang_a(**GOOD, agents=5, threshold=TWENTY, patience=timedelta(0))
    with pytest.raises(InvalidEntityError, match=r"agents_for\.patience: "):
        agents_for(**GOOD, patience=timedelta(seconds=-3))


def test_figures_validate_their_fields() -> None:
    with pytest.raises(InvalidEntityError, match=r"QueueFigures\.service_level: 1\.5"):
        QueueFigures(
            agents=2,
            load=1.0,
            threshold=TWENTY,
            wait_probability=0.3,
            service_level=1.5,
            asa_seconds=1.0,
            occupancy=0.5,
        )
    with pytest.raises(InvalidEntityError, match=r"AgentRequirement\.agents: -1"):
        AgentRequirement(agents=-1, figures=None)


def test_erlang_a_edges() -> None:
    # A threshold of zero: the service level is the share answered at once.
    now = erlang_a(**GOOD, agents=12, threshold=timedelta(0), patience=timedelta(minutes=2))
    assert now.service_level == pytest.approx((1 - now.wait_probability) / (1 - now.abandonment))
    # So many agents that Erlang B underflows to zero: nobody waits.
    idle = erlang_a(**GOOD, agents=400, threshold=TWENTY, patience=timedelta(minutes=2))
    assert (idle.wait_probability, idle.abandonment, idle.service_level) == (0.0, 0.0, 1.0)
    # No contacts.
    quiet = erlang_a(**{**GOOD, "volume": 0}, agents=1, threshold=TWENTY, patience=TWENTY)
    assert (quiet.load, quiet.wait_probability, quiet.occupancy) == (0.0, 0.0, 0.0)


def test_erlang_a_search_climbs_when_the_erlang_c_start_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from csroles.staffing import queues

    expected = agents_for(**GOOD, patience=timedelta(minutes=2)).agents
    monkeypatch.setattr(queues, "_search_c", lambda *args: (1, 0.0, 0.0))
    assert agents_for(**GOOD, patience=timedelta(minutes=2)).agents == expected


def test_an_infinite_load_is_refused() -> None:
    with pytest.raises(InvalidEntityError, match=r"agents_for\.volume: .*finite"):
        agents_for(volume=1e308, interval=timedelta(microseconds=1), handle_time=timedelta(days=9))


@pytest.mark.parametrize(
    ("field", "value"),
    [("asa_seconds", -1.0), ("load", float("inf")), ("threshold", 20), ("occupancy", 2.0)],
)
def test_figures_refuse_bad_fields(field: str, value: object) -> None:
    good: dict[str, Any] = {
        "agents": 2,
        "load": 1.0,
        "threshold": TWENTY,
        "wait_probability": 0.3,
        "service_level": 0.5,
        "asa_seconds": 1.0,
        "occupancy": 0.5,
    }
    with pytest.raises(InvalidEntityError, match=rf"QueueFigures\.{field}: "):
        QueueFigures(**{**good, field: value})


# ------------------------------------------------------------------ the bound on servers


@pytest.mark.parametrize("field", ["agents", "concurrency"])
@pytest.mark.parametrize("formula", [erlang_c, erlang_a])
@pytest.mark.parametrize("value", [10**400, 1_000_001], ids=["huge", "one-more"])
def test_more_than_a_million_servers_are_refused(
    formula: Callable[..., QueueFigures], field: str, value: int
) -> None:
    # The recurrence is linear in the servers: 10**400 of them ran without end.
    arguments: dict[str, Any] = {**GOOD, "agents": 20, "threshold": TWENTY, field: value}
    if formula is erlang_a:
        arguments["patience"] = timedelta(minutes=2)
    with pytest.raises(InvalidEntityError, match=rf"{formula.__name__}\.{field}: .*1,000,000"):
        formula(**arguments)


@pytest.mark.parametrize("formula", [erlang_c, erlang_a])
def test_agents_times_concurrency_is_bounded(formula: Callable[..., QueueFigures]) -> None:
    arguments: dict[str, Any] = {**GOOD, "agents": 1001, "concurrency": 1000, "threshold": TWENTY}
    if formula is erlang_a:
        arguments["patience"] = timedelta(minutes=2)
    with pytest.raises(InvalidEntityError, match=r"\.agents: 1001, .*1,001 x 1,000"):
        formula(**arguments)
    # A million servers exactly are within the bound.
    arguments["agents"] = 1000
    assert formula(**arguments).agents == 1000


def test_agents_for_refuses_a_load_beyond_a_million_servers() -> None:
    hour: dict[str, Any] = {"interval": timedelta(hours=1), "handle_time": timedelta(hours=1)}
    with pytest.raises(InvalidEntityError, match=r"agents_for\.volume: .*1e\+300 Erlangs"):
        agents_for(volume=1e300, **hour)
    with pytest.raises(InvalidEntityError, match=r"agents_for\.volume: 1000001"):
        agents_for(volume=1_000_001, **hour)
    # A tiny occupancy cap asks for load / cap servers: 50 billion here.
    with pytest.raises(InvalidEntityError, match=r"agents_for\.max_occupancy: 1e-09, .*5e\+10"):
        agents_for(volume=50, max_occupancy=1e-9, **hour)
    # Just within: 999,000 Erlangs are answered, a little above the load.
    need = agents_for(volume=999_000, **hour)
    assert 999_000 < need.agents < 1_000_500
