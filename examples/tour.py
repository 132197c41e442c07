"""A short tour of csroles: run it with `make tour`."""

import csroles
from csroles import Channel, Focus, Level, Metric, Priority


def section(title: str) -> None:
    """Print a section heading."""
    print(f"\n== {title} ==")


print(f"csroles {csroles.__version__}: customer-service organizations, typed.")

section("Vocabulary")
print("Channels:  ", ", ".join(c.value for c in Channel))
print("Focuses:   ", ", ".join(f.value for f in Focus))
print("Metrics:   ", ", ".join(m.value for m in Metric))
print("Levels, lowest first:    ", " < ".join(level.value for level in Level))
print("Priorities, lowest first:", " < ".join(p.value for p in Priority))
print("Is urgent above high?", Priority.URGENT > Priority.HIGH)

section("Customers, interactions and their timelines")
from datetime import datetime, timedelta  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from csroles import Customer, Direction, Event, EventKind, Interaction, Topic  # noqa: E402

anna = Customer(id="C-42", name="Anna Bianchi", languages=["it-CH", "en"],
                channels=[Channel.CHAT, Channel.EMAIL], timezone="Europe/Zurich")  # fmt: skip
print("Anna speaks", anna.preferred_language(["en", "it"]), "on", anna.preferred_channel(Channel))
rome = ZoneInfo("Europe/Rome")
t0 = datetime(2026, 10, 24, 17, 30, tzinfo=rome)
ticket = Interaction(
    id="T-1001", customer_id=anna.id, channel=Channel.EMAIL, direction=Direction.INBOUND,
    topic=Topic.RETURN, priority=Priority.NORMAL,
    events=[Event(kind=EventKind.OPENED, at=t0),
            Event(kind=EventKind.AGENT_REPLIED, at=t0 + timedelta(minutes=20), by="agent-7"),
            Event(kind=EventKind.WAITING_ON_CUSTOMER, at=t0 + timedelta(minutes=21))],
)  # fmt: skip
ticket = ticket.with_event(
    Event(kind=EventKind.CUSTOMER_REPLIED, at=datetime(2026, 10, 25, 9, tzinfo=rome))
)
print("Status:", ticket.status.value, "| first reply after", ticket.first_reply_at - t0)
print("Open for", ticket.last_event_at - t0, "across the end of daylight saving time")

section("Plain data in and out")
conv = csroles.make_converter()
document = conv.unstructure(ticket)
print("events[3] as data:", document["events"][3])
document["events"][3]["at"] = "2026-10-25T09:00:00"
document["channel"] = "pigeon"
try:
    conv.structure(document, Interaction)
except csroles.InvalidEntityError as error:
    print(error)

section("Roles and who takes what")
from datetime import UTC  # noqa: E402
from decimal import Decimal  # noqa: E402

from csroles import Language, Request, default_catalog, may_decide, route  # noqa: E402

catalog = default_catalog()
print(f"The built-in catalog has {len(catalog)} roles, e.g.:")
for key in (
    "customer_service_representative",
    "customer_support_engineer",
    "customer_success_manager",
):
    role = catalog.get(key)
    print(f"  {role.titles[Language.EN]:<32} {role.level.value:<10} it: {role.titles[Language.IT]}")
    print(f"  {'':<32} {'':<10} ru: {role.titles[Language.RU]}")
call = Interaction(
    id="T-1",
    customer_id="C-1",
    channel=Channel.PHONE,
    direction=Direction.INBOUND,
    topic=Topic.TECHNICAL_PROBLEM,
    priority=Priority.URGENT,
    events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=UTC))],
)
print("An urgent phone call about a technical problem goes first to:")
for candidate in route(call)[:2]:
    print(f"  {candidate.rank}. {candidate.role.key}: " + "; ".join(candidate.reasons))
refund = may_decide("customer_service_representative", Request.refund(Decimal("40"), "EUR"))
print("May the representative refund 40 EUR alone?", refund.allowed, "-", refund.reason)

section("Job titles")
from csroles import compose_title, parse_title  # noqa: E402
from csroles.titles import describe_title  # noqa: E402

