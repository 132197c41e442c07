"""OrgChart construction and first chain queries, against slow oracles written from the rules.

The build oracle checks every rule of construction with plain loops over the
``reports_to`` links (no index, no colouring): whether a list of positions is
a chart, and if not, the exact message naming every problem. The chain
oracle walks the links one dict lookup at a time.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import HierarchyError, InvalidEntityError, OrgChart, Position, UnknownPositionError

AGENT = "call_center_agent"
LISTED = 10  # problems of one kind a message names


# ------------------------------------------------------------------ oracles


def quoted(text: str) -> str:
    return repr(text)  # the generated ids are short, so never cut


def listing(items: list[str]) -> str:
    if len(items) <= LISTED:
        return ", ".join(items)
    return ", ".join(items[:LISTED]) + f" and {len(items) - LISTED} more"


def cycle_words(ids: list[str]) -> str:
    if len(ids) <= 5:
        return "cycle " + " -> ".join(quoted(k) for k in [*ids, ids[0]])
    head = " -> ".join(quoted(k) for k in ids[:4])
    return (
        f"cycle of {len(ids)} positions {head} -> ({len(ids) - 5} more) -> "
        f"{quoted(ids[-1])} -> {quoted(ids[0])}"
    )


def build_oracle(links: list[tuple[str, str | None]], *, forest: bool) -> str | None:
    """The message of the HierarchyError for these (id, manager) links, or None for a chart."""
    ids = [k for k, _ in links]
    first: dict[str, int] = {}
    for n, k in enumerate(ids):
        first.setdefault(k, n)
    problems = []
    duplicates = [
        f"{quoted(k)} (positions {first[k]} and {n})" for n, k in enumerate(ids) if first[k] != n
    ]
    if duplicates:
        problems.append("duplicate ids " + listing(duplicates))
    missing = [
        f"{quoted(k)} reports to {quoted(m)}, which is not in the chart"
        for k, m in links
        if m is not None and m not in first
    ]
    problems.extend(missing[:LISTED])
    if len(missing) > LISTED:
        problems.append(f"and {len(missing) - LISTED} more positions with a missing manager")

    def up(n: int) -> int | None:  # a missing manager ends a walk like a root
        m = links[n][1]
        return first[m] if m is not None and m in first else None

    # Each cycle once, in the order of the first position whose walk reaches
    # it, written from its first member in chart order.
    cycles: list[list[int]] = []
    for start in range(len(links)):
        walk: list[int] = []
        at: int | None = start
        while at is not None and at not in walk:
            walk.append(at)
            at = up(at)
        if at is not None:
            cycle = walk[walk.index(at) :]
            low = cycle.index(min(cycle))
            cycle = cycle[low:] + cycle[:low]
            if cycle not in cycles:
                cycles.append(cycle)
    problems.extend(cycle_words([ids[n] for n in c]) for c in cycles[:LISTED])
    if len(cycles) > LISTED:
        problems.append(f"and {len(cycles) - LISTED} more cycles")
    roots = [k for k, m in links if m is None]
    if not forest and len(roots) != 1 and not cycles:
        problems.append(
            f"{len(roots)} roots" + (f" ({listing(list(map(quoted, roots)))})" if roots else "")
        )
    if not problems:
        return None
    expected = "a forest of positions" if forest else "one tree of positions"
    if not forest and len(roots) > 1:
        expected += " (pass forest=True to allow several roots)"
    return f"OrgChart.positions: {'; '.join(problems)}; expected {expected}"


def chain_oracle(links: list[tuple[str, str | None]], key: str) -> list[str]:
    up = dict(links)
    chain = []
    manager = up[key]
    while manager is not None:
        chain.append(manager)
        manager = up[manager]
    return chain


# ------------------------------------------------------------------ generators


@st.composite
def any_links(draw: st.DrawFn) -> list[tuple[str, str | None]]:
    """Links of any shape: duplicates, missing managers, cycles, any number of roots.

    Most are near misses (unique ids, managers in the chart) so that cycles
    and root counts are often the only problems, and some are charts.
    """
    pool = draw(st.sampled_from([list("abcd"), list("abcdefgh"), [f"p{n}" for n in range(30)]]))
    unique = draw(st.integers(0, 3)) > 0
    ids = draw(st.lists(st.sampled_from(pool), max_size=len(pool) + 6, unique=unique))
    links: list[tuple[str, str | None]] = []
    for key in ids:
        kind = draw(st.integers(0, 11))
        if kind == 0:
            manager = None
        elif kind == 1:
            manager = draw(st.sampled_from(["gone", "left"]))
        else:
            manager = draw(st.sampled_from(ids))
        links.append((key, manager))
    if draw(st.booleans()) and links:  # one root, often making a chart
        root = draw(st.integers(0, len(links) - 1))
        links[root] = (links[root][0], None)
    return links


@st.composite
def deep_links(draw: st.DrawFn, *, forest: bool) -> list[tuple[str, str | None]]:
    """Valid trees (forests), often chains longer than the 32 levels a chart remembers."""
    size = draw(st.integers(1, 90))
    links: list[tuple[str, str | None]] = []
    for n in range(size):
        if n == 0 or (forest and draw(st.integers(0, 9)) == 0):
            manager = None
        elif draw(st.integers(0, 4)):  # mostly the one just before: long chains
            manager = f"p{n - 1}"
        else:
            manager = f"p{draw(st.integers(0, n - 1))}"
        links.append((f"p{n}", manager))
    return draw(st.permutations(links))


def positions_of(links: list[tuple[str, str | None]]) -> list[Position]:
    return [Position(id=k, role=AGENT, reports_to=m) for k, m in links]


# ------------------------------------------------------------------ properties


@given(any_links(), st.booleans())
def test_construction_agrees_with_the_oracle(
    links: list[tuple[str, str | None]], forest: bool
) -> None:
    expected = build_oracle(links, forest=forest)
    if expected is None:
        chart = OrgChart(positions=positions_of(links), forest=forest)
        for key, _ in links:
            assert chart.depth(key) == len(chain_oracle(links, key))
    else:
        with pytest.raises(HierarchyError) as caught:
            OrgChart(positions=positions_of(links), forest=forest)
        assert str(caught.value) == expected


@given(
    st.booleans().flatmap(lambda forest: st.tuples(deep_links(forest=forest), st.just(forest))),
    st.data(),
)
def test_first_and_repeated_chains_agree_with_the_oracle(
    shaped: tuple[list[tuple[str, str | None]], bool], data: st.DataObject
) -> None:
    links, forest = shaped
    chart = OrgChart(positions=positions_of(links), forest=forest)
    keys = [k for k, _ in links]
    # Any order, each asked a first time and again, some as a str subclass.
    for key in data.draw(st.lists(st.sampled_from(keys), max_size=40)) + keys:
        asked = Key(key) if data.draw(st.booleans()) else key
        assert [p.id for p in chart.chain_of_command(asked)] == chain_oracle(links, key)
        assert chart.depth(key) == len(chain_oracle(links, key))


class Key(str):
    __slots__ = ()


# ------------------------------------------------------------------ examples


def test_a_valid_chart_in_any_order_is_built() -> None:
    links = [("c", "b"), ("b", "a"), ("d", "b"), ("a", None)]
    assert build_oracle(links, forest=False) is None
    chart = OrgChart(positions=positions_of(links))
    assert [chart.depth(k) for k, _ in links] == [2, 1, 2, 0]
    assert [p.id for p in chart.chain_of_command("c")] == ["b", "a"]


def test_every_problem_at_once() -> None:
    links = [("a", None), ("b", "a"), ("b", "zz"), ("c", "d"), ("d", "c"), ("e", "f")]
    message = (
        "OrgChart.positions: duplicate ids 'b' (positions 1 and 2); "
        "'b' reports to 'zz', which is not in the chart; "
        "'e' reports to 'f', which is not in the chart; "
        "cycle 'c' -> 'd' -> 'c'; expected one tree of positions"
    )
    assert build_oracle(links, forest=False) == message
    with pytest.raises(HierarchyError) as caught:
        OrgChart(positions=positions_of(links))
    assert str(caught.value) == message


def test_positions_are_checked_item_by_item_when_one_is_wrong() -> None:
    good = Position(id="a", role=AGENT)
    for given_positions, message in (
        ([good, "b"], r"OrgChart\.positions\[1\]: 'b', expected a Position$"),
        ((good, None), r"OrgChart\.positions\[1\]: None, expected a Position$"),
        (iter([good, 3]), r"OrgChart\.positions\[1\]: 3, expected a Position$"),
    ):
        with pytest.raises(InvalidEntityError, match=message):
            OrgChart(positions=given_positions)
    with pytest.raises(InvalidEntityError, match=r"OrgChart\.positions: 'ab', expected"):
        OrgChart(positions="ab")


def test_chain_of_command_refuses_bad_ids() -> None:
    chart = OrgChart(positions=positions_of([("a", None), ("b", "a")]))
    for bad, message in (
        (["b"], r"OrgChart\.id: a list, expected the id \(a str\) of a position in the chart$"),
        (None, r"OrgChart\.id: a NoneType, expected the id \(a str\)"),
        ("c", r"OrgChart\.id: no position 'c' in the chart"),
    ):
        with pytest.raises(UnknownPositionError, match=message):
            chart.chain_of_command(bad)  # type: ignore[arg-type]
    assert [p.id for p in chart.chain_of_command("b")] == ["a"]
