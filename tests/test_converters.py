"""The converter: formats, strict structuring, one error listing every problem."""

from __future__ import annotations

import collections
import enum
import json
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Account,
    Channel,
    Customer,
    Escalation,
    Event,
    EventKind,
    Interaction,
    InvalidEntityError,
    Language,
    Party,
    Priority,
    configure_converter,
    make_converter,
)
from csroles.strategies import accounts, customers, escalations, events, interactions, parties

CONV = make_converter()
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


class Mood(enum.Enum):
    """A non-string enum, to check that any enum travels by value."""

    CALM = 1
    ANGRY = 2


@attrs.frozen(kw_only=True)
class Sample:
    """A stand-in for the entities other modules add: every supported field type."""

    day: date
    opens: time
    limit: timedelta
    titles: Mapping[Language, str]
    shifts: dict[int, tuple[time, time]]
    channels: frozenset[Channel]
    scores: list[float]
    pair: tuple[int, str]
    flag: bool
    mood: Mood | None = None
    note: str | None = None
    parties: frozenset[Party] = frozenset()
    amount: Decimal = Decimal("0")
    either: Mood | None = Mood.CALM
    label: str | None = "x"


# The converter handles the attrs classes that csroles defines; this one is
# declared to live in csroles so that it gets the same treatment.
attrs.resolve_types(Sample)
Sample.__module__ = "csroles._sample"


def sample_doc() -> dict[str, Any]:
    return {
        "day": "2026-05-01",
        "opens": "09:30:00",
        "limit": "PT1H30M",
        "titles": {"it": "Responsabile", "en": "Manager"},
        "shifts": {"1": ["09:00:00", "17:00:00"], "-2": ["10:00:00", "12:30:00.000001"]},
        "channels": ["phone", "chat"],
        "scores": [1, 2.5],
        "pair": [3, "x"],
        "flag": True,
    }


def problems(error: pytest.ExceptionInfo[InvalidEntityError]) -> dict[str, str]:
    return dict(error.value.problems)


# ------------------------------------------------------------------ formats


def test_every_supported_field_type_round_trips() -> None:
    value = CONV.structure(sample_doc(), Sample)
    assert value == Sample(
        day=date(2026, 5, 1),
        opens=time(9, 30),
        limit=timedelta(hours=1, minutes=30),
        titles={Language.IT: "Responsabile", Language.EN: "Manager"},
        shifts={1: (time(9), time(17)), -2: (time(10), time(12, 30, 0, 1))},
        channels=frozenset({Channel.PHONE, Channel.CHAT}),
        scores=[1.0, 2.5],
        pair=(3, "x"),
        flag=True,
    )
    doc = CONV.unstructure(value)
    # frozensets become sorted lists; mapping keys become text; defaults are omitted
    assert doc == {
        **sample_doc(),
        "titles": {"it": "Responsabile", "en": "Manager"},
        "channels": ["chat", "phone"],
        "scores": [1.0, 2.5],
    }
    assert json.loads(json.dumps(doc)) == doc
    assert CONV.structure(json.loads(json.dumps(doc)), Sample) == value
    with_mood = attrs.evolve(value, mood=Mood.ANGRY, note="n")
    doc = CONV.unstructure(with_mood)
    assert (doc["mood"], doc["note"]) == (2, "n")
    assert CONV.structure(doc, Sample) == with_mood
    # Optional fields whose default is not None write None out.
    unset = attrs.evolve(value, either=None, label=None)
    doc = CONV.unstructure(unset)
    assert (doc["either"], doc["label"]) == (None, None)
    assert CONV.structure(doc, Sample) == unset
    assert CONV.unstructure(attrs.evolve(value, either=Mood.ANGRY))["either"] == 2


def test_frozensets_of_entities_are_sorted_too() -> None:
    value = attrs.evolve(
        CONV.structure(sample_doc(), Sample),
        parties=frozenset({Party.team("b"), Party.team("a"), Party.position("a")}),
    )
    doc = CONV.unstructure(value)
    assert doc["parties"] == [
        {"kind": "position", "id": "a"},
        {"kind": "team", "id": "a"},
        {"kind": "team", "id": "b"},
    ]
    assert CONV.structure(doc, Sample) == value


def test_python_int_keys_are_accepted() -> None:
    doc = {**sample_doc(), "shifts": {3: ["09:00", "10:00"]}}
    assert CONV.structure(doc, Sample).shifts == {3: (time(9), time(10))}


