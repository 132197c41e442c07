"""Pictures of the docs, drawn by csroles itself every time the docs are built.

Each picture is one function that takes the path to write and draws it with
matplotlib from what the library answers (a calendar's open periods, an org
chart's DOT text), so a picture cannot drift from the code. The functions are
registered with :func:`picture`; the Sphinx extension at the bottom runs them
all when the build starts and writes the files to ``docs/_generated/`` (not
kept in git), where the pages find them. A picture that fails stops the build.

To add a picture: write ``def my_picture(path: Path) -> None`` decorated with
``@picture("my-picture.svg")`` and show it in a page with
``![what it shows](_generated/my-picture.svg)``.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import matplotlib as mpl

mpl.use("Agg")  # draw to files, never to a window

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch, Rectangle

from csroles import (
    SLA,
    BusinessCalendar,
    Channel,
    Direction,
    Duty,
    Event,
    EventKind,
    Interaction,
    OrgChart,
    Position,
    Priority,
    Topic,
    call_center_team,
    customer_organisation,
    sla_status,
    success_team,
    support_team,
)

PICTURES: dict[str, Callable[[Path], None]] = {}
OUTPUT = "_generated"  # under the docs' source folder

RED = "#c62828"
OPEN = "#2e7d32"
INK = "#263238"
GRID = "#cfd8dc"
HOLIDAY = "#eceff1"

# Stable SVG output: no date, fixed ids, text kept as text (searchable, small).
STYLE = {
    "svg.hashsalt": "csroles",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
}


def picture(name: str) -> Callable[[Callable[[Path], None]], Callable[[Path], None]]:
    """Register a function that draws the picture ``name`` (a file name under _generated/)."""

    def register(draw: Callable[[Path], None]) -> Callable[[Path], None]:
        PICTURES[name] = draw
        return draw

    return register


def save(figure: Any, path: Path) -> None:
    figure.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else None)
    plt.close(figure)


# ------------------------------------------------------------------ calendars


def day_pieces(
    calendar: BusinessCalendar, first: date, days: int
) -> Iterator[tuple[date, float, float]]:
    """The open periods of ``days`` local days from ``first``, cut at local midnights.

    Each piece is (local date, start hour, end hour) on the calendar's wall
    clock, hours as floats from 0 to 24: what a bar per day takes directly.
    """
    zone = ZoneInfo(calendar.timezone)
    start = datetime.combine(first, time(0), zone)
    end = datetime.combine(first + timedelta(days=days), time(0), zone)
    for opening, closing in calendar.open_periods(start, end):
        a = opening.astimezone(zone)
        b = closing.astimezone(zone)
        while a < b:
            midnight = datetime.combine(a.date() + timedelta(days=1), time(0), zone)
            stop = min(b, midnight)
            yield a.date(), _hours(a), 24.0 if stop == midnight else _hours(stop)
            a = stop


def _hours(at: datetime) -> float:
    return at.hour + at.minute / 60 + (at.second + at.microsecond / 1e6) / 3600


def draw_week(calendar: BusinessCalendar, monday: date, path: Path, title: str) -> None:
    """A calendar's week: one row a day, its open periods as bars, holidays shaded."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7.5, 2.9), layout="constrained")
        days = [monday + timedelta(days=n) for n in range(7)]
        row = {day: n for n, day in enumerate(days)}
        for day in days:
            if day in calendar.holidays:
                axes.add_patch(
                    Rectangle(
                        (0, row[day] - 0.45),
                        24,
                        0.9,
                        facecolor=HOLIDAY,
                        edgecolor=GRID,
                        hatch="//",
                        lw=0,
                    )
                )
                axes.text(23.8, row[day], "holiday", ha="right", va="center", color=INK)
        for day, start, end in day_pieces(calendar, monday, 7):
            axes.add_patch(Rectangle((start, row[day] - 0.3), end - start, 0.6, color=OPEN))
            if end - start >= 3:
                span = f"{_clock(start)}-{_clock(end)}"
                axes.text(
                    (start + end) / 2,
                    row[day],
                    span,
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white",
                )
        axes.set_xlim(0, 24)
        axes.set_ylim(6.6, -0.6)
        axes.set_xticks(range(0, 25, 3), [f"{h:02d}" for h in range(0, 25, 3)])
        axes.set_yticks(range(7), [d.strftime("%a %d %b") for d in days])
        axes.grid(axis="x", color=GRID, lw=0.6)
        axes.set_axisbelow(True)
        axes.tick_params(length=0)
        for side in ("top", "right", "left"):
            axes.spines[side].set_visible(False)
        axes.set_title(title, loc="left", fontsize=9, color=INK)
        axes.set_xlabel(f"local time ({calendar.timezone}); green: open")
        save(figure, path)


