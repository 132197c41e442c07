"""OrgChart.to_text, to_mermaid and to_dot: the text forms of a chart.

The Mermaid and DOT outputs are read back by small parsers written here from
the formats' rules (Mermaid entity codes, DOT quoted strings and escString
line breaks), independently of the code that writes them; Graphviz itself
reads the DOT output when ``dot`` is installed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    ChartFinding,
    ChartFindingCode,
    Duty,
    HierarchyError,
    InvalidEntityError,
    Language,
    OrgChart,
    Position,
    UnknownPositionError,
    call_center_team,
    customer_organisation,
    default_catalog,
)
from csroles.strategies import org_charts

AGENT = "call_center_agent"
MANAGER = "call_center_manager"
TITLE_TO_ROLE = {role.titles[Language.EN]: role.key for role in default_catalog().roles}

# Ids and names that a careless writer would break: quotes, spaces, brackets,
# backslashes, entity-like text, line breaks, non-Latin letters and symbols.
HOSTILE = [
    'say "hi"',
    "it's",
    "two  spaces",
    "Мария Иванова",
    "山田 太郎",
    "\u02bbOkina",
    "a\\b",
    "ends\\",
    'q\\"',
    "line\nbreak",
    "#35; not an entity",
    "<b>bold</b>",
    "a --> b",
    "x[y]{z}|w",
    "tab\there",
    "🙂 emoji",
    "&amp;",
    "`tick`",
    "semi;colon",
    "p0",
]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(min_size=1, max_size=12).map(str.strip).filter(bool),
)


# ------------------------------------------------------------------ to_text


def chain(size: int, role: str = MANAGER) -> OrgChart:
    return OrgChart(
        positions=[
            Position(id=f"p{n}", role=role, reports_to=f"p{n - 1}" if n else None)
            for n in range(size)
        ]
    )


def full_drawing(chart: OrgChart, label: object) -> list[tuple[int, str]]:
    """The classic tree drawing, with every level of indentation: (depth, line) pairs."""
    lines: list[tuple[int, str]] = []

    def draw(position: Position, guides: str, connector: str, depth: int) -> None:
        lines.append((depth, guides + connector + label(position)))  # type: ignore[operator]
        reports = chart.reports(position.id)
        for n, report in enumerate(reports):
            last = n == len(reports) - 1
            below = guides + ("" if depth == 0 else ("    " if connector == "└── " else "│   "))
            draw(report, below, "└── " if last else "├── ", depth + 1)

    for root in chart.roots:
        draw(root, "", "", 0)
    return lines


def bounded(depth: int, line: str) -> str:
    """The documented rule: deeper than 20, drop whole bands of 20 levels and say how many."""
    if depth <= 20:
        return line
    hidden = (depth - 1) // 20 * 20
    return f"[+{hidden}] " + line[4 * hidden :]


@st.composite
def deep_charts(draw: st.DrawFn) -> OrgChart:
    """Charts up to about 90 levels deep: each position reports to one of the last three."""
    size = draw(st.integers(1, 90))
    positions = [Position(id="p0", role=MANAGER)]
    for n in range(1, size):
        boss = n - 1 - draw(st.integers(0, min(n - 1, 2)))
        positions.append(Position(id=f"p{n}", role=AGENT, reports_to=f"p{boss}"))
    return OrgChart(positions=draw(st.permutations(positions)))


@given(deep_charts())
def test_to_text_matches_the_full_drawing_cut_into_bands(chart: OrgChart) -> None:
    def label(p: Position) -> str:
        return p.id

    expected = [bounded(depth, line) for depth, line in full_drawing(chart, label)]
    assert chart.to_text(label).split("\n") == expected


@given(org_charts(max_size=30, forest=True, min_size=0))
def test_to_text_of_shallow_charts_is_the_full_drawing(chart: OrgChart) -> None:
    def label(p: Position) -> str:
        return p.id.replace("\n", " ")

    expected = [line for _, line in full_drawing(chart, label)]
    assert chart.to_text(label) == "\n".join(expected)


def test_to_text_bands_by_hand() -> None:
    lines = chain(45).to_text(lambda p: p.id).split("\n")
    assert lines[1] == "└── p1"
    assert lines[20] == " " * 76 + "└── p20"
    assert lines[21] == "[+20] └── p21"
    assert lines[22] == "[+20]     └── p22"
    assert lines[40] == "[+20] " + " " * 76 + "└── p40"
    assert lines[41] == "[+40] └── p41"
    # Siblings keep their guides inside a band.
    tree = OrgChart(
        positions=[
            *chain(22).positions,
            Position(id="q", role=AGENT, reports_to="p20"),
            Position(id="r", role=AGENT, reports_to="p21"),
        ]
    )
    tail = tree.to_text(lambda p: p.id).split("\n")[21:]
    assert tail == ["[+20] ├── p21", "[+20] │   └── r", "[+20] └── q"]


def test_to_text_of_a_deep_chain_is_linear() -> None:
    size = 20_000
    text = chain(size).to_text()
    # Each line: at most a mark, 19 guides and a connector, then its label.
    widest = len("[+19980] ") + 4 * 20 + len(f"p{size}: Call Center Manager")
    assert len(text) <= size * (widest + 1)
    assert text.count("\n") == size - 1


def test_to_text_refuses_a_label_that_is_not_a_function() -> None:
    chart = chain(2)
    with pytest.raises(InvalidEntityError, match=r"^OrgChart\.to_text\.label: 5, expected None"):
        chart.to_text(label=5)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError,
        match=r"^OrgChart\.to_text\.label: returned an int for 'p0', expected a function",
    ):
        chart.to_text(label=lambda p: 5)  # type: ignore[arg-type,return-value]


def test_nearest_refuses_a_where_that_is_not_a_function() -> None:
    with pytest.raises(InvalidEntityError, match=r"^OrgChart\.nearest\.where: None, expected a"):
        chain(2).nearest("p0", None)  # type: ignore[arg-type]


def test_long_ids_are_cut_in_messages() -> None:
    long = "x" * 5_000_000
    with pytest.raises(UnknownPositionError) as caught:
        chain(2).depth(long)
    assert len(str(caught.value)) < 200
    assert "(5000000 characters)" in str(caught.value)
    cycle = [
        Position(id=f"{n}" + "y" * 100_000, role=AGENT, reports_to=f"{1 - n}" + "y" * 100_000)
        for n in range(2)
    ]
    with pytest.raises(Exception, match=r"cycle '0yyy") as raised:
        OrgChart(positions=cycle)
    assert len(str(raised.value)) < 400


def test_a_long_cycle_gives_a_bounded_excerpt() -> None:
    # The message once named every position: 2.5 MB for a cycle of 200,000
    # (a tenth of that here: building the positions is what takes time).
    size = 20_000
    ring = [Position(id=f"p{n}", role=AGENT, reports_to=f"p{(n + 1) % size}") for n in range(size)]
    with pytest.raises(HierarchyError) as raised:
        OrgChart(positions=[Position(id="boss", role=MANAGER), *ring])
    message = str(raised.value)
    assert f"cycle of {size} positions " in message
    assert f"({size - 5} more)" in message
    assert len(message) < 400


# ------------------------------------------------------------------ parsers


@attrs.frozen
class Drawn:
    """What a picture says about one position."""

    id: str
    role: str
    name: str | None
    reports_to: str | None
    findings: tuple[str, ...] = ()


@attrs.frozen
class Picture:
    positions: dict[str, Drawn]  # by node name
    marked_lines: dict[str, str]  # report's id: the code on its reporting line
    notes: tuple[str, ...]


def _as_positions(
    nodes: dict[str, tuple[list[str], tuple[str, ...]]],
    edges: list[tuple[str, str, str | None]],
    notes: list[str],
) -> Picture:
    manager = {head: tail for tail, head, _ in edges}
    assert len(manager) == len(edges), "a node has two managers"
    ids = {node: fields[0] for node, (fields, _) in nodes.items()}
    drawn = {}
    for node, (fields, codes) in nodes.items():
        assert len(fields) in (2, 3), fields
        drawn[node] = Drawn(
            id=fields[0],
            role=TITLE_TO_ROLE[fields[1]],
            name=fields[2] if len(fields) == 3 else None,
            reports_to=ids[manager[node]] if node in manager else None,
            findings=codes,
        )
    marked = {ids[head]: code for _, head, code in edges if code is not None}
    return Picture(positions=drawn, marked_lines=marked, notes=tuple(notes))


def parse_mermaid(text: str) -> Picture:
    """Read the flowchart subset that to_mermaid writes; anything else fails the test."""
    lines = text.split("\n")
    assert lines[0] == "flowchart TD"
    nodes: dict[str, tuple[list[str], tuple[str, ...]]] = {}
    edges: list[tuple[str, str, str | None]] = []
    notes: list[str] = []
    classes = set()

    def decode(part: str) -> str:
        assert not re.search(r'["\[\]<>|`]', part), part
        return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), part)

    for line in lines[1:]:
        if node := re.fullmatch(r'    (p\d+|f\d+)\["(.*)"\](:::finding)?', line):
            name, label, finding = node.groups()
            parts = label.split("<br/>")
            codes: tuple[str, ...] = ()
            if bold := re.fullmatch(r"<b>([a-z_, ]+)</b>", parts[-1]):
                codes = tuple(bold.group(1).split(", "))
                parts.pop()
            assert bool(finding) == (bool(codes) or name.startswith("f"))
            if name.startswith("f"):
                notes.append(decode(label))
            else:
                nodes[name] = ([decode(p) for p in parts], codes)
        elif edge := re.fullmatch(r"    (p\d+) (?:-->|-\.->\|([a-z_]+)\|) (p\d+)", line):
            tail, code, head = edge.groups()
            edges.append((tail, head, code))
        elif line == "    classDef finding stroke:#c62828,stroke-width:3px":
            classes.add("finding")
        else:
            pytest.fail(f"unexpected Mermaid line {line!r}")
    assert all(t in nodes and h in nodes for t, h, _ in edges)
    return _as_positions(nodes, edges, notes)


_DOT_TOKEN = re.compile(
    r'\s*(?:(->|[{}\[\];,=])|"((?:[^"\\]|\\.)*)"|([A-Za-z_][A-Za-z_0-9]*|\d+))', re.S
)


def dot_tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) tokens: punctuation, a quoted string (still escaped) or a bare word."""
    tokens = []
    at = 0
    text = text.rstrip()
    while at < len(text):
        match = _DOT_TOKEN.match(text, at)
        assert match, text[at : at + 40]
        punct, quoted, word = match.groups()
        if punct:
            tokens.append(("punct", punct))
        elif quoted is not None:
            tokens.append(("quoted", quoted))
        else:
            tokens.append(("word", word))
        at = match.end()
    return tokens


