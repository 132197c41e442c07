"""Staffing plans over a forecast and the teams they make: examples, properties, bad input."""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csroles import (
    SLA,
    BusinessCalendar,
    CalendarError,
    Channel,
    InvalidEntityError,
    Level,
    Metric,
    Priority,
    UnknownRoleError,
    default_catalog,
    make_converter,
)
from csroles.staffing import (
    ChannelStaffing,
    ForecastInterval,
    StaffingPlan,
    TeamPlan,
    agents_for,
    plan_team,
    scheduled_agents,
    staffing_plan,
)
from csroles.strategies import staffing_plans

ROME = ZoneInfo("Europe/Rome")
DESK = BusinessCalendar(
    timezone="Europe/Rome",
    hours={day: ((time(9), time(13)), (time(14), time(18))) for day in range(5)},
    holidays={date(2026, 3, 3)},
)
MONDAY = date(2026, 3, 2)
HALF_HOUR = timedelta(minutes=30)


def at(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ROME)


def frt(**targets: timedelta) -> SLA:
    per_priority = {p: targets.get(p.value, timedelta(hours=8)) for p in Priority}
    return SLA(name="Desk", targets={Metric.FIRST_RESPONSE_TIME: per_priority})


PHONE = ChannelStaffing(channel=Channel.PHONE, sla=frt(normal=timedelta(seconds=20)), shrinkage=0.3)


def call(start: datetime, volume: float = 100, minutes: float = 3) -> ForecastInterval:
    return ForecastInterval(
        channel=Channel.PHONE, start=start, volume=volume, handle_time=timedelta(minutes=minutes)
    )


# ------------------------------------------------------------------ examples


def test_the_worked_example_as_a_plan() -> None:
    # 100 calls in half an hour, 3 minutes each, 80% within the SLA's 20 s
    # first-response target: 14 agents, 20 scheduled after 30% shrinkage.
    plan = staffing_plan([call(at(9))], channels=[PHONE], calendar=DESK)
    row = plan.intervals[0]
    assert (row.required, row.scheduled, row.load) == (14, 20, 10.0)
    assert row.figures is not None
    assert row.figures.threshold == timedelta(seconds=20)
    assert row.reasons[-1] == "20 scheduled: 14 / (1 - 0.3 shrinkage), rounded up"
    assert row.start == at(9)
    assert row.start.utcoffset() == timedelta(hours=1)
    assert plan.timezone == "Europe/Rome"


def test_the_strictest_priority_of_the_mix_sets_the_threshold() -> None:
    spec = ChannelStaffing(
        channel=Channel.CHAT,
        sla=frt(normal=timedelta(minutes=2), high=timedelta(seconds=30)),
        priority_mix={Priority.NORMAL: 0.7, Priority.HIGH: 0.3},
        concurrency=2,
    )
    assert spec.threshold == timedelta(seconds=30)
    chats = ForecastInterval(
        channel=Channel.CHAT, start=at(10), volume=90, handle_time=timedelta(minutes=8)
    )
    row = staffing_plan([chats], channels=[spec], calendar=DESK).intervals[0]
    expected = agents_for(
        volume=90,
        interval=HALF_HOUR,
        handle_time=timedelta(minutes=8),
        threshold=timedelta(seconds=30),
        concurrency=2,
    )
    assert row.required == expected.agents
    assert row.figures == expected.figures


def test_a_deferred_channel_spreads_work_over_the_target() -> None:
    # 16 emails of 15 minutes arrive at 9:00: 4 hours of work. The 4-hour
    # first-response target spans 8 half hours of open time, so half an agent
    # of work falls in each: one agent from 9:00 to 13:00, none after.
    email = ChannelStaffing(channel=Channel.EMAIL, sla=frt(normal=timedelta(hours=4)))
    starts = [
        at(9, 0),
        at(9, 30),
        at(10),
        at(10, 30),
        at(11),
        at(11, 30),
        at(12),
        at(12, 30),
        at(14),
    ]
    forecast = [
        ForecastInterval(
            channel=Channel.EMAIL,
            start=s,
            volume=16 if s == at(9) else 0,
            handle_time=timedelta(minutes=15),
        )
        for s in starts
    ]
    plan = staffing_plan(forecast, channels=[email], calendar=DESK)
    assert [row.required for row in plan.intervals] == [1, 1, 1, 1, 1, 1, 1, 1, 0]
    assert plan.intervals[0].figures is None
    assert plan.intervals[0].load == 8.0


