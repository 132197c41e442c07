"""Service metrics: property tests against brute-force reference formulas, examples, bad input."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    SLA,
    Account,
    BusinessCalendar,
    CalendarError,
    Channel,
    DailyWorkload,
    Direction,
    DurationStats,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Metric,
    NetPromoterScore,
    OrgChart,
    Period,
    Position,
    Priority,
    Ratio,
    Scorecard,
    ScorecardLine,
    ServiceMetrics,
    SLAClock,
    SurveyScale,
    Topic,
    UnknownPositionError,
    by_channel,
    by_position,
    by_role,
    by_team,
    csat,
    customer_effort_score,
    customer_lifetime_value,
    default_catalog,
    duration_stats,
    first_contact_resolution,
    group_metrics,
    net_promoter_score,
    quota_attainment,
    resolution_times,
    response_times,
    retention_rate,
    service_metrics,
    sla_compliance,
    sla_status,
    survey_scores,
    workload,
)
from csroles.strategies import interactions as interaction_strategy

US = timedelta(microseconds=1)
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)

# A few zones (one with daylight saving) keep generation quick; the entities'
# tests cover the zones at large.
some_interactions = st.lists(
    interaction_strategy(
        max_events=8, zones=st.sampled_from(["UTC", "Europe/Rome", "America/New_York"])
    ),
    max_size=10,
)


# ------------------------------------------------------------------ reference formulas
# Written from the definitions, independently of csroles.metrics.


def half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def reference_stats(durations: list[timedelta]) -> dict[str, Any]:
    data = [d // US for d in durations]
    if not data:
        return {"count": 0, "mean": None, "median": None, "p90": None, "p95": None}
    result: dict[str, Any] = {
        "count": len(data),
        "mean": US * half_up(Fraction(sum(data), len(data))),
        "median": US * half_up(Fraction(statistics.median(data))),
    }
    if len(data) == 1:
        result["p90"] = result["p95"] = US * data[0]
    else:
        cuts = statistics.quantiles(data, n=100, method="inclusive")
        result["p90"], result["p95"] = cuts[89], cuts[94]  # floats, compared within 1 us
    return result


def assert_matches(stats: DurationStats, durations: list[timedelta]) -> None:
    expected = reference_stats(durations)
    assert stats.count == expected["count"]
    assert stats.mean == expected["mean"]
    assert stats.median == expected["median"] == stats.p50
    for name in ("p90", "p95"):
        got, want = getattr(stats, name), expected[name]
        if want is None or isinstance(want, timedelta):
            assert got == want
        else:
            assert got is not None
            assert abs(got // US - want) <= 1
    if durations:
        assert stats.minimum == min(durations)
        assert stats.maximum == max(durations)
        assert stats.minimum <= stats.median <= stats.p90 <= stats.p95 <= stats.maximum  # type: ignore[operator]


def reference_resolution(interaction: Interaction) -> datetime | None:
    resolved: datetime | None = None
    for event in interaction.events:
        if event.kind is EventKind.RESOLVED or (
            event.kind is EventKind.CLOSED and resolved is None
        ):
            resolved = event.at
        elif event.kind is EventKind.REOPENED:
            resolved = None
    return resolved


def reference_first_reply(interaction: Interaction) -> datetime | None:
    replies = [e.at for e in interaction.events if e.kind is EventKind.AGENT_REPLIED]
    return replies[0] if replies else None


def reference_first_contact(interaction: Interaction) -> bool:
    kinds = {e.kind for e in interaction.events}
    return not kinds & {EventKind.TRANSFERRED, EventKind.ESCALATED, EventKind.REOPENED}


def reference_nps(scores: list[int]) -> int | None:
    if not scores:
        return None
    promoters = sum(1 for s in scores if s in {9, 10})
    detractors = sum(1 for s in scores if s <= 6)
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(100 * (promoters - detractors)) / Decimal(len(scores))
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def scores_of(interactions: Iterable[Interaction], scale: SurveyScale) -> list[int]:
    found = []
    for interaction in interactions:
        for event in interaction.events:
            if event.kind is EventKind.SURVEY_ANSWERED and event.scale is scale:
                assert event.score is not None
                found.append(event.score)
    return found


def ticket(
    n: int,
    *events: tuple[EventKind, float, dict[str, Any]],
    channel: Channel = Channel.EMAIL,
    opened: datetime = T0,
) -> Interaction:
    """An interaction opened at ``opened``; each event is (kind, minutes after opening, data)."""
    return Interaction(
        id=f"T-{n}",
        customer_id="C-1",
        channel=channel,
        direction=Direction.INBOUND,
        topic=Topic.ORDER,
        priority=Priority.NORMAL,
        events=[
            Event(kind=EventKind.OPENED, at=opened),
            *(
                Event(kind=kind, at=opened + timedelta(minutes=minutes), **data)
                for kind, minutes, data in events
            ),
        ],
    )


def assigned(who: str, minutes: float = 0) -> tuple[EventKind, float, dict[str, Any]]:
    return (EventKind.ASSIGNED, minutes, {"assignee": who})


def reply(minutes: float) -> tuple[EventKind, float, dict[str, Any]]:
    return (EventKind.AGENT_REPLIED, minutes, {})


def resolved(minutes: float) -> tuple[EventKind, float, dict[str, Any]]:
    return (EventKind.RESOLVED, minutes, {})


def survey(
    minutes: float, scale: SurveyScale, score: int
) -> tuple[EventKind, float, dict[str, Any]]:
    return (EventKind.SURVEY_ANSWERED, minutes, {"scale": scale, "score": score})


class HalfSpeed:
    """A stand-in business calendar: half of all calendar time is business time."""

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        return (end - start) / 2


# ------------------------------------------------------------------ durations


@given(st.lists(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=60))))
def test_duration_stats_match_the_statistics_module(durations: list[timedelta]) -> None:
    assert_matches(duration_stats(durations), durations)


def test_duration_stats_interpolate_between_closest_ranks_by_hand() -> None:
    minutes = [timedelta(minutes=m) for m in (1, 2, 3, 4)]
    stats = duration_stats(minutes)
    # ranks: p50 at 1.5 -> 2.5 min; p90 at 2.7 -> 3.7 min; p95 at 2.85 -> 3.85 min
    assert stats.median == timedelta(minutes=2.5)
    assert stats.p90 == timedelta(minutes=3.7)
    assert stats.p95 == timedelta(minutes=3.85)
    assert stats.mean == timedelta(minutes=2.5)
    # halves of a microsecond round up
    assert duration_stats([timedelta(0), US]).median == US
    assert duration_stats([timedelta(0), US]).mean == US


def test_duration_stats_of_nothing_are_none() -> None:
    assert duration_stats([]) == DurationStats(count=0)
    assert duration_stats([]).p50 is None


@given(some_interactions)
def test_response_and_resolution_times_match_brute_force(xs: list[Interaction]) -> None:
    firsts = [reply - i.opened_at for i in xs if (reply := reference_first_reply(i)) is not None]
    ends = [end - i.opened_at for i in xs if (end := reference_resolution(i)) is not None]
    assert_matches(response_times(xs), firsts)
    assert_matches(resolution_times(xs), ends)


@given(some_interactions)
def test_business_time_comes_from_the_calendar(xs: list[Interaction]) -> None:
    firsts = [
        (reply - i.opened_at) / 2 for i in xs if (reply := reference_first_reply(i)) is not None
    ]
    assert response_times(xs, calendar=HalfSpeed()).count == len(firsts)
    assert_matches(response_times(xs, calendar=HalfSpeed()), firsts)


def test_times_by_hand() -> None:
    xs = [
        ticket(1, reply(10), resolved(60)),
        ticket(2, reply(30), resolved(120)),
        ticket(3, reply(20)),  # still open: no resolution time
        ticket(4, (EventKind.CLOSED, 45, {})),  # closed without a resolution: resolved at closing
        ticket(5, resolved(10), (EventKind.REOPENED, 20, {}), resolved(90)),  # whole span
    ]
    assert response_times(xs).count == 3
    assert response_times(xs).median == timedelta(minutes=20)
    assert response_times(xs).mean == timedelta(minutes=20)
    res = resolution_times(xs)
    assert res.count == 4
    assert res.median == timedelta(minutes=75)
    assert res.maximum == timedelta(minutes=120)
    assert resolution_times(xs, calendar=HalfSpeed()).maximum == timedelta(minutes=60)


# ------------------------------------------------------------------ surveys


@given(
    st.integers(-5, 5)
    .flatmap(lambda low: st.tuples(st.just(low), st.integers(low + 1, low + 10)))
    .flatmap(
        lambda scale: st.tuples(
            st.just(scale),
            st.integers(*scale),
            st.lists(st.integers(*scale), max_size=40),
        )
    )
)
def test_csat_is_the_share_of_satisfied_answers(
    case: tuple[tuple[int, int], int, list[int]],
) -> None:
    scale, threshold, scores = case
    result = csat(scores, scale=scale, satisfied_at=threshold)
    assert result.whole == len(scores)
    assert result.part == len([s for s in scores if s >= threshold])
    if scores:
        assert result.percent is not None
        assert 0 <= result.percent <= 100
        assert math.isclose(result.percent, 100 * result.part / len(scores))
    else:
        assert result.percent is None


@given(st.lists(st.integers(0, 10), max_size=60))
def test_nps_matches_the_reference(scores: list[int]) -> None:
    result = net_promoter_score(scores)
    assert result.score == reference_nps(scores)
    assert result.answers == len(scores)
    if scores:
        assert result.score is not None
        assert -100 <= result.score <= 100


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([10, 10, 10, 10, 10, 10, 8, 3], 63),  # 62.5 rounds away from zero
        ([0, 0, 0, 0, 0, 0, 8, 10], -63),
        ([10, 9, 7, 8, 6, 5], 0),
        ([10], 100),
        ([6], -100),
        ([9, 8, 7], 33),  # 33.33...
        ([], None),
    ],
)
def test_nps_by_hand(scores: list[int], expected: int | None) -> None:
    assert net_promoter_score(scores).score == expected


def test_survey_scores_and_effort_by_hand() -> None:
    xs = [
        ticket(
            1,
            resolved(5),
            survey(10, SurveyScale.CSAT, 5),
            survey(11, SurveyScale.CUSTOMER_EFFORT_SCORE, 2),
        ),
        ticket(2, resolved(5), survey(10, SurveyScale.CSAT, 2), survey(12, SurveyScale.NPS, 10)),
        ticket(3, resolved(5), survey(10, SurveyScale.CUSTOMER_EFFORT_SCORE, 5)),
    ]
    assert survey_scores(xs, SurveyScale.CSAT) == (5, 2)
    assert customer_effort_score(survey_scores(xs, SurveyScale.CUSTOMER_EFFORT_SCORE)) == 3.5
    metrics = service_metrics(xs)
    assert metrics.csat == Ratio(part=1, whole=2)
    assert metrics.nps == NetPromoterScore(promoters=1, passives=0, detractors=0)
    assert metrics.customer_effort == 3.5
    assert service_metrics(xs, satisfied_at=2).csat == Ratio(part=2, whole=2)


@given(st.lists(st.integers(1, 7), max_size=30))
def test_effort_score_is_the_mean(scores: list[int]) -> None:
    result = customer_effort_score(scores)
    if scores:
        assert result is not None
        assert math.isclose(result, statistics.fmean(scores))
        assert 1 <= result <= 7
    else:
        assert result is None


# ------------------------------------------------------------------ first contact, grouping


@given(some_interactions)
def test_first_contact_resolution_matches_brute_force(xs: list[Interaction]) -> None:
    done = [i for i in xs if reference_resolution(i) is not None]
    result = first_contact_resolution(xs)
    assert result.whole == len(done)
    assert result.part == len([i for i in done if reference_first_contact(i)])


@given(some_interactions)
def test_service_metrics_agree_with_the_single_metrics(xs: list[Interaction]) -> None:
    metrics = service_metrics(xs)
    assert metrics.interactions == len(xs)
    assert metrics.first_response == response_times(xs)
    assert metrics.resolution == resolution_times(xs)
    assert metrics.csat == csat(scores_of(xs, SurveyScale.CSAT))
    assert metrics.nps == net_promoter_score(scores_of(xs, SurveyScale.NPS))
    assert metrics.customer_effort == customer_effort_score(
        scores_of(xs, SurveyScale.CUSTOMER_EFFORT_SCORE)
    )
    assert metrics.first_contact_resolution == first_contact_resolution(xs)
    if metrics.csat.percent is not None:
        assert 0 <= metrics.csat.percent <= 100


@given(some_interactions)
def test_grouping_in_one_pass_equals_measuring_each_group_alone(xs: list[Interaction]) -> None:
    by_channel_result = group_metrics(xs, by_channel)
    channels = sorted({i.channel.value for i in xs})
    assert list(by_channel_result) == channels
    for channel in channels:
        alone = service_metrics([i for i in xs if i.channel.value == channel])
        assert by_channel_result[channel] == alone
    positions = group_metrics(xs, by_position)
    assert set(positions) == {i.assignee for i in xs if i.assignee is not None}
    for position, metrics in positions.items():
        assert metrics == service_metrics([i for i in xs if i.assignee == position])
    # overlapping teams: a team holding every assignee sees everything assigned
    everyone = sorted({i.assignee for i in xs if i.assignee is not None})
    teams = group_metrics(xs, by_team({"all": everyone, "first": everyone[:1]}))
    if everyone:
        assert teams["all"] == service_metrics([i for i in xs if i.assignee is not None])
        assert teams["first"] == positions[everyone[0]]
    else:
        assert teams == {}


def test_grouping_by_role_and_team_by_hand() -> None:
    xs = [
        ticket(1, assigned("rep-1"), reply(10), resolved(30)),
        ticket(2, assigned("rep-2"), reply(20), resolved(40), channel=Channel.CHAT),
        ticket(3, assigned("sup-1"), reply(50), resolved(60)),
        ticket(4, reply(5)),  # nobody holds it: in no role or team
    ]
    roles = by_role(
        {
            "rep-1": "customer_service_representative",
            "rep-2": "customer_service_representative",
            "sup-1": "customer_service_supervisor",
        }
    )
    grouped = group_metrics(xs, roles)
    assert list(grouped) == ["customer_service_representative", "customer_service_supervisor"]
    assert grouped["customer_service_representative"].first_response.mean == timedelta(minutes=15)
    teams = group_metrics(xs, by_team({"north": ["sup-1", "rep-1"], "south": ["rep-2"]}))
    assert teams["north"].interactions == 2
    assert teams["north"].resolution.median == timedelta(minutes=45)
    assert teams["south"].interactions == 1
    chat = group_metrics(xs, by_channel)["chat"]
    assert chat.interactions == 1


def test_period_filters_by_opening() -> None:
    xs = [
        ticket(1, reply(10)),
        ticket(2, reply(20), opened=T0 + timedelta(days=1)),
    ]
    day = Period(start=T0.replace(hour=0), end=T0.replace(hour=0) + timedelta(days=1))
    assert service_metrics(xs, period=day).interactions == 1
    assert service_metrics(xs, period=day).first_response.mean == timedelta(minutes=10)


def test_empty_input_gives_defined_results() -> None:
    empty = service_metrics([])
    assert empty == ServiceMetrics(
        interactions=0,
        first_response=DurationStats(count=0),
        resolution=DurationStats(count=0),
        csat=Ratio(part=0, whole=0),
        nps=NetPromoterScore(promoters=0, passives=0, detractors=0),
        customer_effort=None,
        first_contact_resolution=Ratio(part=0, whole=0),
        sla_compliance=Ratio(part=0, whole=0),
    )
    assert set(empty.figures().values()) == {None}
    assert group_metrics([], by_position) == {}
    assert first_contact_resolution([]).percent is None
    assert csat([]).percent is None


# ------------------------------------------------------------------ accounts

account_ids = st.sets(st.sampled_from([f"A-{n}" for n in range(30)]), max_size=30)


@given(account_ids, account_ids, account_ids)
def test_retention_is_end_minus_new_over_start(
    start: set[str], kept_from: set[str], extra: set[str]
) -> None:
    kept = start & kept_from
    new = extra - start
    end = kept | new
    result = retention_rate(start=sorted(start), end=sorted(end), new=sorted(new))
    assert result.whole == len(start)
    assert result.part == len(end) - len(new) == len(kept)
    if start:
        assert result.percent == pytest.approx(100 * (len(end) - len(new)) / len(start))
        assert 0 <= result.percent <= 100  # type: ignore[operator]
    else:
        assert result.percent is None


def test_retention_by_hand_with_accounts() -> None:
    def account(n: int) -> Account:
        return Account(id=f"A-{n}", customer_id=f"C-{n}")

    result = retention_rate(
        start=[account(n) for n in range(10)],
        end=[account(n) for n in range(2, 12)],
        new=[account(10), account(11)],
    )
    assert result == Ratio(part=8, whole=10)
    assert result.percent == 80.0


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"average_value": 1000.0, "gross_margin": 0.5, "lifetime": 4}, 2000.0),
        ({"average_value": 1000, "gross_margin": 0.5, "churn_rate": 0.2}, 2500.0),
        ({"average_value": 0, "gross_margin": 1, "lifetime": 10}, 0.0),
        ({"average_value": 120.0, "gross_margin": 1, "churn_rate": 1}, 120.0),
    ],
)
def test_lifetime_value_by_hand(kwargs: dict[str, Any], expected: float) -> None:
    assert customer_lifetime_value(**kwargs) == pytest.approx(expected)


@given(
    st.floats(0, 1e6),
    st.floats(0, 1),
    st.floats(0.01, 1),
)
def test_lifetime_value_from_churn_is_lifetime_of_one_over_churn(
    value: float, margin: float, churn: float
) -> None:
    assert customer_lifetime_value(
        average_value=value, gross_margin=margin, churn_rate=churn
    ) == pytest.approx(
        customer_lifetime_value(average_value=value, gross_margin=margin, lifetime=1 / churn)
    )


# ------------------------------------------------------------------ workload


@given(some_interactions, st.integers(1, 5))
def test_workload_counts_match_brute_force(xs: list[Interaction], quota: int) -> None:
    start = T0 if not xs else min(i.opened_at for i in xs)
    period = Period(start=start, end=start + timedelta(days=3))
    rows = workload(xs, period=period, timezone="Europe/Rome", quota=quota)
    rome = ZoneInfo("Europe/Rome")
    expected: Counter[tuple[str, date]] = Counter()
    for interaction in xs:
        end = reference_resolution(interaction)
        if end is not None and interaction.assignee is not None and start <= end < period.end:
            expected[interaction.assignee, end.astimezone(rome).date()] += 1
    got = {(row.position, row.day): row.handled for row in rows if row.handled}
    assert got == dict(expected)
    assert all(row.quota == quota for row in rows)
    assert all(row.meets_quota == (row.handled >= quota) for row in rows)
    # every position that handled something is listed on every local day of the period
    days = sorted({row.day for row in rows})
    assert len(rows) == len({p for p, _ in expected}) * len(days)
    assert rows == tuple(sorted(rows, key=lambda r: (r.position, r.day)))


def test_workload_by_hand_with_quota_from_a_role() -> None:
    role = default_catalog().get("call_center_agent")
    assert role.daily_quota is None  # the sources name a quota but give no number
    quota_role = attrs.evolve(role, daily_quota=2)
    rome_midnight = datetime(2026, 5, 4, tzinfo=timezone(timedelta(hours=2)))
    xs = [
        ticket(1, assigned("rep-1"), resolved(60)),
        ticket(2, assigned("rep-1"), resolved(120)),
        # 23:30 UTC on 4 May is 01:30 on 5 May in Rome
        ticket(3, assigned("rep-1"), resolved(14 * 60 + 30)),
        ticket(4, assigned("rep-2"), reply(5)),  # still open: not handled
    ]
    rows = workload(
        xs,
        period=Period(start=rome_midnight, end=rome_midnight + timedelta(days=2)),
        timezone="Europe/Rome",
        quota=quota_role,
        positions=["rep-3"],
    )
    assert [(r.position, r.day.isoformat(), r.handled, r.meets_quota) for r in rows] == [
        ("rep-1", "2026-05-04", 2, True),
        ("rep-1", "2026-05-05", 1, False),
        ("rep-3", "2026-05-04", 0, False),
        ("rep-3", "2026-05-05", 0, False),
    ]
    assert quota_attainment(rows) == Ratio(part=1, whole=4)
    assert quota_attainment([]).percent is None


def test_workload_keeps_only_business_days_of_a_calendar() -> None:
    class Weekdays:
        def business_time_between(self, start: datetime, end: datetime) -> timedelta:
            return timedelta(hours=8) if start.weekday() < 5 else timedelta(0)

    saturday = datetime(2026, 5, 9, tzinfo=UTC)
    rows = workload(
        [],
        period=Period(start=saturday, end=saturday + timedelta(days=3)),
        timezone="UTC",
        quota=10,
        calendar=Weekdays(),
        positions=["rep-1"],
    )
    assert [row.day for row in rows] == [date(2026, 5, 11)]
    assert workload([], period=Period(start=T0, end=T0), timezone="UTC", quota=1) == ()


# ------------------------------------------------------------------ scorecards


def test_seed_002_service_and_success_roles_get_their_metrics() -> None:
    catalog = default_catalog()
    service = Scorecard.build(
        subject="rep-1", role=catalog.get("customer_service_representative"), figures={}
    )
    assert {Metric.FIRST_RESPONSE_TIME, Metric.RESOLUTION_TIME, Metric.CSAT} <= {
        line.metric for line in service.lines
    }
    success = Scorecard.build(
        subject="csm-1", role=catalog.get("customer_success_manager"), figures={}
    )
    assert [line.metric for line in success.lines] == [
        Metric.NPS,
        Metric.RETENTION_RATE,
        Metric.CUSTOMER_LIFETIME_VALUE,
    ]
    assert all(line.value is None and line.on_target is None for line in success.lines)


def test_scorecard_compares_with_targets_in_the_right_direction() -> None:
    role = default_catalog().get("customer_service_representative")
    xs = [
        ticket(1, assigned("rep-1"), reply(10), resolved(30), survey(40, SurveyScale.CSAT, 5)),
        ticket(2, assigned("rep-1"), reply(50), resolved(90), survey(95, SurveyScale.CSAT, 3)),
    ]
    figures = dict(service_metrics(xs).figures())
    figures[Metric.DAILY_QUOTA] = 80.0
    card = Scorecard.build(
        subject="rep-1",
        role=role,
        figures=figures,
        targets={
            Metric.FIRST_RESPONSE_TIME: timedelta(minutes=30),  # median 30: on target (<=)
            Metric.RESOLUTION_TIME: timedelta(minutes=45),  # median 60: off
            Metric.CSAT: 50,  # 50 %: on (>=)
            Metric.DAILY_QUOTA: 90.0,  # 80 %: off
        },
    )
    lines = {line.metric: line for line in card.lines}
    assert lines[Metric.FIRST_RESPONSE_TIME].value == timedelta(minutes=30)
    assert lines[Metric.FIRST_RESPONSE_TIME].on_target is True
    assert lines[Metric.RESOLUTION_TIME].on_target is False
    assert lines[Metric.CSAT].on_target is True
    assert lines[Metric.DAILY_QUOTA].on_target is False
    assert lines[Metric.SLA_COMPLIANCE].on_target is None
    assert set(card.on_target) == {Metric.FIRST_RESPONSE_TIME, Metric.CSAT}
    assert set(card.off_target) == {Metric.RESOLUTION_TIME, Metric.DAILY_QUOTA}
    assert "rep-1 (customer_service_representative)" in card.to_text()
    effort = Scorecard.build(
        subject="cx",
        role=default_catalog().get("customer_experience_manager"),
        figures={Metric.CUSTOMER_EFFORT_SCORE: 2.5},
        targets={Metric.CUSTOMER_EFFORT_SCORE: 3},
    )
    assert effort.on_target == (Metric.CUSTOMER_EFFORT_SCORE,)


# ------------------------------------------------------------------ bad input


def test_period_refuses_naive_and_reversed() -> None:
    with pytest.raises(InvalidEntityError, match=r"Period\.start: .*naive"):
        Period(start=datetime(2026, 5, 1), end=T0)
    with pytest.raises(InvalidEntityError, match=r"Period\.end: .*at or after start"):
        Period(start=T0, end=T0 - US)
    with pytest.raises(InvalidEntityError, match=r"Period\.contains\(at\)"):
        Period(start=T0, end=T0).contains(datetime(2026, 5, 1))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: duration_stats("abc"), r"duration_stats\.durations: 'abc'"),  # type: ignore[arg-type]
        (lambda: duration_stats([timedelta(-1)]), r"duration_stats\.durations\[0\]"),
        (
            lambda: response_times([1]),  # type: ignore[list-item]
            r"response_times\.interactions\[0\]: 1, expected an Interaction",
        ),
        (lambda: response_times(5), r"response_times\.interactions: 5"),  # type: ignore[arg-type]
        (lambda: response_times([], calendar="x"), r"response_times\.calendar: 'x'"),  # type: ignore[arg-type]
        (lambda: resolution_times(None), r"resolution_times\.interactions"),  # type: ignore[arg-type]
        (lambda: first_contact_resolution([None]), r"first_contact_resolution\.interactions\[0\]"),  # type: ignore[list-item]
        (lambda: survey_scores([], "csat"), r"survey_scores\.scale: 'csat'"),  # type: ignore[arg-type]
        (lambda: csat([0]), r"csat\.scores\[0\]: 0, expected an integer from 1 to 5"),
        (lambda: csat([True]), r"csat\.scores\[0\]: True"),
        (lambda: csat([4.0]), r"csat\.scores\[0\]: 4\.0"),  # type: ignore[list-item]
        (lambda: csat(3), r"csat\.scores: 3"),  # type: ignore[arg-type]
        (lambda: csat([], scale=(5, 1)), r"csat\.scale: \(5, 1\)"),
        (lambda: csat([], scale=[1, 5]), r"csat\.scale: \[1, 5\]"),  # type: ignore[arg-type]
        (lambda: csat([], satisfied_at=6), r"csat\.satisfied_at: 6"),
        (lambda: net_promoter_score([11]), r"net_promoter_score\.scores\[0\]: 11"),
        (lambda: net_promoter_score([-1]), r"net_promoter_score\.scores\[0\]: -1"),
        (lambda: customer_effort_score([8]), r"customer_effort_score\.scores\[0\]: 8"),
        (lambda: customer_effort_score([], scale=(1,)), r"customer_effort_score\.scale"),  # type: ignore[arg-type]
        (lambda: retention_rate(start="abc", end=[]), r"retention_rate\.start: 'abc'"),
        (lambda: retention_rate(start=[1], end=[]), r"retention_rate\.start\[0\]: 1"),
        (lambda: retention_rate(start=["a"], end=["a", "b"]), r"retention_rate\.end: 'b'"),
        (lambda: retention_rate(start=["a"], end=["a"], new=["a"]), r"retention_rate\.new: 'a'"),
        (lambda: retention_rate(start=[], end=[], new=["b"]), r"retention_rate\.new: 'b'"),
        (
            lambda: customer_lifetime_value(average_value=-1, gross_margin=0.5, lifetime=1),
            r"customer_lifetime_value\.average_value: -1",
        ),
        (
            lambda: customer_lifetime_value(average_value=1, gross_margin=1.5, lifetime=1),
            r"customer_lifetime_value\.gross_margin: 1\.5",
        ),
        (
            lambda: customer_lifetime_value(average_value=1, gross_margin=0.5),
            r"customer_lifetime_value\.lifetime: None, expected exactly one",
        ),
        (
            lambda: customer_lifetime_value(
                average_value=1, gross_margin=0.5, lifetime=1, churn_rate=0.1
            ),
            r"customer_lifetime_value\.lifetime: 1, expected exactly one",
        ),
        (
            lambda: customer_lifetime_value(average_value=1, gross_margin=0.5, churn_rate=0),
            r"customer_lifetime_value\.churn_rate: 0",
        ),
        (
            lambda: customer_lifetime_value(average_value=math.nan, gross_margin=0.5, lifetime=1),
            r"customer_lifetime_value\.average_value: nan",
        ),
        (
            lambda: customer_lifetime_value(average_value="1", gross_margin=0.5, lifetime=1),  # type: ignore[arg-type]
            r"customer_lifetime_value\.average_value: '1'",
        ),
        (
            lambda: workload([], period="May", timezone="UTC", quota=1),  # type: ignore[arg-type]
            r"workload\.period: 'May'",
        ),
        (
            lambda: workload([], period=Period(start=T0, end=T0), timezone="Mars/Base", quota=1),
            r"workload\.timezone: 'Mars/Base'",
        ),
        (
            lambda: workload([], period=Period(start=T0, end=T0), timezone="UTC", quota=0),
            r"workload\.quota: 0",
        ),
        (
            lambda: workload(
                [],
                period=Period(start=T0, end=T0),
                timezone="UTC",
                quota=default_catalog().get("call_center_agent"),
            ),
            r"workload\.quota: 'call_center_agent', expected an int, or a role with a daily_quota",
        ),
        (
            lambda: workload(
                [], period=Period(start=T0, end=T0), timezone="UTC", quota=1, positions="rep"
            ),
            r"workload\.positions: 'rep'",
        ),
        (
            lambda: workload(
                [], period=Period(start=T0, end=T0), timezone="UTC", quota=1, positions=[""]
            ),
            r"workload\.positions: ''",
        ),
        (lambda: quota_attainment("x"), r"quota_attainment\.days: 'x'"),  # type: ignore[arg-type]
        (lambda: quota_attainment([1]), r"quota_attainment\.days\[0\]: 1"),  # type: ignore[list-item]
        (lambda: group_metrics([], "channel"), r"group_metrics\.by: 'channel'"),  # type: ignore[arg-type]
        (lambda: group_metrics([], by_channel, period=1), r"group_metrics\.period: 1"),  # type: ignore[arg-type]
        (
            lambda: group_metrics([], by_channel, satisfied_at=0),
            r"group_metrics\.satisfied_at: 0",
        ),
        (
            lambda: group_metrics([ticket(1)], lambda i: "chat"),
            r"group_metrics\.by\('T-1'\): 'chat'",
        ),
        (
            lambda: group_metrics([ticket(1)], lambda i: [""]),
            r"group_metrics\.by\('T-1'\): ''",
        ),
        (lambda: by_role(["rep-1"]), r"by_role\.roles: \['rep-1'\]"),  # type: ignore[arg-type]
        (lambda: by_role({"rep-1": "Agent"}), r"by_role\.roles\['rep-1'\]: 'Agent'"),
        (lambda: by_team([]), r"by_team\.teams: \[\]"),  # type: ignore[arg-type]
        (lambda: by_team({"north": "rep-1"}), r"by_team\.teams\['north'\]: 'rep-1'"),
        (lambda: by_team({"north": [" x"]}), r"by_team\.teams\['north'\]: ' x'"),
        (lambda: by_team({"": ["x"]}), r"by_team\.teams: ''"),
        (lambda: Ratio(part=1, whole=-1), r"Ratio\.whole: -1"),
        (lambda: Ratio(part=-1, whole=1), r"Ratio\.part: -1"),
        (
            lambda: DailyWorkload(position="p", day=T0, handled=1, quota=1),
            r"DailyWorkload\.day: datetime\.datetime",
        ),
        (
            lambda: DailyWorkload(position="p", day=date(2026, 5, 4), handled=-1, quota=1),
            r"DailyWorkload\.handled: -1",
        ),
        (
            lambda: DailyWorkload(position="p", day=date(2026, 5, 4), handled=1, quota=0),
            r"DailyWorkload\.quota: 0",
        ),
        (lambda: DurationStats(count=-1), r"DurationStats\.count: -1"),
        (
            lambda: ScorecardLine(metric="happiness", value=None, target=None, on_target=None),  # type: ignore[arg-type]
            r"ScorecardLine\.metric: 'happiness'",
        ),
        (
            lambda: ScorecardLine(metric=Metric.CSAT, value=None, target=None, on_target=1),  # type: ignore[arg-type]
            r"ScorecardLine\.on_target: 1",
        ),
        (
            lambda: NetPromoterScore(promoters=-1, passives=0, detractors=0),
            r"NetPromoterScore\.promoters: -1",
        ),
    ],
)
def test_bad_input_is_refused_with_a_named_error(call: Any, message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        call()


def test_bad_scorecards_are_refused() -> None:
    role = default_catalog().get("customer_success_manager")
    with pytest.raises(InvalidEntityError, match=r"Scorecard\.role: 'csm'"):
        Scorecard.build(subject="x", role="csm", figures={})  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"Scorecard\.figures: \[\]"):
        Scorecard.build(subject="x", role=role, figures=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"Scorecard\.targets: \[\]"):
        Scorecard.build(subject="x", role=role, figures={}, targets=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"Scorecard\.targets: <Metric\.CSAT.*measured by"):
        Scorecard.build(subject="x", role=role, figures={}, targets={Metric.CSAT: 90})
    with pytest.raises(InvalidEntityError, match=r"Scorecard\.figures\['nps'\]: '40'"):
        Scorecard.build(subject="x", role=role, figures={Metric.NPS: "40"})  # type: ignore[dict-item]
    with pytest.raises(InvalidEntityError, match=r"Scorecard\.targets\['nps'\]: nan"):
        Scorecard.build(subject="x", role=role, figures={}, targets={Metric.NPS: math.nan})
    service = default_catalog().get("customer_service_representative")
    with pytest.raises(
        InvalidEntityError, match=r"figures\['resolution_time'\]: 60, expected a timedelta"
    ):
        Scorecard.build(subject="x", role=service, figures={Metric.RESOLUTION_TIME: 60})
    with pytest.raises(InvalidEntityError, match=r"Scorecard\.subject: ''"):
        Scorecard.build(subject="", role=service, figures={})


def test_daily_workload_reads() -> None:
    day = DailyWorkload(position="rep-1", day=date(2026, 5, 4), handled=30, quota=40)
    assert not day.meets_quota
    assert day.attainment == 0.75


# ------------------------------------------------------------------ business time by a BusinessCalendar


NINE_TO_FIVE = BusinessCalendar(
    timezone="UTC", hours=dict.fromkeys(range(5), ((time(9), time(17)),))
)


def reference_open_time(start: datetime, end: datetime) -> timedelta:
    """Weekdays 09:00-17:00 UTC, day by day."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    total = timedelta(0)
    day = start.date()
    while day <= end.date():
        if day.weekday() < 5:
            opens = datetime.combine(day, time(9), tzinfo=UTC)
            closes = datetime.combine(day, time(17), tzinfo=UTC)
            overlap = min(closes, end) - max(opens, start)
            total += max(overlap, timedelta(0))
        day += timedelta(days=1)
    return total


