"""The columnar calendar against the scalar BusinessCalendar methods, row by row.

The scalar methods are the oracle: every row of a column gets exactly the
scalar answer, to the microsecond, and a column with a row the scalar method
refuses is refused, naming a refused row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import BusinessCalendar, CalendarError, InvalidEntityError
from csroles.columnar import add_business_time, business_time_between, is_open
from csroles.strategies import aware_datetimes, business_calendars

US = timedelta(microseconds=1)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
HARD_ZONES = st.sampled_from(
    [
        "Australia/Lord_Howe",
        "Pacific/Apia",
        "America/Santiago",
        "Africa/Casablanca",
        "Asia/Kathmandu",
    ]
)
# Instants near the calendars' offset changes, and at the edges of the supported years.
near = aware_datetimes(
    min_value=datetime(2018, 1, 1, tzinfo=UTC), max_value=datetime(2030, 1, 1, tzinfo=UTC)
)
edges = st.one_of(
    st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(2, 2, 1), timezones=st.just(UTC)),
    st.datetimes(
        min_value=datetime(9998, 12, 1),
        max_value=datetime(9998, 12, 31, 23),
        timezones=st.just(UTC),
    ),
)
anywhere = st.datetimes(
    min_value=datetime(1, 12, 31), max_value=datetime(9999, 1, 2), timezones=st.just(UTC)
)
instants = st.one_of(near, near, near, edges, anywhere)
calendars = st.one_of(business_calendars(), business_calendars(zones=HARD_ZONES))
spans = st.one_of(
    st.timedeltas(timedelta(0), timedelta(days=40)),
    st.timedeltas(-timedelta(days=3), timedelta(days=25 * 366)),
)


def shifted(moment: datetime, span: timedelta) -> datetime:
    low, high = datetime(1, 1, 2, tzinfo=UTC), datetime(9999, 12, 30, tzinfo=UTC)
    return min(max(moment, low + max(-span, timedelta(0))), high - max(span, timedelta(0))) + span


def column(moments: list[datetime]) -> np.ndarray:
    return np.array([(m - EPOCH) // US for m in moments], dtype=np.int64).view("datetime64[us]")


def as_datetime(value: np.datetime64) -> datetime:
    return EPOCH + timedelta(microseconds=int(value.astype(np.int64)))


def scalar(call: Callable[..., Any], *args: Any) -> tuple[Any, CalendarError | None]:
    try:
        return call(*args), None
    except CalendarError as error:
        return None, error


def named_row(error: Exception) -> int:
    found = re.search(r"\[(\d+)\]", str(error))
    assert found is not None, str(error)
    return int(found.group(1))


def check(
    columnar_call: Callable[[], Any],
    expected: list[tuple[Any, CalendarError | None]],
    convert: Callable[[Any], Any],
) -> None:
    refused = [row for row, (_, error) in enumerate(expected) if error is not None]
    if refused:
        with pytest.raises(CalendarError) as caught:
            columnar_call()
        assert named_row(caught.value) in refused
        return
    found = columnar_call()
    assert [convert(value) for value in found] == [value for value, _ in expected]


@given(calendars, st.lists(st.tuples(instants, spans), max_size=12))
def test_business_time_between_is_the_scalar_answer(
    calendar: BusinessCalendar, rows: list[tuple[datetime, timedelta]]
) -> None:
    starts = [start for start, _ in rows]
    ends = [shifted(start, span) for start, span in rows]
    expected = [
        scalar(calendar.business_time_between, a, b) for a, b in zip(starts, ends, strict=True)
    ]
    check(
        lambda: business_time_between(calendar, column(starts), column(ends)),
        expected,
        lambda value: timedelta(microseconds=int(value.astype(np.int64))),
    )


@given(calendars, st.lists(st.tuples(instants, spans), max_size=12))
def test_add_business_time_is_the_scalar_answer(
    calendar: BusinessCalendar, rows: list[tuple[datetime, timedelta]]
) -> None:
    starts = [start for start, _ in rows]
    lengths = [abs(span) // 4 for _, span in rows]
    expected = [
        scalar(lambda s, d: calendar.add_business_time(s, d).astimezone(UTC), s, d)
        for s, d in zip(starts, lengths, strict=True)
    ]
    micro = np.array([d // US for d in lengths], dtype=np.int64).view("timedelta64[us]")
    check(lambda: add_business_time(calendar, column(starts), micro), expected, as_datetime)


@given(calendars, st.lists(instants, max_size=12))
def test_is_open_is_the_scalar_answer(calendar: BusinessCalendar, moments: list[datetime]) -> None:
    expected = [scalar(calendar.is_open, m) for m in moments]
    check(lambda: is_open(calendar, column(moments)), expected, bool)


@given(calendars, st.lists(near, min_size=1, max_size=6))
def test_aware_datetimes_give_the_numpy_answer(
    calendar: BusinessCalendar, moments: list[datetime]
) -> None:
    ends = [m + timedelta(days=3) for m in moments]
    from_objects = business_time_between(calendar, moments, ends)
    from_numpy = business_time_between(calendar, column(moments), column(ends))
    assert from_objects.tolist() == from_numpy.tolist()


# ------------------------------------------------------------------ facts

DESK = BusinessCalendar(
    timezone="Europe/Rome", hours={d: ((time(9), time(13)), (time(14), time(18))) for d in range(5)}
)


def test_a_day_of_split_shifts() -> None:
    starts = np.array(["2026-06-01T00:00", "2026-06-01T10:00"], dtype="datetime64[us]")
    ends = np.array(["2026-06-02T00:00", "2026-06-01T12:30"], dtype="datetime64[us]")
    # 09:00-13:00 and 14:00-18:00 in Rome are 07:00-11:00 and 12:00-16:00 UTC in June.
    assert business_time_between(DESK, starts, ends).tolist() == [
        timedelta(hours=8),
        timedelta(hours=1, minutes=30),
    ]


def test_many_years_of_rows_in_groups() -> None:
    years = np.array([f"{y:04d}-03-02T12:00" for y in range(1900, 2200, 7)], dtype="datetime64[us]")
    found = business_time_between(DESK, years, years + np.timedelta64(10, "D"))
    expected = [
        DESK.business_time_between(as_datetime(a), as_datetime(a) + timedelta(days=10))
        for a in years
    ]
    assert found.tolist() == expected
    assert is_open(DESK, years).tolist() == [DESK.is_open(as_datetime(a)) for a in years]


def test_nanosecond_and_second_units_convert_exactly() -> None:
    at = np.array(["2026-06-01T08:00"], dtype="datetime64[ns]")
    assert is_open(DESK, at).tolist() == [True]
    assert is_open(DESK, at.astype("datetime64[s]")).tolist() == [True]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: is_open(DESK, np.array(["2026-01-01", "NaT"], dtype="datetime64[us]")),
            r"is_open\.instants\[1\]: 'NaT', expected an instant",
        ),
        (
            lambda: is_open(DESK, np.array(["2026-01-01", "0001-06-01"], dtype="datetime64[us]")),
            r"is_open\.instants\[1\]: .*expected instants from 0002-01-01",
        ),
        (
            lambda: is_open(
                DESK, np.array(["2026-01-01T00:00:00.000000001"], dtype="datetime64[ns]")
            ),
            r"is_open\.instants\[0\]: .*whole microseconds",
        ),
        (
            lambda: is_open(DESK, [datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 1)]),
            r"is_open\.instants\[1\]: .*expected an aware datetime",
        ),
        (
            lambda: is_open(DESK, np.array([1, 2])),
            r"is_open\.instants: 'an array of int64', expected a column of instants",
        ),
        (
            lambda: business_time_between(
                DESK,
                np.array(["2026-01-01"], dtype="datetime64[us]"),
                np.array(["2026-01-01", "2026-01-02"], dtype="datetime64[us]"),
            ),
            r"business_time_between\.ends: 'an array of 2 rows', expected as many rows as starts",
        ),
        (
            lambda: add_business_time(
                DESK,
                np.array(["2026-01-01", "2026-01-01"], dtype="datetime64[us]"),
                np.array([1, -1], dtype="timedelta64[h]"),
            ),
            r"add_business_time\.durations\[1\]: .*expected a duration of zero or more",
        ),
        (
            lambda: add_business_time(
                DESK,
                np.array(["2026-01-01", "9998-12-31"], dtype="datetime64[us]"),
                np.array([1, 1], dtype="timedelta64[D]"),
            ),
            r"add_business_time: at starts\[1\] and durations\[1\]: .*9998-12-31",
        ),
        (
            lambda: business_time_between(
                DESK,
                np.array(["2026-01-01", "2000-01-01"], dtype="datetime64[us]"),
                np.array(["2026-01-02", "2030-01-01"], dtype="datetime64[us]"),
            ),
            r"business_time_between: at starts\[1\] and ends\[1\]: .*at most 20 years",
        ),
        (
            lambda: is_open(DESK, np.zeros((2, 2), dtype="datetime64[us]")),
            r"is_open\.instants: 'an array of shape \(2, 2\)', expected a one-dimensional array",
        ),
    ],
)
def test_bad_input_names_the_argument_and_the_row(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(
        CalendarError if "rows" not in message and "shape" not in message else InvalidEntityError,
        match=message,
    ):
        call()


def test_a_calendar_is_required() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"is_open\.calendar: 'desk', expected a BusinessCalendar"
    ):
        is_open("desk", np.array(["2026-01-01"], dtype="datetime64[us]"))  # type: ignore[arg-type]


def test_aware_columns_of_other_zones() -> None:
    rome = ZoneInfo("Europe/Rome")
    moments = [datetime(2026, 6, 1, 9, tzinfo=rome), datetime(2026, 6, 1, 8, 59, tzinfo=rome)]
    assert is_open(DESK, moments).tolist() == [True, False]


def test_pandas_and_pyarrow_columns() -> None:
    pandas = pytest.importorskip("pandas")
    pyarrow = pytest.importorskip("pyarrow")
    rome = pandas.Series(
        pandas.to_datetime(["2026-06-01 09:00", "2026-06-01 08:00"])
    ).dt.tz_localize("Europe/Rome")
    assert is_open(DESK, rome).tolist() == [True, False]
    arrow = pyarrow.array(rome)
    assert is_open(DESK, arrow).tolist() == [True, False]
    with pytest.raises(CalendarError, match=r"is_open\.instants: .*this pandas column is naive"):
        is_open(DESK, pandas.Series(pandas.to_datetime(["2026-06-01 09:00"])))
    with pytest.raises(CalendarError, match=r"is_open\.instants: .*this pyarrow column is naive"):
        is_open(DESK, pyarrow.array(pandas.to_datetime(["2026-06-01 09:00"])))
    lengths = pandas.Series(pandas.to_timedelta(["1h", "0h"]))
    assert add_business_time(DESK, rome, lengths).tolist() == [
        datetime(2026, 6, 1, 8, tzinfo=UTC).replace(tzinfo=None),
        datetime(2026, 6, 1, 7, tzinfo=UTC).replace(tzinfo=None),
    ]


@pytest.mark.parametrize(
    ("durations", "message"),
    [
        (np.array([1, "NaT"], dtype="timedelta64[h]"), r"durations\[1\]: 'NaT'"),
        (np.array([1000, 1001], dtype="timedelta64[ns]"), r"durations\[1\]: .*whole microseconds"),
        (np.array([1, 2], dtype="timedelta64[as]"), r"durations: 'an array of timedelta64\[as\]'"),
        (np.array([1, 2]), r"durations: 'an array of int64'"),
        ([timedelta(hours=1), "1h"], r"durations\[1\]: '1h'"),
    ],
)
def test_bad_durations(durations: Any, message: str) -> None:
    starts = np.array(["2026-06-01", "2026-06-01"], dtype="datetime64[us]")
    with pytest.raises(CalendarError, match=r"add_business_time\." + message):
        add_business_time(DESK, starts, durations)


def test_durations_as_timedeltas_and_other_units() -> None:
    starts = np.array(["2026-06-01T07:00", "2026-06-01T07:00"], dtype="datetime64[us]")
    expected = [datetime(2026, 6, 1, 8), datetime(2026, 6, 1, 7)]
    assert add_business_time(DESK, starts, [timedelta(hours=1), timedelta(0)]).tolist() == expected
    in_ns = np.array([3600 * 10**9, 0], dtype="timedelta64[ns]")
    assert add_business_time(DESK, starts, in_ns).tolist() == expected
    attoseconds = np.array(["2026-06-01"], dtype="datetime64[as]")
    with pytest.raises(CalendarError, match=r"is_open\.instants: 'an array of datetime64\[as\]'"):
        is_open(DESK, attoseconds)
    with pytest.raises(
        InvalidEntityError, match=r"is_open\.instants: 'now', expected a one-dimensional"
    ):
        is_open(DESK, "now")
    with pytest.raises(
        CalendarError, match=r"is_open\.instants\[0\]: .*expected instants from 0002"
    ):
        is_open(DESK, [datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1)))])