def test_deferred_work_skips_the_closed_lunch_hour() -> None:
    # A one-hour target from 12:30 covers 12:30-13:00 and 14:00-14:30 (open time).
    email = ChannelStaffing(channel=Channel.EMAIL, sla=frt(normal=timedelta(hours=1)))
    forecast = [
        ForecastInterval(
            channel=Channel.EMAIL, start=s, volume=v, handle_time=timedelta(minutes=30)
        )
        for s, v in ((at(12, 30), 6), (at(14), 0), (at(14, 30), 0))
    ]
    plan = staffing_plan(forecast, channels=[email], calendar=DESK)
    assert [row.required for row in plan.intervals] == [3, 3, 0]


def test_the_day_of_a_desk_and_its_team() -> None:
    live = frt(normal=timedelta(seconds=30))
    specs = [
        ChannelStaffing(channel=Channel.PHONE, sla=live, shrinkage=0.25),
        ChannelStaffing(channel=Channel.CHAT, sla=live, concurrency=2, shrinkage=0.25),
        ChannelStaffing(channel=Channel.EMAIL, sla=frt(normal=timedelta(hours=2))),
        ChannelStaffing(channel=Channel.SOCIAL, sla=frt(normal=timedelta(hours=1))),
    ]
    starts = [s for h in range(9, 18) if h != 13 for s in (at(h), at(h, 30))]
    forecast = [
        ForecastInterval(
            channel=spec.channel,
            start=s,
            volume=40 + 10 * (i % 5),
            handle_time=timedelta(minutes=5),
        )
        for spec in specs
        for i, s in enumerate(starts)
    ]
    plan = staffing_plan(forecast, channels=specs, calendar=DESK)
    assert len(plan.intervals) == 4 * 16
    assert plan.channels == (Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.SOCIAL)
    team = plan_team(plan)
    assert team.chart.check(duties=[]) == ()
    for channel, role in (
        (Channel.PHONE, "call_center_agent"),
        (Channel.CHAT, "live_chat_agent"),
        (Channel.EMAIL, "email_support_agent"),
        (Channel.SOCIAL, "social_media_agent"),
    ):
        peak = plan.peak(channel)
        assert peak is not None
        assert team.headcount[role] == peak.scheduled
    agents = sum(
        team.headcount[r]
        for r in (
            "call_center_agent",
            "live_chat_agent",
            "email_support_agent",
            "social_media_agent",
        )
    )
    assert sum(team.headcount.values()) == len(team.chart) > agents


# ------------------------------------------------------------------ properties


@settings(max_examples=40)
@given(
    st.lists(st.integers(0, 60), min_size=1, max_size=16),
    st.integers(1, 8),
    st.integers(60, 1200),
    st.sampled_from([None, 0.8, 0.95]),
)
def test_deferred_backlog_clears_within_the_target(
    volumes: list[int], window: int, handle: int, occupancy: float | None
) -> None:
    # Oracle: earliest-deadline-first feasibility. The work that arrives in
    # intervals 0..i must be done by the end of interval i + window - 1 (or the
    # end of the forecast): the capacity planned up to then must cover it.
    spec = ChannelStaffing(
        channel=Channel.SOCIAL, sla=frt(normal=window * HALF_HOUR), max_occupancy=occupancy
    )
    start = datetime(2026, 3, 2, 8, tzinfo=UTC)
    forecast = [
        ForecastInterval(
            channel=Channel.SOCIAL,
            start=start + i * HALF_HOUR,
            volume=v,
            handle_time=timedelta(seconds=handle),
        )
        for i, v in enumerate(volumes)
    ]
    plan = staffing_plan(forecast, channels=[spec], calendar=BusinessCalendar.always_open())
    capacity = [row.required * 1800 * (occupancy or 1.0) for row in plan.intervals]
    work = [v * handle for v in volumes]
    n = len(volumes)
    for i in range(n):
        due = min(i + window, n)
        assert sum(capacity[:due]) >= sum(work[: i + 1]) - 1e-6
    assert all(row.required >= 0 for row in plan.intervals)


