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

import gc
import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

from exotour.content.fingerprint import SETTLE_NS, folder_key
from exotour.decision import About, Check, ClinicQuestion, Condition, Decision, Factor, Option
from exotour.model import EvidenceNote, GlossaryEntry, Question, Section, Source, Tour

FORMAT = 4  # 4: the decision aid, the about block, a section's options_grid
# A cache file holds at most this many characters per byte of content, plus SLACK: JSON's
# escapes at most double a text, and the generated Sources section repeats what notes cite.
CACHE_FACTOR = 4
CACHE_SLACK = 64_000
# The records inside each record, by field; every other field holds plain JSON values.
_NESTED: dict[type, dict[str, type]] = {
    Tour: {"sections": Section, "glossary": GlossaryEntry},
    Section: {"evidence": EvidenceNote, "quiz": Question},
    EvidenceNote: {"sources": Source},
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
# The records a record may hold one of, or none (null in JSON), by field.
_OPTIONAL: dict[type, dict[str, type]] = {Tour: {"decision": Decision, "about": About}}
_SKIPPED = frozenset({"content_dir"})  # set from the folder as given, not stored
# What checked content cannot hold, as JSON writes it with every character beyond ASCII escaped
# (control characters, the characters that reorder or split lines): a cache file that has any,
# or any character beyond ASCII, was not written by us, and is not used. (A backslash in content
# followed by b, f or r only costs a cache miss.) Both checks run at the speed of a search.
_UNSAFE = re.compile(r"\\(?:[bfr]|u(?:00[0189][0-9a-f]|007f|202[89a-e]|206[6-9]))")


def load(root: Path, *, lasting: bool = False) -> Tour:
    """The tour in ROOT, from the cache when it is current, else loaded and checked in full.
    A LASTING tour lives as long as the process (a command's): it and all that is loaded by
    then are kept out of the collector's walks (gc.freeze), which the 300,000 records of a
    10,000-section tour would otherwise slow down at each full collection. A tour holds no
    cycle, so one let go is freed all the same.

    Raises what loader.load_tour raises, for the same folders.
    """
    started = time.time_ns()
    try:
        key, newest, size = _key(root)  # before the files are read: a change shows next time
    except OSError:  # the loader says what is wrong with the folder
        return _lasting(_load_tour(root), lasting)
    path = _cache_file(root)
    limit = CACHE_FACTOR * size + CACHE_SLACK
    cached = _read(path, key, root, limit, lasting) if path is not None else None
    if cached is not None:
        return cached
    tour = _load_tour(root)
    if path is not None and newest < started - SETTLE_NS:
        _write(path, key, tour, limit)
    return _lasting(tour, lasting)


def _lasting(tour: Tour, lasting: bool) -> Tour:
    if lasting:
        gc.freeze()
    return tour


def _load_tour(root: Path) -> Tour:
    from exotour.content.loader import load_tour  # YAML with it: only when the cache cannot serve

    return load_tour(root)


def _key(root: Path) -> tuple[list[Any], int, int]:
    """What the tour in ROOT depends on (fingerprint.folder_key, in this cache's format); the
    newest file time in it; and the size of its files."""
    key, newest, size = folder_key(root)
    return [FORMAT, *key], newest, size


def _cache_file(root: Path) -> Path | None:
    """The cache file of ROOT (the name need not be unique: the key inside says whose it is)."""
    import zlib

    from exotour.state.paths import cache_dir

    try:
        folder = cache_dir()
    except Exception:  # platformdirs could not name a folder: no cache
        return None
    name = str(root.absolute()).encode("utf-8", "surrogateescape")
    return folder / f"tour-{zlib.crc32(name):08x}.json"


def _read(path: Path, key: list[Any], root: Path, limit: int, lasting: bool) -> Tour | None:
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
        with _collector_paused():  # and frozen before the collector could walk what it made
            tour = _lasting(_build(Tour, json.loads(text), root), lasting)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # ValueError: not ASCII (not ours), or not JSON
    return tour if isinstance(tour, Tour) else None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: decoding makes hundreds of thousands of objects and
    no cycle, and each collection on the way would walk all that was made so far again."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


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
    nested = _NESTED.get(type(record), {})
    optional = _OPTIONAL.get(type(record), {})
    out: dict[str, Any] = {}
    for spec in fields(record):
        if spec.name in _SKIPPED:
            continue
        value = getattr(record, spec.name)
        if spec.name in nested:
            value = [_plain(item) for item in value]
        elif spec.name in optional:
            value = None if value is None else _plain(value)
        elif is_dataclass(value):
            raise TypeError(f"{spec.name}: a record this cache does not know")
        out[spec.name] = value
    return out


# What each plain field of the model may hold, by its annotation (a tuple as a JSON list, whose
# items are checked apart): a cache file that holds anything else is damaged (or planted), and
# is read past.
_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "str | None": (str, type(None)),
    "int | None": (int, type(None)),
    "tuple[str, ...]": (list,),
}


