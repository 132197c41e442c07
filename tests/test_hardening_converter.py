"""Converter fuzzing over every entity type, and string enums taken by value in every field.

Documents come from the public strategies, unstructured, then mutated. The
converter may accept a mutated document (it then round-trips) or refuse it
with one InvalidEntityError; nothing else. Corrupting several fields at once
gets every one of them reported.

The example counts follow the hypothesis profile: a tenth of the profile's
``max_examples`` per entity type, so the ``deep`` profile (``make test-deep``)
runs ten times the ``ci`` one.
"""

from __future__ import annotations

import enum
import json
import typing
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import csroles
from csroles import CsrolesError, InvalidEntityError, make_converter
from csroles import strategies as cs

CONV = make_converter()
EXAMPLES = max(10, settings().max_examples // 10)

STRATEGIES: list[tuple[type, st.SearchStrategy[Any]]] = [
    (csroles.Account, cs.accounts()),
    (csroles.Authority, cs.authorities()),
    (csroles.BusinessCalendar, cs.business_calendars()),
    (csroles.Catalog, cs.catalogs(max_roles=3)),
    (csroles.Customer, cs.customers()),
    (csroles.EscalationPolicy, cs.escalation_policies()),
    (csroles.EscalationStep, cs.escalation_steps()),
    (csroles.Escalation, cs.escalations()),
    (csroles.Event, cs.events()),
    (csroles.Interaction, cs.interactions(max_events=6)),
    (csroles.OrgChart, cs.org_charts(max_size=6)),
    (csroles.Party, cs.parties()),
    (csroles.Pay, cs.pays()),
    (csroles.Period, cs.periods()),
    (csroles.Position, cs.positions()),
    (csroles.Request, cs.requests()),
    (csroles.Responsibility, cs.responsibilities()),
    (csroles.Role, cs.roles()),
    (csroles.SLAClock, cs.sla_clocks()),
    (csroles.SLA, cs.slas()),
    (csroles.TitleParts, cs.title_parts()),
    (csroles.AssignmentPolicy, cs.assignment_policies()),
    (csroles.PositionLoads, cs.position_loads()),
    (csroles.Skill, cs.skills()),
    (csroles.QueueFigures, cs.queue_figures()),
    (csroles.AgentRequirement, cs.agent_requirements()),
    (csroles.ForecastInterval, cs.forecast_intervals()),
    (csroles.IntervalStaffing, cs.interval_staffings()),
    (csroles.ChannelStaffing, cs.channel_staffings()),
    (csroles.StaffingPlan, cs.staffing_plans(max_intervals=3)),
    (csroles.TeamPlan, cs.team_plans(max_intervals=2)),
    (csroles.ClockCondition, cs.clock_conditions()),
    (csroles.ClockSegment, cs.clock_segments()),
    (csroles.MetricDefinition, cs.metric_definitions()),
    (csroles.PolicyCondition, cs.policy_conditions()),
    (csroles.SLAPolicy, cs.sla_policies()),
    (csroles.PolicySet, cs.policy_sets(max_policies=3)),
]
IDS = [cls.__name__ for cls, _ in STRATEGIES]


def test_every_entity_type_is_fuzzed() -> None:
    # The entity types are those the public strategies make (test_strategies
    # checks that every public entity has one): a new one joins this list.
    assert set(IDS) == set(cs._STRATEGY_FOR_TYPE)


def _deep(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


# Values that no field should turn into a foreign exception.
JUNK = st.sampled_from(
    [
        None,
        True,
        0,
        -1,
        10**400,
        -(10**400),
        1e308,
        float("nan"),
        float("inf"),
        "",
        " ",
        "x" * 10_000,
        "PT99999999999H",
        "9999-12-31T23:59:59-23:59",
        "0001-01-01T00:00:00+23:59",
        "Europe",
        "localtime",
        [],
        {},
        _deep(400),
        {"0": [], "00": []},
    ]
) | st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=8,
)


def _nodes(doc: Any) -> list[tuple[tuple[Any, ...], Any]]:
    found: list[tuple[tuple[Any, ...], Any]] = []

    def walk(node: Any, keys: tuple[Any, ...]) -> None:
        found.append((keys, node))
        if isinstance(node, dict):
            for key, child in node.items():
                walk(child, (*keys, key))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, (*keys, index))

    walk(doc, ())
    return found


def _replaced(doc: Any, keys: tuple[Any, ...], value: Any) -> Any:
    if not keys:
        return value
    copy = json.loads(json.dumps(doc))
    parent = copy
    for key in keys[:-1]:
        parent = parent[key]
    parent[keys[-1]] = value
    return copy


