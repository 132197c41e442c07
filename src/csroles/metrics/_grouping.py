"""Every interaction metric in one pass, grouped by position, role, team or channel."""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import TypeAlias

import attrs

from csroles import _validation as v
from csroles.customers import Customer
from csroles.hierarchy import OrgChart
from csroles.interactions import Event, Interaction, SurveyScale
from csroles.metrics._base import (
    BusinessTime,
    DurationStats,
    Figure,
    NetPromoterScore,
    Period,
    Ratio,
    _check_calendar,
    _check_period,
    _interactions,
    _stats,
)
from csroles.metrics._times import Measure, _measure, _next_response_spans
from csroles.sla import SLA, ClockState, SLAClock, sla_statuses
from csroles.vocabulary import EventKind, Metric

__all__ = [
    "ServiceMetrics",
    "by_channel",
    "by_position",
    "by_role",
    "by_team",
    "group_metrics",
    "service_metrics",
    "sla_compliance",
]


_NO_DURATIONS = DurationStats(count=0)


@attrs.frozen(kw_only=True)
class ServiceMetrics:
    """Every interaction metric of a set of interactions (one group).

    Attributes:
        interactions: how many interactions the group has.
        first_response: first response times (see :func:`response_times`).
        next_response: next response times (see :func:`next_response_times`).
        resolution: resolution times (see :func:`resolution_times`).
        csat: satisfied CSAT answers out of all CSAT answers (see :func:`csat`).
        nps: the NPS answers (see :class:`NetPromoterScore`).
        customer_effort: the mean customer effort answer, or ``None``.
        first_contact_resolution: see :func:`first_contact_resolution`.
        sla_compliance: met SLA clocks out of met and breached ones (see
            :func:`sla_compliance`); nothing counted without an SLA.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import service_metrics
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> call = Interaction(
    ...     id="call-1",
    ...     customer_id="C-1",
    ...     channel=Channel.PHONE,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.BILLING,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.AGENT_REPLIED, at=t0 + timedelta(seconds=20)),
    ...         Event(kind=EventKind.RESOLVED, at=t0 + timedelta(minutes=6)),
    ...     ],
    ... )
    >>> metrics = service_metrics([call])
    >>> metrics.interactions, metrics.resolution.mean, metrics.first_contact_resolution.percent
    (1, datetime.timedelta(seconds=360), 100.0)

    .. versionadded:: 0.1.0
    """

    interactions: int
    first_response: DurationStats
    resolution: DurationStats
    csat: Ratio
    nps: NetPromoterScore
    customer_effort: float | None
    first_contact_resolution: Ratio
    sla_compliance: Ratio
    next_response: DurationStats = attrs.field(factory=lambda: _NO_DURATIONS)

    def figures(self) -> dict[Metric, Figure | None]:
        """The headline figure of each metric, for a :class:`Scorecard`.

        Median first response, next response and resolution times, CSAT, first-contact
        resolution and SLA compliance as percentages, the NPS score and the mean effort score;
        ``None`` where there was nothing to measure.

        >>> from csroles import Metric, service_metrics
        >>> service_metrics([]).figures()[Metric.CSAT] is None
        True
        """
        return {
            Metric.FIRST_RESPONSE_TIME: self.first_response.median,
            Metric.NEXT_RESPONSE_TIME: self.next_response.median,
            Metric.RESOLUTION_TIME: self.resolution.median,
            Metric.CSAT: self.csat.percent,
            Metric.NPS: self.nps.score,
            Metric.CUSTOMER_EFFORT_SCORE: self.customer_effort,
            Metric.FIRST_CONTACT_RESOLUTION: self.first_contact_resolution.percent,
            Metric.SLA_COMPLIANCE: self.sla_compliance.percent,
        }