@given(some_interactions)
def test_business_times_by_a_business_calendar(xs: list[Interaction]) -> None:
    firsts = [
        reference_open_time(i.opened_at, reply)
        for i in xs
        if (reply := reference_first_reply(i)) is not None
    ]
    ends = [
        reference_open_time(i.opened_at, end)
        for i in xs
        if (end := reference_resolution(i)) is not None
    ]
    assert_matches(response_times(xs, calendar=NINE_TO_FIVE), firsts)
    assert_matches(resolution_times(xs, calendar=NINE_TO_FIVE), ends)
    grouped = group_metrics(xs, by_channel, calendar=NINE_TO_FIVE)
    for channel, metrics in grouped.items():
        alone = [i for i in xs if i.channel.value == channel]
        assert metrics.resolution == resolution_times(alone, calendar=NINE_TO_FIVE)


def test_business_time_by_hand() -> None:
    friday_4pm = datetime(2026, 5, 8, 16, 0, tzinfo=UTC)
    xs = [ticket(1, reply(18 * 60), resolved(66 * 60 + 30), opened=friday_4pm)]
    # replied Saturday 10:00: one business hour (Friday 16-17); resolved Monday 10:30: 2.5 hours
    assert response_times(xs, calendar=NINE_TO_FIVE).mean == timedelta(hours=1)
    assert resolution_times(xs, calendar=NINE_TO_FIVE).mean == timedelta(hours=2.5)
    assert resolution_times(xs).mean == timedelta(hours=66.5)


