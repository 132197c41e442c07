"""Equitable distribution of accounts among relationship managers (*G2 service philosophy*).

The customer-success manager "makes sure the client portfolios are distributed
equitably among the employees". :func:`balance_portfolios` does it: it takes
accounts with a workload ``weight`` and positions with an optional
``capacity`` (the largest total weight a position may carry) and returns a
:class:`PortfolioPlan`.

>>> from types import SimpleNamespace as Item
>>> accounts = [Item(id=f"acme-{n}", weight=1) for n in range(5)]
>>> managers = [Item(id="rm-anna", capacity=None), Item(id="rm-bruno", capacity=None)]
>>> plan = balance_portfolios(accounts, managers)
>>> plan.loads
{'rm-anna': 3, 'rm-bruno': 2}

Guarantees (each is a property test in ``tests/test_portfolios.py``):

- every account is assigned exactly once, to one of the given positions, and
  no position carries more than its capacity;
- the result is deterministic and does not depend on the order of the inputs
  (ties are broken by id);
- equal weights: a position carries at most one account more than any other
  position that still has room (so with equal or no capacities the counts
  differ by at most one);
- different weights, no capacities: the largest load is at most
  ``4/3 - 1/(3m)`` times the best possible largest load for ``m`` positions
  (Graham's bound for the longest-processing-time rule, which is what is used);
- with ``current`` assignments, accounts stay where they are unless their
  position is over the balanced target: with equal weights the number of moved
  accounts is the smallest of all balanced plans; with different weights the
  largest load is never above that of a fresh plan, no more accounts move than
  in a fresh plan, and none move when the current portfolios already meet the
  target;
- with ``max_moves``, at most that many accounts change position;
- capacities that cannot hold the accounts raise
  :class:`~csroles.errors.InvalidEntityError`.

Weights and capacities are ints or floats; sums are computed exactly (floats
are exact binary fractions), so a load is the correctly rounded sum of its
weights and capacity checks never suffer from rounding.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

import attrs

from csroles import _validation as v
from csroles.errors import InvalidEntityError

__all__ = ["Portfolio", "PortfolioPlan", "balance_portfolios"]

_FN = "balance_portfolios"
_MISSING = object()


class _Account(Protocol):
    """What :func:`balance_portfolios` reads from an account."""

    @property
    def id(self) -> str: ...  # pragma: no cover

    @property
    def weight(self) -> float: ...  # pragma: no cover


class _Seat(Protocol):
    """What :func:`balance_portfolios` reads from a position."""

    @property
    def id(self) -> str: ...  # pragma: no cover

    @property
    def capacity(self) -> float | None: ...  # pragma: no cover


def _check_load(owner: object, field: str, value: object) -> int | float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        v.fail(owner, field, value, "a finite number of zero or more")
    if not v.is_finite_number(value) or value < 0:
        v.fail(owner, field, value, "a finite number of zero or more")
    return value


@attrs.frozen(kw_only=True)
class Portfolio:
    """The accounts one position carries, and their total weight.

    Args:
        position: the position's id.
        accounts: the account ids, sorted.
        load: the sum of the accounts' weights.

    >>> Portfolio(position="rm-anna", accounts=["a-1", "a-2"], load=3.5).accounts
    ('a-1', 'a-2')

    .. versionadded:: 0.1.0
    """

    position: str = attrs.field(validator=v.validator(v.check_identifier))
    accounts: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.items(v.check_identifier)
    )
    load: float = attrs.field(default=0, validator=v.validator(_check_load))


def _check_portfolios(instance: PortfolioPlan, attribute: Any, value: tuple[object, ...]) -> None:
    v.check_collection(instance, attribute.name, value)
    seen_positions: set[str] = set()
    seen_accounts: set[str] = set()
    for index, item in enumerate(value):
        field = f"{attribute.name}[{index}]"
        if not isinstance(item, Portfolio):
            v.fail(instance, field, item, "a Portfolio")
        if item.position in seen_positions:
            v.fail(instance, field, item.position, "a position that has no other portfolio")
        seen_positions.add(item.position)
        for account in item.accounts:
            if account in seen_accounts:
                v.fail(instance, field, account, "an account that is in no other portfolio")
            seen_accounts.add(account)


@attrs.frozen(kw_only=True)
class PortfolioPlan:
    """The result of :func:`balance_portfolios`: one portfolio per position.

    Args:
        portfolios: one :class:`Portfolio` per position, in the order the
            positions were given; no account is in two of them.
        moved: the ids of accounts that changed position against ``current``.
        placed: the ids of accounts that had no current position (new accounts,
            or accounts whose position is not among the positions any more).

    >>> plan = PortfolioPlan(
    ...     portfolios=[
    ...         Portfolio(position="rm-anna", accounts=["a-1"], load=2),
    ...         Portfolio(position="rm-bruno", accounts=["a-2", "a-3"], load=3),
    ...     ],
    ...     placed=["a-3"],
    ... )
    >>> plan.position_of("a-3"), plan.max_load, plan.spread
    ('rm-bruno', 3, 1)

    .. versionadded:: 0.1.0
    """

    portfolios: tuple[Portfolio, ...] = attrs.field(
        converter=v.to_tuple, validator=_check_portfolios
    )
    moved: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.items(v.check_identifier)
    )
    placed: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.items(v.check_identifier)
    )

    @property
    def assignments(self) -> dict[str, str]:
        """A new dict from each account id to its position id."""
        return {a: p.position for p in self.portfolios for a in p.accounts}

    @property
    def loads(self) -> dict[str, int | float]:
        """A new dict from each position id to its load."""
        return {p.position: p.load for p in self.portfolios}

    @property
    def max_load(self) -> int | float:
        """The largest load (0 when there are no positions)."""
        return max((p.load for p in self.portfolios), default=0)

    @property
    def min_load(self) -> int | float:
        """The smallest load (0 when there are no positions)."""
        return min((p.load for p in self.portfolios), default=0)

    @property
    def spread(self) -> int | float:
        """The largest load minus the smallest."""
        return self.max_load - self.min_load

    def position_of(self, account: str) -> str:
        """The id of the position that carries ``account``.

        Raises:
            InvalidEntityError: no portfolio holds that account.
        """
        for portfolio in self.portfolios:
            if account in portfolio.accounts:
                return portfolio.position
        raise InvalidEntityError(
            f"PortfolioPlan.portfolios: no account {account!r}, expected the id of an account"
            " in the plan"
        )


# ------------------------------------------------------------------ reading the inputs


def _number(field: str, value: object, *, zero: bool) -> int | float:
    if not v.is_finite_number(value):
        v.fail(_FN, field, value, "a finite int or float")
    number = int(value) if isinstance(value, int) else float(value)
    if number < 0 or (number == 0 and not zero):
        v.fail(_FN, field, value, "a number of zero or more" if zero else "a positive number")
    return number


def _attribute(field: str, item: object, name: str, default: object = _MISSING) -> object:
    value = getattr(item, name, default)
    if value is _MISSING:
        v.fail(_FN, field, item, f"an object with an attribute {name!r}")
    return value


def _read(
    field: str, items: object, attribute: str, *, zero: bool, optional: bool
) -> tuple[list[str], list[int | float | None]]:
    if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
        v.fail(_FN, field, items, "an iterable of objects with 'id' and " + repr(attribute))
    ids: list[str] = []
    values: list[int | float | None] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"{field}[{index}]"
        key = v.check_identifier(_FN, f"{where}.id", _attribute(where, item, "id"))
        if key in seen:
            v.fail(_FN, f"{where}.id", key, "ids that are unique")
        seen.add(key)
        raw = _attribute(where, item, attribute, None if optional else _MISSING)
        if raw is None and optional:
            values.append(None)
        else:
            values.append(_number(f"{where}.{attribute}", raw, zero=zero))
        ids.append(key)
    return ids, values


def _scale(numbers: Iterable[int | float | None]) -> int:
    """The smallest power of two that turns every number into an integer."""
    denominator = 1
    for number in numbers:
        if type(number) is float:
            denominator = max(denominator, number.as_integer_ratio()[1])
    return denominator


def _exact(number: int | float, denominator: int) -> int:
    top, bottom = number.as_integer_ratio()
    return top * (denominator // bottom)


# ------------------------------------------------------------------ the plans


@attrs.define
class _Problem:
    """The inputs as exact integers, accounts and positions sorted by id."""

    accounts: list[str]  # sorted ids
    weights: list[int]
    positions: list[str]  # sorted ids
    capacities: list[int | None]
    origin: list[int]  # each account's current position index, -1 if none
    scale: int  # the exact integers are the weights times this

    def show(self, exact: int) -> str:
        return str(exact // self.scale) if exact % self.scale == 0 else str(exact / self.scale)

    def infeasible(self, detail: str) -> InvalidEntityError:
        return InvalidEntityError(
            f"{_FN}.positions: capacities {detail}, expected room for every account"
        )


def _place(
    problem: _Problem,
    order: Iterable[int],
    assignment: list[int],
    loads: list[int],
    limits: Sequence[int | None],
) -> int | None:
    """Give each account of ``order`` to the least-loaded position it fits.

    Returns the first account that fits nowhere, or None when all fit.
    """
    weights = problem.weights
    heap = [(loads[p], p) for p in range(len(loads))]
    heapq.heapify(heap)
    for account in order:
        weight = weights[account]
        skipped = []
        while heap:
            load, p = heapq.heappop(heap)
            limit = limits[p]
            if limit is None or load + weight <= limit:
                assignment[account] = p
                loads[p] = load + weight
                heapq.heappush(heap, (loads[p], p))
                break
            skipped.append((load, p))
        else:
            return account
        for entry in skipped:
            heapq.heappush(heap, entry)
    return None


def _lpt_order(problem: _Problem, accounts: Iterable[int]) -> list[int]:
    # Accounts are indexed in id order, so the index breaks weight ties by id.
    weights = problem.weights
    return sorted(accounts, key=lambda a: (-weights[a], a))


def _fresh(problem: _Problem) -> list[int]:
    """Longest processing time first: heaviest account to the least-loaded position."""
    count = len(problem.accounts)
    assignment = [-1] * count
    loads = [0] * len(problem.positions)
    failed = _place(
        problem, _lpt_order(problem, range(count)), assignment, loads, problem.capacities
    )
    if failed is not None:
        # Only positions with a capacity can refuse an account.
        room = sum(c for c in problem.capacities if c is not None)
        raise problem.infeasible(
            f"have no room for account {problem.accounts[failed]!r}"
            f" (weight {problem.show(problem.weights[failed])}) once the heavier ones are placed;"
            f" total weight {problem.show(sum(problem.weights))},"
            f" total capacity {problem.show(room)}"
        )
    return assignment


def _moves(problem: _Problem, assignment: list[int]) -> int:
    return sum(1 for o, p in zip(problem.origin, assignment, strict=True) if o >= 0 and o != p)


def _weighted(problem: _Problem) -> list[int]:
    fresh = _fresh(problem)
    if all(o < 0 for o in problem.origin):
        return fresh
    m = len(problem.positions)
    loads = [0] * m
    for account, p in enumerate(fresh):
        loads[p] += problem.weights[account]
    target = max(loads)
    # Any plan whose largest load is within Graham's bound of this lower bound on
    # the optimum is within the bound of the optimum itself.
    heaviest = sorted(problem.weights, reverse=True)
    lower = max(-(-sum(heaviest) // m), heaviest[0])
    if len(heaviest) > m:
        lower = max(lower, heaviest[m - 1] + heaviest[m])
    ceiling = max(target, (4 * m - 1) * lower // (3 * m))
    keep = [target if c is None else min(c, target) for c in problem.capacities]
    place = [ceiling if c is None else min(c, ceiling) for c in problem.capacities]
    candidate = _keep_then_place(problem, keep, place)
    if candidate is not None and _moves(problem, candidate) <= _moves(problem, fresh):
        return candidate
    return fresh


def _keep_then_place(
    problem: _Problem, keep: Sequence[int], place: Sequence[int]
) -> list[int] | None:
    """Keep current accounts up to ``keep``, lightest first; place the rest under ``place``."""
    weights = problem.weights
    count = len(problem.accounts)
    assignment = [-1] * count
    loads = [0] * len(problem.positions)
    for account in sorted(range(count), key=lambda a: (weights[a], a)):
        p = problem.origin[account]
        if p >= 0 and loads[p] + weights[account] <= keep[p]:
            assignment[account] = p
            loads[p] += weights[account]
    pool = _lpt_order(problem, (a for a in range(count) if assignment[a] < 0))
    if _place(problem, pool, assignment, loads, place) is not None:
        return None
    return assignment


def _equal(problem: _Problem) -> list[int]:
    """Equal weights: water-fill the counts, keep the most current accounts."""
    count = len(problem.accounts)
    m = len(problem.positions)
    weight = problem.weights[0] if count else 1
    caps = [count if c is None else min(count, c // weight) for c in problem.capacities]
    if sum(caps) < count:
        raise problem.infeasible(f"hold {sum(caps)} of the {count} accounts of equal weight")

    def filled(level: int) -> int:
        return sum(min(c, level) for c in caps)

    low, high = 0, count  # the largest level whose water-filling does not exceed count
    while low < high:
        middle = (low + high + 1) // 2
        if filled(middle) <= count:
            low = middle
        else:
            high = middle - 1
    level = low
    extra = count - filled(level)
    current = [0] * m
    for p in problem.origin:
        if p >= 0:
            current[p] += 1
    # The positions that carry one more: those that would otherwise shed an account first.
    eligible = sorted(
        (p for p in range(m) if caps[p] > level), key=lambda p: (current[p] <= level, p)
    )
    targets = [min(c, level) for c in caps]
    for p in eligible[:extra]:
        targets[p] += 1
    assignment = [-1] * count
    kept = [0] * m
    for account in range(count):  # in id order: the first ones by id stay
        p = problem.origin[account]
        if p >= 0 and kept[p] < targets[p]:
            assignment[account] = p
            kept[p] += 1
    heap = [(kept[p], p) for p in range(m) if kept[p] < targets[p]]
    heapq.heapify(heap)
    for account in range(count):
        if assignment[account] < 0:
            load, p = heapq.heappop(heap)
            assignment[account] = p
            if load + 1 < targets[p]:
                heapq.heappush(heap, (load + 1, p))
    return assignment


def _within(problem: _Problem, budget: int) -> list[int]:
    """At most ``budget`` moves: fix capacities, place the rest, then improve greedily."""
    weights = problem.weights
    m = len(problem.positions)
    count = len(problem.accounts)
    assignment = list(problem.origin)
    loads = [0] * m
    for account, p in enumerate(assignment):
        if p >= 0:
            loads[p] += weights[account]
    used = 0
    by_weight = _lpt_order(problem, range(count))
    for account in by_weight:  # heaviest first: the fewest moves that fix a capacity
        p = assignment[account]
        capacity = problem.capacities[p] if p >= 0 else None
        if capacity is not None and loads[p] > capacity:
            assignment[account] = -1
            loads[p] -= weights[account]
            used += 1
    if used > budget:
        raise InvalidEntityError(
            f"{_FN}.max_moves: {budget}, expected at least {used}: the current portfolios"
            " exceed their capacities"
        )
    pool = [a for a in by_weight if assignment[a] < 0]
    failed = _place(problem, pool, assignment, loads, problem.capacities)
    if failed is not None:
        raise problem.infeasible(f"have no room for account {problem.accounts[failed]!r}")
    portfolios: list[list[int]] = [[] for _ in range(m)]
    for account in by_weight:
        portfolios[assignment[account]].append(account)
    settled = [False] * count
    while True:
        top = max(range(m), key=lambda p: (loads[p], -p))
        bottom = min(range(m), key=lambda p: (loads[p], p))
        gap = loads[top] - loads[bottom]
        room = problem.capacities[bottom]
        choice = -1
        for account in portfolios[top]:  # heaviest first
            weight = weights[account]
            free = problem.origin[account] != top
            if (
                not settled[account]
                and weight < gap
                and (room is None or loads[bottom] + weight <= room)
                and (free or used < budget)
            ):
                choice = account
                used += 0 if free else 1
                break
        if choice < 0:
            break
        settled[choice] = True
        portfolios[top].remove(choice)
        portfolios[bottom].append(choice)
        portfolios[bottom].sort(key=lambda a: (-weights[a], a))
        assignment[choice] = bottom
        loads[top] -= weights[choice]
        loads[bottom] += weights[choice]
    return assignment


def balance_portfolios(
    accounts: Iterable[_Account],
    positions: Iterable[_Seat],
    *,
    current: Mapping[str, str] | None = None,
    max_moves: int | None = None,
) -> PortfolioPlan:
    """Distribute accounts among positions so that their loads are as equal as possible.

    Args:
        accounts: objects with an ``id`` and a positive ``weight`` (such as
            :class:`~csroles.Account`).
        positions: objects with an ``id`` and a ``capacity``, the largest total
            weight they may carry, or None for no limit (such as
            :class:`~csroles.Position`; a missing ``capacity`` means no limit).
        current: today's assignment, account id to position id. Accounts that
            are not in ``accounts`` are ignored (they left the book); accounts
            whose position is not in ``positions`` are placed anew.
        max_moves: the most accounts that may change position against
            ``current``. When the balanced plan needs more, the loads are
            improved greedily within the budget instead, and the balance
            guarantees no longer hold.

    Returns:
        A :class:`PortfolioPlan`, portfolios in the order of ``positions``.

    Raises:
        InvalidEntityError: an input is malformed (a missing or non-positive
            weight, a negative capacity, a duplicate id, a negative
            ``max_moves``), the capacities cannot hold the accounts, or
            ``max_moves`` is too small to bring every portfolio within its
            capacity. With different weights the capacity check places the
            heaviest accounts first and may refuse a tight set of capacities
            that an exact packing could satisfy (packing is NP-hard); with
            equal weights and without capacities it is exact.

    Equal weights spread evenly, and ``current`` assignments are kept where
    the balance allows:

    >>> from types import SimpleNamespace as Item
    >>> accounts = [Item(id=f"a-{n}", weight=1) for n in range(6)]
    >>> rms = [Item(id=rm, capacity=None) for rm in ("rm-anna", "rm-bruno", "rm-carla")]
    >>> today = {f"a-{n}": "rm-anna" for n in range(4)} | {"a-4": "rm-bruno"}
    >>> plan = balance_portfolios(accounts, rms, current=today)
    >>> plan.loads, plan.moved, plan.placed
    ({'rm-anna': 2, 'rm-bruno': 2, 'rm-carla': 2}, ('a-2', 'a-3'), ('a-5',))

    .. versionadded:: 0.1.0
    """
    account_ids, raw_weights = _read("accounts", accounts, "weight", zero=False, optional=False)
    position_ids, raw_capacities = _read(
        "positions", positions, "capacity", zero=True, optional=True
    )
    if max_moves is not None and (type(max_moves) is not int or max_moves < 0):
        v.fail(_FN, "max_moves", max_moves, "None or an int of zero or more")
    if current is not None and not isinstance(current, Mapping):
        v.fail(_FN, "current", current, "None or a mapping from account id to position id")
    if account_ids and not position_ids:
        v.fail(_FN, "positions", [], "at least one position for the accounts")
    scale = _scale([*raw_weights, *raw_capacities])
    account_order = sorted(range(len(account_ids)), key=account_ids.__getitem__)
    position_order = sorted(range(len(position_ids)), key=position_ids.__getitem__)
    position_index = {position_ids[i]: rank for rank, i in enumerate(position_order)}
    origin = [-1] * len(account_ids)
    if current is not None:
        for key, value in current.items():
            v.check_identifier(_FN, "current", key)
            v.check_identifier(_FN, f"current[{key!r}]", value)
        origin = [position_index.get(current.get(account_ids[i], ""), -1) for i in account_order]
    weights = [_exact(raw_weights[i], scale) for i in account_order]  # type: ignore[arg-type]
    capacities = [
        None if (c := raw_capacities[i]) is None else _exact(c, scale) for i in position_order
    ]
    problem = _Problem(
        accounts=[account_ids[i] for i in account_order],
        weights=weights,
        positions=[position_ids[i] for i in position_order],
        capacities=capacities,
        origin=origin,
        scale=scale,
    )
    assignment = _equal(problem) if len(set(weights)) <= 1 else _weighted(problem)
    if max_moves is not None and _moves(problem, assignment) > max_moves:
        assignment = _within(problem, max_moves)
    return _plan(
        problem, assignment, position_ids, scale, as_int=all(type(w) is int for w in raw_weights)
    )


def _plan(
    problem: _Problem, assignment: list[int], given: list[str], scale: int, *, as_int: bool
) -> PortfolioPlan:
    members: list[list[str]] = [[] for _ in problem.positions]
    loads = [0] * len(problem.positions)
    for account, p in enumerate(assignment):  # accounts in id order
        members[p].append(problem.accounts[account])
        loads[p] += problem.weights[account]
    rank = {key: p for p, key in enumerate(problem.positions)}
    portfolios = [
        Portfolio(
            position=key,
            accounts=members[rank[key]],
            load=loads[rank[key]] // scale if as_int else loads[rank[key]] / scale,
        )
        for key in given
    ]
    moved = [
        problem.accounts[a]
        for a, (o, p) in enumerate(zip(problem.origin, assignment, strict=True))
        if o >= 0 and o != p
    ]
    placed = [problem.accounts[a] for a, o in enumerate(problem.origin) if o < 0]
    return PortfolioPlan(portfolios=portfolios, moved=moved, placed=placed)
