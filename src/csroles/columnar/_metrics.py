"""Service metrics over an events table: the columnar form of :mod:`csroles.metrics`.

The facts of every interaction (first reply, resolution, waits for a next
response, transfers and reopenings, survey answers) are found with array
operations over the rows of the table, grouped by the values of a column on
each interaction's opening row, and summarized exactly as the scalar
functions summarize them: the results are the same :class:`DurationStats`,
:class:`Ratio` and :class:`ServiceMetrics`, to the microsecond.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from csroles import _validation as v
from csroles.columnar._calendar import Ints, _plain, between_us
from csroles.columnar._sla import _codes, _Events, clock_rows
from csroles.interactions import TRANSITIONS, Status, SurveyScale
from csroles.metrics import DurationStats, NetPromoterScore, Ratio, ServiceMetrics
from csroles.sla.calendar import BusinessCalendar
from csroles.sla.clocks import ClockState, _check_now
from csroles.sla.policy import SLA
from csroles.sla.selection import PolicySet
from csroles.vocabulary import EventKind, Metric

__all__ = [
    "first_contact_resolution",
    "group_metrics",
    "next_response_times",
    "resolution_times",
    "response_times",
    "service_metrics",
    "sla_compliance",
]

Bools = npt.NDArray[np.bool_]

_US: Final = timedelta(microseconds=1)
_KINDS: Final = list(EventKind)
_K: Final = {kind: code for code, kind in enumerate(_KINDS)}
_STATUSES: Final = list(Status)
_SCALES: Final = list(SurveyScale)
_LOW: Final = np.array([scale.bounds[0] for scale in _SCALES], dtype=np.int64)
_HIGH: Final = np.array([scale.bounds[1] for scale in _SCALES], dtype=np.int64)
_CSAT, _NPS = _SCALES.index(SurveyScale.CSAT), _SCALES.index(SurveyScale.NPS)


def _transitions() -> Ints:
    """The lifecycle as a table: the next status code by (status, kind) code; -1 if refused."""
    found = np.full((len(_STATUSES), len(_KINDS)), -1, dtype=np.int64)
    for status, moves in TRANSITIONS.items():
        for kind, following in moves.items():
            found[_STATUSES.index(status), _K[kind]] = _STATUSES.index(following)
    return found


_NEXT: Final = _transitions()


# ------------------------------------------------------------------ the facts of each interaction


class _Timelines:
    """An events table read, its lifecycle checked, and each interaction's facts found."""

    def __init__(self, owner: str, events: object) -> None:
        self.owner = owner
        self.table = table = _Events(owner, events)
        self.n = len(table.first)
        self.kind = table.kind
        self.rows = np.arange(len(table.kind), dtype=np.int64)
        # The interaction (its number) of each row.
        self.of = np.repeat(np.arange(self.n, dtype=np.int64), table.length)
        self._check_lifecycle()

    def _check_lifecycle(self) -> None:
        """Every event allowed by :data:`TRANSITIONS`, and priority changes that change it."""
        table, owner = self.table, self.owner
        order = np.argsort(-table.length, kind="stable")
        first, length = table.first[order], table.length[order]
        status = np.zeros(self.n, dtype=np.int64)  # every timeline starts open
        priority = table.priority[first]
        changed = _K[EventKind.PRIORITY_CHANGED]
        longest = int(length[0]) if self.n else 0
        counts = np.searchsorted(-length, -np.arange(longest), side="left")
        for step, m in enumerate(counts.tolist()[1:], start=1):
            rows = first[:m] + step
            kind = self.kind[rows]
            following = _NEXT[status[:m], kind]
            refused = following < 0
            if refused.any():
                k = int(np.argmax(refused))
                v.fail(
                    owner,
                    f"events['kind'][{int(rows[k])}]",
                    _KINDS[kind[k]].value,
                    "an event that the lifecycle allows while the interaction is "
                    f"{_STATUSES[status[k]].value!r}",
                )
            status[:m] = following
            changing = np.flatnonzero(kind == changed)
            if len(changing):
                new = table.priority[rows[changing]]
                same = (new < 0) | (new == priority[changing])
                if same.any():
                    k = int(np.argmax(same))
                    value = None if new[k] < 0 else table.priorities[new[k]].value
                    v.fail(
                        owner,
                        f"events['priority'][{int(rows[changing[k]])}]",
                        value,
                        "a priority other than the interaction's current one "
                        "on a 'priority_changed' row",
                    )
                priority[changing] = new

    def is_kind(self, *kinds: EventKind) -> Bools:
        found: Bools = self.kind == _K[kinds[0]]
        for kind in kinds[1:]:
            found |= self.kind == _K[kind]
        return found

    def last(self, mask: Bools) -> Ints:
        """Each interaction's last row where ``mask`` holds; -1 for none."""
        if not self.n:
            return np.empty(0, dtype=np.int64)
        return np.maximum.reduceat(np.where(mask, self.rows, -1), self.table.first)

    def first_row(self, mask: Bools) -> Ints:
        """Each interaction's first row where ``mask`` holds; -1 for none."""
        if not self.n:
            return np.empty(0, dtype=np.int64)
        big = len(self.rows)
        found = np.minimum.reduceat(np.where(mask, self.rows, big), self.table.first)
        return np.where(found == big, -1, found)

    def resolution_rows(self) -> Ints:
        """The resolution in force (after the latest reopening), else the closing; -1 for none."""
        reopened = self.last(self.is_kind(EventKind.REOPENED))
        resolved = self.last(self.is_kind(EventKind.RESOLVED))
        closed = self.last(self.is_kind(EventKind.CLOSED))
        resolved = np.where(resolved > reopened, resolved, -1)
        closed = np.where(closed > reopened, closed, -1)
        return np.where(resolved >= 0, resolved, closed)

    def next_response_spans(self) -> tuple[Ints, Ints]:
        """The (customer reply, next agent reply) row pairs, as ``next_response_times`` finds them.

        A wait starts at the first customer reply after an agent reply and ends
        at the next agent reply; a resolution or a closing ends it unanswered.
        Agent replies, resolutions, closings and openings cut each timeline
        into segments: a segment's first customer reply starts a wait (if an
        agent replied before the segment), and an agent reply right after the
        segment answers it.
        """
        replied = self.kind == _K[EventKind.AGENT_REPLIED]
        ends = self.is_kind(EventKind.RESOLVED, EventKind.CLOSED)
        starts = replied | ends
        starts[self.table.first] = True
        segment = np.cumsum(starts) - 1
        segment_start = np.flatnonzero(starts)
        waiting = np.flatnonzero(self.kind == _K[EventKind.CUSTOMER_REPLIED])
        wait_of = np.full(len(segment_start), -1, dtype=np.int64)
        if len(waiting):
            firsts = np.r_[True, segment[waiting][1:] != segment[waiting][:-1]]
            wait_of[segment[waiting[firsts]]] = waiting[firsts]
        answers = np.flatnonzero(replied)
        before = segment[answers] - 1  # an agent reply is never an interaction's first row
        wait = wait_of[before]
        # Whether an agent replied at or before the start of the segment, in the interaction.
        replies = np.cumsum(replied)
        earlier = replies[segment_start[before]] - replies[self.table.first[self.of[answers]]]
        kept = (wait >= 0) & (earlier > 0)
        return wait[kept], answers[kept]

    def spans(self, calendar: BusinessCalendar | None, a: Ints, b: Ints, what: str) -> Ints:
        """Microseconds from rows ``a`` to rows ``b``: calendar time, or business time."""
        at, ids, first, of = self.table.at, self.table.ids, self.table.first, self.of
        if calendar is None:
            return at[b] - at[a]
        return between_us(
            calendar,
            at[a],
            at[b],
            owner=self.owner,
            names=("", ""),
            label=lambda k: f"the {what} of interaction {ids[first[of[a[k]]]]!r}",
        )

    def first_response(self, calendar: BusinessCalendar | None) -> tuple[Ints, Ints]:
        """The interactions with a first response, and its time."""
        reply = self.first_row(self.kind == _K[EventKind.AGENT_REPLIED])
        who = np.flatnonzero(reply >= 0)
        opening = self.table.first[who]
        return who, self.spans(calendar, opening, reply[who], "first response")

    def resolution(self, calendar: BusinessCalendar | None) -> tuple[Ints, Ints]:
        """The interactions resolved (or closed), and their resolution time."""
        end = self.resolution_rows()
        who = np.flatnonzero(end >= 0)
        return who, self.spans(calendar, self.table.first[who], end[who], "resolution")

    def next_response(self, calendar: BusinessCalendar | None) -> tuple[Ints, Ints]:
        """The interaction of each answered wait, and the wait's time."""
        wait, answer = self.next_response_spans()
        return self.of[wait], self.spans(calendar, wait, answer, "next response")

    def first_contact(self) -> tuple[Ints, Bools]:
        """The interactions resolved (or closed), and whether never transferred, escalated or reopened."""
        who = np.flatnonzero(self.resolution_rows() >= 0)
        moved = self.last(
            self.is_kind(EventKind.TRANSFERRED, EventKind.ESCALATED, EventKind.REOPENED)
        )
        return who, moved[who] < 0

    def surveys(self) -> tuple[Ints, Ints, Ints]:
        """The survey answers: each one's interaction, scale code and score (checked)."""
        rows = np.flatnonzero(self.kind == _K[EventKind.SURVEY_ANSWERED])
        if not len(rows):
            empty = np.empty(0, dtype=np.int64)
            return empty, empty, empty
        owner, columns = self.owner, self.table.columns
        for name in ("scale", "score"):
            if columns.get(name) is None:
                v.fail(
                    owner,
                    "events",
                    f"a table without {name!r}",
                    f"a table with the columns 'scale' and 'score' (it has survey answers, "
                    f"such as row {int(rows[0])})",
                )
        scales: npt.NDArray[Any] = columns["scale"]  # type: ignore[assignment]
        codes = _codes(
            owner, "scale", scales, [s.value for s in _SCALES], nullable=False, rows=rows
        )[rows]
        scores = _scores(owner, columns["score"], rows)  # type: ignore[arg-type]
        bad = (scores < _LOW[codes]) | (scores > _HIGH[codes])
        if bad.any():
            k = int(np.argmax(bad))
            scale = _SCALES[codes[k]]
            low, high = scale.bounds
            v.fail(
                owner,
                f"events['score'][{int(rows[k])}]",
                int(scores[k]),
                f"an integer from {low} to {high} on the {scale.value} scale",
            )
        return self.of[rows], codes, scores


