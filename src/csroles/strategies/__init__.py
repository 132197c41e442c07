"""Hypothesis strategies for every csroles entity (install ``csroles[hypothesis]``).

Each strategy is named after what it builds, in the plural, takes keyword-only
arguments to narrow it, and only ever generates valid values:

>>> from hypothesis import given, settings
>>> from csroles import Channel, Priority
>>> from csroles.strategies import interactions
>>> @settings(max_examples=20)
... @given(interactions(channels=[Channel.PHONE], priorities=[Priority.URGENT], max_events=8))
... def test_urgent_calls(call):
...     assert call.channel is Channel.PHONE
...     assert call.priority is Priority.URGENT
>>> test_urgent_calls()

Once csroles is installed, hypothesis finds these strategies by type too
(through the ``hypothesis`` entry point), so ``st.from_type(Interaction)``
and ``st.builds`` work without importing this module:

>>> from hypothesis import strategies as st
>>> from csroles import Interaction
>>> @settings(max_examples=5)
... @given(st.from_type(Interaction))
... def test_any(ticket):
...     assert ticket.opened_at <= ticket.last_event_at
>>> test_any()

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from hypothesis import strategies as st

from csroles.catalog import Catalog
from csroles.interactions import Event, Interaction
from csroles.roles import Authority, Request, Responsibility, Role
from csroles.strategies._entities import (
    ZONES,
    aware_datetimes,
    events,
    identifiers,
    interactions,
    zone_names,
)
from csroles.strategies._roles import (
    authorities,
    catalogs,
    requests,
    responsibilities,
    role_keys,
    roles,
)

__all__ = [
    "ZONES",
    "authorities",
    "aware_datetimes",
    "catalogs",
    "events",
    "identifiers",
    "interactions",
    "requests",
    "responsibilities",
    "role_keys",
    "roles",
    "zone_names",
]


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each csroles entity (run by hypothesis's entry point).

    Each strategy module adds its own types here.
    """
    st.register_type_strategy(Event, events())
    st.register_type_strategy(Interaction, interactions())
    st.register_type_strategy(Role, roles())
    st.register_type_strategy(Responsibility, responsibilities())
    st.register_type_strategy(Authority, authorities())
    st.register_type_strategy(Request, requests())
    st.register_type_strategy(Catalog, catalogs())
