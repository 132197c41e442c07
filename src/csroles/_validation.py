"""Private validators and converters shared by the entities.

Every check raises :class:`~csroles.errors.InvalidEntityError` with a message
of the form ``"<Class>.<field>: <value!r>, expected <what>"``, so that a user
sees which value of which field broke which rule. The class follows what the
field or argument expects, wherever it is: the time checks (datetimes,
durations, zone names) raise its subclass :class:`~csroles.errors.CalendarError`.
The label is the name the caller used: ``"<Class>.<field>"`` for a field,
``"<function>.<argument>"`` for an argument. Values are quoted by
:func:`quote`, bounded.

The ``check_x(owner, field, value)`` functions can be called anywhere; the
adapters at the end turn them into attrs validators.
"""

from __future__ import annotations

import enum
import functools
import math
import re
import sys
import typing
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, NoReturn, TypeVar

import attrs

from csroles.errors import CalendarError, CsrolesError, InvalidEntityError

__all__: list[str] = []

E = TypeVar("E", bound=enum.Enum)


def with_article(noun: str) -> str:
    """``noun`` with its indefinite article: "an EventKind", "a Channel"."""
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


_QUOTE = 80  # the longest quoted value, in characters


def quote(value: object) -> str:
    """``repr(value)``, bounded: a long one keeps a prefix and says its length.

    It never raises and never does unbounded work: a hostile ``__repr__``, a
    nesting too deep to print or an integer too long to print are described
    by their type instead. Every message that quotes a value goes through it.
    """
    if type(value) is str and len(value) > _QUOTE:
        return f"{value[: _QUOTE - 20]!r}... ({len(value)} characters)"
    if type(value) is int and value.bit_length() > 256:
        return f"<an int of {value.bit_length()} bits>"
    try:
        text = repr(value)
    except Exception:
        return f"<a {type(value).__name__} that cannot be printed>"
    if type(text) is not str:  # pragma: no cover (repr() always returns str)
        return f"<a {type(value).__name__}>"
    if len(text) > _QUOTE:
        return f"{text[: _QUOTE - 20]}... ({len(text)} characters)"
    return text


def close_matches(
    word: str, candidates: Iterable[str], *, n: int = 3, cutoff: float = 0.6
) -> list[str]:
    """The candidates most like ``word`` (``difflib``'s ratio of at least ``cutoff``), best first.

    A word so much longer than every candidate that no ratio can reach the
    cutoff gets none at once: ``difflib`` would index all of it first, which
    takes seconds for a megabyte of hostile text.
    """
    import difflib  # only when a lookup fails

    pool = list(candidates)
    longest = max(map(len, pool), default=0)
    # ratio = 2 * matches / (len(word) + len(candidate)) <= 2 * len(candidate) / (...);
    # the margin of one keeps float rounding at the boundary on difflib's side.
    if len(word) * cutoff > longest * (2 - cutoff) + 1:
        return []
    return difflib.get_close_matches(word, pool, n=n, cutoff=cutoff)


def fail(
    owner: object,
    field: str,
    value: object,
    expected: str,
    *,
    error: type[CsrolesError] = InvalidEntityError,
) -> NoReturn:
    """Raise the standard InvalidEntityError (or ``error``) for ``owner.field``.

    ``owner`` is an instance, a class or a class name.
    """
    if isinstance(owner, str):
        name = owner
    elif isinstance(owner, type):
        name = owner.__name__
    else:
        name = type(owner).__name__
    raise error(f"{name}.{field}: {quote(value)}, expected {expected}")


# ------------------------------------------------------------------ checks
# Plain functions: ``check_x(owner, field, value) -> value``, usable anywhere.


def check_identifier(owner: object, field: str, value: object) -> str:
    """A non-empty string without surrounding whitespace."""
    if type(value) is not str or not value or value != value.strip():
        fail(owner, field, value, "a non-empty string without surrounding whitespace")
    return value


def check_aware(
    owner: object,
    field: str,
    value: object,
    *,
    error: type[CsrolesError] = CalendarError,
) -> datetime:
    """A timezone-aware datetime (a naive one is refused, never taken as UTC)."""
    if not isinstance(value, datetime):
        fail(owner, field, value, "an aware datetime", error=error)
    try:
        offset = value.utcoffset()
    except Exception:
        expected = "an aware datetime whose tzinfo gives a UTC offset under 24 hours"
        fail(owner, field, value, expected, error=error)
    if offset is None:
        fail(
            owner,
            field,
            value,
            "an aware datetime (this one is naive: give it a tzinfo)",
            error=error,
        )
    return value