def _scores(owner: str, column: npt.NDArray[Any], rows: Ints) -> Ints:
    """The scores of the survey rows as integers, each one checked."""
    values = column[rows]
    if values.dtype.kind in "iu":
        return values.astype(np.int64)
    found = np.empty(len(values), dtype=np.int64)
    for k, value in enumerate(values.tolist()):
        whole = isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
        if not whole and not (isinstance(value, float) and value.is_integer()):
            v.fail(owner, f"events['score'][{int(rows[k])}]", value, "an integer score")
        found[k] = int(value)
    return found


# ------------------------------------------------------------------ groups


class _Groups:
    """Which groups each interaction is in: (interaction, group) pairs sorted by interaction."""

    def __init__(self, n: int, keys: list[str], interaction: Ints, group: Ints) -> None:
        order = np.lexsort((group, interaction))
        self.keys = keys
        self.interaction, self.group = interaction[order], group[order]
        self.counts = np.bincount(self.interaction, minlength=n)
        self.offsets = np.cumsum(self.counts) - self.counts

    def expand(self, who: Ints) -> tuple[Ints, Ints]:
        """For items of interactions ``who``: (item, group) of each item in each of its groups."""
        reps = self.counts[who]
        ends = np.cumsum(reps)
        item = np.repeat(np.arange(len(who), dtype=np.int64), reps)
        within = np.arange(int(ends[-1]) if len(ends) else 0) - np.repeat(ends - reps, reps)
        return item, self.group[np.repeat(self.offsets[who], reps) + within]

    def count(self, who: Ints, weights: Ints | Bools | None = None) -> Ints:
        """Per group: how many of the items of interactions ``who`` (or their ``weights``) it has."""
        item, group = self.expand(who)
        found = None if weights is None else np.asarray(weights, dtype=np.int64)[item]
        return np.bincount(group, weights=found, minlength=len(self.keys)).astype(np.int64)

    def stats(self, who: Ints, values: Ints) -> list[DurationStats]:
        """Per group: the statistics of the values of the items of interactions ``who``."""
        item, group = self.expand(who)
        found = values[item]
        order = np.lexsort((found, group))
        found, group = found[order], group[order]
        bounds = np.searchsorted(group, np.arange(len(self.keys) + 1)).tolist()
        return [_stats(found[lo:hi]) for lo, hi in itertools.pairwise(bounds)]


