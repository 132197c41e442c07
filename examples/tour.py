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