def check_duration(
    owner: object,
    field: str,
    value: object,
    *,
    allow_negative: bool = False,
    error: type[CsrolesError] = CalendarError,
) -> timedelta:
    """A timedelta, or a pendulum Duration without months or years, as a plain timedelta."""
    if not isinstance(value, timedelta):
        fail(owner, field, value, "a datetime.timedelta", error=error)
    # pendulum.Duration subclasses timedelta and may carry calendar months/years,
    # which are not fixed lengths.
    if getattr(value, "months", 0) or getattr(value, "years", 0):
        fail(owner, field, value, "a fixed-length duration (months and years are not)", error=error)
    result = timedelta(days=value.days, seconds=value.seconds, microseconds=value.microseconds)
    if not allow_negative and result < timedelta(0):
        fail(owner, field, value, "a duration of zero or more", error=error)
    return result


@functools.cache
def _zone_names() -> frozenset[str]:
    """The IANA zone names of the tz database that this system has, read once.

    ``"localtime"`` (the host's own zone, whatever it is) and ``"posixrules"``
    are files in some zone directories but not zones of the database.
    """
    return frozenset(zoneinfo.available_timezones()) - {"localtime", "posixrules"}


# For fast paths that test ``type(name) is str and name in zone_names()`` inline
# (the cached function itself, without a call around it); everything else calls
# known_zone or check_zone.
zone_names = _zone_names


def known_zone(name: object) -> bool:
    """Whether ``name`` is an IANA zone name of the tz database's list of zones.

    The name is looked up in the list, never used to build a path, so a
    directory ("Europe"), an over-long name or the host's "localtime" is
    simply not a zone.
    """
    return type(name) is str and name in _zone_names()


def check_zone(
    owner: object,
    field: str,
    value: object,
    *,
    error: type[CsrolesError] = CalendarError,
) -> str:
    """An IANA time-zone name such as ``"Europe/Rome"``: the one zone check of csroles.

    Every place that takes a zone name (entities, calendars, functions, the
    converter) calls it, so that they accept and refuse the same names.
    """
    if type(value) is not str or not known_zone(value):
        fail(owner, field, value, "an IANA time-zone name such as 'Europe/Rome'", error=error)
    return value


def check_key(owner: object, field: str, value: object) -> str:
    """A snake_case key: lowercase ASCII letters and digits in words joined by ``_``."""
    if type(value) is not str or not _is_snake_case(value):
        fail(owner, field, value, "a snake_case key such as 'customer_service_manager'")
    return value


_SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def _is_snake_case(text: str) -> bool:
    return _SNAKE_CASE.fullmatch(text) is not None


_FLOAT_MAX = int(sys.float_info.max)


def is_finite_number(value: object) -> typing.TypeGuard[int | float]:
    """Whether ``value`` is a finite float or an int (not a bool) that a float can hold.

    ``math.isfinite`` raises ``OverflowError`` for an int beyond a float's
    range; every check of a number that goes on as a float uses this instead.
    """
    if type(value) is float:
        return math.isfinite(value)
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and -_FLOAT_MAX <= value <= _FLOAT_MAX
    )


def check_flag(owner: object, field: str, value: object) -> bool:
    """A bool (not merely a truthy value)."""
    if type(value) is not bool:
        fail(owner, field, value, "True or False")
    return value


def check_positive_int(owner: object, field: str, value: object) -> int:
    """An int of 1 or more (a bool is refused)."""
    if type(value) is not int or value < 1:
        fail(owner, field, value, "an int of 1 or more")
    return value


def check_currency(owner: object, field: str, value: object) -> str:
    """An ISO 4217 currency code: three uppercase ASCII letters such as ``"EUR"``."""
    if type(value) is not str or len(value) != 3 or not all("A" <= c <= "Z" for c in value):
        fail(owner, field, value, "an ISO 4217 currency code such as 'EUR'")
    return value


def check_amount(owner: object, field: str, value: object) -> Decimal:
    """A money amount: a finite Decimal of zero or more.

    Floats are refused: they cannot hold most decimal amounts exactly.
    """
    if not isinstance(value, Decimal) or value.is_nan() or value < 0:
        fail(owner, field, value, "a Decimal of zero or more (floats are inexact)")
    if value.is_infinite():
        fail(owner, field, value, "a finite Decimal")
    return value


# ------------------------------------------------------------------ attrs adapters
# attrs validators ``(instance, attribute, value)``. Entities use validators, not
# converters, for their checks: validators see the instance and the field, so
# their errors can name both, and mypy's attrs plugin types them exactly. The
# only converters are ``tuple`` and ``frozenset``, for immutable collections.


def validator(check: Callable[[object, str, object], object]) -> Callable[[Any, Any, Any], None]:
    """Turn a ``check_x(owner, field, value)`` function into an attrs validator."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check(instance, attribute.name, value)

    return validate


def optional_validator(
    check: Callable[[object, str, object], object],
) -> Callable[[Any, Any, Any], None]:
    """Like :func:`validator`, but ``None`` passes."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute.name, value)

    return validate


