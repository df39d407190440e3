"""THE content key: which files the loader reads, a digest of their bytes, and a cheap key of
their sizes and times for the tour cache.

Only these files are read, and only these make the key: a tour folder may hold anything else
(notes, images, a 3 GB file) without its being read or changing the key. Light on purpose: the
tour cache computes the stat key on every run, without YAML.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any, NamedTuple

from exotour import __version__

TOUR_FILE = "tour.yaml"
GLOSSARY_FILE = "glossary.yaml"
DECISION_FILE = "decision.yaml"
SECTIONS_DIR = "sections"
SUFFIXES = (".yaml", ".yml")
# Content files newer than this are still settling: nothing is cached by their key, since a
# change within the file system's timestamp resolution could go unseen.
SETTLE_NS = 2_000_000_000
# Besides the content package's own modules: a change to any of these changes what loads.
_CODE = ("model.py", "decision.py", "text.py", "suggest.py", "errors.py")


# A NamedTuple, not a dataclass: it costs a third of the import time, on every command.
class Entry(NamedTuple):
    """A name in sections/ that looks like a section file, and what it is."""

    path: Path
    info: os.stat_result | None  # of what it points to; None when that cannot be read

    @property
    def mode(self) -> int:
        return self.info.st_mode if self.info else 0

    @property
    def is_file(self) -> bool:
        return stat.S_ISREG(self.mode)

    @property
    def misnamed(self) -> bool:
        """Whether its suffix is .yaml or .yml in another case (not read, but worth a hint)."""
        return self.path.suffix not in SUFFIXES


def section_entries(root: Path) -> list[Entry]:
    """The names in ROOT/sections that end in .yaml or .yml (in any case), sorted, hidden files
    (editor backups and the like) left out. Raises OSError when the folder cannot be listed."""
    folder = root / SECTIONS_DIR
    return [Entry(folder / name, info) for name, info in _section_files(folder)]


def _section_files(folder: Path) -> list[tuple[str, os.stat_result | None]]:
    """section_entries as names and stats: the stat key of a 10,000-section tour is made on
    every run, and a Path for each name cost more than the stat calls."""
    found: list[tuple[str, os.stat_result | None]] = []
    with os.scandir(folder) as listing:
        for item in listing:
            name = item.name
            dot = name.rfind(".")  # Path(name).suffix, without a Path
            suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
            if name.startswith(".") or suffix.lower() not in SUFFIXES:
                continue
            try:
                info: os.stat_result | None = item.stat()  # follows a link, as reading it would
            except OSError:
                info = None
            found.append((name, info))
    found.sort(key=_name)
    return found


def _name(found: tuple[str, os.stat_result | None]) -> str:
    return found[0]


class Digest:
    """The digest of every file the loader read, in the order it read them: Tour.fingerprint."""

    def __init__(self) -> None:
        import hashlib  # only when files are read: a cache hit spares its import (~5 ms)

        self._hash = hashlib.sha256()

    def add(self, relative: str, data: bytes) -> None:
        self._hash.update(os.fsencode(relative) + b"\0" + data + b"\0")

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def _stat(name: str, info: os.stat_result | None) -> list[Any]:
    if info is None:
        return [name]
    return [name, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def _stat_of(path: Path) -> list[Any]:
    try:
        return _stat(path.name, path.stat())
    except OSError:
        return [path.name]


def stat_key(root: Path) -> tuple[list[Any], int]:
    """What the files the loader would read look like, as JSON values, and the newest time
    among them: equal keys mean the loader would read the same bytes (as git's index judges a
    file unchanged by its stat). Raises OSError when the folder cannot be listed."""
    folder = root.absolute()
    entries = [_stat_of(folder / name) for name in (TOUR_FILE, GLOSSARY_FILE, DECISION_FILE)]
    if (folder / SECTIONS_DIR).is_dir():
        entries += [_stat(name, info) for name, info in _section_files(folder / SECTIONS_DIR)]
    newest = max((max(e[3], e[4]) for e in entries if len(e) > 1), default=0)
    return entries, newest


def _code_key() -> list[list[Any]]:
    package = Path(__file__).parents[1]
    code = sorted((package / "content").glob("*.py")) + [package / name for name in _CODE]
    key: list[list[Any]] = []
    for path in code:
        info = path.stat()
        key.append([path.name, info.st_size, info.st_mtime_ns, info.st_ino])
    return key


def folder_key(root: Path) -> tuple[list[Any], int, int]:
    """What the tour in ROOT depends on, as JSON values (the files the loader reads, by stat,
    and exotour's version and loading code): while it is the same, so is the tour. Also the
    newest file time in it, and the size of the files. Raises OSError as stat_key does."""
    entries, newest = stat_key(root)
    size = sum(entry[2] for entry in entries if len(entry) > 1)
    folder = str(root.absolute())
    return [__version__, sys.version, _code_key(), folder, entries], newest, size
