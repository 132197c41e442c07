"""Type confusion: every public callable, every argument, a table of hostile values.

Each argument of each public function, constructor and method is given, in
turn, each hostile value below, the other arguments keeping a valid example.
The only exceptions allowed are :class:`~csroles.CsrolesError` subclasses (a
wrong number of arguments never happens here: arguments are passed by name),
each message bounded, each call finished before a generous alarm (a guard
against hangs, not a timing assertion).

A second sweep pins the error rule: the class follows what the argument
expects (a naive datetime is a ``CalendarError`` wherever it is passed) and the
message's label names the argument the caller passed.
"""

from __future__ import annotations

import enum
import functools
import inspect
import signal
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import Phase, find, settings
from hypothesis.errors import HypothesisWarning

import csroles
import csroles.titles
from csroles import (
    SLA,
    Authority,
    BusinessCalendar,
    CalendarError,
    Channel,
    CsrolesError,
    Customer,
    Direction,
    Event,
    EventKind,
    Interaction,
    Metric,
    Period,
    Priority,
    Request,
    Topic,
    strategies,
)
from tests.test_calendar_errors import TwentyFiveHours

T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)


class _IterationError(Exception):
    """What the hostile object's iteration raises: the caller's own code failing."""


class _Hostile:
    """An object that cannot be printed and whose iteration fails."""

    def __repr__(self) -> str:
        raise RuntimeError("repr")

    def __iter__(self) -> Iterator[Any]:
        raise _IterationError


HOSTILE: dict[str, object] = {
    "none": None,
    "huge-int": 10**400,
    "negative-huge-int": -(10**400),
    "nan": float("nan"),
    "inf": float("inf"),
    "list": [1, None],
    "dict": {"x": [1]},
    "5mb-string": "q" * 5_000_000,
    "hostile": _Hostile(),
    "tz-25h": datetime(2026, 5, 4, 9, tzinfo=TwentyFiveHours()),
    "naive": datetime(2026, 5, 4, 9),
    "bool": True,
}


@functools.cache
def _examples() -> dict[str, object]:
    """A valid example for each argument name of the public API."""
    chart = csroles.customer_organisation()
    ticket = Interaction(
        id="T-1",
        customer_id="C-1",
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        topic=Topic.BILLING,
        priority=Priority.NORMAL,
        events=[
            Event(kind=EventKind.OPENED, at=T0),
            Event(kind=EventKind.ASSIGNED, at=T0, assignee="cc-agent-1-1"),
            Event(kind=EventKind.RESOLVED, at=T0 + timedelta(hours=2)),
        ],
    )
    sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(hours=8)})
    role = csroles.default_catalog().get("call_center_agent")
    calendar = BusinessCalendar(timezone="Europe/Rome", hours={0: [(time(9), time(17))]})
    clocks = csroles.sla_status(sla, ticket, T0 + timedelta(hours=1))
    period = Period(start=T0 - timedelta(days=1), end=T0 + timedelta(days=2))
    return {
        "interaction": ticket,
        "interactions": [ticket],
        "chart": chart,
        "handler": "cc-agent-1-1",
        "id": "cc-agent-1-1",
        "a": "cc-agent-1-1",
        "b": "cc-agent-1-2",
        "manager": "cc-manager-1",
        "report": "cc-agent-1-1",
        "colleague": "cc-agent-1-2",
        "now": T0 + timedelta(hours=1),
        "at": T0,
        "start": T0,
        "end": T0 + timedelta(hours=4),
        "duration": timedelta(hours=1),
        "sla": sla,
        "clocks": clocks,
        "customer": Customer(id="C-1", name="A"),
        "catalog": csroles.default_catalog(),
        "role": role,
        "key": "call_center_agent",
        "keys": ["call_center_agent"],
        "text": "Customer Service Manager",
        "title": "Customer Service Manager",
        "timezone": "Europe/Rome",
        "zone": "Europe/Rome",
        "calendar": calendar,
        "period": period,
        "quota": 5,
        "request": Request.refund(50, "EUR"),
        "authority": Authority(refund_limit=Decimal(100), currency="EUR"),
        "topic": Topic.BILLING,
        "priority": Priority.NORMAL,
        "metric": Metric.RESOLUTION_TIME,
        "channel": Channel.PHONE,
        "name": "Anna",
        "where": lambda position: True,
        "day": date(2026, 5, 4),
        "value": 1.0,
        "average_value": 100.0,
        "gross_margin": 0.5,
        "churn_rate": 0.25,
        "loads": csroles.PositionLoads({"cc-agent-1-1": {Channel.PHONE: 2}}),
    }