def test_datetimes_are_iso_text_with_their_offset() -> None:
    rome = pendulum.timezone("Europe/Rome")
    event = Event(kind=EventKind.OPENED, at=datetime(2026, 3, 29, 3, 30, tzinfo=rome))
    assert CONV.unstructure(event)["at"] == "2026-03-29T03:30:00+02:00"
    assert CONV.structure("2026-05-01T10:00:00Z", datetime) == datetime(2026, 5, 1, 10, tzinfo=UTC)
    micro = CONV.structure("2026-05-01T10:00:00.000001-03:30", datetime)
    assert micro.utcoffset() == timedelta(hours=-3, minutes=-30)
    assert micro.microsecond == 1
    assert CONV.structure(T0, datetime) is T0
    assert CONV.unstructure(T0) == "2026-05-04T09:00:00+00:00"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (timedelta(0), "PT0S"),
        (timedelta(hours=1, minutes=30), "PT1H30M"),
        (timedelta(days=2, seconds=5), "PT48H5S"),
        (timedelta(microseconds=1), "PT0.000001S"),
        (timedelta(seconds=1, microseconds=500000), "PT1.5S"),
        (timedelta(minutes=-15), "-PT15M"),
        (timedelta(days=-1, microseconds=1), "-PT23H59M59.999999S"),
        (timedelta.max, "PT23999999999H59M59.999999S"),
        (timedelta.min, "-PT23999999976H"),
    ],
)
def test_duration_text(value: timedelta, text: str) -> None:
    assert CONV.unstructure(value) == text
    assert CONV.structure(text, timedelta) == value


@given(st.timedeltas())
def test_durations_round_trip_exactly(value: timedelta) -> None:
    text = CONV.unstructure(value)
    assert re.fullmatch(r"-?PT(\d+H)?(\d+M)?(\d+(\.\d{1,6})?S)?", text)
    assert CONV.structure(text, timedelta) == value


def test_durations_accepted_on_input() -> None:
    assert CONV.structure("P1D", timedelta) == timedelta(days=1)
    assert CONV.structure("P1W2DT3H", timedelta) == timedelta(days=9, hours=3)
    assert CONV.structure("PT0,25S", timedelta) == timedelta(milliseconds=250)
    assert CONV.structure(timedelta(hours=1), timedelta) == timedelta(hours=1)
    assert CONV.structure(pendulum.duration(hours=2), timedelta) == timedelta(hours=2)


@pytest.mark.parametrize(
    "text", ["", "P", "PT", "-P", "P1Y", "P1M", "PT1H2", "1H", "PT1.1234567S", "PT-1H", "pt1h"]
)
def test_bad_durations(text: str) -> None:
    with pytest.raises(InvalidEntityError, match=r"expected an ISO 8601 duration"):
        CONV.structure(text, timedelta)


def test_durations_beyond_timedelta() -> None:
    with pytest.raises(InvalidEntityError, match=r"too long"):
        CONV.structure("P999999999W", timedelta)
    with pytest.raises(InvalidEntityError, match=r"months and years"):
        CONV.structure(pendulum.duration(months=1), timedelta)
    with pytest.raises(InvalidEntityError, match=r"expected an ISO 8601 duration"):
        CONV.structure(90, timedelta)


@pytest.mark.parametrize(
    ("tp", "value", "pattern"),
    [
        (datetime, "2026-05-01T10:00:00", r"^naive datetime '2026-05-01T10:00:00', expected an"),
        (datetime, "yesterday", r"'yesterday', expected an ISO 8601 date and time"),
        (datetime, 1714557600, r"1714557600, expected an ISO 8601 date and time"),
        (datetime, datetime(2026, 1, 1), r"^naive datetime datetime.datetime"),
        (date, "2026-02-30", r"'2026-02-30', expected an ISO 8601 date"),
        (date, T0, r"expected an ISO 8601 date"),
        (time, "25:00", r"'25:00', expected an ISO 8601 time of day"),
        (time, 9, r"9, expected an ISO 8601 time of day"),
        (Priority, "hgh", r"'hgh', expected a Priority: one of 'low', 'normal'"),
        (Priority, ["low"], r"\['low'\], expected a Priority"),
        (Channel, None, r"None, expected a Channel"),
    ],
)
def test_bad_scalars(tp: type, value: object, pattern: str) -> None:
    with pytest.raises(InvalidEntityError, match=pattern):
        CONV.structure(value, tp)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1250.00", Decimal("1250.00")),
        ("-0.5", Decimal("-0.5")),
        (".5", Decimal("0.5")),
        ("1e3", Decimal("1E+3")),
        (3, Decimal(3)),
        (0.1, Decimal("0.1")),
        (Decimal("2.50"), Decimal("2.50")),
    ],
)
def test_decimals(value: object, expected: Decimal) -> None:
    result = CONV.structure(value, Decimal)
    assert result == expected
    assert str(result) == str(expected)
    assert CONV.structure(CONV.unstructure(result), Decimal) == result
    assert CONV.unstructure(Decimal("1250.00")) == "1250.00"


