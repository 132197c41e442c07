"""Plain data in and out: the cattrs hooks for every csroles entity.

csroles registers nothing on :data:`cattrs.global_converter`. Either install its
hooks on a converter of yours with :func:`configure_converter`, or take a new,
configured one from :func:`make_converter`:

>>> import json
>>> from datetime import datetime, UTC
>>> from csroles import Event, EventKind, make_converter
>>> conv = make_converter()
>>> event = Event(
...     kind=EventKind.AGENT_REPLIED, at=datetime(2026, 5, 1, 8, 30, tzinfo=UTC), by="a-7"
... )
>>> doc = conv.unstructure(event)
>>> doc
{'kind': 'agent_replied', 'at': '2026-05-01T08:30:00+00:00', 'by': 'a-7'}
>>> conv.structure(json.loads(json.dumps(doc)), Event) == event
True

Structuring checks everything and reports every problem at once, each with its
path, in one :class:`~csroles.InvalidEntityError`:

>>> conv.structure({"kind": "replied", "at": "2026-05-01T10:00:00", "by": "a-7", "mood": 3}, Event)
Traceback (most recent call last):
...
csroles.errors.InvalidEntityError: Event: 3 problems
  kind: 'replied', expected an EventKind: one of 'opened', ...
  at: naive datetime '2026-05-01T10:00:00', expected an offset such as '+02:00' or 'Z'
  mood: unknown key, expected only the keys of Event: ...

The formats (see the docs' Serialization page):

- aware datetimes as ISO 8601 text with their UTC offset (``"2026-05-01T10:00:00+02:00"``);
  ``datetime.date`` as ``"2026-05-01"``, ``datetime.time`` as ``"09:30:00"``;
- durations as ISO 8601 durations in hours, minutes and seconds (``"PT1H30M"``,
  ``"PT0.000001S"``, ``"-PT15M"``), exact to the microsecond; on input ``D``
  (24 hours) and ``W`` (7 days) are accepted too, years and months are not;
- ``Decimal`` amounts as text (``"1250.00"``) of at most 100 characters, exact; on input
  finite JSON numbers too;
- enums by value, tuples as lists, frozensets as sorted lists, mapping keys as text;
- optional fields left at their default (``None``, empty) are omitted.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import collections.abc
import enum
import math
import operator
import re
import sys
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import cattrs.fns
from cattrs.errors import AttributeValidationNote, ForbiddenExtraKeysError, IterableValidationNote
from cattrs.gen import make_dict_unstructure_fn, override

from csroles import _validation as v
from csroles.errors import CsrolesError, InvalidEntityError
from csroles.sla.calendar import BusinessCalendar
from csroles.sla.clocks import SLAClock
from csroles.sla.policy import SLA
from csroles.sla.selection import PolicyCondition
from csroles.vocabulary import Priority

__all__ = ["configure_converter", "make_converter"]

Hook = Callable[[Any, Any], Any]
Unhook = Callable[[Any], Any]
Problems = tuple[tuple[str, str], ...]


# ------------------------------------------------------------------ errors


def _error(problems: Problems, subject: str = "") -> InvalidEntityError:
    """One InvalidEntityError for all ``problems``, listed one per line under ``subject``.

    The problems of nested values travel up with their paths and are raised
    once, by the outermost entity.
    """
    if not subject and len(problems) == 1 and not problems[0][0]:
        text = problems[0][1]
    else:
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        lines = "".join(f"\n  {_line(path, message)}" for path, message in problems)
        text = f"{subject or 'value'}: {count}{lines}"
    return InvalidEntityError(text, problems=problems)


def _line(path: str, message: str) -> str:
    return f"{path}: {message}" if path else message


def _fail(message: str) -> typing.NoReturn:
    raise _error((("", message),))


def _join(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def _key_path(key: object) -> str:
    return key if isinstance(key, str) and key.isidentifier() else f"[{_short(key)}]"


_OWNED_MESSAGE = re.compile(r"(?s)([A-Za-z_]\w*)\.([A-Za-z_][\w\[\].]*): (.*)")


def _problems(exc: BaseException, cl: object = None) -> list[tuple[str, str]]:
    """The (path, message) pairs that an exception raised while structuring stands for."""
    if isinstance(exc, InvalidEntityError) and exc.problems:
        return list(exc.problems)
    if isinstance(exc, BaseExceptionGroup):  # cattrs' detailed validation
        owner = getattr(exc, "cl", cl)
        found: list[tuple[str, str]] = []
        for sub in exc.exceptions:
            prefix = _note_path(sub)
            found.extend((_join(prefix, p), m) for p, m in _problems(sub, owner))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        known = ", ".join(repr(k) for k in _keys(exc.cl))
        expected = f"expected only the keys of {exc.cl.__name__}: {known}"
        return [
            (_key_path(k), f"unknown key, {expected}") for k in sorted(exc.extra_fields, key=repr)
        ]
    if isinstance(exc, CsrolesError):
        # An entity's own check: "Event.score: 9, expected ..." names the field.
        owned = _OWNED_MESSAGE.fullmatch(str(exc))
        if owned and isinstance(cl, type) and owned[1] == cl.__name__:
            return [(owned[2], owned[3])]
    return [("", _leaf_message(exc))]


def _note_path(exc: BaseException) -> str:
    """The attribute name or index that cattrs noted on ``exc``."""
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return note.name
        if isinstance(note, IterableValidationNote):
            return f"[{note.index}]"
    return ""


def _leaf_message(exc: BaseException) -> str:
    if isinstance(exc, KeyError):  # a required key is missing; its note names it
        return "missing, expected a value (the key is required)"
    if isinstance(exc, CsrolesError):
        return str(exc)
    return f"{_short(exc)}, expected a valid value"


def _keys(cl: type) -> tuple[str, ...]:
    return tuple(a.alias for a in attrs.fields(cl) if a.init)


# ------------------------------------------------------------------ scalars


def _structure_str(value: object, _: object = None) -> str:
    if type(value) is str:
        return value
    _fail(f"{_short(value)}, expected a string")


def _structure_int(value: object, _: object = None) -> int:
    if type(value) is int:
        return value
    _fail(f"{_short(value)}, expected an integer")


def _structure_float(value: object, _: object = None) -> float:
    if type(value) is float and math.isfinite(value):
        return value
    if type(value) is int:
        if abs(value) <= _FLOAT_MAX:
            return float(value)
        _fail(f"{_short(value)}, expected a finite number (this one is too large for a float)")
    _fail(f"{_short(value)}, expected a finite number")


_FLOAT_MAX = int(sys.float_info.max)


def _structure_bool(value: object, _: object = None) -> bool:
    if type(value) is bool:
        return value
    _fail(f"{_short(value)}, expected true or false")


_DATETIME_FORM = "an ISO 8601 date and time with a UTC offset, such as '2026-05-01T10:00:00+02:00'"


def _structure_datetime(value: object, _: object = None) -> datetime:
    if type(value) is str:
        try:
            result = datetime.fromisoformat(value)
        except ValueError:
            _fail(f"{_short(value)}, expected {_DATETIME_FORM}")
    elif isinstance(value, datetime):
        result = value
    else:
        _fail(f"{_short(value)}, expected {_DATETIME_FORM}")
    if result.utcoffset() is None:
        _fail(f"naive datetime {_short(value)}, expected an offset such as '+02:00' or 'Z'")
    return v.check_instant("datetime", "value", result)


def _structure_date(value: object, _: object = None) -> date:
    if type(value) is str:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    elif type(value) is date:
        return value
    _fail(f"{_short(value)}, expected an ISO 8601 date such as '2026-05-01'")


def _structure_time(value: object, _: object = None) -> time:
    if type(value) is str:
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    elif type(value) is time:
        return value
    _fail(f"{_short(value)}, expected an ISO 8601 time of day such as '09:30:00'")


_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?")
_DECIMAL_CHARS = 100  # the longest text of an amount, read or written
_DECIMAL_FORM = (
    f"a decimal number as text of at most {_DECIMAL_CHARS} characters such as '1250.00' "
    "(or a finite JSON number)"
)


def _structure_decimal(value: object, _: object = None) -> Decimal:
    """An amount, exact; refused when its text would be longer than the form allows.

    What is read is written back as ``str(amount)``: the same bound applies to
    that text, so every amount read can be read again.
    """
    number = None
    if (type(value) is str and len(value) <= _DECIMAL_CHARS and _DECIMAL.fullmatch(value)) or (
        type(value) is int and value.bit_length() <= 4 * _DECIMAL_CHARS  # exact
    ):
        number = Decimal(value)
    elif type(value) is float and math.isfinite(value):
        number = Decimal(repr(value))
    elif type(value) is Decimal and value.is_finite():
        number = value
    if number is None or len(str(number)) > _DECIMAL_CHARS:
        _fail(f"{_short(value)}, expected {_DECIMAL_FORM}")
    return number


_DURATION = re.compile(
    r"(-)?P(?:(\d{1,9})W)?(?:(\d{1,9})D)?"
    r"(?:T(?=\d)(?:(\d{1,12})H)?(?:(\d{1,14})M)?(?:(\d{1,15})(?:[.,](\d{1,6}))?S)?)?"
)
_DURATION_FORM = "an ISO 8601 duration such as 'PT1H30M' or 'PT0.5S' (no years or months)"


def _structure_timedelta(value: object, _: object = None) -> timedelta:
    if isinstance(value, timedelta):
        return v.check_duration("duration", "value", value, allow_negative=True)
    match = _DURATION.fullmatch(value) if type(value) is str else None
    if match is None or not any(match.groups()[1:]):
        _fail(f"{_short(value)}, expected {_DURATION_FORM}")
    sign, weeks, days, hours, minutes, seconds, fraction = match.groups()
    try:
        result = timedelta(
            weeks=int(weeks or 0),
            days=int(days or 0),
            hours=int(hours or 0),
            minutes=int(minutes or 0),
            seconds=int(seconds or 0),
            microseconds=int((fraction or "").ljust(6, "0")),
        )
    except OverflowError:
        _fail(f"{_short(value)} is too long, expected a duration under 999999999 days")
    return -result if sign else result


def _unstructure_timedelta(value: timedelta) -> str:
    total = (value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds
    sign = "-" if total < 0 else ""
    seconds, micros = divmod(abs(total), 1_000_000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    text = f"{hours}H" if hours else ""
    text += f"{minutes}M" if minutes else ""
    if micros:
        text += f"{seconds}.{micros:06d}".rstrip("0") + "S"
    elif seconds or not text:
        text += f"{seconds}S"
    return f"{sign}PT{text}"


def _enum_hook(cls: type[enum.Enum]) -> Hook:
    members = cls._value2member_map_
    choices = ", ".join(repr(m.value) for m in cls)
    expected = f"expected {v.with_article(cls.__name__)}: one of {choices}"

    def structure_enum(value: object, _: object = None) -> Any:
        try:
            member = members.get(value) if type(value) in {str, int} else None
        except TypeError:  # pragma: no cover (only str and int are looked up)
            member = None
        if member is None:
            _fail(f"{_short(value)}, {expected}")
        return member

    return structure_enum


_ENUM_HOOKS: dict[type[enum.Enum], Hook] = {}


def _structure_str_enum(value: object, cls: type[enum.Enum]) -> Any:
    hook = _ENUM_HOOKS.get(cls)
    if hook is None:
        hook = _ENUM_HOOKS[cls] = _enum_hook(cls)
    return hook(value, cls)


# ------------------------------------------------------------------ collections


def _seq_hook(item: Hook, item_type: object, make: Callable[[list[Any]], Any]) -> Hook:
    def structure_sequence(value: object, _: object = None) -> Any:
        if type(value) is not list and type(value) is not tuple:
            _fail(f"{_short(value)}, expected a list")
        result = []
        problems: list[tuple[str, str]] = []
        for index, element in enumerate(value):
            try:
                result.append(item(element, item_type))
            except Exception as exc:
                problems.extend((_join(f"[{index}]", p), m) for p, m in _problems(exc, item_type))
        if problems:
            raise _error(tuple(problems))
        return make(result)

    return structure_sequence


def _fixed_tuple_hook(items: list[tuple[Hook, object]]) -> Hook:
    def structure_tuple(value: object, _: object = None) -> tuple[Any, ...]:
        if (type(value) is not list and type(value) is not tuple) or len(value) != len(items):
            _fail(f"{_short(value)}, expected a list of {len(items)} items")
        result = []
        problems: list[tuple[str, str]] = []
        for index, (element, (hook, item_type)) in enumerate(zip(value, items, strict=True)):
            try:
                result.append(hook(element, item_type))
            except Exception as exc:
                problems.extend((_join(f"[{index}]", p), m) for p, m in _problems(exc, item_type))
        if problems:
            raise _error(tuple(problems))
        return tuple(result)

    return structure_tuple


def _set_hook(item: Hook, item_type: object, make: Callable[[list[Any]], Any]) -> Hook:
    as_list = _seq_hook(item, item_type, list)

    def structure_set(value: object, _: object = None) -> Any:
        items = as_list(value, list)
        result = make(items)
        if len(result) != len(items):
            _fail(f"{_short(value)}, expected a list without duplicates")
        return result

    return structure_set


def _int_key(value: object, _: object = None) -> int:
    if type(value) is int:
        return value
    if type(value) is str and re.fullmatch(r"-?\d{1,18}", value):
        return int(value)
    _fail(f"{_short(value)}, expected an integer (as text in JSON keys)")


def _mapping_hook(key: Hook, key_type: object, item: Hook, item_type: object) -> Hook:
    def structure_mapping(value: object, _: object = None) -> dict[Any, Any]:
        if not isinstance(value, collections.abc.Mapping):
            _fail(f"{_short(value)}, expected an object (a mapping)")
        result = {}
        raw_keys: dict[Any, object] = {}
        problems: list[tuple[str, str]] = []
        for raw_key, element in value.items():
            path = _key_path(raw_key)
            try:
                structured_key = key(raw_key, key_type)
            except Exception as exc:
                problems.extend((path, f"key {m}") for _, m in _problems(exc, key_type))
                continue
            if structured_key in raw_keys:  # "0" and "00", "2026-05-01" and "20260501"
                first = _short(raw_keys[structured_key])
                message = (
                    f"key {_short(raw_key)} means the same as key {first}, expected each key once"
                )
                problems.append((path, message))
                continue
            raw_keys[structured_key] = raw_key
            try:
                result[structured_key] = item(element, item_type)
            except Exception as exc:
                problems.extend((_join(path, p), m) for p, m in _problems(exc, item_type))
        if problems:
            raise _error(tuple(problems))
        return result

    return structure_mapping


def _optional_hook(inner: Hook, inner_type: object) -> Hook:
    def structure_optional(value: object, _: object = None) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure_optional


_short = v.quote  # every value a message quotes: bounded, and never raising


# ------------------------------------------------------------------ type dispatch

_SCALARS: dict[object, Hook] = {
    str: _structure_str,
    int: _structure_int,
    float: _structure_float,
    bool: _structure_bool,
    datetime: _structure_datetime,
    date: _structure_date,
    time: _structure_time,
    timedelta: _structure_timedelta,
    Decimal: _structure_decimal,
}
_SEQUENCES = {list: list, tuple: tuple, collections.abc.Sequence: tuple}
_SETS = {frozenset: frozenset, set: set, collections.abc.Set: frozenset}
_MAPPINGS = {dict, collections.abc.Mapping}


def _optional_of(tp: object) -> object | None:
    """The ``X`` of ``X | None``, or ``None`` if ``tp`` is not such a union."""
    if typing.get_origin(tp) in {typing.Union, types.UnionType}:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            inner: object = args[0]
            return inner
    return None


def _scalar_or_mapping(tp: object) -> tuple[object, object] | None:
    """The ``(X, M)`` of ``X | M`` where ``M`` is a mapping type and ``X`` is not."""
    if typing.get_origin(tp) not in {typing.Union, types.UnionType}:
        return None
    args = typing.get_args(tp)
    mappings = [a for a in args if typing.get_origin(a) in _MAPPINGS]
    if len(args) != 2 or len(mappings) != 1:
        return None
    scalar = args[1] if args[0] is mappings[0] else args[0]
    return scalar, mappings[0]


def _either_hook(scalar: tuple[Hook, object], mapping: tuple[Hook, object]) -> Hook:
    """Structure an object with the mapping's hook, anything else with the scalar's."""

    def structure_either(value: object, _: object = None) -> Any:
        hook, tp = mapping if isinstance(value, collections.abc.Mapping) else scalar
        return hook(value, tp)

    return structure_either


def _generic_of_ours(tp: object) -> bool:
    """Whether ``tp`` is a collection or optional type of csroles entities or vocabularies.

    The converter structures these itself, also at the top level
    (``structure(doc, list[Channel])``), so that their problems are reported
    as one InvalidEntityError like those of an entity's fields.
    """
    origin = typing.get_origin(tp)
    if origin not in {tuple, typing.Union, types.UnionType, *_SEQUENCES, *_SETS, *_MAPPINGS}:
        return False
    if origin in {typing.Union, types.UnionType} and _optional_of(tp) is None:
        return False
    return any(
        _is_entity(a) or _is_vocabulary(a) or _generic_of_ours(a)
        for a in typing.get_args(tp)
        if a is not Ellipsis
    )


def _structure_hook(conv: cattrs.Converter, tp: Any) -> Hook:  # noqa: PLR0911 (a return per kind of type)
    """A strict structure hook for ``tp`` that reports problems with their paths."""
    scalar = _SCALARS.get(tp)
    if scalar is not None:
        return scalar
    inner = _optional_of(tp)
    if inner is not None:
        return _optional_hook(_structure_hook(conv, inner), inner)
    either = _scalar_or_mapping(tp)
    if either is not None:
        scalar_type, mapping_type = either
        return _either_hook(
            (_structure_hook(conv, scalar_type), scalar_type),
            (_structure_hook(conv, mapping_type), mapping_type),
        )
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_hook(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and args and args[-1] is not Ellipsis:
        return _fixed_tuple_hook([(_structure_hook(conv, a), a) for a in args])
    if origin in _SEQUENCES:
        item = args[0] if args else Any
        return _seq_hook(_structure_hook(conv, item), item, _SEQUENCES[origin])
    if origin in _SETS:
        item = args[0] if args else Any
        return _set_hook(_structure_hook(conv, item), item, _SETS[origin])
    if origin in _MAPPINGS:
        key_type, item_type = args or (Any, Any)
        key = _int_key if key_type is int else _structure_hook(conv, key_type)
        return _mapping_hook(key, key_type, _structure_hook(conv, item_type), item_type)
    hook: Hook = conv.get_structure_hook(tp)
    return hook


# cattrs inlines fields whose hook is its own identity function.
_identity: Unhook = cattrs.fns.identity


def _unstructure_hook(conv: cattrs.Converter, tp: Any) -> Unhook:  # noqa: PLR0911 (a return per kind of type)
    """The unstructure hook for a field of type ``tp``: JSON-ready values only."""
    if tp in {str, int, float, bool, type(None), Any}:
        return _identity
    simple = _UNSTRUCTURE_SCALARS.get(tp)
    if simple is not None:
        return simple
    inner = _optional_of(tp)
    if inner is not None:
        inner_hook = _unstructure_hook(conv, inner)
        if inner_hook is _identity:
            return _identity
        return lambda value: None if value is None else inner_hook(value)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_value
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and args and args[-1] is not Ellipsis:
        hooks = [_unstructure_hook(conv, a) for a in args]
        return lambda value: [h(x) for h, x in zip(hooks, value, strict=True)]
    if origin in _SEQUENCES or origin in _SETS:
        item = _unstructure_hook(conv, args[0] if args else Any)
        if origin in _SETS:
            return lambda value: _sorted(list(map(item, value)))
        if item is _identity:
            return list
        # map runs the loop in C: a timeline of events is the longest list
        # that entities write, and a comprehension's frame costs more.
        return lambda value: list(map(item, value))
    if origin in _MAPPINGS:
        key_type, item_type = args or (Any, Any)
        key = _unstructure_key(conv, key_type)
        value_hook = _unstructure_hook(conv, item_type)
        return lambda value: {key(k): value_hook(x) for k, x in value.items()}
    hook: Unhook = conv.get_unstructure_hook(tp)
    return hook


_enum_value = operator.attrgetter("value")
_UNSTRUCTURE_SCALARS: dict[object, Unhook] = {
    datetime: datetime.isoformat,
    date: date.isoformat,
    time: time.isoformat,
    timedelta: _unstructure_timedelta,
    Decimal: str,
}


def _unstructure_key(conv: cattrs.Converter, tp: object) -> Unhook:
    hook = _unstructure_hook(conv, tp)
    return lambda key: str(hook(key))


def _sorted(items: list[Any]) -> list[Any]:
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=repr)


# ------------------------------------------------------------------ entities


# Fields stored in one shape and written in another: the type of the written
# form, and how to turn the stored value into it. A calendar stores its hours as
# sorted (weekday, shifts) pairs and writes them as the mapping its constructor
# takes: {"0": [["09:00:00", "17:00:00"]]}.
_FORMS: dict[type, dict[str, tuple[object, Unhook]]] = {
    BusinessCalendar: {
        "hours": (dict[int, tuple[tuple[time, time], ...]], dict),
        "special_hours": (dict[date, tuple[tuple[time, time], ...]], dict),
    },
    # A Metric member or a definition's name: read and written as the plain name.
    SLAClock: {"metric": (str, str)},
    # Vocabulary members or free labels: written as plain strings.
    PolicyCondition: {"values": (frozenset[str], lambda values: frozenset(map(str, values)))},
}


# Fields read in a more lenient form than they are written: an SLA's target for
# a metric (a Metric's value or a definition's name) is one duration for every
# priority, or one per priority, as its constructor takes it.
_READ_FORMS: dict[type, dict[str, object]] = {
    SLA: {"targets": dict[str, timedelta | dict[Priority, timedelta]]},
}


def _field_type(cl: type, field: attrs.Attribute[Any]) -> object:
    read = _READ_FORMS.get(cl, {}).get(field.name)
    if read is not None:
        return read
    form = _FORMS.get(cl, {}).get(field.name)
    return field.type if form is None else form[0]


def _is_entity(tp: object) -> bool:
    return isinstance(tp, type) and attrs.has(tp) and tp.__module__.startswith("csroles.")


def _is_vocabulary(tp: object) -> bool:
    return (
        isinstance(tp, type) and issubclass(tp, enum.Enum) and tp.__module__.startswith("csroles.")
    )


@attrs.frozen
class _Field:
    """What structuring needs to know of one field of an entity."""

    key: str  # the key in documents (the attrs alias)
    type: object
    hook: Hook
    required: bool


def _entity_structure_factory(conv: cattrs.Converter) -> Callable[[type], Hook]:
    def factory(cl: type) -> Hook:
        fields = [
            _Field(
                key=a.alias,
                type=_field_type(cl, a),
                hook=_structure_hook(conv, _field_type(cl, a)),
                required=a.default is attrs.NOTHING,
            )
            for a in attrs.fields(attrs.resolve_types(cl))
            if a.init
        ]
        name = cl.__name__
        keys = frozenset(f.key for f in fields)
        known = ", ".join(repr(f.key) for f in fields)
        unknown = f"unknown key, expected only the keys of {name}: {known}"
        expected = f"expected an object (a mapping) with the keys of {name}"

        def structure_entity(value: object, _: object = None) -> Any:
            if not isinstance(value, collections.abc.Mapping):
                raise _error((("", f"{_short(value)}, {expected}"),), name)
            arguments: dict[str, Any] = {}
            problems: list[tuple[str, str]] = []
            for field in fields:
                if field.key not in value:
                    if field.required:
                        problems.append((field.key, _MISSING))
                    continue
                try:
                    arguments[field.key] = field.hook(value[field.key], field.type)
                except Exception as exc:
                    problems.extend((_join(field.key, p), m) for p, m in _problems(exc, field.type))
            if len(value) > len(arguments) + len(problems) or not keys.issuperset(value):
                problems.extend(
                    (_key_path(key), unknown)
                    for key in sorted((k for k in value if k not in keys), key=_short)
                )
            if not problems:
                try:
                    return cl(**arguments)
                except Exception as exc:
                    problems.extend(_problems(exc, cl))
            problems.extend(_value_problems(cl, fields, arguments, problems))
            raise _error(tuple(problems), name)

        return structure_entity

    return factory


_MISSING = "missing, expected a value (the key is required)"


def _value_problems(
    cl: type, fields: list[_Field], arguments: dict[str, Any], found: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The problems of the well-typed fields, beyond those ``found`` already.

    The constructor reports its first problem only. The fields that have a
    problem are left at their defaults, and the entity is built again, until
    it is built or a field without a default has a problem, so that a
    document's value problems are all reported, with its type problems.
    """
    defaults = {f.key for f in fields if not f.required}
    keys = {f.key for f in fields}
    broken = {_field_of(path) for path, _ in found} & keys  # unknown keys block nothing
    if not broken <= defaults:  # the entity cannot be built: check field by field
        return _validator_problems(cl, {k: v for k, v in arguments.items() if k not in broken})
    trial = {key: value for key, value in arguments.items() if key not in broken}
    more: list[tuple[str, str]] = []
    for _ in fields:
        try:
            cl(**trial)
        except Exception as exc:
            problems = _problems(exc, cl)
            key = _field_of(problems[0][0])
            if key in broken:  # a field left at its default, which its neighbours refuse
                break
            if key not in trial or key not in defaults:
                more.extend(p for p in problems if p not in found)
                break
            more.extend(problems)
            broken.add(key)
            del trial[key]
        else:
            break
    return more


