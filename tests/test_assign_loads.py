"""When assign checks its load, and what its refusals count, against a model of the rules.

``assign`` checks every position id of the load, and the counts of a position
only when it reads them: when the position fits the interaction and is on
shift. The model says which positions those are from the documented rules
alone; a bad entry is refused exactly for them, and makes no difference for
the others.
"""

from __future__ import annotations

import re
from collections import Counter
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    AssignmentPolicy,
    AssignmentRule,
    Channel,
    Customer,
    InvalidEntityError,
    Overflow,
    Position,
    Refusal,
    assign,
    assign_queue,
    levels_for,
)
from tests.test_assignment import T0, call, cases, covers, desk, run

# ------------------------------------------------------------------ the model


def reads(case: dict[str, Any], pid: str) -> bool:
    """Whether assign reads the counts of ``pid``: it fits the interaction and is on shift."""
    chart = case["chart"]
    shift = chart.shift_of(pid)
    fits = covers(case["interaction"], chart, chart.position(pid), case["customer"])
    return fits and (shift is None or shift.is_open(case["now"]))


def refusal(case: dict[str, Any], p: Position) -> Refusal | None:  # noqa: PLR0911 (one per rule)
    """The first documented rule that rules ``p`` out, or None for a candidate."""
    interaction, chart, customer = case["interaction"], case["chart"], case["customer"]
    policy: AssignmentPolicy = case["policy"]
    channel = interaction.channel
    if (
        interaction.topic not in chart.topics_of(p.id)
        or channel not in chart.role_of(p.id).channels | p.channels
    ):
        return Refusal.NOT_COVERED
    theirs = {t.split("-")[0].lower() for t in customer.languages} if customer else set()
    if theirs and p.languages and not theirs & {t.split("-")[0].lower() for t in p.languages}:
        return Refusal.LANGUAGE
    if interaction.product is not None and p.products and interaction.product not in p.products:
        return Refusal.PRODUCT
    segment = customer.segment if customer is not None else None
    if segment is not None and p.segments and segment not in p.segments:
        return Refusal.SEGMENT
    shift = chart.shift_of(p.id)
    if shift is not None and not shift.is_open(case["now"]):
        return Refusal.OFF_SHIFT
    limit = p.channel_capacity.get(channel, policy.capacity.get(channel))
    if limit is not None and case["load"].get(p.id, {}).get(channel, 0) >= limit:
        return Refusal.AT_CAPACITY
    suitable = levels_for(interaction.current_priority)
    level = chart.role_of(p.id).level
    in_team = interaction.group is None or chart.team_of(p.id) == interaction.group
    reached = (
        (level in suitable and in_team)
        or (level in suitable and Overflow.OTHER_TEAMS in policy.overflow)
        or (level > max(suitable) and in_team and Overflow.NEXT_LEVEL in policy.overflow)
    )
    account = interaction.account_id
    owner = policy.ownership and account is not None and case["owners"].get(account) == p.id
    if not reached and not owner:
        return Refusal.OUT_OF_TIER
    return None


# ------------------------------------------------------------------ bad entries

CHANNELS = st.sampled_from(Channel)
BAD_COUNTS = st.sampled_from([-1, -7, 1.5, 2.0, True, False, None, "2", Fraction(1)])


@st.composite
def bad_entries(draw: st.DrawFn) -> object:
    """A position's entry of a load that is not channel -> whole number of 0 or more."""
    kind = draw(st.sampled_from(["count", "channel", "not a mapping"]))
    if kind == "not a mapping":
        return draw(st.sampled_from([3, None, "phone", [(Channel.PHONE, 1)], 0, ()]))
    entry: dict[object, object] = draw(st.dictionaries(CHANNELS, st.integers(0, 3), max_size=2))
    if kind == "count":
        entry[draw(CHANNELS)] = draw(BAD_COUNTS)
    else:
        entry[draw(st.sampled_from(["pigeon", 7, None]))] = draw(st.integers(0, 3))
    return entry


# ------------------------------------------------------------------ properties


