"""SLA clocks over a table of events: the scalar replay, run for many interactions at once.

The events of every interaction are replayed *in step*: the first event of
every interaction, then the second of every interaction that has one, and so
on. At each step the state machine of the SLA's compiled metric definitions
(:class:`csroles.sla._clockwork.Plan`) is a lookup in a table of (state, kind)
pairs, and each clock operation of :class:`csroles.sla._clockwork.Clock` is
done for every interaction it concerns with array arithmetic; business time
comes from the columnar calendar. Interactions are ordered by their number of
events, longest first, so the interactions still replaying at a step are a
prefix of the arrays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from itertools import repeat
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from csroles import _validation as v
from csroles.columnar._calendar import Ints, _plain, add_us, between_us, instants_column
from csroles.customers import Customer
from csroles.errors import CalendarError
from csroles.interactions import TRANSITIONS, Interaction, Status
from csroles.sla import _clockwork as cw
from csroles.sla._engine import MAX_US, MAX_YEAR, MIN_YEAR
from csroles.sla.calendar import BusinessCalendar
from csroles.sla.clocks import ClockState, _check_now
from csroles.sla.policy import SLA, PriorityChangePolicy, ReopenPolicy, ZonePolicy
from csroles.sla.selection import PolicySet, _choose
from csroles.vocabulary import Channel, Direction, EventKind, Priority, Topic

__all__ = ["EVENT_COLUMNS", "STATUS_COLUMNS", "sla_table", "to_events_table"]

Bools = npt.NDArray[np.bool_]
Table = dict[str, npt.NDArray[Any]]

#: The columns of an events table: required ones first, then those read on
#: each interaction's first row (the opening) when the SLA or policy set needs them,
#: then those of the survey answers, which the service metrics read.
EVENT_COLUMNS: Final = (
    "interaction_id",
    "kind",
    "at",
    "priority",
    "channel",
    "direction",
    "topic",
    "group",
    "tags",
    "segment",
    "timezone",
    "scale",
    "score",
)
_REQUIRED: Final = EVENT_COLUMNS[:4]

#: The columns of the table :func:`sla_table` returns, in order.
STATUS_COLUMNS: Final = (
    "interaction_id",
    "metric",
    "target",
    "elapsed",
    "remaining",
    "state",
    "due",
    "breached",
    "breached_at",
    "completed_cycles",
    "breached_cycles",
    "warning_level",
)

_STATE_VALUES: Final = np.array([state.value for state in ClockState], dtype=object)
_RUNNING, _PAUSED, _WARNING, _MET, _BREACHED = range(5)
_FROM_START = PriorityChangePolicy.FROM_START
_CONTINUE = ReopenPolicy.CONTINUE
_BY_CUSTOMER = ZonePolicy.CUSTOMER


# ------------------------------------------------------------------ entities to a table


def to_events_table(
    interactions: Iterable[Interaction],
    customers: Iterable[Customer] | Mapping[str, Customer] | None = None,
) -> Table:
    """The events of ``interactions`` as a table of columns, the input of :func:`sla_table`.

    One row per event, the interactions in the order given and each one's
    events in time order. The columns are those of :data:`EVENT_COLUMNS`:

    - ``interaction_id`` (object): the interaction's id;
    - ``kind`` (object): the event kind's value, such as ``"opened"``;
    - ``at`` (``datetime64[us]``): the instant, UTC;
    - ``priority`` (object): the interaction's priority on the opening row,
      the new priority on a ``priority_changed`` row, ``None`` elsewhere;
    - on the opening row only (``None`` elsewhere): ``channel``,
      ``direction``, ``topic``, ``group`` and ``tags`` (a frozenset) of the
      interaction, and the ``segment`` and ``timezone`` of its customer
      (``None`` when ``customers`` does not hold it);
    - on ``survey_answered`` rows only (``None`` elsewhere): the ``scale``
      (a :class:`~csroles.interactions.SurveyScale` value) and the ``score``.

    Args:
        interactions: the interactions.
        customers: their customers (by id, or an iterable of customers).

    Raises:
        InvalidEntityError: an item is not an Interaction or a Customer.

    >>> from datetime import UTC, datetime
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles.columnar import to_events_table
    >>> t0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
    >>> ticket = Interaction(
    ...     id="T-1",
    ...     customer_id="C-1",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.BILLING,
    ...     priority=Priority.NORMAL,
    ...     events=[Event(kind=EventKind.OPENED, at=t0), Event(kind=EventKind.RESOLVED, at=t0)],
    ... )
    >>> table = to_events_table([ticket])
    >>> table["kind"].tolist(), table["priority"].tolist()
    (['opened', 'resolved'], ['normal', None])
    >>> table["at"].dtype
    dtype('<M8[us]')

    .. versionadded:: 0.1.0
    """
    owner = "to_events_table"
    by_id: dict[str, Customer] = {}
    if customers is not None:
        items: object = customers.values() if isinstance(customers, Mapping) else customers
        if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
            v.fail(owner, "customers", customers, "an iterable of Customers or a mapping by id")
        for index, customer in enumerate(items):
            if not isinstance(customer, Customer):
                v.fail(owner, f"customers[{index}]", customer, "a Customer")
            by_id[customer.id] = customer
    given: object = interactions  # checked at run time, whatever the annotation says
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        v.fail(owner, "interactions", given, "an iterable of Interactions")
    columns: dict[str, list[Any]] = {name: [] for name in EVENT_COLUMNS}
    at: list[int] = []
    none = [None] * 0
    for index, interaction in enumerate(interactions):
        if not isinstance(interaction, Interaction):
            v.fail(owner, f"interactions[{index}]", interaction, "an Interaction")
        events = interaction.events
        n = len(events)
        customer = by_id.get(interaction.customer_id)
        columns["interaction_id"] += [interaction.id] * n
        columns["kind"] += [event.kind.value for event in events]
        at += [cw.to_us(event.at) for event in events]
        priorities = [None if e.priority is None else e.priority.value for e in events]
        priorities[0] = interaction.priority.value
        columns["priority"] += priorities
        columns["scale"] += [None if e.scale is None else e.scale.value for e in events]
        columns["score"] += [e.score for e in events]
        rest = [None] * (n - 1) if n > 1 else none
        opening = {
            "channel": interaction.channel.value,
            "direction": interaction.direction.value,
            "topic": interaction.topic.value,
            "group": interaction.group,
            "tags": interaction.tags,
            "segment": None if customer is None else customer.segment,
            "timezone": None if customer is None else customer.timezone,
        }
        for name, value in opening.items():
            columns[name].append(value)
            columns[name] += rest
    table: Table = {}
    for name in EVENT_COLUMNS:
        if name == "at":
            table[name] = np.array(at, dtype=np.int64).view("datetime64[us]")
        else:
            array = np.empty(len(columns[name]), dtype=object)
            array[:] = columns[name]
            table[name] = array
    return table


# ------------------------------------------------------------------ reading a table


def _column(owner: str, events: object, name: str, *, required: bool) -> npt.NDArray[Any] | None:
    try:
        found = events[name]  # type: ignore[index]
    except Exception:  # KeyError, or a DataFrame library's own (polars: ColumnNotFoundError)
        if required:
            v.fail(
                owner,
                "events",
                f"a table without {name!r}",
                f"a table with the columns {', '.join(map(repr, _REQUIRED))}",
            )
        return None
    return _plain(owner, f"events[{name!r}]", found)


def _codes(
    owner: str,
    name: str,
    values: npt.NDArray[Any],
    members: Sequence[str],
    *,
    nullable: bool,
    rows: Ints | None = None,
) -> Ints:
    """A column of enum values (or members) as codes into ``members``; -1 for a null.

    Only ``rows`` are read, if given (the codes of the others are -1). The
    common columns (strings of numpy's fixed width, or Python objects) take
    a fast lookup first; what it leaves goes through :func:`_text_codes`.
    """
    n = len(values)
    if rows is not None:
        values = values[rows]
    found = _fast_codes(values, members, nullable=nullable)
    left = np.flatnonzero(found == -2)
    if len(left):
        found[left] = _text_codes(values[left], members, nullable=nullable)
    bad = found == -2
    if bad.any():
        k = int(np.argmax(bad))
        row = k if rows is None else int(rows[k])
        expected = "one of " + ", ".join(repr(m) for m in members)
        if nullable:
            expected += ", or None"
        v.fail(owner, f"events[{name!r}][{row}]", values[k], expected)
    if rows is None:
        return found
    full = np.full(n, -1, dtype=np.int64)
    full[rows] = found
    return full


def _text_codes(values: npt.NDArray[Any], members: Sequence[str], *, nullable: bool) -> Ints:
    """Codes by the values' text (``str`` of each), -1 for a null, -2 for anything else."""
    found = np.full(len(values), -2, dtype=np.int64)
    present: Ints | None = None  # every row
    if values.dtype.kind == "O" and nullable:
        null = values == None  # noqa: E711  # elementwise, on an object array
        found[null] = -1
        present = np.flatnonzero(~null)
    text: npt.NDArray[Any] | None = values if present is None else values[present]
    if text is not None and len(text):
        if text.dtype.kind != "U":
            try:
                text = text.astype(str)
            except (TypeError, ValueError):  # not strings: the caller refuses the first row
                text = None
        if text is not None:
            names = np.array(members)
            order = np.argsort(names)
            at = np.searchsorted(names[order], text)
            np.minimum(at, len(names) - 1, out=at)
            codes = order[at]
            hit = names[codes] == text
            if present is None and hit.all():
                found = codes.astype(np.int64)
            else:
                where = np.flatnonzero(hit) if present is None else present[hit]
                found[where] = codes[hit]
    return found


# Rows of fixed-width strings compared at a time (a chunk's gathered members stay small).
_CHUNK: Final = 1 << 16
_CHAR_BITS: Final = 21  # a code point fits in 21 bits: three make a 63-bit key


def _fast_codes(values: npt.NDArray[Any], members: Sequence[str], *, nullable: bool) -> Ints:
    """Codes of the values equal to a member (or null, -1, if ``nullable``); -2 elsewhere.

    Objects: one dictionary lookup each (a value unhashable or not found is
    -2). Fixed-width strings: a key of at most three characters picks the one
    member a row can be, and a comparison of every character decides.
    """
    n = len(values)
    if values.dtype.kind == "O":
        lookup: dict[object, int] = {member: k for k, member in enumerate(members)}
        if nullable:
            lookup[None] = -1
        items = values.tolist()
        try:
            return np.fromiter(map(lookup.get, items, repeat(-2)), dtype=np.int64, count=n)
        except TypeError:  # an unhashable value: the others still count
            return np.array([_get(lookup, item) for item in items], dtype=np.int64)
    width = values.dtype.itemsize // 4
    if values.dtype.kind != "U" or not n or not width:
        return np.full(n, -2, dtype=np.int64)
    # The members as rows of code points, padded with zeros as numpy pads its strings.
    fitting = [k for k, member in enumerate(members) if len(member) <= width]
    chars = np.zeros((len(members), width), dtype=np.uint32)
    for k in fitting:
        chars[k, : len(members[k])] = [ord(c) for c in members[k]]
    keys_of = _key_positions(chars[fitting]) if fitting else None
    if keys_of is None:
        return np.full(n, -2, dtype=np.int64)
    text = np.ascontiguousarray(values).view(np.uint32).reshape(n, width)
    key = np.zeros(n, dtype=np.int64)
    member_key = np.zeros(len(fitting), dtype=np.int64)
    for position in keys_of:
        key <<= _CHAR_BITS
        key |= text[:, position]
        member_key <<= _CHAR_BITS
        member_key |= chars[fitting, position]
    order = np.argsort(member_key)
    sorted_keys = member_key[order]
    at = np.searchsorted(sorted_keys, key)
    np.minimum(at, len(sorted_keys) - 1, out=at)
    found = np.asarray(fitting, dtype=np.int64)[order][at]
    same = sorted_keys[at] == key
    for lo in range(0, n, _CHUNK):
        hi = min(lo + _CHUNK, n)
        same[lo:hi] &= (text[lo:hi] == chars[found[lo:hi]]).all(axis=1)
    found[~same] = -2
    return found


def _get(lookup: dict[object, int], item: object) -> int:
    try:
        return lookup.get(item, -2)
    except TypeError:  # unhashable
        return -2


def _key_positions(chars: npt.NDArray[np.uint32]) -> list[int] | None:
    """At most three character positions that tell the rows of ``chars`` apart (None: none)."""
    if len(chars) <= 1:
        return [0]
    counts = [len(np.unique(chars[:, p])) for p in range(chars.shape[1])]
    chosen: list[int] = []
    for position in sorted(range(len(counts)), key=lambda p: -counts[p])[:3]:
        chosen.append(position)
        if len(np.unique(chars[:, chosen], axis=0)) == len(chars):
            return chosen
    return None


class _Events:
    """An events table read and checked: codes, instants and interaction boundaries."""

    def __init__(self, owner: str, events: object) -> None:
        self.owner = owner
        self.source = events
        if not hasattr(events, "__getitem__"):
            v.fail(owner, "events", events, "a table: a mapping of column to array, or a DataFrame")
        columns = {
            name: _column(owner, events, name, required=name in _REQUIRED) for name in EVENT_COLUMNS
        }
        ids: npt.NDArray[Any] = columns["interaction_id"]  # type: ignore[assignment]  # required
        n = len(ids)
        for name, column in columns.items():
            if column is not None and len(column) != n:
                v.fail(
                    owner,
                    f"events[{name!r}]",
                    f"a column of {len(column)} rows",
                    f"as many rows as events['interaction_id'] ({n})",
                )
        self.columns = columns
        self.ids = ids
        if ids.dtype.kind == "O":
            nulls = ids == None  # noqa: E711  # elementwise, on an object array
            if nulls.any():
                row = int(np.argmax(nulls))
                v.fail(owner, f"events['interaction_id'][{row}]", None, "an interaction id")
        self.kinds = list(EventKind)
        kinds: npt.NDArray[Any] = columns["kind"]  # type: ignore[assignment]  # required
        self.kind = _codes(owner, "kind", kinds, [k.value for k in self.kinds], nullable=False)
        self.at = instants_column(owner, "events['at']", columns["at"])
        self.priorities = list(Priority)
        self._boundaries()
        # The priority is read on the openings and the priority changes only.
        read = self.kind == self.kinds.index(EventKind.PRIORITY_CHANGED)
        read[self.first] = True
        priorities: npt.NDArray[Any] = columns["priority"]  # type: ignore[assignment]  # required
        self.priority = _codes(
            owner,
            "priority",
            priorities,
            [p.value for p in Priority],
            nullable=True,
            rows=np.flatnonzero(read),
        )
        self._check_openings()

    def _boundaries(self) -> None:
        """Where each interaction's rows start, checking that they are together and in order."""
        owner, ids, n = self.owner, self.ids, len(self.ids)
        if n:
            changes = np.flatnonzero(ids[1:] != ids[:-1]) + 1
            self.first = np.concatenate(([0], changes)).astype(np.int64)
        else:
            self.first = np.empty(0, dtype=np.int64)
        self.length = np.diff(np.append(self.first, n))
        first_ids = ids[self.first].tolist()
        if len(set(first_ids)) != len(first_ids):
            seen: set[object] = set()
            for k, value in enumerate(first_ids):
                if value in seen:
                    v.fail(
                        owner,
                        f"events['interaction_id'][{int(self.first[k])}]",
                        value,
                        "the rows of each interaction together "
                        "(this id comes back after other interactions' rows)",
                    )
                seen.add(value)
        back = np.flatnonzero(self.at[1:] < self.at[:-1]) + 1
        if len(back):
            inside = np.ones(n, dtype=bool)
            inside[self.first] = False
            back = back[inside[back]]
        if len(back):
            row = int(back[0])
            v.fail(
                owner,
                f"events['at'][{row}]",
                self.at[row : row + 1].view("datetime64[us]")[0],
                "events in time order within each interaction "
                "(this one is earlier than the row before it)",
            )

    def _check_openings(self) -> None:
        """An opening first in each interaction, with its priority, and never again."""
        owner = self.owner
        opening = self.kinds.index(EventKind.OPENED)
        not_opening = self.kind[self.first] != opening
        if not_opening.any():
            row = int(self.first[np.argmax(not_opening)])
            v.fail(
                owner,
                f"events['kind'][{row}]",
                self.kinds[self.kind[row]].value,
                "'opened' as the first row of each interaction",
            )
        again = self.kind == opening
        again[self.first] = False
        if again.any():
            row = int(np.argmax(again))
            v.fail(
                owner,
                f"events['kind'][{row}]",
                "opened",
                "'opened' only as the first row of an interaction",
            )
        no_priority = self.priority[self.first] < 0
        if no_priority.any():
            row = int(self.first[np.argmax(no_priority)])
            v.fail(
                owner,
                f"events['priority'][{row}]",
                None,
                "the interaction's priority on its opening row",
            )

    def opening_values(self, name: str) -> list[Any]:
        column = self.columns.get(name)
        if column is None:
            return [None] * len(self.first)
        return column[self.first].tolist()  # type: ignore[no-any-return]


# ------------------------------------------------------------------ choosing the SLA


class _Facts:
    """What a policy set reads of an interaction and its customer, from the opening row."""

    __slots__ = ("channel", "direction", "group", "priority", "segment", "tags", "topic")

    def __init__(self, values: tuple[Any, ...]) -> None:
        (
            self.channel,
            self.direction,
            self.topic,
            self.priority,
            self.group,
            self.tags,
            self.segment,
        ) = values


def _member(owner: str, name: str, row: int, cls: type[Any], value: object) -> object:
    """A vocabulary member from its value (None stays None: a column the table lacks)."""
    if value is None:
        return None
    try:
        return cls(value)
    except ValueError:
        expected = "one of " + ", ".join(repr(m.value) for m in cls)
        v.fail(owner, f"events[{name!r}][{row}]", value, expected)


def _choices(owner: str, sla: PolicySet, table: _Events) -> list[SLA | None]:
    """The SLA the policy set chooses for each interaction (one choice per distinct facts)."""
    names = ("channel", "direction", "topic", "group", "tags", "segment")
    values = {name: table.opening_values(name) for name in names}
    priorities = table.priority[table.first].tolist()
    found: list[SLA | None] = []
    cache: dict[tuple[Any, ...], SLA | None] = {}
    for k in range(len(table.first)):
        tags = values["tags"][k]
        key = (
            values["channel"][k],
            values["direction"][k],
            values["topic"][k],
            priorities[k],
            values["group"][k],
            frozenset(tags) if tags is not None else frozenset(),
            values["segment"][k],
        )
        chosen = cache.get(key, cache)
        if chosen is cache:
            row = int(table.first[k])
            facts = _Facts(
                (
                    _member(owner, "channel", row, Channel, key[0]),
                    _member(owner, "direction", row, Direction, key[1]),
                    _member(owner, "topic", row, Topic, key[2]),
                    table.priorities[key[3]],
                    key[4],
                    key[5],
                    key[6],
                )
            )
            customer = facts if key[6] is not None else None
            chosen = cache[key] = _choose(sla, facts, customer).sla  # type: ignore[arg-type]
        found.append(chosen)  # type: ignore[arg-type]
    return found


# ------------------------------------------------------------------ business time per model


class _Time:
    """``between`` and ``add`` over arrays for one calendar (``None``: calendar hours)."""

    def __init__(
        self, calendar: BusinessCalendar | None, owner: str, label: Callable[[int], str]
    ) -> None:
        self.calendar = calendar
        self.owner = owner
        self.label = label

    def between(self, a: Ints, b: Ints, who: Ints) -> Ints:
        if self.calendar is None:
            return b - a
        return between_us(
            self.calendar,
            a,
            b,
            owner=self.owner,
            names=("", ""),
            label=lambda row: self.label(int(who[row])),
        )

    def add(self, a: Ints, d: Ints, who: Ints) -> Ints:
        if self.calendar is None:
            found = a + d
            late = found >= MAX_US
            if late.any():
                row = int(np.argmax(late))
                msg = (
                    f"{self.owner}: {self.label(int(who[row]))}: a deadline falls after {MAX_YEAR:04d}-12-31 (UTC), expected deadlines "
                    f"from {MIN_YEAR:04d}-01-01 to {MAX_YEAR:04d}-12-31"
                )
                raise CalendarError(msg)
            return found
        return add_us(
            self.calendar,
            a,
            d,
            owner=self.owner,
            names=("", ""),
            label=lambda row: self.label(int(who[row])),
        )


# ------------------------------------------------------------------ the clocks, in step


class _Clocks:
    """One metric's clocks for a group of interactions: the fields of ``Clock`` as arrays.

    Every method takes the positions ``i`` of the interactions concerned (and
    their instants) and does what ``Clock``'s method of the same name does to
    each, in the same order.
    """

    def __init__(self, n: int, targets: Ints, time: _Time) -> None:
        self.targets = targets  # by priority code
        self.time = time
        self.started = np.zeros(n, dtype=bool)
        self.active = np.zeros(n, dtype=bool)
        self.running = np.zeros(n, dtype=bool)
        self.target = np.zeros(n, dtype=np.int64)
        self.elapsed = np.zeros(n, dtype=np.int64)
        self.mark = np.zeros(n, dtype=np.int64)
        self.pending = np.zeros(n, dtype=np.int64)
        self.has_pending = np.zeros(n, dtype=bool)
        self.breached_at = np.zeros(n, dtype=np.int64)
        self.has_breach = np.zeros(n, dtype=bool)
        self.completed = np.zeros(n, dtype=np.int64)
        self.breaches = np.zeros(n, dtype=np.int64)

    def start(self, i: Ints, at: Ints, priority: Ints) -> None:
        self.started[i] = self.active[i] = self.running[i] = True
        self.target[i] = self.targets[priority]
        self.elapsed[i] = 0
        self.mark[i] = at
        self.has_pending[i] = False
        self.has_breach[i] = False

    def advance(self, i: Ints, at: Ints) -> None:
        if not len(i):
            return
        mark, elapsed, target = self.mark[i], self.elapsed[i], self.target[i]
        grown = elapsed + self.time.between(mark, at, i)
        check = (grown >= target) & ~self.has_breach[i]
        if check.any():
            c = np.flatnonzero(check)
            left = target[c] - elapsed[c]
            due = mark[c].copy()
            positive = np.flatnonzero(left > 0)
            if len(positive):
                due[positive] = self.time.add(mark[c][positive], left[positive], i[c][positive])
            late = at[c] > due
            who = i[c][late]
            self.breached_at[who] = due[late]
            self.has_breach[who] = True
            self.breaches[who] += 1
        self.elapsed[i] = grown
        self.mark[i] = at

    def settle(self, i: Ints) -> None:
        p = i[self.has_pending[i]]
        if len(p):
            pending = self.pending[p]
            self.elapsed[p] += self.time.between(self.mark[p], pending, p)
            self.mark[p] = pending
            self.has_pending[p] = False

    def halt(self, i: Ints, at: Ints) -> None:
        measure = ~self.has_breach[i] & (self.elapsed[i] + at - self.mark[i] >= self.target[i])
        self.advance(i[measure], at[measure])
        later = ~measure
        self.pending[i[later]] = at[later]
        self.has_pending[i[later]] = True
        self.running[i] = False

    def stop(self, i: Ints, at: Ints) -> None:
        running = self.running[i]
        self.halt(i[running], at[running])
        self.active[i] = False
        self.completed[i] += 1

    def resume(self, i: Ints, at: Ints) -> None:
        self.settle(i)
        self.mark[i] = at
        self.running[i] = True

    def reprioritize(self, i: Ints, at: Ints, priority: Ints, *, from_start: bool) -> None:
        target = self.targets[priority]
        fresh = ~self.has_breach[i]
        running = self.running[i]
        r = np.flatnonzero(fresh & running)
        if len(r):
            most = self.elapsed[i[r]] + at[r] - self.mark[i[r]]
            measure = most >= self.target[i[r]]
            if from_start:
                measure |= most > target[r]
            self.advance(i[r][measure], at[r][measure])
        if from_start:
            p = np.flatnonzero(fresh & ~running)
            if len(p):
                who = i[p]
                end = np.where(self.has_pending[who], self.pending[who], self.mark[who])
                self.settle(who[self.elapsed[who] + end - self.mark[who] > target[p]])
        self.target[i] = target
        if not from_start:
            self.elapsed[i] = 0
            self.mark[i] = at
            self.has_pending[i] = False
        else:
            over = ~self.has_breach[i] & ~self.has_pending[i] & (self.elapsed[i] > target)
            who = i[over]
            self.breached_at[who] = at[over]
            self.has_breach[who] = True
            self.breaches[who] += 1

    def result(self, now: int) -> tuple[Ints, Ints]:
        """Every clock at ``now``: its state and due instant (-1 for none)."""
        n = len(self.started)
        everyone = np.arange(n, dtype=np.int64)
        state = np.full(n, _MET, dtype=np.int64)
        due = np.full(n, -1, dtype=np.int64)
        running = everyone[self.running]
        self.advance(running, np.full(len(running), now, dtype=np.int64))
        still = everyone[~self.running]
        self.settle(still)
        breached = self.has_breach
        counting = running[~breached[running]]
        left = self.target[counting] - self.elapsed[counting]
        due_counting = np.full(len(counting), now, dtype=np.int64)
        positive = np.flatnonzero(left > 0)
        if len(positive):
            due_counting[positive] = self.time.add(
                due_counting[positive], left[positive], counting[positive]
            )
        due[counting] = due_counting
        state[counting] = _RUNNING
        overdue = running[breached[running]]
        due[overdue] = self.breached_at[overdue]
        state[still[self.active[still]]] = _PAUSED
        state[breached] = _BREACHED
        return state, due


class _Machine:
    """The compiled steps of an SLA's plan as lookup tables over (state, kind) codes."""

    def __init__(self, sla: SLA, kinds: list[EventKind]) -> None:
        self.plan = sla._plan
        self.kinds = kinds
        self.states: list[Any] = [self.plan.initial]  # state 0: before the opening
        self.ids: dict[int, int] = {}
        metrics = len(self.plan.keys)
        size = (1, len(kinds))
        self.next = np.full(size, -1, dtype=np.int64)
        # Per metric, what the step does as bits: stop 1, pause 2, resume 4, start 8.
        self.flags = np.zeros((metrics, *size), dtype=np.uint8)
        self.busy = np.zeros(size, dtype=bool)

    def _state(self, moves: Any) -> int:
        found = self.ids.get(id(moves))
        if found is None:
            found = self.ids[id(moves)] = len(self.states)
            self.states.append(moves)
            self.next = np.concatenate(
                (self.next, np.full((1, len(self.kinds)), -1, dtype=np.int64))
            )
            self.busy = np.concatenate((self.busy, np.zeros((1, len(self.kinds)), dtype=bool)))
            extra = np.zeros((self.flags.shape[0], 1, len(self.kinds)), dtype=np.uint8)
            self.flags = np.concatenate((self.flags, extra), axis=1)
        return found

    def compile(self, state: int, kind: int) -> bool:
        """Compile the step of ``kind`` from ``state``; False if the lifecycle refuses it."""
        moves = self.states[state]
        if state and self.kinds[kind] not in TRANSITIONS[moves.status]:
            return False
        if not state and kind != self.kinds.index(EventKind.OPENED):
            return False
        target, entries, busy = moves[self.kinds[kind]]
        found = self._state(target)
        self.next[state, kind] = found
        self.busy[state, kind] = busy
        for number, *flags in entries:
            self.flags[number, state, kind] = sum(1 << f for f, flag in enumerate(flags) if flag)
        return True

    def status(self, state: int) -> Status:
        return self.states[state].status  # type: ignore[no-any-return]


class _Replay:
    """The interactions of one SLA and calendar, replayed in step (see the module docstring)."""

    def __init__(
        self, owner: str, sla: SLA, table: _Events, members: Ints, calendar: BusinessCalendar | None
    ) -> None:
        self.owner = owner
        self.table = table
        # Longest timeline first: the interactions still replaying are a prefix.
        self.order = order = members[np.argsort(-table.length[members], kind="stable")]
        self.first = table.first[order]
        length = table.length[order]
        ids, first = table.ids, self.first
        time = _Time(calendar, owner, lambda at: f"interaction {ids[first[at]]!r}")
        plan = sla._plan
        self.machine = _Machine(sla, table.kinds)
        n = len(order)
        self.clocks = [
            _Clocks(
                n,
                np.array([targets.get(p, 0) for p in table.priorities], dtype=np.int64),
                time,
            )
            for targets in plan.targets
        ]
        self.from_start = sla.on_priority_change is _FROM_START
        self.reopen_continues = sla.on_reopen is _CONTINUE
        self.cycles = plan.cycles
        self.changed = table.kinds.index(EventKind.PRIORITY_CHANGED)
        self.state = np.zeros(n, dtype=np.int64)
        self.priority = table.priority[self.first]
        longest = int(length[0]) if n else 0
        # counts[step]: how many interactions have more than ``step`` events.
        self.counts = np.searchsorted(-length, -np.arange(longest), side="left")

    def run(self, now: int) -> None:
        for step, count in enumerate(self.counts.tolist()):
            self.step(step, count, now)

    def _moves(self, rows: Ints) -> tuple[Ints, Ints, Ints]:
        """Each row's kind, its (state, kind) pair and the state it leads to.

        Steps met for the first time are compiled. A pair is ``state * width + kind``,
        the position of the step in the machine's tables read flat.
        """
        machine, kind = self.machine, self.table.kind[rows]
        current = self.state[: len(rows)]
        width = len(self.table.kinds)
        pair = current * width
        pair += kind
        following = machine.next.ravel().take(pair)
        unknown = np.flatnonzero(following < 0)
        if len(unknown):
            pairs = np.flatnonzero(np.bincount(pair[unknown]))
            for s, k in (divmod(found, width) for found in pairs.tolist()):
                if not machine.compile(s, k):
                    bad = unknown[pair[unknown] == s * width + k][0]
                    v.fail(
                        self.owner,
                        f"events['kind'][{int(rows[bad])}]",
                        self.table.kinds[k].value,
                        "an event that the lifecycle allows while the interaction is "
                        f"{machine.status(s).value!r}",
                    )
            following = machine.next.ravel().take(pair)
        return kind, pair, following

    def _change_priorities(self, rows: Ints, kind: Ints) -> None:
        changing = np.flatnonzero(kind == self.changed)
        if not len(changing):
            return
        new = self.table.priority[rows[changing]]
        same = (new < 0) | (new == self.priority[changing])
        if same.any():
            k = int(np.argmax(same))
            value = None if new[k] < 0 else self.table.priorities[new[k]].value
            v.fail(
                self.owner,
                f"events['priority'][{int(rows[changing[k]])}]",
                value,
                "a priority other than the interaction's current one on a 'priority_changed' row",
            )
        self.priority[changing] = new

    def step(self, step: int, m: int, now: int) -> None:
        """The ``step``-th event of the ``m`` interactions that have one."""
        rows = self.first[:m] + step
        kind, pair, following = self._moves(rows)
        machine = self.machine
        live = machine.busy.ravel().take(pair)
        self.state[:m] = following
        self._change_priorities(rows, kind)
        instants = self.table.at[rows]
        live &= instants <= now
        i = np.flatnonzero(live)
        if not len(i):
            return
        kind, pair, at = kind[i], pair[i], instants[i]
        change = i[kind == self.changed]
        for number, clock in enumerate(self.clocks):
            if len(change):
                who = change[clock.active[change]]
                clock.reprioritize(
                    who, instants[who], self.priority[who], from_start=self.from_start
                )
            flags = machine.flags[number].ravel().take(pair)
            reacting = np.flatnonzero(flags)
            if len(reacting):
                self._events(number, clock, i[reacting], flags[reacting], at[reacting])

    def _events(self, number: int, clock: _Clocks, i: Ints, flags: Ints, at: Ints) -> None:
        """What one metric's clocks ``i`` do at a step: stop, pause, resume, start (as Clock does)."""
        stop, pause, resume, start = (
            (flags & 1) != 0,
            (flags & 2) != 0,
            (flags & 4) != 0,
            (flags & 8) != 0,
        )
        active = clock.active[i]
        running = clock.running[i]
        halting = np.flatnonzero(active & ~stop & running & pause)
        resuming = np.flatnonzero(active & ~stop & ~running & resume)
        stopping = np.flatnonzero(active & stop)
        clock.stop(i[stopping], at[stopping])
        clock.halt(i[halting], at[halting])
        clock.resume(i[resuming], at[resuming])
        starting = np.flatnonzero(start & ~clock.active[i])
        if not len(starting):
            return
        who, when = i[starting], at[starting]
        if self.cycles[number] or not self.reopen_continues:
            clock.start(who, when, self.priority[who])
            return
        # A stopped single-cycle clock starts again: it continues.
        fresh = ~clock.started[who]
        again, again_at = who[~fresh], when[~fresh]
        clock.completed[again] -= 1
        clock.active[again] = True
        clock.resume(again, again_at)
        clock.start(who[fresh], when[fresh], self.priority[who[fresh]])


def _model(sla: SLA, zone: str | None, group: str | None) -> BusinessCalendar | None:
    """The calendar of the clocks (``None``: calendar hours), as ``sla_status`` resolves it."""
    if group is not None and group not in sla.group_calendars:
        group = None
    calendar = sla.calendar if group is None else sla.group_calendars[group]
    if calendar is None:
        return None
    if sla.zone is _BY_CUSTOMER and zone is not None and zone != calendar.timezone:
        calendar = calendar.with_timezone(zone)
    return calendar


def sla_table(sla: SLA | PolicySet, events: object, now: datetime) -> Table:
    """The SLA clocks of every interaction of an events table, as a table: one row per clock.

    The columnar form of :func:`~csroles.sla.sla_statuses`, with the same
    clocks: for each interaction (in the order of the table) the clocks that
    :func:`~csroles.sla.sla_status` reports, in its order, with the same
    values to the microsecond, for every metric definition, priority change,
    reopening, zone and group policy.

    ``events`` is a mapping of column name to array (such as
    :func:`to_events_table` returns) or a pandas DataFrame, with one row per
    event; the rows of an interaction together, in time order, the opening
    first. The columns (:data:`EVENT_COLUMNS`):

    - ``interaction_id``: any values, not null;
    - ``kind``: the :class:`~csroles.EventKind` value of each event;
    - ``at``: instants (numpy ``datetime64``, UTC, or a time-zone-aware
      column);
    - ``priority``: a :class:`~csroles.Priority` value on the opening row (the
      interaction's priority) and on ``priority_changed`` rows (the new one);
      other rows are not read;
    - read on the opening row only, and only if present: ``channel``,
      ``direction``, ``topic``, ``group`` and ``tags`` of the interaction,
      ``segment`` and ``timezone`` of its customer (for a
      :class:`~csroles.sla.PolicySet`, an SLA with group calendars and the
      customer-zone policy; a missing column reads as ``None``).

    The table returned holds numpy arrays under :data:`STATUS_COLUMNS`:
    ``interaction_id``, ``metric`` (the metric's value or definition name),
    ``target``, ``elapsed`` and ``remaining`` (``timedelta64[us]``), ``state``
    (a :class:`~csroles.sla.ClockState` value), ``due`` and ``breached_at``
    (``datetime64[us]``, UTC, ``NaT`` for none), ``breached`` (bool),
    ``completed_cycles``, ``breached_cycles`` and ``warning_level``.

    Args:
        sla: the SLA, or a policy set that chooses each interaction's SLA.
        events: the events table.
        now: the instant of the status (an aware datetime).

    Raises:
        InvalidEntityError: a missing column, columns of different lengths,
            a null id, an interaction's rows apart or out of time order, an
            unknown kind or priority, a timeline the lifecycle refuses (the
            first row not an opening, a priority change to the same priority
            ...), naming the column and the first row.
        CalendarError: ``now`` is naive, an instant is null or outside the
            years 0002 to 9998 (naming the row), ``now`` before an opening, or
            a deadline beyond the calendar's reach (naming the interaction).

    >>> from datetime import UTC, datetime, timedelta
    >>> import numpy as np
    >>> from csroles import SLA, Metric
    >>> from csroles.columnar import sla_table
    >>> sla = SLA(name="Mail", targets={Metric.FIRST_RESPONSE_TIME: timedelta(hours=2)})
    >>> events = {
    ...     "interaction_id": np.array(["A", "A", "B"], dtype=object),
    ...     "kind": np.array(["opened", "agent_replied", "opened"], dtype=object),
    ...     "at": np.array(
    ...         ["2026-05-04T09:00", "2026-05-04T10:00", "2026-05-04T09:30"], dtype="datetime64[us]"
    ...     ),
    ...     "priority": np.array(["normal", None, "high"], dtype=object),
    ... }
    >>> table = sla_table(sla, events, now=datetime(2026, 5, 4, 12, tzinfo=UTC))
    >>> table["state"].tolist(), table["elapsed"].astype("timedelta64[m]").tolist()
    (['met', 'breached'], [datetime.timedelta(seconds=3600), datetime.timedelta(seconds=9000)])
    >>> table["breached_at"][1]
    np.datetime64('2026-05-04T11:30:00.000000')

    .. versionadded:: 0.1.0
    """
    owner = "sla_table"
    if not isinstance(sla, (SLA, PolicySet)):
        v.fail(owner, "sla", sla, "an SLA or a PolicySet")
    now_us = _check_now(owner, now)
    return clock_rows(owner, sla, _Events(owner, events), now, now_us)[0]


def clock_rows(
    owner: str, sla: SLA | PolicySet, table: _Events, now: datetime, now_us: int
) -> tuple[Table, Ints]:
    """The table of :func:`sla_table`, and the interaction (its number in ``table``) of each row."""
    n = len(table.first)
    opened = table.at[table.first]
    early = now_us < opened
    if early.any():
        row = int(table.first[np.argmax(early)])
        msg = (
            f"{owner}.now: {now.isoformat()} is before interaction {table.ids[row]!r} opened "
            f"(events['at'][{row}]), expected an instant at or after every opening"
        )
        raise CalendarError(msg)
    # Which SLA and calendar each interaction's clocks use, in groups.
    simple = isinstance(sla, SLA) and sla.zone is not _BY_CUSTOMER and not sla.group_calendars
    chosen: list[SLA | None] = []
    if isinstance(sla, PolicySet):
        chosen = _choices(owner, sla, table)
    elif not simple:
        chosen = [sla] * n
    batches: dict[tuple[int, int], Any] = {}
    slas: dict[int, SLA] = {}
    calendars: dict[int, BusinessCalendar | None] = {}
    keys: dict[tuple[int, object, object], int] = {}
    if simple and n:  # one SLA and one calendar: every interaction in one batch
        slas[id(sla)] = sla  # type: ignore[assignment]
        calendars[0] = _model(sla, None, None)  # type: ignore[arg-type]
        batches[id(sla), 0] = np.arange(n, dtype=np.int64)
    zones = table.opening_values("timezone") if chosen else []
    groups = table.opening_values("group") if chosen else []
    for k, choice in enumerate(chosen):
        if choice is None:
            continue
        slas[id(choice)] = choice
        zone = zones[k] if choice.zone is _BY_CUSTOMER else None
        group = groups[k] if choice.group_calendars else None
        key = (id(choice), zone, group)
        model = keys.get(key)
        if model is None:
            model = keys[key] = len(keys)
            calendars[model] = _model(choice, zone, group)
        batches.setdefault((id(choice), model), []).append(k)
    pieces: list[tuple[Ints, Ints, Table]] = []
    for (sla_id, model), found in batches.items():
        chosen_sla = slas[sla_id]
        members = np.array(found, dtype=np.int64)
        replay = _Replay(owner, chosen_sla, table, members, calendars[model])
        replay.run(now_us)
        clocks, order = replay.clocks, replay.order
        for number, clock in enumerate(clocks):
            who = np.flatnonzero(clock.started)
            columns = _columns(chosen_sla, number, clock, who, now_us)
            pieces.append((order[who], np.full(len(who), number, dtype=np.int64), columns))
    return _assemble(table, pieces)


def _columns(sla: SLA, number: int, clock: _Clocks, who: Ints, now: int) -> Table:
    """The output columns of one metric's started clocks ``who``."""
    state, due = clock.result(now)
    state, due = state[who], due[who]
    target, elapsed = clock.target[who], clock.elapsed[who]
    fraction = elapsed / target
    level = np.zeros(len(who), dtype=np.int64)
    reaching = np.ones(len(who), dtype=bool)
    for threshold in sla.warning_thresholds:
        reaching &= fraction >= threshold
        level += reaching
    state[(state == _RUNNING) & (level > 0)] = _WARNING
    breached = clock.has_breach[who]
    nat = np.iinfo(np.int64).min
    return {
        "metric": np.full(len(who), str(sla._plan.keys[number]), dtype=object),
        "target": target.view("timedelta64[us]"),
        "elapsed": elapsed.view("timedelta64[us]"),
        "remaining": (target - elapsed).view("timedelta64[us]"),
        "state": _STATE_VALUES[state],
        "due": np.where(due < 0, nat, due).view("datetime64[us]"),
        "breached": breached,
        "breached_at": np.where(breached, clock.breached_at[who], nat).view("datetime64[us]"),
        "completed_cycles": clock.completed[who],
        "breached_cycles": clock.breaches[who],
        "warning_level": level,
    }


def _assemble(table: _Events, pieces: list[tuple[Ints, Ints, Table]]) -> tuple[Table, Ints]:
    """The pieces' rows by interaction (in table order), then by metric number.

    Also the interaction (its number in ``table``) of each row.
    """
    names = STATUS_COLUMNS[1:]
    if not pieces:
        empty: Table = {"interaction_id": table.ids[:0].copy()}
        for name, dtype in zip(names, _EMPTY, strict=True):
            empty[name] = np.empty(0, dtype=dtype)
        return empty, np.empty(0, dtype=np.int64)
    interaction = np.concatenate([p[0] for p in pieces])
    number = np.concatenate([p[1] for p in pieces])
    order = np.lexsort((number, interaction))
    interaction = interaction[order]
    out: Table = {"interaction_id": table.ids[table.first[interaction]]}
    for name in names:
        out[name] = np.concatenate([p[2][name] for p in pieces])[order]
    return out, interaction


_EMPTY: Final[tuple[Any, ...]] = (
    object,
    "timedelta64[us]",
    "timedelta64[us]",
    "timedelta64[us]",
    object,
    "datetime64[us]",
    bool,
    "datetime64[us]",
    np.int64,
    np.int64,
    np.int64,
)