@settings(max_examples=30, deadline=None)
@given(
    staffing_plans(max_intervals=4),
    st.integers(2, 15),
    st.integers(2, 10),
    st.integers(8, 15),
)
def test_the_team_follows_the_spans(
    plan: StaffingPlan, agents_span: int, sup_span: int, mgr_span: int
) -> None:
    peaks = {c: p.scheduled for c in plan.channels if (p := plan.peak(c)) is not None}
    channels = [c for c, scheduled in peaks.items() if scheduled > 0]
    if not channels:
        with pytest.raises(InvalidEntityError, match=r"plan_team\.plan: "):
            plan_team(plan)
        return
    spans = {Level.SUPERVISOR: agents_span, Level.MANAGER: sup_span, Level.DIRECTOR: mgr_span}
    supervisors = sum(math.ceil(peaks[c] / agents_span) for c in channels)
    managers = math.ceil(supervisors / sup_span) if supervisors > 1 else 0
    if managers > mgr_span:
        with pytest.raises(InvalidEntityError, match=r"plan_team\.spans: "):
            plan_team(plan, spans=spans)
        return
    team = plan_team(plan, spans=spans)
    chart = team.chart
    assert chart.check(max_span=max(agents_span, sup_span, mgr_span), duties=[]) == ()
    assert team.headcount.get("customer_service_supervisor", 0) == supervisors
    assert team.headcount.get("customer_service_manager", 0) == managers
    assert team.headcount.get("call_center_director", 0) == (1 if managers > 1 else 0)
    for position in chart.holding("customer_service_supervisor"):
        assert 1 <= chart.span_of_control(position.id) <= agents_span
        kinds = {chart.role_of(p.id).key for p in chart.reports(position.id)}
        assert len(kinds) == 1  # a supervisor leads one channel's agents
    for position in chart.holding("customer_service_manager"):
        assert 1 <= chart.span_of_control(position.id) <= sup_span
    assert len(team.reasons) >= 2 * len(channels)


def test_plans_and_teams_round_trip_through_the_converter() -> None:
    conv = make_converter()
    plan = staffing_plan([call(at(9)), call(at(9, 30), 140)], channels=[PHONE], calendar=DESK)
    assert conv.structure(conv.unstructure(plan), StaffingPlan) == plan
    team = plan_team(plan)
    assert conv.structure(conv.unstructure(team), TeamPlan) == team
    spec = ChannelStaffing(
        channel=Channel.CHAT,
        sla=frt(),
        priority_mix={Priority.NORMAL: 0.5, Priority.URGENT: 0.5},
        patience=timedelta(minutes=2),
    )
    assert conv.structure(conv.unstructure(spec), ChannelStaffing) == spec


def test_scheduled_agents_rounds_up() -> None:
    assert scheduled_agents(0, shrinkage=0.5) == 0
    assert scheduled_agents(7, shrinkage=0.0) == 7
    assert scheduled_agents(10, shrinkage=0.5) == 20
    assert scheduled_agents(10, shrinkage=0.35) == 16  # 15.38...


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("start", "field"),
    [
        (at(8, 30), "forecast[0].start"),  # before opening
        (at(13), "forecast[0].start"),  # lunch
        (at(9, 10), "forecast[0].start"),  # off the grid
        (at(10, day=date(2026, 3, 3)), "forecast[0].start"),  # holiday
        (at(10, day=date(2026, 3, 7)), "forecast[0].start"),  # Saturday
    ],
)
def test_intervals_that_do_not_fit_the_calendar(start: datetime, field: str) -> None:
    with pytest.raises(CalendarError, match=rf"staffing_plan\.{re.escape(field)}: "):
        staffing_plan([call(start)], channels=[PHONE], calendar=DESK)


