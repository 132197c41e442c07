"""balance_portfolios: the guarantees of the module docstring, against brute force."""

import itertools
import math
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from csroles import InvalidEntityError
from csroles.portfolios import Portfolio, PortfolioPlan, balance_portfolios


@dataclass(frozen=True)
class Acct:
    id: str
    weight: float


@dataclass(frozen=True)
class Seat:
    id: str
    capacity: float | None = None


# ------------------------------------------------------------------ strategies

ids = st.integers(0, 99).map(lambda n: f"x{n:02}")


@st.composite
def accounts(draw: st.DrawFn, *, max_size: int = 12, equal: bool = False) -> list[Acct]:
    keys = draw(st.lists(ids, unique=True, max_size=max_size))
    if equal:
        weight = draw(st.sampled_from([1, 2, 0.5, 0.1, 3.7]))
        return [Acct(f"a{k}", weight) for k in keys]
    weights = st.integers(1, 30) | st.floats(0.01, 30, allow_nan=False)
    return [Acct(f"a{k}", draw(weights)) for k in keys]


@st.composite
def seats(
    draw: st.DrawFn, *, min_size: int = 1, max_size: int = 5, capacities: bool = True
) -> list[Seat]:
    keys = draw(st.lists(ids, unique=True, min_size=min_size, max_size=max_size))
    capacity = st.none() | st.integers(0, 40) if capacities else st.none()
    return [Seat(f"p{k}", draw(capacity)) for k in keys]


def load_of(plan: PortfolioPlan, weights: dict[str, float]) -> dict[str, float]:
    return {p.position: math.fsum(weights[a] for a in p.accounts) for p in plan.portfolios}


def check_invariants(plan: PortfolioPlan, accs: list[Acct], positions: list[Seat]) -> None:
    """Every account exactly once, loads exact, capacities respected, positions in order."""
    weights = {a.id: a.weight for a in accs}
    assert [p.position for p in plan.portfolios] == [s.id for s in positions]
    placed = Counter(a for p in plan.portfolios for a in p.accounts)
    assert placed == Counter(list(weights))
    assert load_of(plan, weights) == plan.loads
    for seat, portfolio in zip(positions, plan.portfolios, strict=True):
        assert list(portfolio.accounts) == sorted(portfolio.accounts)
        if seat.capacity is not None:
            assert Fraction(portfolio.load) <= Fraction(seat.capacity) or math.isclose(
                portfolio.load, seat.capacity
            )
            assert sum(Fraction(weights[a]) for a in portfolio.accounts) <= seat.capacity


def balanced(counts: dict[str, int], room: dict[str, float]) -> bool:
    """Equal weights: no account could move to a position with room and narrow a gap of two."""
    return all(
        counts[a] <= counts[b] + 1 or room[b] < 1 for a, b in itertools.permutations(counts, 2)
    )


def count_room(seat: Seat, weight: float, count: int) -> float:
    if seat.capacity is None:
        return math.inf
    fits = 0
    while Fraction(weight) * (fits + 1) <= seat.capacity:
        fits += 1
    return fits - count


# ------------------------------------------------------------------ examples


def test_seed_003_the_csm_manager_shares_portfolios_equitably() -> None:
    # Two relationship managers and an implementation specialist share ten accounts.
    accs = [Acct(f"client-{n:02}", 1) for n in range(10)]
    team = [Seat("rm-anna"), Seat("rm-bruno"), Seat("is-carla")]
    plan = balance_portfolios(accs, team)
    assert sorted(plan.loads.values()) == [3, 3, 4]
    assert plan.spread == 1
    assert plan.moved == ()
    assert plan.placed == tuple(a.id for a in accs)


def test_weighted_example_pinned() -> None:
    # LPT: 7 -> a, 6 -> b, 5 -> c, 4 -> c (5), 3 -> b (6), 2 -> a (7) ...
    accs = [Acct(f"w{w}", w) for w in (7, 6, 5, 4, 3, 2)]
    plan = balance_portfolios(accs, [Seat("a"), Seat("b"), Seat("c")])
    assert plan.assignments == {
        "w7": "a",
        "w6": "b",
        "w5": "c",
        "w4": "c",
        "w3": "b",
        "w2": "a",
    }
    assert plan.loads == {"a": 9, "b": 9, "c": 9}


