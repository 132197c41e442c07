"""Interactions and their events: validation rules, lifecycle, derived facts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Channel,
    Direction,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Priority,
    Status,
    SurveyScale,
    Topic,
)
from csroles.interactions import TRANSITIONS

K = EventKind
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
ROME = ZoneInfo("Europe/Rome")


def ev(kind: EventKind, minutes: float = 0, **data: Any) -> Event:
    return Event(kind=kind, at=T0 + timedelta(minutes=minutes), **data)


def ticket(*events: Event, priority: Priority = Priority.NORMAL) -> Interaction:
    return Interaction(
        id="T-1",
        customer_id="C-1",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.COMPLAINT,
        priority=priority,
        events=[ev(K.OPENED), *events],
    )


# ------------------------------------------------------------------ events


def test_event_kinds_and_their_data() -> None:
    assert ev(K.PRIORITY_CHANGED, priority=Priority.HIGH).priority is Priority.HIGH
    for kind in (K.ASSIGNED, K.TRANSFERRED, K.ESCALATED):
        assert ev(kind, assignee="agent-1").assignee == "agent-1"
    survey = ev(K.SURVEY_ANSWERED, scale=SurveyScale.NPS, score=0)
    assert (survey.scale, survey.score) == (SurveyScale.NPS, 0)
    assert ev(K.AGENT_REPLIED, by="agent-1", note="").note == ""


@pytest.mark.parametrize(
    ("data", "pattern"),
    [
        ({"kind": "pigeon"}, r"Event\.kind: 'pigeon', expected an EventKind: one of 'opened'"),
        ({"at": "2026-05-01"}, r"Event\.at: '2026-05-01', expected an aware datetime"),
        ({"at": datetime(2026, 5, 1, 10)}, r"Event\.at: .*naive"),
        ({"by": ""}, r"Event\.by: '', expected a non-empty string"),
        ({"by": " agent"}, r"Event\.by: ' agent', expected a non-empty string"),
        ({"note": 3}, r"Event\.note: 3, expected None or a string"),
        (
            {"priority": Priority.HIGH},
            r"Event\.priority: <Priority.HIGH: 'high'>, expected None for an 'agent_replied' event",
        ),
        ({"assignee": "a"}, r"Event\.assignee: 'a', expected None for an 'agent_replied' event"),
        ({"score": 3}, r"Event\.score: 3, expected None for an 'agent_replied' event"),
        ({"scale": SurveyScale.CSAT}, r"Event\.scale: .*, expected None for an 'agent_replied'"),
    ],
)
def test_event_rules(data: dict[str, Any], pattern: str) -> None:
    fields: dict[str, Any] = {"kind": K.AGENT_REPLIED, "at": T0, **data}
    with pytest.raises(InvalidEntityError, match=pattern):
        Event(**fields)


def test_kind_specific_data_is_required() -> None:
    with pytest.raises(InvalidEntityError, match=r"Event\.priority: None, expected a Priority"):
        ev(K.PRIORITY_CHANGED)
    with pytest.raises(
        InvalidEntityError, match=r"Event\.priority: 'highest', expected a Priority"
    ):
        ev(K.PRIORITY_CHANGED, priority="highest")
    with pytest.raises(InvalidEntityError, match=r"Event\.assignee: None, expected a non-empty"):
        ev(K.TRANSFERRED)
    with pytest.raises(InvalidEntityError, match=r"Event\.scale: None, expected a SurveyScale"):
        ev(K.SURVEY_ANSWERED, score=3)
    with pytest.raises(InvalidEntityError, match=r"Event\.score: None, expected an integer from 1"):
        ev(K.SURVEY_ANSWERED, scale=SurveyScale.CSAT)
    with pytest.raises(InvalidEntityError, match=r"Event\.priority: .* for a 'closed' event"):
        ev(K.CLOSED, priority=Priority.LOW)


@pytest.mark.parametrize(
    ("scale", "good", "bad"),
    [
        (SurveyScale.CSAT, [1, 5], [0, 6, True, 3.0]),
        (SurveyScale.NPS, [0, 10], [-1, 11, False]),
        (SurveyScale.CUSTOMER_EFFORT_SCORE, [1, 7], [0, 8, "4"]),
    ],
)
def test_survey_scores_stay_within_their_scale(
    scale: SurveyScale, good: list[int], bad: list[object]
) -> None:
    for score in good:
        assert ev(K.SURVEY_ANSWERED, scale=scale, score=score).score == score
    for wrong in bad:
        with pytest.raises(
            InvalidEntityError, match=rf"Event\.score: {wrong!r}, expected an integer"
        ):
            ev(K.SURVEY_ANSWERED, scale=scale, score=wrong)


def test_event_times_keep_instant_and_offset_as_a_fixed_offset() -> None:
    local = datetime(2026, 7, 1, 12, 30, tzinfo=ROME)
    event = Event(kind=K.OPENED, at=local)
    assert event.at == local
    assert event.at.utcoffset() == timedelta(hours=2)
    assert type(event.at.tzinfo) is timezone
    # In the autumn fold the same wall time is two instants; each keeps its own.
    first = Event(kind=K.OPENED, at=datetime(2026, 10, 25, 2, 30, tzinfo=ROME))
    second = Event(kind=K.OPENED, at=datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=ROME))
    assert second.at - first.at == timedelta(hours=1)
    assert first != second
    # pendulum datetimes become plain datetimes at the same instant.
    stamp = Event(kind=K.OPENED, at=pendulum.datetime(2026, 1, 2, 3, tz="Europe/Moscow")).at
    assert type(stamp) is datetime
    assert stamp == datetime(2026, 1, 2, 0, tzinfo=UTC)
    # Fixed-offset datetimes are kept as they are.
    plain = datetime(2026, 1, 2, 3, tzinfo=timezone(timedelta(hours=-5)))
    assert Event(kind=K.OPENED, at=plain).at is plain


# ------------------------------------------------------------------ interaction fields


@pytest.mark.parametrize(
    ("field", "value", "pattern"),
    [
        ("id", "", r"Interaction\.id: '', expected a non-empty string"),
        ("customer_id", 7, r"Interaction\.customer_id: 7, expected a non-empty string"),
        ("channel", "pigeon", r"Interaction\.channel: 'pigeon', expected a Channel"),
        ("direction", None, r"Interaction\.direction: None, expected a Direction"),
        ("topic", "x", r"Interaction\.topic: 'x', expected a Topic"),
        ("priority", 1, r"Interaction\.priority: 1, expected a Priority"),
    ],
)
def test_interaction_field_rules(field: str, value: object, pattern: str) -> None:
    changes: dict[str, Any] = {field: value}
    with pytest.raises(InvalidEntityError, match=pattern):
        attrs.evolve(ticket(), **changes)


def test_timeline_must_start_with_opened_once() -> None:
    with pytest.raises(InvalidEntityError, match=r"Interaction\.events: \(\), expected a timeline"):
        attrs.evolve(ticket(), events=[])
    with pytest.raises(
        InvalidEntityError,
        match=r"Interaction\.events\[0\]: 'agent_replied', expected the timeline",
    ):
        attrs.evolve(ticket(), events=[ev(K.AGENT_REPLIED)])
    with pytest.raises(InvalidEntityError, match=r"events\[2\]: 'opened' again"):
        ticket(ev(K.AGENT_REPLIED), ev(K.OPENED))
    with pytest.raises(InvalidEntityError, match=r"events\[1\]: 'x', expected an Event"):
        attrs.evolve(ticket(), events=[ev(K.OPENED), "x"])


def test_timeline_is_in_time_order_by_instant() -> None:
    with pytest.raises(InvalidEntityError, match=r"events\[2\]: 'customer_replied' at .* earlier"):
        ticket(ev(K.AGENT_REPLIED, 10), ev(K.CUSTOMER_REPLIED, 5))
    # Equal instants are fine.
    assert ticket(ev(K.AGENT_REPLIED), ev(K.RESOLVED)).status is Status.RESOLVED
    # The autumn fold: 02:45 CEST comes before 02:15 CET although its wall time is later.
    rome = Interaction(
        id="T",
        customer_id="C",
        channel=Channel.PHONE,
        direction=Direction.OUTBOUND,
        topic=Topic.SALES,
        priority=Priority.LOW,
        events=[
            Event(kind=K.OPENED, at=datetime(2026, 10, 25, 2, 45, tzinfo=ROME)),
            Event(kind=K.AGENT_REPLIED, at=datetime(2026, 10, 25, 2, 15, fold=1, tzinfo=ROME)),
        ],
    )
    assert rome.first_reply_at is not None
    assert rome.first_reply_at - rome.opened_at == timedelta(minutes=30)
    with pytest.raises(InvalidEntityError, match=r"events\[1\]: .* earlier than the event before"):
        attrs.evolve(
            rome,
            events=[
                Event(kind=K.OPENED, at=datetime(2026, 10, 25, 2, 15, fold=1, tzinfo=ROME)),
                Event(kind=K.AGENT_REPLIED, at=datetime(2026, 10, 25, 2, 45, tzinfo=ROME)),
            ],
        )


@pytest.mark.parametrize(
    ("events", "index", "pattern"),
    [
        ([ev(K.RESUMED)], 1, "'resumed' while the interaction is open"),
        ([ev(K.REOPENED)], 1, "'reopened' while the interaction is open"),
        (
            [ev(K.SURVEY_ANSWERED, scale=SurveyScale.CSAT, score=4)],
            1,
            "'survey_answered' while the interaction is open",
        ),
        (
            [ev(K.WAITING_ON_CUSTOMER), ev(K.WAITING_ON_CUSTOMER)],
            2,
            "'waiting_on_customer' while the interaction is waiting on the customer",
        ),
        (
            [ev(K.WAITING_ON_THIRD_PARTY), ev(K.REOPENED)],
            2,
            "'reopened' while the interaction is waiting on a third party",
        ),
        (
            [ev(K.RESOLVED), ev(K.AGENT_REPLIED)],
            2,
            "'agent_replied' while the interaction is resolved",
        ),
        ([ev(K.RESOLVED), ev(K.RESOLVED)], 2, "'resolved' while the interaction is resolved"),
        (
            [ev(K.CLOSED), ev(K.CUSTOMER_REPLIED)],
            2,
            "'customer_replied' while the interaction is closed",
        ),
        ([ev(K.CLOSED), ev(K.CLOSED)], 2, "'closed' while the interaction is closed"),
        ([ev(K.CLOSED), ev(K.RESUMED)], 2, "'resumed' while the interaction is closed"),
        (
            [ev(K.PRIORITY_CHANGED, priority=Priority.NORMAL)],
            1,
            "'priority_changed' to 'normal', which is already the priority",
        ),
        ([ev(K.TRANSFERRED, assignee="a")], 1, "'transferred' with nobody assigned"),
        (
            [ev(K.ASSIGNED, assignee="a"), ev(K.ESCALATED, assignee="a")],
            2,
            "'escalated' to 'a', who is already assigned",
        ),
    ],
)
def test_lifecycle_rules_name_the_offending_event(
    events: list[Event], index: int, pattern: str
) -> None:
    with pytest.raises(InvalidEntityError) as info:
        ticket(*events)
    message = str(info.value)
    assert message.startswith(f"Interaction.events[{index}]: "), message
    assert pattern in message
    assert "expected" in message


def test_the_lifecycle_of_a_busy_ticket() -> None:
    t = ticket(
        ev(K.ASSIGNED, 1, assignee="agent-1"),
        ev(K.AGENT_REPLIED, 5, by="agent-1"),
        ev(K.WAITING_ON_CUSTOMER, 6),
        ev(K.AGENT_REPLIED, 60, note="a reminder"),
        ev(K.CUSTOMER_REPLIED, 90),
        ev(K.WAITING_ON_THIRD_PARTY, 95),
        ev(K.CUSTOMER_REPLIED, 100, note="any news?"),
        ev(K.PRIORITY_CHANGED, 101, priority=Priority.URGENT),
        ev(K.ESCALATED, 102, assignee="billing-team"),
        ev(K.RESUMED, 200),
        ev(K.TRANSFERRED, 201, assignee="agent-2"),
        ev(K.RESOLVED, 240),
        ev(K.SURVEY_ANSWERED, 300, scale=SurveyScale.CSAT, score=2),
        ev(K.REOPENED, 301),
        ev(K.AGENT_REPLIED, 302),
        ev(K.RESOLVED, 310),
        ev(K.CLOSED, 400),
        ev(K.SURVEY_ANSWERED, 500, scale=SurveyScale.NPS, score=9),
    )
    assert t.status is Status.CLOSED
    assert not t.is_open
    assert t.current_priority is Priority.URGENT
    assert t.priority is Priority.NORMAL
    assert t.assignee == "agent-2"
    assert t.first_reply_at == T0 + timedelta(minutes=5)
    assert t.resolved_at == T0 + timedelta(minutes=310)
    assert t.closed_at == T0 + timedelta(minutes=400)
    assert t.reopen_count == 1
    assert [s.score for s in t.surveys] == [2, 9]
    assert t.opened_at == T0
    assert t.last_event_at == T0 + timedelta(minutes=500)


def test_waiting_statuses() -> None:
    waiting = ticket(ev(K.WAITING_ON_CUSTOMER, 1))
    assert waiting.status is Status.WAITING_ON_CUSTOMER
    assert waiting.is_open
    assert waiting.with_event(ev(K.CUSTOMER_REPLIED, 2)).status is Status.OPEN
    assert waiting.with_event(ev(K.AGENT_REPLIED, 2)).status is Status.WAITING_ON_CUSTOMER
    third = waiting.with_event(ev(K.WAITING_ON_THIRD_PARTY, 2))
    assert third.status is Status.WAITING_ON_THIRD_PARTY
    assert third.with_event(ev(K.CUSTOMER_REPLIED, 3)).status is Status.WAITING_ON_THIRD_PARTY
    assert third.with_event(ev(K.RESUMED, 3)).status is Status.OPEN
    assert third.with_event(ev(K.RESOLVED, 3)).status is Status.RESOLVED


def test_closing_without_resolving_and_reopening_clears_times() -> None:
    closed = ticket(ev(K.CLOSED, 3))
    assert (closed.resolved_at, closed.closed_at) == (None, T0 + timedelta(minutes=3))
    reopened = ticket(ev(K.RESOLVED, 1), ev(K.CLOSED, 2), ev(K.REOPENED, 3))
    assert (reopened.resolved_at, reopened.closed_at, reopened.status) == (None, None, Status.OPEN)
    assert reopened.first_reply_at is None
    assert reopened.assignee is None


def test_with_event_returns_a_new_validated_value() -> None:
    t = ticket()
    longer = t.with_event(ev(K.AGENT_REPLIED, 1))
    assert len(t.events) == 1
    assert len(longer.events) == 2
    assert longer.events[:1] == t.events
    with pytest.raises(InvalidEntityError, match=r"events\[2\]: 'agent_replied' at"):
        longer.with_event(ev(K.AGENT_REPLIED, 0))
    assert t.with_events([]) == t


def test_interactions_are_values() -> None:
    a = ticket(ev(K.AGENT_REPLIED, 1))
    b = ticket(ev(K.AGENT_REPLIED, 1))
    assert a == b
    assert hash(a) == hash(b)
    assert a != ticket(ev(K.AGENT_REPLIED, 2))
    assert "_facts" not in repr(a)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.id = "x"  # type: ignore[misc]


def test_status_and_scales() -> None:
    assert [s for s in Status if s.is_active] == [
        Status.OPEN,
        Status.WAITING_ON_CUSTOMER,
        Status.WAITING_ON_THIRD_PARTY,
    ]
    assert {s.value: s.bounds for s in SurveyScale} == {
        "csat": (1, 5),
        "nps": (0, 10),
        "customer_effort_score": (1, 7),
    }
    assert set(TRANSITIONS) == set(Status)


# ------------------------------------------------------------------ oracle

WAITS = {"waiting_on_customer", "waiting_on_third_party"}


def oracle(  # noqa: PLR0911, PLR0912 (one rule per kind, as documented)
    priority: str, events: Sequence[Event]
) -> tuple[int, None] | tuple[None, dict[str, Any]]:
    """Replay a timeline by the rules as written in the docs, one rule per kind.

    Returns (index of the first bad event, None) or (None, the derived facts).
    """
    state = ""
    assignee: str | None = None
    first_reply: datetime | None = None
    resolved: datetime | None = None
    closed: datetime | None = None
    reopens = 0
    for i, e in enumerate(events):
        k = e.kind.value
        instant = e.at.astimezone(UTC)
        if i and instant < events[i - 1].at.astimezone(UTC):
            return i, None
        if i == 0:
            if k != "opened":
                return 0, None
            state = "open"
            continue
        finished = state in {"resolved", "closed"}
        if k == "opened":
            return i, None
        if k == "reopened":
            if not finished:
                return i, None
            state, resolved, closed, reopens = "open", None, None, reopens + 1
        elif k == "survey_answered":
            if not finished:
                return i, None
        elif k == "closed":
            if state == "closed":
                return i, None
            state, closed = "closed", e.at
        elif finished:
            return i, None  # nothing else happens to a finished interaction
        elif k == "resolved":
            state, resolved = "resolved", e.at
        elif k == "resumed":
            if state not in WAITS:
                return i, None
            state = "open"
        elif k in WAITS:
            if state == k:
                return i, None
            state = k
        elif k == "customer_replied":
            if state == "waiting_on_customer":
                state = "open"
        elif k == "agent_replied":
            first_reply = first_reply or e.at
        elif k == "priority_changed":
            assert e.priority is not None
            if e.priority.value == priority:
                return i, None
            priority = e.priority.value
        elif k in {"manager_requested", "complained", "resolution_failed"}:
            pass  # recorded for the escalation rules: nothing changes
        else:  # assigned, transferred, escalated
            if (k == "transferred" and assignee is None) or e.assignee == assignee:
                return i, None
            assignee = e.assignee
    return None, {
        "status": state,
        "priority": priority,
        "assignee": assignee,
        "first_reply_at": first_reply,
        "resolved_at": resolved,
        "closed_at": closed,
        "reopen_count": reopens,
    }


@st.composite
def raw_events(draw: st.DrawFn) -> Event:
    kind = draw(st.sampled_from(EventKind))
    data: dict[str, Any] = {}
    if kind is K.PRIORITY_CHANGED:
        data["priority"] = draw(st.sampled_from(Priority))
    elif kind in (K.ASSIGNED, K.TRANSFERRED, K.ESCALATED):
        data["assignee"] = draw(st.sampled_from(["a", "b", "c"]))
    elif kind is K.SURVEY_ANSWERED:
        data["scale"] = SurveyScale.CSAT
        data["score"] = draw(st.integers(1, 5))
    offset = timezone(timedelta(hours=draw(st.integers(-12, 14))))
    at = (T0 + timedelta(minutes=draw(st.integers(0, 600)))).astimezone(offset)
    return Event(kind=kind, at=at, **data)


def lifelike_kinds() -> st.SearchStrategy[EventKind]:
    # Weighted towards the kinds that keep a timeline going, so that long valid
    # timelines are common and every rule is reached.
    common = [K.AGENT_REPLIED, K.CUSTOMER_REPLIED, K.WAITING_ON_CUSTOMER, K.RESUMED]
    return st.one_of(st.sampled_from(common), st.sampled_from(EventKind))


@given(
    priority=st.sampled_from(Priority),
    events=st.lists(raw_events(), min_size=1, max_size=12),
    start=st.booleans(),
    order=st.booleans(),
)
def test_replay_agrees_with_the_oracle(
    priority: Priority, events: list[Event], start: bool, order: bool
) -> None:
    if order:
        events.sort(key=lambda e: e.at)
    if start:
        events.insert(0, Event(kind=K.OPENED, at=T0 - timedelta(minutes=1)))
    bad, facts = oracle(priority.value, events)
    if bad is not None:
        with pytest.raises(InvalidEntityError, match=rf"^Interaction\.events\[{bad}\]: "):
            attrs.evolve(ticket(), priority=priority, events=events)
        return
    assert facts is not None
    t = attrs.evolve(ticket(), priority=priority, events=events)
    assert t.status.value == facts["status"]
    assert t.current_priority.value == facts["priority"]
    assert t.assignee == facts["assignee"]
    assert t.first_reply_at == facts["first_reply_at"]
    assert t.resolved_at == facts["resolved_at"]
    assert t.closed_at == facts["closed_at"]
    assert t.reopen_count == facts["reopen_count"]
    assert t.is_open == (facts["status"] in {"open", *WAITS})


@given(
    priority=st.sampled_from(Priority),
    kinds=st.lists(lifelike_kinds(), max_size=15),
    gaps=st.lists(st.integers(-5, 120), min_size=15, max_size=15),
    data=st.data(),
)
def test_growing_a_timeline_agrees_with_the_oracle(
    priority: Priority, kinds: list[EventKind], gaps: list[int], data: st.DataObject
) -> None:
    # Build event by event with with_event, as a help desk would; each refusal
    # must be the oracle's, and the value must stay unchanged.
    t = attrs.evolve(ticket(), priority=priority)
    minute = 0
    for kind, gap in zip(kinds, gaps, strict=False):
        minute += gap
        extra: dict[str, Any] = {}
        if kind is K.PRIORITY_CHANGED:
            extra["priority"] = data.draw(st.sampled_from(Priority))
        elif kind in (K.ASSIGNED, K.TRANSFERRED, K.ESCALATED):
            extra["assignee"] = data.draw(st.sampled_from(["a", "b"]))
        elif kind is K.SURVEY_ANSWERED:
            extra = {"scale": SurveyScale.NPS, "score": data.draw(st.integers(0, 10))}
        event = ev(kind, minute, **extra)
        bad, _ = oracle(priority.value, [*t.events, event])
        if bad is None:
            t = t.with_event(event)
        else:
            assert bad == len(t.events)
            with pytest.raises(InvalidEntityError, match=rf"events\[{bad}\]"):
                t.with_event(event)
            minute -= gap
    _, facts = oracle(priority.value, t.events)
    assert facts is not None
    assert t.status.value == facts["status"]
    assert t.assignee == facts["assignee"]
    assert t.current_priority.value == facts["priority"]


# ------------------------------------------------------------------ the docs' lifecycle table

DOCS = Path(__file__).parent.parent / "docs" / "entities.md"


def lifecycle_table() -> str:
    """The lifecycle as a markdown table: rows are events, columns the status before it."""
    header = "| event | " + " | ".join(f"`{s.value}`" for s in Status) + " |"
    lines = [header, "|---|" + "---|" * len(Status)]
    lines.append("| `opened` | first event only, leads to `open` |" + " |" * (len(Status) - 1))
    for kind in EventKind:
        if kind is K.OPENED:
            continue
        cells = [
            f"`{TRANSITIONS[s][kind].value}`" if kind in TRANSITIONS[s] else "refused"
            for s in Status
        ]
        lines.append(f"| `{kind.value}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def test_the_docs_show_the_lifecycle_table() -> None:
    text = DOCS.read_text(encoding="utf-8")
    begin, end = "<!-- lifecycle table: begin -->\n", "\n<!-- lifecycle table: end -->"
    committed = text[text.index(begin) + len(begin) : text.index(end)]
    assert committed == lifecycle_table(), "regenerate the table with lifecycle_table()"


def test_timelines_must_be_collections() -> None:
    with pytest.raises(InvalidEntityError, match=r"^Interaction\.events: 5, expected a timeline"):
        attrs.evolve(ticket(), events=5)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"^Interaction\.events: 'x', expected a timeline"):
        attrs.evolve(ticket(), events="x")
    with pytest.raises(
        InvalidEntityError, match=r"^Interaction\.with_events\(events=\.\.\.\): 5, expected a"
    ):
        ticket().with_events(5)  # type: ignore[arg-type]
