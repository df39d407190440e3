"""The validated tour of a content folder, kept in the user's cache folder between runs.

Reading and checking YAML costs far more than the rest of a command (about 8 ms for the built-in
tour, half a second for a thousand sections, and the YAML library alone takes 14 ms to import),
so once a folder has loaded without an error its tour is written as JSON. The next run uses it
when nothing that could change the result has changed: the files the loader reads (their
sizes, times and inodes: fingerprint.stat_key), and exotour's own version and loader code.
Anything else (a stale, damaged or unreadable cache) means the full load, exactly as without a
cache, and a fresh cache file, without a word; content with errors is never cached, so every
error is still reported from the files themselves. A cache file is never larger than a bound
proportional to the content it caches.

A file changed twice within the file system's timestamp resolution, to the same size, could
look unchanged; as git does, a file changed in the last seconds before a load (when that could
still happen unseen) keeps the tour from being cached at all.
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

from exotour.content.fingerprint import SETTLE_NS, folder_key
from exotour.content.location import content_place
from exotour.later import Deferred
from exotour.model import EvidenceNote, GlossaryEntry, Question, Section, Source, Tour

FORMAT = 5  # 4: the tour's language; 5: the decision aid, the about block, options_grid
# A cache file holds at most this many characters per byte of content, plus SLACK: JSON's
# escapes at most double a text, and the generated Sources section repeats what notes cite.
CACHE_FACTOR = 4
CACHE_SLACK = 64_000
# The records inside each record, by field; every other field holds plain JSON values.
_NESTED: dict[type, dict[str, type]] = {
    Tour: {"sections": Section, "glossary": GlossaryEntry},
    Section: {"evidence": EvidenceNote, "quiz": Question},
    EvidenceNote: {"sources": Source},
}
# The records a tour may hold one of, or none (null in JSON), by field: the decision aid's,
# decoded (and their classes imported) only when a command reads them (exotour.later).
_OPTIONAL: dict[type, tuple[str, ...]] = {Tour: ("decision", "about")}


@cache
def _aid_records() -> tuple[dict[str, type], dict[type, dict[str, type]]]:
    """The decision aid's records: the class of each of the tour's optional fields, and the
    records inside each record, by field."""
    from exotour.decision import About, Check, ClinicQuestion, Condition, Decision, Factor, Option

    kinds = {"decision": Decision, "about": About}
    nested: dict[type, dict[str, type]] = {
        Decision: {
            "conditions": Condition,
            "factors": Factor,
            "questions": ClinicQuestion,
            "checks": Check,
        },
        Condition: {"options": Option},
        Option: {"sources": Source},
        ClinicQuestion: {"sources": Source},
        Check: {"sources": Source},
    }
    return kinds, nested


def _nested(kind: type) -> dict[str, type]:
    found = _NESTED.get(kind)
    if found is None and kind.__module__ == "exotour.decision":
        found = _aid_records()[1].get(kind)
    return found or {}


_SKIPPED = frozenset({"content_dir"})  # set from the folder as given, not stored
# What checked content cannot hold, as JSON writes it with every character beyond ASCII escaped
# (control characters, the characters that reorder or split lines): a cache file that has any,
# or any character beyond ASCII, was not written by us, and is not used. (A backslash in content
# followed by b, f or r only costs a cache miss.) Both checks run at the speed of a search.
_UNSAFE = re.compile(r"\\(?:[bfr]|u(?:00[0189][0-9a-f]|007f|202[89a-e]|206[6-9]))")


def load(root: Path, place_key: str | None = None) -> Tour:
    """The tour in ROOT, from the cache when it is current, else loaded and checked in full.
    PLACE_KEY is ROOT's key (location.content_place), when the caller has it.

    Raises what loader.load_tour raises, for the same folders.
    """
    started = time.time_ns()
    try:
        key, newest, size = _key(root)  # before the files are read: a change shows next time
    except OSError:  # the loader says what is wrong with the folder
        return _load_tour(root)
    path = _cache_file(place_key or content_place(root).key)
    limit = CACHE_FACTOR * size + CACHE_SLACK
    cached = _read(path, key, root, limit) if path is not None else None
    if cached is not None:
        return cached
    tour = _load_tour(root)
    if path is not None and newest < started - SETTLE_NS:
        _write(path, key, tour, limit)
    return tour


def _load_tour(root: Path) -> Tour:
    from exotour.content.loader import load_tour  # YAML with it: only when the cache cannot serve

    return load_tour(root)


def _key(root: Path) -> tuple[list[Any], int, int]:
    """What the tour in ROOT depends on (fingerprint.folder_key, in this cache's format); the
    newest file time in it; and the size of its files."""
    key, newest, size = folder_key(root)
    return [FORMAT, *key], newest, size


def _cache_file(place_key: str) -> Path | None:
    """The cache file of the folder with PLACE_KEY (the key inside says whether it is current)."""
    from exotour.state.paths import cache_dir

    try:
        folder = cache_dir()
    except Exception:  # platformdirs could not name a folder: no cache
        return None
    return folder / f"tour-{place_key}.json"


def _read(path: Path, key: list[Any], root: Path, limit: int) -> Tour | None:
    """The tour cached in PATH if it was cached under KEY, else None (whatever the file holds:
    a FIFO or a device is never read, nor a file larger than LIMIT characters and the key)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            head = json.dumps(key)  # as _write wrote it: compared as text, never parsed
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit + len(head) + 1:
                return None
            first, _, text = handle.read().decode("ascii").partition("\n")
        if first != head or _UNSAFE.search(text):
            return None
        tour = _build(Tour, json.loads(text), root)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # ValueError: not ASCII (not ours), or not JSON
    return tour if isinstance(tour, Tour) else None


def _write(path: Path, key: list[Any], tour: Tour, limit: int) -> None:
    """Cache TOUR under KEY in PATH, atomically, unless it would take more than LIMIT
    characters (aliases can make a tour larger than its files: such a tour is not cached)."""
    from exotour.state.atomic import write_atomically

    try:
        body = json.dumps(_plain(tour))  # ASCII: every other character as an escape
        if len(body) > limit:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(key) + "\n" + body)
    except (OSError, TypeError, ValueError):  # a read-only cache, or a value JSON cannot hold
        pass