@pytest.mark.parametrize(
    "value", ["NaN", "Infinity", "1,5", "", "1.2.3", "1e99999", float("nan"), True, None,
              Decimal("NaN"), "9" * 101, 10**100, -(10**100), Decimal(10**100),
              Decimal("1." + "1" * 99), "1" * 97 + "e2"]
)  # fmt: skip
def test_bad_decimals(value: object) -> None:
    with pytest.raises(InvalidEntityError, match=r"expected a decimal number as text"):
        CONV.structure(value, Decimal)


@given(
    st.decimals(allow_nan=False, allow_infinity=False)
    | st.integers(-(10**120), 10**120)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.from_regex(r"[+-]?[0-9]{1,99}(\.[0-9]{0,40})?([eE][+-]?[0-9]{1,4})?", fullmatch=True)
)
def test_every_decimal_read_is_written_as_text_that_reads_again(value: object) -> None:
    message = ""
    try:
        number = CONV.structure(value, Decimal)
    except InvalidEntityError as error:
        message = str(error)
    if message:
        assert "at most 100 characters" in message
        return
    text = CONV.unstructure(number)
    assert len(text) <= 100
    again = CONV.structure(text, Decimal)
    assert again == number
    assert str(again) == text


def test_scalars_accepted_as_objects() -> None:
    assert CONV.structure(date(2026, 1, 2), date) == date(2026, 1, 2)
    assert CONV.structure(time(9), time) == time(9)
    assert CONV.structure("urgent", Priority) is Priority.URGENT
    assert type(CONV.unstructure(Priority.URGENT)) is str
    assert CONV.unstructure(date(2026, 1, 2)) == "2026-01-02"
    assert CONV.unstructure(time(9, 30)) == "09:30:00"


# ------------------------------------------------------------------ strictness and paths


@pytest.mark.parametrize(
    ("field", "value", "path", "pattern"),
    [
        ("day", 20260501, "day", r"expected an ISO 8601 date"),
        ("limit", "1 hour", "limit", r"expected an ISO 8601 duration"),
        ("titles", ["it"], "titles", r"expected an object \(a mapping\)"),
        ("titles", {"de": "Leiter"}, "titles.de", r"^key 'de', expected a Language"),
        ("titles", {"it": 3}, "titles.it", r"^3, expected a string"),
        ("shifts", {"x": ["09:00", "10:00"]}, "shifts.x", r"key 'x', expected an integer"),
        ("shifts", {"1": ["09:00"]}, "shifts['1']", r"expected a list of 2 items"),
        ("shifts", {"1": ["09:00", "1pm"]}, "shifts['1'][1]", r"'1pm', expected an ISO 8601"),
        ("channels", "phone", "channels", r"^'phone', expected a list$"),
        ("channels", ["phone", "phone"], "channels", r"expected a list without duplicates"),
        ("channels", ["phone", "pigeon"], "channels[1]", r"'pigeon', expected a Channel"),
        ("channels", {"phone": 1}, "channels", r"expected a list"),
        ("scores", [1, "2"], "scores[1]", r"^'2', expected a finite number"),
        ("scores", [float("nan")], "scores[0]", r"^nan, expected a finite number"),
        ("scores", [True], "scores[0]", r"^True, expected a finite number"),
        ("pair", [3.0, "x"], "pair[0]", r"^3.0, expected an integer"),
        ("pair", [True, "x"], "pair[0]", r"^True, expected an integer"),
        ("flag", 1, "flag", r"^1, expected true or false"),
        ("amount", "12 EUR", "amount", r"^'12 EUR', expected a decimal number"),
        ("mood", 3, "mood", r"^3, expected a Mood: one of 1, 2"),
        ("mood", [], "mood", r"^\[\], expected a Mood"),
        ("note", 5, "note", r"^5, expected a string"),
    ],
)
def test_wrong_types_are_refused_with_their_path(
    field: str, value: object, path: str, pattern: str
) -> None:
    doc = {**sample_doc(), field: value}
    with pytest.raises(InvalidEntityError) as info:
        CONV.structure(doc, Sample)
    found = problems(info)
    assert list(found) == [path], found
    assert re.search(pattern, found[path]), found[path]
    assert str(info.value).startswith("Sample: 1 problem\n  ")