def test_instants_outside_the_calendar_range_get_the_calendar_error() -> None:
    ancient = datetime(1, 1, 2, 9, 0, tzinfo=UTC)
    with pytest.raises(CalendarError, match="business_time_between"):
        response_times([ticket(1, reply(5), opened=ancient)], calendar=NINE_TO_FIVE)


# ------------------------------------------------------------------ SLA compliance

RESPONSE_SLA = SLA(
    name="Standard",
    targets={
        Metric.FIRST_RESPONSE_TIME: timedelta(hours=1),
        Metric.RESOLUTION_TIME: timedelta(hours=8),
    },
)


def reference_compliance(clocks: Iterable[SLAClock]) -> tuple[int, int]:
    states = Counter(clock.state.value for clock in clocks)
    return states["met"], states["met"] + states["breached"]


@given(some_interactions, st.lists(st.booleans(), min_size=10, max_size=10))
def test_compliance_matches_the_clocks_and_ignores_interactions_without_sla(
    xs: list[Interaction], held: list[bool]
) -> None:
    if not xs:
        return
    now = max(i.last_event_at for i in xs) + timedelta(hours=1)
    with_sla = [i for i, h in zip(xs, held, strict=False) if h]
    met, whole = reference_compliance(
        clock for i in with_sla for clock in sla_status(RESPONSE_SLA, i, now)
    )
    chosen = {id(i) for i in with_sla}
    metrics = service_metrics(xs, sla=lambda i: RESPONSE_SLA if id(i) in chosen else None, now=now)
    assert metrics.sla_compliance == Ratio(part=met, whole=whole)
    # the interactions without an SLA change nothing
    assert service_metrics(with_sla, sla=RESPONSE_SLA, now=now).sla_compliance == (
        metrics.sla_compliance
    )
    if metrics.sla_compliance.percent is not None:
        assert 0 <= metrics.sla_compliance.percent <= 100
    # grouped, each group is its own interactions' compliance
    grouped = group_metrics(with_sla, by_channel, sla=RESPONSE_SLA, now=now)
    for channel, group in grouped.items():
        alone = [i for i in with_sla if i.channel.value == channel]
        assert group.sla_compliance == sla_compliance(
            [sla_status(RESPONSE_SLA, i, now) for i in alone]
        )


