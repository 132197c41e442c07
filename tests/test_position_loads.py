"""PositionLoads: a load checked once, read by assign as a plain load is, and changed by took/released.

The plain mapping is the model: whatever loads a PositionLoads holds, assign
and assign_queue give the same answer as with the same counts in dicts, and
took/released give the counts a dict updated by hand holds.
"""

from __future__ import annotations

import pickle
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    AssignmentPolicy,
    AssignmentRule,
    Channel,
    InvalidEntityError,
    OrgChart,
    Position,
    PositionLoads,
    UnknownPositionError,
    assign,
    assign_queue,
    make_converter,
)
from csroles.strategies import identifiers, position_loads
from tests.test_assignment import T0, call, cases, desk, queues, run, run_queue

CHANNELS = st.sampled_from(Channel)


def by_took(load: dict[str, dict[Channel, int]]) -> PositionLoads:
    """The same counts, built one ``took`` at a time from empty loads (zero counts left out)."""
    built = PositionLoads()
    for pid, counts in load.items():
        for channel, count in counts.items():
            if count:
                built = built.took(pid, channel, count)
    return built


@given(cases())
def test_assign_answers_alike_with_the_plain_load_and_with_position_loads(
    case: dict[str, Any],
) -> None:
    plain = run(case)
    assert run({**case, "load": PositionLoads(case["load"])}) == plain
    assert run({**case, "load": by_took(case["load"])}) == plain
    everyone = attrs.evolve(case["policy"], shortlist=None)
    assert run({**case, "load": PositionLoads(case["load"]), "policy": everyone}) == run(
        {**case, "policy": everyone}
    )


@given(queues())
def test_assign_queue_answers_alike_with_position_loads(case: dict[str, Any]) -> None:
    assert run_queue({**case, "load": PositionLoads(case["load"])}) == run_queue(case)


@given(position_loads(), identifiers(), CHANNELS, st.integers(1, 5), st.data())
def test_took_and_released_count_as_a_dict_updated_by_hand(
    loads: PositionLoads, pid: str, channel: Channel, count: int, data: st.DataObject
) -> None:
    before = {key: dict(counts) for key, counts in loads.items()}
    held = before.get(pid, {}).get(channel, 0)
    expected = {**before, pid: {**before.get(pid, {}), channel: held + count}}
    more = loads.took(pid, channel, count)
    assert more == expected
    assert {key: dict(counts) for key, counts in loads.items()} == before  # unchanged
    assert more == PositionLoads(expected)
    assert hash(more) == hash(PositionLoads(expected))
    assert more._packed == PositionLoads(expected)._packed
    fewer = data.draw(st.integers(1, held + count), label="released")
    back = more.released(pid, channel.value, fewer)
    assert back == {**expected, pid: {**expected[pid], channel: held + count - fewer}}
    assert back._packed == PositionLoads(back)._packed
    with pytest.raises(InvalidEntityError, match=r"PositionLoads.released.count: "):
        back.released(pid, channel, held + count - fewer + 1)


@given(position_loads())
def test_it_is_a_mapping_that_round_trips(loads: PositionLoads) -> None:
    plain = {key: dict(counts) for key, counts in loads.items()}
    assert loads == plain
    assert plain == loads
    assert len(loads) == len(plain)
    assert list(loads) == list(plain)
    assert all(key in loads for key in plain)
    assert pickle.loads(pickle.dumps(loads)) == loads  # noqa: S301  # our own value
    conv = make_converter()
    assert conv.structure(conv.unstructure(loads), PositionLoads) == loads
    assert repr(loads) == f"PositionLoads(counts={plain!r})"


def test_channel_values_are_read_as_channels_and_missing_positions_hold_nothing() -> None:
    loads = PositionLoads({"ag-1": {"chat": 2, Channel.EMAIL: 1}})  # type: ignore[dict-item]
    assert loads["ag-1"] == {Channel.CHAT: 2, Channel.EMAIL: 1}
    assert loads.get("ag-9") is None
    assert loads.get(["unhashable"]) is None  # type: ignore[call-overload]
    assert ["unhashable"] not in loads  # type: ignore[comparison-overlap]
    assert PositionLoads() == {}
    with pytest.raises(KeyError):
        loads["ag-9"]


BAD_COUNTS: list[tuple[object, str]] = [
    (None, r"PositionLoads.counts: None, expected a mapping from a position id to channel counts"),
    ({"ag-1": 3}, r"PositionLoads.counts\['ag-1'\]: 3, expected a mapping from Channel to a count"),
    ({"ag-1": {"pigeon": 1}}, r"PositionLoads.counts\['ag-1'\]: 'pigeon', expected Channel keys"),
    ({"ag-1": {Channel.CHAT: -1}}, r"counts\['ag-1'\]\['chat'\]: -1, expected a whole number of 0"),
    ({"ag-1": {Channel.CHAT: True}}, r"\['chat'\]: True, expected a whole number of 0 or more"),
    ({"ag-1": {Channel.CHAT: 1.0}}, r"\['chat'\]: 1.0, expected a whole number of 0 or more"),
    ({7: {}}, r"PositionLoads.counts key: 7, expected a non-empty string"),
    ({" ag-1": {}}, r"PositionLoads.counts key: ' ag-1', expected a non-empty string"),
]