@pytest.mark.parametrize(("cls", "strategy"), STRATEGIES, ids=IDS)
def test_mutated_documents_round_trip_or_are_refused_clearly(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    @settings(max_examples=EXAMPLES)
    @given(strategy, st.data())
    def check(value: Any, data: st.DataObject) -> None:
        doc = CONV.unstructure(value)
        assert CONV.structure(json.loads(json.dumps(doc)), cls) == value
        for _ in range(data.draw(st.integers(1, 3), label="mutations")):
            keys, _ = data.draw(st.sampled_from(_nodes(doc)), label="node")
            doc = _replaced(doc, keys, data.draw(JUNK, label="junk"))
        result: object = None
        problems: tuple[tuple[str, str], ...] = ()
        text = ""
        try:
            result = CONV.structure(doc, cls)
        except InvalidEntityError as error:
            problems, text = error.problems, str(error)
        if result is None:
            assert problems
            assert len(text) <= 2000
            assert all(
                type(path) is str and type(message) is str and message for path, message in problems
            )
        else:
            assert type(result) is cls
            assert CONV.structure(CONV.unstructure(result), cls) == result

    check()


@pytest.mark.parametrize(("cls", "strategy"), STRATEGIES, ids=IDS)
def test_every_corrupted_field_is_reported(cls: type, strategy: st.SearchStrategy[Any]) -> None:
    @settings(max_examples=EXAMPLES)
    @given(strategy, st.data())
    def check(value: Any, data: st.DataObject) -> None:
        doc = CONV.unstructure(value)
        leaves = [keys for keys, node in _nodes(doc) if not isinstance(node, dict | list)]
        if len(leaves) < 2:
            return
        chosen = data.draw(st.lists(st.sampled_from(leaves), min_size=2, max_size=3, unique=True))
        for keys in chosen:
            doc = _replaced(doc, keys, {"corrupt": []})  # an object is never a scalar
        with pytest.raises(InvalidEntityError) as refused:
            CONV.structure(doc, cls)
        assert len(refused.value.problems) >= len(chosen), refused.value.problems

    check()


# ------------------------------------------------------------------ string enums by value


def _enum_fields(*, optional: bool = True) -> list[Any]:
    cases = []
    for cls, strategy in STRATEGIES:
        for field in attrs.fields(attrs.resolve_types(cls)):
            is_optional = _optional(field.type)
            tp = typing.get_args(field.type)[0] if is_optional else field.type
            if not field.init or not isinstance(tp, type) or not issubclass(tp, enum.StrEnum):
                continue
            if optional or not is_optional:
                case_id = f"{cls.__name__}.{field.name}"
                cases.append(pytest.param(cls, strategy, field.alias, tp, id=case_id))
    return cases


def _optional(tp: object) -> bool:
    return typing.get_origin(tp) in {typing.Union, __import__("types").UnionType}


ENUM_FIELDS = _enum_fields()


def test_the_enum_fields_are_found() -> None:
    names = {case.id for case in ENUM_FIELDS}
    assert {"Event.kind", "Interaction.channel", "Interaction.priority", "Role.level"} <= names


@pytest.mark.parametrize(("cls", "strategy", "field", "enum_type"), ENUM_FIELDS)
def test_a_string_enums_value_and_its_member_give_equal_entities(
    cls: type, strategy: st.SearchStrategy[Any], field: str, enum_type: type[enum.StrEnum]
) -> None:
    @settings(max_examples=EXAMPLES)
    @given(strategy)
    def check(value: Any) -> None:
        member = getattr(value, field.lstrip("_"))
        if member is None:
            return
        by_value = attrs.evolve(value, **{field: member.value})
        assert by_value == value
        assert getattr(by_value, field.lstrip("_")) is member

    check()


# Optional fields are often None by rule (an event's priority is only for some kinds).
REQUIRED_ENUM_FIELDS = _enum_fields(optional=False)


@pytest.mark.parametrize(("cls", "strategy", "field", "enum_type"), REQUIRED_ENUM_FIELDS)
def test_a_non_member_lists_the_members(
    cls: type, strategy: st.SearchStrategy[Any], field: str, enum_type: type[enum.StrEnum]
) -> None:
    @settings(max_examples=min(EXAMPLES, 20))
    @given(
        strategy, st.text(max_size=12).filter(lambda text: text not in enum_type._value2member_map_)
    )
    def check(value: Any, text: str) -> None:
        with pytest.raises(CsrolesError) as refused:
            attrs.evolve(value, **{field: text})
        first = next(iter(enum_type)).value
        assert repr(first) in str(refused.value)

    check()