def _public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    seen: set[str] = set()
    for module in (csroles, csroles.titles, csroles.sla):
        for name in module.__all__:
            obj = getattr(module, name)
            if name in seen or not callable(obj):
                continue
            if isinstance(obj, type) and issubclass(obj, enum.Enum | BaseException):
                continue
            seen.add(name)
            yield name, obj
            if isinstance(obj, type):  # its alternative constructors too
                for attr, raw in vars(obj).items():
                    if not attr.startswith("_") and isinstance(raw, classmethod | staticmethod):
                        seen.add(f"{name}.{attr}")
                        yield f"{name}.{attr}", getattr(obj, attr)
    examples = _examples()
    for instance in (
        examples["chart"],
        examples["catalog"],
        examples["calendar"],
        examples["sla"],
        examples["customer"],
        examples["interaction"],
        examples["role"],
        examples["loads"],
    ):
        cls = type(instance)
        for attr in dir(cls):
            if attr.startswith("_"):
                continue
            method = getattr(instance, attr)
            name = f"{cls.__name__}.{attr}"
            if callable(method) and not isinstance(method, type) and name not in seen:
                yield name, method


def _parameters(fn: Callable[..., Any]) -> list[inspect.Parameter]:
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # pragma: no cover (builtins without a signature)
        return []
    return [
        p
        for p in signature.parameters.values()
        if p.kind in {p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY} and p.name != "self"
    ]


def _cases() -> Iterator[Any]:
    for name, fn in _public_callables():
        for parameter in _parameters(fn):
            for kind in HOSTILE:
                reason = _KNOWN.get((name, parameter.name, kind)) or _KNOWN.get((name, "*", kind))
                marks = [pytest.mark.skip(reason=reason)] if reason else []
                yield pytest.param(
                    name, parameter.name, kind, id=f"{name}-{parameter.name}-{kind}", marks=marks
                )


# Arguments known to fail the sweep, with the reason. A new entry here needs a
# reason naming what is wrong and where: none at present.
_KNOWN: dict[tuple[str, str, str], str] = {}


