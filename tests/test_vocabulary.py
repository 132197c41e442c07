import enum
import json
import operator
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import csroles
from csroles import vocabulary
from csroles.vocabulary import Level, Priority

ALL_ENUMS: list[type[enum.StrEnum]] = [getattr(vocabulary, name) for name in vocabulary.__all__]
RANKED: list[type[enum.StrEnum]] = [Priority, Level]


def test_design_members_are_present() -> None:
    # The members that DESIGN.md names are the API; more may be added.
    expected = {
        csroles.Channel: {
            "phone",
            "email",
            "chat",
            "social",
            "face_to_face",
            "fax",
            "mail",
            "video",
            "messaging",
        },
        csroles.Direction: {"inbound", "outbound"},
        csroles.Priority: {"low", "normal", "high", "urgent"},
        csroles.Level: {"individual", "supervisor", "manager", "director", "executive"},
        csroles.Focus: {"service", "support", "success", "experience", "advocacy", "leadership"},
        csroles.Metric: {
            "first_response_time",
            "next_response_time",
            "resolution_time",
            "csat",
            "nps",
            "retention_rate",
            "customer_lifetime_value",
        },
        csroles.Language: {"en", "it", "ru"},
        csroles.EscalationKind: {"functional", "hierarchical"},
        csroles.EscalationReason: {
            "authority",
            "expertise",
            "sla_risk",
            "conflict",
            "customer_request",
        },
    }
    for cls, values in expected.items():
        assert values <= {member.value for member in cls}, cls


def test_event_kinds_of_the_entities_issue() -> None:
    assert {k.value for k in csroles.EventKind} == {
        "opened", "agent_replied", "customer_replied", "waiting_on_customer",
        "waiting_on_third_party", "resumed", "priority_changed", "assigned",
        "transferred", "escalated", "resolved", "reopened", "closed", "survey_answered",
        # read by the escalation rules
        "manager_requested", "complained", "resolution_failed",
    }  # fmt: skip


@pytest.mark.parametrize("cls", ALL_ENUMS)
def test_values_are_lowercase_names(cls: type[enum.StrEnum]) -> None:
    for member in cls:
        assert member.value == member.name.lower()
        assert cls(member.value) is member
        assert json.loads(json.dumps(member)) == member.value


@pytest.mark.parametrize("cls", ALL_ENUMS)
def test_bad_values_are_refused(cls: type[enum.StrEnum]) -> None:
    with pytest.raises(ValueError, match="is not a valid"):
        cls("no such member")


def test_ranked_orders_follow_the_class_body() -> None:
    assert list(Priority) == [Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT]
    assert sorted(Level, reverse=True)[0] is Level.EXECUTIVE
    assert Priority.ranked() == tuple(Priority)
    # Alphabetically "high" < "low"; by rank it is the other way round.
    assert Priority.HIGH > Priority.LOW
    assert Level.DIRECTOR > Level.MANAGER


OPS: list[Callable[[Any, Any], bool]] = [operator.lt, operator.le, operator.gt, operator.ge]


@pytest.mark.parametrize("cls", RANKED)
@given(data=st.data())
def test_comparisons_agree_with_rank(
    cls: type[Priority] | type[Level], data: st.DataObject
) -> None:
    a = data.draw(st.sampled_from(list(cls)))
    b = data.draw(st.sampled_from(list(cls)))
    for op in OPS:
        assert op(a, b) == op(a.rank, b.rank)
    assert (a == b) == (a.rank == b.rank)
    assert hash(a) == hash(a.value)


def test_ranked_members_do_not_compare_across_enums() -> None:
    with pytest.raises(TypeError):
        _ = Priority.HIGH < Level.MANAGER
    with pytest.raises(TypeError):
        _ = Level.MANAGER >= 3  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Level.MANAGER <= 3  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Level.MANAGER > 3  # type: ignore[operator]


def test_members_usable_as_dict_keys_by_value() -> None:
    table: dict[str, int] = {Priority.HIGH: 1}
    assert table["high"] == 1