@pytest.mark.parametrize(("counts", "message"), BAD_COUNTS)
def test_bad_counts_are_refused_naming_them(counts: object, message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        PositionLoads(counts)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"(?s)PositionLoads: .*counts"):
        make_converter().structure({"counts": counts}, PositionLoads)


BAD_CHANGES: list[tuple[dict[str, Any], str]] = [
    ({"position": ""}, r"PositionLoads.took.position: '', expected a non-empty string"),
    ({"position": None}, r"PositionLoads.took.position: None, expected a non-empty string"),
    ({"channel": "pigeon"}, r"PositionLoads.took.channel: 'pigeon', expected a Channel or its"),
    ({"count": 0}, r"PositionLoads.took.count: 0, expected a whole number of 1 or more"),
    ({"count": True}, r"PositionLoads.took.count: True, expected a whole number of 1 or more"),
    ({"count": 1.0}, r"PositionLoads.took.count: 1.0, expected a whole number of 1 or more"),
]


@pytest.mark.parametrize(("change", "message"), BAD_CHANGES)
def test_bad_changes_are_refused_naming_them(change: dict[str, Any], message: str) -> None:
    loads = PositionLoads({"ag-1": {Channel.CHAT: 2}})
    arguments = {"position": "ag-1", "channel": Channel.CHAT, "count": 1, **change}
    with pytest.raises(InvalidEntityError, match=message):
        loads.took(**arguments)
    with pytest.raises(InvalidEntityError, match=message.replace("took", "released")):
        loads.released(**arguments)
    assert loads == {"ag-1": {Channel.CHAT: 2}}


def test_releasing_more_than_held_is_refused_naming_what_is_held() -> None:
    loads = PositionLoads({"ag-1": {Channel.CHAT: 2}})
    message = (
        "PositionLoads.released.count: 3, expected at most 2 (the chat interactions 'ag-1' has)"
    )
    with pytest.raises(InvalidEntityError, match=re.escape(message)):
        loads.released("ag-1", Channel.CHAT, 3)
    assert loads.released("ag-1", Channel.CHAT, 2) == {"ag-1": {Channel.CHAT: 0}}


def test_assign_checks_the_position_ids_of_position_loads_against_the_chart() -> None:
    stranger = PositionLoads({"ag-9": {Channel.PHONE: 1}})
    for rule in AssignmentRule:
        policy = AssignmentPolicy(rule=rule)
        with pytest.raises(UnknownPositionError, match=r"assign.load: 'ag-9', expected the id"):
            assign(call(), desk(), now=T0, load=stranger, policy=policy)
        with pytest.raises(UnknownPositionError, match=r"assign_queue.load: 'ag-9', expected"):
            assign_queue([call()], desk(), now=T0, load=stranger, policy=policy)


def test_a_busy_agent_is_passed_over_with_position_loads_too() -> None:
    busy = PositionLoads({"ag-1": {Channel.PHONE: 1}})
    taken = assign(call(), desk(), now=T0, load=busy)
    assert taken.position == "ag-2"
    assert taken == assign(call(), desk(), now=T0, load={"ag-1": {Channel.PHONE: 1}})
    assert assign(call(), desk(), now=T0, load=busy.released("ag-1", Channel.PHONE)).position == (
        "ag-1"
    )


def test_equal_shares_are_ranked_by_the_total_load_past_a_full_shortlist() -> None:
    # Six free agents, each on no call: the fewest emails win, though the
    # first two met fill a shortlist of two.
    chart = OrgChart(
        positions=[
            Position(id="lead", role="call_center_manager"),
            *(
                Position(id=f"ag-{n}", role="call_center_agent", reports_to="lead")
                for n in range(1, 7)
            ),
        ]
    )
    emails = {f"ag-{n}": {Channel.EMAIL: 6 - n, Channel.PHONE: 0} for n in range(1, 7)}
    policy = AssignmentPolicy(shortlist=2)
    for load in (emails, PositionLoads(emails)):
        taken = assign(call(), chart, now=T0, load=load, policy=policy)
        assert [c.position for c in taken.candidates] == ["ag-6", "ag-5"]


def test_the_ids_are_checked_again_for_another_chart_and_after_a_new_position() -> None:
    chart = desk()
    loads = PositionLoads({"ag-2": {Channel.PHONE: 1}})
    assert assign(call(), chart, now=T0, load=loads).position == "ag-1"
    smaller = OrgChart(positions=[Position(id="ag-1", role="call_center_agent")])
    with pytest.raises(UnknownPositionError, match=r"assign.load: 'ag-2', expected the id"):
        assign(call(), smaller, now=T0, load=loads)
    assert assign(call(), chart, now=T0, load=loads).position == "ag-1"
    busier = loads.took("ag-1", Channel.PHONE)
    assert assign(call(), chart, now=T0, load=busier).position == "lead"
    stranger = busier.took("ag-9", Channel.EMAIL)
    for policy in (None, AssignmentPolicy(rule=AssignmentRule.ROUND_ROBIN)):
        with pytest.raises(UnknownPositionError, match=r"assign.load: 'ag-9', expected the id"):
            assign(call(), chart, now=T0, load=stranger, policy=policy)