def dot_label_lines(escaped: str) -> list[str]:
    """A label's lines, by DOT's escString rules: \\n ends a line, \\l is a break inside one."""
    lines = [""]
    chars = iter(escaped)
    for c in chars:
        if c != "\\":
            lines[-1] += c
            continue
        nxt = next(chars)
        if nxt == "n":
            lines.append("")
        elif nxt == "l":
            lines[-1] += "\n"
        elif nxt in '\\"':
            lines[-1] += nxt
        else:
            pytest.fail(f"unexpected escape \\{nxt} in {escaped!r}")
    return lines


def parse_dot(text: str) -> Picture:
    """Read the DOT subset that to_dot writes: node, edge and attribute statements."""
    tokens = dot_tokens(text)
    assert tokens[:3] == [("word", "digraph"), ("word", "org_chart"), ("punct", "{")]
    assert tokens[-1] == ("punct", "}")
    body = tokens[3:-1]
    statements: list[list[tuple[str, str]]] = [[]]
    depth = 0
    for token in body:
        if token == ("punct", ";") and depth == 0:
            statements.append([])
            continue
        depth += token == ("punct", "[")
        depth -= token == ("punct", "]")
        statements[-1].append(token)
    nodes: dict[str, tuple[list[str], tuple[str, ...]]] = {}
    edges: list[tuple[str, str, str | None]] = []
    notes: list[str] = []

    def attributes(tokens: list[tuple[str, str]]) -> dict[str, str]:
        if not tokens:
            return {}
        assert tokens[0] == ("punct", "[")
        assert tokens[-1] == ("punct", "]")
        found = {}
        inner = [t for t in tokens[1:-1] if t != ("punct", ",")]
        for k in range(0, len(inner), 3):
            key, eq, value = inner[k : k + 3]
            assert eq == ("punct", "=")
            found[key[1]] = value[1]
        return found

    for statement in filter(None, statements):
        kind, first = statement[0]
        if first == "node":
            assert attributes(statement[1:]) == {"shape": "box", "style": "rounded"}
        elif len(statement) >= 3 and statement[1] == ("punct", "->"):
            found = attributes(statement[3:])
            edges.append((first, statement[2][1], found.get("label")))
        elif len(statement) == 3 and statement[1] == ("punct", "="):
            if first == "label":
                notes.extend(dot_label_lines(statement[2][1]))
        else:
            assert kind == "word"
            assert re.fullmatch(r"p\d+", first), statement
            found = attributes(statement[1:])
            codes = tuple(found["xlabel"].split(", ")) if "xlabel" in found else ()
            assert ("color" in found) == bool(codes)
            nodes[first] = (dot_label_lines(found["label"]), codes)
    return _as_positions(nodes, edges, notes)