def _plain(record: Any) -> dict[str, Any]:
    """A record of the model as JSON values, field by field (new fields come along)."""
    nested = _nested(type(record))
    out: dict[str, Any] = {}
    for spec in fields(record):
        if spec.name in _SKIPPED:
            continue
        value = getattr(record, spec.name)
        if spec.name in nested:
            value = [_plain(item) for item in value]
        elif spec.name in _OPTIONAL.get(type(record), ()):
            value = None if value is None else _plain(value)
        elif is_dataclass(value):
            raise TypeError(f"{spec.name}: a record this cache does not know")
        out[spec.name] = value
    return out


# What each plain field of the model may hold, by its annotation (a tuple as a JSON list of
# strings): a cache file that holds anything else is damaged (or planted), and is read past.
_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "str | None": (str, type(None)),
    "int | None": (int, type(None)),
    "tuple[str, ...]": (list,),
}


@cache
def _fields(kind: type) -> dict[str, str]:
    """The fields of KIND that a cache file holds, each with its annotation."""
    return {spec.name: str(spec.type) for spec in fields(kind) if spec.name not in _SKIPPED}


def _build(kind: type, data: Any, root: Path) -> Any:
    """The record of KIND that DATA describes, made by the model's own constructor (and so
    checked by it), every value first checked against the model's annotations; lists become
    tuples, as the loader makes them. Raises TypeError for anything else."""
    expected = _fields(kind)
    if type(data) is not dict or data.keys() != expected.keys():
        raise TypeError(f"not a {kind.__name__}")
    nested = _nested(kind)
    optional = _OPTIONAL.get(kind, ())
    values: dict[str, Any] = {}
    for name, annotation in expected.items():
        value = data[name]
        if name in nested:
            if type(value) is not list:
                raise TypeError(f"{kind.__name__}.{name}")
            value = tuple(_build(nested[name], item, root) for item in value)
        elif name in optional:
            if value is not None and type(value) is not dict:
                raise TypeError(f"{kind.__name__}.{name}")
            value = None if value is None else Deferred(_later(name, value, root))
        elif type(value) not in _TYPES[annotation]:  # exact: a bool is no int here
            raise TypeError(f"{kind.__name__}.{name}")
        elif type(value) is list:
            if not all(type(item) is str for item in value):
                raise TypeError(f"{kind.__name__}.{name}")
            value = tuple(value)
        values[name] = value
    if kind is Tour:
        values["content_dir"] = root
    return kind(**values)


def _later(name: str, data: dict[str, Any], root: Path) -> Callable[[], Any]:
    """How to make the tour's field NAME from DATA when it is first read: decoded as any
    record is; a record that cannot be (a damaged cache file) is taken from the files, as
    without a cache."""

    def make() -> Any:
        try:
            return _build(_aid_records()[0][name], data, root)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return getattr(_load_tour(root), name)

    return make
