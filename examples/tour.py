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