def test_lpt_is_not_optimal_but_within_the_bound() -> None:
    # The classic tight case for m = 2: LPT gives 7, the optimum is 6 (3+3 / 2+2+2).
    accs = [Acct(f"a{n}", w) for n, w in enumerate((3, 3, 2, 2, 2))]
    plan = balance_portfolios(accs, [Seat("p"), Seat("q")])
    assert plan.max_load == 7
    assert plan.max_load <= (Fraction(4, 3) - Fraction(1, 6)) * 6


def test_current_assignments_are_kept_when_balanced() -> None:
    accs = [Acct(f"a{n}", 1) for n in range(6)]
    team = [Seat("p"), Seat("q")]
    current = {"a0": "q", "a1": "q", "a2": "q", "a3": "p", "a4": "p", "a5": "p"}
    plan = balance_portfolios(accs, team, current=current)
    assert plan.assignments == current
    assert plan.moved == () == plan.placed


def test_a_leaving_manager_hands_over_only_their_accounts() -> None:
    accs = [Acct(f"a{n}", 1) for n in range(6)]
    current = {"a0": "p", "a1": "p", "a2": "q", "a3": "q", "a4": "r", "a5": "r"}
    plan = balance_portfolios(accs, [Seat("p"), Seat("q")], current=current)
    assert plan.loads == {"p": 3, "q": 3}
    assert plan.moved == ()
    assert plan.placed == ("a4", "a5")
    assert {plan.position_of("a4"), plan.position_of("a5")} == {"p", "q"}


def test_weighted_current_keeps_a_near_balanced_book() -> None:
    accs = [Acct("big", 10), Acct("m1", 5), Acct("m2", 5), Acct("s1", 1), Acct("new", 2)]
    current = {"big": "p", "m1": "q", "m2": "q", "s1": "p"}
    plan = balance_portfolios(accs, [Seat("p"), Seat("q")], current=current)
    assert plan.moved == ()
    assert plan.placed == ("new",)
    assert plan.loads == {"p": 11, "q": 12}


def test_capacities_shape_the_plan() -> None:
    accs = [Acct(f"a{n}", 1) for n in range(7)]
    plan = balance_portfolios(accs, [Seat("p", capacity=1), Seat("q"), Seat("r")])
    assert plan.loads == {"p": 1, "q": 3, "r": 3}
    plan = balance_portfolios(accs, [Seat("p", capacity=0), Seat("q", capacity=4), Seat("r")])
    assert plan.loads == {"p": 0, "q": 4, "r": 3}


def test_float_weights_sum_exactly() -> None:
    accs = [Acct(f"a{n}", 0.1) for n in range(3)] + [Acct("b", 0.2)]
    plan = balance_portfolios(
        accs, [Seat("p", capacity=0.3), Seat("q", capacity=0.30000000000000004)]
    )
    assert plan.loads == {"p": 0.2, "q": 0.30000000000000004}
    assert plan.max_load == math.fsum([0.1, 0.1, 0.1])
    with pytest.raises(InvalidEntityError, match="capacities"):
        balance_portfolios(accs, [Seat("p", capacity=0.3), Seat("q", capacity=0.2)])


def test_int_weights_give_int_loads_even_with_float_capacities() -> None:
    plan = balance_portfolios([Acct("a", 2), Acct("b", 1)], [Seat("p", capacity=2.5), Seat("q")])
    assert plan.loads == {"p": 2, "q": 1}
    assert all(type(load) is int for load in plan.loads.values())


def test_nothing_to_share() -> None:
    plan = balance_portfolios([], [Seat("p")])
    assert plan.loads == {"p": 0}
    assert plan.max_load == plan.min_load == 0
    empty = balance_portfolios([], [])
    assert empty.portfolios == ()
    assert empty.spread == 0


