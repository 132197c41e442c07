"""Strategies for staffing: queue figures, requirements, forecasts, channel set-ups, plans and teams."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from csroles.sla import SLA, BusinessCalendar
from csroles.staffing import (
    AgentRequirement,
    ChannelStaffing,
    ForecastInterval,
    IntervalStaffing,
    QueueFigures,
    StaffingPlan,
    TeamPlan,
    agents_for,
    erlang_a,
    erlang_c,
    plan_team,
    staffing_plan,
)
from csroles.vocabulary import Channel, Metric, Priority

__all__ = [
    "agent_requirements",
    "channel_staffings",
    "forecast_intervals",
    "interval_staffings",
    "queue_figures",
    "staffing_plans",
    "team_plans",
]

_HALF_HOUR = timedelta(minutes=30)
_PLAN_CHANNELS = (Channel.PHONE, Channel.CHAT, Channel.EMAIL, Channel.SOCIAL)
_volumes = st.integers(min_value=0, max_value=400)
_handles = st.integers(min_value=30, max_value=900).map(lambda s: timedelta(seconds=s))
_thresholds = st.integers(min_value=0, max_value=300).map(lambda s: timedelta(seconds=s))
# Plans stay small enough for the default spans of plan_team (up to 432 agents).
_plan_volumes = st.integers(min_value=0, max_value=100)
_plan_handles = st.integers(min_value=30, max_value=300).map(lambda s: timedelta(seconds=s))


@st.composite
def _figures(draw: st.DrawFn) -> QueueFigures:
    volume = draw(_volumes)
    handle = draw(_handles)
    k = draw(st.integers(min_value=1, max_value=3))
    load = volume * handle.total_seconds() / _HALF_HOUR.total_seconds()
    agents = math.floor(load / k) + draw(st.integers(min_value=1, max_value=20))
    threshold = draw(_thresholds)
    common: dict[str, Any] = {
        "volume": volume,
        "interval": _HALF_HOUR,
        "handle_time": handle,
        "agents": agents,
        "threshold": threshold,
        "concurrency": k,
    }
    if draw(st.booleans()):
        return erlang_c(**common)
    patience = draw(st.integers(min_value=10, max_value=1800).map(lambda s: timedelta(seconds=s)))
    return erlang_a(**common, patience=patience)


def queue_figures() -> st.SearchStrategy[QueueFigures]:
    """What some agents achieve on a stable queue: Erlang C or Erlang A figures.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import queue_figures
    >>> @settings(max_examples=10)
    ... @given(queue_figures())
    ... def test(figures):
    ...     assert 0 <= figures.service_level <= 1
    >>> test()

    .. versionadded:: 0.1.0
    """
    return _figures()


def agent_requirements() -> st.SearchStrategy[AgentRequirement]:
    """Answers of :func:`~csroles.staffing.agents_for` for modest Erlang C queues.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import agent_requirements
    >>> @settings(max_examples=10)
    ... @given(agent_requirements())
    ... def test(need):
    ...     assert need.fewer is None or need.fewer.agents == need.agents - 1
    >>> test()

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda volume, handle, level, threshold: agents_for(
            volume=volume,
            interval=_HALF_HOUR,
            handle_time=handle,
            service_level=level,
            threshold=threshold,
        ),
        _volumes,
        _handles,
        st.floats(min_value=0.05, max_value=0.99),
        _thresholds,
    )


