"""The built distribution is complete: its wheel installs into a fresh venv and works.

The test builds the sdist and, from it, the wheel (as ``make dist`` does),
checks their metadata and the wheel's files against the source tree, installs
the wheel with the ``hypothesis`` extra into a new virtual environment that
cannot see this checkout, and runs the tour and the hypothesis entry point
there. No index is reached: the dependencies come from the wheelhouse that
``make`` fills next to the development venv.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from packaging.metadata import Metadata

ROOT = Path(__file__).resolve().parent.parent
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
PACKAGE = ROOT / "src" / "csroles"
ENTRY_POINT = "csroles = csroles.strategies:_hypothesis_setup_hook"


def run(*args: str | Path, cwd: Path) -> str:
    """Run a command, failing the test with its output if it fails."""
    done = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def check_metadata(text: str) -> None:
    """The core metadata is valid, and the README is its description."""
    metadata = Metadata.from_email(text, validate=True)
    assert metadata.name == "csroles"
    assert metadata.description_content_type == "text/markdown"
    assert metadata.description is not None
    assert metadata.description.startswith("# csroles\n")
    assert {str(requirement) for requirement in metadata.requires_dist or []} >= {
        "attrs>=24.1",
        "cattrs>=24.1",
        "pendulum>=3.0",
        'hypothesis>=6.100; extra == "hypothesis"',
        'numpy>=1.26; extra == "columnar"',
    }


def build(out: Path) -> tuple[Path, Path]:
    """The sdist and the wheel built from it, without build isolation (as ``make dist``)."""
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT, cwd=ROOT)
    (sdist,) = out.glob("csroles-*.tar.gz")
    (wheel,) = out.glob("csroles-*.whl")
    return sdist, wheel


def check_sdist(sdist: Path) -> None:
    """The sdist holds the sources and valid metadata, and no build output."""
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
        pkg_info = archive.extractfile(f"{sdist.name.removesuffix('.tar.gz')}/PKG-INFO")
        assert pkg_info is not None
        check_metadata(pkg_info.read().decode())
    for required in ("pyproject.toml", "README.md", "LICENSE", "src/csroles/py.typed"):
        assert required in names
    assert not any(name.startswith("docs/_build/") for name in names)


def check_wheel(wheel: Path) -> None:
    """The wheel holds every file of the package, valid metadata and the entry point."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = next(name for name in names if name.endswith(".dist-info/METADATA"))
        check_metadata(archive.read(info).decode())
        points = info.replace("METADATA", "entry_points.txt")
        assert points in names, "the wheel declares no entry point"
        entry_points = archive.read(points).decode()
    expected = {
        f"csroles/{path.relative_to(PACKAGE).as_posix()}"
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert "csroles/py.typed" in expected
    assert {name for name in names if name.startswith("csroles/")} == expected
    assert f"[hypothesis]\n{ENTRY_POINT}\n" in entry_points


# One test, so that a parallel run builds the distributions once.
def test_the_built_wheel_installs_and_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    assert WHEELHOUSE.is_dir(), f"{WHEELHOUSE} is missing: run `make .venv/.dev-installed`"
    sdist, wheel = build(tmp_path / "dist")
    check_sdist(sdist)
    check_wheel(wheel)

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet",
        "--no-index", "--find-links", WHEELHOUSE, f"{wheel}[hypothesis]",
        cwd=tmp_path,
    )  # fmt: skip
    where = run(python, "-I", "-c", "import csroles; print(csroles.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(venv)

    tour = run(python, "-I", ROOT / "examples" / "tour.py", cwd=tmp_path)
    assert tour.startswith("csroles 0.1.0")

    # Hypothesis finds the entry point and its strategies; type checkers find py.typed.
    check = (
        "import warnings, importlib.metadata as m, importlib.resources as r\n"
        "import hypothesis.strategies as st, csroles\n"
        "(point,) = [p for p in m.entry_points(group='hypothesis') if p.name == 'csroles']\n"
        "assert point.value == 'csroles.strategies:_hypothesis_setup_hook', point\n"
        "warnings.simplefilter('ignore')\n"
        "assert isinstance(st.from_type(csroles.Customer).example(), csroles.Customer)\n"
        "assert (r.files('csroles') / 'py.typed').is_file()\n"
        "print('ok')\n"
    )
    assert run(python, "-I", "-c", check, cwd=tmp_path) == "ok\n"

    # Without the columnar extra, csroles.columnar says which extra it needs.
    columnar = "try:\n    import csroles.columnar\nexcept ImportError as error:\n    print(error)\n"
    assert "csroles[columnar]" in run(python, "-I", "-c", columnar, cwd=tmp_path)
