"""The index file of a content folder, in the user's cache folder.

One file per folder, named by the folder's path; inside, the key it was built under: the tour's
fingerprint (the digest of the bytes the loader read, which the tour cache keeps, so nothing is
read again here) and the version of the code that indexes. A file with another key, or one that
SQLite cannot read, is rebuilt without a word. It is written through the one atomic writer, so
an interrupted build leaves the old file or none, never a temporary one.
"""

from __future__ import annotations

import hashlib
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exotour.model import Tour
    from exotour.search.index import Index

# Raise when what a tour indexes to changes in a way the code's own files do not show.
INDEX_FORMAT = "2"
# The modules whose code decides what a tour indexes to.
_INDEXING_CODE = ("passages.py", "query.py", "index.py", "snippets.py", "cache.py")


def cache_dir() -> Path:
    """EXOTOUR_CACHE_DIR when set, else the platform's user cache folder."""
    from exotour.state import paths

    return paths.cache_dir()


def cache_path(folder: Path) -> Path:
    """The index file of the content in FOLDER; the key inside says whether it is current."""
    place = str(folder.resolve()).encode("utf-8", "surrogateescape")
    return cache_dir() / f"search-{hashlib.sha256(place).hexdigest()[:20]}.sqlite3"


def index_key(tour: Tour) -> str:
    """What TOUR's index depends on: its fingerprint, exotour's version and the indexing code
    (by size and time, so an edited checkout does not serve an index built by older code)."""
    from exotour import __version__

    digest = hashlib.sha256(f"{__version__}\0{INDEX_FORMAT}\0{tour.fingerprint}\0".encode())
    here = Path(__file__).parent
    for name in _INDEXING_CODE:
        with suppress(OSError):  # a zipped package has no files to stat: the version decides
            stat = (here / name).stat()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def open_cached(path: Path, tour: Tour, key: str) -> Index | None:
    """The index in PATH if SQLite can read it and it was built under KEY, else None."""
    import sqlite3

    from exotour.search.index import Index

    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        if row is not None and row[0] == key:
            connection.execute("SELECT count(*) FROM passages WHERE passages MATCH 'a'").fetchone()
            return Index(connection, tour, path)
    except sqlite3.Error:
        pass
    connection.close()
    return None


def write_cache(path: Path, tour: Tour, key: str) -> Index | None:
    """Build TOUR's index into PATH under KEY; None when the cache folder cannot take it."""
    import sqlite3

    from exotour.search.index import build
    from exotour.state.atomic import atomic_path

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as temporary:
            connection = sqlite3.connect(temporary)
            try:
                connection.execute("PRAGMA journal_mode = OFF")  # no journal file beside it
                connection.execute("PRAGMA synchronous = OFF")  # atomic_path syncs once, at the end
                build(connection, tour, key=key)
                with connection:
                    connection.execute("INSERT INTO passages(passages) VALUES ('optimize')")
            finally:
                connection.close()
    except (OSError, sqlite3.Error):
        return None
    return open_cached(path, tour, key)
