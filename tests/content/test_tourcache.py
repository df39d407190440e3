"""The tour cache: the same tour as the loader gives, and never a stale or an invalid one."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import PYTHON, child_env, write_content

from exotour.content import cache as tourcache
from exotour.content import loader
from exotour.errors import ContentError, UsageError
from exotour.model import Tour


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files just written count as settled (the real rule waits two seconds)."""
    monkeypatch.setattr(tourcache, "SETTLE_NS", -(10**18))


def _cache_files() -> list[Path]:
    from exotour.state.paths import cache_dir

    folder = cache_dir()
    return sorted(folder.glob("tour-*.json")) if folder.is_dir() else []


def _same(a: Tour, b: Tour) -> None:
    assert a == b
    assert a.fingerprint == b.fingerprint
    assert a.content_dir == b.content_dir
    assert [s.reading_minutes for s in a.sections] == [s.reading_minutes for s in b.sections]


@pytest.mark.usefixtures("settled")
def test_a_cached_tour_is_the_tour_the_loader_gives(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tourcache.load(content_copy)
    assert len(_cache_files()) == 1
    _same(first, loader.load_tour(content_copy))

    def no_yaml(root: Path) -> Tour:
        raise AssertionError("read from YAML")

    monkeypatch.setattr(loader, "load_tour", no_yaml)
    again = tourcache.load(content_copy)
    _same(again, first)
    assert isinstance(again.sections[0].keywords, tuple)
    assert isinstance(again.sections[0].evidence[0].sources, tuple)


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize(
    "change",
    ["edit a section", "add a section file", "remove the glossary", "rename a section file"],
)
def test_any_change_to_the_content_reads_the_files_again(content_copy: Path, change: str) -> None:
    tourcache.load(content_copy)
    sections = content_copy / "sections"
    if change == "edit a section":
        path = sections / "safety.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1),
            encoding="utf-8",
        )
    elif change == "add a section file":
        (sections / "extra.yaml").write_text("id: extra\ntitle: Extra\nbody: Hi.\n")
    elif change == "remove the glossary":
        (content_copy / "glossary.yaml").unlink()
    else:
        (sections / "safety.yaml").rename(sections / "safety.yml")
    try:
        fresh: Tour | None = loader.load_tour(content_copy)
    except ContentError:
        fresh = None
    if fresh is None:
        with pytest.raises(ContentError):
            tourcache.load(content_copy)
    else:
        _same(tourcache.load(content_copy), fresh)


def test_content_changed_in_the_last_seconds_is_not_cached(content_copy: Path) -> None:
    (content_copy / "tour.yaml").touch()  # as an editor saving the file just now
    tour = tourcache.load(content_copy)
    assert _cache_files() == []
    _same(tour, loader.load_tour(content_copy))


