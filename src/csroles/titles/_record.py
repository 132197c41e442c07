"""``NamedTuple`` for the titles' records, without the cost of checking annotations.

:class:`typing.NamedTuple` checks every field's annotation when it creates a
class: with ``from __future__ import annotations`` each one is a string,
compiled into a :class:`typing.ForwardRef`, several milliseconds for the
records of the title modules, paid by the first title a program reads. The
type checker reads the annotations anyway, so this ``NamedTuple`` skips that
step and builds the same class otherwise: a :func:`collections.namedtuple`
with the fields, defaults, docstring, methods and annotations of the class
body. To the type checker it is :class:`typing.NamedTuple` itself.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

__all__ = ["NamedTuple"]

if TYPE_CHECKING:
    from typing import NamedTuple
else:
    # What typing.NamedTuple does not copy from a class body onto the class.
    _KEPT = frozenset({"__annotations__", "__module__", "__name__"})

    class _Builder(type):
        """Turns ``class Name(NamedTuple): ...`` into a namedtuple, as typing does."""

        def __new__(cls, typename: str, _bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
            fields = tuple(namespace.get("__annotations__", {}))
            defaults = [namespace[name] for name in fields if name in namespace]
            if any(name not in namespace for name in fields[len(fields) - len(defaults) :]):
                msg = f"{typename}: a field without a default follows one with a default"
                raise TypeError(msg)
            record = collections.namedtuple(
                typename, fields, defaults=defaults, module=namespace["__module__"]
            )
            record.__annotations__ = dict(namespace.get("__annotations__", {}))
            for key, value in namespace.items():
                if key not in _KEPT and key not in fields:
                    setattr(record, key, value)
            return record

    NamedTuple = type.__new__(_Builder, "NamedTuple", (), {"__module__": __name__})
