"""Strategies for the values that the metrics take."""

from __future__ import annotations

from datetime import UTC, timedelta

from hypothesis import strategies as st

from csroles.metrics import Period
from csroles.strategies._entities import aware_datetimes

__all__ = ["periods"]


def periods(*, max_length: timedelta = timedelta(days=400)) -> st.SearchStrategy[Period]:
    """Valid periods: an aware start and an end at or after it, at most ``max_length`` later.

    >>> from datetime import timedelta
    >>> from hypothesis import given, settings
    >>> from csroles.strategies import periods
    >>> @settings(max_examples=10)
    ... @given(periods(max_length=timedelta(days=7)))
    ... def test(period):
    ...     assert timedelta(0) <= period.end - period.start <= timedelta(days=7)
    >>> test()

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda start, length: Period(
            start=start, end=(start.astimezone(UTC) + length).astimezone(start.tzinfo)
        ),
        aware_datetimes(),
        st.timedeltas(min_value=timedelta(0), max_value=max_length),
    )
