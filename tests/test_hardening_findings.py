"""Bad input refused fast and clearly: one test per reproducer found at the edges.

Each test pins a fact by hand: an input that once let a foreign exception out,
merged two keys silently, reported one problem of several or accepted what it
should not.
"""

from __future__ import annotations

import json
import sys
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import csroles
from csroles import (
    SLA,
    Account,
    Authority,
    BusinessCalendar,
    CalendarError,
    Channel,
    ClockCondition,
    CsrolesError,
    Customer,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Metric,
    Priority,
    SLAClock,
    Status,
    UnknownPositionError,
    customer_lifetime_value,
    decide_escalation,
    default_catalog,
    make_converter,
    success_team,
)
from csroles import _validation as v
from csroles import strategies as cs
from csroles.escalation import EscalationStep
from csroles.hierarchy import Position
from csroles.vocabulary import Level
from tests.test_calendar_errors import TwentyFiveHours

CONV = make_converter()
T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
MB5 = "q" * 5_000_000


def _ticket(**changes: Any) -> Interaction:
    fields: dict[str, Any] = {
        "id": "T-1",
        "customer_id": "C-1",
        "channel": Channel.PHONE,
        "direction": "inbound",
        "topic": "billing",
        "priority": Priority.NORMAL,
        "events": [Event(kind=EventKind.OPENED, at=T0)],
    }
    fields.update(changes)
    return Interaction(**fields)


# ------------------------------------------------------------------ zone names


NOT_ZONES = ["Europe", "US", "Etc", "America/Argentina", "a" * 300, "localtime", "", "../etc"]


@pytest.mark.parametrize("name", NOT_ZONES)
def test_zone_names_that_are_directories_or_the_host_zone_are_refused(name: str) -> None:
    with pytest.raises(CalendarError, match=r"^Customer\.timezone: .*, expected an IANA"):
        Customer(id="C-1", name="A", timezone=name)
    with pytest.raises(CalendarError, match=r"^BusinessCalendar\.timezone: "):
        BusinessCalendar(timezone=name, hours={0: [(time(9), time(17))]})
    with pytest.raises(CalendarError):
        BusinessCalendar.always_open(name)
    with pytest.raises(CalendarError):
        BusinessCalendar.always_open().with_timezone(name)
    period = csroles.Period(start=T0, end=T0 + timedelta(days=1))
    with pytest.raises(CalendarError, match=r"^workload\.timezone: "):
        csroles.workload([], period=period, timezone=name, quota=1)
    with pytest.raises(InvalidEntityError) as refused:
        CONV.structure({"id": "C-1", "name": "A", "timezone": name}, Customer)
    assert refused.value.problems[0][0] == "timezone"
    assert "Error(" not in str(refused.value)


def test_the_zone_check_takes_the_databases_zones() -> None:
    for name in ("Europe/Rome", "UTC", "Etc/GMT+12", "America/Argentina/Buenos_Aires"):
        assert v.known_zone(name)
        assert Customer(id="C-1", name="A", timezone=name).timezone == name


@given(st.text(max_size=40))
def test_any_text_is_a_zone_or_a_calendar_error(name: str) -> None:
    try:
        Customer(id="C-1", name="A", timezone=name)
    except CalendarError:
        assert not v.known_zone(name)
    else:
        assert zoneinfo.ZoneInfo(name).key == name


# ------------------------------------------------------------------ the converter's top level


def _deep_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("value", "tp"),
    [
        (10**5000, Customer),
        (_deep_list(5000), Customer),
        (["pigeon"], list[Channel]),
        ({"a": "pigeon"}, dict[str, Priority]),
        ([{"id": 3}], tuple[Customer, ...]),
        (float("inf"), Decimal),
        (MB5, Customer),
        (MB5, Decimal),
    ],
    ids=[
        "huge-int",
        "deep-list",
        "list-of-enum",
        "dict-of-enum",
        "tuple-of-entity",
        "inf",
        "5mb",
        "5mb-decimal",
    ],
)
def test_the_converter_lets_out_only_its_own_error(value: object, tp: Any) -> None:
    with pytest.raises(InvalidEntityError) as refused:
        CONV.structure(value, tp)
    assert len(str(refused.value)) < 600


