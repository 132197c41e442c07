"""The business_calendars() strategy: valid calendars, narrowed as asked."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csroles import BusinessCalendar, make_converter
from csroles.strategies import business_calendars


@given(
    business_calendars(
        zones=st.just("Asia/Kathmandu"),
        max_shifts_per_day=1,
        min_date=date(2026, 1, 1),
        max_date=date(2026, 12, 31),
        closures=False,
    )
)
def test_narrowed_calendars(calendar: BusinessCalendar) -> None:
    assert calendar.timezone == "Asia/Kathmandu"
    assert calendar.closures == ()
    for _, shifts in calendar.hours:
        assert len(shifts) == 1
    for day in calendar.holidays | {day for day, _ in calendar.special_hours}:
        assert date(2026, 1, 1) <= day <= date(2026, 12, 31)


@given(business_calendars(holidays=False, special_hours=False))
def test_calendars_without_date_exceptions(calendar: BusinessCalendar) -> None:
    assert calendar.holidays == frozenset()
    assert calendar.annual_holidays == frozenset()
    assert calendar.special_hours == ()
    assert calendar.hours


@given(business_calendars())
def test_calendars_round_trip_through_json(calendar: BusinessCalendar) -> None:
    conv = make_converter()
    document = json.loads(json.dumps(conv.unstructure(calendar)))
    assert conv.structure(document, BusinessCalendar) == calendar
    for month, day in calendar.annual_holidays:
        assert date(2000, month, day).day == day  # a real date (2000 is a leap year)


@given(st.from_type(BusinessCalendar))
def test_registered_for_from_type(calendar: BusinessCalendar) -> None:
    assert isinstance(calendar, BusinessCalendar)


def test_bad_arguments() -> None:
    with pytest.raises(InvalidArgument, match="max_shifts_per_day >= 1"):
        business_calendars(max_shifts_per_day=0)
    with pytest.raises(InvalidArgument, match="min_date <= max_date"):
        business_calendars(min_date=date(2027, 1, 1), max_date=date(2026, 1, 1))
