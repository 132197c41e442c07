"""A small immutable, hashable mapping for fields typed ``Mapping[K, V]``.

Entities are frozen and hash by value, so a mapping field cannot hold a
``dict``. ``FrozenMapping`` wraps a private dict, offers only the read-only
``Mapping`` interface, compares equal to any mapping with the same items
(a plain ``dict`` included) and hashes by its items, so two equal values hash
alike whatever order they were built in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

__all__: list[str] = []

K = TypeVar("K")
V = TypeVar("V")


class FrozenMapping(Mapping[K, V]):
    """A read-only mapping that hashes by value.

    >>> from csroles._mapping import FrozenMapping
    >>> m = FrozenMapping({"en": "Agent"})
    >>> m == {"en": "Agent"}, hash(m) == hash(FrozenMapping({"en": "Agent"}))
    (True, True)
    """

    __slots__ = ("_data", "_hash")

    _data: dict[K, V]
    _hash: int | None

    def __init__(self, data: Mapping[K, V]) -> None:
        self._data = dict(data)
        self._hash = None

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        try:
            return key in self._data
        except TypeError:  # an unhashable key is simply not in it
            return False

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return repr(self._data)


def to_frozen_mapping(value: Any) -> Any:
    """An attrs converter: a mapping to a :class:`FrozenMapping`.

    Anything else is passed through unchanged for the field's validator to
    report with the field's name.
    """
    if isinstance(value, Mapping):
        return FrozenMapping(value)
    return value