def test_a_huge_integer_is_an_exact_decimal_or_refused_clearly() -> None:
    # Exact up to the length an amount's text is read at (and written back at) ...
    assert CONV.structure(10**90, Decimal) == Decimal(10) ** 90
    text = "1" + "0" * 90  # an exact JSON number written in full
    doc = json.loads(f'{{"refund_limit": {text}, "currency": "EUR"}}')
    assert CONV.structure(doc, Authority).refund_limit == Decimal(text)
    # ... and beyond it refused, naming the field, as its text would not read again.
    huge = json.loads(f'{{"refund_limit": 1{"0" * 400}, "currency": "EUR"}}')
    with pytest.raises(InvalidEntityError) as caught:
        CONV.structure(huge, Authority)
    expected = (
        "<an int of 1329 bits>, expected a decimal number as text of at most 100 "
        "characters such as '1250.00' (or a finite JSON number)"
    )
    assert caught.value.problems == (("refund_limit", expected),)


# ------------------------------------------------------------------ numbers too large for a float


@pytest.mark.parametrize(
    ("build", "label"),
    [
        (lambda: Position(id="p", role="call_center_agent", capacity=10**400), "Position.capacity"),
        (lambda: Account(id="A", customer_id="C", weight=10**400), "Account.weight"),
        (
            lambda: EscalationStep(threshold=10**400, level=Level.MANAGER),
            "EscalationStep.threshold",
        ),
        (lambda: success_team(capacity=10**400), "Position.capacity"),
        (lambda: success_team(relationship_managers=10**400), "success_team.relationship_managers"),
        (lambda: csroles.call_center_team(managers=10**400), "call_center_team.managers"),
        (
            lambda: customer_lifetime_value(
                average_value=10**400, gross_margin=1.0, churn_rate=0.5
            ),
            "customer_lifetime_value.average_value",
        ),
        (
            lambda: customer_lifetime_value(
                average_value=1e308, gross_margin=1.0, churn_rate=1e-308
            ),
            "customer_lifetime_value.average_value",
        ),
    ],
)
def test_numbers_too_large_for_a_float_are_refused(build: Any, label: str) -> None:
    with pytest.raises(InvalidEntityError, match=f"^{label}: "):
        build()


def test_a_scorecard_refuses_a_figure_too_large_for_a_float() -> None:
    role = default_catalog().get("customer_service_representative")
    with pytest.raises(InvalidEntityError, match=r"figures"):
        csroles.Scorecard.build(subject="csr-1", role=role, figures={Metric.CSAT: 10**400})


# ------------------------------------------------------------------ every problem at once


def test_an_account_document_reports_all_its_problems() -> None:
    doc = {"id": "A", "customer_id": "C", "weight": -1, "currency": "euro", "x": 1}
    with pytest.raises(InvalidEntityError) as refused:
        CONV.structure(doc, Account)
    assert sorted(path for path, _ in refused.value.problems) == ["currency", "weight", "x"]


def test_a_customer_document_reports_all_its_problems() -> None:
    doc = {
        "id": "C",
        "name": "A",
        "languages": ["it", "it"],
        "timezone": "Mars/Base",
        "segment": " ",
    }
    with pytest.raises(InvalidEntityError) as refused:
        CONV.structure(doc, Customer)
    paths = [path for path, _ in refused.value.problems]
    assert sorted(paths) == ["languages[1]", "segment", "timezone"]


# ------------------------------------------------------------------ bounded messages


def test_a_five_megabyte_value_gives_a_short_message() -> None:
    with pytest.raises(InvalidEntityError) as refused:
        Customer(id=" " + MB5, name="A")
    message = str(refused.value)
    assert len(message) < 300
    assert "5000001 characters" in message
    with pytest.raises(InvalidEntityError) as refused:
        CONV.structure({"id": "C", "name": "A", "timezone": MB5}, Customer)
    assert len(str(refused.value)) < 400


def test_every_message_is_bounded() -> None:
    assert len(str(CsrolesError("x" * 10**6))) <= 2000
    assert len(str(InvalidEntityError("x" * 10**6, problems=[("a", "b")]))) <= 2000


def test_values_that_cannot_be_printed_are_described() -> None:
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError

    assert v.quote(Hostile()) == "<a Hostile that cannot be printed>"
    assert v.quote(_deep_list(sys.getrecursionlimit() + 10)) == "<a list that cannot be printed>"
    assert v.quote(10**5000) == "<an int of 16610 bits>"


# ------------------------------------------------------------------ other foreign exceptions


def test_a_tzinfo_with_an_impossible_offset_is_refused() -> None:
    at = datetime(2026, 5, 1, tzinfo=TwentyFiveHours())
    with pytest.raises(CalendarError, match=r"^Event\.at: .*UTC offset under 24 hours"):
        Event(kind=EventKind.OPENED, at=at)
    with pytest.raises(CalendarError, match=r"^Period\.start: "):
        csroles.Period(start=at, end=T0)


