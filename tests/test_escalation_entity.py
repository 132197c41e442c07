"""The Escalation entity and its parties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Account,
    Customer,
    Escalation,
    EscalationKind,
    EscalationReason,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Party,
    PartyKind,
)
from csroles.strategies import accounts, customers, escalations, events, interactions, parties

AT = datetime(2026, 5, 4, 10, 15, tzinfo=UTC)


def escalation(**changes: Any) -> Escalation:
    fields: dict[str, Any] = {
        "interaction_id": "T-1",
        "source": Party.role("customer_service_representative"),
        "target": Party.role("customer_service_manager"),
        "kind": EscalationKind.HIERARCHICAL,
        "reasons": [EscalationReason.AUTHORITY],
        "at": AT,
        **changes,
    }
    return Escalation(**fields)


def test_parties() -> None:
    assert Party.position("pos-1") == Party(kind=PartyKind.POSITION, id="pos-1")
    assert Party.role("customer_success_manager").kind is PartyKind.ROLE
    assert Party.team("Billing EU").id == "Billing EU"
    assert str(Party.team("legal")) == "team:legal"
    assert len({Party.team("a"), Party.team("a"), Party.position("a")}) == 2


@pytest.mark.parametrize(
    ("fields", "pattern"),
    [
        ({"kind": "crowd", "id": "x"}, r"^Party\.kind: 'crowd', expected a PartyKind"),
        ({"kind": PartyKind.TEAM, "id": ""}, r"^Party\.id: '', expected a non-empty string"),
        (
            {"kind": PartyKind.ROLE, "id": "Manager"},
            r"^Party\.id: 'Manager', expected a snake_case",
        ),
        ({"kind": PartyKind.ROLE, "id": "a__b"}, r"^Party\.id: 'a__b', expected a snake_case"),
        ({"kind": PartyKind.ROLE, "id": "_a"}, r"^Party\.id: '_a', expected a snake_case"),
        ({"kind": PartyKind.ROLE, "id": "9a"}, r"^Party\.id: '9a', expected a snake_case"),
    ],
)
def test_party_rules(fields: dict[str, Any], pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        Party(**fields)


def test_an_escalation() -> None:
    e = escalation(
        reasons=(EscalationReason.AUTHORITY, EscalationReason.CONFLICT, EscalationReason.AUTHORITY),
        note="refund above the limit",
    )
    assert e.reasons == frozenset({EscalationReason.AUTHORITY, EscalationReason.CONFLICT})
    assert e == escalation(
        reasons={EscalationReason.CONFLICT, EscalationReason.AUTHORITY},
        note="refund above the limit",
    )
    functional = escalation(kind=EscalationKind.FUNCTIONAL, target=Party.team("tier-2"))
    assert functional.target.kind is PartyKind.TEAM


def test_the_time_keeps_its_instant_with_a_fixed_offset() -> None:
    moscow = escalation(at=datetime(2026, 5, 4, 13, 15, tzinfo=ZoneInfo("Europe/Moscow")))
    assert moscow.at == AT
    assert moscow.at.utcoffset() == timedelta(hours=3)
    assert type(moscow.at.tzinfo) is timezone


@pytest.mark.parametrize(
    ("changes", "pattern"),
    [
        ({"interaction_id": ""}, r"^Escalation\.interaction_id: '', expected a non-empty"),
        ({"source": "pos-1"}, r"^Escalation\.source: 'pos-1', expected a Party"),
        ({"target": None}, r"^Escalation\.target: None, expected a Party"),
        (
            {"source": Party.team("billing"), "kind": EscalationKind.FUNCTIONAL},
            r"^Escalation\.source: .*'billing'\), expected a position or a role \(a team does not",
        ),
        (
            {"target": Party.role("customer_service_representative")},
            r"^Escalation\.target: .*, expected a party other than the source",
        ),
        (
            {"target": Party.team("billing")},
            r"^Escalation\.target: .*, expected a position or a role for a hierarchical",
        ),
        ({"kind": "sideways"}, r"^Escalation\.kind: 'sideways', expected an EscalationKind"),
        ({"reasons": []}, r"^Escalation\.reasons: frozenset\(\), expected at least one"),
        ({"reasons": ["boredom"]}, r"^Escalation\.reasons\[0\]: 'boredom', expected an"),
        ({"reasons": "sla_risk"}, r"^Escalation\.reasons: 'sla_risk', expected a collection"),
        ({"reasons": 3}, r"^Escalation\.reasons: 3, expected a collection"),
        ({"at": datetime(2026, 5, 4)}, r"^Escalation\.at: .*naive"),
        ({"at": "2026-05-04T10:00Z"}, r"^Escalation\.at: '2026-05-04T10:00Z', expected an aware"),
        ({"note": 1}, r"^Escalation\.note: 1, expected None or a string"),
    ],
)
def test_escalation_rules(changes: dict[str, Any], pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        escalation(**changes)


def test_as_event() -> None:
    e = escalation(note="over the limit")
    event = e.as_event(by="agent-7")
    assert event.kind is EventKind.ESCALATED
    assert event.at == AT
    assert event.assignee == "role:customer_service_manager"
    assert (event.by, event.note) == ("agent-7", "over the limit")
    assert escalation().as_event().by is None


# ------------------------------------------------------------------ junk in any field

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=5),
    st.binary(max_size=3),
    st.datetimes(),
    st.lists(st.integers(), max_size=2),
    st.lists(st.lists(st.integers(), max_size=1), min_size=1, max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.frozensets(st.integers(), max_size=2),
    st.sampled_from([object(), int, EventKind.OPENED, Party.team("x")]),
)
CONSTRUCTORS: list[tuple[type, st.SearchStrategy[Any]]] = [
    (Customer, customers()),
    (Account, accounts()),
    (Event, events()),
    (Interaction, interactions(max_events=5)),
    (Party, parties()),
    (Escalation, escalations()),
]


@pytest.mark.parametrize(
    ("cls", "strategy"), CONSTRUCTORS, ids=[cls.__name__ for cls, _ in CONSTRUCTORS]
)
def test_constructors_refuse_junk_with_invalid_entity_error(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    names = [a.alias for a in attrs.fields(cls) if a.init]

    @given(strategy, st.sampled_from(names), JUNK)
    def check(value: Any, name: str, junk: object) -> None:
        fields = {n: getattr(value, n) for n in names}
        fields[name] = junk
        message = f"{cls.__name__}."
        try:
            cls(**fields)
        except InvalidEntityError as error:
            message = str(error)
        assert message.startswith(f"{cls.__name__}."), message

    check()