def test_compliance_by_hand() -> None:
    now = T0 + timedelta(minutes=310)
    xs = [
        ticket(1, reply(30), resolved(120)),  # both clocks met
        ticket(2, reply(90), resolved(300)),  # response breached, resolution met
    ]
    running = ticket(3, opened=now - timedelta(minutes=10))  # both clocks running: left out
    metrics = service_metrics([*xs, running], sla=RESPONSE_SLA, now=now)
    assert metrics.sla_compliance == Ratio(part=3, whole=4)
    assert metrics.figures()[Metric.SLA_COMPLIANCE] == 75.0
    statuses = [sla_status(RESPONSE_SLA, i, now) for i in xs]
    assert sla_compliance(statuses, metric=Metric.FIRST_RESPONSE_TIME) == Ratio(part=1, whole=2)
    assert sla_compliance(statuses, metric=Metric.RESOLUTION_TIME) == Ratio(part=2, whole=2)
    assert sla_compliance(statuses, metric="resolution_time") == Ratio(part=2, whole=2)  # type: ignore[arg-type]
    assert sla_compliance([]).percent is None
    assert service_metrics(xs).sla_compliance == Ratio(part=0, whole=0)


def test_bad_sla_arguments_are_refused() -> None:
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.now: None"):
        service_metrics([ticket(1)], sla=RESPONSE_SLA)
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.sla: 'gold'"):
        service_metrics([ticket(1)], sla="gold", now=T0)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.sla\('T-1'\): 'gold'"):
        service_metrics([ticket(1)], sla=lambda i: "gold", now=T0)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"sla_compliance\.clocks: 'x'"):
        sla_compliance("x")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"sla_compliance\.clocks\[0\]: 1"):
        sla_compliance([1])  # type: ignore[list-item]
    with pytest.raises(InvalidEntityError, match=r"sla_compliance\.clocks\[0\]: 1"):
        sla_compliance([(1,)])  # type: ignore[list-item]
    with pytest.raises(
        InvalidEntityError, match=r"sla_compliance\.metric: 'speed', expected a Metric"
    ):
        sla_compliance([], metric="speed")  # type: ignore[arg-type]


