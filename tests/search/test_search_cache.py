"""The cached index file: written for big tours, reused while the tour's fingerprint and the
indexing code are the same, rebuilt silently when it is stale, corrupt or planted, written
atomically, and skipped when the cache folder cannot be written."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from helpers import run_cli

from exotour.model import Tour
from exotour.search import cache as files
from exotour.search import engine, index, passages


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EXOTOUR_CACHE_DIR", str(folder))
    monkeypatch.setattr(engine, "_open", [])
    return folder


def content(tour: Tour) -> Path:
    assert tour.content_dir is not None
    return tour.content_dir


def hits(opened: index.Index) -> list[str]:
    return [hit.id for hit in opened.hits(engine.parse_query("collagen"), 10)]


def key_in(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
    return str(row[0])


def test_the_cache_is_written_once_and_then_read(tour: Tour, cache: Path) -> None:
    first = engine.open_index(tour, cache=True)
    path = files.cache_path(content(tour))
    assert path.parent == cache and path.is_file()
    assert first.path == path
    written = path.stat().st_mtime_ns
    second = engine.open_index(tour, cache=True)
    assert second.path == path and path.stat().st_mtime_ns == written
    assert hits(second) == hits(engine.memory_index(tour)) != []
    assert [p.name for p in cache.iterdir()] == [path.name]  # no temporary files left


def test_the_key_is_the_fingerprint_and_the_indexing_code(tour: Tour, cache: Path) -> None:
    engine.open_index(tour, cache=True)
    path = files.cache_path(content(tour))
    assert key_in(path) == files.index_key(tour)
    changed = dataclasses.replace(tour, fingerprint="0" * 64)
    assert files.index_key(changed) != files.index_key(tour)
    assert files.cache_path(content(changed)) == path  # the same content folder, the same file
    rebuilt = engine.open_index(changed, cache=True)
    assert rebuilt.path == path
    assert key_in(path) == files.index_key(changed)
    assert hits(rebuilt) != []


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_a_corrupt_cache_is_rebuilt_silently(
    tour: Tour, cache: Path, damage: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    engine.open_index(tour, cache=True)
    path = files.cache_path(content(tour))
    path.write_bytes(damage)
    opened = engine.open_index(tour, cache=True)
    assert opened.path == path
    assert hits(opened) != []
    assert key_in(path) == files.index_key(tour)
    assert capsys.readouterr() == ("", "")


def test_a_cache_damaged_while_open_is_replaced(
    tour: Tour, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "CACHE_MIN_ROWS", 0)  # this tour is cached too
    assert engine.search(tour, "collagen") != []
    path = files.cache_path(content(tour))
    assert engine.index_for(tour).path == path
    broken = engine.index_for(tour)
    broken.connection.close()  # as good as a file gone bad: every query now fails
    assert [h.id for h in engine.search(tour, "collagen")] == hits(engine.memory_index(tour))
    assert engine.index_for(tour) is not broken


def _plant(path: Path, *rows: tuple[object, ...]) -> None:
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO passages(title, keywords, takeaway, text, kind, section, passage, ref)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


@pytest.mark.parametrize(
    "planted",
    [
        # A row that names a real section, with an escape sequence in its text.
        ("How does it work?", "", "", "\x1b[2J\x1b[31m collagen now", "paragraph", 2, 0, "x"),
        ("How does it work?", "", "", "\x1b]8;;http://e.vil\x07 collagen", "paragraph", 2, 9, ""),
        ("How does it work?", "", "", "\x1b[31m collagen", "list", 2, 0, "how-does-it-work"),
        # A row for a section or a glossary term the tour does not have.
        ("Planted", "", "", "collagen everywhere", "paragraph", 99, 0, "planted"),
        ("Planted", "", "", "collagen is planted", "glossary", None, 0, "Nope"),
        ("Wrong title", "", "", "collagen here", "paragraph", 2, 0, "how-does-it-work"),
    ],
)
def test_a_planted_row_never_reaches_the_output_and_the_cache_is_rebuilt(
    tour: Tour, cache: Path, planted: tuple[object, ...]
) -> None:
    engine.open_index(tour, cache=True)
    path = files.cache_path(content(tour))
    _plant(path, planted)
    found = engine.search(tour, "collagen", 50, cache=True)
    assert [h.id for h in found] == hits(engine.memory_index(tour))
    for hit in found:
        assert "\x1b" not in hit.text + hit.title and "planted" not in hit.text
    with sqlite3.connect(path) as connection:  # rebuilt: the planted row is gone
        rows = connection.execute("SELECT count(*) FROM passages WHERE text = ?", (planted[3],))
        assert rows.fetchone()[0] == 0


def test_text_that_reaches_a_terminal_is_printable(tmp_path: Path) -> None:
    # Bidi overrides are not control characters, so content may hold them; shown, they act not.
    from exotour.model import Section

    trick = Section("s", "Title \u202e", "", "Collagen \u202eevil\u202c here.")
    tour = Tour("t", "T", "", "", (trick,))
    (hit,) = engine.search(tour, "collagen")
    assert "\u202e" not in hit.text + hit.title
    assert "\\u202e" in hit.text
    assert [hit.text[a:b] for a, b in hit.spans] == ["Collagen"]
    assert hit.excerpt()[0] == hit.text


def test_an_interrupted_build_leaves_no_temporary_file(
    tour: Tour, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(index, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        engine.open_index(tour, cache=True)
    assert list(cache.iterdir()) == []


def test_a_folder_where_the_cache_file_goes_means_an_index_in_memory(
    tour: Tour, cache: Path
) -> None:
    files.cache_path(content(tour)).mkdir(parents=True)
    opened = engine.open_index(tour, cache=True)
    assert opened.path is None
    assert hits(opened) != []


def test_an_unwritable_cache_folder_means_an_index_in_memory(
    tour: Tour, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EXOTOUR_CACHE_DIR", str(blocker / "cache"))
    opened = engine.open_index(tour, cache=True)
    assert opened.path is None
    assert hits(opened) != []


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
    assert files.cache_dir() == tmp_path / "exotour"


# -- `exotour search` answers from the caches while the content is unchanged --------------------


def test_a_repeated_search_reads_no_yaml_and_parses_no_markdown(
    content_copy: Path,
    cache: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("exotour.content.cache.SETTLE_NS", 0)  # cache a folder just copied
    argv = ["--content", str(content_copy), "search", "collagen"]
    first = run_cli(argv, capsys)
    assert first.status == 0
    assert files.cache_path(content_copy).name in [p.name for p in cache.iterdir()]

    def unwanted(*args: object) -> object:
        raise AssertionError("read or parsed again although the caches are current")

    monkeypatch.setattr("exotour.content.loader.load_tour", unwanted)
    monkeypatch.setattr(passages, "_parser", unwanted)
    monkeypatch.setattr(engine, "_open", [])
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
    assert f"exotour --content {content_copy} learn safety --at zebrafish" in found.out
    names = [p.name for p in cache.iterdir() if p.name.startswith("search-")]
    assert names == [files.cache_path(content_copy).name]


def test_search_with_a_corrupt_cache_file_reads_the_content_silently(
    content_copy: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--content", str(content_copy), "search", "collagen"]
    first = run_cli(argv, capsys)
    files.cache_path(content_copy).write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    assert run_cli(argv, capsys) == first
    assert run_cli(argv, capsys) == first  # and the rebuilt file serves the next search


def test_files_the_loader_does_not_read_are_not_read(
    content_copy: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Today's fingerprint is the loader's: a huge file, or a FIFO that would hang a reader,
    # beside the tour is never opened by a search.
    with (content_copy / "notes.bin").open("wb") as huge:
        huge.truncate(3 * 1024**3)  # sparse: 3 GB that take no room
    os.mkfifo(content_copy / "pipe.txt")
    os.mkfifo(content_copy / "sections" / "pipe.txt")
    result = run_cli(["--content", str(content_copy), "search", "collagen"], capsys)
    assert (result.status, result.err) == (0, "")
    assert result.out.startswith("3 results for 'collagen'")


# -- while the content folder is unchanged, its index file answers without the tour ------------


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Content just copied counts as settled: the caches may go by its stat key at once."""
    monkeypatch.setattr("exotour.content.fingerprint.SETTLE_NS", 0)
    monkeypatch.setattr("exotour.content.cache.SETTLE_NS", 0)