class _Tally:
    """One group's running totals, filled in one pass."""

    __slots__ = (
        "ces_count",
        "ces_sum",
        "count",
        "csat_satisfied",
        "csat_total",
        "detractors",
        "fcr",
        "first_response",
        "next_response",
        "passives",
        "promoters",
        "resolution",
        "resolved",
        "sla_breached",
        "sla_met",
    )

    def __init__(self) -> None:
        self.count = self.resolved = self.fcr = 0
        self.csat_satisfied = self.csat_total = 0
        self.promoters = self.passives = self.detractors = 0
        self.ces_sum = self.ces_count = 0
        self.sla_met = self.sla_breached = 0
        self.first_response: list[int] = []
        self.next_response: list[int] = []
        self.resolution: list[int] = []

    def add_survey(self, scale: SurveyScale, score: int, satisfied_at: int) -> None:
        if scale is _CSAT:
            self.csat_total += 1
            self.csat_satisfied += score >= satisfied_at
        elif scale is _NPS:
            if score >= 9:
                self.promoters += 1
            elif score >= 7:
                self.passives += 1
            else:
                self.detractors += 1
        else:
            self.ces_sum += score
            self.ces_count += 1

    def result(self) -> ServiceMetrics:
        return ServiceMetrics(
            interactions=self.count,
            first_response=_stats(self.first_response),
            next_response=_stats(self.next_response),
            resolution=_stats(self.resolution),
            csat=Ratio(part=self.csat_satisfied, whole=self.csat_total),
            nps=NetPromoterScore(
                promoters=self.promoters, passives=self.passives, detractors=self.detractors
            ),
            customer_effort=self.ces_sum / self.ces_count if self.ces_count else None,
            first_contact_resolution=Ratio(part=self.fcr, whole=self.resolved),
            sla_compliance=Ratio(part=self.sla_met, whole=self.sla_met + self.sla_breached),
        )


_SURVEY = EventKind.SURVEY_ANSWERED
_MET, _BREACHED = ClockState.MET, ClockState.BREACHED
_TRANSFERRED, _ESCALATED = EventKind.TRANSFERRED, EventKind.ESCALATED
_CUSTOMER_REPLIED = EventKind.CUSTOMER_REPLIED
_CSAT, _NPS = SurveyScale.CSAT, SurveyScale.NPS

Grouping: TypeAlias = "Callable[[Interaction], Iterable[str]]"
SLAChoice: TypeAlias = "SLA | Callable[[Interaction], SLA | None]"


def _outcomes(clocks: Iterable[SLAClock]) -> tuple[int, int]:
    """How many of ``clocks`` are met, and how many breached."""
    met = breached = 0
    for clock in clocks:
        state = clock.state
        if state is _MET:
            met += 1
        elif state is _BREACHED:
            breached += 1
    return met, breached


def _tally_into(
    tallies: list[_Tally],
    interaction: Interaction,
    measure: Measure,
    satisfied_at: int,
    clocks: tuple[SLAClock, ...],
) -> None:
    """Work out one interaction's facts once and add them to every tally it belongs to."""
    first, resolution = measure(
        interaction.events[0].at,
        interaction.first_reply_at,
        interaction.resolved_at or interaction.closed_at,
    )
    moved = bool(interaction.reopen_count)
    surveys: list[Event] | None = None
    customer_replied = False
    for event in interaction.events:
        kind = event.kind
        if kind is _SURVEY:
            if surveys is None:
                surveys = [event]
            else:
                surveys.append(event)
        elif kind is _TRANSFERRED or kind is _ESCALATED:
            moved = True
        elif kind is _CUSTOMER_REPLIED:
            customer_replied = True
    # Only a customer reply starts a wait: skipping the second walk over the
    # events otherwise keeps group_metrics at its former cost (best of 5 on
    # 20,000 generated interactions without customer replies: 1.34x the
    # former time with the walk, within noise of it without).
    nexts = (
        [
            typing.cast("int", measure(start, end, None)[0])
            for start, end in _next_response_spans(interaction)
        ]
        if customer_replied
        else ()
    )
    met, breached = _outcomes(clocks) if clocks else (0, 0)
    for tally in tallies:
        tally.count += 1
        tally.sla_met += met
        tally.sla_breached += breached
        if first is not None:
            tally.first_response.append(first)
        tally.next_response.extend(nexts)
        if resolution is not None:
            tally.resolution.append(resolution)
            tally.resolved += 1
            tally.fcr += not moved
        if surveys is not None:
            for survey in surveys:
                tally.add_survey(survey.scale, survey.score, satisfied_at)  # type: ignore[arg-type]


