"""Workload: contacts handled per day against a daily quota."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import attrs

from csroles import _validation as v
from csroles.errors import CalendarError
from csroles.interactions import Interaction
from csroles.metrics._base import (
    _US,
    _ZERO,
    BusinessTime,
    Period,
    Ratio,
    _check_calendar,
    _check_count,
    _interactions,
)
from csroles.metrics._times import _resolved_at
from csroles.roles import Role

__all__ = ["DailyWorkload", "quota_attainment", "workload"]


def _check_day(owner: object, field: str, value: object) -> date:
    if type(value) is not date:
        v.fail(owner, field, value, "a datetime.date")
    return value


@attrs.frozen(kw_only=True)
class DailyWorkload:
    """What one position handled on one local business day, against its daily quota.

    >>> from datetime import date
    >>> from csroles import DailyWorkload
    >>> day = DailyWorkload(position="rep-1", day=date(2026, 5, 4), handled=42, quota=40)
    >>> day.meets_quota, day.attainment
    (True, 1.05)

    .. versionadded:: 0.1.0
    """

    position: str = attrs.field(validator=v.validator(v.check_identifier))
    day: date = attrs.field(validator=v.validator(_check_day))
    handled: int = attrs.field(validator=v.validator(_check_count))
    quota: int = attrs.field(validator=v.validator(v.check_positive_int))

    @property
    def meets_quota(self) -> bool:
        """Whether the position handled at least its quota that day."""
        return self.handled >= self.quota

    @property
    def attainment(self) -> float:
        """Handled as a fraction of the quota (above 1 when over it)."""
        return self.handled / self.quota


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _local_days(period: Period, zone: ZoneInfo) -> list[date]:
    if period.end <= period.start:
        return []
    first = period.start.astimezone(zone).toordinal()
    last = (period.end - _US).astimezone(zone).toordinal()
    return [date.fromordinal(day) for day in range(first, last + 1)]


def workload(
    interactions: Iterable[Interaction],
    *,
    period: Period,
    timezone: str,
    quota: int | Role,
    calendar: BusinessTime | None = None,
    positions: Iterable[str] = (),
) -> tuple[DailyWorkload, ...]:
    """Interactions handled per position per local business day, against a daily quota.

    An interaction is handled by its assignee (:attr:`~csroles.Interaction.assignee`)
    on the local day (in ``timezone``) of its resolution (see
    :func:`resolution_times`); open and unassigned interactions are not
    counted, nor are resolutions outside ``period``. Every local day that the
    period touches is listed, for every position that handled something or is
    named in ``positions``; with a ``calendar``, only the days with business
    time in it (business days). Rows come sorted by position, then day.

    Args:
        interactions: the interactions.
        period: the period to count.
        timezone: the IANA zone whose days are counted.
        quota: the daily quota, or a role whose ``daily_quota`` it is
            (*LiveAgent roles* names quotas but no article gives a number:
            the built-in catalog sets none, so the company supplies it).
        calendar: keep only the days with business time in this calendar.
        positions: positions to list even on days they handled nothing.

    Raises:
        InvalidEntityError: an argument is invalid, or the role has no daily quota.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Period
    >>> from csroles import Priority, Topic, workload
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> def mail(n, hours):
    ...     return Interaction(
    ...         id=f"M-{n}",
    ...         customer_id="C-1",
    ...         channel=Channel.EMAIL,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.ORDER,
    ...         priority=Priority.NORMAL,
    ...         events=[
    ...             Event(kind=EventKind.OPENED, at=t0),
    ...             Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
    ...             Event(kind=EventKind.RESOLVED, at=t0 + timedelta(hours=hours)),
    ...         ],
    ...     )
    >>> two_days = Period(start=t0.replace(hour=0), end=t0.replace(hour=0) + timedelta(days=2))
    >>> for row in workload(
    ...     [mail(1, 1), mail(2, 2), mail(3, 24)], period=two_days, timezone="UTC", quota=2
    ... ):
    ...     print(row.position, row.day, row.handled, row.meets_quota)
    rep-1 2026-05-04 2 True
    rep-1 2026-05-05 1 False

    .. versionadded:: 0.1.0
    """
    owner = "workload"
    if type(period) is not Period:
        v.fail(owner, "period", period, "a Period")
    zone = _zone(v.check_zone(owner, "timezone", timezone))
    try:  # every counted resolution lies between the two, so its local day exists too
        period.start.astimezone(zone)
        period.end.astimezone(zone)
    except OverflowError:
        expected = f"a period whose local days in {timezone} fall in the years 1 to 9999"
        v.fail(owner, "period", period, expected, error=CalendarError)
    if isinstance(quota, Role):
        if quota.daily_quota is None:
            v.fail(owner, "quota", quota.key, "an int, or a role with a daily_quota")
        daily = quota.daily_quota
    else:
        daily = v.check_positive_int(owner, "quota", quota)
    calendar = _check_calendar(owner, calendar)
    if not v.is_collection(positions):
        v.fail(owner, "positions", positions, f"{v.COLLECTION} of position ids")
    counts: dict[tuple[str, date], int] = {}
    seen = {v.check_identifier(owner, "positions", p) for p in positions}
    for interaction in _interactions(owner, interactions):
        resolved = _resolved_at(interaction)
        position = interaction.assignee
        if resolved is None or position is None or not period.start <= resolved < period.end:
            continue
        key = (position, resolved.astimezone(zone).date())
        counts[key] = counts.get(key, 0) + 1
        seen.add(position)
    days = _local_days(period, zone)
    if calendar is not None:
        days = [day for day in days if _is_business_day(calendar, day, zone)]
    return tuple(
        DailyWorkload(position=p, day=day, handled=counts.get((p, day), 0), quota=daily)
        for p in sorted(seen)
        for day in days
    )


def _is_business_day(calendar: BusinessTime, day: date, zone: ZoneInfo) -> bool:
    start = datetime.combine(day, time(), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
    return calendar.business_time_between(start, end) > _ZERO


def quota_attainment(days: Iterable[DailyWorkload]) -> Ratio:
    """The share of position-days on which the daily quota was met.

    >>> from datetime import date
    >>> from csroles import DailyWorkload, quota_attainment
    >>> quota_attainment(
    ...     [
    ...         DailyWorkload(position="rep-1", day=date(2026, 5, 4), handled=40, quota=40),
    ...         DailyWorkload(position="rep-1", day=date(2026, 5, 5), handled=12, quota=40),
    ...     ]
    ... ).percent
    50.0

    .. versionadded:: 0.1.0
    """
    if not v.is_collection(days):
        v.fail("quota_attainment", "days", days, f"{v.COLLECTION} of DailyWorkload")
    part = whole = 0
    for index, day in enumerate(days):
        if type(day) is not DailyWorkload:
            v.fail("quota_attainment", f"days[{index}]", day, "a DailyWorkload")
        whole += 1
        part += day.meets_quota
    return Ratio(part=part, whole=whole)