def expected_picture(chart: OrgChart, findings: tuple[ChartFinding, ...] = ()) -> Picture:
    codes: dict[str, list[str]] = {}
    for f in findings:
        if f.position is not None and f.code.value not in codes.setdefault(f.position, []):
            codes[f.position].append(f.code.value)
    return Picture(
        positions={
            f"p{n}": Drawn(
                id=p.id,
                role=p.role,
                name=p.name,
                reports_to=p.reports_to,
                findings=tuple(codes.get(p.id, ())),
            )
            for n, p in enumerate(chart.positions)
        },
        marked_lines={
            f.position: f.code.value
            for f in findings
            if f.code is ChartFindingCode.LEVEL_INVERSION and f.position is not None
        },
        notes=tuple(f.message for f in findings if f.position is None),
    )


# ------------------------------------------------------------------ round trips


def test_mermaid_by_hand() -> None:
    chart = OrgChart(
        positions=[
            Position(id='the "boss"', role="call_center_director"),
            Position(id="ag 1", role=AGENT, reports_to='the "boss"', name="Мария"),
        ]
    )
    assert chart.to_mermaid() == "\n".join(
        [
            "flowchart TD",
            '    p0["the #34;boss#34;<br/>Call Center Director"]',
            '    p1["ag 1<br/>Call Center Agent<br/>Мария"]',
            "    p0 --> p1",
        ]
    )


