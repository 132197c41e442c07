"""SLA and SLAClock as plain data: the documents, round trips, and corrupted input."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    SLA,
    BusinessCalendar,
    ClockState,
    InvalidEntityError,
    Metric,
    Priority,
    PriorityChangePolicy,
    SLAClock,
    ZonePolicy,
    make_converter,
)
from csroles.strategies import sla_clocks, slas
from tests import test_converters as tc

CONV = make_converter()
H = timedelta(hours=1)


def test_an_sla_document() -> None:
    desk = BusinessCalendar(timezone="Europe/Rome", hours={0: [(time(9), time(17))]})
    sla = SLA(
        name="Gold",
        calendar=desk,
        targets={
            Metric.FIRST_RESPONSE_TIME: {
                Priority.LOW: 8 * H,
                Priority.NORMAL: 4 * H,
                Priority.HIGH: H,
                Priority.URGENT: timedelta(minutes=15),
            },
            Metric.RESOLUTION_TIME: 40 * H,
        },
        on_priority_change=PriorityChangePolicy.FROM_CHANGE,
        zone=ZonePolicy.CUSTOMER,
    )
    doc = CONV.unstructure(sla)
    assert doc["targets"] == {
        "first_response_time": {"low": "PT8H", "normal": "PT4H", "high": "PT1H", "urgent": "PT15M"},
        "resolution_time": dict.fromkeys(["low", "normal", "high", "urgent"], "PT40H"),
    }
    assert "warning_thresholds" not in doc  # defaults are left out
    assert doc["on_priority_change"] == "from_change"
    assert doc["zone"] == "customer"
    assert doc["calendar"]["timezone"] == "Europe/Rome"
    assert "on_reopen" not in doc
    assert CONV.structure(json.loads(json.dumps(doc)), SLA) == sla


def test_an_sla_clock_document() -> None:
    due = datetime(2026, 5, 4, 17, tzinfo=UTC)
    clock = SLAClock(
        metric=Metric.NEXT_RESPONSE_TIME,
        target=4 * H,
        elapsed=3 * H,
        state=ClockState.WARNING,
        due_at=due,
        completed_cycles=2,
        breached_cycles=1,
        warning_level=2,
    )
    doc = CONV.unstructure(clock)
    assert doc == {
        "metric": "next_response_time",
        "target": "PT4H",
        "elapsed": "PT3H",
        "state": "warning",
        "due_at": "2026-05-04T17:00:00+00:00",
        "completed_cycles": 2,
        "breached_cycles": 1,
        "warning_level": 2,
    }
    assert CONV.structure(doc, SLAClock) == clock


def test_sla_problems_are_reported_at_their_path() -> None:
    doc = {
        "name": "Gold",
        "targets": {
            "resolution_time": {"low": "PT1H", "normal": "PT1H", "high": "PT1H"},
            "first_response_time": {
                "low": "PT1H",
                "normal": "PT1H",
                "high": "-PT1H",
                "urgent": "PT1M",
            },
        },
    }
    with pytest.raises(InvalidEntityError) as caught:
        CONV.structure(doc, SLA)
    assert caught.value.problems == (
        (
            "targets.resolution_time",
            "['low', 'normal', 'high'], expected a target for every priority (missing: urgent)",
        ),
    )
    del doc["targets"]["resolution_time"]  # type: ignore[attr-defined]
    with pytest.raises(InvalidEntityError) as caught:
        CONV.structure(doc, SLA)
    ((path, message),) = caught.value.problems
    assert path == "targets.first_response_time.high"
    assert message.endswith(
        "expected a positive duration (a target of zero or less can never be met)"
    )
    with pytest.raises(
        InvalidEntityError, match=r"targets: 'csat', expected a preset \('first_response_time', "
    ):
        CONV.structure({"name": "G", "targets": {"csat": "PT1H"}}, SLA)
    # One duration for every priority, as in Python.
    eight_hours = CONV.structure({"name": "G", "targets": {"resolution_time": "PT8H"}}, SLA)
    assert eight_hours == SLA(name="G", targets={Metric.RESOLUTION_TIME: timedelta(hours=8)})
    with pytest.raises(
        InvalidEntityError, match=r"warning_thresholds: \(0\.9, 0\.5\), expected increasing"
    ):
        CONV.structure(
            {
                "name": "G",
                "targets": {
                    "resolution_time": dict.fromkeys(["low", "normal", "high", "urgent"], "PT1H")
                },
                "warning_thresholds": [0.9, 0.5],
            },
            SLA,
        )


# The calendar inside an SLA is the calendar's own document, tested with it.
ENTITY_STRATEGIES: list[tuple[type, st.SearchStrategy[Any]]] = [
    (SLA, slas(calendars=st.none())),
    (SLAClock, sla_clocks()),
]
IDS = [cls.__name__ for cls, _ in ENTITY_STRATEGIES]


@pytest.mark.parametrize(("cls", "strategy"), ENTITY_STRATEGIES, ids=IDS)
def test_a_corrupted_field_is_reported_at_its_path(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    @given(strategy, st.data())
    def check(value: Any, data: st.DataObject) -> None:
        doc = CONV.unstructure(value)
        leaves = [(p, k) for p, k, node in tc.nodes(doc) if not isinstance(node, (dict, list))]
        path, keys = data.draw(st.sampled_from(leaves), label="leaf")
        assert tc.paths_of(cls, tc.replaced(doc, keys, {"corrupt": []})) == [path]

    check()


@pytest.mark.parametrize(("cls", "strategy"), ENTITY_STRATEGIES, ids=IDS)
def test_unknown_and_missing_keys_are_reported_at_their_path(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    @given(strategy, st.data())
    def check(value: Any, data: st.DataObject) -> None:
        doc = CONV.unstructure(value)
        objects = [(p, k, node) for p, k, node in tc.nodes(doc) if isinstance(node, dict)]
        path, keys, node = data.draw(st.sampled_from(objects), label="object")
        if cls is SLA and path.startswith("targets"):
            return  # target keys are data (metrics, priorities), not field names
        extra = {**node, "surplus": 1}
        assert tc.paths_of(cls, tc.replaced(doc, keys, extra)) == [
            f"{path}.surplus" if path else "surplus"
        ]
        key = data.draw(st.sampled_from(sorted(node)), label="key")
        shorter = {k: v for k, v in node.items() if k != key}
        found = tc.paths_of(cls, tc.replaced(doc, keys, shorter))
        where = f"{path}.{key}" if path else key
        assert found is None or found == [where], (where, found)

    check()


@pytest.mark.parametrize(("cls", "strategy"), ENTITY_STRATEGIES, ids=IDS)
def test_fuzzing_valid_documents_only_gives_invalid_entity_errors(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    @given(strategy, st.data())
    def check(value: Any, data: st.DataObject) -> None:
        doc = CONV.unstructure(value)
        for _ in range(3):
            _, keys, _ = data.draw(st.sampled_from(tc.nodes(doc)), label="node")
            doc = tc.replaced(doc, keys, data.draw(tc.json_values, label="junk"))
        result: object = None
        problems: tuple[tuple[str, str], ...] = ()
        try:
            result = CONV.structure(doc, cls)
        except InvalidEntityError as error:
            problems = error.problems
        assert problems or type(result) is cls

    check()


@given(tc.json_values)
def test_fuzz_only_invalid_entity_errors_escape(value: object) -> None:
    for tp in (SLA, SLAClock):
        with pytest.raises(InvalidEntityError) as caught:
            CONV.structure(value, tp)
        assert caught.value.problems
