"""Recurring holidays and the bridge to the holidays package."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from csroles import BusinessCalendar, CalendarError, make_converter
from csroles.sla.national import national_holidays

NINE_TO_FIVE = {day: ((time(9), time(17)),) for day in range(5)}
H = timedelta(hours=1)


def desk(**fields: Any) -> BusinessCalendar:
    return BusinessCalendar(timezone="Europe/Rome", hours=NINE_TO_FIVE, **fields)


# ------------------------------------------------------------------ annual holidays


def test_an_annual_holiday_closes_the_date_every_year() -> None:
    christmas = desk(annual_holidays={(12, 25), (12, 26)})
    # 25 and 26 December 2030 are a Wednesday and a Thursday: from Tuesday 24th
    # 16:00 (15:00 UTC), one hour that day, then Friday 27th from 09:00.
    start = datetime(2030, 12, 24, 15, tzinfo=UTC)
    assert christmas.add_business_time(start, 2 * H) == datetime(2030, 12, 27, 9, tzinfo=UTC)
    for year in (2026, 2031, 2100):
        assert christmas.shifts_on(date(year, 12, 25)) == ()
    # A one-off holiday and the same annual one are the same calendar day.
    assert christmas.business_time_between(
        datetime(2031, 12, 22, tzinfo=UTC), datetime(2031, 12, 29, tzinfo=UTC)
    ) == desk(holidays={date(2031, 12, 25), date(2031, 12, 26)}).business_time_between(
        datetime(2031, 12, 22, tzinfo=UTC), datetime(2031, 12, 29, tzinfo=UTC)
    )


def test_29_february_is_a_holiday_in_leap_years_only() -> None:
    leap_day = desk(annual_holidays=[(2, 29)])
    # Monday 28 February to Thursday 2 March 2028 (a leap year): the Tuesday 29th is closed.
    assert (
        leap_day.business_time_between(
            datetime(2028, 2, 28, tzinfo=UTC), datetime(2028, 3, 2, tzinfo=UTC)
        )
        == 16 * H
    )
    # 2027 has no 29 February: Monday 1 and Tuesday 2 March are open.
    assert (
        leap_day.business_time_between(
            datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 3, 3, tzinfo=UTC)
        )
        == 16 * H
    )


def test_an_annual_holiday_wins_over_special_hours() -> None:
    calendar = desk(
        annual_holidays=[(12, 24)], special_hours={date(2026, 12, 24): [(time(9), time(12))]}
    )
    assert calendar.shifts_on(date(2026, 12, 24)) == ()
    assert not calendar.is_open(datetime(2026, 12, 24, 10, tzinfo=UTC))


def test_annual_holidays_round_trip_as_month_day_pairs() -> None:
    calendar = desk(annual_holidays=[(12, 25), (1, 1)])
    conv = make_converter()
    document = conv.unstructure(calendar)
    assert document["annual_holidays"] == [[1, 1], [12, 25]]
    assert conv.structure(document, BusinessCalendar) == calendar
    assert "annual_holidays" not in conv.unstructure(desk())


@pytest.mark.parametrize(
    "bad", [[(2, 30)], [(13, 1)], [(0, 1)], [("12", "25")], [(True, 1)], "12-25", [(1, 2, 3)], 5]
)
def test_bad_annual_holidays(bad: object) -> None:
    with pytest.raises(CalendarError, match=r"BusinessCalendar\.annual_holidays: .*expected"):
        desk(annual_holidays=bad)


# ------------------------------------------------------------------ the holidays package


def test_italian_holidays() -> None:
    italy = national_holidays("IT", years=range(2026, 2028))
    # Written from the Italian calendar: fixed feasts, Easter Monday (6 April
    # 2026, 29 March 2027), and no holiday outside the years asked for.
    for day in (
        date(2026, 1, 1),
        date(2026, 4, 6),
        date(2026, 4, 25),
        date(2026, 6, 2),
        date(2026, 12, 25),
        date(2027, 3, 29),
        date(2027, 8, 15),
    ):
        assert day in italy
    assert date(2026, 4, 7) not in italy
    assert {day.year for day in italy} == {2026, 2027}
    calendar = desk(holidays=italy)
    assert calendar == make_converter().structure(
        make_converter().unstructure(calendar), BusinessCalendar
    )


def test_a_subdivision_adds_its_own_holidays() -> None:
    # Cesar Chavez Day, 31 March, is a California state holiday.
    assert date(2026, 3, 31) in national_holidays("US", years=[2026], subdivision="CA")
    assert date(2026, 3, 31) not in national_holidays("US", years=[2026])


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"country": "XX", "years": [2026]}, "country"),
        ({"country": 5, "years": [2026]}, "country"),
        ({"country": "../IT", "years": [2026]}, "country"),
        ({"country": "US", "years": [2026], "subdivision": "ZZ"}, "subdivision"),
        ({"country": "US", "years": [2026], "subdivision": 5}, "subdivision"),
        ({"country": "IT", "years": [1]}, "years"),
        ({"country": "IT", "years": "2026"}, "years"),
        ({"country": "IT", "years": [2026.0]}, "years"),
        ({"country": "IT", "years": range(2000, 2300)}, "years"),
        ({"country": "IT", "years": None}, "years"),
    ],
)
def test_bad_arguments(arguments: dict[str, Any], field: str) -> None:
    with pytest.raises(CalendarError, match=rf"national_holidays\.{field}: .*expected"):
        national_holidays(**arguments)


def test_import_csroles_does_not_import_the_holidays_package() -> None:
    code = "import sys, csroles; print('holidays' in sys.modules, 'csroles.sla.national' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def test_without_the_package_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "holidays", None)  # as if it were not installed
    with pytest.raises(ModuleNotFoundError, match=r"csroles\[holidays\]"):
        national_holidays("IT", years=[2026])