def test_dot_by_hand() -> None:
    chart = OrgChart(
        positions=[
            Position(id='the "boss"', role="call_center_director"),
            Position(id="a\\b", role=AGENT, reports_to='the "boss"', name="two\nlines"),
        ]
    )
    assert chart.to_dot() == "\n".join(
        [
            "digraph org_chart {",
            "    node [shape=box, style=rounded];",
            '    p0 [label="the \\"boss\\"\\nCall Center Director"];',
            '    p1 [label="a\\\\b\\nCall Center Agent\\ntwo\\llines"];',
            "    p0 -> p1;",
            "}",
        ]
    )


def test_findings_by_hand() -> None:
    chart = OrgChart(
        positions=[
            Position(id="ag", role=AGENT),
            Position(id="mgr", role=MANAGER, reports_to="ag"),
        ]
    )
    findings = chart.check(duties=[Duty.HANDLE_RETURNS])
    dot = chart.to_dot(findings=findings)
    assert '    p1 [label="mgr\\nCall Center Manager", color="#c62828", penwidth=2, ' in dot
    assert 'xlabel="level_inversion, manager_without_reports"];' in dot
    assert '    p0 -> p1 [color="#c62828", penwidth=2, label="level_inversion"];' in dot
    assert "    label=\"no position owns the duty 'handle_returns' (roles that do:" in dot
    mermaid = chart.to_mermaid(findings=findings)
    assert "    p0 -.->|level_inversion| p1" in mermaid
    assert "    f0[\"no position owns the duty 'handle_returns' (roles that do:" in mermaid
    for parse, text in ((parse_mermaid, mermaid), (parse_dot, dot)):
        assert parse(text) == expected_picture(chart, findings)
    # A finding given twice is marked once.
    about_positions = [f for f in findings if f.position is not None]
    assert chart.to_dot(findings=about_positions * 2) == chart.to_dot(findings=about_positions)


@given(org_charts(max_size=30))
def test_mermaid_and_dot_read_back_as_the_chart(chart: OrgChart) -> None:
    findings = chart.check(max_span=3)
    for parse, write in ((parse_mermaid, chart.to_mermaid), (parse_dot, chart.to_dot)):
        assert parse(write()) == expected_picture(chart)
        assert parse(write(findings=findings)) == expected_picture(chart, findings)


@st.composite
def hostile_charts(draw: st.DrawFn) -> OrgChart:
    """A strategies' chart with every id and name replaced by hostile text."""
    chart = draw(org_charts(max_size=12, forest=True, min_size=0))
    ids = draw(st.lists(hostile_text, min_size=len(chart), max_size=len(chart), unique=True))
    rename = {p.id: new for p, new in zip(chart.positions, ids, strict=True)}
    return OrgChart(
        positions=[
            attrs.evolve(
                p,
                id=rename[p.id],
                reports_to=None if p.reports_to is None else rename[p.reports_to],
                name=draw(st.none() | hostile_text),
            )
            for p in chart.positions
        ],
        forest=True,
    )


@given(hostile_charts())
def test_hostile_ids_and_names_read_back(chart: OrgChart) -> None:
    assert parse_mermaid(chart.to_mermaid()) == expected_picture(chart)
    assert parse_dot(chart.to_dot()) == expected_picture(chart)
    # Outside the quoted labels, the Mermaid text is plain ASCII.
    outside_labels = re.sub(r'\["[^"]*"\]', "", chart.to_mermaid())
    assert outside_labels.isascii()