def test_a_start_is_read_on_the_calendars_wall_clock() -> None:
    # 8:00 UTC is 9:00 in Rome (winter): on the grid and open.
    plan = staffing_plan(
        [call(datetime(2026, 3, 2, 8, tzinfo=UTC))], channels=[PHONE], calendar=DESK
    )
    assert plan.intervals[0].start == at(9)
    # An hourly grid refuses 9:30.
    with pytest.raises(CalendarError, match="60-minute grid"):
        staffing_plan(
            [call(at(9, 30))], channels=[PHONE], calendar=DESK, interval=timedelta(hours=1)
        )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"interval": timedelta(minutes=45)}, "interval"),
        ({"interval": 30}, "interval"),
        ({"calendar": "Europe/Rome"}, "calendar"),
        ({"channels": [PHONE, PHONE]}, r"channels\[1\]"),
        ({"channels": ["phone"]}, r"channels\[0\]"),
        ({"channels": PHONE}, "channels"),
        ({"forecast": [call(at(9)), call(at(9))]}, r"forecast\[1\]"),
        (
            {
                "forecast": [
                    ForecastInterval(
                        channel=Channel.CHAT, start=at(9), volume=1, handle_time=HALF_HOUR
                    )
                ]
            },
            r"forecast\[0\]\.channel",
        ),
        ({"forecast": ["9:00"]}, r"forecast\[0\]"),
        ({"forecast": "9:00"}, "forecast"),
    ],
)
def test_bad_plan_arguments_name_the_field(kwargs: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {
        "forecast": [call(at(9))],
        "channels": [PHONE],
        "calendar": DESK,
    }
    arguments.update(kwargs)
    with pytest.raises(InvalidEntityError, match=rf"staffing_plan\.{field}: "):
        staffing_plan(**arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"metric": Metric.RESOLUTION_TIME}, "metric"),
        ({"priority_mix": {Priority.NORMAL: 0.5}}, "priority_mix"),
        ({"priority_mix": {Priority.NORMAL: 0.0, Priority.HIGH: 1.0}}, r"priority_mix\.normal"),
        ({"priority_mix": {"usual": 1.0}}, "priority_mix"),
        ({"priority_mix": {}}, "priority_mix"),
        ({"service_level": 0}, "service_level"),
        ({"service_level": 1.5}, "service_level"),
        ({"max_occupancy": 0}, "max_occupancy"),
        ({"shrinkage": 1}, "shrinkage"),
        ({"shrinkage": -0.1}, "shrinkage"),
        ({"concurrency": 0}, "concurrency"),
        ({"patience": timedelta(0)}, "patience"),
        ({"max_asa": timedelta(seconds=-1)}, "max_asa"),
        ({"deferred": "yes"}, "deferred"),
    ],
)
def test_bad_channel_staffing_names_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidEntityError, match=rf"ChannelStaffing\.{field}"):
        ChannelStaffing(channel=Channel.PHONE, sla=frt(), **kwargs)  # type: ignore[arg-type]


def test_channel_staffing_takes_plain_values_for_members() -> None:
    plain = ChannelStaffing(
        channel="phone",  # type: ignore[arg-type]
        sla=frt(),
        metric="first_response_time",  # type: ignore[arg-type]
        priority_mix={"normal": 0.5, "high": 0.5},
    )
    members = ChannelStaffing(
        channel=Channel.PHONE,
        sla=frt(),
        metric=Metric.FIRST_RESPONSE_TIME,
        priority_mix={Priority.NORMAL: 0.5, Priority.HIGH: 0.5},
    )
    assert plain == members
    assert plain.metric is Metric.FIRST_RESPONSE_TIME
    assert all(type(p) is Priority for p in plain.priority_mix)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"handle_time": timedelta(0)}, "handle_time"),
        ({"handle_time": timedelta(minutes=-3)}, "handle_time"),
        ({"volume": -1}, "volume"),
        ({"start": datetime(2026, 3, 2, 9)}, "start"),
    ],
)
def test_bad_forecast_names_the_field(kwargs: dict[str, object], field: str) -> None:
    good: dict[str, object] = {
        "channel": Channel.PHONE,
        "start": at(9),
        "volume": 10,
        "handle_time": HALF_HOUR,
    }
    with pytest.raises(InvalidEntityError, match=rf"ForecastInterval\.{field}: "):
        ForecastInterval(**{**good, **kwargs})  # type: ignore[arg-type]


