"""Event's fast path: it accepts exactly the valid events that the field-by-field checks accept.

``Event.__attrs_post_init__`` accepts an event without data in its stored
form with one test and hands anything else to ``Event._check_fields``. These
tests build events from hostile field values and compare the fast path's
answer, the full checks' answer on the same stored values and a slow oracle
written here from the documented rules.
"""

from __future__ import annotations

import enum
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import Channel, EventKind, InvalidEntityError, Priority
from csroles.interactions import Event, SurveyScale
from csroles.strategies import events

FIELDS = ("kind", "at", "by", "priority", "assignee", "score", "scale", "note")


class _DeclinedError(Exception):
    """The fast path handed the event to the full checks."""


def _decline(self: Event) -> None:
    raise _DeclinedError


@contextmanager
def _fast_path_only() -> Iterator[None]:
    full = Event._check_fields
    Event._check_fields = _decline  # type: ignore[method-assign]
    try:
        yield
    finally:
        Event._check_fields = full  # type: ignore[method-assign]


def fast_accepts(fields: dict[str, Any]) -> bool:
    with _fast_path_only():
        try:
            Event(**fields)
        except _DeclinedError:
            return False
    return True


def raw(fields: dict[str, Any]) -> Event:
    """An Event holding exactly ``fields``, without any check."""
    event = object.__new__(Event)
    for name in FIELDS:
        object.__setattr__(event, name, fields[name])
    return event


def full_accepts_as_is(fields: dict[str, Any]) -> bool:
    event = raw(fields)
    try:
        event._check_fields()
    except InvalidEntityError:
        return False
    return all(getattr(event, name) is fields[name] for name in FIELDS)


# ------------------------------------------------------------------ the oracle

_DATA = {
    EventKind.PRIORITY_CHANGED: {"priority"},
    EventKind.ASSIGNED: {"assignee"},
    EventKind.TRANSFERRED: {"assignee"},
    EventKind.ESCALATED: {"assignee"},
    EventKind.SURVEY_ANSWERED: {"scale", "score"},
}
_BOUNDS = {SurveyScale.CSAT: (1, 5), SurveyScale.NPS: (0, 10), SurveyScale.CUSTOMER_EFFORT_SCORE: (1, 7)}  # fmt: skip


def _identifier(value: object) -> bool:
    return type(value) is str and value != "" and value == value.strip()


def oracle(fields: dict[str, Any]) -> bool:  # noqa: PLR0911 (a return per rule)
    """Whether the stored values make a valid event, by the documented rules."""
    kind, at = fields["kind"], fields["at"]
    if type(kind) is not EventKind:
        return False
    if type(at) is not datetime or type(at.tzinfo) is not timezone:
        return False
    if fields["by"] is not None and not _identifier(fields["by"]):
        return False
    if fields["note"] is not None and type(fields["note"]) is not str:
        return False
    carried = _DATA.get(kind, set())
    for name in ("priority", "assignee", "score", "scale"):
        if name not in carried and fields[name] is not None:
            return False
    if "priority" in carried and type(fields["priority"]) is not Priority:
        return False
    if "assignee" in carried and not _identifier(fields["assignee"]):
        return False
    if "scale" in carried:
        scale, score = fields["scale"], fields["score"]
        if type(scale) is not SurveyScale or type(score) is not int:
            return False
        low, high = _BOUNDS[scale]
        return low <= score <= high
    return True


# ------------------------------------------------------------------ hostile values


class _Text(str):
    """A str subclass: refused where csroles wants text."""


class _Stamp(datetime):
    """A datetime subclass."""


class _Other(enum.Enum):
    OPENED = "opened"


_HOSTILE = st.sampled_from(
    [None, 5, True, 2.5, b"x", _Text("agent-7"), Channel.CHAT, _Other.OPENED, ("x",)]
)
_TEXT = st.one_of(
    st.sampled_from(["agent-7", "C-42", "", " ", "a ", "\u00a0a", "a\nb", "\x85"]),
    st.text(max_size=6),
    _HOSTILE,
)
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=timezone(timedelta(hours=2)))
_AT = st.sampled_from(
    [
        T0,
        T0.astimezone(UTC),
        T0.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Rome")),
        T0.replace(tzinfo=None),
        _Stamp(2026, 5, 4, 9, tzinfo=UTC),
        "2026-05-04T09:00:00+02:00",
        None,
    ]
)


