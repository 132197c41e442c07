"""Business-time deadlines: csroles against pandas CustomBusinessHour and businesstimedelta.

The calendar: Monday to Friday 09:00-17:00 in America/New_York with ten 2026
holidays. The same random aware starts (stdlib datetimes with ZoneInfo, from
January to September 2026, so that businesstimedelta, which fails past its
last holiday, always finds one ahead) go to every library. Each figure is the
CPU time of the process per deadline (time.process_time, steadier than wall
time on a shared machine), the best of several interleaved rounds.
"""

import datetime as dt
import os
import platform
import random
import time
from collections.abc import Callable
from importlib.metadata import version
from zoneinfo import ZoneInfo

import businesstimedelta
import pandas as pd
import pendulum
import pytz

from csroles import BusinessCalendar

ZONE = "America/New_York"
NEW_YORK = ZoneInfo(ZONE)
HOLIDAYS = [
    dt.date(2026, 1, 1),
    dt.date(2026, 1, 19),
    dt.date(2026, 2, 16),
    dt.date(2026, 5, 25),
    dt.date(2026, 7, 3),
    dt.date(2026, 9, 7),
    dt.date(2026, 10, 12),
    dt.date(2026, 11, 11),
    dt.date(2026, 11, 26),
    dt.date(2026, 12, 25),
]
STARTS = 200
ROUNDS = 7


def _starts() -> list[dt.datetime]:
    rng = random.Random(20260101)
    origin = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return [
        (origin + dt.timedelta(microseconds=rng.randrange(270 * 86_400 * 10**6))).astimezone(
            NEW_YORK
        )
        for _ in range(STARTS)
    ]


