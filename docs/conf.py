"""Sphinx configuration of the csroles docs."""

import sys
from importlib.metadata import version as _version
from pathlib import Path

project = "csroles"
author = "The csroles developers"
copyright = "2026, The csroles developers"
release = _version("csroles")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "pictures",  # docs/_ext/pictures.py: the pictures, drawn at build time
]
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_benchmarks"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings = ["myst.xref_missing"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = False
html_theme = "furo"
html_title = "csroles"