class _AlarmError(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _AlarmError


def _call(fn: Callable[..., Any], arguments: dict[str, Any]) -> BaseException | None:
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(20)  # a hang guard, far above any honest call
    try:
        fn(**arguments)
    except _AlarmError:
        pytest.fail("the call did not finish")
    except BaseException as exc:
        return exc
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return None


_CALLABLES = dict(_public_callables())


# Arguments whose name means something else in one callable than in the
# table of examples: Span's start and end are character offsets in a title.
_HALF_HOUR = {"interval": timedelta(minutes=30), "handle_time": timedelta(minutes=5)}
_EXAMPLES_FOR: dict[str, dict[str, object]] = {
    "Span": {"part": "position", "key": "manager", "start": 17, "end": 24, "text": "Manager"},
    # Functions whose arguments the table has no example for.
    "agents_for": {"volume": 100.0, **_HALF_HOUR},
    "erlang_c": {"volume": 100.0, **_HALF_HOUR, "agents": 20, "threshold": timedelta(seconds=20)},
    "erlang_a": {
        "volume": 100.0,
        **_HALF_HOUR,
        "agents": 20,
        "threshold": timedelta(seconds=20),
        "patience": timedelta(minutes=2),
    },
    "scheduled_agents": {"required": 10, "shrinkage": 0.3},
    "assign": {"load": {}},
    "assign_queue": {"load": {}},
    "csat": {"scores": [4, 5]},
    "net_promoter_score": {"scores": [9, 10, 3]},
    "customer_effort_score": {"scores": [3, 6]},
    "duration_stats": {"durations": [timedelta(hours=1), timedelta(hours=3)]},
    "survey_scores": {"scale": csroles.SurveyScale.CSAT},
    "quota_attainment": {"days": []},
    "retention_rate": {"start": ["C-1", "C-2"], "end": ["C-1"]},
    "compose_title": {"position": "agent", "function": "call_center"},
    "career_path": {"start": "call_center_agent", "end": "call_center_manager"},
    "balance_portfolios": {"accounts": [], "positions": []},
}


@functools.cache
def _entity_example(name: str) -> dict[str, object]:
    """A valid entity's fields by argument name: a value its public strategy draws, the same each run.

    Without it a constructor's first argument (None, for want of an example)
    is refused before any other is read, and the hostile values given to the
    others would prove nothing.
    """
    if name not in strategies._STRATEGY_FOR_TYPE:
        return {}
    strategy = getattr(strategies, strategies._STRATEGY_FOR_TYPE[name])()
    once = settings(database=None, max_examples=1, derandomize=True, phases=[Phase.generate])
    with warnings.catch_warnings():  # a catalog's repr is long, and find() prints it
        warnings.simplefilter("ignore", HypothesisWarning)
        value = find(strategy, lambda _: True, settings=once)
    return {a.alias: getattr(value, a.name) for a in attrs.fields(type(value)) if a.init}


@functools.cache
def _examples_of_objects() -> dict[str, dict[str, object]]:
    """Per-callable examples built from the table's objects."""
    examples = _examples()
    chart, catalog = examples["chart"], examples["catalog"]
    return {
        "by_role": {"roles": chart},
        "by_team": {"teams": chart},
        "raci_matrix": {"roles": catalog},
        "check_responsibilities": {"roles": catalog},
        "group_metrics": {"by": csroles.by_channel},
        "group_workload": {"by": csroles.by_channel},
        "OrgChart.holding": {"role": "call_center_agent"},
        "Catalog.role_for_titles": {"texts": ["Call Center Agent"]},
        "Customer.preferred_channel": {"available": [Channel.EMAIL]},
        "Customer.preferred_language": {"supported": ["en"]},
        "Interaction.with_events": {"events": []},
        "PositionLoads.took": {"position": "cc-agent-1-1", "count": 1},
        "PositionLoads.released": {"position": "cc-agent-1-1", "count": 1},
    }


def _fields(value: Any) -> dict[str, object]:
    """A built value's constructor arguments: a result type's valid example."""
    return {a.alias: getattr(value, a.name) for a in attrs.fields(type(value)) if a.init}


@functools.cache
def _examples_of_results() -> dict[str, dict[str, object]]:
    """Per-callable examples for the types and functions the table above leaves without one.

    Result types are public constructors too: their fields are taken from a
    value the public function that returns them builds (the same each run).
    """
    examples: dict[str, Any] = _examples()
    ticket, chart, catalog = examples["interaction"], examples["chart"], examples["catalog"]
    sla = examples["sla"]
    open_ticket = attrs.evolve(ticket, events=ticket.events[:2])
    decision = csroles.decide_escalation(
        open_ticket, handler="cc-agent-1-1", chart=chart, now=T0, customer_request=True
    )
    accounts = [csroles.Account(id="A-1", customer_id="C-1", annual_revenue=1000.0, currency="EUR")]
    by = {"by": csroles.by_position}
    vip = csroles.PolicyCondition(field="segment", values=["vip"])
    agent = csroles.titles.parse_title("Call Center Agent")
    candidates = {"call_center_agent": [agent]}
    role_titles = csroles.titles.RoleTitles(key="call_center_agent", titles=["Call Center Agent"])
    report = catalog.role_for_titles(["Call Center Agent", "Astronaut"])
    lonely = csroles.OrgChart(positions=[csroles.Position(id="m", role="call_center_manager")])
    forecast = [
        csroles.ForecastInterval(
            channel=Channel.PHONE, start=T0, volume=100.0, handle_time=timedelta(minutes=3)
        )
    ]
    phone = csroles.ChannelStaffing(channel=Channel.PHONE, sla=sla, metric=Metric.RESOLUTION_TIME)
    staffing = {"forecast": forecast, "channels": [phone]}
    plan = csroles.staffing_plan(forecast, channels=[phone], calendar=examples["calendar"])
    portfolios = csroles.balance_portfolios(
        accounts, [csroles.Position(id="rm-1", role="relationship_manager")]
    )
    days = csroles.workload([ticket], period=examples["period"], timezone="Europe/Rome", quota=5)
    card = csroles.Scorecard.build(
        subject="cc-agent-1-1", role=examples["role"], figures={Metric.CSAT: 90.0}
    )
    return {
        "ChartFinding": _fields(lonely.check()[0]),
        "DailyWorkload": _fields(days[0]),
        "DurationStats": _fields(csroles.duration_stats([timedelta(hours=1)])),
        "EscalationCheck": _fields(decision.checks[0]),
        "EscalationDecision": _fields(decision),
        "Interaction.with_event": {
            "event": Event(kind=EventKind.CLOSED, at=T0 + timedelta(hours=3))
        },
        "NetPromoterScore": _fields(csroles.net_promoter_score([9, 10, 3])),
        "Portfolio": _fields(portfolios.portfolios[0]),
        "PortfolioPlan": _fields(portfolios),
        "Ratio": _fields(csroles.retention_rate(start=["C-1", "C-2"], end=["C-1"])),
        "RoleTitles": _fields(role_titles),
        "Scorecard": _fields(card),
        "TitleCandidates": {"candidates": candidates},
        "TitleDescription": _fields(csroles.titles.describe_title("Call Center Agent")),
        "TitleIndex": {"roles": [role_titles]},
        "TitleMatch": _fields(catalog.match_title("Call Center Agent")),
        "TitleReport": _fields(report),
        "TitleReport.of": {"results": list(report.results), "language": None},
        "TitleResult": _fields(report.results[0]),
        "Request.refund": {"amount": 50, "currency": "EUR"},
        "Request.credit": {"amount": 50, "currency": "EUR"},
        "Scorecard.build": {"subject": "cc-agent-1-1", "figures": {Metric.CSAT: 90.0}},
        "Scorecard.for_position": {"position": "cc-agent-1-1", "figures": {Metric.CSAT: 90.0}},
        "choose_sla": {
            "policies": csroles.PolicySet(
                policies=[csroles.SLAPolicy(name="VIP", sla=sla, conditions=[vip])], default=sla
            )
        },
        "configure_converter": {"converter": cattrs.Converter()},
        "escalate": {"interaction": open_ticket, "decision": decision},
        "group_accounts": {"accounts": accounts, **by},
        "group_customer_lifetime_value": {"accounts": accounts, **by},
        "group_retention_rate": {"start": accounts, "end": accounts, **by},
        "match_title": {"parts": agent, "candidates": candidates},
        "plan_team": {"plan": plan},
        "staffing_plan": staffing,
    }


def _arguments(fn: Callable[..., Any], name: str | None = None) -> dict[str, Any]:
    key = name or ""
    own = (
        _EXAMPLES_FOR.get(key)
        or _examples_of_objects().get(key)
        or _examples_of_results().get(key)
        or _entity_example(key)
    )
    examples = {**_examples(), **own}
    arguments: dict[str, Any] = {}
    for parameter in _parameters(fn):
        if parameter.name in examples:
            arguments[parameter.name] = examples[parameter.name]
        elif parameter.default is inspect.Parameter.empty:
            arguments[parameter.name] = None
    return arguments


@pytest.mark.parametrize(("name", "parameter", "kind"), list(_cases()))
def test_hostile_arguments_are_refused_with_a_csroles_error(
    name: str, parameter: str, kind: str
) -> None:
    fn = _CALLABLES[name]
    arguments = _arguments(fn, name)
    arguments[parameter] = HOSTILE[kind]
    raised = _call(fn, arguments)
    if raised is None:
        return
    # The caller's own iterator failing is their error, passed on as it is.
    allowed = (CsrolesError, _IterationError)
    assert isinstance(raised, allowed), f"{name}({parameter}={kind}) raised {raised!r}"[:500]
    assert len(str(raised)) <= 2000


def test_the_sweep_covers_the_public_api() -> None:
    names = set(_CALLABLES)
    assert {
        "decide_escalation",
        "Customer",
        "BusinessCalendar",
        "OrgChart.nearest",
        "parse_title",
        "Scorecard.build",
        "Request.refund",
        "TitleReport.of",
    } <= names
    assert sum(len(_parameters(fn)) for fn in _CALLABLES.values()) > 300


# ------------------------------------------------------------------ one rule for errors


def _valid_example_calls() -> dict[str, Callable[..., Any]]:
    """The callables that the examples call successfully (the rule sweep changes one argument)."""
    return {name: fn for name, fn in _CALLABLES.items() if _call(fn, _arguments(fn, name)) is None}


_VALID = _valid_example_calls()


def test_the_examples_make_valid_calls() -> None:
    assert {"decide_escalation", "sla_status", "Customer", "workload", "OrgChart.nearest"} <= set(
        _VALID
    )
    assert set(strategies._STRATEGY_FOR_TYPE) <= set(_VALID)  # every entity type
    # Result types and the functions whose arguments the shared table has no example for.
    assert set(_examples_of_results()) <= set(_VALID)
    assert {
        "ChartFinding",
        "DailyWorkload",
        "DurationStats",
        "EscalationCheck",
        "EscalationDecision",
        "Interaction.with_event",
        "NetPromoterScore",
        "Portfolio",
        "PortfolioPlan",
        "Ratio",
        "RoleTitles",
        "Scorecard",
        "TitleCandidates",
        "TitleDescription",
        "TitleIndex",
        "TitleMatch",
        "TitleReport",
        "TitleResult",
        "choose_sla",
        "configure_converter",
        "escalate",
        "group_accounts",
        "group_customer_lifetime_value",
        "group_retention_rate",
        "match_title",
        "plan_team",
        "staffing_plan",
    } <= set(_VALID)
    assert len(_VALID) >= 192  # every callable, the classes' alternative constructors too


# Arguments known to break the rule, with the reason: none at present.
_RULE_KNOWN: dict[tuple[str, str], str] = {}


def _rule_marks(name: str, parameter: str) -> list[Any]:
    reason = _RULE_KNOWN.get((name, parameter))
    return [pytest.mark.skip(reason=reason)] if reason else []


def _takes_datetimes() -> Iterator[Any]:
    for name, fn in _VALID.items():
        arguments = _arguments(fn, name)
        for parameter in _parameters(fn):
            if isinstance(arguments.get(parameter.name), datetime):
                marks = _rule_marks(name, parameter.name)
                yield pytest.param(name, parameter.name, id=f"{name}-{parameter.name}", marks=marks)


@pytest.mark.parametrize(("name", "parameter"), list(_takes_datetimes()))
def test_a_naive_datetime_is_a_calendar_error_labelled_with_the_argument(
    name: str, parameter: str
) -> None:
    fn = _CALLABLES[name]
    arguments = _arguments(fn, name)
    arguments[parameter] = datetime(2026, 5, 4, 10)
    raised = _call(fn, arguments)
    assert isinstance(raised, CalendarError), f"{name}({parameter}=naive) raised {raised!r}"
    label = str(raised).split(": ", 1)[0]
    assert label.endswith((f".{parameter}", f"({parameter})")), str(raised)


def _takes_zones() -> Iterator[Any]:
    for name, fn in _VALID.items():
        arguments = _arguments(fn, name)
        for parameter in _parameters(fn):
            # A zone name (SLA.zone is a ZonePolicy, not a zone).
            if parameter.name in {"timezone", "zone"} and type(arguments[parameter.name]) is str:
                marks = _rule_marks(name, parameter.name)
                yield pytest.param(name, parameter.name, id=f"{name}-{parameter.name}", marks=marks)


@pytest.mark.parametrize(("name", "parameter"), list(_takes_zones()))
def test_an_unknown_zone_is_a_calendar_error_labelled_with_the_argument(
    name: str, parameter: str
) -> None:
    fn = _CALLABLES[name]
    arguments = _arguments(fn, name)
    arguments[parameter] = "Europe"
    raised = _call(fn, arguments)
    assert isinstance(raised, CalendarError), f"{name}({parameter}='Europe') raised {raised!r}"
    label = str(raised).split(": ", 1)[0]
    assert label.endswith((f".{parameter}", f"({parameter})")), str(raised)
