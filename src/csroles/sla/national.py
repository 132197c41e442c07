"""National and regional public holidays from the ``holidays`` package, as plain dates.

A bridge to the `holidays <https://pypi.org/project/holidays/>`_ package (the
``csroles[holidays]`` extra), which keeps the public holidays of some 250
countries and their subdivisions, moving feasts (Easter Monday) and observed
days included. ``import csroles`` never imports this module, and this module
imports ``holidays`` only when :func:`national_holidays` is called; the dates
it returns are plain :class:`datetime.date` values, so a calendar built with
them serializes and compares like any other.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NoReturn

from csroles._validation import fail
from csroles.errors import CalendarError
from csroles.sla._engine import MAX_YEAR, MIN_YEAR

__all__ = ["national_holidays"]

_OWNER = "national_holidays"
# Enough for any help desk's calendar; the package computes each year afresh.
MAX_YEARS = 200


def _fail(field: str, value: object, expected: str) -> NoReturn:
    fail(_OWNER, field, value, expected, error=CalendarError)


def _years(value: object) -> list[int]:
    expected = (
        f"an iterable of at most {MAX_YEARS} years from {MIN_YEAR} to {MAX_YEAR}, "
        "such as range(2026, 2031)"
    )
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        _fail("years", value, expected)
    years: set[int] = set()
    for year in value:
        if type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR:
            _fail("years", year, expected)
        years.add(year)
        if len(years) > MAX_YEARS:
            _fail("years", value, expected)
    return sorted(years)


def national_holidays(
    country: str, *, years: Iterable[int], subdivision: str | None = None
) -> frozenset[date]:
    """The public holidays of a country (or one of its subdivisions) in some years.

    Pass the result as a calendar's ``holidays``. Dates that recur on the same
    day every year can also be written as ``annual_holidays``; this covers
    the moving ones (Easter Monday) and the days observed in place of a
    holiday that falls on a weekend.

    Args:
        country: an ISO 3166-1 alpha-2 code the ``holidays`` package knows,
            such as ``"IT"``.
        years: the years to list, at most 200, from 2 to 9998.
        subdivision: a subdivision code of that country (a state, a region),
            such as ``"CA"`` for California in ``"US"``.

    Returns:
        The dates, local to the country.

    Raises:
        CalendarError: an unknown country or subdivision, or bad years.
        ModuleNotFoundError: the ``holidays`` package is not installed
            (``pip install 'csroles[holidays]'``).

    >>> from datetime import date, time
    >>> from csroles import BusinessCalendar
    >>> from csroles.sla.national import national_holidays
    >>> italy = national_holidays("IT", years=range(2026, 2031))
    >>> date(2026, 4, 6) in italy  # Easter Monday
    True
    >>> desk = BusinessCalendar(
    ...     timezone="Europe/Rome",
    ...     hours={d: ((time(9), time(17)),) for d in range(5)},
    ...     holidays=italy,
    ... )
    >>> desk.shifts_on(date(2026, 6, 2))  # Festa della Repubblica, a Tuesday
    ()

    .. versionadded:: 0.1.0
    """
    try:
        import holidays
    except ModuleNotFoundError as exc:
        msg = "national_holidays needs the holidays package: pip install 'csroles[holidays]'"
        raise ModuleNotFoundError(msg, name="holidays") from exc
    if type(country) is not str or not country.isascii() or not country.isalpha():
        _fail("country", country, "an ISO 3166-1 alpha-2 country code such as 'IT'")
    if subdivision is not None and (
        type(subdivision) is not str or not subdivision.isascii() or not subdivision.isalnum()
    ):
        _fail("subdivision", subdivision, "None or a subdivision code such as 'CA'")
    chosen = _years(years)
    supported = holidays.list_supported_countries()
    if country not in supported:
        _fail("country", country, "a country code the holidays package knows, such as 'IT'")
    if subdivision is not None and subdivision not in supported[country]:
        _fail(
            "subdivision", subdivision, f"a subdivision of {country!r} the holidays package knows"
        )
    found = holidays.country_holidays(country, subdiv=subdivision, years=chosen)
    wanted = set(chosen)
    return frozenset(day for day in found if day.year in wanted)