@given(cases(), st.data())
def test_loads_and_refusals_against_the_model(case: dict[str, Any], data: st.DataObject) -> None:
    """One drawn case, every property (drawing a chart costs more than checking it)."""
    refusals_count_what_rules_each_position_out(case)
    counts_in_any_mapping_read_as_in_a_dict(case)
    ids = [p.id for p in case["chart"]]
    if ids:
        pid = data.draw(st.sampled_from(ids), label="position")
        bad = data.draw(bad_entries(), label="entry")
        a_bad_entry_is_refused_exactly_when_assign_reads_it(case, pid, bad)


def a_bad_entry_is_refused_exactly_when_assign_reads_it(
    case: dict[str, Any], pid: str, bad: object
) -> None:
    load = {**case["load"], pid: bad}
    if reads(case, pid):
        with pytest.raises(InvalidEntityError, match=re.escape(f"assign.load[{pid!r}]")):
            run({**case, "load": load})
    else:
        without = {key: counts for key, counts in case["load"].items() if key != pid}
        assert run({**case, "load": load}) == run({**case, "load": without})
    # assign_queue checks every count, whether it would read it or not.
    customers = [case["customer"]] if case["customer"] is not None else None
    with pytest.raises(InvalidEntityError, match=re.escape(f"assign_queue.load[{pid!r}]")):
        assign_queue(
            [case["interaction"]],
            case["chart"],
            now=case["now"],
            load=load,
            customers=customers,
            policy=case["policy"],
        )


def refusals_count_what_rules_each_position_out(case: dict[str, Any]) -> None:
    everyone = {**case, "policy": attrs.evolve(case["policy"], shortlist=None)}
    expected = Counter(refusal(case, p) for p in case["chart"])
    candidates = expected.pop(None, 0)
    for given_case in (case, everyone):
        assert dict(run(given_case).refusals) == dict(expected)
    assert len(run(everyone).candidates) == candidates


def counts_in_any_mapping_read_as_in_a_dict(case: dict[str, Any]) -> None:
    proxies = {key: MappingProxyType(counts) for key, counts in case["load"].items()}
    assert run({**case, "load": proxies}) == run(case)


# ------------------------------------------------------------------ examples


def test_the_counts_of_a_position_read_are_refused_naming_them() -> None:
    entries: list[tuple[Any, str]] = [
        ({Channel.PHONE: -1}, r"assign.load\['ag-1'\]\['phone'\]: -1, expected a whole number"),
        ({Channel.PHONE: True}, r"\['phone'\]: True, expected a whole number of 0 or more"),
        ({Channel.EMAIL: 2.0}, r"\['email'\]: 2.0, expected a whole number of 0 or more"),
        ({"pigeon": 1}, r"assign.load\['ag-1'\]: 'pigeon', expected Channel keys"),
        (None, r"assign.load\['ag-1'\]: None, expected a mapping from Channel"),
        (0, r"assign.load\['ag-1'\]: 0, expected a mapping from Channel"),
    ]
    for entry, message in entries:
        for rule in AssignmentRule:
            with pytest.raises(InvalidEntityError, match=message):
                assign(
                    call(), desk(), now=T0, load={"ag-1": entry}, policy=AssignmentPolicy(rule=rule)
                )


def test_the_counts_of_a_position_not_read_are_not_checked() -> None:
    # ag-1 speaks only German: an Italian customer's call never reads its counts.
    chart = desk(languages=["de"])
    anna = Customer(id="C-1", name="Anna", languages=["it"])
    bad: dict[str, Any] = {"ag-1": {Channel.PHONE: -1, "pigeon": 2}}
    taken = assign(call(), chart, now=T0, load=bad, customer=anna)
    assert taken.position == "ag-2"
    assert taken.refusals == {Refusal.LANGUAGE: 1}
    with pytest.raises(InvalidEntityError, match=r"assign.load\['ag-1'\]\['phone'\]: -1"):
        assign(call(), chart, now=T0, load=bad)  # no customer: every language will do


def test_position_ids_are_checked_first_and_counts_after_the_other_arguments() -> None:
    chart = desk()
    stranger = Customer(id="C-9", name="Other")
    with pytest.raises(InvalidEntityError, match=r"assign.customer: 'C-9', expected the inter"):
        assign(call(), chart, now=T0, load={"ag-1": {Channel.PHONE: -1}}, customer=stranger)
    with pytest.raises(LookupError, match=r"assign.load: 'ag-9', expected the id"):
        assign(call(), chart, now=T0, load={"ag-9": {}}, customer=stranger)
