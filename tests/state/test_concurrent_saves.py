"""Saving is a merge under a lock: processes that save at once keep each other's record.

Each save reads the file, merges its own state in field by field (ticks and read pages a union,
each quiz's best score kept, the place the newest move) and writes atomically, all while holding
the lock file beside the progress file; keys of an entry it does not know are kept."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path
from typing import Any

import pytest

from exotour.state.lock import held
from exotour.state.progress import LOCK_FILE, STATE_FILE, ProgressStore, Saved

KEY = "tour"


def _entry(state: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((state / STATE_FILE).read_text(encoding="utf-8"))
    entry: dict[str, Any] = data["tours"][KEY]
    return entry


def _quiz_in_a_process(state: str, scope: str, go: Any) -> None:
    """A child: load, wait until every child has loaded, then save a score, as `quiz` does."""
    store = ProgressStore(Path(state), KEY)
    saved = store.load().with_quiz(scope, 1, 2)
    go.wait(30)
    store.save(saved)
    os._exit(0 if store.warnings == [] else 1)


def test_twenty_quizzes_saving_at_once_all_keep_their_score(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    go = context.Event()
    scopes = [f"section-{number}" for number in range(20)]
    children = [
        context.Process(target=_quiz_in_a_process, args=(str(tmp_path), scope, go))
        for scope in scopes
    ]
    for child in children:
        child.start()
    go.set()
    for child in children:
        child.join(60)
        assert child.exitcode == 0
    assert [scope for scope, _, _ in _entry(tmp_path)["quiz_best"]] == sorted(scopes)


def test_a_page_turn_in_learn_keeps_a_score_saved_meanwhile(tmp_path: Path) -> None:
    learn, quiz = ProgressStore(tmp_path, KEY), ProgressStore(tmp_path, KEY)
    reading = learn.load().at("intro", 0, 2)
    quiz.save(quiz.load().with_quiz("all", 3, 4))
    learn.save(reading.at("intro", 1, 2))
    entry = _entry(tmp_path)
    assert (entry["quiz_best"], entry["section"], entry["page"]) == ([["all", 3, 4]], "intro", 1)


def test_a_quiz_does_not_put_back_a_place_that_learn_has_left(tmp_path: Path) -> None:
    ProgressStore(tmp_path, KEY).save(Saved().at("intro", 0, 1))
    learn, quiz = ProgressStore(tmp_path, KEY), ProgressStore(tmp_path, KEY)
    reading, scoring = learn.load(), quiz.load()
    learn.save(reading.at("safety", 2, 5))
    quiz.save(scoring.with_quiz("all", 1, 4))
    loaded = ProgressStore(tmp_path, KEY).load()
    assert (loaded.section, loaded.page, loaded.best("all")) == ("safety", 2, (1, 4))


def test_two_learns_keep_what_each_read_and_the_best_score(tmp_path: Path) -> None:
    first, second = ProgressStore(tmp_path, KEY), ProgressStore(tmp_path, KEY)
    one, two = first.load(), second.load()
    first.save(one.at("intro", 0, 1).at("benefits", 1, 4).with_quiz("all", 4, 4))
    second.save(two.at("safety", 0, 1).at("benefits", 3, 4).with_quiz("all", 1, 4))
    loaded = ProgressStore(tmp_path, KEY).load()
    assert loaded.visited == {"intro", "safety", "benefits"}
    assert (loaded.section, loaded.best("all")) == ("benefits", (4, 4))  # the newest move


def test_a_seen_page_is_kept_as_the_furthest_either_read(tmp_path: Path) -> None:
    first, second = ProgressStore(tmp_path, KEY), ProgressStore(tmp_path, KEY)
    one, two = first.load(), second.load()
    first.save(one.at("safety", 2, 5))
    second.save(two.at("safety", 0, 5))
    assert ProgressStore(tmp_path, KEY).load().progress("safety") == (3, 5)


def test_keys_of_an_entry_this_version_does_not_know_are_kept(tmp_path: Path) -> None:
    decision = {"choice": "wait", "weights": {"cost": 3}}
    tours = {KEY: {"section": "intro", "decide": decision, "seen": "damaged"}, "other": [1]}
    (tmp_path / STATE_FILE).write_text(json.dumps({"format": 2, "tours": tours}))
    ProgressStore(tmp_path, KEY).save(Saved().at("safety", 0, 1))
    data = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))
    assert data["tours"]["other"] == [1]
    assert data["tours"][KEY]["decide"] == decision
    assert data["tours"][KEY]["section"] == "safety"


def test_a_newer_file_is_still_left_alone(tmp_path: Path) -> None:
    newer = json.dumps({"format": 99, "tours": {KEY: {"section": "x"}}})
    (tmp_path / STATE_FILE).write_text(newer)
    store = ProgressStore(tmp_path, KEY)
    store.save(store.load().with_quiz("all", 1, 1))
    assert (tmp_path / STATE_FILE).read_text() == newer
    assert len(store.warnings) == 1


@pytest.mark.parametrize("kind", ["link", "fifo", "folder"])
def test_whatever_stands_at_the_lock_name_neither_hangs_nor_is_followed(
    tmp_path: Path, kind: str
) -> None:
    lock = tmp_path / LOCK_FILE
    elsewhere = tmp_path / "elsewhere"
    if kind == "link":
        lock.symlink_to(elsewhere)
    elif kind == "fifo":
        os.mkfifo(lock)
    else:
        lock.mkdir()
    store = ProgressStore(tmp_path, KEY)
    store.save(Saved().at("intro", 0, 1))
    assert (store.warnings, _entry(tmp_path)["section"]) == ([], "intro")
    assert not elsewhere.exists()


def test_a_lock_held_elsewhere_is_waited_for_only_so_long(tmp_path: Path) -> None:
    with held(tmp_path / LOCK_FILE) as holding:
        assert holding
        with held(tmp_path / LOCK_FILE, patience=0.05) as second:
            assert not second
