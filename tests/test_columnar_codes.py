"""The column readers' code lookup: fast paths against the plain definition.

A value's code is the position of the member its text equals (``None`` is -1
where nulls are allowed); anything else is refused, naming the first row. The
oracle reads each value with ``str`` and a list search.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import EventKind, InvalidEntityError, Priority
from csroles.columnar._sla import _codes

KINDS = [k.value for k in EventKind]
PRIORITIES = [p.value for p in Priority]


def near_misses(members: list[str]) -> st.SearchStrategy[str]:
    """Members, and strings one edit away from one (same length, a prefix, one longer)."""

    @st.composite
    def edited(draw: st.DrawFn) -> str:
        word = draw(st.sampled_from(members))
        at = draw(st.integers(0, len(word) - 1))
        how = draw(st.sampled_from(["swap", "cut", "grow"]))
        if how == "swap":
            return word[:at] + draw(st.sampled_from("xé_\x00Z")) + word[at + 1 :]
        if how == "cut":
            return word[:at]
        return word + draw(st.sampled_from("sé_"))

    return st.sampled_from(members) | edited()


def oracle(values: list[Any], members: list[str], *, nullable: bool) -> list[int] | int:
    """The codes, or the first row refused."""
    found = []
    for row, value in enumerate(values):
        if value is None and nullable:
            found.append(-1)
        elif str(value) in members and str(value) == value:
            found.append(members.index(str(value)))
        else:
            return row
    return found


@given(
    st.sampled_from([(KINDS, False), (PRIORITIES, True)]).flatmap(
        lambda pair: st.tuples(
            st.just(pair[0]),
            st.just(pair[1]),
            st.lists(near_misses(pair[0]) | st.none(), min_size=1, max_size=30)
            if pair[1]
            else st.lists(near_misses(pair[0]), min_size=1, max_size=30),
        )
    ),
    st.booleans(),
)
def test_codes_are_the_members_positions(case: tuple[Any, ...], fixed_width: bool) -> None:
    members, nullable, values = case
    if fixed_width and None not in values and "\x00" not in "".join(values):
        column = np.array(values)  # numpy's fixed-width strings
    else:
        column = np.empty(len(values), dtype=object)
        column[:] = values
    expected = oracle(values, members, nullable=nullable)
    if isinstance(expected, int):
        with pytest.raises(InvalidEntityError, match=rf"events\['c'\]\[{expected}\]"):
            _codes("t", "c", column, members, nullable=nullable)
    else:
        assert _codes("t", "c", column, members, nullable=nullable).tolist() == expected


def test_members_and_enum_members_read_the_same() -> None:
    column = np.array([EventKind.OPENED, "opened", np.str_("resolved")], dtype=object)
    assert _codes("t", "c", column, KINDS, nullable=False).tolist() == [0, 0, 10]


def test_unhashable_and_wider_values_are_refused_by_row() -> None:
    column = np.array(["opened", ["opened"]], dtype=object)
    with pytest.raises(InvalidEntityError, match=r"events\['c'\]\[1\]"):
        _codes("t", "c", column, KINDS, nullable=False)
    narrow = np.array(["closed", "opened", "closet"])  # U6: longer members cannot fit
    with pytest.raises(
        InvalidEntityError, match=r"events\['c'\]\[2\]: np.str_\('closet'\)|'closet'"
    ):
        _codes("t", "c", narrow, KINDS, nullable=False)
    assert _codes("t", "c", narrow[:2], KINDS, nullable=False).tolist() == [12, 0]