@dataclass(frozen=True)
class _Plan:
    """How to build a record of one kind: its plain fields, every allowed run of their value
    types (one set lookup checks a record), the lists among them (tuples in the model), its
    nested records by field, and its own checks."""

    plain: Callable[[dict[str, Any]], tuple[Any, ...]]
    allowed: frozenset[tuple[type, ...]]
    lists: tuple[str, ...]
    nested: tuple[tuple[str, type], ...]
    optional: tuple[tuple[str, type], ...]
    size: int
    post_init: Callable[[Any], None] | None


@cache
def _plan(kind: type) -> _Plan:
    from itertools import product
    from operator import itemgetter

    nested = _NESTED.get(kind, {})
    optional = _OPTIONAL.get(kind, {})
    if not all(spec.init for spec in fields(kind)):
        raise TypeError(f"{kind.__name__}: a field that __init__ does not set")  # see _record
    inner = {**nested, **optional}
    plain = [s for s in fields(kind) if s.name not in inner and s.name not in _SKIPPED]
    names = [spec.name for spec in plain]
    values = itemgetter(*names)
    return _Plan(
        plain=values if len(names) > 1 else lambda data: (values(data),),
        allowed=frozenset(product(*(_TYPES[str(spec.type)] for spec in plain))),
        lists=tuple(spec.name for spec in plain if str(spec.type).startswith("tuple")),
        nested=tuple(nested.items()),
        optional=tuple(optional.items()),
        size=len(plain) + len(inner),
        post_init=getattr(kind, "__post_init__", None),
    )


def _build(kind: type, data: dict[str, Any], root: Path) -> Any:
    """The record of KIND that DATA describes, every value checked against the model's
    annotations; lists become tuples, as the loader makes them. Raises TypeError or KeyError
    for anything else."""
    plan = _plan(kind)
    if type(data) is not dict or len(data) != plan.size:
        raise TypeError(f"not a {kind.__name__}")
    if tuple(map(type, plan.plain(data))) not in plan.allowed:  # KeyError: a field missing
        raise TypeError(f"a field of {kind.__name__}")
    for name in plan.lists:
        items = data[name]
        if not _TEXT_ONLY.issuperset(map(type, items)):
            raise TypeError(f"{kind.__name__}.{name}")
        data[name] = tuple(items)
    for name, inner in plan.nested:
        items = data[name]
        if type(items) is not list:
            raise TypeError(f"{kind.__name__}.{name}")
        data[name] = tuple([_build(inner, item, root) for item in items])
    for name, inner in plan.optional:
        if data[name] is not None:
            data[name] = _build(inner, data[name], root)
    if kind is Tour:
        data["content_dir"] = root
    return _record(kind, data, plan.post_init)


_TEXT_ONLY = frozenset({str})


def _record(kind: type, values: dict[str, Any], post_init: Callable[[Any], None] | None) -> Any:
    """A frozen record of KIND holding VALUES (every field, checked), made as its dataclass
    __init__ makes it (each field set, then __post_init__ and its checks), but in one call
    rather than one a field: 70,000 records for a 10,000-section tour."""
    record: Any = object.__new__(kind)
    record.__dict__.update(values)
    if post_init is not None:
        post_init(record)
    return record
