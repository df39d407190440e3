"""The progress file: atomic, per tour, and every fault a warning rather than a crash."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from exotour.state.progress import (
    FORMAT,
    LOCK_FILE,
    STATE_FILE,
    ProgressStore,
    Saved,
    default_state_dir,
)


def test_save_then_load_round_trips(tmp_path: Path) -> None:
    saved = Saved("safety", 2, 5, frozenset({"safety", "benefits"}), (("all", 3, 4),))
    ProgressStore(tmp_path, "tour").save(saved)
    store = ProgressStore(tmp_path, "tour")
    assert store.load() == saved
    assert store.warnings == []


def test_nothing_saved_yet_is_a_fresh_start(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "not-yet", "tour")
    assert store.load() == Saved()
    assert store.warnings == []


def test_the_file_is_json_a_person_can_read(tmp_path: Path) -> None:
    ProgressStore(tmp_path, "tour").save(Saved().at("safety", 1, 3, anchor=(4, 120)))
    data = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))
    assert data == {
        "format": FORMAT,
        "tours": {
            "tour": {
                "section": "safety",
                "anchor": [4, 120],
                "page": 1,
                "pages": 3,
                "seen": {"safety": [2, 3]},
                "visited": [],  # page 2 of 3 shown: begun, not read
                "quiz_best": [],
            }
        },
    }


def test_tours_are_kept_apart_by_key(tmp_path: Path) -> None:
    ProgressStore(tmp_path, "one").save(Saved().at("a", 1, 2))
    ProgressStore(tmp_path, "two").save(Saved().at("b", 0, 1))
    assert ProgressStore(tmp_path, "one").load().section == "a"
    assert ProgressStore(tmp_path, "two").load().section == "b"
    assert ProgressStore(tmp_path, "three").load() == Saved()


@pytest.mark.parametrize("text", ["{not json", "", "\x00\x01"])
def test_a_corrupt_file_is_a_warning_and_a_fresh_start(tmp_path: Path, text: str) -> None:
    (tmp_path / STATE_FILE).write_text(text, encoding="utf-8")
    store = ProgressStore(tmp_path, "tour")
    assert store.load() == Saved()
    path = tmp_path / STATE_FILE
    assert store.warnings == [f"the progress file {path} is damaged; starting afresh"]
    # The next save replaces it with a good file.
    store.save(Saved().at("x", 0, 1))
    assert ProgressStore(tmp_path, "tour").load().section == "x"


def test_bytes_that_are_not_text(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).write_bytes(b"\xff\xfe{")
    store = ProgressStore(tmp_path, "tour")
    assert store.load() == Saved()
    assert store.warnings == [
        f"the progress file {tmp_path / STATE_FILE} is damaged; starting afresh"
    ]


@pytest.mark.parametrize("data", [[1, 2], {"format": 0, "tours": {}}, {"tours": {}}])
def test_another_format_is_a_warning(tmp_path: Path, data: object) -> None:
    (tmp_path / STATE_FILE).write_text(json.dumps(data), encoding="utf-8")
    store = ProgressStore(tmp_path, "tour")
    assert store.load() == Saved()
    path = tmp_path / STATE_FILE
    assert store.warnings == [f"the progress file {path} is from another version; starting afresh"]


@pytest.mark.parametrize(
    "entry",
    [{"section": 3}, {"page": -1}, {"pages": 0}, {"visited": "abc"}, {"page": "many"}],
)
def test_a_damaged_entry_is_a_warning(tmp_path: Path, entry: dict[str, object]) -> None:
    data = {"format": FORMAT, "tours": {"tour": entry}}
    (tmp_path / STATE_FILE).write_text(json.dumps(data), encoding="utf-8")
    store = ProgressStore(tmp_path, "tour")
    assert store.load() == Saved()
    assert store.warnings == [
        f"the saved place in {tmp_path / STATE_FILE} is damaged; starting afresh"
    ]


def test_a_folder_that_cannot_be_written_is_a_warning_once(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = ProgressStore(blocker / "state", "tour")  # works for root too, unlike chmod
    store.save(Saved().at("a", 0, 1))
    store.save(Saved().at("a", 1, 2))
    assert store.warnings == [
        f"cannot save progress in {blocker / 'state'} (not a directory); "
        "the tour runs, but your place will not be kept"
    ]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProgressStore(tmp_path, "tour")
    store.save(Saved().at("a", 0, 1))

    def broken_replace(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", broken_replace)
    store.save(Saved().at("b", 0, 1))
    monkeypatch.undo()
    assert ProgressStore(tmp_path, "tour").load().section == "a"
    assert sorted(p.name for p in tmp_path.iterdir()) == [STATE_FILE, LOCK_FILE]
    assert store.warnings == [
        f"cannot save progress in {tmp_path} (no space left on device); "
        "the tour runs, but your place will not be kept"
    ]


def test_writers_at_once_never_leave_a_broken_file(tmp_path: Path) -> None:
    """Two sessions saving the same file at once: the last writer wins, readers always parse."""
    errors: list[str] = []
    stop = threading.Event()

    def write(key: str) -> None:
        store = ProgressStore(tmp_path, key)
        for page in range(150):
            store.save(Saved().at("s", page, 200))
        errors.extend(store.warnings)

    def read() -> None:
        while not stop.is_set():
            store = ProgressStore(tmp_path, "one")
            store.load()
            errors.extend(store.warnings)

    writers = [threading.Thread(target=write, args=(key,)) for key in ("one", "two")]
    reader = threading.Thread(target=read)
    reader.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    stop.set()
    reader.join()
    assert errors == []
    data = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        STATE_FILE,
        LOCK_FILE,
    ]  # no temporary files left


def test_state_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXOTOUR_STATE_DIR", str(tmp_path))
    assert default_state_dir() == tmp_path
    monkeypatch.delenv("EXOTOUR_STATE_DIR")
    assert default_state_dir().name == "exotour"


def test_quiz_scores_keep_the_best(tmp_path: Path) -> None:
    saved = Saved().with_quiz("all", 2, 4).with_quiz("all", 1, 4).with_quiz("one", 1, 1)
    assert saved.quiz_best == (("all", 2, 4), ("one", 1, 1))