@pytest.mark.usefixtures("settled")
def test_content_with_errors_is_never_cached(content_copy: Path) -> None:
    (content_copy / "sections" / "safety.yaml").write_text("id: safety\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError):
            tourcache.load(content_copy)
    assert _cache_files() == []


def test_a_missing_folder_is_the_loaders_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        tourcache.load(tmp_path / "nowhere")


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize(
    "damage",
    [
        "",
        "not json",
        "[1]\n{}",
        "{key}\n[]",
        "{key}\n{}",
        '{key}\n{"id": 1}',
        '{key}\n{"sections": [{"nonsense": true}]}',
        "{key}\n" + "[" * 100_000,
        '{key}\n{"format": 1, "tours": []}',
        "{key}\n[Infinity]",
    ],
)
def test_a_damaged_cache_file_is_read_past(content_copy: Path, damage: str) -> None:
    expected = tourcache.load(content_copy)
    (cache,) = _cache_files()
    key = cache.read_text(encoding="utf-8").split("\n", 1)[0]
    cache.write_text(damage.replace("{key}", key), encoding="utf-8")
    _same(tourcache.load(content_copy), expected)
    assert json.loads(cache.read_text(encoding="utf-8").split("\n", 1)[0]) == json.loads(key)


@pytest.mark.usefixtures("settled")
def test_an_unwritable_cache_folder_means_no_cache(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("EXOTOUR_CACHE_DIR", str(blocker / "cache"))
    for _ in range(2):
        _same(tourcache.load(content_copy), loader.load_tour(content_copy))


def test_a_cache_hit_does_not_import_yaml(tmp_path: Path) -> None:
    code = (
        "import sys, exotour.content.cache as t\n"
        "from exotour.content.location import builtin_content_dir\n"
        "t.SETTLE_NS = -10**18\n"
        "t.load(builtin_content_dir())\n"
        "print('yaml' in sys.modules)\n"
    )
    runs = [
        subprocess.run(
            [PYTHON, "-c", code], env=child_env(), cwd=tmp_path, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert [run.stdout for run in runs] == ["True\n", "False\n"], runs[1].stderr


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize("char", ["\x1b", "\x9b", "\u202e", "\u2028"])
def test_a_cache_file_with_what_content_cannot_hold_is_not_used(
    content_copy: Path, char: str
) -> None:
    expected = tourcache.load(content_copy)
    (cache,) = _cache_files()
    key, data = cache.read_text(encoding="utf-8").split("\n", 1)
    tampered = json.loads(data)
    tampered["title"] = f"{char}[31mRed"
    cache.write_text(key + "\n" + json.dumps(tampered, ensure_ascii=False), encoding="utf-8")
    _same(tourcache.load(content_copy), expected)


@pytest.mark.usefixtures("settled")
def test_a_cached_value_of_the_wrong_kind_is_read_past(content_copy: Path) -> None:
    expected = tourcache.load(content_copy)
    (cache,) = _cache_files()
    key, data = cache.read_text(encoding="utf-8").split("\n", 1)
    for field, value in (("title", ["a", "list"]), ("sections", "text"), ("glossary", [1])):
        tampered = json.loads(data)
        tampered[field] = value
        cache.write_text(key + "\n" + json.dumps(tampered), encoding="utf-8")
        _same(tourcache.load(content_copy), expected)
    tampered = json.loads(data)
    tampered["sections"][0]["keywords"] = [1, 2]
    cache.write_text(key + "\n" + json.dumps(tampered), encoding="utf-8")
    _same(tourcache.load(content_copy), expected)


@pytest.mark.usefixtures("settled")
def test_the_cache_file_is_bounded_by_the_content(content_copy: Path) -> None:
    tourcache.load(content_copy)
    (cache,) = _cache_files()
    body = cache.read_text(encoding="utf-8").split("\n", 1)[1]
    files = [content_copy / "tour.yaml", content_copy / "glossary.yaml"]
    size = sum(p.stat().st_size for p in [*files, *(content_copy / "sections").glob("*.yaml")])
    assert len(body) <= tourcache.CACHE_FACTOR * size + tourcache.CACHE_SLACK


@pytest.mark.usefixtures("settled")
def test_a_tour_that_aliases_make_larger_than_its_files_is_not_cached(tmp_path: Path) -> None:
    root = write_content(tmp_path / "content")
    line = "x" * 1_500
    keywords = ", ".join(["*k"] * 120)  # within a field's limit, far beyond the file
    (root / "sections" / "one.yaml").write_text(
        f"id: one\ntitle: One\ntakeaway: T.\nbody: B.\nkeywords: [&k {line}, {keywords}]\n"
    )
    tour = tourcache.load(root)
    assert len(tour.sections[0].keywords) == 121
    assert _cache_files() == []  # 180 KB of keywords from a 2 KB file: loaded, never cached
    _same(tourcache.load(root), tour)


@pytest.mark.usefixtures("settled")
def test_other_files_in_the_folder_do_not_change_the_key(content_copy: Path) -> None:
    tourcache.load(content_copy)
    (content_copy / "notes.txt").write_text("a draft")
    (content_copy / "sections" / "draft.txt").write_text("another")
    before = _cache_files()[0].stat().st_mtime_ns
    tourcache.load(content_copy)
    assert _cache_files()[0].stat().st_mtime_ns == before  # served, not written again


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize("kind", ["fifo", "device", "huge"])
def test_a_cache_file_that_is_no_cache_is_never_read(content_copy: Path, kind: str) -> None:
    import os

    expected = tourcache.load(content_copy)
    (cache,) = _cache_files()
    cache.unlink()
    if kind == "fifo":
        os.mkfifo(cache)  # nobody writes to it: a read would wait for ever
    elif kind == "device":
        cache.symlink_to("/dev/zero")
    else:
        with cache.open("wb") as handle:  # sparse: 4 GB on paper
            handle.truncate(4_000_000_000)
    _same(tourcache.load(content_copy), expected)


def _set_author(data: dict[str, Any], value: object) -> None:
    data["sections"][0]["evidence"][0]["sources"][0]["author"] = value


def _no_names(data: dict[str, Any]) -> None:
    for name in ("author", "title", "reference"):
        data["sections"][0]["evidence"][0]["sources"][0][name] = None


def _answer(data: dict[str, Any], value: object) -> None:
    data["sections"][0]["quiz"][0]["answer"] = value


def _twice(data: dict[str, Any]) -> None:
    data["sections"][1]["id"] = data["sections"][0]["id"]


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda data: _set_author(data, 7), id="a number for a name"),
        pytest.param(_no_names, id="a source the model refuses"),
        pytest.param(lambda data: _answer(data, True), id="true for a number"),
        pytest.param(lambda data: _answer(data, 99), id="an answer past the choices"),
        pytest.param(_twice, id="a section id twice"),
        pytest.param(lambda data: data.update(extra=1), id="a field too many"),
        pytest.param(lambda data: data.pop("subtitle"), id="a field missing"),
        pytest.param(lambda data: data.update(subtitle=None), id="nothing for text"),
        pytest.param(
            lambda data: data["sections"][0].update(keywords=["a", None]), id="a list of mixed"
        ),
    ],
)
def test_a_cached_record_the_model_would_refuse_is_read_past(
    content_copy: Path, tamper: Callable[[dict[str, Any]], object]
) -> None:
    """Records are made without their dataclass's __init__: its checks still run, and every
    value's type is checked as strictly (a bool is not a number, None is not text)."""
    expected = tourcache.load(content_copy)
    (cache,) = _cache_files()
    key, data = cache.read_text(encoding="utf-8").split("\n", 1)
    tampered = json.loads(data)
    tamper(tampered)
    cache.write_text(key + "\n" + json.dumps(tampered), encoding="utf-8")
    _same(tourcache.load(content_copy), expected)
    assert cache.read_text(encoding="utf-8").split("\n", 1)[1] == data  # written again


@pytest.mark.parametrize(
    "name",
    [
        "a.yaml",
        "b.YML",
        "c.Yaml",
        "d.yaml.txt",
        "e.yaml.",
        "f.",
        "g",
        "h..yml",
        "i.yaml~",
        "j yaml",
    ],
)
def test_the_stat_key_lists_the_files_the_loader_reads(tmp_path: Path, name: str) -> None:
    """stat_key picks section files by their names without a Path; the loader with Paths."""
    from exotour.content.fingerprint import section_entries, stat_key

    (tmp_path / "sections").mkdir()
    for each in (name, "z.yaml", ".hidden.yaml"):
        (tmp_path / "sections" / each).write_text("")
    entries, _ = stat_key(tmp_path)
    listed = [entry.path.name for entry in section_entries(tmp_path)]
    expected = sorted(n for n in (name, "z.yaml") if Path(n).suffix.lower() in (".yaml", ".yml"))
    assert [entry[0] for entry in entries[3:]] == listed == expected
