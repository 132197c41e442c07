"""Queue figures for a channel where contacts wait for an agent: Erlang C, Erlang A, the inverse.

A phone line or a live chat is a queue: contacts arrive at random (``volume``
of them in each ``interval``), each takes an agent ``handle_time`` on average,
and whoever finds every agent busy waits. :func:`erlang_c` gives, for a number
of agents, the chance of waiting, the service level (the share answered within
``threshold``), the average speed of answer and the occupancy:

>>> from datetime import timedelta
>>> from csroles.staffing import erlang_c
>>> figures = erlang_c(
...     volume=100,
...     interval=timedelta(minutes=30),
...     handle_time=timedelta(minutes=3),
...     agents=14,
...     threshold=timedelta(seconds=20),
... )
>>> figures.load, round(figures.service_level, 4), round(figures.occupancy, 4)
(10.0, 0.8884, 0.7143)

:func:`agents_for` answers the question the other way round, with the figures
for one agent fewer so that the answer explains itself:

>>> from csroles.staffing import agents_for
>>> need = agents_for(
...     volume=100,
...     interval=timedelta(minutes=30),
...     handle_time=timedelta(minutes=3),
...     service_level=0.8,
...     threshold=timedelta(seconds=20),
... )
>>> need.agents, round(need.fewer.service_level, 4)
(14, 0.7956)

The models, their assumptions and their limits are described on the
"Staffing" page of the docs.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

import attrs

from csroles import _validation as v
from csroles.errors import InvalidEntityError
from csroles.staffing import _erlang

__all__ = ["AgentRequirement", "QueueFigures", "agents_for", "erlang_a", "erlang_c"]

_ZERO = timedelta(0)


# ------------------------------------------------------------------ checks


def check_share(owner: object, field: str, value: object) -> float:
    """A number in (0, 1], as a float."""
    if (
        not isinstance(value, (int, float))
        or isinstance(value, bool)
        or not v.is_finite_number(value)
        or not 0 < value <= 1
    ):
        v.fail(owner, field, value, "a number above 0 and at most 1, such as 0.8")
    return float(value)


def check_volume(owner: object, field: str, value: object) -> float:
    """A finite number of zero or more, as a float."""
    if type(value) is float and 0.0 <= value < math.inf:  # the usual case
        return value
    if (
        not isinstance(value, (int, float))
        or isinstance(value, bool)
        or not v.is_finite_number(value)
        or value < 0
    ):
        v.fail(owner, field, value, "a finite number of zero or more (contacts per interval)")
    return float(value)


def check_positive_duration(owner: object, field: str, value: object) -> timedelta:
    """A timedelta above zero."""
    if type(value) is timedelta and value > _ZERO:  # the usual case, without the general checks
        return value
    duration = v.check_duration(owner, field, value, allow_negative=True)
    if duration <= _ZERO:
        v.fail(owner, field, value, "a duration above zero")
    return duration


def _seconds(owner: str, field: str, value: object) -> float:
    return check_positive_duration(owner, field, value).total_seconds()


def _load(owner: str, volume: object, interval: object, handle_time: object) -> tuple[float, float]:
    """The offered load in Erlangs and the handle time in seconds."""
    count = check_volume(owner, "volume", volume)
    length = _seconds(owner, "interval", interval)
    handle = _seconds(owner, "handle_time", handle_time)
    load = count * handle / length
    if not math.isfinite(load):
        v.fail(owner, "volume", volume, "a load (volume * handle time / interval) that is finite")
    return load, handle


# ------------------------------------------------------------------ results


def _check_probability(owner: object, field: str, value: object) -> float:
    if type(value) is not float or not 0.0 <= value <= 1.0:
        v.fail(owner, field, value, "a float from 0 to 1")
    return value


def _check_nonnegative(owner: object, field: str, value: object) -> float:
    if type(value) is not float or not v.is_finite_number(value) or value < 0:
        v.fail(owner, field, value, "a finite float of zero or more")
    return value


def _check_threshold(owner: object, field: str, value: object) -> timedelta:
    if type(value) is timedelta and value >= _ZERO:  # the usual case
        return value
    return v.check_duration(owner, field, value)


def _check_count(owner: object, field: str, value: object) -> int:
    return v.check_positive_int(owner, field, value)


def _check_agents(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 0:
        v.fail(instance, attribute.name, value, "an int of 0 or more")


@attrs.frozen(kw_only=True)
class QueueFigures:
    """What a number of agents achieves on a queue, from :func:`erlang_c` or :func:`erlang_a`.

    Attributes:
        agents: the agents answering.
        concurrency: the contacts each agent handles at once (1 for phone).
        load: the offered load in Erlangs: volume * handle time / interval.
        threshold: the service-level threshold (answered within it).
        wait_probability: the chance that a contact waits at all.
        service_level: the share of contacts answered within ``threshold``
            (with abandonment: among the contacts that are answered).
        asa_seconds: the average wait in seconds (average speed of answer;
            with abandonment: over every contact, by Little's law).
        occupancy: the share of the agents' time spent handling contacts.
        patience: the average patience before hanging up (Erlang A), or
            None when nobody abandons (Erlang C).
        abandonment: the share of contacts that hang up before an answer
            (0 without ``patience``).

    >>> from datetime import timedelta
    >>> from csroles.staffing import QueueFigures
    >>> QueueFigures(
    ...     agents=2,
    ...     load=1.0,
    ...     threshold=timedelta(seconds=20),
    ...     wait_probability=1 / 3,
    ...     service_level=0.5,
    ...     asa_seconds=60.0,
    ...     occupancy=0.5,
    ... ).abandonment
    0.0

    .. versionadded:: 0.1.0
    """

    agents: int = attrs.field(validator=v.validator(_check_count))
    concurrency: int = attrs.field(default=1, validator=v.validator(_check_count))
    load: float = attrs.field(validator=v.validator(_check_nonnegative))
    threshold: timedelta = attrs.field(validator=v.validator(_check_threshold))
    wait_probability: float = attrs.field(validator=v.validator(_check_probability))
    service_level: float = attrs.field(validator=v.validator(_check_probability))
    asa_seconds: float = attrs.field(validator=v.validator(_check_nonnegative))
    occupancy: float = attrs.field(validator=v.validator(_check_probability))
    patience: timedelta | None = attrs.field(
        default=None, validator=v.optional_validator(check_positive_duration)
    )
    abandonment: float = attrs.field(default=0.0, validator=v.validator(_check_probability))


@attrs.frozen(kw_only=True)
class AgentRequirement:
    """The fewest agents that meet the targets of :func:`agents_for`, and why.

    Attributes:
        agents: the fewest agents that meet every target.
        figures: what that many agents achieve.
        fewer: what one agent fewer achieves, or None when one fewer is
            none at all or cannot carry the load.
        reasons: for people: the target that decided the number, and what
            one agent fewer would miss.

    >>> from datetime import timedelta
    >>> from csroles.staffing import agents_for
    >>> need = agents_for(volume=30, interval=timedelta(hours=1), handle_time=timedelta(minutes=4))
    >>> need.agents, need.fewer.agents
    (4, 3)
    >>> print(need.reasons[-1])
    3 agents: service level 0.5911 < 0.8 within 0:00:20

    .. versionadded:: 0.1.0
    """

    agents: int = attrs.field(validator=_check_agents)
    figures: QueueFigures | None = attrs.field(
        validator=v.optional_validator(v.instance_check(QueueFigures))
    )
    fewer: QueueFigures | None = attrs.field(
        default=None,
        validator=v.optional_validator(v.instance_check(QueueFigures)),
    )
    reasons: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.check_identifier)
    )


# ------------------------------------------------------------------ figures


# The most servers (agents x concurrency) the formulas run for: the Erlang B
# recurrence is linear in them, so this bounds the work of one call (about a
# tenth of a second), whatever the arguments say.
_MAX_SERVERS = 1_000_000
_SERVERS = f"at most {_MAX_SERVERS:,} servers (agents x concurrency)"


def _count(owner: str, field: str, value: object) -> int:
    count = v.check_positive_int(owner, field, value)
    if count > _MAX_SERVERS:
        v.fail(owner, field, value, f"a whole number from 1 to {_MAX_SERVERS:,}")
    return count


def _concurrency(owner: str, value: object) -> int:
    return _count(owner, "concurrency", value)


def _agents(owner: str, value: object) -> int:
    return _count(owner, "agents", value)


def _servers(owner: str, agents: object, count: int, k: int) -> None:
    if count * k > _MAX_SERVERS:
        v.fail(owner, "agents", agents, f"{_SERVERS}: {count:,} x {k:,}")


def check_load_bound(owner: str, volume: object, max_occupancy: float | None, load: float) -> None:
    """Refuse a load that needs more servers than the formulas run for.

    The searches need more than ``load`` servers, and ``load / max_occupancy``
    when an occupancy is capped: past the bound the argument that asks for
    them is refused, ``volume`` or ``max_occupancy``.
    """
    if load > _MAX_SERVERS:
        v.fail(owner, "volume", volume, f"a load that {_SERVERS} can carry: {load:.6g} Erlangs")
    if max_occupancy is not None and load / max_occupancy > _MAX_SERVERS:
        v.fail(
            owner,
            "max_occupancy",
            max_occupancy,
            f"an occupancy that {_SERVERS} can keep: {load:.6g} Erlangs at most "
            f"{max_occupancy:g} busy need {load / max_occupancy:.6g}",
        )


def _figures(  # noqa: PLR0917 (private, called positionally in the searches)
    load: float,
    agents: int,
    concurrency: int,
    handle: float,
    threshold: timedelta,
    patience: timedelta | None,
    b: float,
) -> QueueFigures:
    """The figures for ``agents`` (B for their slots given); Erlang C needs slots > load."""
    slots = agents * concurrency
    tau = threshold.total_seconds()
    if patience is None:
        c, service_level, wait = _erlang.erlang_c(load, slots, b, handle, tau)
        abandonment = 0.0
    else:
        c, abandonment, service_level, wait = _erlang.erlang_a(
            load, slots, b, handle, patience.total_seconds(), tau
        )
    return v.built(
        QueueFigures,
        agents=agents,
        concurrency=concurrency,
        load=load,
        threshold=threshold,
        wait_probability=_share(c),
        service_level=float(service_level),
        asa_seconds=float(wait),
        occupancy=_occupancy(load, abandonment, slots),
        patience=patience,
        abandonment=_share(abandonment),
    )


def _occupancy(load: float, abandonment: float, slots: int) -> float:
    """The share of the slots' time spent on contacts: the load carried (less abandonment) / slots.

    The one expression for :attr:`QueueFigures.occupancy`, which the Erlang C
    search also tests, so that it judges the very figure it reports.
    """
    return _share(load * (1.0 - abandonment) / slots)


def _share(value: float) -> float:
    """``value`` held to [0, 1] (the usual case, already there, without the calls)."""
    return value if 0.0 <= value <= 1.0 else min(1.0, max(0.0, value))


def _unstable(owner: str, agents: int, concurrency: int, load: float) -> InvalidEntityError:
    slots = agents * concurrency
    what = f"{agents} agents" if concurrency == 1 else f"{agents} agents * {concurrency} contacts"
    return InvalidEntityError(
        f"{owner}.agents: {agents!r}, expected more than the load of {load:.6g} Erlangs: "
        f"{what} ({slots} at once) cannot carry it and the queue would grow without end "
        "(give a patience for Erlang A, where callers hang up)"
    )


def erlang_c(
    *,
    volume: float,
    interval: timedelta,
    handle_time: timedelta,
    agents: int,
    threshold: timedelta,
    concurrency: int = 1,
) -> QueueFigures:
    """Erlang C: what ``agents`` achieve on a queue where nobody hangs up.

    Contacts arrive at random (Poisson) at ``volume`` per ``interval``, handle
    times are exponential with mean ``handle_time``, and waiting contacts are
    served first come, first served. With n agents and a load of A Erlangs the
    chance of waiting is C = n·B / (n - A·(1 - B)) with B the Erlang B
    blocking probability, the service level is 1 - C·exp(-(n - A)·t / AHT) and
    the average speed of answer C·AHT / (n - A).

    With ``concurrency`` k above 1 (a chat agent handling up to k chats) each
    agent counts as k independent servers and ``handle_time`` must be the
    handle time of a chat when k run at once: an approximation that ignores
    that one person's chats slow each other down as they pile up; see the
    Staffing page.

    Args:
        volume: contacts arriving in one interval (zero or more).
        interval: the interval's length.
        handle_time: the average handle time (talk, hold and wrap-up).
        agents: the agents answering.
        threshold: the service-level threshold, such as 20 seconds.
        concurrency: the contacts an agent handles at once.

    Raises:
        InvalidEntityError: a bad argument (the message names it), more
            than 1,000,000 servers (agents times concurrency), or fewer
            agents (times concurrency) than the load: the queue would grow
            without end.

    >>> from datetime import timedelta
    >>> calls = dict(volume=360, interval=timedelta(hours=1), handle_time=timedelta(minutes=4))
    >>> round(erlang_c(**calls, agents=28, threshold=timedelta(seconds=15)).asa_seconds, 2)
    19.99
    >>> erlang_c(**calls, agents=24, threshold=timedelta(seconds=15))
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: erlang_c.agents: 24, expected more than the load of 24 Erlangs: 24 agents (24 at once) cannot carry it and the queue would grow without end (give a patience for Erlang A, where callers hang up)

    .. versionadded:: 0.1.0
    """
    owner = "erlang_c"
    load, handle = _load(owner, volume, interval, handle_time)
    count = _agents(owner, agents)
    k = _concurrency(owner, concurrency)
    limit = v.check_duration(owner, "threshold", threshold)
    _servers(owner, agents, count, k)
    if count * k <= load:
        raise _unstable(owner, count, k, load)
    return _figures(load, count, k, handle, limit, None, _erlang.erlang_b(load, count * k))


def erlang_a(
    *,
    volume: float,
    interval: timedelta,
    handle_time: timedelta,
    patience: timedelta,
    agents: int,
    threshold: timedelta,
    concurrency: int = 1,
) -> QueueFigures:
    """Erlang A: what ``agents`` achieve on a queue where waiting contacts hang up.

    As :func:`erlang_c`, and each waiting contact gives up after an
    exponential patience of mean ``patience`` (the M/M/n+M queue). It is the
    model for phone and chat queues where customers abandon: it never
    refuses a load (those who give up relieve the queue) and reports the
    share that abandons. The service level is the share answered within
    ``threshold`` among the contacts that are answered; the average speed of
    answer is the mean wait of every contact.

    Raises:
        InvalidEntityError: a bad argument (the message names it), or more
            than 1,000,000 servers (agents times concurrency).

    >>> from datetime import timedelta
    >>> busy = erlang_a(
    ...     volume=300,
    ...     interval=timedelta(hours=1),
    ...     handle_time=timedelta(minutes=4),
    ...     patience=timedelta(minutes=2),
    ...     agents=18,
    ...     threshold=timedelta(seconds=20),
    ... )
    >>> busy.load, round(busy.abandonment, 3), busy.occupancy < 1
    (20.0, 0.162, True)

    .. versionadded:: 0.1.0
    """
    owner = "erlang_a"
    load, handle = _load(owner, volume, interval, handle_time)
    count = _agents(owner, agents)
    k = _concurrency(owner, concurrency)
    limit = v.check_duration(owner, "threshold", threshold)
    wait = check_positive_duration(owner, "patience", patience)
    _servers(owner, agents, count, k)
    if load == 0:
        return _figures(load, count, k, handle, limit, None, 0.0)
    return _figures(load, count, k, handle, limit, wait, _erlang.erlang_b(load, count * k))


# ------------------------------------------------------------------ the inverse


def _missed(
    service_level: float,
    asa_seconds: float,
    occupancy: float,
    targets: tuple[float, timedelta | None, float | None],
) -> tuple[bool, bool, bool]:
    """Whether figures miss the service level, the average speed of answer, the occupancy.

    The one test of the targets: the searches ask it of the figures they
    report, and the reasons say what it found, so the answer meets every
    target and "one agent fewer" always misses one (two different float
    expressions of the same test once disagreed at an exact boundary, such
    as 1.8 Erlangs on 3 agents at most 0.6 busy).
    """
    level, max_asa, max_occupancy = targets
    return (
        service_level < level,
        max_asa is not None and asa_seconds > max_asa.total_seconds(),
        max_occupancy is not None and occupancy > max_occupancy,
    )


def _misses(
    figures: QueueFigures, targets: tuple[float, timedelta | None, float | None]
) -> list[str]:
    """The targets ``figures`` miss, in words."""
    level, max_asa, max_occupancy = targets
    low, slow, busy = _missed(
        figures.service_level, figures.asa_seconds, figures.occupancy, targets
    )
    misses = []
    if low:
        misses.append(
            f"service level {figures.service_level:.4f} < {level:g} within {figures.threshold}"
        )
    if slow and max_asa is not None:
        misses.append(
            f"average speed of answer {figures.asa_seconds:.1f} s > {max_asa.total_seconds():g} s"
        )
    if busy:
        misses.append(f"occupancy {figures.occupancy:.4f} > {max_occupancy:g}")
    return misses


def _search_c(
    load: float,
    k: int,
    handle: float,
    threshold: timedelta,
    targets: tuple[float, timedelta | None, float | None],
) -> tuple[int, float, float]:
    """The fewest agents (Erlang C), with B for its slots and for one agent fewer's.

    One pass of the Erlang B recurrence over the slots: linear in the answer.
    """
    tau = threshold.total_seconds()
    # No number of slots up to the load can carry it: run the recurrence
    # through them in a tight loop (most of the work at large loads), then
    # check each whole number of agents beyond.
    slots = math.floor(load)
    b = 1.0
    for n in range(1, slots + 1):
        ab = load * b
        b = ab / (n + ab)
    previous = _erlang.erlang_b(load, slots - slots % k) if slots % k else b
    while True:
        slots += 1
        ab = load * b
        b = ab / (slots + ab)
        if slots % k:
            continue
        _, achieved, wait = _erlang.erlang_c(load, slots, b, handle, tau)
        if not any(_missed(achieved, wait, _occupancy(load, 0.0, slots), targets)):
            return slots // k, b, previous
        previous = b


def _search_a(  # noqa: PLR0917 (private)
    load: float,
    k: int,
    handle: float,
    threshold: timedelta,
    patience: timedelta,
    targets: tuple[float, timedelta | None, float | None],
) -> int:
    """The fewest agents (Erlang A), searched from the Erlang C answer (the figures are monotone).

    Abandonment only shortens the waits of those who stay, so the Erlang C
    answer usually meets the targets already: the search gallops down from it
    and bisects, where the queue is stable and each evaluation cheap; when it
    does not, it gallops up.
    """

    def meets(agents: int) -> bool:
        figures = _figures(
            load, agents, k, handle, threshold, patience, _erlang.erlang_b(load, agents * k)
        )
        return not any(
            _missed(figures.service_level, figures.asa_seconds, figures.occupancy, targets)
        )

    start = _search_c(load, k, handle, threshold, targets)[0]
    step = 1
    if meets(start):
        high, low = start, start - step
        while low > 0 and meets(low):
            high, step = low, step * 2
            low = high - step
        low = max(low, 0)  # fails (or is 0)
    else:
        low, high = start, start + step
        while not meets(high):
            low, step = high, step * 2
            high = low + step
    while high - low > 1:
        middle = (low + high) // 2
        if meets(middle):
            high = middle
        else:
            low = middle
    return high


def agents_for(
    *,
    volume: float,
    interval: timedelta,
    handle_time: timedelta,
    service_level: float = 0.8,
    threshold: timedelta = timedelta(seconds=20),
    max_asa: timedelta | None = None,
    max_occupancy: float | None = None,
    patience: timedelta | None = None,
    concurrency: int = 1,
) -> AgentRequirement:
    """The fewest agents that meet a service level, an average speed of answer and an occupancy.

    Erlang C (or Erlang A when ``patience`` is given, see :func:`erlang_a`):
    the smallest number of agents whose service level within ``threshold`` is
    at least ``service_level``, whose average speed of answer is at most
    ``max_asa`` and whose occupancy is at most ``max_occupancy``. The answer
    comes with the figures for that number and for one agent fewer, and the
    reasons in words. A volume of zero needs no agent.

    Erlang C scans the agents once with the Erlang B recurrence (time linear in
    the answer, whatever the load); Erlang A bisects.

    Args:
        volume: contacts arriving in one interval.
        interval: the interval's length.
        handle_time: the average handle time.
        service_level: the share to answer within ``threshold``, in (0, 1].
        threshold: the service-level threshold (default 20 seconds: the
            classic "80/20").
        max_asa: the longest acceptable average speed of answer, or None.
        max_occupancy: the highest acceptable occupancy in (0, 1], or None.
        patience: the average patience of waiting contacts (Erlang A), or
            None when nobody hangs up (Erlang C).
        concurrency: the contacts an agent handles at once.

    Raises:
        InvalidEntityError: a bad argument (the message names it), or a
            load that needs more than 1,000,000 servers (agents times
            concurrency): more than 1,000,000 Erlangs, or a load over
            ``max_occupancy`` above it. The bound keeps one call's work to
            about a tenth of a second.

    >>> from datetime import timedelta
    >>> need = agents_for(
    ...     volume=1200,
    ...     interval=timedelta(minutes=30),
    ...     handle_time=timedelta(minutes=5),
    ...     max_occupancy=0.85,
    ... )
    >>> need.agents, round(need.figures.occupancy, 4)
    (236, 0.8475)
    >>> print(need.reasons[0])
    236 agents for 200 Erlangs: service level 0.9993 >= 0.8 within 0:00:20, occupancy 0.8475 <= 0.85

    .. versionadded:: 0.1.0
    """
    owner = "agents_for"
    load, handle = _load(owner, volume, interval, handle_time)
    target = check_share(owner, "service_level", service_level)
    limit = v.check_duration(owner, "threshold", threshold)
    asa = None if max_asa is None else v.check_duration(owner, "max_asa", max_asa)
    occupancy = (
        None if max_occupancy is None else check_share(owner, "max_occupancy", max_occupancy)
    )
    wait = None if patience is None else check_positive_duration(owner, "patience", patience)
    k = _concurrency(owner, concurrency)
    check_load_bound(owner, volume, occupancy, load)
    return _requirement(load, handle, k, limit, (target, asa, occupancy), wait)


def _requirement(  # noqa: PLR0917 (private, positional like the kernels)
    load: float,
    handle: float,
    k: int,
    threshold: timedelta,
    targets: tuple[float, timedelta | None, float | None],
    patience: timedelta | None,
) -> AgentRequirement:
    """:func:`agents_for` on checked values: the load in Erlangs, the handle time in seconds."""
    if load == 0:
        return AgentRequirement(agents=0, figures=None, reasons=["no contacts: no agent needed"])
    if patience is None:
        agents, b, b_fewer = _search_c(load, k, handle, threshold, targets)
        figures = _figures(load, agents, k, handle, threshold, None, b)
        fewer_stable = agents > 1 and (agents - 1) * k > load
        fewer = (
            _figures(load, agents - 1, k, handle, threshold, None, b_fewer)
            if fewer_stable
            else None
        )
    else:
        agents = _search_a(load, k, handle, threshold, patience, targets)
        figures = _figures(
            load, agents, k, handle, threshold, patience, _erlang.erlang_b(load, agents * k)
        )
        fewer = (
            _figures(
                load,
                agents - 1,
                k,
                handle,
                threshold,
                patience,
                _erlang.erlang_b(load, (agents - 1) * k),
            )
            if agents > 1
            else None
        )
    return v.built(
        AgentRequirement,
        agents=agents,
        figures=figures,
        fewer=fewer,
        reasons=tuple(_reasons(load, figures, fewer, targets)),
    )


def _reasons(
    load: float,
    figures: QueueFigures,
    fewer: QueueFigures | None,
    targets: tuple[float, timedelta | None, float | None],
) -> list[str]:
    service_level, max_asa, max_occupancy = targets
    met = [
        f"service level {figures.service_level:.4f} >= {service_level:g} within {figures.threshold}"
    ]
    if max_asa is not None:
        met.append(
            f"average speed of answer {figures.asa_seconds:.1f} s <= {max_asa.total_seconds():g} s"
        )
    if max_occupancy is not None:
        met.append(f"occupancy {figures.occupancy:.4f} <= {max_occupancy:g}")
    if figures.patience is not None:
        met.append(f"abandonment {figures.abandonment:.4f}")
    reasons = [f"{figures.agents} agents for {load:.6g} Erlangs: " + ", ".join(met)]
    below = figures.agents - 1
    if fewer is not None:
        reasons.append(f"{below} agents: " + ", ".join(_misses(fewer, targets)))
    elif below > 0:
        reasons.append(
            f"{below} agents: cannot carry {load:.6g} Erlangs (the queue would grow without end)"
        )
    return reasons
