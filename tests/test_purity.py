"""csroles does no I/O: exercise the public API under an audit hook.

The hook runs in a fresh interpreter, installed after csroles and its
dependencies are imported. Reading Python sources or time-zone data that the
standard library loads on csroles' behalf is allowed (read-only opens below
the interpreter's own directories); any other open, any write, socket,
subprocess or ``os.system`` event fails the test.
"""

import subprocess
import sys
import textwrap

# Code that exercises the public API; each feature adds its own lines.
EXERCISE = """
import csroles
from csroles import *  # noqa: F403
for cls in (Channel, Direction, Priority, Level, Focus, Metric, Language, Topic,
            EventKind, EscalationKind, EscalationReason):
    for member in cls:
        assert cls(member.value) is member
assert sorted(Priority)[-1] is Priority.URGENT
for error in (CsrolesError, InvalidEntityError, UnknownRoleError, UnknownTitleError,
              HierarchyError, CalendarError):
    try:
        raise error("x")
    except CsrolesError:
        pass
# entities, converter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
at = datetime(2026, 10, 25, 1, 30, tzinfo=ZoneInfo("Europe/Rome"))
customer = Customer(id="C-1", name="Anna", languages=["it-CH"], channels=[Channel.CHAT],
                    timezone="Europe/Zurich", opted_out=[Channel.FAX])
assert customer.preferred_language(["it"]) == "it"
assert customer.preferred_channel([Channel.CHAT]) is Channel.CHAT
account = Account(id="A-1", customer_id="C-1", weight=2, annual_revenue=1.0, currency="EUR")
ticket = Interaction(id="T-1", customer_id="C-1", channel=Channel.CHAT,
                     direction=Direction.INBOUND, topic=Topic.BILLING, priority=Priority.LOW,
                     events=[Event(kind=EventKind.OPENED, at=at)])
ticket = ticket.with_event(Event(kind=EventKind.RESOLVED, at=at + timedelta(hours=2)))
assert ticket.status is Status.RESOLVED
escalation = Escalation(interaction_id="T-1", source=Party.position("p-1"),
                        target=Party.team("billing"), kind=EscalationKind.FUNCTIONAL,
                        reasons=[EscalationReason.EXPERTISE], at=at)
conv = make_converter()
for value in (customer, account, ticket, escalation, escalation.as_event()):
    assert conv.structure(conv.unstructure(value), type(value)) == value
try:
    conv.structure({"id": 1, "events": "x"}, Interaction)
except InvalidEntityError as error:
    assert error.problems
# Roles, the catalog and the responsibility policies.
import datetime as _dt, decimal as _dec
catalog = default_catalog()
assert catalog.get("telemarketer").key == "telemarketer"
assert catalog.role_for_title("Агент колл-центра").key == "call_center_agent"
assert check_responsibilities(catalog) == ()
assert raci_matrix(catalog).accountable(Duty.HIRE)
mine = catalog.remove("telemarketer").replace(catalog.get("call_center_agent"))
for channel in Channel:
    for topic in Topic:
        ticket = Interaction(id="T", customer_id="C", channel=channel, direction=Direction.INBOUND,
                             topic=topic, priority=Priority.URGENT,
                             events=[Event(kind=EventKind.OPENED,
                                           at=_dt.datetime(2026, 5, 4, tzinfo=_dt.timezone.utc))])
        assert route(ticket, mine)[0].reasons
assert not may_decide("call_center_agent", Request.refund(_dec.Decimal("5"), "EUR")).allowed
assert career_path("call_center_agent", "customer_service_manager")
assert career_paths_from("customer_service_representative")
conv = make_converter()
assert conv.structure(conv.unstructure(mine), Catalog) == mine
# Service metrics and a scorecard.
ticket = Interaction(id="T-2", customer_id="C-1", channel=Channel.CHAT,
                     direction=Direction.INBOUND, topic=Topic.BILLING, priority=Priority.LOW,
                     events=[Event(kind=EventKind.OPENED, at=at),
                             Event(kind=EventKind.ASSIGNED, at=at, assignee="p-1"),
                             Event(kind=EventKind.RESOLVED, at=at + timedelta(hours=1))])
stats = service_metrics([ticket], period=Period(start=at, end=at + timedelta(days=1)))
assert stats.interactions == 1 and stats.resolution.count == 1
grouped = group_metrics([ticket], by_channel)
assert grouped["chat"].first_contact_resolution.percent == 100.0
assert csat([5, 3]).percent == 50.0 and net_promoter_score([10, 0]).score == 0
assert retention_rate(start=["A-1"], end=["A-1"]).percent == 100.0
assert customer_lifetime_value(average_value=10, gross_margin=0.5, churn_rate=0.5) == 10
days = workload([ticket], period=Period(start=at, end=at + timedelta(days=1)),
                timezone="Europe/Rome", quota=1, positions=["p-1"])
assert quota_attainment(days).whole == len(days)
card = Scorecard.build(subject="p-1", role=catalog.get("customer_service_representative"),
                       figures=stats.figures(), targets={Metric.CSAT: 80})
assert card.to_text()
standard = SLA(name="Standard", targets={Metric.RESOLUTION_TIME: timedelta(hours=2)})
assert service_metrics([ticket], sla=standard, now=at + timedelta(days=1)).sla_compliance.part == 1
assert sla_compliance(sla_statuses(standard, [ticket], at + timedelta(days=1))).percent == 100.0
chart = OrgChart(positions=[Position(id="p-0", role="customer_service_supervisor"),
                            Position(id="p-1", role="customer_service_representative",
                                     reports_to="p-0")])
assert group_metrics([ticket], by_team(chart))["p-0"].interactions == 1
assert "customer_service_representative" in group_metrics([ticket], by_role(chart))
# Job titles: compose, parse, describe, match.
from csroles.titles import TitleIndex, RoleTitles, describe_title, match_title, normalize_title
for language in Language:
    text = compose_title(audience="customer", function="support", position="engineer",
                         language=language, qualifiers=["senior"])
    assert parse_title(text).language is language
assert parse_title("Gli ingegneri dell\u2019assistenza clienti (o specialisti dell\u2019assistenza tecnica)")
assert describe_title("Sr. CSM").level is Level.MANAGER
assert catalog.match_title("Менеджеры по развитию клиентов").key == "customer_success_manager"
assert catalog.role_for_title("Head of Customer Care").key
index = TitleIndex([RoleTitles(key="csr", titles=["Bank Teller", "CSR"])])
assert index.resolve("customer service reps").key == "csr"
assert match_title(parse_title("Agent"), {"a": [parse_title("Call Center Agent")]}).key == "a"
assert normalize_title(" A ") == "a"
try:
    parse_title("\u2603" * 2_000)
except UnknownTitleError:
    pass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo
desk = BusinessCalendar(timezone="America/Santiago", hours={d: [(time(9), time(17))] for d in range(5)},
                        holidays={date(2026, 9, 18)}, special_hours={date(2026, 12, 24): [(time(9), time(12))]},
                        closures=[(datetime(2026, 6, 1, 15, tzinfo=ZoneInfo("UTC")), datetime(2026, 6, 1, 16, tzinfo=ZoneInfo("UTC")))])
start = datetime(2026, 9, 17, 16, tzinfo=ZoneInfo("Europe/Rome"))
end = desk.add_business_time(start, timedelta(hours=400))
assert desk.business_time_between(start, end) == timedelta(hours=400)
assert desk.subtract_business_time(end, timedelta(hours=400)) >= start
desk.is_open(start); desk.next_opening(start); desk.next_closing(start)
list(desk.open_periods(start, end)); desk.shifts_on(date(2026, 12, 24))
BusinessCalendar.always_open().with_timezone("Asia/Kathmandu").add_business_time(start, timedelta(0))
make_converter().structure(make_converter().unstructure(desk), BusinessCalendar)
sla = SLA(name="S", calendar=desk, zone=ZonePolicy.CUSTOMER,
          targets={Metric.FIRST_RESPONSE_TIME: timedelta(hours=4), Metric.NEXT_RESPONSE_TIME: timedelta(hours=2),
                   Metric.RESOLUTION_TIME: {p: timedelta(hours=8) for p in Priority}})
ticket = Interaction(id="T-1", customer_id="C-1", channel=Channel.EMAIL, direction=Direction.INBOUND,
                     topic=Topic.BILLING, priority=Priority.NORMAL, events=[
                         Event(kind=EventKind.OPENED, at=start),
                         Event(kind=EventKind.AGENT_REPLIED, at=start + timedelta(hours=1)),
                         Event(kind=EventKind.CUSTOMER_REPLIED, at=start + timedelta(hours=2)),
                         Event(kind=EventKind.WAITING_ON_THIRD_PARTY, at=start + timedelta(hours=3))])
customer = Customer(id="C-1", name="Ada", timezone="Asia/Tokyo")
clocks = sla_status(sla, ticket, start + timedelta(days=3), customer=customer)
assert sla_statuses(sla, [ticket], start + timedelta(days=3), customers=[customer]) == (clocks,)
make_converter().structure(make_converter().unstructure(sla), SLA)
[make_converter().structure(make_converter().unstructure(c), SLAClock) for c in clocks]
sla.calendar_for(customer); sla.target(Metric.RESOLUTION_TIME, Priority.LOW)
# org charts, escalation, portfolios
org = customer_organisation()
assert [p.id for p in org.chain_of_command("cc-agent-1-1")] == ["cc-manager-1", "cc-director", "cco"]
assert org.check() == () and org.to_text() and org.common_manager("csr-1", "csr-2").id == "cs-supervisor"
assert org.to_mermaid(findings=org.check(max_span=3)) and org.to_dot(findings=org.check(max_span=3))
assert all(OrgChart(positions=t().positions) == t() for t in (call_center_team, support_team, success_team))
decision = decide_escalation(ticket, handler="cc-agent-1-1", chart=org, now=at, request=Request.refund(90, "EUR"))
assert decision.escalate and decision.explain()
decision = decide_escalation(ticket, handler="csr-1", chart=org, now=at + timedelta(days=3), sla=sla)
assert escalation_step(clocks, policy=EscalationPolicy()) is None or decision.reasons
plan = balance_portfolios([account, Account(id="A-2", customer_id="C-1")], org.holding("relationship_manager"))
assert sorted(plan.assignments) == ["A-1", "A-2"]
assert make_converter().structure(make_converter().unstructure(org), OrgChart) == org
"""

