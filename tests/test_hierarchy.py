"""OrgChart structure and queries, against brute-force oracles over the reports_to links."""

import itertools
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Channel,
    HierarchyError,
    InvalidEntityError,
    OrgChart,
    Position,
    Topic,
    UnknownPositionError,
)

AGENT = "call_center_agent"
MANAGER = "call_center_manager"
DIRECTOR = "call_center_director"
ROLES = [AGENT, MANAGER, DIRECTOR, "customer_support_engineer", "customer_service_supervisor"]


def chart_of(*links: tuple[str, str | None], forest: bool = False) -> OrgChart:
    return OrgChart(
        positions=[Position(id=i, role=AGENT, reports_to=m) for i, m in links], forest=forest
    )


@st.composite
def trees(draw: st.DrawFn, *, max_size: int = 40, forest: bool = False) -> list[Position]:
    """Valid trees (or forests): each position reports to one drawn before it, then shuffled."""
    size = draw(st.integers(0 if forest else 1, max_size))
    ids = draw(
        st.lists(
            st.text("abcxyz-1", min_size=1, max_size=4), min_size=size, max_size=size, unique=True
        )
    )
    positions = []
    for n, key in enumerate(ids):
        if n == 0 or (forest and draw(st.booleans()) and draw(st.booleans())):
            manager = None
        else:
            manager = ids[draw(st.integers(0, n - 1))]
        positions.append(Position(id=key, role=draw(st.sampled_from(ROLES)), reports_to=manager))
    return draw(st.permutations(positions))


# ------------------------------------------------------------------ oracles: dict walks


def links(positions: list[Position]) -> dict[str, str | None]:
    return {p.id: p.reports_to for p in positions}


def chain_oracle(up: dict[str, str | None], key: str) -> list[str]:
    chain = []
    manager = up[key]
    while manager is not None:
        chain.append(manager)
        manager = up[manager]
    return chain


def common_oracle(up: dict[str, str | None], a: str, b: str) -> str | None:
    shared = [m for m in chain_oracle(up, a) if m in set(chain_oracle(up, b))]
    return shared[0] if shared else None


def distance_oracle(up: dict[str, str | None], a: str, b: str) -> int | None:
    """Breadth-first search over the undirected reporting lines."""
    neighbours: dict[str, set[str]] = {k: set() for k in up}
    for k, m in up.items():
        if m is not None:
            neighbours[k].add(m)
            neighbours[m].add(k)
    seen = {a: 0}
    frontier = [a]
    while frontier:
        nxt = []
        for k in frontier:
            for n in neighbours[k]:
                if n not in seen:
                    seen[n] = seen[k] + 1
                    nxt.append(n)
        frontier = nxt
    return seen.get(b)


# ------------------------------------------------------------------ properties


@given(trees(), st.data())
def test_queries_agree_with_the_oracles(positions: list[Position], data: st.DataObject) -> None:
    chart = OrgChart(positions=positions)
    up = links(positions)
    keys = list(up)
    a = data.draw(st.sampled_from(keys))
    b = data.draw(st.sampled_from(keys))
    assert [p.id for p in chart.chain_of_command(a)] == chain_oracle(up, a)
    assert chart.depth(a) == len(chain_oracle(up, a))
    assert [p.id for p in chart.reports(a)] == [p.id for p in positions if p.reports_to == a]
    assert chart.span_of_control(a) == len(chart.reports(a))
    below = {k for k in keys if a in chain_oracle(up, k)}
    assert {p.id for p in chart.all_reports(a)} == below
    assert len(chart.all_reports(a)) == len(below)
    assert chart.is_above(a, b) == (b in below)
    common = chart.common_manager(a, b)
    assert (common.id if common else None) == common_oracle(up, a, b)
    assert chart.distance(a, b) == distance_oracle(up, a, b)
    manager = chart.manager(a)
    assert (manager.id if manager else None) == up[a]
    assert chart.position(a).id == a
    assert a in chart
    assert len(chart) == len(positions)
    assert list(chart) == list(positions)
    assert [p.id for p in chart.roots] == [k for k in keys if up[k] is None]