def test_every_problem_is_listed_once_with_its_path() -> None:
    doc = {
        "id": " T-1",
        "channel": "pigeon",
        "direction": "inbound",
        "topic": "billing",
        "priority": "normal",
        "colour": "red",
        "events": [
            {"kind": "opened", "at": "2026-05-01T09:00:00+02:00"},
            {"kind": "agent_replied", "at": "2026-05-01T10:00:00", "by": ""},
            "not an event",
            {"kind": "survey_answered", "at": "2026-05-01T11:00:00Z", "score": 9, "scale": "csat"},
        ],
    }
    with pytest.raises(InvalidEntityError) as info:
        CONV.structure(doc, Interaction)
    assert info.value.problems == (
        ("customer_id", "missing, expected a value (the key is required)"),
        (
            "channel",
            (
                "'pigeon', expected a Channel: one of 'phone', 'email', 'chat', 'social', "
                "'face_to_face', 'fax', 'mail', 'video', 'messaging'"
            ),
        ),
        (
            "events[1].at",
            "naive datetime '2026-05-01T10:00:00', expected an offset such as '+02:00' or 'Z'",
        ),
        ("events[2]", "'not an event', expected an object (a mapping) with the keys of Event"),
        ("events[3].score", "9, expected an integer from 1 to 5 on the csat scale"),
        (
            "colour",
            (
                "unknown key, expected only the keys of Interaction: 'id', 'customer_id', "
                "'channel', 'direction', 'topic', 'priority', 'events', 'group', "
                "'tags', 'account_id', 'product'"
            ),
        ),
        # The value checks of the fields whose types are right come with the rest.
        ("id", "' T-1', expected a non-empty string without surrounding whitespace"),
    )
    text = str(info.value)
    assert text.startswith("Interaction: 7 problems\n  customer_id: missing")
    assert "\n  events[1].at: naive datetime '2026-05-01T10:00:00', expected an offset" in text
    assert isinstance(info.value, ValueError)


def test_entity_checks_become_path_qualified_problems() -> None:
    doc: dict[str, Any] = {
        "id": "T-1",
        "customer_id": "C-1",
        "channel": "chat",
        "direction": "inbound",
        "topic": "billing",
        "priority": "normal",
        "events": [
            {"kind": "opened", "at": "2026-05-01T09:00:00+02:00"},
            {"kind": "agent_replied", "at": "2026-05-01T10:00:00+02:00", "by": " a"},
        ],
    }
    with pytest.raises(InvalidEntityError) as info:
        CONV.structure(doc, Interaction)
    assert info.value.problems == (
        ("events[1].by", "' a', expected a non-empty string without surrounding whitespace"),
    )
    doc["events"][1] = {"kind": "resumed", "at": "2026-05-01T10:00:00+02:00"}
    with pytest.raises(InvalidEntityError) as info:
        CONV.structure(doc, Interaction)
    [(path, message)] = info.value.problems
    assert path == "events[1]"
    assert message.startswith("'resumed' while the interaction is open, expected one of")
    doc["events"] = []
    with pytest.raises(InvalidEntityError) as info:
        CONV.structure(doc, Interaction)
    assert info.value.problems == (
        ("events", "(), expected a timeline that starts with an 'opened' event"),
    )


@pytest.mark.parametrize("value", [None, [], "x", 3, 2.5, True, [{"id": "x"}]])
def test_a_document_must_be_an_object(value: object) -> None:
    with pytest.raises(InvalidEntityError) as info:
        CONV.structure(value, Interaction)
    [(path, message)] = info.value.problems
    assert path == ""
    assert message.endswith("expected an object (a mapping) with the keys of Interaction")
    assert str(info.value).startswith("Interaction: 1 problem\n  ")


