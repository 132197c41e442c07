"""SLA policies: targets, thresholds, policies, the calendar in force, and bad input."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, time, timedelta
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csroles import (
    SLA,
    BusinessCalendar,
    Customer,
    InvalidEntityError,
    Metric,
    Priority,
    PriorityChangePolicy,
    ReopenPolicy,
    ZonePolicy,
)
from csroles._frozen import FrozenMap
from csroles.strategies import slas

FRT, NRT, RT = Metric.FIRST_RESPONSE_TIME, Metric.NEXT_RESPONSE_TIME, Metric.RESOLUTION_TIME
H = timedelta(hours=1)
DESK = BusinessCalendar(timezone="Europe/Rome", hours={d: [(time(9), time(17))] for d in range(5)})


def make(**fields: Any) -> SLA:
    fields.setdefault("name", "Standard")
    fields.setdefault("targets", {RT: 24 * H})
    return SLA(**fields)


def test_one_target_for_every_priority_or_one_each() -> None:
    sla = make(targets={RT: 24 * H, FRT: {p: (i + 1) * H for i, p in enumerate(Priority)}})
    assert sla.metrics == (FRT, RT)  # in clock order, whatever the order given
    assert sla.targets[RT] == dict.fromkeys(Priority, 24 * H)
    assert sla.target(FRT, Priority.URGENT) == 4 * H
    assert sla.target(NRT, Priority.URGENT) is None
    assert sla == make(targets={FRT: {p: (i + 1) * H for i, p in enumerate(Priority)}, RT: 24 * H})


def test_defaults() -> None:
    sla = make()
    assert sla.calendar is None
    assert sla.warning_thresholds == (0.5, 0.75)
    assert sla.on_priority_change is PriorityChangePolicy.FROM_START
    assert sla.on_reopen is ReopenPolicy.CONTINUE
    assert sla.zone is ZonePolicy.CALENDAR


def test_targets_are_read_only_values() -> None:
    sla = make()
    with pytest.raises(TypeError):
        sla.targets[RT] = {}  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        sla.name = "Other"  # type: ignore[misc]
    assert hash(sla) == hash(make())
    assert pickle.loads(pickle.dumps(sla)) == sla  # noqa: S301  # our own value
    assert repr(sla.targets[RT]).startswith("{<Priority.LOW: 'low'>: datetime.timedelta(days=1)")


def test_pendulum_durations_are_plain_timedeltas() -> None:
    sla = make(targets={RT: pendulum.duration(hours=30)})
    target = sla.target(RT, Priority.LOW)
    assert type(target) is timedelta
    assert target == 30 * H


@given(slas())
def test_strategy_slas_are_valid_and_revalidate(sla: SLA) -> None:
    assert attrs.evolve(sla) == sla
    for metric in sla.metrics:
        assert set(sla.targets[metric]) == set(Priority)
        assert all(t > timedelta(0) for t in sla.targets[metric].values())


@pytest.mark.parametrize(
    ("fields", "pattern"),
    [
        ({"name": ""}, r"SLA\.name: '', expected a non-empty string"),
        ({"name": 3}, r"SLA\.name: 3, expected a non-empty string"),
        ({"targets": {}}, r"SLA\.targets: \{\}, expected a mapping from a clock metric"),
        ({"targets": [(RT, H)]}, r"SLA\.targets: \[.*, expected a mapping from a clock metric"),
        (
            {"targets": {Metric.CSAT: H}},
            r"SLA\.targets: <Metric\.CSAT: 'csat'>, expected a metric with a clock",
        ),
        (
            {"targets": {"time_to_breakfast": H}},
            r"SLA\.targets: 'time_to_breakfast', expected a preset \('first_response_time', ",
        ),
        (
            {"targets": {RT: 3600}},
            r"SLA\.targets\.resolution_time: 3600, expected a positive timedelta or a mapping",
        ),
        (
            {"targets": {RT: timedelta(0)}},
            r"SLA\.targets\.resolution_time: .*, expected a positive duration",
        ),
        ({"targets": {RT: -H}}, r"SLA\.targets\.resolution_time: .*, expected a positive duration"),
        (
            {"targets": {RT: pendulum.duration(months=1)}},
            r"SLA\.targets\.resolution_time: .*months and years",
        ),
        (
            {"targets": {RT: {Priority.LOW: H}}},
            r"SLA\.targets\.resolution_time: \['low'\], expected a target for every priority \(missing: normal, high, urgent\)",
        ),
        (
            {"targets": {RT: {"lowest": H}}},
            r"SLA\.targets\.resolution_time: 'lowest', expected Priority keys",
        ),
        (
            {"targets": {RT: {**dict.fromkeys(Priority, H), Priority.HIGH: "1h"}}},
            r"SLA\.targets\.resolution_time\.high: '1h', expected a datetime\.timedelta",
        ),
        (
            {"calendar": "Europe/Rome"},
            r"SLA\.calendar: 'Europe/Rome', expected a BusinessCalendar, or None",
        ),
        (
            {"warning_thresholds": (0.75, 0.5)},
            r"SLA\.warning_thresholds: \(0\.75, 0\.5\), expected increasing fractions",
        ),
        (
            {"warning_thresholds": (0.5, 1.0)},
            r"SLA\.warning_thresholds: .*, expected increasing fractions",
        ),
        (
            {"warning_thresholds": (0.0,)},
            r"SLA\.warning_thresholds: .*, expected increasing fractions",
        ),
        (
            {"warning_thresholds": (1,)},
            r"SLA\.warning_thresholds: \(1,\), expected increasing fractions",
        ),
        (
            {"warning_thresholds": (0.5, 0.5)},
            r"SLA\.warning_thresholds: .*, expected increasing fractions",
        ),
        (
            {"warning_thresholds": 0.5},
            r"SLA\.warning_thresholds: 0\.5, expected increasing fractions",
        ),
        (
            {"on_priority_change": "from_scratch"},
            r"SLA\.on_priority_change: 'from_scratch', expected a PriorityChangePolicy",
        ),
        ({"on_reopen": None}, r"SLA\.on_reopen: None, expected a ReopenPolicy"),
        ({"zone": "client"}, r"SLA\.zone: 'client', expected a ZonePolicy"),
    ],
)
def test_bad_fields(fields: dict[str, Any], pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        make(**fields)


# ------------------------------------------------------------------ the calendar in force


def test_calendar_for_follows_the_zone_policy() -> None:
    tokyo = Customer(id="C-1", name="Sato", timezone="Asia/Tokyo")
    nowhere = Customer(id="C-2", name="Lee")
    own = make(calendar=DESK)
    assert own.calendar_for() is DESK
    assert own.calendar_for(tokyo) is DESK
    local = make(calendar=DESK, zone=ZonePolicy.CUSTOMER)
    assert local.calendar_for(tokyo) == DESK.with_timezone("Asia/Tokyo")
    assert local.calendar_for(nowhere) is DESK
    assert local.calendar_for(Customer(id="C-3", name="Rossi", timezone="Europe/Rome")) is DESK
    hours = make(zone=ZonePolicy.CUSTOMER)
    assert hours.calendar_for() == BusinessCalendar.always_open()
    assert hours.calendar_for(tokyo) == BusinessCalendar.always_open("Asia/Tokyo")
    start = datetime(2026, 5, 9, 22, tzinfo=UTC)  # a Saturday night: open in calendar hours
    assert hours.calendar_for(tokyo).add_business_time(start, H) == start + H


def test_calendar_for_refuses_what_is_not_a_customer() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"SLA\.calendar_for\.customer: 'C-1', expected a Customer or None"
    ):
        make().calendar_for("C-1")  # type: ignore[arg-type]


# ------------------------------------------------------------------ FrozenMap


def test_frozen_map() -> None:
    frozen = FrozenMap({"a": 1, "b": 2})
    assert frozen == {"a": 1, "b": 2}
    assert frozen == FrozenMap({"b": 2, "a": 1})
    assert frozen != FrozenMap({"a": 1})
    assert frozen != [("a", 1), ("b", 2)]
    assert "a" in frozen
    assert list(frozen) == ["a", "b"]
    assert len(frozen) == 2
    assert hash(frozen) == hash(FrozenMap({"b": 2, "a": 1}))
    assert hash(frozen) == hash(frozen)  # computed once
    assert repr(frozen) == "{'a': 1, 'b': 2}"
    assert pickle.loads(pickle.dumps(frozen)) == frozen  # noqa: S301  # our own value
    with pytest.raises(AttributeError, match="immutable"):
        frozen.extra = 1


@given(st.dictionaries(st.text(max_size=3), st.integers()))
def test_frozen_maps_equal_their_dicts(data: dict[str, int]) -> None:
    frozen = FrozenMap(data)
    assert frozen == data
    assert dict(frozen) == data
    assert FrozenMap(frozen) == frozen
    assert hash(FrozenMap(dict(reversed(list(data.items()))))) == hash(frozen)


def test_slas_refuse_bad_arguments() -> None:
    with pytest.raises(InvalidArgument, match="expected metrics with clocks"):
        slas(metrics=[])
    with pytest.raises(InvalidArgument, match="expected metrics with clocks"):
        slas(metrics=[Metric.CSAT])
    with pytest.raises(InvalidArgument, match="expected a positive max_target"):
        slas(max_target=timedelta(0))


@given(slas(metrics=[NRT], calendars=st.just(DESK), max_target=H))
def test_slas_narrow(sla: SLA) -> None:
    assert sla.metrics == (NRT,)
    assert sla.calendar is DESK
    assert all(t <= H for t in sla.targets[NRT].values())


def test_the_seeds_time_metrics_have_clocks() -> None:
    # Seed 002: a representative is measured by first response time and
    # resolution time, and must meet SLA deadlines; both have targets and clocks.
    sla = make(targets={FRT: 4 * H, RT: 24 * H})
    assert sla.metrics == (Metric.FIRST_RESPONSE_TIME, Metric.RESOLUTION_TIME)


def test_a_pickled_sla_hashes_like_the_original() -> None:
    from csroles.sla.clocks import _time_model

    sla = make(calendar=DESK, zone=ZonePolicy.CUSTOMER)
    _time_model(sla, Customer(id="C-1", name="Sato", timezone="Asia/Tokyo"))
    assert sla._models  # a calendar in Tokyo's zone is cached
    again = pickle.loads(pickle.dumps(sla))  # noqa: S301  # our own value
    assert again == sla
    assert hash(again) == hash(sla)
    assert again._models == {}  # the cache of calendars in customers' zones starts afresh
