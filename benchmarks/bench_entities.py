"""Entities: structuring, unstructuring and construction against hand-written code and pydantic.

- structure a realistic 10-event Interaction from its JSON-loaded dict with the
  csroles converter, with a hand-written dict-to-attrs function for the same
  classes (target: at most 1.8x), and with pydantic v2 on an equivalent model;
- unstructure it (target: at most 1.25x the hand-written function);
- construct frozen entities against plain attrs classes of the same fields
  without validators (target: at most 1.5x). Customer keeps the last 1,024
  language tags it found well-formed; a further row gives every customer two
  tags never seen, from a cycle of 2,028, so that this memory never holds
  them.
"""

from __future__ import annotations

import itertools
import json
import os
import platform
import string
import timeit
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import pydantic

from csroles import (
    Channel,
    Customer,
    Direction,
    Event,
    EventKind,
    Interaction,
    Priority,
    SurveyScale,
    Topic,
    make_converter,
)

ROUNDS = 15

# ------------------------------------------------------------------ the data

ROME = timezone(timedelta(hours=2))
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=ROME)


def _ticket() -> Interaction:
    k = EventKind
    steps: list[tuple[EventKind, int, dict[str, Any]]] = [
        (k.OPENED, 0, {"by": "C-42"}),
        (k.ASSIGNED, 2, {"assignee": "agent-7"}),
        (k.AGENT_REPLIED, 14, {"by": "agent-7"}),
        (k.WAITING_ON_CUSTOMER, 15, {}),
        (k.CUSTOMER_REPLIED, 200, {"by": "C-42", "note": "photo attached"}),
        (k.PRIORITY_CHANGED, 203, {"priority": Priority.HIGH}),
        (k.ESCALATED, 204, {"assignee": "returns-team"}),
        (k.AGENT_REPLIED, 260, {"by": "returns-team"}),
        (k.RESOLVED, 300, {"by": "returns-team"}),
        (k.SURVEY_ANSWERED, 1500, {"scale": SurveyScale.CSAT, "score": 4}),
    ]
    return Interaction(
        id="T-1001",
        customer_id="C-42",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.RETURN,
        priority=Priority.NORMAL,
        events=[
            Event(kind=kind, at=T0 + timedelta(minutes=minutes), **data)
            for kind, minutes, data in steps
        ],
    )


# ------------------------------------------------------------------ hand-written baselines


def hand_structure_event(d: dict[str, Any]) -> Event:
    priority = d.get("priority")
    scale = d.get("scale")
    return Event(
        kind=EventKind(d["kind"]),
        at=datetime.fromisoformat(d["at"]),
        by=d.get("by"),
        priority=None if priority is None else Priority(priority),
        assignee=d.get("assignee"),
        score=d.get("score"),
        scale=None if scale is None else SurveyScale(scale),
        note=d.get("note"),
    )


def hand_structure(d: dict[str, Any]) -> Interaction:
    return Interaction(
        id=d["id"],
        customer_id=d["customer_id"],
        channel=Channel(d["channel"]),
        direction=Direction(d["direction"]),
        topic=Topic(d["topic"]),
        priority=Priority(d["priority"]),
        events=[hand_structure_event(e) for e in d["events"]],
    )


def hand_unstructure_event(e: Event) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": e.kind.value, "at": e.at.isoformat()}
    if e.by is not None:
        d["by"] = e.by
    if e.priority is not None:
        d["priority"] = e.priority.value
    if e.assignee is not None:
        d["assignee"] = e.assignee
    if e.score is not None:
        d["score"] = e.score
    if e.scale is not None:
        d["scale"] = e.scale.value
    if e.note is not None:
        d["note"] = e.note
    return d


def hand_unstructure(i: Interaction) -> dict[str, Any]:
    return {
        "id": i.id,
        "customer_id": i.customer_id,
        "channel": i.channel.value,
        "direction": i.direction.value,
        "topic": i.topic.value,
        "priority": i.priority.value,
        "events": [hand_unstructure_event(e) for e in i.events],
    }


# ------------------------------------------------------------------ pydantic v2, the reference

Id = pydantic.constr(min_length=1, pattern=r"^\S(.*\S)?$")


