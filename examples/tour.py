"""A short tour of csroles: run it with `make tour`."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import csroles
from csroles import BusinessCalendar, Channel, Focus, Level, Metric, Priority


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
