"""The index file of a content folder, in the user's cache folder.

One file per folder, named by the folder's key (location.content_place); inside, the key it was
built under: the tour's fingerprint (the digest of the bytes the loader read, which the tour
cache keeps, so nothing is read again here) and the version of the code that indexes. A file
with another key, or one that SQLite cannot read, is rebuilt without a word. It is written
through the one atomic writer, so an interrupted build leaves the old file or none, never a
temporary one.

A file built when the content folder had settled also holds the folder's key (the stat key the
tour cache goes by, with the indexing code): while the folder still has that key, `exotour
search` answers from the file alone, its rows checked against the roster it holds, without
loading the tour (see current_key and open_current).
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from exotour.model import Tour
    from exotour.search.index import Index

# Raise when what a tour indexes to changes in a way the code's own files do not show.
INDEX_FORMAT = "5"  # 4: the tour's language and its stemmer; 5: a note's sources in it too
# The modules whose code decides what a tour indexes to.
_INDEXING_CODE = (
    "passages.py",
    "query.py",
    "index.py",
    "snippets.py",
    "roster.py",
    "cache.py",
    "stemming.py",
)


def cache_dir() -> Path:
    """EXOTOUR_CACHE_DIR when set, else the platform's user cache folder."""
    from exotour.state import paths

    return paths.cache_dir()


def cache_path(folder: Path) -> Path:
    """The index file of the content in FOLDER, named by its key (location.content_place); the
    key inside says whether it is current."""
    from exotour.content.location import content_place

    return cache_dir() / f"search-{content_place(folder).key}.sqlite3"


def index_key(tour: Tour) -> str:
    """What TOUR's index depends on: its fingerprint, its language and the stemmer for it,
    exotour's version and the indexing code (by size and time, so an edited checkout does not
    serve an index built by older code)."""
    import hashlib  # here: a search answered from the index file alone never needs it

    from exotour import __version__
    from exotour.search.stemming import algorithm_for, stemmer_key

    stems = f"{tour.language}\0{stemmer_key(algorithm_for(tour.language))}"
    digest = hashlib.sha256(
        f"{__version__}\0{INDEX_FORMAT}\0{tour.fingerprint}\0{stems}\0".encode()
    )
    for name, size, mtime in _code_key():
        digest.update(f"{name}\0{size}\0{mtime}\0".encode())
    return digest.hexdigest()


def current_key(root: Path) -> str | None:
    """The key of the content in ROOT as an index file records it: the folder's stat key and
    the indexing code. None while a file is still settling, or when the folder cannot be read
    (then only the tour's own fingerprint can say whether an index is current)."""
    import time

    from exotour.content.fingerprint import SETTLE_NS, folder_key

    started = time.time_ns()
    try:
        key, newest, _ = folder_key(root)
    except OSError:
        return None
    if newest >= started - SETTLE_NS:
        return None
    # repr, not JSON: the key is only ever compared, and json would cost its import here.
    return repr([INDEX_FORMAT, _code_key(), key])


def _code_key() -> list[tuple[str, int, int]]:
    """The indexing code by size and time, so an edited checkout does not serve an index built
    by older code."""
    here = Path(__file__).parent
    key: list[tuple[str, int, int]] = []
    for name in _INDEXING_CODE:
        with suppress(OSError):  # a zipped package has no files to stat: the version decides
            stat = (here / name).stat()
            key.append((name, stat.st_size, stat.st_mtime_ns))
    return key


def _connect(path: Path) -> sqlite3.Connection | None:
    """PATH opened read-only, if it is an index file by its schema (search.guard), with every
    query on it bounded; else None."""
    import sqlite3

    from exotour.search.guard import bound, is_ours

    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        bound(connection)
        if is_ours(connection):
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None


def _meta(connection: sqlite3.Connection, name: str) -> str | None:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
    return row[0] if row is not None and isinstance(row[0], str) else None


def open_cached(path: Path, tour: Tour, key: str, folder: str | None = None) -> Index | None:
    """The index in PATH if SQLite can read it and it was built under KEY, else None; with
    FOLDER (a current_key), only one that records that key too."""
    import sqlite3

    from exotour.search.index import Index

    connection = _connect(path)
    if connection is None:
        return None
    try:
        if _meta(connection, "key") == key and (
            folder is None or _meta(connection, "folder") == folder
        ):
            connection.execute("SELECT count(*) FROM passages WHERE passages MATCH 'a'").fetchone()
            return Index(connection, tour, path)
    except sqlite3.Error:
        pass
    connection.close()
    return None


def open_current(path: Path, folder: str) -> Index | None:
    """The index in PATH, without its tour, if it records FOLDER as its folder's key and holds
    the roster its rows are checked against; else None (then the tour decides)."""
    import sqlite3

    from exotour.search.index import Index
    from exotour.search.roster import Roster

    connection = _connect(path)
    if connection is None:
        return None
    try:
        if _meta(connection, "folder") == folder:
            roster = Roster.read(connection)
            if roster is not None:
                return Index(connection, None, path, roster)
    except sqlite3.Error:
        pass
    connection.close()
    return None


def write_cache(path: Path, tour: Tour, key: str, folder: str | None = None) -> Index | None:
    """Build TOUR's index into PATH under KEY (and FOLDER, a current_key, when given); None
    when the cache folder cannot take it."""
    import sqlite3

    from exotour.search.index import build
    from exotour.state.atomic import atomic_path, remove_stale

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(path)  # a build killed before (large: 13 MB at 5,000 sections)
        with atomic_path(path) as temporary:
            connection = sqlite3.connect(temporary)
            try:
                connection.execute("PRAGMA journal_mode = OFF")  # no journal file beside it
                connection.execute("PRAGMA synchronous = OFF")  # atomic_path syncs once, at the end
                build(connection, tour, key=key)
                with connection:
                    if folder is not None:
                        connection.execute(
                            "INSERT INTO meta(key, value) VALUES ('folder', ?)", (folder,)
                        )
                    connection.execute("INSERT INTO passages(passages) VALUES ('optimize')")
            finally:
                connection.close()
    except (OSError, sqlite3.Error):
        return None
    return open_cached(path, tour, key, folder)