def test_unknown_keys_that_are_not_text() -> None:
    doc = {"kind": "opened", "at": "2026-05-01T09:00:00Z", 3: "x", "not a name": 1}
    with pytest.raises(InvalidEntityError) as info:
        CONV.structure(doc, Event)
    assert sorted(path for path, _ in info.value.problems) == ["['not a name']", "[3]"]


class Code:
    """A type that csroles knows nothing about: its hook comes from the user."""


@attrs.frozen
class WithCode:
    code: Code


attrs.resolve_types(WithCode)
WithCode.__module__ = "csroles._sample"


def test_other_exceptions_from_user_hooks_are_reported_too() -> None:
    conv = make_converter()

    def explode(value: object, _: object) -> Code:
        error = RuntimeError("boom")
        error.add_note("a note of the hook's own")
        raise error

    conv.register_structure_hook(Code, explode)
    with pytest.raises(InvalidEntityError) as info:
        conv.structure({"code": 1}, WithCode)
    assert problems(info) == {"code": "RuntimeError('boom'), expected a valid value"}

    def refuse(value: object, _: object) -> Code:
        raise InvalidEntityError("Code: 1, expected a code")

    conv = make_converter()
    conv.register_structure_hook(Code, refuse)
    with pytest.raises(InvalidEntityError) as info:
        conv.structure({"code": 1}, WithCode)
    assert problems(info) == {"code": "Code: 1, expected a code"}


@attrs.frozen
class WithDeque:
    queue: collections.deque[int]


attrs.resolve_types(WithDeque)
WithDeque.__module__ = "csroles._sample"


def test_problems_inside_cattrs_own_collections_keep_their_index() -> None:
    # Types csroles has no hook for fall back to the converter's own hooks,
    # whose detailed errors are turned into paths as well.
    with pytest.raises(InvalidEntityError) as info:
        CONV.structure({"queue": [1, "x"]}, WithDeque)
    [(path, _)] = info.value.problems
    assert path == "queue[1]"


def test_only_two_member_unions_with_none_are_optional() -> None:
    from csroles.converters import _optional_of

    assert _optional_of(int | None) is int
    assert _optional_of(int | str | None) is None
    assert _optional_of(int) is None


# ------------------------------------------------------------------ the converter itself


def test_configure_converter_leaves_the_rest_alone() -> None:
    conv = cattrs.Converter()
    configure_converter(conv)
    assert conv.structure("5", int) == 5  # cattrs' own behaviour for plain types

    @attrs.frozen
    class Mine:
        n: int

    assert conv.structure({"n": "7", "extra": 1}, Mine) == Mine(n=7)
    assert conv.unstructure(Mine(n=1)) == {"n": 1}


def test_configure_converter_needs_a_converter() -> None:
    for wrong in (None, cattrs.BaseConverter(), "conv"):
        with pytest.raises(
            InvalidEntityError, match=r"^configure_converter\.converter: .*, expected a cattrs"
        ):
            configure_converter(wrong)  # type: ignore[arg-type]


def test_nothing_is_registered_globally() -> None:
    make_converter()
    with pytest.raises(cattrs.errors.StructureHandlerNotFoundError):
        cattrs.global_converter.structure("2026-05-01T10:00:00Z", datetime)


def test_make_converter_passes_options_on() -> None:
    conv = make_converter(omit_if_default=True)
    assert isinstance(conv, cattrs.Converter)
    assert conv.omit_if_default


def test_equal_instants_in_a_dst_fold_round_trip() -> None:
    rome = pendulum.timezone("Europe/Rome")
    for fold in (0, 1):
        at = datetime(2026, 10, 25, 2, 30, fold=fold, tzinfo=rome)
        event = Event(kind=EventKind.OPENED, at=at)
        doc = CONV.unstructure(event)
        assert doc["at"] == ("2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00")[fold]
        assert CONV.structure(doc, Event) == event
    offset = timezone(timedelta(hours=5, minutes=45, seconds=30))
    odd = Event(kind=EventKind.OPENED, at=datetime(2026, 1, 1, tzinfo=offset))
    assert CONV.structure(json.loads(json.dumps(CONV.unstructure(odd))), Event) == odd


# ------------------------------------------------------------------ fuzzing

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@given(json_values)
def test_fuzz_only_invalid_entity_errors_escape(value: object) -> None:
    for tp in (Interaction, Event, Sample, Customer, Account, Party, Escalation):
        found: tuple[tuple[str, str], ...] = ()
        try:
            CONV.structure(value, tp)
        except InvalidEntityError as error:
            found = error.problems
        else:  # pragma: no cover (random values are never valid entities)
            pytest.fail(f"{value!r} structured as {tp.__name__}")
        assert found
        assert all(type(path) is str and type(text) is str for path, text in found)


