"""A field of a frozen record that may be made the first time it is read.

The tour cache holds the decision aid and the about block, but most commands draw neither:
decoding them (and importing their classes) cost about 5 ms of `summary` or `sections`. A
record's field declared as `Later()` takes either its value or a `Deferred` that makes it; a
Deferred is made on the first read and kept. Nothing else changes: the constructor takes the
value as before, and equality, hashing and `replace` read the value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar, overload

T = TypeVar("T")


class Deferred(NamedTuple, Generic[T]):
    """How to make a field's value when it is first read."""

    make: Callable[[], T]


class Later(Generic[T]):
    """A dataclass field (its default is None) whose value may be given as a Deferred."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_later_{name}"

    @overload
    def __get__(self, record: None, owner: type) -> None: ...
    @overload
    def __get__(self, record: object, owner: type) -> T | None: ...
    def __get__(self, record: object | None, owner: type) -> T | None:
        if record is None:  # the class's own: the dataclass takes it as the field's default
            return None
        value = record.__dict__.get(self.slot)
        if isinstance(value, Deferred):
            value = value.make()
            record.__dict__[self.slot] = value  # kept, as functools.cached_property keeps it
        return value

    def __set__(self, record: object, value: T | Deferred[T] | None) -> None:
        # Only the dataclass's __init__ gets here: a frozen record refuses assignment first.
        record.__dict__[self.slot] = value

    def given(self, record: object) -> bool:
        """Whether RECORD has a value (made yet or not), without making it."""
        return record.__dict__.get(self.slot) is not None


def is_given(record: Any, name: str) -> bool:
    """Whether RECORD's field NAME (a Later) holds a value, without making it."""
    later: Later[Any] = type(record).__dict__[name]
    return later.given(record)