def instance_check(cls: type) -> Callable[[object, str, object], object]:
    """A ``check_x(owner, field, value)`` that takes only instances of ``cls``."""

    def check(owner: object, field: str, value: object) -> object:
        if not isinstance(value, cls):
            fail(owner, field, value, with_article(cls.__name__))
        return value

    return check


def to_member(cls: type[E], value: object) -> E | None:
    """The member of ``cls`` that ``value`` is or names, else ``None``.

    A member is itself; a plain ``str`` equal to a member's value names that
    member (the vocabularies are string enums, and data from JSON, forms or
    configuration carries their values). A member of another enum is not
    taken, even when its value is the same text.
    """
    if isinstance(value, cls):
        return value
    if type(value) is str:
        member: E | None = cls._value2member_map_.get(value)  # type: ignore[assignment]
        return member
    return None


def _expected_member(cls: type[enum.Enum]) -> str:
    choices = ", ".join(repr(m.value) for m in cls)
    return f"{with_article(cls.__name__)}: one of {choices}"


def store_normalised(instance: object, name: str, value: object) -> None:
    """Store a normalised value (an enum member for its plain value) in a frozen field.

    Validators see the instance and the field, so their errors name both; the
    one thing they add is this: a field given a member's plain value keeps the
    member. attrs runs validators inside ``__init__``, after every field is
    set and before ``__attrs_post_init__``, so nothing outside sees the plain
    value. This is the only place csroles sets a frozen field by hand.
    """
    if not isinstance(instance, type):  # the converter checks fields with the class alone
        object.__setattr__(instance, name, value)


def own_member(instance: object, field: str, cls: type[E], value: object, expected: str) -> E:
    """The member of ``cls`` that ``value`` is or names, stored in ``instance.field``.

    For entities that check their fields in ``__attrs_post_init__``: a member's
    plain value is replaced by the member; anything else is refused.
    """
    member = to_member(cls, value)
    if member is None:
        fail(instance, field, value, expected)
    if member is not value:
        store_normalised(instance, field, member)
    return member


def member_of(cls: type[enum.Enum]) -> Callable[[Any, Any, Any], None]:
    """An attrs validator: the value is a member of ``cls`` or a member's value.

    A member's value (``"email"`` for ``Channel.EMAIL``) is replaced by the
    member, so the field always holds a member.
    """
    expected = _expected_member(cls)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        member = to_member(cls, value)
        if member is None:
            fail(instance, attribute.name, value, expected)
        if member is not value:
            store_normalised(instance, attribute.name, member)

    return validate


def items(check: Callable[[object, str, object], object]) -> Callable[[Any, Any, Any], None]:
    """An attrs validator for a collection: ``check`` each item, naming its index.

    The value must be a tuple or a frozenset (what :func:`to_tuple` and
    :func:`to_frozenset` make of a collection); a frozenset's items are checked
    in the order of their ``repr``, so that the index named is the same on
    every run. Items that ``check`` normalises (an enum's plain value to its
    member) are stored normalised.
    """

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_collection(instance, attribute.name, value)
        collection = typing.cast("Iterable[object]", value)
        ordered = sorted(collection, key=quote) if type(value) is frozenset else list(collection)
        checked = [
            check(instance, f"{attribute.name}[{i}]", item) for i, item in enumerate(ordered)
        ]
        _store_items(instance, attribute.name, value, ordered, checked)

    return validate


def _store_items(
    instance: object, name: str, value: object, originals: Iterable[object], checked: list[object]
) -> None:
    """Store the checked items if a check normalised any of them (in the collection's type)."""
    if any(new is not old for new, old in zip(checked, originals, strict=True)):
        store_normalised(
            instance, name, frozenset(checked) if type(value) is frozenset else tuple(checked)
        )


def tuple_of(check: Callable[[object, str, object], object]) -> Callable[[Any, Any, Any], None]:
    """An attrs validator: the value is a tuple (after :func:`to_tuple`); ``check`` each item."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            fail(instance, attribute.name, value, "a list or tuple")
        checked = [check(instance, f"{attribute.name}[{i}]", item) for i, item in enumerate(value)]
        _store_items(instance, attribute.name, value, value, checked)

    return validate


def frozenset_of(
    check: Callable[[object, str, object], object],
) -> Callable[[Any, Any, Any], None]:
    """An attrs validator: the value is a frozenset (after :func:`to_frozenset`); ``check`` each item.

    :func:`to_frozenset` leaves a list or tuple with an unhashable item as it is:
    its items are checked first, so the message names the bad item.
    """

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, list | tuple):  # left by to_frozenset: an unhashable item
            for index, item in enumerate(value):
                check(instance, f"{attribute.name}[{index}]", item)
        if not isinstance(value, frozenset):
            fail(instance, attribute.name, value, "a set, list or tuple")
        originals = list(value)
        checked = [check(instance, attribute.name, item) for item in originals]
        _store_items(instance, attribute.name, value, originals, checked)

    return validate


COLLECTION = "a collection such as a list, a tuple or a set (not a string or a mapping)"


def check_collection(owner: object, field: str, value: object) -> None:
    """A tuple or frozenset, as the collection converters make them."""
    if type(value) is not tuple and type(value) is not frozenset:
        fail(owner, field, value, COLLECTION)


def enum_check(cls: type[E]) -> Callable[[object, str, object], E]:
    """A ``check_x`` function: a member of ``cls`` or a member's value, returned as the member."""
    expected = _expected_member(cls)

    def check(owner: object, field: str, value: object) -> E:
        member = to_member(cls, value)
        if member is None:
            fail(owner, field, value, expected)
        return member

    return check