def test_other_foreign_exceptions_are_refusals() -> None:
    with pytest.raises(InvalidEntityError, match=r"^normalize_title\.text: None"):
        csroles.titles.normalize_title(None)  # type: ignore[arg-type]
    sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(hours=8)})
    with pytest.raises(InvalidEntityError, match=r"^SLA\.target\(metric\): \[\]"):
        sla.target([], Priority.LOW)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"^SLAClock\.metric: \[\]"):
        SLAClock(metric=[], target=timedelta(1), elapsed=timedelta(0), state="running")  # type: ignore[arg-type]
    chart = csroles.customer_organisation()
    with pytest.raises(InvalidEntityError, match=r"^OrgChart\.nearest\.where: None"):
        chart.nearest("cc-agent-1-1", None)  # type: ignore[arg-type]


def test_workload_in_a_zone_before_year_one_is_refused() -> None:
    first = datetime(1, 1, 1, 5, tzinfo=UTC)
    done = _ticket(
        events=[
            Event(kind=EventKind.OPENED, at=first),
            Event(kind=EventKind.ASSIGNED, at=first, assignee="a-1"),
            Event(kind=EventKind.RESOLVED, at=first),
        ]
    )
    period = csroles.Period(start=first, end=first + timedelta(days=1))
    with pytest.raises(CalendarError, match=r"^workload\.period: "):
        csroles.workload([done], period=period, timezone="Etc/GMT+12", quota=1)


# ------------------------------------------------------------------ keys that mean the same thing


@pytest.mark.parametrize(
    ("field", "keys"),
    [
        ("hours", ["0", "00"]),
        ("hours", ["0", "-0"]),
        ("special_hours", ["2026-05-01", "20260501"]),
    ],
)
def test_keys_that_mean_the_same_thing_are_refused(field: str, keys: list[str]) -> None:
    shift = [["09:00:00", "17:00:00"]]
    doc: dict[str, Any] = {"timezone": "Europe/Rome", "hours": {"1": shift}}
    doc[field] = {keys[0]: shift, keys[1]: [["18:00:00", "20:00:00"]]}
    with pytest.raises(InvalidEntityError) as refused:
        CONV.structure(doc, BusinessCalendar)
    ((path, message),) = refused.value.problems
    assert path == f"{field}[{keys[1]!r}]"
    assert message == f"key {keys[1]!r} means the same as key {keys[0]!r}, expected each key once"


def test_the_default_catalog_cannot_be_changed_by_assignment() -> None:
    role = default_catalog().get("customer_service_representative")
    with pytest.raises(AttributeError):
        role.titles._data = {}  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        del role.titles._data  # type: ignore[attr-defined]
    assert default_catalog().get("customer_service_representative").titles == role.titles


# ------------------------------------------------------------------ friendly inputs, uniform errors


def test_plain_values_of_string_enums_are_taken_as_members() -> None:
    event = Event(kind="opened", at=T0)  # type: ignore[arg-type]
    assert event.kind is EventKind.OPENED
    assert event == Event(kind=EventKind.OPENED, at=T0)
    ticket = _ticket(channel="email", priority="high")
    assert ticket.channel is Channel.EMAIL
    assert ticket.priority is Priority.HIGH
    sla = SLA(name="S", targets={"first_response_time": timedelta(hours=1)})
    assert list(sla.targets) == [Metric.FIRST_RESPONSE_TIME]
    assert all(type(p) is Priority for p in sla.targets[Metric.FIRST_RESPONSE_TIME])
    with pytest.raises(
        InvalidEntityError,
        match=r"^Event\.kind: 'pigeon', expected an EventKind: one of 'opened', ",
    ):
        Event(kind="pigeon", at=T0)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"^Interaction\.channel: <Priority\.HIGH"):
        _ticket(channel=Priority.HIGH)  # a member of another enum is not a channel