def _validator_problems(cl: type, arguments: dict[str, Any]) -> list[tuple[str, str]]:
    """The problems that the fields' own attrs validators find, each field alone."""
    found: list[tuple[str, str]] = []
    for attribute in attrs.fields(cl):
        if attribute.alias not in arguments or attribute.validator is None:
            continue
        value = arguments[attribute.alias]
        try:
            if callable(attribute.converter):
                value = attribute.converter(value)
            attribute.validator(cl, attribute, value)
        except CsrolesError as exc:
            found.extend(_problems(exc, cl))
        except Exception:  # noqa: S112 (a check that needs the whole entity)
            continue
    return found


def _field_of(path: str) -> str:
    """The field (the first part) of a problem's path: "languages" for "languages[1]"."""
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _entity_unstructure_factory(conv: cattrs.Converter) -> Callable[[type], Unhook]:
    def factory(cl: type) -> Unhook:
        overrides = {}
        for a in attrs.fields(attrs.resolve_types(cl)):
            if a.init:
                form = _FORMS.get(cl, {}).get(a.name)
                if form is not None:
                    hook = _compose(_unstructure_hook(conv, form[0]), form[1])
                else:
                    inner = _optional_of(a.type) if a.default is None else None
                    # A None default is omitted before the hook is called, so an
                    # optional field can use the hook of its inner type.
                    hook = _unstructure_hook(conv, a.type if inner is None else inner)
                overrides[a.name] = override(unstruct_hook=hook)
        unhook: Unhook = make_dict_unstructure_fn(
            cl,
            conv,
            _cattrs_omit_if_default=True,
            _cattrs_use_alias=True,
            **typing.cast("dict[str, Any]", overrides),
        )
        return unhook

    return factory