def test_every_hostile_text_by_hand() -> None:
    positions = [Position(id="root", role="call_center_director")]
    positions += [
        Position(id=text, role=AGENT, reports_to="root", name=text) for text in HOSTILE if text
    ]
    chart = OrgChart(positions=positions)
    assert parse_mermaid(chart.to_mermaid()) == expected_picture(chart)
    assert parse_dot(chart.to_dot()) == expected_picture(chart)


def test_bad_findings_are_refused() -> None:
    chart = call_center_team(managers=1, agents_per_manager=1)
    for method in (chart.to_mermaid, chart.to_dot):
        name = method.__name__
        with pytest.raises(InvalidEntityError, match=rf"^OrgChart\.{name}\.findings: 5, expected"):
            method(findings=5)  # type: ignore[arg-type]
        with pytest.raises(InvalidEntityError, match=rf"^OrgChart\.{name}\.findings: 'x'"):
            method(findings="x")  # type: ignore[arg-type]
        with pytest.raises(InvalidEntityError, match=rf"OrgChart\.{name}\.findings\[0\]: 'x', "):
            method(findings=["x"])  # type: ignore[list-item]
        stranger = ChartFinding(code=ChartFindingCode.WIDE_SPAN, position="nobody", message="m")
        with pytest.raises(
            UnknownPositionError, match=rf"OrgChart\.{name}\.findings\[0\]\.position: no position"
        ):
            method(findings=[stranger])


# ------------------------------------------------------------------ reference tools


def graphviz_reads(dot: str, tmp_path: Path) -> Picture:
    """What Graphviz's own parser makes of the text, as a Picture."""
    source = tmp_path / "chart.dot"
    source.write_text(dot, encoding="utf-8")
    done = subprocess.run(
        ["dot", "-Tjson0", str(source)], capture_output=True, check=True, timeout=60
    )
    graph = json.loads(done.stdout)
    names = {o["_gvid"]: o["name"] for o in graph.get("objects", [])}
    nodes: dict[str, tuple[list[str], tuple[str, ...]]] = {}
    for o in graph.get("objects", []):
        codes = tuple(o["xlabel"].split(", ")) if "xlabel" in o else ()
        # Graphviz keeps escString escapes (all but \") in the text it read.
        nodes[o["name"]] = (dot_label_lines(o["label"].replace('"', '\\"')), codes)
    edges = [(names[e["tail"]], names[e["head"]], e.get("label")) for e in graph.get("edges", [])]
    notes = dot_label_lines(graph["label"].replace('"', '\\"')) if "label" in graph else []
    return _as_positions(nodes, edges, notes)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_graphviz_reads_the_dot_output(tmp_path: Path) -> None:
    hostile = [p for p in HOSTILE if "\t" not in p]
    positions = [Position(id="root", role="call_center_director")]
    positions += [Position(id=t, role=AGENT, reports_to="root", name=t) for t in hostile]
    for chart in (customer_organisation(), OrgChart(positions=positions)):
        findings = chart.check(max_span=3)
        picture = graphviz_reads(chart.to_dot(findings=findings), tmp_path)
        assert picture == expected_picture(chart, findings)


def test_the_small_parser_reads_what_mermaid_cli_is_given() -> None:
    # The text test_mermaid_cli_renders_the_output gives mmdc, read by parse_mermaid
    # wherever mmdc is missing: every position, reporting line and finding.
    chart = customer_organisation()
    findings = chart.check(max_span=3)
    assert findings  # wide spans to mark
    assert parse_mermaid(chart.to_mermaid(findings=findings)) == expected_picture(chart, findings)


@pytest.mark.skipif(
    shutil.which("mmdc") is None,
    reason="mermaid-cli (mmdc) is not installed; parse_mermaid reads the same text "
    "(test_the_small_parser_reads_what_mermaid_cli_is_given)",
)
def test_mermaid_cli_renders_the_output(tmp_path: Path) -> None:  # pragma: no cover
    chart = customer_organisation()
    source = tmp_path / "chart.mmd"
    source.write_text(chart.to_mermaid(findings=chart.check(max_span=3)), encoding="utf-8")
    target = tmp_path / "chart.svg"
    subprocess.run(
        ["mmdc", "-i", str(source), "-o", str(target)], capture_output=True, check=True, timeout=120
    )
    assert "cc-agent-1-1" in target.read_text(encoding="utf-8")
