"""The immutable, hashable mapping for fields typed ``Mapping[K, V]``.

Entities are frozen and hash by value, so a mapping field cannot hold a
``dict``. :class:`FrozenMapping` is :class:`csroles._frozen.FrozenMap` (one
class for one idea): it wraps a private dict that cannot be replaced without
deliberately going around its guard, offers only the read-only ``Mapping``
interface, compares equal to any mapping with the same items (a plain
``dict`` included) and hashes by its items, so two equal values hash alike
whatever order they were built in.

>>> from csroles._mapping import FrozenMapping
>>> m = FrozenMapping({"en": "Agent"})
>>> m == {"en": "Agent"}, hash(m) == hash(FrozenMapping({"en": "Agent"}))
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from csroles._frozen import FrozenMap

__all__: list[str] = []

FrozenMapping = FrozenMap


def to_frozen_mapping(value: Any) -> Any:
    """An attrs converter: a mapping to a :class:`FrozenMapping`.

    Anything else is passed through unchanged for the field's validator to
    report with the field's name.
    """
    if isinstance(value, Mapping):
        return FrozenMapping(value)
    return value