def _everyone(n: int) -> _Groups:
    every = np.arange(n, dtype=np.int64)
    return _Groups(n, ["all"], every, np.zeros(n, dtype=np.int64))


def _groups_by(owner: str, timelines: _Timelines, by: object) -> _Groups:
    """The groups of each interaction: the value(s) of column ``by`` on its opening row."""
    if type(by) is not str:
        v.fail(owner, "by", by, "the name of a column of the events table")
    table = timelines.table
    found = table.columns[by] if by in table.columns else _column_of(owner, table, by)
    if found is None:
        v.fail(owner, "by", by, "the name of a column of the events table")
    values = found[table.first]
    n = timelines.n
    text = values.dtype.kind == "U"
    if not text and values.dtype.kind == "O":
        text = all(type(value) is str or value is None for value in values.tolist())
    if text:
        present = np.flatnonzero(values != None) if values.dtype.kind == "O" else np.arange(n)  # noqa: E711
        keys, codes = np.unique(values[present].astype(str), return_inverse=True)
        for key in keys.tolist():
            if not key or key != key.strip():
                row = int(table.first[present[int(np.argmax(values[present] == key))]])
                v.check_identifier(owner, f"events[{by!r}][{row}]", key)
        return _Groups(n, keys.tolist(), present.astype(np.int64), codes.astype(np.int64))
    # Collections of keys (such as tags): one pair per distinct key.
    pairs: list[tuple[int, str]] = []
    for k, value in enumerate(values.tolist()):
        row = int(table.first[k])
        if value is None:
            continue
        if type(value) is str:
            members: object = (value,)
        elif isinstance(value, (frozenset, set, list, tuple, np.ndarray)):
            members = value
        else:
            v.fail(owner, f"events[{by!r}][{row}]", value, "a group key, keys, or None")
        for key in set(members):  # type: ignore[call-overload]
            v.check_identifier(owner, f"events[{by!r}][{row}]", key)
            pairs.append((k, key))
    distinct = sorted({key for _, key in pairs})
    index = {key: code for code, key in enumerate(distinct)}
    return _Groups(
        n,
        distinct,
        np.array([k for k, _ in pairs], dtype=np.int64),
        np.array([index[key] for _, key in pairs], dtype=np.int64),
    )