for language in Language:
    title = compose_title(
        audience="customer", function="support", position="engineer", language=language
    )
    print(f"  {language.value}: {title}")
messy = "  SR. customer-care REPS (night shift, EMEA) "
parts = parse_title(messy)
print(f"{messy.strip()!r} reads as {parts.position} of {parts.audience} {parts.function},")
print(f"  qualified {', '.join(parts.qualifiers)}; set aside: {[s.text for s in parts.ignored]}")
match = catalog.match_title(messy)
print(f"  -> {match.key} ({match.kind}): {match.reasons[0]}")
print(" ", describe_title("Gli ingegneri dell\u2019assistenza clienti"))
section("Business time")
from datetime import date, time  # noqa: E402

from csroles import BusinessCalendar  # noqa: E402

desk = BusinessCalendar(
    timezone="Europe/Rome",
    hours={day: ((time(9), time(13)), (time(14), time(18))) for day in range(5)},
    holidays={date(2026, 12, 25), date(2026, 12, 26)},
    special_hours={date(2026, 12, 24): ((time(9), time(12)),)},
)
opened = datetime(2026, 12, 23, 17, tzinfo=rome)
print("Opened:                      ", opened)
print("Due in 8 business hours:     ", desk.add_business_time(opened, timedelta(hours=8)))
print("4 business hours before it:  ", desk.subtract_business_time(opened, timedelta(hours=4)))
print("Open periods until Monday noon:")
for opening, closing in desk.open_periods(opened, datetime(2026, 12, 28, 12, tzinfo=opened.tzinfo)):
    print("   ", opening.strftime("%a %d %b %H:%M"), "to", closing.strftime("%H:%M"))

section("SLA clocks")
from csroles import SLA, sla_status  # noqa: E402

sla = SLA(
    name="Standard",
    calendar=desk,
    targets={
        Metric.FIRST_RESPONSE_TIME: timedelta(hours=4),
        Metric.RESOLUTION_TIME: {
            Priority.LOW: timedelta(hours=40),
            Priority.NORMAL: timedelta(hours=16),
            Priority.HIGH: timedelta(hours=8),
            Priority.URGENT: timedelta(hours=4),
        },
    },
)
order = Interaction(
    id="T-1042", customer_id="C-7", channel=Channel.EMAIL, direction=Direction.INBOUND,
    topic=Topic.TECHNICAL_PROBLEM, priority=Priority.NORMAL,
    events=[Event(kind=EventKind.OPENED, at=opened),
            Event(kind=EventKind.AGENT_REPLIED, at=datetime(2026, 12, 24, 10, tzinfo=rome)),
            Event(kind=EventKind.WAITING_ON_CUSTOMER, at=datetime(2026, 12, 24, 11, tzinfo=rome)),
            Event(kind=EventKind.CUSTOMER_REPLIED, at=datetime(2026, 12, 28, 9, tzinfo=rome))],
)  # fmt: skip
now = datetime(2026, 12, 28, 15, tzinfo=rome)
print("Status on", now.strftime("%a %d %b %H:%M"))
for clock in sla_status(sla, order, now):
    due = clock.due_at.strftime("%a %d %b %H:%M") if clock.due_at else "-"
    print(
        f"    {clock.metric.value:20} {clock.state.value:8} used {clock.elapsed} of {clock.target}, due {due}"
    )

section("Org charts and escalation")
from csroles import (  # noqa: E402
    Account,
    Request,
    balance_portfolios,
    call_center_team,
    customer_organisation,
    decide_escalation,
)