@given(trees(forest=True), st.data())
def test_forests_answer_too(positions: list[Position], data: st.DataObject) -> None:
    chart = OrgChart(positions=positions, forest=True)
    if not positions:
        assert chart.to_text() == ""
        return
    up = links(positions)
    a = data.draw(st.sampled_from(list(up)))
    b = data.draw(st.sampled_from(list(up)))
    assert chart.distance(a, b) == distance_oracle(up, a, b)
    common = chart.common_manager(a, b)
    assert (common.id if common else None) == common_oracle(up, a, b)


@given(trees())
def test_all_reports_is_depth_first(positions: list[Position]) -> None:
    chart = OrgChart(positions=positions)
    root = chart.roots[0]
    order = [root, *chart.all_reports(root.id)]
    assert len(order) == len(positions)
    seen: set[str] = set()
    for p in order:  # each position after its manager, each subtree contiguous
        assert p.reports_to is None or p.reports_to in seen
        seen.add(p.id)
        block = [q.id for q in chart.all_reports(p.id)]
        start = order.index(p) + 1
        assert [q.id for q in order[start : start + len(block)]] == block


@given(trees(), st.data())
def test_planted_cycles_are_always_found(positions: list[Position], data: st.DataObject) -> None:
    chart = OrgChart(positions=positions)
    x = data.draw(st.sampled_from(positions))
    below = [x, *chart.all_reports(x.id)]
    y = data.draw(st.sampled_from(below))  # x reports to y, who is x or below x: a cycle
    cycle = [
        x.id,
        *reversed(
            [p.id for p in chart.chain_of_command(y.id)[: chart.depth(y.id) - chart.depth(x.id)]]
        ),
    ]
    broken = [attrs.evolve(p, reports_to=y.id) if p is x else p for p in positions]
    with pytest.raises(HierarchyError, match=r"cycle ") as caught:
        OrgChart(positions=broken)
    message = str(caught.value)
    members = set(cycle) | {y.id}
    if len(members) <= 5:  # named in full
        listed = re.findall(r"cycle ((?:'[^']*' -> )+'[^']*')", message)
        assert len(listed) == 1
        shown = [m.strip("'") for m in listed[0].split(" -> ")]
        assert shown[0] == shown[-1]
        assert set(shown) == members
        pairs = list(itertools.pairwise(shown))
    else:  # an excerpt: the first four, how many more, the last one, back to the first
        excerpt = r"cycle of (\d+) positions ((?:'[^']*' -> ){4})\((\d+) more\) -> '([^']*)' -> '([^']*)';"
        listed = re.findall(excerpt, message)
        assert len(listed) == 1
        count, head, hidden, last, first = listed[0]
        assert int(count) == len(members)
        assert int(hidden) == len(members) - 5
        shown = [m.strip("'") for m in head.split(" -> ")[:-1]]
        assert shown[0] == first
        assert set(shown) | {last} <= members
        pairs = [*itertools.pairwise(shown), (last, first)]
    for k, m in pairs:
        assert links(broken)[k] == m


# ------------------------------------------------------------------ examples


def test_structural_errors_are_all_listed() -> None:
    with pytest.raises(HierarchyError) as caught:
        chart_of(("a", None), ("a", None), ("b", "nobody"), ("c", "d"), ("d", "c"), ("e", "e"))
    assert str(caught.value) == (
        "OrgChart.positions: duplicate ids 'a' (positions 0 and 1); "
        "'b' reports to 'nobody', which is not in the chart; "
        "cycle 'c' -> 'd' -> 'c'; cycle 'e' -> 'e'; expected one tree of positions"
        " (pass forest=True to allow several roots)"
    )


