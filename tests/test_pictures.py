"""The docs' pictures: drawn from the library at build time, and a failing one fails the build."""

from __future__ import annotations

import importlib.util
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

from csroles import BusinessCalendar, customer_organisation
from csroles.strategies import business_calendars

pytest.importorskip("matplotlib")
pytest.importorskip("sphinx")

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
            "-W",
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