def _column_of(owner: str, table: _Events, name: str) -> npt.NDArray[Any] | None:
    """A column of the table not among :data:`EVENT_COLUMNS`, read on demand; None if absent."""
    source: Any = table.source
    try:
        if name not in source:
            return None
    except TypeError:
        return None
    column = _plain(owner, f"events[{name!r}]", source[name])
    if len(column) != len(table.ids):
        v.fail(
            owner,
            f"events[{name!r}]",
            f"a column of {len(column)} rows",
            f"as many rows as events['interaction_id'] ({len(table.ids)})",
        )
    return column


# ------------------------------------------------------------------ statistics


def _percentile(ordered: Ints, pct: int) -> int:
    """The ``pct``-th percentile of sorted integers, exact, rounded half up (as DurationStats)."""
    index, rest = divmod((len(ordered) - 1) * pct, 100)
    low = int(ordered[index])
    if not rest:
        return low
    return low + ((int(ordered[index + 1]) - low) * rest * 2 + 100) // 200


def _stats(ordered: Ints) -> DurationStats:
    """:class:`DurationStats` of sorted microseconds, as ``duration_stats`` computes them."""
    count = len(ordered)
    if not count:
        return DurationStats(count=0)
    # An exact sum without overflow: the high and low 32 bits summed apart.
    total = (int(np.sum(ordered >> 32)) << 32) + int(np.sum(ordered & 0xFFFFFFFF))
    mean = (2 * total + count) // (2 * count)
    return DurationStats(
        count=count,
        mean=_US * mean,
        median=_US * _percentile(ordered, 50),
        p90=_US * _percentile(ordered, 90),
        p95=_US * _percentile(ordered, 95),
        minimum=_US * int(ordered[0]),
        maximum=_US * int(ordered[-1]),
    )