def test_roots() -> None:
    with pytest.raises(
        HierarchyError, match=r"2 roots \('a', 'b'\); expected one tree .* forest=True"
    ):
        chart_of(("a", None), ("b", None))
    with pytest.raises(HierarchyError, match=r"0 roots; expected one tree of positions$"):
        OrgChart(positions=[])
    assert len(chart_of(("a", None), ("b", None), forest=True).roots) == 2
    assert len(OrgChart(positions=[], forest=True)) == 0
    with pytest.raises(HierarchyError, match=r"cycle 'a' -> 'a'; expected a forest of positions$"):
        chart_of(("a", "a"), forest=True)


def test_long_lists_are_cut_short() -> None:
    many = [("root", None)] + [(f"p{n:02}", f"gone{n:02}") for n in range(13)]
    with pytest.raises(HierarchyError, match=r"and 3 more positions with a missing manager"):
        chart_of(*many)
    cycles = [("root", None)] + [(f"c{n:02}", f"c{n:02}") for n in range(12)]
    with pytest.raises(HierarchyError, match=r"and 2 more cycles"):
        chart_of(*cycles)
    dups = [("root", None)] + [("d", "root")] * 12
    with pytest.raises(HierarchyError, match=r"positions 1 and 11\) and 1 more;"):
        chart_of(*dups)
    roots = [(f"r{n:02}", None) for n in range(12)]
    with pytest.raises(HierarchyError, match=r"12 roots \('r00', .* 'r09' and 2 more\)"):
        chart_of(*roots)


def test_a_deep_chart_needs_no_recursion() -> None:
    size = 30_000
    chart = chart_of(*[(f"p{n}", None if n == 0 else f"p{n - 1}") for n in range(size)])
    assert chart.depth(f"p{size - 1}") == size - 1
    assert len(chart.chain_of_command(f"p{size - 1}")) == size - 1
    assert len(chart.all_reports("p0")) == size - 1
    assert chart.distance("p0", f"p{size - 1}") == size - 1
    assert chart.common_manager("p1", f"p{size - 1}").id == "p0"  # type: ignore[union-attr]
    looped = [
        Position(id=f"p{n}", role=AGENT, reports_to=f"p{(n + 1) % size}") for n in range(size)
    ]
    # A long cycle is shown as an excerpt with its length (the message stays short).
    excerpt = r"cycle of 30000 positions 'p0' -> 'p1' -> 'p2' -> 'p3' -> \(29995 more\) -> 'p29999' -> 'p0'; "
    with pytest.raises(HierarchyError, match=excerpt) as raised:
        OrgChart(positions=looped)
    assert len(str(raised.value)) < 200


def test_text_tree() -> None:
    chart = chart_of(
        ("d", None), ("m1", "d"), ("a1", "m1"), ("a2", "m1"), ("m2", "d"), ("a3", "m2")
    )
    assert chart.to_text(lambda p: p.id) == "\n".join(
        ["d", "├── m1", "│   ├── a1", "│   └── a2", "└── m2", "    └── a3"]
    )
    forest = chart_of(("x", None), ("y", None), ("x1", "x"), forest=True)
    assert forest.to_text() == "\n".join(
        ["x: Call Center Agent", "└── x1: Call Center Agent", "y: Call Center Agent"]
    )


def test_holding() -> None:
    chart = OrgChart(
        positions=[
            Position(id="d", role=DIRECTOR),
            Position(id="m", role=MANAGER, reports_to="d"),
            Position(id="a1", role=AGENT, reports_to="m"),
            Position(id="a2", role=AGENT, reports_to="m"),
        ]
    )
    assert [p.id for p in chart.holding(AGENT)] == ["a1", "a2"]
    assert chart.holding("customer_advocate") == ()


def test_charts_compare_by_value() -> None:
    a = chart_of(("d", None), ("m", "d"))
    b = chart_of(("d", None), ("m", "d"))
    assert a == b
    assert hash(a) == hash(b)
    assert a != chart_of(("d", None), ("m", "d"), forest=True)
    assert "positions=" in repr(a)
    assert "_index" not in repr(a)


# ------------------------------------------------------------------ bad input


