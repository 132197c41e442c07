"""Write the intersphinx inventories that the docs build reads from this folder.

The docs are built where the documentation sites cannot be reached (CI
included), so Sphinx cannot download the ``objects.inv`` of Python, attrs, cattrs, hypothesis and pendulum.
This script writes, for each of them, an inventory of the names the csroles docs
refer to, each pointing at the page and anchor of that project's own
documentation. It is run by hand, never by the build:

    .venv/bin/python docs/_inventories/make_inventories.py

and its output is committed. When the docs refer to a new outside name, the build
fails on it (``nitpicky``): add the name below, run the script, commit the
``.inv`` file it rewrites, and check it with
``python -m sphinx.ext.intersphinx docs/_inventories/<project>.inv``.

The file format is Sphinx's inventory version 2: four header lines, then one
zlib-compressed line per name, ``name domain:role priority uri display``, where a
``uri`` ending in ``$`` stands for itself followed by the name and a ``display``
of ``-`` for the name itself.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).parent

# project -> (display name, version, {(name, domain:role): uri relative to the project's docs})
INVENTORIES: dict[str, tuple[str, str, dict[tuple[str, str], str]]] = {
    "python": (
        "Python",
        "3.13",
        {
            ("collections.abc.Callable", "py:class"): "library/collections.abc.html#$",
            ("collections.abc.Iterable", "py:class"): "library/collections.abc.html#$",
            ("collections.abc.Iterator", "py:class"): "library/collections.abc.html#$",
            ("collections.abc.Mapping", "py:class"): "library/collections.abc.html#$",
            ("collections.abc.Sequence", "py:class"): "library/collections.abc.html#$",
            ("datetime.date", "py:class"): "library/datetime.html#$",
            ("datetime.datetime", "py:class"): "library/datetime.html#$",
            ("datetime.datetime.fromisoformat", "py:method"): "library/datetime.html#$",
            ("datetime.time", "py:class"): "library/datetime.html#$",
            ("datetime.timedelta", "py:class"): "library/datetime.html#$",
            ("datetime.timezone", "py:class"): "library/datetime.html#$",
            ("decimal.Decimal", "py:class"): "library/decimal.html#$",
            ("enum.StrEnum", "py:class"): "library/enum.html#$",
            ("statistics.quantiles", "py:function"): "library/statistics.html#$",
            ("zoneinfo.ZoneInfo", "py:class"): "library/zoneinfo.html#$",
        },
    ),
    "attrs": (
        "attrs",
        "26.1",
        {
            ("attrs.evolve", "py:function"): "api.html#$",
        },
    ),
    "cattrs": (
        "cattrs",
        "26.2",
        {
            # cattrs documents its converter at the package's path only.
            ("cattrs.Converter", "py:class"): "cattrs.html#cattrs.Converter",
            ("cattrs.converters.Converter", "py:class"): "cattrs.html#cattrs.Converter",
            ("cattrs.global_converter", "py:data"): "cattrs.html#$",
        },
    ),
    "hypothesis": (
        "Hypothesis",
        "6.170",
        {
            # Documented there as a class, referred to here as the exception it is.
            ("hypothesis.errors.InvalidArgument", "py:class"): "reference/api.html#$",
            ("hypothesis.errors.InvalidArgument", "py:exception"): "reference/api.html#$",
            ("hypothesis.strategies.SearchStrategy", "py:class"): "reference/strategies.html#$",
        },
    ),
    "pendulum": (
        # pendulum's documentation is one page without a Sphinx inventory of its own.
        "pendulum",
        "3.3",
        {
            ("pendulum.Duration", "py:class"): "#duration",
            ("pendulum.from_timestamp", "py:function"): "#instantiation",
            ("pendulum.instance", "py:function"): "#instantiation",
        },
    ),
}


def inventory(project: str, version: str, entries: dict[tuple[str, str], str]) -> bytes:
    """The bytes of a version-2 inventory holding ``entries``."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = "".join(f"{name} {role} 1 {uri} -\n" for (name, role), uri in sorted(entries.items()))
    return header.encode() + zlib.compress(lines.encode())


def main() -> None:
    """Write one ``<key>.inv`` per project next to this script."""
    for key, (project, version, entries) in INVENTORIES.items():
        (HERE / f"{key}.inv").write_bytes(inventory(project, version, entries))


if __name__ == "__main__":
    main()