# ------------------------------------------------------------------ teams and roles from an org chart

CHART = OrgChart(
    positions=[
        Position(id="mgr", role="customer_service_manager"),
        Position(id="sup-1", role="customer_service_supervisor", reports_to="mgr"),
        Position(id="rep-1", role="customer_service_representative", reports_to="sup-1"),
        Position(id="rep-2", role="customer_service_representative", reports_to="sup-1"),
        Position(id="sup-2", role="customer_service_supervisor", reports_to="mgr"),
        Position(id="rep-3", role="customer_service_representative", reports_to="sup-2"),
    ]
)


def test_teams_are_org_chart_subtrees_measured_in_one_pass() -> None:
    xs = [
        ticket(1, assigned("rep-1"), reply(10)),
        ticket(2, assigned("rep-2"), reply(20)),
        ticket(3, assigned("rep-3"), reply(30)),
        ticket(4, assigned("sup-1"), reply(40)),
        ticket(5, assigned("mgr"), reply(50)),
        ticket(6, assigned("outsider"), reply(60)),
    ]
    teams = group_metrics(xs, by_team(CHART))
    assert {team: m.interactions for team, m in teams.items()} == {"mgr": 5, "sup-1": 3, "sup-2": 1}
    assert teams["sup-1"].first_response.mean == timedelta(minutes=70) / 3
    only = group_metrics(xs, by_team(CHART, heads=["sup-2"]))
    assert list(only) == ["sup-2"]
    roles = group_metrics(xs, by_role(CHART))
    assert {role: m.interactions for role, m in roles.items()} == {
        "customer_service_manager": 1,
        "customer_service_representative": 3,
        "customer_service_supervisor": 1,
    }


