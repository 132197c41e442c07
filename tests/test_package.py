import importlib
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import csroles


def test_version_comes_from_metadata() -> None:
    assert csroles.__version__ == version("csroles")


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        csroles.no_such_name  # noqa: B018


def test_all_is_sorted_complete_and_importable() -> None:
    assert csroles.__all__ == sorted(csroles.__all__, key=lambda n: (n.startswith("_"), n))
    for name in csroles.__all__:
        assert getattr(csroles, name) is not None


def test_every_public_module_declares_all() -> None:
    package = Path(csroles.__file__).parent
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).with_suffix("")
        if any(part.startswith("_") for part in relative.parts):
            continue
        name = ".".join(("csroles", *relative.parts))
        module = importlib.import_module(name)
        assert hasattr(module, "__all__"), name
        for exported in module.__all__:
            assert hasattr(module, exported), f"{name}.{exported}"


def test_py_typed_is_shipped() -> None:
    assert (Path(csroles.__file__).parent / "py.typed").is_file()


def test_import_is_light() -> None:
    # Embedding programs pay for `import csroles`: no hypothesis, no logging,
    # no importlib.metadata until asked, no numpy (the columnar extra).
    code = (
        "import sys, csroles\n"
        "heavy = {'hypothesis', 'logging', 'importlib.metadata', 'csroles.strategies',\n"
        "         'cattrs', 'csroles.converters', 'numpy', 'csroles.columnar'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"