def test_max_moves_limits_the_moves() -> None:
    accs = [Acct(f"a{n}", 1) for n in range(8)]
    current = {a.id: "p" for a in accs}
    team = [Seat("p"), Seat("q")]
    assert len(balance_portfolios(accs, team, current=current).moved) == 4
    plan = balance_portfolios(accs, team, current=current, max_moves=2)
    assert plan.loads == {"p": 6, "q": 2}
    assert len(plan.moved) == 2
    assert balance_portfolios(accs, team, current=current, max_moves=0).loads == {"p": 8, "q": 0}
    assert balance_portfolios(accs, team, current=current, max_moves=9).loads == {"p": 4, "q": 4}


def test_max_moves_too_small_for_the_capacities() -> None:
    accs = [Acct(f"a{n}", 1) for n in range(4)]
    current = {a.id: "p" for a in accs}
    with pytest.raises(InvalidEntityError, match=r"max_moves: 1, expected at least 2"):
        balance_portfolios(accs, [Seat("p", 2), Seat("q")], current=current, max_moves=1)
    plan = balance_portfolios(accs, [Seat("p", 2), Seat("q")], current=current, max_moves=2)
    assert plan.loads == {"p": 2, "q": 2}


def test_max_moves_with_no_room_left() -> None:
    # A fresh plan fits (3+1 / 3+1), but keeping both light accounts on p leaves no room.
    accs = [Acct("a1", 1), Acct("a2", 1), Acct("n1", 3), Acct("n2", 3)]
    current = {"a1": "p", "a2": "p"}
    team = [Seat("p", 4), Seat("q", 4)]
    assert balance_portfolios(accs, team, current=current).loads == {"p": 4, "q": 4}
    with pytest.raises(InvalidEntityError, match=r"no room for account 'n2'"):
        balance_portfolios(accs, team, current=current, max_moves=0)


def test_infeasible_capacities() -> None:
    accs = [Acct(f"a{n}", 1) for n in range(5)]
    with pytest.raises(InvalidEntityError, match=r"hold 4 of the 5 accounts"):
        balance_portfolios(accs, [Seat("p", 2), Seat("q", 2.5)])
    with pytest.raises(
        InvalidEntityError,
        match=r"no room for account 'big' \(weight 9\) once .* total weight 10, total capacity 16,",
    ):
        balance_portfolios([Acct("big", 9), Acct("s", 1)], [Seat("p", 8), Seat("q", 8)])
    with pytest.raises(
        InvalidEntityError, match=r"weight 2.5\) .* total weight 3.5, total capacity 4,"
    ):
        balance_portfolios([Acct("a", 2.5), Acct("b", 1)], [Seat("p", 2), Seat("q", 2)])
    with pytest.raises(InvalidEntityError, match=r"expected at least one position"):
        balance_portfolios(accs, [])


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("accs", "positions", "message"),
    [
        (5, [Seat("p")], r"accounts: 5, expected an iterable"),
        ("ab", [Seat("p")], r"accounts: 'ab', expected an iterable"),
        ({"a": 1}, [Seat("p")], r"accounts: \{'a': 1\}, expected an iterable"),
        ([object()], [Seat("p")], r"accounts\[0\]: .* attribute 'id'"),
        ([Acct("a", 1)], [object()], r"positions\[0\]: .* attribute 'id'"),
        ([Acct("", 1)], [Seat("p")], r"accounts\[0\]\.id: ''"),
        ([Acct("a", 0)], [Seat("p")], r"accounts\[0\]\.weight: 0, expected a positive number"),
        ([Acct("a", -1)], [Seat("p")], r"accounts\[0\]\.weight: -1, expected a positive number"),
        (
            [Acct("a", True)],
            [Seat("p")],
            r"accounts\[0\]\.weight: True, expected a finite int or float",
        ),
        ([Acct("a", math.nan)], [Seat("p")], r"accounts\[0\]\.weight: nan, expected a finite"),
        ([Acct("a", math.inf)], [Seat("p")], r"accounts\[0\]\.weight: inf, expected a finite"),
        ([Acct("a", "1")], [Seat("p")], r"accounts\[0\]\.weight: '1', expected a finite"),  # type: ignore[arg-type]
        ([Acct("a", 1), Acct("a", 2)], [Seat("p")], r"accounts\[1\]\.id: 'a', expected ids"),
        ([Acct("a", 1)], [Seat("p"), Seat("p")], r"positions\[1\]\.id: 'p', expected ids"),
        ([Acct("a", 1)], [Seat("p", -1)], r"positions\[0\]\.capacity: -1, expected a number"),
        (
            [Acct("a", 1)],
            [Seat("p", math.inf)],
            r"positions\[0\]\.capacity: inf, expected a finite",
        ),
    ],
)
def test_bad_inputs(accs: object, positions: object, message: str) -> None:
    with pytest.raises(InvalidEntityError, match=r"^balance_portfolios\." + message):
        balance_portfolios(accs, positions)  # type: ignore[arg-type]


