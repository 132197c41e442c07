"""Sphinx configuration of the csroles docs."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext import intersphinx
from sphinx.util import logging

import csroles

project = "csroles"
author = "The csroles developers"
copyright = "2026, The csroles developers"
release = _version("csroles")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "pictures",  # docs/_ext/pictures.py: the pictures, drawn at build time
]
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_benchmarks", "_inventories"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Every cross-reference must resolve: a broken link is a build error.
nitpicky = True
# Names that appear in signatures but are private, so have no entry to link to.
nitpick_ignore = [
    # Type aliases private to csroles.metrics; the docstrings of the functions
    # and methods that take or return them say what they hold.
    ("py:class", "Figure"),
    ("py:class", "Grouping"),
    ("py:class", "SLAChoice"),
    # Protocols private to csroles.portfolios: the docstring of
    # balance_portfolios says which attributes it reads from its arguments.
    ("py:class", "csroles.portfolios._Account"),
    ("py:class", "csroles.portfolios._Seat"),
    # numpy's array types in the signatures of csroles.columnar (numpy's
    # inventory is not kept here); the docstrings say which dtypes they hold.
    ("py:class", "numpy.ndarray"),
    ("py:class", "numpy.dtype"),
    ("py:class", "numpy.bool"),
    ("py:class", "numpy.datetime64"),
    ("py:class", "numpy.timedelta64"),
]

# The docs are built where the documentation sites cannot be reached (CI
# included), so intersphinx reads inventories kept in the repository; docs/_inventories/make_inventories.py writes
# them, and docs/design.md says why.
intersphinx_mapping = {
    name: (url, f"_inventories/{name}.inv")
    for name, url in {
        "python": "https://docs.python.org/3/",
        "attrs": "https://www.attrs.org/en/stable/",
        "cattrs": "https://catt.rs/en/stable/",
        "hypothesis": "https://hypothesis.readthedocs.io/en/latest/",
        "pendulum": "https://pendulum.eustace.io/docs/",
    }.items()
}

html_theme = "furo"
html_title = "csroles"

# Every public module (a name without a leading underscore) has a page in
# docs/reference/; the build fails on a module or a name of its __all__ that no
# page documents (see `_check_reference`).
PUBLIC_MODULES = tuple(
    module.name
    for module in pkgutil.iter_modules(csroles.__path__)
    if not module.name.startswith("_")
)

_logger = logging.getLogger(__name__)


def _public_names() -> dict[int, str]:
    """Map each public object to the path it is documented at.

    A name exported by ``csroles`` is documented as ``csroles.Name``; any other
    name of a module's ``__all__`` as ``csroles.module.Name``.
    """
    public: dict[int, str] = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(f"csroles.{module_name}")
        for name in module.__all__:
            public.setdefault(id(getattr(module, name)), f"csroles.{module_name}.{name}")
    for name in csroles.__all__:
        if name != "__version__":
            public[id(getattr(csroles, name))] = f"csroles.{name}"
    return public


_PUBLIC = _public_names()


def _lookup(path: str) -> object | None:
    """The object a dotted path names, or None."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except (ImportError, ValueError):  # not a module, or not a name at all
            continue
        try:
            for part in parts[cut:]:
                obj = getattr(obj, part)
        except AttributeError:
            return None
        return obj
    return None


def _path_of(obj: object) -> str | None:
    """Where a class or function is documented: its public path, or its own."""
    if not (inspect.isclass(obj) or inspect.isfunction(obj)):
        return None
    return _PUBLIC.get(id(obj), f"{obj.__module__}.{obj.__qualname__}")


def _public_path(target: str, module: str | None) -> str | None:
    """The documented path of a reference target written at its defining module.

    Type hints name classes where they are defined (``csroles.roles.Role``,
    ``csroles.titles._parts.TitleParts``) and docstrings name them relative to
    the module that defines them (``Role``, ``InvalidArgument``, ``datetime``),
    while they are documented at their public path (``csroles.Role``). Names
    of other libraries lead to their own path, which intersphinx resolves.
    """
    for candidate in ([f"{module}.{target}"] if module else []) + [target]:
        head, _, attribute = candidate.rpartition(".")
        for path, rest in ((candidate, ""), (head, attribute)):
            public = _path_of(_lookup(path)) if path else None
            if public is not None:
                return f"{public}.{rest}" if rest else public
    if "." in target:
        return None
    # A bare name: a public name (data included), else what the csroles modules call so.
    public_names = [path for path in _PUBLIC.values() if path.endswith(f".{target}")]
    if len(public_names) == 1:
        return public_names[0]
    found = {
        id(obj): obj
        for name, mod in list(sys.modules.items())
        if name.startswith("csroles.")
        and (inspect.isclass(obj := getattr(mod, target, None)) or inspect.isfunction(obj))
    }
    return _path_of(found.popitem()[1]) if len(found) == 1 else None


def _resolve_public(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve a Python reference to a name documented at another path."""
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    public = _public_path(target, node.get("py:module"))
    if public is None or public == target:
        return None
    new = node.deepcopy()
    new["reftarget"] = public
    domain = env.domains["py"]
    found = domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], public, new, contnode
    )
    if found is None:
        found = intersphinx.missing_reference(app, env, new, contnode)
    return found


def _hide_private_bases(
    _app: Sphinx, _name: str, _obj: object, _options: Any, bases: list[type]
) -> None:
    """Show a private base class (``_RankedEnum``) as its own public base."""
    shown: list[type] = []
    for base in bases:
        public = base
        while public.__name__.startswith("_"):
            public = public.__bases__[0]
        shown.append(public)
    bases[:] = shown


def _check_reference(_app: Sphinx, env: BuildEnvironment) -> None:
    """Fail the build when a public name has no entry in the reference."""
    documented = set(env.domains["py"].objects)
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(f"csroles.{module_name}")
        if f"csroles.{module_name}" not in documented:
            _logger.warning("csroles.%s has no page in docs/reference/", module_name)
        for name in module.__all__:
            public = _PUBLIC[id(getattr(module, name))]
            if public not in documented:
                _logger.warning("%s is public but not in docs/reference/", public)


def setup(app: Sphinx) -> None:
    """Connect the handlers above."""
    app.connect("missing-reference", _resolve_public, priority=400)
    app.connect("autodoc-process-bases", _hide_private_bases)
    app.connect("env-check-consistency", _check_reference)
