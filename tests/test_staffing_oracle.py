"""A staffing plan equals the plan built row by row, the obvious way.

:func:`staffing_plan` takes a fast path (each distinct volume and handle time
of a channel searched once, the words shared by every row put together once,
its own rows not checked again). The oracle here builds every row on its own
through the public functions (:func:`agents_for` and :func:`scheduled_agents`
for a live channel, the backlog arithmetic written out for a deferred one)
and the checked constructor of :class:`IntervalStaffing`.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import attrs
from hypothesis import given
from hypothesis import strategies as st

from csroles import SLA, BusinessCalendar, Channel, Metric, make_converter
from csroles.staffing import (
    ChannelStaffing,
    ForecastInterval,
    IntervalStaffing,
    StaffingPlan,
    agents_for,
    scheduled_agents,
    staffing_plan,
)

HALF_HOUR = timedelta(minutes=30)
MIDNIGHT = datetime(2026, 3, 2, tzinfo=UTC)
CONVERTER = make_converter()


def shrinkage_reason(scheduled: int, required: int, shrinkage: float) -> str:
    return f"{scheduled} scheduled: {required} / (1 - {shrinkage:g} shrinkage), rounded up"


def live_row(row: ForecastInterval, spec: ChannelStaffing) -> IntervalStaffing:
    need = agents_for(
        volume=row.volume,
        interval=HALF_HOUR,
        handle_time=row.handle_time,
        service_level=spec.service_level,
        threshold=spec.threshold,
        max_asa=spec.max_asa,
        max_occupancy=spec.max_occupancy,
        patience=spec.patience,
        concurrency=spec.concurrency,
    )
    scheduled = scheduled_agents(need.agents, shrinkage=spec.shrinkage)
    reasons = list(need.reasons)
    if spec.shrinkage:
        reasons.append(shrinkage_reason(scheduled, need.agents, spec.shrinkage))
    return IntervalStaffing(
        channel=row.channel,
        start=row.start,
        volume=row.volume,
        handle_time=row.handle_time,
        load=0.0 if need.figures is None else need.figures.load,
        required=need.agents,
        scheduled=scheduled,
        figures=need.figures,
        reasons=reasons,
    )


def deferred_rows(rows: list[ForecastInterval], spec: ChannelStaffing) -> list[IntervalStaffing]:
    # Each interval's work is shared evenly by the window of intervals from it
    # on (fewer at the end of the forecast); a row's work in hand is what the
    # earlier rows' windows put on it, added in order.
    window = max(1, int(spec.threshold / HALF_HOUR))
    occupancy = 1.0 if spec.max_occupancy is None else spec.max_occupancy
    works = [row.volume * row.handle_time.total_seconds() / 1800 for row in rows]
    expected = []
    for j, row in enumerate(rows):
        in_hand = 0.0
        for i in range(j + 1):
            span = min(window, len(rows) - i)
            if j < i + span:
                in_hand += works[i] / span
        required = max(0, math.ceil(in_hand / occupancy - 1e-9))
        scheduled = scheduled_agents(required, shrinkage=spec.shrinkage)
        words = (
            f"{required} agents for {in_hand:.4g} Erlangs of backlog work in hand: "
            f"each interval's work spread over {window} interval(s), "
            f"the first_response_time target of {spec.threshold}"
        )
        if spec.max_occupancy is not None:
            words += f", at most {occupancy:g} occupancy"
        reasons = [words]
        if spec.shrinkage:
            reasons.append(shrinkage_reason(scheduled, required, spec.shrinkage))
        expected.append(
            IntervalStaffing(
                channel=row.channel,
                start=row.start,
                volume=row.volume,
                handle_time=row.handle_time,
                load=works[j],
                required=required,
                scheduled=scheduled,
                figures=None,
                reasons=reasons,
            )
        )
    return expected


seconds = st.integers(1, 600).map(lambda s: timedelta(seconds=s))


@st.composite
def specs(draw: st.DrawFn, channel: Channel) -> ChannelStaffing:
    live = channel in {Channel.PHONE, Channel.CHAT}
    target = draw(seconds if live else st.integers(1, 12).map(lambda n: n * HALF_HOUR))
    return ChannelStaffing(
        channel=channel,
        sla=SLA(name="Desk", targets={Metric.FIRST_RESPONSE_TIME: target}),
        service_level=draw(st.floats(0.05, 1.0)),
        max_asa=draw(st.none() | seconds),
        max_occupancy=draw(st.none() | st.floats(0.3, 1.0)),
        patience=draw(st.none() | seconds) if live and draw(st.integers(0, 3)) == 0 else None,
        concurrency=draw(st.integers(1, 3)) if channel is Channel.CHAT else 1,
        shrinkage=draw(st.sampled_from([0.0, 0.25]) | st.floats(0.0, 0.6)),
    )


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[ForecastInterval], list[ChannelStaffing]]:
    channels = draw(
        st.lists(
            st.sampled_from([Channel.PHONE, Channel.CHAT, Channel.EMAIL, Channel.SOCIAL]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    count = draw(st.integers(1, 10))
    forecast = []
    for channel in channels:
        # A few volumes and handle times, repeated across the intervals as
        # forecasts repeat them, so that answers are shared between rows.
        volumes = draw(st.lists(st.integers(0, 120) | st.floats(0, 120), min_size=1, max_size=3))
        handles = draw(st.lists(st.integers(30, 400), min_size=1, max_size=2))
        forecast += [
            ForecastInterval(
                channel=channel,
                start=MIDNIGHT + i * HALF_HOUR,
                volume=draw(st.sampled_from(volumes)),
                handle_time=timedelta(seconds=draw(st.sampled_from(handles))),
            )
            for i in range(count)
        ]
    shuffled = draw(st.permutations(forecast))
    return shuffled, [draw(specs(channel)) for channel in channels]


@given(plans())
def test_the_plan_equals_the_row_by_row_oracle(
    case: tuple[list[ForecastInterval], list[ChannelStaffing]],
) -> None:
    forecast, channels = case
    plan = staffing_plan(forecast, channels=channels, calendar=BusinessCalendar.always_open())
    expected: list[IntervalStaffing] = []
    for channel in Channel:  # rows by channel, then start
        spec = next((s for s in channels if s.channel is channel), None)
        if spec is None:
            continue
        rows = sorted((r for r in forecast if r.channel is channel), key=lambda r: r.start)
        if spec.deferred:
            expected += deferred_rows(rows, spec)
        else:
            expected += [live_row(row, spec) for row in rows]
    assert plan.intervals == tuple(expected)
    assert plan == StaffingPlan(timezone="UTC", interval=HALF_HOUR, intervals=expected)
    for row in plan.intervals:  # the rows built without their checks pass them
        attrs.validate(row)
        assert type(row.volume) is float
        assert type(row.load) is float
        assert type(row.reasons) is tuple
    assert type(plan.intervals) is tuple
    assert CONVERTER.structure(CONVERTER.unstructure(plan), StaffingPlan) == plan


def test_repeated_rows_share_one_answer_and_keep_their_own_start() -> None:
    phone = ChannelStaffing(
        channel=Channel.PHONE,
        sla=SLA(name="Phone", targets={Metric.FIRST_RESPONSE_TIME: timedelta(seconds=20)}),
        shrinkage=0.3,
    )
    forecast = [
        ForecastInterval(
            channel=Channel.PHONE,
            start=MIDNIGHT + i * HALF_HOUR,
            volume=100,
            handle_time=timedelta(minutes=3),
        )
        for i in range(3)
    ]
    plan = staffing_plan(forecast, channels=[phone], calendar=BusinessCalendar.always_open())
    # 100 calls of 3 minutes in half an hour, 80 % in 20 s: 14 agents, 20 scheduled.
    assert [(row.start, row.required, row.scheduled) for row in plan.intervals] == [
        (MIDNIGHT + i * HALF_HOUR, 14, 20) for i in range(3)
    ]
    assert len({row.reasons for row in plan.intervals}) == 1