def _clock(hours: float) -> str:
    return f"{int(hours):02d}:{round(hours % 1 * 60):02d}"


WEEKDAYS = range(5)


@picture("sla-shifts.svg")
def split_shifts(path: Path) -> None:
    desk = BusinessCalendar(
        timezone="Europe/Rome",
        hours={day: ((time(9), time(13)), (time(14), time(18))) for day in WEEKDAYS},
    )
    draw_week(desk, date(2026, 6, 1), path, "hours: Monday to Friday 09:00-13:00 and 14:00-18:00")


@picture("sla-night-shift.svg")
def night_shift(path: Path) -> None:
    nights = BusinessCalendar(timezone="Europe/Rome", hours={4: ((time(22), time(6)),)})
    draw_week(nights, date(2026, 6, 1), path, "hours: Friday 22:00-06:00, ending on Saturday")


@picture("sla-holiday.svg")
def holiday_nights(path: Path) -> None:
    nights = BusinessCalendar(
        timezone="Europe/Rome",
        hours={day: ((time(22), time(6)),) for day in WEEKDAYS},
        holidays={date(2026, 6, 2)},
    )
    draw_week(
        nights,
        date(2026, 6, 1),
        path,
        "hours: Monday to Friday 22:00-06:00; holiday on Tuesday 2 June",
    )


# ------------------------------------------------------------------ SLA clocks

ROME = ZoneInfo("Europe/Rome")


def clock_ticket() -> tuple[SLA, Interaction, datetime]:
    """A ticket across a weekend, with a pause and a reopen, and the SLA it is measured by."""
    desk = BusinessCalendar(
        timezone="Europe/Rome", hours={day: ((time(9), time(18)),) for day in WEEKDAYS}
    )
    sla = SLA(
        name="standard",
        calendar=desk,
        targets={
            "first_response_time": timedelta(hours=4),
            "next_response_time": timedelta(hours=4),
            "resolution_time": timedelta(hours=12),
        },
    )

    def at(day: int, hour: int) -> datetime:
        return datetime(2026, 6, day, hour, tzinfo=ROME)

    steps = [
        (EventKind.OPENED, at(5, 15)),  # Friday 15:00
        (EventKind.AGENT_REPLIED, at(8, 11)),  # Monday 11:00
        (EventKind.WAITING_ON_CUSTOMER, at(8, 11)),
        (EventKind.CUSTOMER_REPLIED, at(9, 10)),  # Tuesday 10:00
        (EventKind.AGENT_REPLIED, at(9, 16)),
        (EventKind.RESOLVED, at(9, 16)),
        (EventKind.REOPENED, at(10, 10)),  # Wednesday 10:00
        (EventKind.AGENT_REPLIED, at(10, 12)),
    ]
    ticket = Interaction(
        id="T-42",
        customer_id="C-7",
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
        topic=Topic.TECHNICAL_PROBLEM,
        priority=Priority.NORMAL,
        events=[Event(kind=kind, at=when) for kind, when in steps],
    )
    return sla, ticket, at(11, 10)  # as of Thursday 10:00