def _no_tour(monkeypatch: pytest.MonkeyPatch) -> None:
    def unwanted(*args: object) -> object:
        raise AssertionError("the tour was loaded although its index file is current")

    monkeypatch.setattr("exotour.content.cache.load", unwanted)
    monkeypatch.setattr(engine, "_open", [])


def test_a_search_of_unchanged_content_loads_no_tour(
    content_copy: Path,
    cache: Path,
    settled: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    argv = ["--content", str(content_copy), "search"]
    first = run_cli([*argv, "collagen"], capsys)
    as_json = run_cli([*argv, "--json", "collagen"], capsys)
    assert first.status == 0 and as_json.status == 0
    _no_tour(monkeypatch)
    assert run_cli([*argv, "collagen"], capsys) == first
    assert run_cli([*argv, "--json", "collagen"], capsys) == as_json


def test_content_still_settling_is_never_searched_by_its_stat_key(content_copy: Path) -> None:
    # Just copied: a change within the file system's timestamp resolution could go unseen.
    assert engine.current_key(content_copy) is None


def test_a_touched_file_gives_another_key_and_the_file_is_rebuilt_for_it(
    content_copy: Path, cache: Path, settled: None, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--content", str(content_copy), "search", "collagen"]
    first = run_cli(argv, capsys)
    before = engine.current_key(content_copy)
    assert before is not None and engine.search_current(content_copy, before, "collagen")
    section = content_copy / "sections" / "safety.yaml"
    os.utime(section, ns=(section.stat().st_atime_ns, section.stat().st_mtime_ns - 10**9))
    after = engine.current_key(content_copy)
    assert after is not None and after != before
    assert engine.search_current(content_copy, after, "collagen") is None
    assert run_cli(argv, capsys) == first
    assert engine.search_current(content_copy, after, "collagen")


@pytest.mark.parametrize(
    "planted",
    [
        ("How does it work?", "", "", "\x1b[31m collagen", "list", 2, 0, "how-does-it-work"),
        ("Wrong title", "", "", "collagen here", "paragraph", 2, 0, "how-does-it-work"),
        ("Planted", "", "", "collagen everywhere", "paragraph", 99, 0, "planted"),
        ("Planted", "", "", "collagen is planted", "glossary", None, 0, "Nope"),
        ("How does it work?", "", "", "collagen", "glossary", 2, 0, "how-does-it-work"),
    ],
)
def test_a_planted_row_in_a_current_file_is_refused_without_the_tour(
    content_copy: Path,
    cache: Path,
    settled: None,
    capsys: pytest.CaptureFixture[str],
    planted: tuple[object, ...],
) -> None:
    argv = ["--content", str(content_copy), "search", "collagen", "--limit", "50"]
    first = run_cli(argv, capsys)
    key = engine.current_key(content_copy)
    assert key is not None
    clean = engine.search_current(content_copy, key, "collagen", 50)
    assert clean
    _plant(files.cache_path(content_copy), planted)
    assert engine.search_current(content_copy, key, "collagen", 50) is None
    assert run_cli(argv, capsys) == first  # the tour's search rebuilds the file
    assert engine.search_current(content_copy, key, "collagen", 50) == clean


@pytest.mark.parametrize(
    "roster",
    [
        "DELETE FROM roster WHERE position = 1",  # a place skipped
        "UPDATE roster SET position = 0 WHERE position = 1",  # a place twice
        "UPDATE roster SET title = x'00' WHERE position = 0",  # not text
        "DROP TABLE roster",
    ],
)
def test_a_damaged_roster_sends_the_search_to_the_tour(
    content_copy: Path,
    cache: Path,
    settled: None,
    capsys: pytest.CaptureFixture[str],
    roster: str,
) -> None:
    argv = ["--content", str(content_copy), "search", "collagen"]
    first = run_cli(argv, capsys)
    key = engine.current_key(content_copy)
    assert key is not None
    with sqlite3.connect(files.cache_path(content_copy)) as connection:
        connection.execute(roster)
    assert engine.search_current(content_copy, key, "collagen") is None
    assert run_cli(argv, capsys) == first


def test_an_index_file_a_killed_search_left_half_written_is_cleaned_up(
    cache: Path, tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    from exotour.state.atomic import STALE_SECONDS

    path = files.cache_path(content(tour))
    path.parent.mkdir(parents=True)
    left = path.with_name(f".{path.name}.k1ll3d.tmp")  # as atomic_path names it
    left.write_bytes(b"\0" * 4096)
    old = left.stat().st_mtime - STALE_SECONDS - 60
    os.utime(left, (old, old))
    path.unlink(missing_ok=True)
    files.write_cache(path, tour, files.index_key(tour))
    assert not left.exists() and path.exists()
