"""The cached index file: written for big tours, reused while the content is the same, rebuilt
silently when it is stale or corrupt, and skipped when the cache folder cannot be written."""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from pathlib import Path

import pytest

from exotour import search as engine
from exotour.model import Tour


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EXOTOUR_CACHE_DIR", str(folder))
    return folder


def hits(index: engine.Index) -> list[str]:
    return [hit.id for hit in index.hits(engine.parse_query("collagen"), 10)]


def fingerprint_in(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    return str(row[0])


def test_the_cache_is_written_once_and_then_read(tour: Tour, cache: Path) -> None:
    first = engine.open_index(tour, cache=True)
    path = engine.cache_path(tour)
    assert path.parent == cache and path.is_file()
    assert first.path == path
    written = path.stat().st_mtime_ns
    second = engine.open_index(tour, cache=True)
    assert second.path == path and path.stat().st_mtime_ns == written
    assert hits(second) == hits(engine.memory_index(tour)) != []
    assert [p.name for p in cache.iterdir()] == [path.name]  # no temporary files left


def test_a_stale_cache_is_rebuilt(tour: Tour, cache: Path) -> None:
    engine.open_index(tour, cache=True)
    path = engine.cache_path(tour)
    changed = dataclasses.replace(tour, fingerprint="0" * 64)
    assert engine.cache_path(changed) == path  # the same content folder, the same file
    index = engine.open_index(changed, cache=True)
    assert index.path == path
    assert fingerprint_in(path) == "0" * 64
    assert hits(index) != []


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_a_corrupt_cache_is_rebuilt_silently(
    tour: Tour, cache: Path, damage: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    engine.open_index(tour, cache=True)
    path = engine.cache_path(tour)
    path.write_bytes(damage)
    index = engine.open_index(tour, cache=True)
    assert index.path == path
    assert hits(index) != []
    assert fingerprint_in(path) == tour.fingerprint
    assert capsys.readouterr() == ("", "")


def test_a_cache_damaged_while_open_is_replaced(
    tour: Tour, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "CACHE_MIN_ROWS", 0)  # this tour is cached too
    monkeypatch.setattr(engine, "_open", [])
    assert engine.search(tour, "collagen") != []
    path = engine.cache_path(tour)
    assert engine.index_for(tour).path == path
    broken = engine.index_for(tour)
    broken.connection.close()  # as good as a file gone bad: every query now fails
    assert [h.id for h in engine.search(tour, "collagen")] == hits(engine.memory_index(tour))
    assert engine.index_for(tour) is not broken


def test_an_unwritable_cache_folder_means_an_index_in_memory(
    tour: Tour, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EXOTOUR_CACHE_DIR", str(blocker / "cache"))
    index = engine.open_index(tour, cache=True)
    assert index.path is None
    assert hits(index) != []


def test_small_tours_and_tours_without_a_fingerprint_stay_in_memory(
    tour: Tour, cache: Path
) -> None:
    assert engine.open_index(tour).path is None  # the built-in tour is small: memory is faster
    anonymous = dataclasses.replace(tour, fingerprint="")
    assert engine.open_index(anonymous, cache=True).path is None
    assert not cache.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_the_cache_folder_defaults_to_the_user_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("EXOTOUR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert engine.cache_dir() == tmp_path / "exotour"