@picture("sla-clock-timeline.svg")
def clock_timeline(path: Path) -> None:
    """A ticket's clocks from their segments: running, paused, warned, breached."""
    sla, ticket, now = clock_ticket()
    clocks = sla_status(sla, ticket, now)
    first = ticket.events[0].at
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7.5, 0.8 + 0.55 * len(clocks)), layout="constrained")

        def x(at: datetime) -> float:
            return (at - first) / timedelta(hours=1)

        for opening, closing in sla.calendar_for().open_periods(first, now):
            axes.axvspan(x(opening), x(closing), color=HOLIDAY, lw=0, zorder=0)
        for row, clock in enumerate(clocks):
            for segment in clock.segments:
                colour = OPEN if segment.running else "#90a4ae"
                axes.add_patch(
                    Rectangle(
                        (x(segment.start), row - 0.28),
                        x(segment.end) - x(segment.start),
                        0.56,
                        facecolor=colour,
                        edgecolor="white",
                        lw=0.8,
                    )
                )
            for instant, mark, colour in (
                (clock.warning_at, "|", "#f9a825"),
                (clock.breached_at, "X", RED),
            ):
                if instant is not None:
                    axes.plot([x(instant)], [row], marker=mark, color=colour, ms=9, mew=2)
        for day in range(7):
            midnight = datetime.combine(first.date() + timedelta(days=day), time(0), ROME)
            if first <= midnight <= now:
                axes.axvline(x(midnight), color=GRID, lw=0.6, zorder=0)
                axes.text(x(midnight) + 0.5, -0.55, midnight.strftime("%a"), color=INK, fontsize=7)
        names = [str(clock.metric).replace("_", " ") for clock in clocks]
        axes.set_yticks(range(len(clocks)), names)
        axes.set_ylim(len(clocks) - 0.4, -0.8)
        axes.set_xlim(0, x(now))
        axes.set_xlabel(
            "hours since the ticket opened (Friday 15:00, Rome); shaded: the desk is open;\n"
            "green: the clock runs (counting only while the desk is open), grey: paused; "
            "| warning, X breach"
        )
        axes.tick_params(length=0)
        for side in ("top", "right", "left"):
            axes.spines[side].set_visible(False)
        save(figure, path)


# ------------------------------------------------------------------ org charts

_TOKEN = re.compile(r'\s*(?:(->|[{}\[\];,=])|"((?:[^"\\]|\\.)*)"|([\w#.]+))', re.S)


def read_dot(
    text: str,
) -> tuple[dict[str, dict[str, str]], list[tuple[str, str, dict[str, str]]], dict[str, str]]:
    """Nodes, edges and graph attributes of the DOT that OrgChart.to_dot writes.

    Only that subset of DOT: statements ``node [...]``, ``name [...]``,
    ``tail -> head [...]`` and ``key=value`` in one ``digraph``.
    """
    tokens: list[str] = []
    quoted: set[int] = set()
    at = 0
    text = text.strip()
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None:
            msg = f"unexpected DOT text at {text[at : at + 30]!r}"
            raise ValueError(msg)
        if match.group(2) is not None:
            quoted.add(len(tokens))
        tokens.append(next(g for g in match.groups() if g is not None))
        at = match.end()
    if tokens[:3] != ["digraph", "org_chart", "{"] or tokens[-1] != "}":
        msg = "expected one digraph org_chart { ... }"
        raise ValueError(msg)
    nodes: dict[str, dict[str, str]] = {}
    edges: list[tuple[str, str, dict[str, str]]] = []
    graph: dict[str, str] = {}
    k = 3
    while tokens[k] != "}" or k in quoted:
        name = tokens[k]
        k += 1
        if tokens[k] == "=":
            graph[name] = tokens[k + 1]
            k += 2
        elif tokens[k] == "->":
            head = tokens[k + 1]
            attributes, k = _attributes(tokens, k + 2)
            edges.append((name, head, attributes))
        else:
            attributes, k = _attributes(tokens, k)
            if name != "node":
                nodes[name] = attributes
        if tokens[k] == ";":
            k += 1
    return nodes, edges, graph


