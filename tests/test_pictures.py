"""The docs' pictures: drawn from the library at build time, and a failing one fails the build."""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import textwrap
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csroles import BusinessCalendar, customer_organisation, sla_status
from csroles.strategies import business_calendars

pytest.importorskip("matplotlib")
pytest.importorskip("sphinx")

ROME = ZoneInfo("Europe/Rome")
EXTENSIONS = Path(__file__).resolve().parent.parent / "docs" / "_ext"


def load_pictures() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_pictures", EXTENSIONS / "pictures.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pictures: Any = load_pictures()


def test_every_picture_is_drawn(tmp_path: Path) -> None:
    pictures.draw_pictures(tmp_path)
    drawn = {p.name for p in tmp_path.iterdir()}
    assert drawn == set(pictures.PICTURES)
    assert {"sla-shifts.svg", "sla-holiday.svg", "team-organisation.svg"} <= drawn
    organisation = (tmp_path / "team-organisation.svg").read_text(encoding="utf-8")
    for position in customer_organisation():  # text is kept as text in the SVG
        assert f">{position.id}<" in organisation
    assert ">holiday<" in (tmp_path / "sla-holiday.svg").read_text(encoding="utf-8")
    findings = (tmp_path / "chart-findings.svg").read_text(encoding="utf-8")
    assert ">level_inversion, manager_without_reports<" in findings


def test_a_failing_picture_stops_with_its_name(tmp_path: Path) -> None:
    from sphinx.errors import ExtensionError

    def broken(path: Path) -> None:
        raise ZeroDivisionError

    with pytest.raises(ExtensionError, match=r"the picture broken\.svg \(broken\) failed"):
        pictures.draw_pictures(tmp_path, {"broken.svg": broken})


def sphinx_build(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "src"
    source.mkdir()
    conf = f"""
        import sys
        sys.path.insert(0, {str(EXTENSIONS)!r})
        import pictures

        extensions = ["pictures"]
        pictures.PICTURES.clear()
        {body}
    """
    (source / "conf.py").write_text(textwrap.dedent(conf), encoding="utf-8")
    (source / "index.rst").write_text(
        "Pictures\n========\n\n.. image:: _generated/one.svg\n", encoding="utf-8"
    )
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",  # the flags of `make docs`
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(source),
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_the_docs_build_fails_when_a_picture_fails(tmp_path: Path) -> None:
    body = """
        @pictures.picture("one.svg")
        def one(path):
            raise RuntimeError("the calendar said no")
    """
    done = sphinx_build(tmp_path, textwrap.dedent(body).replace("\n", "\n        "))
    assert done.returncode != 0
    assert "the picture one.svg (one) failed: RuntimeError('the calendar said no')" in done.stderr


def test_the_docs_build_shows_a_drawn_picture(tmp_path: Path) -> None:
    body = """
        @pictures.picture("one.svg")
        def one(path):
            from csroles import call_center_team
            pictures.draw_chart(call_center_team(managers=1, agents_per_manager=1), path)
    """
    done = sphinx_build(tmp_path, textwrap.dedent(body).replace("\n", "\n        "))
    assert done.returncode == 0, done.stderr
    assert ">cc-agent-1-1<" in (tmp_path / "out" / "_images" / "one.svg").read_text("utf-8")


def test_the_docs_draw_the_pictures_their_pages_show() -> None:
    # The docs' own configuration loads the extension, so its build draws
    # them (and fails as above when one fails); each page shows registered
    # pictures only, and the SLA, clocks and hierarchy pages show theirs.
    docs = EXTENSIONS.parent
    conf = ast.parse((docs / "conf.py").read_text(encoding="utf-8"))
    extensions = next(
        node.value
        for node in conf.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "extensions" for t in node.targets)
    )
    assert "pictures" in ast.literal_eval(extensions)
    shown = {
        page.name: set(re.findall(r"\(_generated/([^)]+)\)", page.read_text(encoding="utf-8")))
        for page in docs.glob("*.md")
    }
    assert set().union(*shown.values()) == set(pictures.PICTURES)
    assert shown["sla.md"] == {"sla-shifts.svg", "sla-night-shift.svg", "sla-holiday.svg"}
    assert shown["sla_clocks.md"] == {"sla-clock-timeline.svg"}
    assert shown["hierarchy.md"] == {
        "team-organisation.svg",
        "team-call-center.svg",
        "team-support.svg",
        "team-success.svg",
        "chart-findings.svg",
    }