def _best(jobs: dict[str, Callable[[], object]], rounds: int = ROUNDS) -> dict[str, float]:
    """Seconds per call of each job: the best of ``rounds`` interleaved runs over all starts."""
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(rounds):
        for name, job in jobs.items():
            began = time.process_time()
            job()
            best[name] = min(best[name], (time.process_time() - began) / STARTS)
    return best


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def main() -> str:
    """Measure and return a markdown table."""
    starts = _starts()
    pendulum_starts = [pendulum.instance(s) for s in starts]
    hours = {n: dt.timedelta(hours=n) for n in (1, 8, 400)}

    calendar = BusinessCalendar(
        timezone=ZONE,
        hours={day: [(dt.time(9), dt.time(17))] for day in range(5)},
        holidays=HOLIDAYS,
    )
    began = time.process_time()
    calendar.add_business_time(starts[0], hours[8])
    first_call = time.process_time() - began  # builds the year's blocks

    add = calendar.add_business_time
    cbh = pd.offsets.CustomBusinessHour(start="09:00", end="17:00", holidays=HOLIDAYS)
    stamps = [pd.Timestamp(s) for s in starts]
    rules = businesstimedelta.Rules(
        [
            businesstimedelta.WorkDayRule(
                start_time=dt.time(9),
                end_time=dt.time(17),
                working_days=[0, 1, 2, 3, 4],
                tz=pytz.timezone(ZONE),
            ),
            businesstimedelta.HolidayRule(HOLIDAYS, tz=pytz.timezone(ZONE)),
        ]
    )
    btd = {n: businesstimedelta.BusinessTimeDelta(rules, hours=n) for n in (8, 400)}
    cbh8 = 8 * cbh

    between = calendar.business_time_between
    ends = [add(s, hours[8]) for s in starts]
    pairs = list(zip(starts, ends, strict=True))
    end_seconds = [s.timestamp() for s in ends]
    fromtimestamp = dt.datetime.fromtimestamp
    one_us = dt.timedelta(microseconds=1)
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    end_us = [(e - epoch) // one_us for e in ends]
    end_offsets = [e.tzinfo for e in ends]  # the fixed offsets of the results
    fast = _best(
        {
            # The floors: the least a call that returns an aware datetime, or
            # measures the time between two aware datetimes, can cost.
            "fromtimestamp(ts, ZoneInfo)": lambda: [
                fromtimestamp(t, NEW_YORK) for t in end_seconds
            ],
            "two timestamp() and a subtraction": lambda: [
                e.timestamp() - s.timestamp() for s, e in pairs
            ],
            "csroles between": lambda: [between(s, e) for s, e in pairs],
            "csroles 1 h": lambda: [add(s, hours[1]) for s in starts],
            "csroles 8 h": lambda: [add(s, hours[8]) for s in starts],
            "csroles 400 h": lambda: [add(s, hours[400]) for s in starts],
            "csroles 8 h, pendulum in": lambda: [add(s, hours[8]) for s in pendulum_starts],
            "csroles 8 h, pendulum in and out": lambda: [
                pendulum.instance(add(s, hours[8])) for s in pendulum_starts
            ],
            # The parts of a deadline that no arithmetic can avoid: the start and
            # the duration as integer microseconds, the result as a datetime.
            "start to microseconds": lambda: [(s - epoch) // one_us for s in starts],
            "duration to microseconds": lambda: [hours[8] // one_us for _ in starts],
            "result from microseconds": lambda: [
                fromtimestamp(u / 1e6, z) for u, z in zip(end_us, end_offsets, strict=True)
            ],
        },
        rounds=5 * ROUNDS,
    )
    peers = _best(
        {
            "pandas 8 h": lambda: [s + cbh8 for s in stamps],
            "businesstimedelta 8 h": lambda: [s + btd[8] for s in starts],
        }
    )
    peers |= _best({"businesstimedelta 400 h": lambda: [s + btd[400] for s in starts]}, rounds=3)

    # The cost of building one result datetime, the way csroles could build it.
    instant = 1_780_000_000_123_456
    tz = pendulum.timezone(ZONE)
    conversions = _best(
        {
            "datetime.fromtimestamp(ts, zone)": lambda: [
                dt.datetime.fromtimestamp(instant / 1e6, NEW_YORK) for _ in starts
            ],
            "pendulum.from_timestamp(ts, tz)": lambda: [
                pendulum.from_timestamp(instant / 1e6, tz=tz) for _ in starts
            ],
            "pendulum.instance(datetime)": lambda: [
                pendulum.instance(dt.datetime.fromtimestamp(instant / 1e6, NEW_YORK))
                for _ in starts
            ],
        },
        rounds=3 * ROUNDS,
    )

    # How often the peers agree with csroles (same instant).
    ours = [_utc(add(s, hours[8])) for s in starts]
    pandas_same = sum(_utc(s + cbh8) == o for s, o in zip(stamps, ours, strict=True))
    btd_same = sum(_utc(s + btd[8]) == o for s, o in zip(starts, ours, strict=True))
    at_closing = sum(o.astimezone(NEW_YORK).time() == dt.time(17) for o in ours)

    def us(seconds: float) -> str:
        return f"{seconds * 1e6:,.2f}"

    floor = fast["fromtimestamp(ts, ZoneInfo)"]
    pair_floor = fast["two timestamp() and a subtraction"]
    parts = ("start to microseconds", "duration to microseconds", "result from microseconds")
    unavoidable = sum(fast[part] for part in parts)
    rows = [
        ("csroles, 1 h", fast["csroles 1 h"], "", ""),
        (
            "csroles, 400 h",
            fast["csroles 400 h"],
            f"{fast['csroles 400 h'] / fast['csroles 1 h']:.2f}x of 1 h",
            "<= 1.25x",
        ),
        (
            "csroles, 8 h",
            fast["csroles 8 h"],
            f"{fast['csroles 8 h'] / floor:.1f}x of `fromtimestamp(ts, ZoneInfo)`",
            "<= 3x",
        ),
        (
            "csroles `business_time_between`, start to its 8 h deadline",
            fast["csroles between"],
            f"{fast['csroles between'] / pair_floor:.1f}x of two `timestamp()` and a subtraction",
            "<= 4x",
        ),
        ("csroles, 8 h, pendulum in", fast["csroles 8 h, pendulum in"], "", ""),
        ("csroles, 8 h, pendulum in and out", fast["csroles 8 h, pendulum in and out"], "", ""),
        (
            "pandas `CustomBusinessHour`, 8 h",
            peers["pandas 8 h"],
            f"csroles takes 1/{peers['pandas 8 h'] / fast['csroles 8 h']:.0f}",
            "<= 1/40",
        ),
        (
            "businesstimedelta, 8 h",
            peers["businesstimedelta 8 h"],
            f"csroles takes 1/{peers['businesstimedelta 8 h'] / fast['csroles 8 h']:.0f}",
            "<= 1/20",
        ),
        (
            "businesstimedelta, 400 h",
            peers["businesstimedelta 400 h"],
            f"csroles takes 1/{peers['businesstimedelta 400 h'] / fast['csroles 400 h']:.0f}",
            "<= 1/100",
        ),
    ]
    table = [
        "| deadline | per deadline (µs) | ratio | target |",
        "|---|---:|---|---|",
        *(
            f"| {name} | {us(seconds)} | {ratio} | {target} |"
            for name, seconds, ratio, target in rows
        ),
        "",
        "| the floors, and building one result datetime | µs |",
        "|---|---:|",
        f"| `datetime.fromtimestamp(ts, ZoneInfo)`, one per start | {us(floor)} |",
        f"| two `datetime.timestamp()` and a subtraction, one per start | {us(pair_floor)} |",
        *(f"| `{name}` | {us(seconds)} |" for name, seconds in conversions.items()),
        "",
        "| one 8-hour deadline, part by part | µs | in `fromtimestamp(ts, ZoneInfo)` |",
        "|---|---:|---:|",
        *(
            f"| {label} | {us(fast[part])} | {fast[part] / floor:.2f} |"
            for part, label in zip(
                parts,
                (
                    "the start as microseconds, `(start - EPOCH) // timedelta(microseconds=1)`",
                    "the duration as microseconds, `duration // timedelta(microseconds=1)`",
                    "the result, `fromtimestamp(us / 1e6, fixed offset)`",
                ),
                strict=True,
            )
        ),
        f"| these three together | {us(unavoidable)} | {unavoidable / floor:.2f} |",
        (
            "| the rest: the engine's arithmetic (two bisections), the argument checks "
            f"and two calls | {us(fast['csroles 8 h'] - unavoidable)} | "
            f"{(fast['csroles 8 h'] - unavoidable) / floor:.2f} |"
        ),
        "",
        (
            f"The first deadline of a fresh calendar in a new year builds that year's blocks: "
            f"{first_call * 1e3:.2f} ms, once. Of the {STARTS} 8-hour deadlines, {at_closing} "
            f"fall exactly at 17:00. pandas gives the same instant as csroles for {pandas_same} "
            f"of the {STARTS} (it moves a deadline at closing time to the next morning), "
            f"businesstimedelta for {btd_same}."
        ),
        "",
        (
            f"Python {platform.python_version()} on {platform.machine()}, pandas "
            f"{pd.__version__}, businesstimedelta {version('businesstimedelta')}, "
            f"pendulum {pendulum.__version__}; load average {os.getloadavg()[0]:.1f} when "
            f"the run ended ({os.cpu_count()} cores)."
        ),
        "",
    ]
    return "\n".join(table)