print(call_center_team(managers=2, agents_per_manager=2).to_text())
org = customer_organisation()
print(
    "Chain of command of cc-agent-1-2:",
    " > ".join(p.id for p in org.chain_of_command("cc-agent-1-2")),
)
call = Interaction(
    id="T-2001",
    customer_id="C-7",
    channel=Channel.PHONE,
    direction=Direction.INBOUND,
    topic=Topic.TECHNICAL_PROBLEM,
    priority=Priority.HIGH,
    events=[Event(kind=EventKind.OPENED, at=opened)],
)
print(decide_escalation(call, handler="cc-agent-1-2", chart=org, now=opened).explain())
refund = Request.refund(80, "EUR")
print(
    decide_escalation(
        call, handler="support-rep-1", chart=org, now=opened, request=refund
    ).explain()
)
book = [
    Account(id=f"A-{n}", customer_id="C-7", weight=w) for n, w in enumerate([9, 7, 6, 5, 4, 3, 2])
]
plan = balance_portfolios(book, org.holding("relationship_manager"))
print("Portfolio loads:", plan.loads)

section("Who takes the call now")
from csroles import AssignmentPolicy, PositionLoads, assign  # noqa: E402

# csr-1 is on a call and csr-2 has two chats: the least loaded free agent takes it.
busy = PositionLoads({"csr-1": {Channel.PHONE: 1}, "csr-2": {Channel.CHAT: 2}})
three = AssignmentPolicy(shortlist=3)
taken = assign(call, org, now=opened, load=busy, policy=three)
print(taken.explain())
busy = busy.took(taken.position, Channel.PHONE)
print("The next call goes to", assign(call, org, now=opened, load=busy, policy=three).position)

section("Metrics: a scorecard for a small team")
from csroles import (  # noqa: E402
    SLA,
    Metric,
    Scorecard,
    SurveyScale,
    by_position,
    by_team,
    group_metrics,
)

start = datetime(2026, 5, 4, 9, tzinfo=UTC)


def handled(n: int, agent: str, reply_min: int, resolve_min: int, score: int) -> Interaction:
    """An email that ``agent`` answered, resolved and got a CSAT answer for."""
    return Interaction(
        id=f"E-{n}",
        customer_id=f"C-{n}",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.ORDER,
        priority=Priority.NORMAL,
        events=[
            Event(kind=EventKind.OPENED, at=start),
            Event(kind=EventKind.ASSIGNED, at=start, assignee=agent),
            Event(kind=EventKind.AGENT_REPLIED, at=start + timedelta(minutes=reply_min)),
            Event(kind=EventKind.RESOLVED, at=start + timedelta(minutes=resolve_min)),
            Event(
                kind=EventKind.SURVEY_ANSWERED,
                at=start + timedelta(minutes=resolve_min + 30),
                scale=SurveyScale.CSAT,
                score=score,
            ),
        ],
    )


mail = [
    handled(1, "rep-anna", 12, 95, 5),
    handled(2, "rep-anna", 25, 180, 4),
    handled(3, "rep-luca", 55, 300, 2),
    handled(4, "rep-luca", 20, 70, 5),
]
email_sla = SLA(
    name="Email",
    targets={
        Metric.FIRST_RESPONSE_TIME: timedelta(minutes=30),
        Metric.RESOLUTION_TIME: timedelta(hours=4),
    },
)
rome_team = by_team({"team-rome": ["rep-anna", "rep-luca"]})
team = group_metrics(mail, rome_team, sla=email_sla, now=start + timedelta(days=1))["team-rome"]
card = Scorecard.build(
    subject="team-rome",
    role=catalog.get("customer_service_representative"),
    figures=team.figures(),
    targets={
        Metric.FIRST_RESPONSE_TIME: timedelta(minutes=30),
        Metric.RESOLUTION_TIME: timedelta(hours=2),
        Metric.CSAT: 80,
        Metric.SLA_COMPLIANCE: 90,
    },
)
print(card.to_text())
for position, metrics in group_metrics(mail, by_position).items():
    print(
        f"  {position}: median first response {metrics.first_response.median}, "
        f"CSAT {metrics.csat.percent:.0f} %"
    )

print("\n== Staffing: how many agents a phone queue needs ==")
from csroles import agents_for  # noqa: E402

# 100 calls in half an hour, 3 minutes each: 80 % answered within 20 seconds.
need = agents_for(volume=100, interval=timedelta(minutes=30), handle_time=timedelta(minutes=3))
for reason in need.reasons:
    print(f"  {reason}")
