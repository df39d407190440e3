"""What a tour's index may hold rows for: each section by its place (its id and title as
indexed) and each glossary term. Rows read from a cache file are checked against it.

A roster comes from the tour when the tour is loaded, or from the index file itself, where the
build wrote it: so a search whose index is current needs no tour at all (see search/cache.py).
A planted row that names no section of the roster, or another title, is still refused; a file
rewritten whole is as trusted as the tour cache beside it, which is the same kind of file.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, get_args

from exotour.search.hits import Kind
from exotour.search.query import clean
from exotour.search.snippets import CLOSE, OPEN

if TYPE_CHECKING:
    from exotour.model import Tour

SCHEMA = "CREATE TABLE roster(position INTEGER, ref TEXT NOT NULL, title TEXT NOT NULL);"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # indexed text never holds one
_KINDS = frozenset(get_args(Kind))


class UntrustedIndexError(sqlite3.DatabaseError):
    """A row that the tour does not account for: the index was damaged or planted."""


class Roster:
    """The sections (id, indexed title) in order, and the glossary's terms."""

    __slots__ = ("sections", "terms")

    def __init__(self, sections: Sequence[tuple[str, str]], terms: Iterable[str]) -> None:
        self.sections = tuple(sections)
        self.terms = frozenset(terms)

    @classmethod
    def of(cls, tour: Tour) -> Roster:
        return cls([(s.id, clean(s.title)) for s in tour.sections], (e.term for e in tour.glossary))

    def holds(self, section: object, ref: str, title: str) -> bool:
        """Whether a row of SECTION (a place, or None for a glossary entry), REF and TITLE is one
        the tour's index could hold."""
        if section is None:
            return ref in self.terms
        return (
            type(section) is int
            and 0 <= section < len(self.sections)
            and self.sections[section] == (ref, title)
        )

    def check(
        self, kind: object, section: object, passage: object, ref: object, marked: list[object]
    ) -> None:
        """Raise UntrustedIndexError unless a row read back (its columns MARKED as highlight()
        gave them) is one this tour's index could hold."""
        columns = [m if isinstance(m, str) else None for m in marked]
        plain = [None if c is None else c.replace(OPEN, "").replace(CLOSE, "") for c in columns]
        title = plain[0]
        trusted = (
            kind in _KINDS
            and isinstance(passage, int)
            and passage >= 0
            and isinstance(ref, str)
            and title is not None
            and all(c is not None and not _CONTROL.search(c) for c in plain)
            and (kind == "glossary") == (section is None)
            and self.holds(section, ref, title)
        )
        if not trusted:
            raise UntrustedIndexError(f"row of {ref!r} does not match the tour")

    def write(self, connection: sqlite3.Connection) -> None:
        connection.execute(SCHEMA)
        connection.executemany(
            "INSERT INTO roster(position, ref, title) VALUES (?, ?, ?)",
            [(place, ref, title) for place, (ref, title) in enumerate(self.sections)]
            + [(None, term, "") for term in sorted(self.terms)],
        )

    @classmethod
    def read(cls, connection: sqlite3.Connection) -> Roster | None:
        """The roster in CONNECTION's index; None when it has none, or one that is not whole
        (places that skip or repeat, a value of the wrong type). Raises sqlite3.Error."""
        sections: list[tuple[str, str]] = []
        terms: list[str] = []
        rows = connection.execute("SELECT position, ref, title FROM roster ORDER BY rowid")
        for position, ref, title in rows:
            if type(ref) is not str or type(title) is not str:
                return None
            if position is None:
                terms.append(ref)
            elif position == len(sections):
                sections.append((ref, title))
            else:
                return None
        return cls(sections, terms) if sections else None