def test_a_clock_condition_keeps_the_members_of_plain_values() -> None:
    # Found by the converter fuzzing once it covered every entity type: the
    # plain values were kept as strings, so an impossible condition was
    # accepted or failed with AttributeError, and `matches` never matched.
    condition = ClockCondition(kind="agent_replied", first_since="customer_replied")  # type: ignore[arg-type]
    assert condition.kind is EventKind.AGENT_REPLIED
    assert condition.first_since is EventKind.CUSTOMER_REPLIED
    assert ClockCondition(to_status="open").to_status is Status.OPEN  # type: ignore[arg-type]
    assert ClockCondition(kind="resolved").matches(EventKind.RESOLVED, Status.RESOLVED)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"^ClockCondition\.first_since: .*other than"):
        ClockCondition(kind="resolved", first_since="resolved")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"^ClockCondition\.first_since: .*'opened'"):
        ClockCondition(kind="opened", first_since="resolved")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"^ClockCondition\.to_status: "):
        ClockCondition(kind="resolved", to_status="open")  # type: ignore[arg-type]


@given(
    st.one_of(cs.interval_staffings(), cs.team_plans(max_intervals=2)),
    st.sampled_from([None, 5, float("nan"), ["ok", 3]]),
)
def test_staffing_results_refuse_reasons_that_are_not_texts(value: Any, reasons: object) -> None:
    # Found by the hostile-argument sweep once every entity had a valid
    # example: a TypeError escaped where the reasons were not a collection.
    name = type(value).__name__
    with pytest.raises(InvalidEntityError, match=rf"^{name}\.reasons(\[1\])?: "):
        attrs.evolve(value, reasons=reasons)


def test_scheduled_agents_refuses_a_count_beyond_a_float() -> None:
    # Found by the hostile-argument sweep once it had a valid example call.
    with pytest.raises(InvalidEntityError, match=r"^scheduled_agents\.required: <an int of"):
        csroles.scheduled_agents(10**400, shrinkage=0.3)
    with pytest.raises(InvalidEntityError, match=r"^scheduled_agents\.required: "):
        csroles.scheduled_agents(10**308, shrinkage=0.99)  # the count, not the input, overflows
    assert csroles.scheduled_agents(10**300, shrinkage=0.5) > 10**300


def test_an_sla_document_takes_one_duration_for_every_priority() -> None:
    sla = CONV.structure({"name": "S", "targets": {"resolution_time": "PT8H"}}, SLA)
    assert sla == SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(hours=8)})


def test_a_naive_now_is_the_same_error_everywhere() -> None:
    naive = datetime(2026, 5, 4, 10)
    chart = csroles.customer_organisation()
    sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(hours=8)})
    with pytest.raises(CalendarError, match=r"^decide_escalation\.now: "):
        decide_escalation(_ticket(), handler="cc-agent-1-1", chart=chart, now=naive)
    with pytest.raises(CalendarError, match=r"^sla_status\.now: "):
        csroles.sla_status(sla, _ticket(), naive)
    with pytest.raises(CalendarError, match=r"^decide_escalation\.now: .*before the interaction"):
        decide_escalation(_ticket(), handler="cc-agent-1-1", chart=chart, now=T0 - timedelta(1))


def test_an_unknown_position_names_the_argument() -> None:
    chart = csroles.customer_organisation()
    with pytest.raises(
        UnknownPositionError, match=r"^decide_escalation\.handler: no position 'nobody'"
    ):
        decide_escalation(_ticket(), handler="nobody", chart=chart, now=T0)
    with pytest.raises(
        UnknownPositionError, match=r"^decide_escalation\.colleague: no position 'x'"
    ):
        decide_escalation(_ticket(), handler="cc-agent-1-1", chart=chart, now=T0, colleague="x")


def test_the_customer_request_keyword_is_named_after_its_reason() -> None:
    chart = csroles.customer_organisation()
    asked = decide_escalation(
        _ticket(), handler="cc-agent-1-1", chart=chart, now=T0, customer_request=True
    )
    assert asked.reasons == (csroles.EscalationReason.CUSTOMER_REQUEST,)
    former = decide_escalation(
        _ticket(), handler="cc-agent-1-1", chart=chart, now=T0, manager_requested=True
    )
    assert former == asked
    with pytest.raises(InvalidEntityError, match=r"^decide_escalation\.customer_request: 'yes'"):
        decide_escalation(
            _ticket(),
            handler="cc-agent-1-1",
            chart=chart,
            now=T0,
            customer_request="yes",  # type: ignore[arg-type]
        )


def test_date_keys_in_special_hours_still_structure() -> None:
    doc = {
        "timezone": "UTC",
        "hours": {"0": [["09:00:00", "17:00:00"]]},
        "special_hours": {"2026-05-01": []},
    }
    calendar = CONV.structure(doc, BusinessCalendar)
    assert dict(calendar.special_hours) == {date(2026, 5, 1): ()}