def test_a_position_without_capacity_attribute_has_no_limit() -> None:
    @dataclass(frozen=True)
    class Bare:
        id: str

    plan = balance_portfolios([Acct("a", 1), Acct("b", 1)], [Bare("p")])  # type: ignore[list-item]
    assert plan.loads == {"p": 2}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_moves": -1}, r"max_moves: -1, expected None or an int"),
        ({"max_moves": True}, r"max_moves: True, expected None or an int"),
        ({"max_moves": 1.0}, r"max_moves: 1.0, expected None or an int"),
        ({"current": [("a", "p")]}, r"current: \[\('a', 'p'\)\], expected None or a mapping"),
        ({"current": {"a": ""}}, r"current\['a'\]: '', expected a non-empty string"),
        ({"current": {1: "p"}}, r"current: 1, expected a non-empty string"),
    ],
)
def test_bad_keyword_arguments(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidEntityError, match=r"^balance_portfolios\." + message):
        balance_portfolios([Acct("a", 1)], [Seat("p")], **kwargs)  # type: ignore[arg-type]


def test_result_values_validate() -> None:
    with pytest.raises(InvalidEntityError, match=r"Portfolio\.load: -1"):
        Portfolio(position="p", load=-1)
    with pytest.raises(InvalidEntityError, match=r"Portfolio\.load: True"):
        Portfolio(position="p", load=True)
    with pytest.raises(InvalidEntityError, match=r"Portfolio\.load: nan"):
        Portfolio(position="p", load=math.nan)
    with pytest.raises(InvalidEntityError, match=r"Portfolio\.accounts\[0\]: ''"):
        Portfolio(position="p", accounts=[""])
    with pytest.raises(InvalidEntityError, match=r"PortfolioPlan\.portfolios\[0\]: 'p'"):
        PortfolioPlan(portfolios=["p"])
    with pytest.raises(InvalidEntityError, match=r"portfolios\[1\]: 'p', expected a position"):
        PortfolioPlan(portfolios=[Portfolio(position="p"), Portfolio(position="p")])
    with pytest.raises(InvalidEntityError, match=r"portfolios\[1\]: 'a', expected an account"):
        PortfolioPlan(
            portfolios=[
                Portfolio(position="p", accounts=["a"], load=1),
                Portfolio(position="q", accounts=["a"], load=1),
            ]
        )
    plan = PortfolioPlan(portfolios=[Portfolio(position="p", accounts=["a"], load=1)])
    with pytest.raises(InvalidEntityError, match=r"no account 'b'"):
        plan.position_of("b")


# ------------------------------------------------------------------ properties


@given(accounts(), seats())
def test_invariants_and_determinism(accs: list[Acct], positions: list[Seat]) -> None:
    try:
        plan = balance_portfolios(accs, positions)
    except InvalidEntityError:
        # Refusals happen only when every position has a capacity.
        assert all(s.capacity is not None for s in positions)
        return
    check_invariants(plan, accs, positions)
    assert balance_portfolios(list(reversed(accs)), list(reversed(positions))).assignments == (
        plan.assignments
    )
    assert balance_portfolios(accs, positions) == plan