def _attributes(tokens: list[str], k: int) -> tuple[dict[str, str], int]:
    found: dict[str, str] = {}
    if tokens[k] != "[":
        return found, k
    k += 1
    while tokens[k] != "]":
        found[tokens[k]] = tokens[k + 2]
        k += 3
        if tokens[k] == ",":
            k += 1
    return found, k + 1


def label_lines(escaped: str) -> list[str]:
    r"""A DOT label's lines: ``\n`` and ``\l`` break lines, ``\\`` and ``\"`` are characters."""
    text = re.sub(r"\\(.)", lambda m: {"n": "\n", "l": "\n"}.get(m.group(1), m.group(1)), escaped)
    return text.split("\n")


def tree_slots(
    names: list[str], edges: list[tuple[str, str, dict[str, str]]]
) -> tuple[dict[str, float], dict[str, int]]:
    """Each node's slot across the tree and its level: leaves take the next slot, a
    manager sits over the middle of its reports."""
    kids: dict[str, list[str]] = {name: [] for name in names}
    has_boss = set()
    for tail, head, _ in edges:
        kids[tail].append(head)
        has_boss.add(head)
    slot: dict[str, float] = {}
    level: dict[str, int] = {}
    leaves = 0
    stack = [(name, 0, False) for name in reversed(names) if name not in has_boss]
    while stack:  # depth first, each manager placed after its reports
        name, depth, done = stack.pop()
        if done:
            below = kids[name]
            slot[name] = (slot[below[0]] + slot[below[-1]]) / 2
            continue
        level[name] = depth
        if kids[name]:
            stack.append((name, depth, True))
            stack.extend((kid, depth + 1, False) for kid in reversed(kids[name]))
        else:
            slot[name] = leaves
            leaves += 1
    return slot, level


def draw_chart(chart: OrgChart, path: Path, *, across: bool = False, findings: Any = ()) -> None:
    """Draw ``chart`` from its DOT text: a tree of boxes, top-down (or left to right)."""
    nodes, edges, graph = read_dot(chart.to_dot(findings=findings))
    slot, level = tree_slots(list(nodes), edges)
    lines = {name: label_lines(a["label"]) for name, a in nodes.items()}
    longest = max((len(line) for text in lines.values() for line in text), default=10)
    box = (0.3 + longest * 0.068, 0.2 + 0.16 * max((len(t) for t in lines.values()), default=2))
    # inches between neighbours across the tree, and between levels
    across_step = box[1] + 0.2 if across else box[0] + 0.25
    level_step = box[0] + 0.6 if across else box[1] + 0.55

    def centre(name: str) -> tuple[float, float]:
        if across:
            return level[name] * level_step, -slot[name] * across_step
        return slot[name] * across_step, -level[name] * level_step

    slots = 1 + max(slot.values(), default=0)
    levels = 1 + max(level.values(), default=0)
    size = (
        (levels * level_step, slots * across_step)
        if across
        else (slots * across_step, levels * level_step)
    )
    notes = label_lines(graph["label"]) if "label" in graph else []
    notes = [part for note in notes for part in textwrap.wrap(note, int(size[0] / 0.065))]
    width, height = size[0] + 0.4, size[1] + 0.4 + 0.2 * len(notes)
    with plt.rc_context(STYLE):
        figure = plt.figure(figsize=(width, height))
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        left = -(level_step if across else across_step) / 2 - 0.2
        top = (across_step if across else level_step) / 2 + 0.2
        axes.set_xlim(left, left + width)
        axes.set_ylim(top - height, top)
        for tail, head, attributes in edges:
            draw_line(axes, centre(tail), centre(head), box, attributes, across=across)
        for name, attributes in nodes.items():
            draw_box(axes, centre(name), box, lines[name], attributes)
        for n, note in enumerate(notes):
            axes.text(
                left + 0.2, top - height + 0.2 * (len(notes) - n), note, color=RED, fontsize=8
            )
        save(figure, path)


