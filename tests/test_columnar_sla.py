"""sla_table against sla_statuses: the same clocks, field by field, on random timelines.

sla_statuses (the scalar engine) is the oracle. SLAs come with calendars or in
calendar hours, every priority-change and reopen policy, customer zones,
group calendars and metric definitions of their own; interactions are the
strategies' timelines, with ``now`` before, inside and after them.
"""

from __future__ import annotations

from collections.abc import Callable
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
    Customer,
    Direction,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Metric,
    PolicySet,
    Priority,
    Topic,
    sla_statuses,
)
from csroles.columnar import STATUS_COLUMNS, sla_table, to_events_table
from csroles.strategies import (
    business_calendars,
    customers,
    interactions,
    metric_definitions,
    policy_sets,
    slas,
)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
US = timedelta(microseconds=1)
GROUPS = ("desk", "night")
ZONES = st.sampled_from(
    ["Europe/Rome", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu"]
)


@st.composite
def rich_slas(draw: st.DrawFn) -> SLA:
    """An SLA of the strategies, sometimes with a metric of its own and group calendars."""
    sla = draw(slas(calendars=st.none() | business_calendars(zones=ZONES)))
    if draw(st.booleans()):
        definition = draw(metric_definitions())
        target = draw(st.timedeltas(timedelta(minutes=1), timedelta(days=3)))
        sla = attrs.evolve(
            sla,
            definitions=(definition,),
            targets={**sla.targets, definition.name: target},
        )
    if draw(st.booleans()):
        calendar = draw(business_calendars(zones=ZONES, holidays=False, closures=False))
        sla = attrs.evolve(sla, group_calendars={GROUPS[0]: calendar})
    return sla


@st.composite
def cases(draw: st.DrawFn) -> tuple[SLA | PolicySet, list[Interaction], list[Customer], datetime]:
    sla: SLA | PolicySet = draw(rich_slas() | policy_sets(slas=rich_slas(), max_policies=3))
    people = draw(
        st.lists(customers(zones=ZONES), min_size=1, max_size=3, unique_by=lambda c: c.id)
    )
    found = draw(
        st.lists(interactions(max_events=10), min_size=1, max_size=4, unique_by=lambda i: i.id)
    )
    found = [
        attrs.evolve(
            interaction,
            customer_id=draw(st.sampled_from([c.id for c in people] + ["nobody"])),
            group=draw(st.sampled_from([None, *GROUPS])),
        )
        for interaction in found
    ]
    opened = max(i.events[0].at for i in found)
    last = max(i.events[-1].at for i in found)
    now = draw(
        st.sampled_from([opened, last, opened + (last - opened) / 2, last + timedelta(days=2)])
    )
    now += draw(st.timedeltas(timedelta(0), timedelta(hours=30)))
    return sla, found, people, now


def expected_rows(
    sla: SLA | PolicySet, found: list[Interaction], people: list[Customer], now: datetime
) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for interaction, clocks in zip(found, sla_statuses(sla, found, now, people), strict=True):
        rows.extend(
            (
                interaction.id,
                str(clock.metric),
                clock.target,
                clock.elapsed,
                clock.remaining,
                clock.state.value,
                None if clock.due_at is None else clock.due_at.astimezone(UTC),
                clock.is_breached,
                None if clock.breached_at is None else clock.breached_at.astimezone(UTC),
                clock.completed_cycles,
                clock.breached_cycles,
                clock.warning_level,
            )
            for clock in clocks
        )
    return rows


def plain(value: Any) -> Any:
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else EPOCH + int(value.astype(np.int64)) * US
    if isinstance(value, np.timedelta64):
        return int(value.astype(np.int64)) * US
    if isinstance(value, np.generic):
        return value.item()
    return value


def table_rows(table: dict[str, np.ndarray]) -> list[tuple[Any, ...]]:
    assert list(table) == list(STATUS_COLUMNS)
    return [
        tuple(plain(table[name][row]) for name in STATUS_COLUMNS)
        for row in range(len(table["interaction_id"]))
    ]


def outcome(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except CalendarError:
        return CalendarError


@given(cases())
def test_sla_table_is_sla_statuses(case: tuple[Any, ...]) -> None:
    sla, found, people, now = case
    expected = outcome(lambda: expected_rows(sla, found, people, now))
    events = to_events_table(found, people)
    got = outcome(lambda: table_rows(sla_table(sla, events, now)))
    assert got == expected


# ------------------------------------------------------------------ facts

T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
STANDARD = SLA(
    name="Standard",
    targets={
        Metric.FIRST_RESPONSE_TIME: timedelta(hours=1),
        Metric.RESOLUTION_TIME: timedelta(hours=8),
    },
)


def ticket(
    id_: str, *events: tuple[EventKind, float], priority: Priority = Priority.NORMAL
) -> Interaction:
    return Interaction(
        id=id_,
        customer_id="C-1",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.BILLING,
        priority=priority,
        events=[Event(kind=kind, at=T0 + timedelta(hours=hours)) for kind, hours in events],
    )


def test_a_table_by_hand() -> None:
    events = to_events_table(
        [
            ticket("A", (EventKind.OPENED, 0), (EventKind.AGENT_REPLIED, 0.5)),
            ticket("B", (EventKind.OPENED, 1)),
        ]
    )
    table = sla_table(STANDARD, events, T0 + timedelta(hours=3))
    assert table["interaction_id"].tolist() == ["A", "A", "B", "B"]
    assert table["metric"].tolist() == [
        "first_response_time",
        "resolution_time",
        "first_response_time",
        "resolution_time",
    ]
    assert table["state"].tolist() == ["met", "running", "breached", "running"]
    assert table["elapsed"].astype("timedelta64[m]").astype(int).tolist() == [30, 180, 120, 120]
    assert table["breached_at"][2] == np.datetime64("2026-05-04T11:00", "us")
    assert np.isnat(table["due"][0])
    assert table["due"][1] == np.datetime64("2026-05-04T17:00", "us")


def test_a_pandas_dataframe_is_a_table() -> None:
    pandas = pytest.importorskip("pandas")
    events = to_events_table([ticket("A", (EventKind.OPENED, 0), (EventKind.AGENT_REPLIED, 2))])
    frame = pandas.DataFrame({name: list(column) for name, column in events.items()})
    frame["at"] = pandas.to_datetime(frame["at"]).dt.tz_localize("UTC")
    table = sla_table(STANDARD, frame, T0 + timedelta(hours=3))
    assert table["state"].tolist() == ["breached", "running"]


def test_no_interactions_no_rows() -> None:
    table = sla_table(STANDARD, to_events_table([]), T0)
    assert list(table) == list(STATUS_COLUMNS)
    assert all(len(column) == 0 for column in table.values())


def events_of(**changes: Any) -> dict[str, np.ndarray]:
    events = to_events_table(
        [
            ticket("A", (EventKind.OPENED, 0), (EventKind.AGENT_REPLIED, 0.5)),
            ticket("B", (EventKind.OPENED, 1), (EventKind.RESOLVED, 2)),
        ]
    )
    for name, (row, value) in changes.items():
        column = events[name].copy()
        column[row] = value
        events[name] = column
    return events


@pytest.mark.parametrize(
    ("events", "error", "message"),
    [
        (
            events_of(kind=(1, "smoke_signal")),
            InvalidEntityError,
            r"sla_table\.events\['kind'\]\[1\]: 'smoke_signal'",
        ),
        (
            events_of(kind=(3, "reopened")),
            InvalidEntityError,
            r"events\['kind'\]\[3\]: 'reopened', expected an event that the lifecycle allows",
        ),
        (
            events_of(kind=(2, "resolved")),
            InvalidEntityError,
            r"events\['kind'\]\[2\]: .*'opened' as the first row",
        ),
        (
            events_of(interaction_id=(2, "A")),
            InvalidEntityError,
            r"events\['kind'\]\[3\]: 'resolved'",
        ),
        (
            events_of(interaction_id=(3, "A")),
            InvalidEntityError,
            r"events\['interaction_id'\]\[3\]: 'A', expected the rows of each interaction together",
        ),
        (
            events_of(interaction_id=(1, None)),
            InvalidEntityError,
            r"events\['interaction_id'\]\[1\]: None",
        ),
        (events_of(priority=(0, None)), InvalidEntityError, r"events\['priority'\]\[0\]: None"),
        (
            events_of(priority=(2, "whenever")),
            InvalidEntityError,
            r"events\['priority'\]\[2\]: 'whenever'",
        ),
        (
            events_of(at=(1, np.datetime64("2026-05-04T08:00", "us"))),
            InvalidEntityError,
            r"events\['at'\]\[1\]: .*expected events in time order",
        ),
        (
            events_of(at=(3, np.datetime64("NaT", "us"))),
            CalendarError,
            r"events\['at'\]\[3\]: 'NaT'",
        ),
        (
            {"interaction_id": np.array(["A"])},
            InvalidEntityError,
            r"sla_table\.events: \"a table without 'kind'\"",
        ),
    ],
)
def test_bad_tables_name_the_column_and_the_row(
    events: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        sla_table(STANDARD, events, T0 + timedelta(days=1))


def test_bad_arguments() -> None:
    events = events_of()
    with pytest.raises(InvalidEntityError, match=r"sla_table\.sla: 'gold', expected an SLA"):
        sla_table("gold", events, T0)  # type: ignore[arg-type]
    with pytest.raises(CalendarError, match=r"sla_table\.now: .*expected an aware datetime"):
        sla_table(STANDARD, events, datetime(2026, 5, 4))
    with pytest.raises(CalendarError, match=r"sla_table\.now: .* is before interaction 'B' opened"):
        sla_table(STANDARD, events, T0 + timedelta(minutes=30))
    with pytest.raises(InvalidEntityError, match=r"to_events_table\.interactions\[0\]: 'A'"):
        to_events_table(["A"])  # type: ignore[list-item]


def test_priority_change_to_the_same_priority_is_refused() -> None:
    events = to_events_table([ticket("A", (EventKind.OPENED, 0), (EventKind.AGENT_REPLIED, 0.5))])
    events["kind"] = np.array(["opened", "priority_changed"], dtype=object)
    events["priority"] = np.array(["normal", "normal"], dtype=object)
    with pytest.raises(InvalidEntityError, match=r"events\['priority'\]\[1\]: 'normal'"):
        sla_table(STANDARD, events, T0 + timedelta(hours=1))


def test_calendars_travel_in_tables_of_many_zones() -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome", hours={d: ((time(9), time(17)),) for d in range(5)}
    )
    sla = attrs.evolve(STANDARD, calendar=desk)
    found = [ticket(f"T{k}", (EventKind.OPENED, k * 7.5)) for k in range(40)]
    now = T0 + timedelta(days=20)
    assert table_rows(sla_table(sla, to_events_table(found), now)) == expected_rows(
        sla, found, [], now
    )


def test_a_policy_set_reads_the_opening_rows() -> None:
    from csroles import PolicyCondition, SLAPolicy

    chat = SLA(name="Chat", targets={Metric.FIRST_RESPONSE_TIME: timedelta(minutes=5)})
    policies = PolicySet(
        policies=[
            SLAPolicy(
                name="chat",
                conditions=[PolicyCondition(field="channel", values={Channel.CHAT})],
                sla=chat,
            )
        ],
        default=STANDARD,
    )
    found = [
        attrs.evolve(ticket("A", (EventKind.OPENED, 0)), channel=Channel.CHAT),
        ticket("B", (EventKind.OPENED, 0)),
    ]
    now = T0 + timedelta(hours=2)
    events = to_events_table(found)
    assert table_rows(sla_table(policies, events, now)) == expected_rows(policies, found, [], now)
    assert sla_table(policies, events, now)["metric"].tolist() == [
        "first_response_time",
        "first_response_time",
        "resolution_time",
    ]
    events["channel"] = np.array(["pigeon", None], dtype=object)
    with pytest.raises(
        InvalidEntityError, match=r"events\['channel'\]\[0\]: 'pigeon', expected one of"
    ):
        sla_table(policies, events, now)
    del events["channel"]  # no channel: no policy on the channel matches
    assert sla_table(policies, events, now)["metric"].tolist()[0] == "first_response_time"
    assert len(sla_table(policies, events, now)["metric"]) == 4


def test_to_events_table_refuses_what_is_not_a_customer() -> None:
    with pytest.raises(InvalidEntityError, match=r"to_events_table\.customers: 'C-1'"):
        to_events_table([], "C-1")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"to_events_table\.customers\[0\]: 'C-1'"):
        to_events_table([], ["C-1"])  # type: ignore[list-item]
    with pytest.raises(InvalidEntityError, match=r"to_events_table\.interactions: 7"):
        to_events_table(7)  # type: ignore[arg-type]


def test_calendar_hours_deadlines_past_the_last_year_are_refused() -> None:
    late = Interaction(
        id="L",
        customer_id="C-1",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.BILLING,
        priority=Priority.NORMAL,
        events=[Event(kind=EventKind.OPENED, at=datetime(9998, 12, 31, 20, tzinfo=UTC))],
    )
    now = datetime(9998, 12, 31, 21, tzinfo=UTC)
    with pytest.raises(CalendarError, match=r"deadline falls after 9998-12-31"):
        sla_statuses(STANDARD, [late], now)
    with pytest.raises(
        CalendarError, match=r"sla_table: interaction 'L': a deadline falls after 9998-12-31"
    ):
        sla_table(STANDARD, to_events_table([late]), now)