@st.composite
def stored_fields(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(list(EventKind)) | st.sampled_from([k.value for k in EventKind]) | _HOSTILE
    )
    data = st.none() | st.none() | st.none()
    return {
        "kind": kind,
        "at": draw(_AT),
        "by": draw(st.none() | _TEXT),
        "priority": draw(data | st.sampled_from([*Priority, "high"]) | _HOSTILE),
        "assignee": draw(data | _TEXT),
        "score": draw(data | st.integers(-2, 12) | _HOSTILE),
        "scale": draw(data | st.sampled_from([*SurveyScale, "nps"]) | _HOSTILE),
        "note": draw(st.none() | _TEXT),
    }


@st.composite
def mostly_valid_fields(draw: st.DrawFn) -> dict[str, Any]:
    fields = {name: getattr(draw(events()), name) for name in FIELDS}
    if draw(st.booleans()):
        name = draw(st.sampled_from(FIELDS))
        fields[name] = draw(stored_fields())[name]
    return fields


ANY_FIELDS = st.one_of(stored_fields(), mostly_valid_fields())


# ------------------------------------------------------------------ the properties


@given(ANY_FIELDS)
def test_the_fast_path_accepts_only_what_the_full_checks_accept_as_is(
    fields: dict[str, Any],
) -> None:
    if fast_accepts(fields):
        assert full_accepts_as_is(fields)


@given(ANY_FIELDS)
def test_the_fast_path_accepts_every_valid_event_without_data(fields: dict[str, Any]) -> None:
    no_data = fields["kind"] not in _DATA and all(
        fields[name] is None for name in ("priority", "assignee", "score", "scale")
    )
    assert fast_accepts(fields) == (full_accepts_as_is(fields) and no_data)


@given(ANY_FIELDS)
def test_the_full_checks_agree_with_the_oracle(fields: dict[str, Any]) -> None:
    assert full_accepts_as_is(fields) == oracle(fields)


@given(ANY_FIELDS)
def test_a_refusal_is_the_full_checks_first_problem(fields: dict[str, Any]) -> None:
    try:
        raw(fields)._check_fields()
    except InvalidEntityError as exc:
        expected = str(exc)
    else:
        return
    with pytest.raises(InvalidEntityError) as caught:
        Event(**fields)
    assert str(caught.value) == expected


@given(events())
def test_valid_events_round_trip_through_plain_values(event: Event) -> None:
    plain = {name: getattr(event, name) for name in FIELDS}
    for name in ("kind", "priority", "scale"):
        if plain[name] is not None:
            plain[name] = plain[name].value
    assert Event(**plain) == event


# ------------------------------------------------------------------ facts


@pytest.mark.parametrize(
    ("changes", "pattern"),
    [
        ({"kind": _Other.OPENED}, r"^Event\.kind: <_Other.OPENED: 'opened'>, expected an"),
        ({"at": T0.replace(tzinfo=None)}, r"^Event\.at: .*, expected an aware datetime"),
        ({"by": _Text("agent-7")}, r"^Event\.by: 'agent-7', expected a non-empty string"),
        ({"by": "\u00a0agent"}, r"^Event\.by: '\\xa0agent', expected a non-empty string"),
        ({"note": _Text("hi")}, r"^Event\.note: 'hi', expected None or a string"),
        ({"score": 3}, r"^Event\.score: 3, expected None for an 'agent_replied' event"),
    ],
)
def test_hostile_values_are_refused_by_name(changes: dict[str, Any], pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        Event(**{"kind": EventKind.AGENT_REPLIED, "at": T0, **changes})


def test_a_zone_aware_instant_is_stored_with_its_fixed_offset() -> None:
    rome = T0.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Rome"))
    event = Event(kind=EventKind.OPENED, at=rome)
    assert event.at == T0
    assert event.at.tzinfo == timezone(timedelta(hours=2))