class PydEvent(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")

    kind: EventKind
    at: pydantic.AwareDatetime
    by: Id | None = None  # type: ignore[valid-type]
    priority: Priority | None = None
    assignee: Id | None = None  # type: ignore[valid-type]
    score: int | None = None
    scale: SurveyScale | None = None
    note: str | None = None


class PydInteraction(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")

    id: Id  # type: ignore[valid-type]
    customer_id: Id  # type: ignore[valid-type]
    channel: Channel
    direction: Direction
    topic: Topic
    priority: Priority
    events: tuple[PydEvent, ...]


# ------------------------------------------------------------------ plain attrs classes


@attrs.frozen(kw_only=True)
class PlainEvent:
    kind: EventKind
    at: datetime
    by: str | None = None
    priority: Priority | None = None
    assignee: str | None = None
    score: int | None = None
    scale: SurveyScale | None = None
    note: str | None = None


@attrs.define(kw_only=True)
class MutableEvent:
    kind: EventKind
    at: datetime
    by: str | None = None
    priority: Priority | None = None
    assignee: str | None = None
    score: int | None = None
    scale: SurveyScale | None = None
    note: str | None = None


@attrs.frozen(kw_only=True)
class PlainCustomer:
    id: str
    name: str
    languages: tuple[str, ...] = ()
    channels: tuple[Channel, ...] = ()
    timezone: str | None = None
    segment: str | None = None
    opted_out: frozenset[Channel] = frozenset()


# ------------------------------------------------------------------ timing


def _compare(*funcs: Callable[[], object]) -> list[float]:
    """Seconds per call of each function: the best of ROUNDS interleaved rounds.

    The functions take turns within each round, so that a burst of load on a
    shared machine slows them alike instead of skewing one ratio.
    """
    numbers = [timeit.Timer(f).autorange()[0] for f in funcs]
    best = [float("inf")] * len(funcs)
    for _ in range(ROUNDS):
        for index, (func, number) in enumerate(zip(funcs, numbers, strict=True)):
            seconds = timeit.Timer(func).timeit(number) / number
            best[index] = min(best[index], seconds)
    return best


def _row(label: str, seconds: float, base: float, target: str = "") -> str:
    return f"| {label} | {seconds * 1e6:.2f} | {seconds / base:.2f} | {target} |"


def main() -> str:
    """Measure and return a markdown table."""
    conv = make_converter()
    ticket = _ticket()
    doc = json.loads(json.dumps(conv.unstructure(ticket)))
    assert conv.structure(doc, Interaction) == ticket
    assert hand_structure(doc) == ticket
    assert hand_unstructure(ticket) == conv.unstructure(ticket) == doc
    pyd = PydInteraction.model_validate(doc)
    assert pyd.model_dump(mode="json", exclude_none=True) == doc

    hand_in, ours_in, pyd_in = _compare(
        lambda: hand_structure(doc),
        lambda: conv.structure(doc, Interaction),
        lambda: PydInteraction.model_validate(doc),
    )
    hand_out, ours_out, pyd_out = _compare(
        lambda: hand_unstructure(ticket),
        lambda: conv.unstructure(ticket),
        lambda: pyd.model_dump(mode="json", exclude_none=True),
    )

    at = T0
    customer_fields: dict[str, Any] = {
        "id": "C-42",
        "name": "Anna Bianchi",
        "channels": (Channel.CHAT, Channel.EMAIL),
        "timezone": "Europe/Rome",
        "segment": "vip",
        "opted_out": frozenset({Channel.PHONE}),
    }
    replied = EventKind.AGENT_REPLIED
    plain_event, our_event, mutable_event = _compare(
        lambda: PlainEvent(kind=replied, at=at, by="agent-7"),
        lambda: Event(kind=replied, at=at, by="agent-7"),
        lambda: MutableEvent(kind=replied, at=at, by="agent-7"),
    )
    plain_customer, our_customer = _compare(
        lambda: PlainCustomer(**customer_fields, languages=("it-IT", "en")),
        lambda: Customer(**customer_fields, languages=("it-IT", "en")),
    )
    regions = ["".join(p) for p in itertools.product(string.ascii_uppercase, repeat=2)]
    tags = [f"{language}-{region}" for language in ("de", "en", "fr") for region in regions]
    fresh = itertools.cycle(list(zip(tags[0::2], tags[1::2], strict=True)))
    plain_fresh, our_fresh = _compare(
        lambda: PlainCustomer(**customer_fields, languages=next(fresh)),
        lambda: Customer(**customer_fields, languages=next(fresh)),
    )

    lines = [
        "| operation | µs per call | ratio | target |",
        "|---|---|---|---|",
        "| **structure a 10-event Interaction from a dict** | | | |",
        _row("hand-written dict-to-attrs function", hand_in, hand_in),
        _row("csroles converter", ours_in, hand_in, "<= 1.80"),
        _row("pydantic v2 `model_validate` (no lifecycle check)", pyd_in, hand_in, "reference"),
        "| **unstructure it to a JSON-ready dict** | | | |",
        _row("hand-written attrs-to-dict function", hand_out, hand_out),
        _row("csroles converter", ours_out, hand_out, "<= 1.25"),
        _row("pydantic v2 `model_dump(mode='json')`", pyd_out, hand_out, "reference"),
        "| **construct an Event (kind, at, by)** | | | |",
        _row("plain frozen attrs class, no validators", plain_event, plain_event),
        _row("csroles `Event`", our_event, plain_event, "<= 1.50"),
        _row("plain mutable attrs class (`attrs.define`)", mutable_event, plain_event, "reference"),
        "| **construct a Customer (all fields)** | | | |",
        _row("plain frozen attrs class, no validators", plain_customer, plain_customer),
        _row("csroles `Customer`", our_customer, plain_customer, "<= 1.50"),
        "| **construct a Customer, two language tags never seen** | | | |",
        _row("plain frozen attrs class, no validators", plain_fresh, plain_fresh),
        _row("csroles `Customer`", our_fresh, plain_fresh, "reference"),
        "",
        (
            f"Ratios against the first row of each group, best of {ROUNDS} interleaved "
            f"rounds, Python {platform.python_version()} on {platform.machine()}, "
            f"pydantic {pydantic.VERSION}. The pydantic model checks field types, "
            "non-empty ids, aware datetimes and unknown keys, but not the timeline's "
            "lifecycle, which both csroles rows check. Load average "
            f"{os.getloadavg()[0]:.1f} when the run ended, on {os.cpu_count()} cores."
        ),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