# ------------------------------------------------------------------ arguments


def _calendar(owner: str, calendar: object) -> BusinessCalendar | None:
    if calendar is not None and not isinstance(calendar, BusinessCalendar):
        v.fail(owner, "calendar", calendar, "None or a BusinessCalendar")
    return calendar


def _metrics(
    owner: str,
    events: object,
    by: object,
    *,
    calendar: object,
    satisfied_at: object,
    sla: object,
    now: object,
) -> Mapping[str, ServiceMetrics]:
    checked = _calendar(owner, calendar)
    if type(satisfied_at) is not int or not 1 <= satisfied_at <= 5:
        v.fail(owner, "satisfied_at", satisfied_at, "an integer from 1 to 5")
    if sla is not None and not isinstance(sla, (SLA, PolicySet)):
        v.fail(owner, "sla", sla, "None, an SLA or a PolicySet")
    now_us = 0
    if sla is not None:
        if now is None:
            v.fail(owner, "now", now, "an aware datetime: the instant of the SLA clocks")
        now_us = _check_now(owner, now)
    timelines = _Timelines(owner, events)
    groups = _everyone(timelines.n) if by is None else _groups_by(owner, timelines, by)
    width = len(groups.keys)
    every = np.arange(timelines.n, dtype=np.int64)
    counts = groups.count(every)
    first = groups.stats(*timelines.first_response(checked))
    nexts = groups.stats(*timelines.next_response(checked))
    resolution = groups.stats(*timelines.resolution(checked))
    resolved, first_contact = timelines.first_contact()
    whole, part = groups.count(resolved), groups.count(resolved, first_contact)
    who, scale, score = timelines.surveys()
    csat = scale == _CSAT
    nps = scale == _NPS
    ces = ~csat & ~nps
    tallies = {
        "csat": groups.count(who, csat),
        "satisfied": groups.count(who, csat & (score >= satisfied_at)),
        "promoters": groups.count(who, nps & (score >= 9)),
        "passives": groups.count(who, nps & (score >= 7) & (score < 9)),
        "detractors": groups.count(who, nps & (score < 7)),
        "ces": groups.count(who, ces),
        "ces_sum": groups.count(who, np.where(ces, score, 0)),
    }
    met = breached = np.zeros(width, dtype=np.int64)
    if sla is not None:
        rows, of = clock_rows(owner, sla, timelines.table, now, now_us)  # type: ignore[arg-type]
        state = rows["state"]
        met = groups.count(of, state == ClockState.MET.value)
        breached = groups.count(of, state == ClockState.BREACHED.value)
    found: dict[str, ServiceMetrics] = {}
    for g, key in enumerate(groups.keys):
        if not counts[g]:
            continue
        ces_count = int(tallies["ces"][g])
        found[key] = ServiceMetrics(
            interactions=int(counts[g]),
            first_response=first[g],
            next_response=nexts[g],
            resolution=resolution[g],
            csat=Ratio(part=int(tallies["satisfied"][g]), whole=int(tallies["csat"][g])),
            nps=NetPromoterScore(
                promoters=int(tallies["promoters"][g]),
                passives=int(tallies["passives"][g]),
                detractors=int(tallies["detractors"][g]),
            ),
            customer_effort=int(tallies["ces_sum"][g]) / ces_count if ces_count else None,
            first_contact_resolution=Ratio(part=int(part[g]), whole=int(whole[g])),
            sla_compliance=Ratio(part=int(met[g]), whole=int(met[g] + breached[g])),
        )
    return MappingProxyType(found)


# ------------------------------------------------------------------ public functions


