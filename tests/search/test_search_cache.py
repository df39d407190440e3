"""The cached index file: written for big tours, reused while the content is the same, rebuilt
silently when it is stale or corrupt, and skipped when the cache folder cannot be written."""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from pathlib import Path

import pytest
from helpers import run_cli

from exotour.commands import search as command
from exotour.model import Tour
from exotour.search import engine


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EXOTOUR_CACHE_DIR", str(folder))
    return folder


def content(tour: Tour) -> Path:
    assert tour.content_dir is not None
    return tour.content_dir


def hits(index: engine.Index) -> list[str]:
    return [hit.id for hit in index.hits(engine.parse_query("collagen"), 10)]


def fingerprint_in(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    return str(row[0])


def test_the_cache_is_written_once_and_then_read(tour: Tour, cache: Path) -> None:
    first = engine.open_index(tour, cache=True)
    path = engine.cache_path(content(tour))
    assert path.parent == cache and path.is_file()
    assert first.path == path
    written = path.stat().st_mtime_ns
    second = engine.open_index(tour, cache=True)
    assert second.path == path and path.stat().st_mtime_ns == written
    assert hits(second) == hits(engine.memory_index(tour)) != []
    assert [p.name for p in cache.iterdir()] == [path.name]  # no temporary files left


def test_a_stale_cache_is_rebuilt(tour: Tour, cache: Path) -> None:
    engine.open_index(tour, cache=True)
    path = engine.cache_path(content(tour))
    changed = dataclasses.replace(tour, fingerprint="0" * 64)
    assert engine.cache_path(content(changed)) == path  # the same content folder, the same file
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
    path = engine.cache_path(content(tour))
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
    path = engine.cache_path(content(tour))
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


# -- `exotour search` answers from the cache while the content is unchanged ---------------------


def test_search_answers_from_the_cache_without_reading_the_content(
    content_copy: Path,
    cache: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    argv = ["--content", str(content_copy), "search", "collagen"]
    first = run_cli(argv, capsys)
    assert first.status == 0
    assert [p.name for p in cache.iterdir()] == [engine.cache_path(content_copy).name]

    def no_yaml(options: object) -> Tour:
        raise AssertionError("the content was read although the cache is current")

    monkeypatch.setattr(command, "load", no_yaml)
    assert run_cli(argv, capsys) == first
    assert run_cli([*argv[:-1], "colagen"], capsys).err.endswith("did you mean: collagen?\n")


def test_changed_content_is_read_again_and_the_cache_rebuilt(
    content_copy: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--content", str(content_copy), "search"]
    assert run_cli([*argv, "zebrafish"], capsys).status == 1
    section = content_copy / "sections" / "safety.yaml"
    section.write_text(
        section.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  Zebrafish.\n\n", 1),
        encoding="utf-8",
    )
    found = run_cli([*argv, "zebrafish"], capsys)
    assert found.status == 0
    assert f"exotour --content {content_copy} learn safety" in found.out
    assert [p.name for p in cache.iterdir()] == [engine.cache_path(content_copy).name]


def test_search_with_a_corrupt_cache_file_reads_the_content_silently(
    content_copy: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--content", str(content_copy), "search", "collagen"]
    first = run_cli(argv, capsys)
    engine.cache_path(content_copy).write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    assert run_cli(argv, capsys) == first
    assert run_cli(argv, capsys) == first  # and the rebuilt file serves the next search


def test_the_content_key_follows_the_files_the_loader_reads(content_copy: Path) -> None:
    key = engine.content_key(content_copy)
    assert key is not None and key == engine.content_key(content_copy)
    (content_copy / ".notes.txt").write_text("hidden files are not content")
    (content_copy / "schema" / "extra.json").parent.mkdir(exist_ok=True)
    (content_copy / "schema" / "extra.json").write_text("{}")
    assert engine.content_key(content_copy) == key
    glossary = content_copy / "glossary.yaml"
    glossary.write_bytes(glossary.read_bytes() + b"\n")
    assert engine.content_key(content_copy) not in (None, key)
    assert engine.content_key(content_copy / "missing") is None