@given(some_interactions)
def test_chart_teams_agree_with_the_subtree_brute_force(xs: list[Interaction]) -> None:
    agents = sorted({i.assignee for i in xs if i.assignee is not None})[:5]
    positions = [Position(id="head", role="customer_service_manager")] + [
        Position(id=a, role="customer_service_representative", reports_to="head")
        for a in agents
        if a != "head"
    ]
    chart = OrgChart(positions=positions)
    teams = group_metrics(xs, by_team(chart))
    members = {p.id for p in positions}
    held = [i for i in xs if i.assignee in members]
    if held:
        assert teams["head"] == service_metrics(held)
    else:
        assert teams == {}


def test_bad_chart_teams_are_refused() -> None:
    with pytest.raises(UnknownPositionError, match="'nobody'"):
        by_team(CHART, heads=["nobody"])
    with pytest.raises(InvalidEntityError, match=r"by_team\.heads: 'mgr'"):
        by_team(CHART, heads="mgr")
    with pytest.raises(
        InvalidEntityError, match=r"by_team\.heads: \['mgr'\], expected None unless"
    ):
        by_team({"t": ["a"]}, heads=["mgr"])


def test_scorecard_for_a_position_takes_its_role_from_the_chart() -> None:
    card = Scorecard.for_position(CHART, "sup-1", figures={Metric.CSAT: 90.0})
    assert card.role == "customer_service_supervisor"
    assert card.subject == "sup-1"
    with pytest.raises(UnknownPositionError):
        Scorecard.for_position(CHART, "nobody", figures={})
    with pytest.raises(InvalidEntityError, match=r"Scorecard\.chart: 'chart'"):
        Scorecard.for_position("chart", "sup-1", figures={})  # type: ignore[arg-type]