def group_metrics(
    events: object,
    by: str,
    *,
    calendar: BusinessCalendar | None = None,
    satisfied_at: int = 4,
    sla: SLA | PolicySet | None = None,
    now: datetime | None = None,
) -> Mapping[str, ServiceMetrics]:
    """Every service metric per group, over an events table: :func:`csroles.group_metrics` in columns.

    ``events`` is an events table as :func:`sla_table` reads it (see
    :data:`EVENT_COLUMNS`). Each interaction is in the groups that the column
    ``by`` names on its opening row: a string is one group key, a collection
    (such as the ``tags``) one group per distinct key, ``None`` no group. Any
    column of the table will do: ``"channel"``, ``"topic"``, ``"priority"``
    (the priority at opening), ``"group"`` (the team), ``"segment"``, or one
    of your own. The figures are those of :func:`csroles.group_metrics` over
    the same interactions grouped the same way, to the microsecond: first,
    next response and resolution times (in business time by ``calendar``),
    first-contact resolution, the survey answers (the ``scale`` and ``score``
    columns, read on ``survey_answered`` rows) and, with ``sla`` and ``now``,
    SLA compliance from the clocks of :func:`sla_table`.

    Args:
        events: the events table.
        by: the name of the column that gives each interaction's groups.
        calendar: measure times in business time by this calendar; ``None``
            for calendar time.
        satisfied_at: the lowest satisfied CSAT answer (1-5 scale).
        sla: the SLA (or policy set) whose clocks give the SLA compliance;
            ``None`` for none.
        now: the instant of the clocks; required with ``sla``.

    Returns:
        A read-only mapping from group key to :class:`~csroles.ServiceMetrics`,
        keys sorted; a group appears once it has an interaction.

    Raises:
        InvalidEntityError: an argument is invalid, a bad table (as
            :func:`sla_table` refuses it, and a timeline the lifecycle refuses),
            a group key that is not a non-empty string, survey answers without
            the ``scale`` and ``score`` columns or with a score out of its
            scale, naming the column and the first row.
        CalendarError: an instant outside the supported years, ``now`` naive
            or before an opening.

    >>> import numpy as np
    >>> from csroles.columnar import group_metrics
    >>> events = {
    ...     "interaction_id": np.array(["A", "A", "B", "B", "C"], dtype=object),
    ...     "kind": np.array(["opened", "agent_replied", "opened", "agent_replied", "opened"]),
    ...     "at": np.array(
    ...         [
    ...             "2026-05-04T09:00",
    ...             "2026-05-04T09:10",
    ...             "2026-05-04T09:00",
    ...             "2026-05-04T09:30",
    ...             "2026-05-04T10:00",
    ...         ],
    ...         dtype="datetime64[us]",
    ...     ),
    ...     "priority": np.array(["normal", None, "high", None, "normal"], dtype=object),
    ...     "channel": np.array(["chat", None, "email", None, "chat"], dtype=object),
    ... }
    >>> grouped = group_metrics(events, "channel")
    >>> {key: (m.interactions, m.first_response.mean) for key, m in grouped.items()}
    {'chat': (2, datetime.timedelta(seconds=600)), 'email': (1, datetime.timedelta(seconds=1800))}

    .. versionadded:: 0.1.0
    """
    owner = "group_metrics"
    return _metrics(
        owner, events, by, calendar=calendar, satisfied_at=satisfied_at, sla=sla, now=now
    )


def service_metrics(
    events: object,
    *,
    calendar: BusinessCalendar | None = None,
    satisfied_at: int = 4,
    sla: SLA | PolicySet | None = None,
    now: datetime | None = None,
) -> ServiceMetrics:
    """Every service metric of an events table as one group (see :func:`group_metrics`).

    The columnar form of :func:`csroles.service_metrics`. An empty table gives
    zero counts, ``None`` statistics and undefined rates.

    Raises:
        InvalidEntityError: as :func:`group_metrics`.
        CalendarError: as :func:`group_metrics`.

    >>> from csroles.columnar import service_metrics, to_events_table
    >>> service_metrics(to_events_table([])).first_response.count
    0

    .. versionadded:: 0.1.0
    """
    found = _metrics(
        "service_metrics",
        events,
        None,
        calendar=calendar,
        satisfied_at=satisfied_at,
        sla=sla,
        now=now,
    )
    if found:
        return found["all"]
    empty = DurationStats(count=0)
    return ServiceMetrics(
        interactions=0,
        first_response=empty,
        next_response=empty,
        resolution=empty,
        csat=Ratio(part=0, whole=0),
        nps=NetPromoterScore(promoters=0, passives=0, detractors=0),
        customer_effort=None,
        first_contact_resolution=Ratio(part=0, whole=0),
        sla_compliance=Ratio(part=0, whole=0),
    )


