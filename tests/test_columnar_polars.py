"""polars columns and DataFrames as inputs of csroles.columnar (skipped without polars).

The scalar BusinessCalendar methods and the numpy form of each function are
the oracles: a polars column gives what the same instants give as numpy
``datetime64`` (UTC) or as aware datetimes.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    SLA,
    BusinessCalendar,
    CalendarError,
    Channel,
    Direction,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Metric,
    Priority,
    Topic,
)
from csroles.columnar import (
    add_business_time,
    business_time_between,
    group_metrics,
    is_open,
    sla_table,
    to_events_table,
)
from csroles.interactions import SurveyScale
from csroles.strategies import aware_datetimes, business_calendars

pl = pytest.importorskip("polars", reason="polars is not installed")

ZONES = st.sampled_from(["Europe/Rome", "America/Santiago", "Australia/Lord_Howe"])
INSTANTS = aware_datetimes(
    min_value=datetime(2024, 1, 1, tzinfo=UTC), max_value=datetime(2030, 1, 1, tzinfo=UTC)
)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
US = timedelta(microseconds=1)
T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)


def polars_instants(values: list[datetime], zone: str) -> Any:
    """Aware datetimes as a polars column in ``zone`` (microseconds)."""
    utc = [value.astimezone(UTC).replace(tzinfo=None) for value in values]
    column = pl.Series("at", utc, dtype=pl.Datetime("us")).dt.replace_time_zone("UTC")
    return column.dt.convert_time_zone(zone)


@given(
    business_calendars(zones=ZONES),
    st.lists(st.tuples(INSTANTS, st.timedeltas(timedelta(0), timedelta(days=9))), max_size=8),
    ZONES,
)
def test_polars_columns_give_the_scalar_answers(
    calendar: BusinessCalendar, rows: list[tuple[datetime, timedelta]], zone: str
) -> None:
    starts = [start for start, _ in rows]
    ends = [start + span for start, span in rows]
    spans = pl.Series("span", [span for _, span in rows], dtype=pl.Duration("us"))
    found = business_time_between(
        calendar, polars_instants(starts, zone), polars_instants(ends, zone)
    )
    assert [int(x) * US for x in found.astype(np.int64)] == [
        calendar.business_time_between(a, b) for a, b in zip(starts, ends, strict=True)
    ]
    due = add_business_time(calendar, polars_instants(starts, zone), spans)
    assert [EPOCH + int(x) * US for x in due.astype(np.int64)] == [
        calendar.add_business_time(a, d).astimezone(UTC) for a, d in rows
    ]
    assert is_open(calendar, polars_instants(starts, zone)).tolist() == [
        calendar.is_open(a) for a in starts
    ]


def test_naive_and_null_polars_columns_are_refused() -> None:
    desk = BusinessCalendar(timezone="UTC", hours={d: ((time(9), time(17)),) for d in range(5)})
    naive = pl.Series("at", [datetime(2026, 5, 4, 9)], dtype=pl.Datetime("us"))
    with pytest.raises(CalendarError, match=r"is_open\.instants: .*this polars column is naive"):
        is_open(desk, naive)
    days = pl.Series("at", [datetime(2026, 5, 4).date()])
    with pytest.raises(CalendarError, match=r"is_open\.instants: .*polars column of Date"):
        is_open(desk, days)
    gap = polars_instants([T0, T0], "UTC").scatter(1, None)
    with pytest.raises(CalendarError, match=r"is_open\.instants\[1\]: 'NaT'"):
        is_open(desk, gap)


def ticket(ident: str, channel: Channel, *steps: tuple[EventKind, float]) -> Interaction:
    events = []
    for kind, hours in steps:
        extra: dict[str, Any] = {}
        if kind is EventKind.SURVEY_ANSWERED:
            extra = {"scale": SurveyScale.NPS, "score": 9}
        events.append(Event(kind=kind, at=T0 + timedelta(hours=hours), **extra))
    return Interaction(
        id=ident,
        customer_id="C-1",
        channel=channel,
        direction=Direction.INBOUND,
        topic=Topic.BILLING,
        priority=Priority.NORMAL,
        events=events,
    )


K = EventKind
FOUND = [
    ticket("A", Channel.CHAT, (K.OPENED, 0), (K.AGENT_REPLIED, 1), (K.RESOLVED, 30)),
    ticket(
        "B",
        Channel.EMAIL,
        (K.OPENED, 2),
        (K.AGENT_REPLIED, 5),
        (K.RESOLVED, 6),
        (K.SURVEY_ANSWERED, 7),
    ),
    ticket("C", Channel.CHAT, (K.OPENED, 3)),
]


def polars_table(events: dict[str, Any]) -> Any:
    """An events table as a polars DataFrame: instants in Rome, strings, nullable scores."""
    return pl.DataFrame(
        {
            "interaction_id": events["interaction_id"].tolist(),
            "kind": events["kind"].tolist(),
            "at": pl.Series(events["at"])
            .dt.replace_time_zone("UTC")
            .dt.convert_time_zone("Europe/Rome"),
            "priority": events["priority"].tolist(),
            "channel": events["channel"].tolist(),
            "scale": events["scale"].tolist(),
            "score": pl.Series(events["score"].tolist(), dtype=pl.Int64),
        }
    )


def test_a_polars_dataframe_is_an_events_table() -> None:
    events = to_events_table(FOUND)
    frame = polars_table(events)
    desk = BusinessCalendar(timezone="UTC", hours={d: ((time(9), time(17)),) for d in range(5)})
    sla = SLA(
        name="Desk",
        targets={
            Metric.FIRST_RESPONSE_TIME: timedelta(hours=2),
            Metric.RESOLUTION_TIME: timedelta(hours=8),
        },
        calendar=desk,
    )
    now = T0 + timedelta(days=2)
    expected = sla_table(sla, events, now)
    found = sla_table(sla, frame, now)
    assert list(found) == list(expected)
    for name in expected:
        assert found[name].tolist() == expected[name].tolist()
    grouped = group_metrics(frame, "channel", calendar=desk, sla=sla, now=now)
    assert dict(grouped) == dict(group_metrics(events, "channel", calendar=desk, sla=sla, now=now))
    assert grouped["email"].nps.promoters == 1


def test_a_polars_dataframe_without_a_column_is_refused() -> None:
    frame = polars_table(to_events_table(FOUND)).drop("kind")
    with pytest.raises(InvalidEntityError, match=r"sla_table\.events: \"a table without 'kind'\""):
        sla_table(SLA(name="Desk", targets={Metric.FIRST_RESPONSE_TIME: timedelta(1)}), frame, T0)


def test_a_polars_list_column_of_tags_chooses_the_policy_as_the_interactions_do() -> None:
    from csroles import PolicyCondition, PolicySet, SLAPolicy, sla_statuses

    urgent = SLA(name="Outage", targets={Metric.FIRST_RESPONSE_TIME: timedelta(minutes=15)})
    standard = SLA(name="Standard", targets={Metric.RESOLUTION_TIME: timedelta(hours=8)})
    policies = PolicySet(
        policies=[
            SLAPolicy(
                name="outage",
                conditions=[PolicyCondition(field="tag", values={"outage"})],
                sla=urgent,
            )
        ],
        default=standard,
    )
    tagged = [
        attrs.evolve(item, tags=tags)
        for item, tags in zip(FOUND, [{"outage", "vip"}, set(), {"vip"}], strict=True)
    ]
    events = to_events_table(tagged)
    frame = polars_table(events).with_columns(
        pl.Series(  # the opening row of each interaction carries its tags, the others null
            "tags",
            [None if t is None else sorted(t) for t in events["tags"].tolist()],
            dtype=pl.List(pl.Utf8),
        )
    )
    now = T0 + timedelta(days=2)
    found = sla_table(policies, frame, now)
    expected = sla_table(policies, events, now)
    for name in expected:
        assert found[name].tolist() == expected[name].tolist()
    scalar = [
        (item.id, str(clock.metric))
        for item, clocks in zip(tagged, sla_statuses(policies, tagged, now), strict=True)
        for clock in clocks
    ]
    assert list(zip(found["interaction_id"].tolist(), found["metric"].tolist(), strict=True)) == (
        scalar
    )
    assert ("A", "first_response_time") in scalar  # the outage tag chose the outage SLA
