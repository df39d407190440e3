"""Searching a tour: its index opened once (from memory or the cache file), and the searches,
suggestions and page lookups the commands and the walkthrough ask for. Nothing here prints.

The layer's parts: query.py reads a query, passages.py turns a tour into rows (markdown-it,
paid only when an index is built), index.py holds the FTS5 index and its ranked queries,
snippets.py the spans and snippets, locate.py where a hit is on a section's pages, cache.py the
index file. This module is what the rest of exotour calls; its names are the layer's API.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, TypeVar

from exotour.search.hits import Hit
from exotour.search.locate import page_holding
from exotour.search.query import Term, clean, parse_query
from exotour.search.snippets import Span, excerpt, first_match, match_spans

if TYPE_CHECKING:
    from pathlib import Path

    from exotour.model import Tour
    from exotour.search.index import Index

__all__ = [
    "ALL_HITS",
    "CACHE_MIN_ROWS",
    "Hit",
    "Span",
    "Term",
    "clean",
    "current_key",
    "excerpt",
    "first_match",
    "index_for",
    "match_spans",
    "memory_index",
    "open_index",
    "page_holding",
    "parse_query",
    "search",
    "search_current",
    "suggest",
]

_T = TypeVar("_T")
# Every hit of a tour, not a screenful: `search` counts them all, and n walks them all.
ALL_HITS = 1000
# Below this many rows an index is built in memory unless the caller asks for the cache.
# Measured: the built-in tour (~100 rows) builds in ~7 ms, while a cache file opens in ~2 ms plus
# ~6 ms to import platformdirs and name the folder; building costs ~30 us a row (8,000 rows:
# 255 ms, against 4 ms to open). `exotour search` always caches: the next run then needs no
# markdown-it at all.
CACHE_MIN_ROWS = 250


def memory_index(tour: Tour) -> Index:
    import sqlite3

    from exotour.search.index import Index, build

    connection = sqlite3.connect(":memory:")
    build(connection, tour, vocabulary=False)
    return Index(connection, tour)


def open_index(tour: Tour, *, cache: bool | None = None, folder: str | None = None) -> Index:
    """TOUR's index: from its cache file when the tour is big (or CACHE says so), else in memory.

    A stale, damaged or planted cache file is rebuilt silently; an unwritable cache folder, or a
    tour with no fingerprint or folder, means memory. FOLDER, the content folder's current_key
    taken before the tour was loaded, is recorded in the file (which is rebuilt once if it has
    another), so that the next search can go without the tour: see search_current."""
    if cache is None:
        cache = _row_estimate(tour) >= CACHE_MIN_ROWS
    if cache and tour.fingerprint and tour.content_dir is not None:
        from exotour.search import cache as files

        try:
            path = files.cache_path(tour.content_dir)
        except Exception:  # platformdirs could not name a folder: memory will do
            return memory_index(tour)
        key = files.index_key(tour)
        index = files.open_cached(path, tour, key, folder) or files.write_cache(
            path, tour, key, folder
        )
        if index is not None:
            return index
    return memory_index(tour)


def _row_estimate(tour: Tour) -> int:
    """About how many rows TOUR's index has, without splitting every body."""
    blocks = sum(s.body.count("\n\n") + 1 + len(s.evidence) for s in tour.sections)
    return blocks + len(tour.glossary)


# One open index per process, for the tour last searched: the in-tour search asks many times.
_open: list[tuple[Tour, Index]] = []


def index_for(tour: Tour, *, cache: bool | None = None, folder: str | None = None) -> Index:
    """TOUR's index, opened once per process (see open_index for CACHE and FOLDER)."""
    if _open and _open[0][0] is tour:
        return _open[0][1]
    index = open_index(tour, cache=cache, folder=folder)
    _open[:] = [(tour, index)]
    return index


def current_key(root: Path) -> str | None:
    """The key of the content folder ROOT that an index file may record (see search/cache.py);
    None while the folder is settling or cannot be read. Take it before the tour is loaded."""
    from exotour.search.cache import current_key as key_of

    return key_of(root)


def search_current(root: Path, folder: str, query: str, limit: int = 10) -> list[Hit] | None:
    """As search, from the cache file of ROOT alone while it records FOLDER (a current_key)
    as its folder's key: no tour is loaded. None when the file cannot answer so (missing,
    stale, damaged, or holding a row its roster does not account for): then search the tour."""
    import sqlite3

    from exotour.search import cache as files

    if not parse_query(query):
        return []
    try:
        path = files.cache_path(root)
    except Exception:  # platformdirs could not name a folder: there is no file
        return None
    index = files.open_current(path, folder)
    if index is None:
        return None
    try:
        return index.search(query, limit)
    except sqlite3.Error:  # the tour's index will replace the file
        return None
    finally:
        index.connection.close()


def _guarded(
    tour: Tour,
    run: Callable[[Index], _T],
    empty: _T,
    cache: bool | None,
    folder: str | None = None,
) -> _T:
    """RUN against TOUR's index; a cache file that fails to read, or holds a row the tour does
    not account for, is replaced by a fresh index."""
    import sqlite3

    index = index_for(tour, cache=cache, folder=folder)
    try:
        return run(index)
    except sqlite3.Error:
        if index.path is None:
            return empty  # only reachable by a bug: an empty answer beats a traceback
        # The cache file broke under us (truncated, overwritten, planted): build it again.
        index.connection.close()
        with suppress(OSError):
            index.path.unlink()
    index = open_index(tour, cache=True, folder=folder)
    _open[:] = [(tour, index)]
    try:
        return run(index)
    except sqlite3.Error:
        return empty


def search(
    tour: Tour,
    query: str,
    limit: int = 10,
    *,
    cache: bool | None = None,
    folder: str | None = None,
) -> list[Hit]:
    """The best LIMIT hits for QUERY in TOUR, best first (passages of sections, then glossary
    entries); [] when nothing matches. Never raises. CACHE and FOLDER as open_index has them."""
    if not parse_query(query):
        return []
    return _guarded(tour, lambda index: index.search(query, limit), [], cache, folder)


def suggest(
    tour: Tour, query: str, *, cache: bool | None = None, folder: str | None = None
) -> str | None:
    """QUERY with each word the index does not know replaced by the closest one it does, if
    that finds something: `colagen` gives `collagen`. None when there is nothing better."""
    return _guarded(tour, lambda index: index.suggest(query), None, cache, folder)