def _times(
    owner: str,
    events: object,
    calendar: object,
    facts: Callable[[_Timelines, BusinessCalendar | None], tuple[Ints, Ints]],
) -> DurationStats:
    checked = _calendar(owner, calendar)
    timelines = _Timelines(owner, events)
    _, values = facts(timelines, checked)
    return _stats(np.sort(values))


def response_times(events: object, *, calendar: BusinessCalendar | None = None) -> DurationStats:
    """First response times over an events table: :func:`csroles.response_times` in columns.

    From each interaction's opening to its first ``agent_replied`` row;
    interactions without one are left out.

    Args:
        events: an events table (see :func:`sla_table`).
        calendar: measure business time by this calendar; ``None`` for calendar time.

    Raises:
        InvalidEntityError: a bad table, naming the column and the first row.
        CalendarError: an instant outside the supported years.

    >>> from datetime import time
    >>> import numpy as np
    >>> from csroles import BusinessCalendar
    >>> from csroles.columnar import response_times
    >>> desk = BusinessCalendar(timezone="UTC", hours={d: ((time(9), time(17)),) for d in range(5)})
    >>> events = {
    ...     "interaction_id": np.array(["A", "A"], dtype=object),
    ...     "kind": np.array(["opened", "agent_replied"]),
    ...     "at": np.array(["2026-06-05T16:00", "2026-06-08T10:00"], dtype="datetime64[us]"),
    ...     "priority": np.array(["normal", None], dtype=object),
    ... }
    >>> response_times(events, calendar=desk).mean
    datetime.timedelta(seconds=7200)

    .. versionadded:: 0.1.0
    """
    return _times("response_times", events, calendar, _Timelines.first_response)


def next_response_times(
    events: object, *, calendar: BusinessCalendar | None = None
) -> DurationStats:
    """Next response times over an events table: :func:`csroles.next_response_times` in columns.

    A wait starts at the first ``customer_replied`` row after an agent
    reply and ends at the next ``agent_replied`` row; one that a resolution
    or a closing ends, or still open, is left out.

    Args:
        events: an events table (see :func:`sla_table`).
        calendar: measure business time by this calendar; ``None`` for calendar time.

    Raises:
        InvalidEntityError: a bad table, naming the column and the first row.
        CalendarError: an instant outside the supported years.

    >>> import numpy as np
    >>> from csroles.columnar import next_response_times
    >>> events = {
    ...     "interaction_id": np.array(["A"] * 5, dtype=object),
    ...     "kind": np.array(
    ...         ["opened", "agent_replied", "customer_replied", "customer_replied", "agent_replied"]
    ...     ),
    ...     "at": np.array(
    ...         [
    ...             "2026-05-04T09:00",
    ...             "2026-05-04T09:05",
    ...             "2026-05-04T09:10",
    ...             "2026-05-04T09:12",
    ...             "2026-05-04T09:40",
    ...         ],
    ...         dtype="datetime64[us]",
    ...     ),
    ...     "priority": np.array(["normal", None, None, None, None], dtype=object),
    ... }
    >>> next_response_times(events).maximum
    datetime.timedelta(seconds=1800)

    .. versionadded:: 0.1.0
    """
    return _times("next_response_times", events, calendar, _Timelines.next_response)