HARNESS = """
import sys, sysconfig, zoneinfo
import csroles
from csroles import *  # noqa: F403

roots = tuple({{sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
               *sysconfig.get_paths().values(), *zoneinfo.TZPATH, *sys.path}} - {{"", "."}})
bad = []

def hook(event, args):
    if event == "open":
        path, mode = args[0], args[1]
        writing = isinstance(mode, str) and any(c in mode for c in "wax+")
        if writing or not isinstance(path, str) or not path.startswith(roots):
            bad.append((event, args))
    elif event.startswith(("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.fork")):
        bad.append((event, args))

sys.addaudithook(hook)
{exercise}
if bad:
    print("I/O events:", bad)
    sys.exit(1)
print("pure")
"""


def _run(exercise: str) -> subprocess.CompletedProcess[str]:
    script = HARNESS.format(exercise=textwrap.dedent(exercise))
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )


def test_public_api_does_no_io() -> None:
    result = _run(EXERCISE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "pure"


def test_the_hook_catches_io() -> None:
    # The harness must be able to fail: a write and a socket are reported.
    result = _run("open('/tmp/csroles-purity-probe', 'w').close()\nimport socket; socket.socket()")
    assert result.returncode == 1
    assert "open" in result.stdout
    assert "socket" in result.stdout