def _is_org_chart(tp: object) -> bool:
    return getattr(tp, "__module__", None) == "csroles.hierarchy" and (
        getattr(tp, "__qualname__", None) == "OrgChart"
    )


def _chart_unstructure(conv: cattrs.Converter) -> Unhook:
    """An org chart as its positions (and ``forest`` when set); its catalog only when not the default.

    Charts over the built-in catalog do not carry 20 roles in every document;
    a chart over a catalog of your own carries it, so that it round-trips.
    """
    from csroles.catalog import Catalog, default_catalog
    from csroles.hierarchy import OrgChart, Position

    positions = _unstructure_hook(conv, tuple[Position, ...])
    catalog = conv.get_unstructure_hook(Catalog)

    def unstructure_chart(chart: OrgChart) -> dict[str, Any]:
        data: dict[str, Any] = {"positions": positions(chart.positions)}
        if chart.forest:
            data["forest"] = True
        builtin = default_catalog()
        if chart.catalog is not builtin and chart.catalog != builtin:
            data["catalog"] = catalog(chart.catalog)
        return data

    return unstructure_chart


def _compose(outer: Unhook, inner: Unhook) -> Unhook:
    return lambda value: outer(inner(value))


def configure_converter(converter: cattrs.Converter) -> None:
    """Install the hooks that (un)structure every csroles entity on ``converter``.

    Hooks are registered for the csroles entities and vocabularies, and for
    ``datetime``, ``date``, ``time``, ``timedelta`` and ``Decimal`` (see the formats in the
    module's documentation); nothing else of the converter changes. Field
    values of csroles entities are checked strictly (no ``"5"`` for an integer,
    no text for a list), unknown keys are refused, and every problem is
    reported at once, with its path, in one :class:`~csroles.InvalidEntityError`.

    Args:
        converter: a :class:`cattrs.Converter` (not a ``BaseConverter``).

    >>> import cattrs
    >>> from csroles import Priority, configure_converter
    >>> conv = cattrs.Converter()
    >>> configure_converter(conv)
    >>> conv.structure("urgent", Priority)
    <Priority.URGENT: 'urgent'>

    Raises:
        InvalidEntityError: ``converter`` is not a :class:`cattrs.Converter`.

    .. versionadded:: 0.1.0
    """
    if not isinstance(converter, cattrs.Converter):
        v.fail("configure_converter", "converter", converter, "a cattrs.Converter")
    for tp, hook in _SCALARS.items():
        if tp in {datetime, date, time, timedelta, Decimal}:
            converter.register_structure_hook(tp, hook)
    for tp, unhook in _UNSTRUCTURE_SCALARS.items():
        converter.register_unstructure_hook(tp, unhook)
    # String enums are strings, which cattrs would pass through as they are:
    # registering StrEnum itself makes them travel as plain values.
    converter.register_structure_hook(enum.StrEnum, _structure_str_enum)
    converter.register_unstructure_hook(enum.StrEnum, _enum_value)
    converter.register_structure_hook_factory(_is_vocabulary, _enum_hook)
    converter.register_unstructure_hook_factory(_is_vocabulary, lambda _: _enum_value)
    converter.register_structure_hook_factory(_is_entity, _entity_structure_factory(converter))
    converter.register_structure_hook_factory(
        _generic_of_ours, lambda tp: _structure_hook(converter, tp)
    )
    converter.register_unstructure_hook_factory(_is_entity, _entity_unstructure_factory(converter))
    # Registered last, so it wins over the entity factory; matched by name so that
    # configuring a converter does not import the org chart (and the catalog).
    converter.register_unstructure_hook_factory(
        _is_org_chart, lambda _: _chart_unstructure(converter)
    )


def make_converter(**kwargs: Any) -> cattrs.Converter:
    """A new :class:`cattrs.Converter`, configured by :func:`configure_converter`.

    Args:
        **kwargs: passed to :class:`cattrs.Converter`.

    >>> from csroles import Channel, make_converter
    >>> conv = make_converter()
    >>> conv.unstructure([Channel.CHAT, Channel.PHONE], list[Channel])
    ['chat', 'phone']

    .. versionadded:: 0.1.0
    """
    converter = cattrs.Converter(**kwargs)
    configure_converter(converter)
    return converter