def resolution_times(events: object, *, calendar: BusinessCalendar | None = None) -> DurationStats:
    """Resolution times over an events table: :func:`csroles.resolution_times` in columns.

    From the opening to the ``resolved`` row in force (after the latest
    ``reopened`` one), or the ``closed`` row of one closed without a
    resolution; interactions still open are left out.

    Args:
        events: an events table (see :func:`sla_table`).
        calendar: measure business time by this calendar; ``None`` for calendar time.

    Raises:
        InvalidEntityError: a bad table, naming the column and the first row.
        CalendarError: an instant outside the supported years.

    >>> import numpy as np
    >>> from csroles.columnar import resolution_times
    >>> events = {
    ...     "interaction_id": np.array(["A", "A", "B"], dtype=object),
    ...     "kind": np.array(["opened", "closed", "opened"]),
    ...     "at": np.array(
    ...         ["2026-05-04T09:00", "2026-05-04T09:07", "2026-05-04T09:00"], dtype="datetime64[us]"
    ...     ),
    ...     "priority": np.array(["normal", None, "low"], dtype=object),
    ... }
    >>> stats = resolution_times(events)
    >>> stats.count, stats.median
    (1, datetime.timedelta(seconds=420))

    .. versionadded:: 0.1.0
    """
    return _times("resolution_times", events, calendar, _Timelines.resolution)


def first_contact_resolution(events: object) -> Ratio:
    """First-contact resolution over an events table: :func:`csroles.first_contact_resolution` in columns.

    Out of the interactions resolved (or closed), those without a
    ``transferred``, ``escalated`` or ``reopened`` row.

    Raises:
        InvalidEntityError: a bad table, naming the column and the first row.

    >>> import numpy as np
    >>> from csroles.columnar import first_contact_resolution
    >>> events = {
    ...     "interaction_id": np.array(["A", "A", "B", "B", "B"], dtype=object),
    ...     "kind": np.array(["opened", "resolved", "opened", "escalated", "resolved"]),
    ...     "at": np.array(["2026-05-04T09:00"] * 5, dtype="datetime64[us]"),
    ...     "priority": np.array(["normal", None, "low", None, None], dtype=object),
    ... }
    >>> first_contact_resolution(events)
    Ratio(part=1, whole=2)

    .. versionadded:: 0.1.0
    """
    timelines = _Timelines("first_contact_resolution", events)
    _, first_contact = timelines.first_contact()
    return Ratio(part=int(first_contact.sum()), whole=len(first_contact))


def sla_compliance(table: object, *, metric: Metric | str | None = None) -> Ratio:
    """SLA compliance over the table of :func:`sla_table`: :func:`csroles.sla_compliance` in columns.

    ``met / (met + breached)`` over the rows (clocks) of the table, by their
    ``state``; clocks still running, in warning or paused are left out.

    Args:
        table: a table of SLA clocks (a mapping of column to array, or a
            DataFrame) with the columns ``state`` and ``metric``.
        metric: count only the clocks of this metric (a
            :class:`~csroles.Metric`, or the name of a metric definition);
            ``None`` for all.

    Raises:
        InvalidEntityError: a missing column, or a bad ``metric``.

    >>> import numpy as np
    >>> from csroles import Metric
    >>> from csroles.columnar import sla_compliance
    >>> clocks = {
    ...     "metric": np.array(["first_response_time", "resolution_time", "resolution_time"]),
    ...     "state": np.array(["met", "breached", "running"]),
    ... }
    >>> sla_compliance(clocks)
    Ratio(part=1, whole=2)
    >>> sla_compliance(clocks, metric=Metric.FIRST_RESPONSE_TIME).percent
    100.0

    .. versionadded:: 0.1.0
    """
    owner = "sla_compliance"
    if (
        metric is not None
        and type(metric) is not Metric
        and (type(metric) is not str or not metric)
    ):
        v.fail(owner, "metric", metric, "None, a Metric or a metric definition's name")
    columns: dict[str, npt.NDArray[Any]] = {}
    for name in ("state", "metric"):
        try:
            found = table[name]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            v.fail(
                owner,
                "table",
                f"a table without {name!r}",
                "a table of SLA clocks with the columns 'state' and 'metric' (see sla_table)",
            )
        columns[name] = _plain(owner, f"table[{name!r}]", found)
    state = columns["state"]
    if len(columns["metric"]) != len(state):
        v.fail(
            owner,
            "table['metric']",
            f"a column of {len(columns['metric'])} rows",
            f"as many rows as table['state'] ({len(state)})",
        )
    if metric is not None:
        state = state[columns["metric"] == str(metric)]
    met = int(np.count_nonzero(state == ClockState.MET.value))
    breached = int(np.count_nonzero(state == ClockState.BREACHED.value))
    return Ratio(part=met, whole=met + breached)
