"""A short tour of csroles: run it with `make tour`."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import csroles
from csroles import (
    SLA,
    BusinessCalendar,
    Channel,
    Direction,
    Event,
    EventKind,
    Focus,
    Interaction,
    Level,
    Metric,
    Priority,
    Topic,
    sla_status,
)


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

section("Business time")
desk = BusinessCalendar(
    timezone="Europe/Rome",
    hours={day: ((time(9), time(13)), (time(14), time(18))) for day in range(5)},
    holidays={date(2026, 12, 25), date(2026, 12, 26)},
    special_hours={date(2026, 12, 24): ((time(9), time(12)),)},
)
opened = datetime(2026, 12, 23, 17, tzinfo=ZoneInfo("Europe/Rome"))
print("Opened:                      ", opened)
print("Due in 8 business hours:     ", desk.add_business_time(opened, timedelta(hours=8)))
print("4 business hours before it:  ", desk.subtract_business_time(opened, timedelta(hours=4)))
print("Open periods until Monday noon:")
for opening, closing in desk.open_periods(opened, datetime(2026, 12, 28, 12, tzinfo=opened.tzinfo)):
    print("   ", opening.strftime("%a %d %b %H:%M"), "to", closing.strftime("%H:%M"))

section("SLA clocks")
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
ticket = Interaction(
    id="T-1042",
    customer_id="C-7",
    channel=Channel.EMAIL,
    direction=Direction.INBOUND,
    topic=Topic.TECHNICAL_PROBLEM,
    priority=Priority.NORMAL,
    events=[
        Event(kind=EventKind.OPENED, at=opened),
        Event(kind=EventKind.AGENT_REPLIED, at=datetime(2026, 12, 24, 10, tzinfo=opened.tzinfo)),
        Event(
            kind=EventKind.WAITING_ON_CUSTOMER, at=datetime(2026, 12, 24, 11, tzinfo=opened.tzinfo)
        ),
        Event(kind=EventKind.CUSTOMER_REPLIED, at=datetime(2026, 12, 28, 9, tzinfo=opened.tzinfo)),
    ],
)
now = datetime(2026, 12, 28, 15, tzinfo=opened.tzinfo)
print("Status on", now.strftime("%a %d %b %H:%M"))
for clock in sla_status(sla, ticket, now):
    due = clock.due_at.strftime("%a %d %b %H:%M") if clock.due_at else "-"
    print(
        f"    {clock.metric.value:20} {clock.state.value:8} used {clock.elapsed} of {clock.target},"
        f" due {due}"
    )