def group_metrics(
    interactions: Iterable[Interaction],
    by: Grouping,
    *,
    calendar: BusinessTime | None = None,
    period: Period | None = None,
    satisfied_at: int = 4,
    sla: SLAChoice | None = None,
    now: datetime | None = None,
    customers: Iterable[Customer] | Mapping[str, Customer] | None = None,
) -> Mapping[str, ServiceMetrics]:
    """Every interaction metric per group, in one pass over the interactions.

    Each interaction's facts (response and resolution times, surveys,
    transfers) are worked out once and added to each of its groups: ``by``
    maps an interaction to the keys of its groups (none, one or several:
    :func:`by_position`, :func:`by_role`, :func:`by_team`,
    :func:`by_channel`, or any function).

    Args:
        interactions: the interactions.
        by: the grouping function.
        calendar: measure times in business time by this calendar; ``None``
            for calendar time.
        period: keep only the interactions opened in it; ``None`` for all.
        satisfied_at: the lowest satisfied CSAT answer (1-5 scale).
        sla: the SLA the interactions are held to, or a function giving each
            interaction's SLA (``None`` for an interaction without one): their
            clocks, computed with :func:`~csroles.sla_statuses` at ``now``,
            give the SLA compliance (see :func:`sla_compliance`).
        now: the instant of the clocks; required with ``sla``.
        customers: the customers whose zones the SLA clocks may use (see
            :func:`~csroles.sla_statuses`).

    Returns:
        A read-only mapping from group key to metrics, keys sorted; a group
        appears once it has an interaction.

    Raises:
        InvalidEntityError: an argument is invalid, or ``by`` returns
            something other than a collection of non-empty strings.
        CalendarError: an instant outside the range of a BusinessCalendar.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_channel, group_metrics
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> def contact(n, channel):
    ...     return Interaction(
    ...         id=f"I-{n}",
    ...         customer_id="C-1",
    ...         channel=channel,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.ORDER,
    ...         priority=Priority.NORMAL,
    ...         events=[Event(kind=EventKind.OPENED, at=t0)],
    ...     )
    >>> grouped = group_metrics(
    ...     [contact(1, Channel.CHAT), contact(2, Channel.PHONE), contact(3, Channel.CHAT)],
    ...     by_channel,
    ... )
    >>> {channel: metrics.interactions for channel, metrics in grouped.items()}
    {'chat': 2, 'phone': 1}

    .. versionadded:: 0.1.0
    """
    owner = "group_metrics"
    if not callable(by):
        v.fail(owner, "by", by, "a function from an Interaction to its group keys")
    measure = _measure(_check_calendar(owner, calendar))
    period = _check_period(owner, period)
    if type(satisfied_at) is not int or not 1 <= satisfied_at <= 5:
        v.fail(owner, "satisfied_at", satisfied_at, "an integer from 1 to 5")
    selected = _interactions(owner, interactions)
    if period is not None:
        selected = [i for i in selected if period.start <= i.opened_at < period.end]
    clocks = _clocks(owner, selected, sla, now, customers)
    tallies: dict[str, _Tally] = {}
    for index, interaction in enumerate(selected):
        keys = by(interaction)
        if type(keys) is not tuple and not v.is_collection(keys):
            v.fail(owner, f"by({interaction.id!r})", keys, f"{v.COLLECTION} of group keys")
        mine = []
        for key in keys:
            tally = tallies.get(key)
            if tally is None:
                v.check_identifier(owner, f"by({interaction.id!r})", key)
                tally = tallies[key] = _Tally()
            mine.append(tally)
        if mine:
            _tally_into(mine, interaction, measure, satisfied_at, clocks[index] if clocks else ())
    return MappingProxyType({key: tallies[key].result() for key in sorted(tallies)})


def _clocks(
    owner: str,
    interactions: list[Interaction],
    sla: object,
    now: object,
    customers: Iterable[Customer] | Mapping[str, Customer] | None,
) -> list[tuple[SLAClock, ...]] | None:
    """Each interaction's SLA clocks at ``now``, by the batch form, one call per SLA."""
    if sla is None:
        return None
    if now is None:
        v.fail(owner, "now", now, "an aware datetime: the instant of the SLA clocks")
    if type(sla) is SLA:
        return list(sla_statuses(sla, interactions, now, customers))  # type: ignore[arg-type]
    if not callable(sla):
        v.fail(owner, "sla", sla, "None, an SLA, or a function from an Interaction to its SLA")
    by_sla: dict[int, tuple[SLA, list[int]]] = {}
    for index, interaction in enumerate(interactions):
        chosen = sla(interaction)
        if chosen is None:
            continue
        if type(chosen) is not SLA:
            v.fail(owner, f"sla({interaction.id!r})", chosen, "an SLA or None")
        by_sla.setdefault(id(chosen), (chosen, []))[1].append(index)
    result: list[tuple[SLAClock, ...]] = [()] * len(interactions)
    for chosen, indexes in by_sla.values():
        statuses = sla_statuses(chosen, [interactions[i] for i in indexes], now, customers)  # type: ignore[arg-type]
        for index, found in zip(indexes, statuses, strict=True):
            result[index] = found
    return result