def is_collection(value: object) -> bool:
    """Whether ``value`` is a collection of items: not a string, bytes or a mapping."""
    return isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """An attrs converter: any collection to a tuple.

    mypy's attrs plugin cannot bind a generic converter, so the constructor
    accepts ``Iterable[Any]``; the attribute keeps its precise type, and the
    field's validator checks the items. Anything else (a string, a mapping,
    a number) is passed on unchanged, for the validator to refuse with a
    message that names the field.
    """
    if type(value) is tuple or not is_collection(value):
        return value  # type: ignore[return-value]
    try:
        return tuple(value)
    except Exception:
        return value  # type: ignore[return-value]


def to_frozenset(value: Iterable[Any]) -> frozenset[Any]:
    """An attrs converter: any collection of hashable items to a frozenset.

    Like :func:`to_tuple`, it passes anything else on unchanged for the
    validator to refuse.
    """
    if type(value) is frozenset or not is_collection(value):
        return value  # type: ignore[return-value]
    try:
        return frozenset(value)
    except Exception:
        return value  # type: ignore[return-value]


# ------------------------------------------------------------------ instants
# Aware datetimes are stored with a fixed UTC offset (``datetime.timezone``).
# A zone such as ZoneInfo("Europe/Rome") makes the wall time ambiguous in the
# autumn fold, and Python never finds such a datetime equal to the same instant
# written with an offset (PEP 495); with a fixed offset the stored value is
# exactly what its ISO text says, so entities round-trip through JSON.

_FIXED_ZONES: dict[timedelta, timezone] = {}


def fixed_zone(offset: timedelta) -> timezone:
    """The shared ``timezone`` for a UTC offset (UTC itself for a zero offset)."""
    zone = _FIXED_ZONES.get(offset)
    if zone is None:
        zone = UTC if not offset else timezone(offset)
        _FIXED_ZONES[offset] = zone
    return zone


def check_instant(owner: object, field: str, value: object) -> datetime:
    """An aware datetime, returned as a plain ``datetime`` with a fixed UTC offset.

    The instant and the local wall time are kept; the zone's name is not (it
    travels in its own field where it matters).
    """
    if type(value) is datetime and type(value.tzinfo) is timezone:
        return value
    aware = check_aware(owner, field, value)
    zone = fixed_zone(aware.utcoffset() or timedelta(0))
    if type(aware) is datetime:
        return aware.replace(tzinfo=zone, fold=0)
    return datetime(
        aware.year,
        aware.month,
        aware.day,
        aware.hour,
        aware.minute,
        aware.second,
        aware.microsecond,
        tzinfo=zone,
    )


_T = TypeVar("_T")


def built(cls: type[_T], **values: Any) -> _T:
    """An instance of the attrs class ``cls`` from values valid by construction, unchecked.

    The design's last resort, kept in this one place: code that builds its
    results from values it computed and checked itself (the staffing search
    and plan's figures and rows, an escalation decision's checks) skips the
    field checks of those classes. A day's staffing plan of 4 channels x 48
    intervals went from about 14 ms to about 9 ms with it, and
    ``decide_escalation`` spends a fifth less time (benchmarks/). Every field
    must be given. The fields are set through the class's slots, as attrs's
    own ``__init__`` does; a test builds each such result again with its
    checks and compares.
    """
    instance = object.__new__(cls)
    setters = _SLOT_SETTERS.get(cls) or _slot_setters(cls)
    for name, value in values.items():
        setters[name](instance, value)
    return instance


_SLOT_SETTERS: dict[type, dict[str, Any]] = {}


def _slot_setters(cls: type) -> dict[str, Any]:
    """The ``__set__`` of each field's slot of the (slotted, frozen) attrs class ``cls``."""
    setters = {field.name: getattr(cls, field.name).__set__ for field in attrs.fields(cls)}
    _SLOT_SETTERS[cls] = setters
    return setters
