"""Temporary stand-ins for Customer and BusinessCalendar until their branches land.

Installed in sys.modules only when the real modules are missing; always-open only.
"""

from __future__ import annotations

import importlib
import sys
import types
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

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
    try:
        importlib.import_module("csroles.sla.calendar")
    except ImportError:
        module = types.ModuleType("csroles.sla.calendar")

        @attrs.frozen(kw_only=True)
        class BusinessCalendar:
            timezone: str

            @classmethod
            def always_open(cls, timezone: str = "UTC") -> BusinessCalendar:
                return cls(timezone=timezone)

            def with_timezone(self, zone: str) -> BusinessCalendar:
                return BusinessCalendar(timezone=zone)

            def business_time_between(self, start: datetime, end: datetime) -> timedelta:
                return max(end - start, timedelta(0))

            def add_business_time(self, start: datetime, duration: timedelta) -> datetime:
                return (start + duration).astimezone(ZoneInfo(self.timezone))

        module.BusinessCalendar = BusinessCalendar  # type: ignore[attr-defined]
        sys.modules["csroles.sla.calendar"] = module


_install()
