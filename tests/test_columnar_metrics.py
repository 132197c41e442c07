"""The columnar service metrics against csroles.metrics: the same figures on random timelines.

The scalar functions of csroles.metrics are the oracle: group_metrics,
service_metrics, the time statistics, first-contact resolution and SLA
compliance over the interactions as entities, and their columnar forms over
the same interactions as an events table (``to_events_table``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, time, timedelta
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import csroles
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
from csroles.columnar import (
    first_contact_resolution,
    group_metrics,
    next_response_times,
    resolution_times,
    response_times,
    service_metrics,
    sla_compliance,
    sla_table,
    to_events_table,
)
from csroles.interactions import SurveyScale
from csroles.sla import choose_sla
from csroles.strategies import (
    aware_datetimes,
    business_calendars,
    customers,
    interactions,
    policy_sets,
    slas,
)

GROUPS = ("desk", "night")
TAGS = ("vip", "refund", "bug")
ZONES = st.sampled_from(["Europe/Rome", "America/Santiago", "Australia/Lord_Howe", "UTC"])
T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)

# Each grouping column of the table, and the scalar grouping that means the same.
GROUPINGS: dict[str, Callable[[Interaction], Iterable[str]]] = {
    "channel": csroles.by_channel,
    "group": lambda i: () if i.group is None else (i.group,),
    "tags": lambda i: tuple(i.tags),
    "priority": lambda i: (i.priority.value,),
}


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[Interaction], list[Customer]]:
    people = [draw(customers(zones=ZONES))]
    # All in one window of years (a span beyond a calendar's 20-year reach is
    # refused by both engines): the first years, the present, the last years.
    low, high = draw(st.sampled_from([(2, 8), (2020, 2030), (9990, 9996)]))
    opened_at = aware_datetimes(
        min_value=datetime(low, 1, 1, tzinfo=UTC), max_value=datetime(high, 1, 1, tzinfo=UTC)
    )
    found = draw(
        st.lists(
            interactions(max_events=10, opened_at=opened_at),
            min_size=0,
            max_size=4,
            unique_by=lambda i: i.id,
        )
    )
    found = [
        attrs.evolve(
            interaction,
            customer_id=draw(st.sampled_from([c.id for c in people])),
            group=draw(st.sampled_from([None, *GROUPS])),
            tags=draw(st.frozensets(st.sampled_from(TAGS), max_size=2)),
        )
        for interaction in found
    ]
    return found, people


calendars = st.none() | business_calendars(zones=ZONES)


def now_after(found: list[Interaction], extra: timedelta) -> datetime:
    last = max((i.events[-1].at for i in found), default=T0)
    return last.astimezone(UTC) + extra


@given(
    cases(),
    calendars,
    st.sampled_from(sorted(GROUPINGS)),
    st.integers(1, 5),
    st.none()
    | slas(calendars=st.none() | business_calendars(zones=ZONES))
    | policy_sets(max_policies=2),
    st.timedeltas(timedelta(0), timedelta(days=3)),
    st.none() | st.sampled_from(list(Metric)),
)
def test_the_metrics_are_the_scalar_ones(  # noqa: PLR0917  # the drawn arguments
    case: tuple[list[Interaction], list[Customer]],
    calendar: BusinessCalendar | None,
    by: str,
    satisfied_at: int,
    sla: SLA | PolicySet | None,
    extra: timedelta,
    metric: Metric | None,
) -> None:
    found, people = case
    now = now_after(found, extra) if sla is not None else None
    events = to_events_table(found, people)
    # The scalar metrics take a policy set as a function choosing each interaction's SLA.
    by_id = {person.id: person for person in people}
    scalar_sla = (
        sla
        if not isinstance(sla, PolicySet)
        else lambda i: choose_sla(sla, i, by_id.get(i.customer_id)).sla
    )
    try:
        expected = csroles.group_metrics(
            found,
            GROUPINGS[by],
            calendar=calendar,
            satisfied_at=satisfied_at,
            sla=scalar_sla,
            now=now,
            customers=people,
        )
    except CalendarError:  # a deadline after 9998, a span beyond the reach: both refuse
        with pytest.raises(CalendarError):
            group_metrics(
                events, by, calendar=calendar, satisfied_at=satisfied_at, sla=sla, now=now
            )
        return
    got = group_metrics(events, by, calendar=calendar, satisfied_at=satisfied_at, sla=sla, now=now)
    assert dict(got) == dict(expected)
    assert service_metrics(
        events, calendar=calendar, satisfied_at=satisfied_at, sla=sla, now=now
    ) == csroles.service_metrics(
        found,
        calendar=calendar,
        satisfied_at=satisfied_at,
        sla=scalar_sla,
        now=now,
        customers=people,
    )
    assert response_times(events, calendar=calendar) == csroles.response_times(
        found, calendar=calendar
    )
    assert next_response_times(events, calendar=calendar) == csroles.next_response_times(
        found, calendar=calendar
    )
    assert resolution_times(events, calendar=calendar) == csroles.resolution_times(
        found, calendar=calendar
    )
    assert first_contact_resolution(events) == csroles.first_contact_resolution(found)
    if sla is not None:
        clocks = sla_statuses(sla, found, now, people)  # type: ignore[arg-type]
        assert sla_compliance(sla_table(sla, events, now), metric=metric) == (  # type: ignore[arg-type]
            csroles.sla_compliance(clocks, metric=metric)
        )


# ------------------------------------------------------------------ facts worked out by hand


def ticket(ident: str, *steps: tuple[EventKind, float], **more: Any) -> Interaction:
    """An email ticket whose events come ``hours`` after T0 (surveys: CSAT 5)."""
    events: list[Event] = []
    for kind, hours in steps:
        extra: dict[str, Any] = {}
        if kind is EventKind.SURVEY_ANSWERED:
            extra = {"scale": SurveyScale.CSAT, "score": 5}
        elif kind in (EventKind.ASSIGNED, EventKind.ESCALATED):
            extra = {"assignee": f"rep-{len(events)}"}
        events.append(Event(kind=kind, at=T0 + timedelta(hours=hours), **extra))
    return Interaction(
        id=ident,
        customer_id="C-1",
        channel=more.get("channel", Channel.EMAIL),
        direction=Direction.INBOUND,
        topic=Topic.BILLING,
        priority=Priority.NORMAL,
        events=events,
    )


K = EventKind
STORY = [
    ticket(
        "A",
        (K.OPENED, 0),
        (K.CUSTOMER_REPLIED, 0.5),  # before any agent reply: no wait
        (K.AGENT_REPLIED, 1),
        (K.CUSTOMER_REPLIED, 2),  # a wait of 3 hours
        (K.CUSTOMER_REPLIED, 3),
        (K.AGENT_REPLIED, 5),
        (K.CUSTOMER_REPLIED, 6),  # ended by the resolution: no span
        (K.RESOLVED, 7),
        (K.REOPENED, 8),
        (K.RESOLVED, 10),
        (K.SURVEY_ANSWERED, 11),
    ),
    ticket("B", (K.OPENED, 0), (K.AGENT_REPLIED, 2), (K.CLOSED, 4), channel=Channel.CHAT),
    ticket("C", (K.OPENED, 1), channel=Channel.CHAT),
]


def test_the_figures_of_a_story() -> None:
    metrics = group_metrics(to_events_table(STORY), "channel")
    email, chat = metrics["email"], metrics["chat"]
    hour = timedelta(hours=1)
    assert (email.interactions, chat.interactions) == (1, 2)
    assert email.first_response.mean == hour
    assert email.next_response.count == 1
    assert email.next_response.maximum == 3 * hour
    assert email.resolution.median == 10 * hour  # the resolution after the reopening
    assert email.first_contact_resolution.part == 0  # reopened
    assert email.csat.part == email.csat.whole == 1
    assert chat.resolution.count == 1
    assert chat.resolution.mean == 4 * hour  # closed without a resolution
    assert chat.first_contact_resolution.percent == 100.0
    assert chat.first_response.median == 2 * hour
    assert chat.csat.percent is None


def test_business_time_of_a_weekend() -> None:
    desk = BusinessCalendar(timezone="UTC", hours={d: ((time(9), time(17)),) for d in range(5)})
    friday = datetime(2026, 6, 5, 16, tzinfo=UTC)
    found = [
        attrs.evolve(
            STORY[1],
            events=[
                Event(kind=K.OPENED, at=friday),
                Event(kind=K.AGENT_REPLIED, at=friday + timedelta(days=3)),
            ],
        )
    ]
    stats = response_times(to_events_table(found), calendar=desk)
    assert stats.mean == timedelta(hours=8)  # one hour on Friday, seven on Monday


def test_a_large_sum_does_not_overflow() -> None:
    span = timedelta(days=3650)
    found = [
        attrs.evolve(
            STORY[2],
            id=f"T-{k}",
            events=[Event(kind=K.OPENED, at=T0), Event(kind=K.CLOSED, at=T0 + span)],
        )
        for k in range(3)
    ]
    events = to_events_table(found)
    big = {name: np.concatenate([column] * 5000) for name, column in events.items()}
    big["interaction_id"] = np.repeat(np.arange(15000), 2).astype(object)
    stats = resolution_times(big)
    assert stats.count == 15000
    assert stats.mean == span


# ------------------------------------------------------------------ bad input


def test_group_metrics_refuses_bad_arguments() -> None:
    events = to_events_table(STORY)
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.by: 7, expected the name"):
        group_metrics(events, 7)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.by: 'team', expected the name"):
        group_metrics(events, "team")
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.calendar: 'UTC'"):
        group_metrics(events, "channel", calendar="UTC")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.satisfied_at: 6"):
        group_metrics(events, "channel", satisfied_at=6)
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.sla: 'gold'"):
        group_metrics(events, "channel", sla="gold")  # type: ignore[arg-type]
    sla = SLA(name="Desk", targets={Metric.FIRST_RESPONSE_TIME: timedelta(hours=1)})
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.now: None"):
        group_metrics(events, "channel", sla=sla)
    with pytest.raises(CalendarError, match=r"group_metrics\.now"):
        group_metrics(events, "channel", sla=sla, now=datetime(2026, 5, 4))


def test_group_metrics_refuses_bad_group_keys() -> None:
    events = to_events_table(STORY)
    events["team"] = np.array([" north"] * len(events["kind"]), dtype=object)
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.events\['team'\]\[0\]: ' north'"):
        group_metrics(events, "team")
    events["team"] = np.array([3] * len(events["kind"]), dtype=object)
    with pytest.raises(InvalidEntityError, match=r"group_metrics\.events\['team'\]\[0\]: 3"):
        group_metrics(events, "team")
    events["team"] = np.array(["north"] * 2, dtype=object)
    with pytest.raises(InvalidEntityError, match=r"events\['team'\]: 'a column of 2 rows'"):
        group_metrics(events, "team")


def test_a_column_of_ones_own_groups_the_interactions() -> None:
    events = to_events_table(STORY)
    events["team"] = np.array(
        ["north" if ident == "A" else "south" for ident in events["interaction_id"]], dtype=object
    )
    grouped = group_metrics(events, "team")
    assert {key: m.interactions for key, m in grouped.items()} == {"north": 1, "south": 2}


def test_survey_answers_need_their_columns() -> None:
    events = to_events_table(STORY)
    without = {name: column for name, column in events.items() if name != "score"}
    with pytest.raises(
        InvalidEntityError, match=r"group_metrics\.events: \"a table without 'score'\""
    ):
        group_metrics(without, "channel")
    row = int(np.flatnonzero(events["kind"] == "survey_answered")[0])
    scores = events["score"].copy()
    scores[row] = 9
    with pytest.raises(
        InvalidEntityError,
        match=rf"service_metrics\.events\['score'\]\[{row}\]: 9, expected an integer from 1 to 5",
    ):
        service_metrics(dict(events, score=scores))
    scores[row] = "five"
    with pytest.raises(InvalidEntityError, match=rf"events\['score'\]\[{row}\]: 'five'"):
        service_metrics(dict(events, score=scores))
    scales = events["scale"].copy()
    scales[row] = "stars"
    with pytest.raises(InvalidEntityError, match=rf"events\['scale'\]\[{row}\]: 'stars'"):
        service_metrics(dict(events, scale=scales))


def test_timelines_the_lifecycle_refuses() -> None:
    events = to_events_table([STORY[1]])
    kinds = np.array(["opened", "closed", "agent_replied"], dtype=object)
    with pytest.raises(
        InvalidEntityError,
        match=r"response_times\.events\['kind'\]\[1\]: 'closed', expected an event that the "
        r"lifecycle allows while the interaction is 'open'|response_times\.events\['kind'\]\[2\]",
    ):
        response_times(dict(events, kind=kinds))
    changed = dict(
        events,
        kind=np.array(["opened", "priority_changed", "closed"], dtype=object),
        priority=np.array(["normal", "normal", None], dtype=object),
    )
    with pytest.raises(InvalidEntityError, match=r"resolution_times\.events\['priority'\]\[1\]"):
        resolution_times(changed)


def test_the_time_functions_refuse_bad_arguments() -> None:
    events = to_events_table(STORY)
    for function in (response_times, next_response_times, resolution_times):
        name = function.__name__
        with pytest.raises(InvalidEntityError, match=rf"{name}\.calendar: 5"):
            function(events, calendar=5)  # type: ignore[arg-type]
        with pytest.raises(InvalidEntityError, match=rf"{name}\.events"):
            function({"kind": events["kind"]})
    with pytest.raises(InvalidEntityError, match=r"first_contact_resolution\.events"):
        first_contact_resolution(7)
    broken = dict(events, kind=np.array(["agent_replied"] * len(events["kind"]), dtype=object))
    with pytest.raises(
        InvalidEntityError, match=r"first_contact_resolution\.events\['kind'\]\[0\]"
    ):
        first_contact_resolution(broken)


def test_sla_compliance_refuses_bad_arguments() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"sla_compliance\.table: \"a table without 'state'\""
    ):
        sla_compliance({"metric": np.array(["x"])})
    with pytest.raises(InvalidEntityError, match=r"sla_compliance\.metric: 5"):
        sla_compliance({"metric": np.array(["x"]), "state": np.array(["met"])}, metric=5)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"sla_compliance\.table\['metric'\]"):
        sla_compliance({"metric": np.array(["x"]), "state": np.array(["met", "met"])})
    own = {"metric": np.array(["callback", "x"]), "state": np.array(["breached", "met"])}
    assert sla_compliance(own, metric="callback").percent == 0.0


def test_an_empty_table_gives_empty_figures() -> None:
    events = to_events_table([])
    assert service_metrics(events) == csroles.service_metrics([])
    assert dict(group_metrics(events, "channel")) == {}
    assert response_times(events).count == 0
    assert first_contact_resolution(events).percent is None


def test_a_pandas_dataframe_with_nullable_scores() -> None:
    pd = pytest.importorskip("pandas")
    events = to_events_table(STORY)
    frame = pd.DataFrame({name: list(column) for name, column in events.items() if name != "at"})
    frame["at"] = pd.Series(events["at"]).dt.tz_localize("UTC")
    frame["score"] = frame["score"].astype("Int64")
    assert dict(group_metrics(frame, "channel")) == dict(group_metrics(events, "channel"))
    assert group_metrics(frame, "channel")["email"].csat.percent == 100.0