def sla_compliance(
    clocks: Iterable[SLAClock | Iterable[SLAClock]], *, metric: Metric | None = None
) -> Ratio:
    """SLA compliance rate: ``met / (met + breached)`` over SLA clocks.

    Each clock counts once, by its state: ``met`` (stopped within its
    target) or ``breached`` (missed it; a breach is final even while the
    clock still runs). Clocks still running, in warning or paused have no
    outcome yet and are left out, so the rate is not lowered by work still
    in time. Interactions without an SLA have no clocks and change nothing.

    Args:
        clocks: SLA clocks, or tuples of clocks as :func:`~csroles.sla_statuses`
            returns them.
        metric: count only the clocks of this metric; ``None`` for all.

    Raises:
        InvalidEntityError: an item is not a clock or a collection of clocks.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import SLAClock, Metric, sla_compliance
    >>> from csroles.sla import ClockState
    >>> hour = timedelta(hours=1)
    >>> met = SLAClock(
    ...     metric=Metric.FIRST_RESPONSE_TIME,
    ...     target=hour,
    ...     elapsed=hour / 2,
    ...     state=ClockState.MET,
    ...     completed_cycles=1,
    ... )
    >>> late = SLAClock(
    ...     metric=Metric.RESOLUTION_TIME,
    ...     target=hour,
    ...     elapsed=2 * hour,
    ...     state=ClockState.BREACHED,
    ...     breached_at=datetime(2026, 5, 4, 10, tzinfo=UTC),
    ...     completed_cycles=1,
    ...     breached_cycles=1,
    ... )
    >>> running = SLAClock(
    ...     metric=Metric.RESOLUTION_TIME,
    ...     target=hour,
    ...     elapsed=hour / 4,
    ...     state=ClockState.PAUSED,
    ... )
    >>> sla_compliance([met, late, running])
    Ratio(part=1, whole=2)
    >>> sla_compliance([(met,), (late, running)], metric=Metric.FIRST_RESPONSE_TIME).percent
    100.0

    .. versionadded:: 0.1.0
    """
    owner = "sla_compliance"
    if not v.is_collection(clocks):
        v.fail(owner, "clocks", clocks, f"{v.COLLECTION} of SLAClocks")
    if metric is not None:
        metric = _check_metric(owner, "metric", metric)
    met = breached = 0
    for index, item in enumerate(clocks):
        group = (item,) if type(item) is SLAClock else item
        if not v.is_collection(group):
            v.fail(owner, f"clocks[{index}]", item, "an SLAClock or a collection of SLAClocks")
        for clock in typing.cast("Iterable[object]", group):
            if type(clock) is not SLAClock:
                v.fail(owner, f"clocks[{index}]", clock, "an SLAClock")
            if metric is not None and clock.metric is not metric:
                continue
            if clock.state is _MET:
                met += 1
            elif clock.state is _BREACHED:
                breached += 1
    return Ratio(part=met, whole=met + breached)


_check_metric = v.enum_check(Metric)


def _everything(_interaction: Interaction) -> tuple[str]:
    return ("all",)


def service_metrics(
    interactions: Iterable[Interaction],
    *,
    calendar: BusinessTime | None = None,
    period: Period | None = None,
    satisfied_at: int = 4,
    sla: SLAChoice | None = None,
    now: datetime | None = None,
    customers: Iterable[Customer] | Mapping[str, Customer] | None = None,
) -> ServiceMetrics:
    """Every interaction metric of ``interactions`` as one group (see :func:`group_metrics`).

    Empty input gives zero counts, ``None`` statistics and undefined rates.

    >>> from csroles import service_metrics
    >>> empty = service_metrics([])
    >>> empty.interactions, empty.first_response.mean, empty.nps.score, empty.csat.percent
    (0, None, None, None)

    .. versionadded:: 0.1.0
    """
    grouped = group_metrics(
        interactions,
        _everything,
        calendar=calendar,
        period=period,
        satisfied_at=satisfied_at,
        sla=sla,
        now=now,
        customers=customers,
    )
    return grouped["all"] if grouped else _Tally().result()


def by_position(interaction: Interaction) -> tuple[str, ...]:
    """Group by the position that holds the interaction (its assignee); unassigned ones in no group.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_position
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> ticket = Interaction(
    ...     id="T-1",
    ...     customer_id="C-1",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.ORDER,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
    ...     ],
    ... )
    >>> by_position(ticket)
    ('rep-1',)

    .. versionadded:: 0.1.0
    """
    if type(interaction) is not Interaction:
        v.fail("by_position", "interaction", interaction, "an Interaction")
    assignee = interaction.assignee
    return () if assignee is None else (assignee,)