@given(accounts(), seats())
def test_refusals_are_justified_when_obvious(accs: list[Acct], positions: list[Seat]) -> None:
    total = sum(Fraction(a.weight) for a in accs)
    capacities = [s.capacity for s in positions]
    heaviest = max((Fraction(a.weight) for a in accs), default=Fraction(0))
    too_much = None not in capacities and total > sum(Fraction(c or 0) for c in capacities)
    too_heavy = bool(accs) and all(c is not None and heaviest > c for c in capacities)
    if too_much or too_heavy:
        with pytest.raises(InvalidEntityError, match="capacities"):
            balance_portfolios(accs, positions)
    elif None in capacities:
        check_invariants(balance_portfolios(accs, positions), accs, positions)


@given(accounts(equal=True, max_size=30), seats(max_size=6))
def test_equal_weights_are_balanced_and_refused_exactly_when_they_do_not_fit(
    accs: list[Acct], positions: list[Seat]
) -> None:
    weight = accs[0].weight if accs else 1
    fits = sum(count_room(s, weight, 0) for s in positions)
    if fits < len(accs):
        with pytest.raises(InvalidEntityError, match=r"hold \d+ of the \d+ accounts"):
            balance_portfolios(accs, positions)
        return
    plan = balance_portfolios(accs, positions)
    check_invariants(plan, accs, positions)
    counts = {p.position: len(p.accounts) for p in plan.portfolios}
    room = {s.id: count_room(s, weight, counts[s.id]) for s in positions}
    assert balanced(counts, room)
    if len({s.capacity for s in positions}) == 1:
        assert max(counts.values()) - min(counts.values()) <= 1


def optimum(weights: list[int], m: int) -> int:
    """The smallest possible largest load, by trying every assignment."""
    best = sum(weights)
    for choice in itertools.product(range(m), repeat=len(weights)):
        loads = [0] * m
        for w, p in zip(weights, choice, strict=True):
            loads[p] += w
        best = min(best, max(loads))
    return best


@given(st.lists(st.integers(1, 20), min_size=1, max_size=7), st.integers(1, 3))
def test_lpt_bound_against_the_brute_force_optimum(weights: list[int], m: int) -> None:
    accs = [Acct(f"a{n}", w) for n, w in enumerate(weights)]
    plan = balance_portfolios(accs, [Seat(f"p{n}") for n in range(m)])
    best = optimum(weights, m)
    assert plan.max_load * 3 * m <= (4 * m - 1) * best


def min_moves_oracle(accs: list[Acct], positions: list[Seat], current: dict[str, str]) -> int:
    """Equal weights: the fewest moves of any balanced assignment that respects capacities."""
    weight = accs[0].weight
    best = len(accs) + 1
    for choice in itertools.product(positions, repeat=len(accs)):
        counts = Counter(s.id for s in choice)
        room = {s.id: count_room(s, weight, counts[s.id]) for s in positions}
        if any(r < 0 for r in room.values()):
            continue
        if not balanced({s.id: counts[s.id] for s in positions}, room):
            continue
        valid = {s.id for s in positions}
        moves = sum(
            1
            for a, s in zip(accs, choice, strict=True)
            if current.get(a.id) in valid and current[a.id] != s.id
        )
        best = min(best, moves)
    return best


@st.composite
def with_current(draw: st.DrawFn, accs: list[Acct], positions: list[Seat]) -> dict[str, str]:
    names = [s.id for s in positions] + ["gone"]
    return {
        a.id: draw(st.sampled_from(names))
        for a in accs
        if draw(st.booleans()) or draw(st.booleans())
    } | {"left-the-book": names[0]}