def forecast_intervals(
    *, channels: Sequence[Channel] = _PLAN_CHANNELS
) -> st.SearchStrategy[ForecastInterval]:
    """Forecasts of one interval: a channel, a start on the half-hour grid in UTC, volume, handle time.

    >>> from hypothesis import given, settings
    >>> from csroles import Channel
    >>> from csroles.strategies import forecast_intervals
    >>> @settings(max_examples=10)
    ... @given(forecast_intervals(channels=[Channel.CHAT]))
    ... def test(row):
    ...     assert row.channel is Channel.CHAT and row.start.minute in (0, 30)
    >>> test()

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda channel, slot, volume, handle: ForecastInterval(
            channel=channel,
            start=datetime(2026, 1, 5, tzinfo=UTC) + slot * _HALF_HOUR,
            volume=volume,
            handle_time=handle,
        ),
        st.sampled_from(list(channels)),
        st.integers(min_value=0, max_value=48 * 14),
        _volumes,
        _handles,
    )


def _slas() -> st.SearchStrategy[SLA]:
    return st.builds(
        lambda targets: SLA(
            name="Staffing",
            targets={Metric.FIRST_RESPONSE_TIME: dict(zip(Priority, targets, strict=True))},
        ),
        st.lists(
            st.integers(min_value=1, max_value=8 * 3600).map(lambda s: timedelta(seconds=s)),
            min_size=4,
            max_size=4,
        ),
    )


def channel_staffings(
    *, channels: Sequence[Channel] = _PLAN_CHANNELS
) -> st.SearchStrategy[ChannelStaffing]:
    """How a channel is staffed: an SLA with first-response targets and modest targets.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import channel_staffings
    >>> @settings(max_examples=10)
    ... @given(channel_staffings())
    ... def test(spec):
    ...     assert spec.threshold > spec.threshold * 0
    >>> test()

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda channel, sla, priority, level, occupancy, shrinkage, k: ChannelStaffing(
            channel=channel,
            sla=sla,
            priority_mix={priority: 1.0},
            service_level=level,
            max_occupancy=occupancy,
            shrinkage=shrinkage,
            concurrency=k if channel is Channel.CHAT else 1,
        ),
        st.sampled_from(list(channels)),
        _slas(),
        st.sampled_from(Priority),
        st.floats(min_value=0.05, max_value=0.99),
        st.none() | st.floats(min_value=0.5, max_value=1.0),
        st.floats(min_value=0.0, max_value=0.6),
        st.integers(min_value=1, max_value=3),
    )


@st.composite
def _plans(draw: st.DrawFn, max_intervals: int) -> StaffingPlan:
    specs = draw(
        st.lists(channel_staffings(), min_size=1, max_size=4, unique_by=lambda s: s.channel)
    )
    count = draw(st.integers(min_value=1, max_value=max_intervals))
    start = datetime(2026, 1, 5, 8, tzinfo=UTC)
    forecast = [
        ForecastInterval(
            channel=spec.channel,
            start=start + i * _HALF_HOUR,
            volume=draw(_plan_volumes),
            handle_time=draw(_plan_handles),
        )
        for spec in specs
        for i in range(count)
    ]
    return staffing_plan(forecast, channels=specs, calendar=BusinessCalendar.always_open())


def staffing_plans(*, max_intervals: int = 6) -> st.SearchStrategy[StaffingPlan]:
    """Plans of up to four channels over consecutive half hours of an always-open desk.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import staffing_plans
    >>> @settings(max_examples=5)
    ... @given(staffing_plans(max_intervals=3))
    ... def test(plan):
    ...     assert all(row.scheduled >= row.required for row in plan.intervals)
    >>> test()

    .. versionadded:: 0.1.0
    """
    return _plans(max_intervals)


def interval_staffings() -> st.SearchStrategy[IntervalStaffing]:
    """Rows of :func:`staffing_plans`: one channel's agents in one interval.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import interval_staffings
    >>> @settings(max_examples=5)
    ... @given(interval_staffings())
    ... def test(row):
    ...     assert row.scheduled >= row.required
    >>> test()

    .. versionadded:: 0.1.0
    """
    return staffing_plans(max_intervals=3).flatmap(lambda plan: st.sampled_from(plan.intervals))


def team_plans(*, max_intervals: int = 3) -> st.SearchStrategy[TeamPlan]:
    """The teams of :func:`staffing_plans` that need at least one agent.

    >>> from hypothesis import given, settings
    >>> from csroles.strategies import team_plans
    >>> @settings(max_examples=5)
    ... @given(team_plans())
    ... def test(team):
    ...     assert sum(team.headcount.values()) == len(team.chart)
    >>> test()

    .. versionadded:: 0.1.0
    """
    return (
        staffing_plans(max_intervals=max_intervals)
        .filter(lambda plan: any(row.scheduled for row in plan.intervals))
        .map(plan_team)
    )