# ------------------------------------------------------------------ the clocks picture


def test_the_clock_picture_shows_what_the_page_says() -> None:
    # docs/sla_clocks.md describes the ticket of sla-clock-timeline.svg: a desk
    # open 09:00-18:00 on weekdays (Rome); first and next response 4 business
    # hours, resolution 12. Worked out by hand from the ticket's events.
    sla, ticket, now = pictures.clock_ticket()
    first, following, resolution = sla_status(sla, ticket, now)

    def at(day: int, hour: int) -> datetime:  # June 2026: Friday 5 to Thursday 11
        return datetime(2026, 6, day, hour, tzinfo=ROME)

    # Friday 15:00-18:00 and Monday 09:00-10:00 use the 4 h: breached on Monday
    # morning, after the weekend; the reply came at 11:00.
    assert first.breached_at == at(8, 10)
    assert [(s.start, s.end, s.running) for s in first.segments] == [(at(5, 15), at(8, 11), True)]
    # The customer's reply on Tuesday 10:00 starts it, the 16:00 reply stops it.
    assert following.breached_at == at(9, 14)
    assert [(s.start, s.end) for s in following.segments] == [(at(9, 10), at(9, 16))]
    # Paused while waiting on the customer, stopped at the resolution (11 h
    # used), running again from the reopening (on_reopen continue): its 12th
    # hour ends on Wednesday 11:00; 20 h by Thursday 10:00.
    assert [(s.start, s.end, s.running, s.cycle) for s in resolution.segments] == [
        (at(5, 15), at(8, 11), True, 0),
        (at(8, 11), at(9, 10), False, 0),
        (at(9, 10), at(9, 16), True, 0),
        (at(10, 10), at(11, 10), True, 0),
    ]
    assert (resolution.elapsed, resolution.breached_at) == (timedelta(hours=20), at(10, 11))
    assert resolution.warning_at == at(9, 11)  # 6 h: 5 h by Monday 11:00, one more on Tuesday


# ------------------------------------------------------------------ calendar data


def test_day_pieces_cut_a_night_shift_at_midnight() -> None:
    nights = BusinessCalendar(timezone="Europe/Rome", hours={4: ((time(22), time(6)),)})
    assert list(pictures.day_pieces(nights, date(2026, 6, 1), 7)) == [
        (date(2026, 6, 5), 22.0, 24.0),
        (date(2026, 6, 6), 0.0, 6.0),
    ]


def test_day_pieces_of_the_holiday_week_by_hand() -> None:
    nights = BusinessCalendar(
        timezone="Europe/Rome",
        hours={day: ((time(22), time(6)),) for day in range(5)},
        holidays={date(2026, 6, 2)},
    )
    pieces = list(pictures.day_pieces(nights, date(2026, 6, 1), 7))
    # Monday's night runs into the holiday; Tuesday's does not start; Friday's ends on Saturday.
    assert pieces == [
        (date(2026, 6, 1), 22.0, 24.0),
        (date(2026, 6, 2), 0.0, 6.0),
        (date(2026, 6, 3), 22.0, 24.0),
        (date(2026, 6, 4), 0.0, 6.0),
        (date(2026, 6, 4), 22.0, 24.0),
        (date(2026, 6, 5), 0.0, 6.0),
        (date(2026, 6, 5), 22.0, 24.0),
        (date(2026, 6, 6), 0.0, 6.0),
    ]


@settings(max_examples=50)
@given(
    business_calendars(
        zones=st.sampled_from(["UTC", "Etc/GMT-3", "Asia/Kolkata"]),  # no clock changes
        min_date=date(2026, 1, 1),
        max_date=date(2026, 12, 31),
    ),
    st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 24)),
)
def test_day_pieces_add_up_to_the_business_time(calendar: BusinessCalendar, first: date) -> None:
    pieces = list(pictures.day_pieces(calendar, first, 7))
    zone = ZoneInfo(calendar.timezone)
    start = datetime.combine(first, time(0), zone)
    week = calendar.business_time_between(start, start + timedelta(days=7))
    hours = sum(end - begin for _, begin, end in pieces)
    assert hours * 3600 == pytest.approx(week.total_seconds(), abs=1e-6)
    for day, begin, end in pieces:
        assert first <= day < first + timedelta(days=7)
        assert 0 <= begin < end <= 24
    assert pieces == sorted(pieces)