def test_bad_team_arguments() -> None:
    plan = staffing_plan([call(at(9))], channels=[PHONE], calendar=DESK)
    with pytest.raises(InvalidEntityError, match=r"plan_team\.plan: "):
        plan_team("plan")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"plan_team\.catalog: "):
        plan_team(plan, catalog="default")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"plan_team\.spans\.supervisor: 1"):
        plan_team(plan, spans={Level.SUPERVISOR: 1})
    with pytest.raises(InvalidEntityError, match=r"plan_team\.spans: "):
        plan_team(plan, spans={Level.EXECUTIVE: 5})
    with pytest.raises(InvalidEntityError, match=r"plan_team\.spans: 'boss'"):
        plan_team(plan, spans={"boss": 5})  # type: ignore[dict-item]
    assert plan_team(plan, spans={"supervisor": 3}) == plan_team(  # type: ignore[dict-item]
        plan, spans={Level.SUPERVISOR: 3}
    )
    with pytest.raises(InvalidEntityError, match=r"plan_team\.spans: "):
        plan_team(plan, spans=[12])  # type: ignore[arg-type]
    with pytest.raises(UnknownRoleError):
        plan_team(plan, catalog=default_catalog().remove("call_center_agent"))
    empty = staffing_plan([call(at(9), volume=0)], channels=[PHONE], calendar=DESK)
    with pytest.raises(InvalidEntityError, match=r"plan_team\.plan: 'no agents'"):
        plan_team(empty)
    huge = staffing_plan([call(at(9), volume=20_000)], channels=[PHONE], calendar=DESK)
    with pytest.raises(InvalidEntityError, match=r"plan_team\.spans: .* managers exceed"):
        plan_team(huge)
    assert (
        plan_team(huge, spans={Level.SUPERVISOR: 15, Level.DIRECTOR: 40}).chart.check(
            max_span=40, duties=[]
        )
        == ()
    )


def test_plan_values_validate_their_fields() -> None:
    from csroles.staffing import IntervalStaffing

    with pytest.raises(InvalidEntityError, match=r"scheduled_agents\.required: -1"):
        scheduled_agents(-1, shrinkage=0.2)
    row = staffing_plan([call(at(9))], channels=[PHONE], calendar=DESK).intervals[0]
    with pytest.raises(InvalidEntityError, match=r"IntervalStaffing\.required: 2\.5"):
        IntervalStaffing(
            channel=row.channel,
            start=row.start,
            volume=row.volume,
            handle_time=row.handle_time,
            load=row.load,
            required=2.5,  # type: ignore[arg-type]
            scheduled=3,
        )
    with pytest.raises(InvalidEntityError, match=r"StaffingPlan\.intervals\[0\]: "):
        StaffingPlan(timezone="UTC", interval=HALF_HOUR, intervals=["row"])
    team = plan_team(staffing_plan([call(at(9))], channels=[PHONE], calendar=DESK))
    with pytest.raises(InvalidEntityError, match=r"TeamPlan\.headcount: "):
        TeamPlan(chart=team.chart, headcount=[("a", 1)], reasons=())  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"TeamPlan\.headcount\.agent: 0"):
        TeamPlan(chart=team.chart, headcount={"agent": 0}, reasons=())
    assert plan_team(staffing_plan([call(at(9))], channels=[PHONE], calendar=DESK)) == team


def test_a_forecast_beyond_a_million_servers_is_refused() -> None:
    # The search is linear in the agents: a load of 1e299 Erlangs ran without end.
    with pytest.raises(InvalidEntityError, match=r"staffing_plan\.volume: 1e\+300, .*1,000,000"):
        staffing_plan([call(at(9), volume=1e300)], channels=[PHONE], calendar=DESK)
    capped = ChannelStaffing(channel=Channel.PHONE, sla=PHONE.sla, max_occupancy=1e-9)
    with pytest.raises(InvalidEntityError, match=r"staffing_plan\.max_occupancy: 1e-09, "):
        staffing_plan([call(at(9))], channels=[capped], calendar=DESK)