@given(st.data(), accounts(equal=True, max_size=6), seats(max_size=3))
def test_equal_weights_move_the_fewest_accounts(
    data: st.DataObject, accs: list[Acct], positions: list[Seat]
) -> None:
    assume(accs)
    current = data.draw(with_current(accs, positions))
    try:
        plan = balance_portfolios(accs, positions, current=current)
    except InvalidEntityError:
        assert min_moves_oracle(accs, positions, current) > len(accs)
        return
    check_invariants(plan, accs, positions)
    assert len(plan.moved) == min_moves_oracle(accs, positions, current)
    valid = {s.id for s in positions}
    assert set(plan.placed) == {a.id for a in accs if current.get(a.id) not in valid}
    assert set(plan.moved) == {
        a.id for a in accs if current.get(a.id) in valid and plan.position_of(a.id) != current[a.id]
    }


@given(st.data(), accounts(max_size=12), seats(max_size=4, capacities=False))
def test_weighted_current_keeps_the_guarantees(
    data: st.DataObject, accs: list[Acct], positions: list[Seat]
) -> None:
    current = data.draw(with_current(accs, positions))
    plan = balance_portfolios(accs, positions, current=current)
    fresh = balance_portfolios(accs, positions)
    check_invariants(plan, accs, positions)
    heaviest = max((a.weight for a in accs), default=0)
    assert plan.max_load <= fresh.max_load + heaviest
    valid = {s.id for s in positions}
    fresh_moves = sum(
        1 for a in accs if current.get(a.id) in valid and fresh.position_of(a.id) != current[a.id]
    )
    assert len(plan.moved) <= fresh_moves
    if len(accs) <= 7 and len(positions) <= 3:
        weights = [Fraction(a.weight) for a in accs]
        m = len(positions)
        scale = math.lcm(*(w.denominator for w in weights)) if weights else 1
        best = optimum([int(w * scale) for w in weights], m)
        assert Fraction(plan.max_load) * scale * 3 * m <= (4 * m - 1) * best or math.isclose(
            plan.max_load * scale * 3 * m, (4 * m - 1) * best
        )


@given(st.data(), accounts(max_size=12), seats(max_size=4, capacities=False))
def test_a_book_within_the_target_does_not_move(
    data: st.DataObject, accs: list[Acct], positions: list[Seat]
) -> None:
    fresh = balance_portfolios(accs, positions)
    # Any complete assignment whose loads are all within the fresh plan's largest load
    # stays: start from the fresh plan with its positions relabelled, then move
    # accounts wherever they still fit.
    relabel = dict(zip(positions, data.draw(st.permutations(positions)), strict=True))
    by_id = {s.id: s for s in positions}
    current = {a: relabel[by_id[p]].id for a, p in fresh.assignments.items()}
    weights = {a.id: Fraction(a.weight) for a in accs}
    loads = dict.fromkeys(by_id, Fraction(0))
    for a, p in current.items():
        loads[p] += weights[a]
    for account in data.draw(st.permutations(accs)):
        seat = data.draw(st.sampled_from(positions))
        if loads[seat.id] + weights[account.id] <= Fraction(fresh.max_load):
            loads[current[account.id]] -= weights[account.id]
            loads[seat.id] += weights[account.id]
            current[account.id] = seat.id
    plan = balance_portfolios(accs, positions, current=current)
    assert plan.moved == ()
    assert all(plan.position_of(a) == p for a, p in current.items())


@given(st.data(), accounts(max_size=10), seats(max_size=4), st.integers(0, 6))
def test_max_moves_is_a_hard_limit(
    data: st.DataObject, accs: list[Acct], positions: list[Seat], budget: int
) -> None:
    current = data.draw(with_current(accs, positions))
    try:
        plan = balance_portfolios(accs, positions, current=current, max_moves=budget)
    except InvalidEntityError as error:
        refusal = str(error)
        plan = None
    if plan is None:
        assert "capacities" in refusal or "max_moves" in refusal
        return
    check_invariants(plan, accs, positions)
    assert len(plan.moved) <= budget
    free = balance_portfolios(accs, positions, current=current)
    if len(free.moved) <= budget:
        assert plan == free