def draw_line(
    axes: Any,
    a: tuple[float, float],
    b: tuple[float, float],
    box: tuple[float, float],
    attributes: dict[str, str],
    *,
    across: bool,
) -> None:
    """A reporting line from the manager's box at ``a`` to the report's at ``b``, with an elbow."""
    (xa, ya), (xb, yb) = a, b
    w, h = box[0] / 2, box[1] / 2
    if across:
        mid = (xa + xb) / 2
        xs, ys = [xa + w, mid, mid, xb - w], [ya, ya, yb, yb]
    else:
        mid = (ya + yb) / 2
        xs, ys = [xa, xa, xb, xb], [ya - h, mid, mid, yb + h]
    colour = attributes.get("color", INK)
    marked = "label" in attributes
    axes.plot(xs, ys, color=colour, lw=1.6 if marked else 0.9, ls="--" if marked else "-")
    if marked:
        axes.text(
            xs[2] + 0.05,
            (ys[2] + ys[3]) / 2,
            attributes["label"],
            color=RED,
            fontsize=7,
            ha="left",
            va="center",
        )


def draw_box(
    axes: Any,
    at: tuple[float, float],
    box: tuple[float, float],
    lines: list[str],
    attributes: dict[str, str],
) -> None:
    """A position's box: its id in bold, its role's title, the name in italics; findings below."""
    x, y = at
    marked = "color" in attributes
    axes.add_patch(
        FancyBboxPatch(
            (x - box[0] / 2, y - box[1] / 2),
            box[0],
            box[1],
            boxstyle="round,pad=0,rounding_size=0.06",
            facecolor="white",
            edgecolor=attributes.get("color", INK),
            lw=2 if marked else 0.9,
        )
    )
    first = y + 0.08 * (len(lines) - 1)
    for n, line in enumerate(lines):
        axes.text(
            x,
            first - 0.16 * n,
            line,
            ha="center",
            va="center",
            fontsize=8,
            color=INK,
            weight="bold" if n == 0 else "normal",
            style="italic" if n == 2 else "normal",
        )
    if "xlabel" in attributes:
        axes.text(
            x,
            y - box[1] / 2 - 0.04,
            attributes["xlabel"],
            ha="center",
            va="top",
            fontsize=7,
            color=RED,
        )


@picture("team-call-center.svg")
def call_center(path: Path) -> None:
    draw_chart(call_center_team(), path)


@picture("team-support.svg")
def support(path: Path) -> None:
    draw_chart(support_team(), path, across=True)


@picture("team-success.svg")
def success(path: Path) -> None:
    draw_chart(success_team(), path)


@picture("team-organisation.svg")
def organisation(path: Path) -> None:
    draw_chart(customer_organisation(), path, across=True)


@picture("chart-findings.svg")
def findings(path: Path) -> None:
    chart = OrgChart(
        positions=[
            Position(id="dir", role="call_center_director"),
            Position(id="mgr-1", role="call_center_manager", reports_to="dir"),
            Position(id="ag-1", role="call_center_agent", reports_to="mgr-1", name="Anna"),
            Position(id="ag-2", role="call_center_agent", reports_to="mgr-1", name="Bruno"),
            Position(id="mgr-2", role="call_center_manager", reports_to="ag-2"),
        ]
    )
    found = chart.check(duties=[Duty.HANDLE_ESCALATIONS, Duty.HANDLE_RETURNS])
    draw_chart(chart, path, findings=found)


# ------------------------------------------------------------------ the Sphinx extension


def draw_pictures(folder: Path, pictures: dict[str, Callable[[Path], None]] | None = None) -> None:
    """Draw every picture into ``folder``; the first that fails stops with an ExtensionError."""
    from sphinx.errors import ExtensionError

    folder.mkdir(parents=True, exist_ok=True)
    for name, draw in (PICTURES if pictures is None else pictures).items():
        try:
            draw(folder / name)
        except Exception as error:
            msg = f"the picture {name} ({draw.__name__}) failed: {error!r}"
            raise ExtensionError(msg) from error


def setup(app: Any) -> dict[str, Any]:
    """Draw the pictures when the build starts, before any page is read."""
    app.connect("builder-inited", lambda app: draw_pictures(Path(app.srcdir) / OUTPUT))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
