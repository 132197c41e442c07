"""A read-only, hashable mapping for the mapping fields of frozen entities.

A ``dict`` field would make a frozen attrs class unhashable, and a
``MappingProxyType`` cannot be pickled; :class:`FrozenMap` is both hashable and
picklable, compares equal to any mapping with the same items and prints like a
``dict``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

__all__: list[str] = []

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """An immutable mapping; its hash is that of its items."""

    __slots__ = ("_data", "_hash")

    _data: dict[K, V]
    _hash: int | None

    def __init__(self, data: Mapping[K, V]) -> None:
        object.__setattr__(self, "_data", dict(data))
        object.__setattr__(self, "_hash", None)

    @classmethod
    def _owning(cls, data: dict[K, V]) -> FrozenMap[K, V]:
        """A FrozenMap over ``data`` itself, not a copy: the caller never changes it again."""
        new = object.__new__(cls)
        object.__setattr__(new, "_data", data)
        object.__setattr__(new, "_hash", None)
        return new

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

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._data.items())))
        return self._hash  # type: ignore[return-value]  # set just above

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __setattr__(self, name: str, value: Any) -> None:
        msg = "FrozenMap is immutable"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = "FrozenMap is immutable"
        raise AttributeError(msg)

    def __repr__(self) -> str:
        return repr(self._data)

    def __reduce__(self) -> tuple[type[FrozenMap[K, V]], tuple[dict[K, V]]]:
        return (type(self), (self._data,))