def test_position_validation() -> None:
    assert Position(id="p", role=AGENT, capacity=2.5).capacity == 2.5
    bad: list[tuple[dict[str, object], str]] = [
        ({"id": ""}, r"Position\.id: ''"),
        ({"role": " x"}, r"Position\.role: ' x'"),
        ({"reports_to": ""}, r"Position\.reports_to: ''"),
        ({"name": 5}, r"Position\.name: 5"),
        ({"channels": ["pigeon"]}, r"Position\.channels: 'pigeon', expected a Channel"),
        (
            {"topics": [Channel.PHONE]},
            r"Position\.topics: <Channel.PHONE: 'phone'>, expected a Topic",
        ),
        ({"skills": ["", "x"]}, r"Position\.skills: ''"),
        ({"capacity": -1}, r"Position\.capacity: -1, expected None or a finite number"),
        ({"capacity": True}, r"Position\.capacity: True"),
        ({"capacity": float("nan")}, r"Position\.capacity: nan"),
        ({"capacity": "3"}, r"Position\.capacity: '3'"),
    ]
    for change, message in bad:
        fields: dict[str, object] = {"id": "p", "role": AGENT} | change
        with pytest.raises(InvalidEntityError, match=message):
            Position(**fields)  # type: ignore[arg-type]
    ok = Position(id="p", role=AGENT, topics=[Topic.BILLING], skills=["italian"])
    assert ok.topics == frozenset({Topic.BILLING})


def test_chart_validation() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"OrgChart\.positions\[1\]: 'x', expected a Position"
    ):
        OrgChart(positions=[Position(id="p", role=AGENT), "x"])
    with pytest.raises(InvalidEntityError, match=r"OrgChart\.forest: 1, expected True or False"):
        OrgChart(positions=[Position(id="p", role=AGENT)], forest=1)  # type: ignore[arg-type]


def test_queries_refuse_unknown_ids() -> None:
    chart = chart_of(("dir", None), ("mgr", "dir"))
    with pytest.raises(UnknownPositionError, match=r"OrgChart\.id: no position 'mrg' .* 'mgr'\?"):
        chart.chain_of_command("mrg")
    for query in (
        chart.reports,
        chart.all_reports,
        chart.span_of_control,
        chart.depth,
        chart.manager,
    ):
        with pytest.raises(UnknownPositionError, match=r"no position 'zzz' in the chart$"):
            query("zzz")
        with pytest.raises(LookupError, match=r"an int, expected the id \(a str\) of a position"):
            query(5)  # type: ignore[arg-type]
    with pytest.raises(UnknownPositionError, match=r"OrgChart\.report: no position 'x'"):
        chart.is_above("dir", "x")
    with pytest.raises(UnknownPositionError, match=r"OrgChart\.b: no position 'x'"):
        chart.common_manager("dir", "x")
    with pytest.raises(UnknownPositionError, match=r"OrgChart\.a: a NoneType, expected the id"):
        chart.distance(None, "dir")  # type: ignore[arg-type]
    assert 5 not in chart
    big = chart_of(("r", None), *[(f"p{n}", "r") for n in range(2001)])
    with pytest.raises(UnknownPositionError, match=r"no position 'p1x' in the chart$"):
        big.depth("p1x")


@given(trees(max_size=60), st.data())
def test_remembered_chains_stay_right(positions: list[Position], data: st.DataObject) -> None:
    # Chains are remembered as they are asked for: any order of questions, asked
    # twice, gives the oracle's answers.
    chart = OrgChart(positions=positions)
    up = links(positions)
    for key in data.draw(st.permutations(list(up))) * 2:
        assert [p.id for p in chart.chain_of_command(key)] == chain_oracle(up, key)


def test_chains_deeper_than_the_memory_limit() -> None:
    chart = chart_of(*[(f"p{n}", None if n == 0 else f"p{n - 1}") for n in range(80)])
    for key in ("p79", "p40", "p33", "p32", "p79", "p1"):
        assert [p.id for p in chart.chain_of_command(key)] == [
            f"p{n}" for n in range(int(key[1:]) - 1, -1, -1)
        ]
