"""A temporary stand-in for Customer until its branch lands (installed only if missing)."""

from __future__ import annotations

import importlib
import sys
import types

import attrs


def _install() -> None:
    try:
        importlib.import_module("csroles.customers")
    except ImportError:
        module = types.ModuleType("csroles.customers")

        @attrs.frozen(kw_only=True)
        class Customer:
            id: str
            name: str
            timezone: str | None = None

        Customer.__module__ = "csroles.customers"
        module.Customer = Customer  # type: ignore[attr-defined]
        sys.modules["csroles.customers"] = module


_install()