def by_channel(interaction: Interaction) -> tuple[str]:
    """Group by channel; the keys are the :class:`~csroles.Channel` values (``"chat"``).

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_channel
    >>> chat = Interaction(
    ...     id="chat-1",
    ...     customer_id="C-1",
    ...     channel=Channel.CHAT,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.QUESTION,
    ...     priority=Priority.NORMAL,
    ...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=UTC))],
    ... )
    >>> by_channel(chat)
    ('chat',)

    .. versionadded:: 0.1.0
    """
    if type(interaction) is not Interaction:
        v.fail("by_channel", "interaction", interaction, "an Interaction")
    return (interaction.channel.value,)


def by_role(roles: Mapping[str, str] | OrgChart) -> Grouping:
    """Group by the role of the position that holds the interaction.

    Args:
        roles: each position's role key, by position id, or an
            :class:`~csroles.OrgChart` whose positions say it; interactions
            held by a position not in it (or by nobody) are in no group.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_role
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> ticket = Interaction(
    ...     id="T-1",
    ...     customer_id="C-1",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.ORDER,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
    ...     ],
    ... )
    >>> by_role({"rep-1": "customer_service_representative"})(ticket)
    ('customer_service_representative',)

    .. versionadded:: 0.1.0
    """
    if isinstance(roles, OrgChart):
        roles = {position.id: position.role for position in roles.positions}
    if not isinstance(roles, Mapping):
        v.fail("by_role", "roles", roles, "an OrgChart or a mapping from position id to role key")
    table = {
        v.check_identifier("by_role", "roles", p): v.check_key("by_role", f"roles[{p!r}]", r)
        for p, r in roles.items()
    }

    def grouping(interaction: Interaction) -> tuple[str, ...]:
        role = table.get(interaction.assignee)  # type: ignore[arg-type]
        return () if role is None else (role,)

    return grouping


def by_team(
    teams: Mapping[str, Iterable[str]] | OrgChart, *, heads: Iterable[str] | None = None
) -> Grouping:
    """Group by team: each team is a set of positions, and teams may overlap.

    An interaction counts in every team whose positions include its
    assignee, so a manager's team (their whole org-chart subtree) and the
    teams below it are all measured in the same pass.

    Args:
        teams: the position ids of each team, by team id; or an
            :class:`~csroles.OrgChart`, where each team is a head position
            and everyone below it (its subtree), named by the head's id.
        heads: with a chart, the heads of the teams; ``None`` for every
            position that has reports.

    Raises:
        InvalidEntityError: a team id or position id is not a valid id,
            or ``heads`` is given without a chart.
        UnknownPositionError: a head is not in the chart.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import by_team
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> ticket = Interaction(
    ...     id="T-1",
    ...     customer_id="C-1",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.ORDER,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
    ...     ],
    ... )
    >>> by_team({"north": ["sup-1", "rep-1"], "all": ["sup-1", "rep-1", "rep-2"]})(ticket)
    ('all', 'north')

    .. versionadded:: 0.1.0
    """
    owner = "by_team"
    if isinstance(teams, OrgChart):
        teams = _subtrees(teams, heads)
    elif heads is not None:
        v.fail(owner, "heads", heads, "None unless the teams are an OrgChart")
    if not isinstance(teams, Mapping):
        v.fail(owner, "teams", teams, "an OrgChart or a mapping from team id to position ids")
    membership: dict[str, list[str]] = {}
    for team in sorted(teams):
        v.check_identifier(owner, "teams", team)
        members = teams[team]
        if not v.is_collection(members):
            v.fail(owner, f"teams[{team!r}]", members, f"{v.COLLECTION} of position ids")
        for position in set(members):
            v.check_identifier(owner, f"teams[{team!r}]", position)
            membership.setdefault(position, []).append(team)
    frozen = {position: tuple(found) for position, found in membership.items()}

    def grouping(interaction: Interaction) -> tuple[str, ...]:
        return frozen.get(interaction.assignee, ())  # type: ignore[arg-type]

    return grouping


def _subtrees(chart: OrgChart, heads: Iterable[str] | None) -> dict[str, list[str]]:
    """Each head's team in ``chart``: the head and every position below it."""
    if heads is None:
        chosen = [p.id for p in chart.positions if p.id in _managers(chart)]
    elif not v.is_collection(heads):
        v.fail("by_team", "heads", heads, f"{v.COLLECTION} of position ids")
    else:
        chosen = list(heads)
    return {head: [head, *(p.id for p in chart.all_reports(head))] for head in chosen}


def _managers(chart: OrgChart) -> set[str | None]:
    return {p.reports_to for p in chart.positions}