# ------------------------------------------------------------------ corrupting valid documents

ENTITY_STRATEGIES: list[tuple[type, st.SearchStrategy[Any]]] = [
    (Customer, customers()),
    (Account, accounts()),
    (Event, events()),
    (Interaction, interactions(max_events=8)),
    (Party, parties()),
    (Escalation, escalations()),
]
IDS = [cls.__name__ for cls, _ in ENTITY_STRATEGIES]


def nodes(doc: Any, path: str = "") -> list[tuple[str, tuple[Any, ...], Any]]:
    """Every (path, keys, value) below ``doc``, paths written as the converter writes them."""
    found: list[tuple[str, tuple[Any, ...], Any]] = []

    def walk(node: Any, path: str, keys: tuple[Any, ...]) -> None:
        found.append((path, keys, node))
        if isinstance(node, dict):
            for key, child in node.items():
                walk(child, f"{path}.{key}" if path else key, (*keys, key))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, f"{path}[{index}]", (*keys, index))

    walk(doc, path, ())
    return found


def replaced(doc: Any, keys: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(doc))
    if not keys:
        return value
    parent = copy
    for key in keys[:-1]:
        parent = parent[key]
    parent[keys[-1]] = value
    return copy


def paths_of(cls: type, doc: Any) -> list[str] | None:
    try:
        CONV.structure(doc, cls)
    except InvalidEntityError as error:
        return [path for path, _ in error.problems]
    return None


@pytest.mark.parametrize(("cls", "strategy"), ENTITY_STRATEGIES, ids=IDS)
def test_a_corrupted_field_is_reported_at_its_path(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    @given(strategy, st.data())
    def check(value: Any, data: st.DataObject) -> None:
        doc = CONV.unstructure(value)
        leaves = [(p, k) for p, k, node in nodes(doc) if not isinstance(node, (dict, list))]
        path, keys = data.draw(st.sampled_from(leaves), label="leaf")
        # An object is never a valid scalar: exactly that field is reported.
        assert paths_of(cls, replaced(doc, keys, {"corrupt": []})) == [path]
        # Nor is a list anything but a list.
        lists = [(p, k) for p, k, node in nodes(doc) if isinstance(node, list)]
        if lists:
            path, keys = data.draw(st.sampled_from(lists), label="list")
            assert paths_of(cls, replaced(doc, keys, "corrupt")) == [path]

    check()


@pytest.mark.parametrize(("cls", "strategy"), ENTITY_STRATEGIES, ids=IDS)
def test_unknown_and_missing_keys_are_reported_at_their_path(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    @given(strategy, st.data())
    def check(value: Any, data: st.DataObject) -> None:
        doc = CONV.unstructure(value)
        objects = [(p, k, node) for p, k, node in nodes(doc) if isinstance(node, dict)]
        path, keys, node = data.draw(st.sampled_from(objects), label="object")
        extra = {**node, "surplus": 1}
        assert paths_of(cls, replaced(doc, keys, extra)) == [
            f"{path}.surplus" if path else "surplus"
        ]
        key = data.draw(st.sampled_from(sorted(node)), label="key")
        shorter = {k: v for k, v in node.items() if k != key}
        found = paths_of(cls, replaced(doc, keys, shorter))
        where = f"{path}.{key}" if path else key
        # Either the key was optional and its default is valid, or that key is reported.
        assert found is None or found == [where], (where, found)

    check()


@pytest.mark.parametrize(("cls", "strategy"), ENTITY_STRATEGIES, ids=IDS)
def test_fuzzing_valid_documents_only_gives_invalid_entity_errors(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    @given(strategy, st.data())
    def check(value: Any, data: st.DataObject) -> None:
        doc = CONV.unstructure(value)
        for _ in range(3):
            _, keys, _ = data.draw(st.sampled_from(nodes(doc)), label="node")
            doc = replaced(doc, keys, data.draw(json_values, label="junk"))
        result: object = None
        problems: tuple[tuple[str, str], ...] = ()
        try:
            result = CONV.structure(doc, cls)
        except InvalidEntityError as error:
            problems = error.problems
        assert problems or type(result) is cls

    check()
