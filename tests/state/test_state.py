"""The progress file under faults: across processes, and through the command line.

tests/test_progress.py covers ProgressStore in one process; here several processes write at
once, writers are killed mid-write, and the commands meet damaged, old, foreign and unwritable
state, always running on with a warning.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers import PYTHON, REPO, child_env, run_cli
from terminals import Terminals

from exotour.content.location import content_place, older_place_key, place_key
from exotour.state.progress import FORMAT, LOCK_FILE, STATE_FILE, ProgressStore, Saved

EXAMPLE = REPO / "examples" / "first-tour"
# A tour from a folder of its own is kept by id and the folder's key, so copies that kept the id
# never mix; the key before it (id@path) is still read.
EXAMPLE_KEY = f"first-tour@{content_place(EXAMPLE).key}"
OLDER_EXAMPLE_KEY = f"first-tour@{EXAMPLE.resolve()}"
QUIZ_ANSWERS = "2\n2\n2\n"  # the example's three questions, all right

_WRITER = """
import sys
from pathlib import Path
from exotour.state.progress import ProgressStore, Saved
state, key, name, count = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
store = ProgressStore(state, key)
for page in range(count):
    store.save(Saved().at(name, page, count))
print("\\n".join(store.warnings))
"""


def writer(state: Path, key: str, name: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PYTHON, "-c", _WRITER, str(state), key, name, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def read_state(state: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((state / STATE_FILE).read_text(encoding="utf-8"))
    return data


def watch_until_done(state: Path, processes: list[subprocess.Popen[str]]) -> int:
    """Parse the progress file again and again while PROCESSES write it; how many reads."""
    reads = 0
    while any(p.poll() is None for p in processes):
        try:
            data = read_state(state)
        except FileNotFoundError:
            continue
        assert data["format"] == FORMAT  # never half a file: json.loads would have raised
        reads += 1
    return reads


def test_two_processes_saving_at_once_never_leave_a_broken_file(tmp_path: Path) -> None:
    count = 300
    processes = [writer(tmp_path, "tour", name, count) for name in ("first", "second")]
    reads = watch_until_done(tmp_path, processes)
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert (process.returncode, out.strip(), err) == (0, "", "")
    entry = read_state(tmp_path)["tours"]["tour"]
    # The place is the last writer's final save, whole; what each read is kept (a merge).
    assert entry["section"] in ("first", "second")
    assert (entry["page"], entry["pages"], entry["visited"]) == (
        count - 1,
        count,
        ["first", "second"],
    )
    assert reads > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [STATE_FILE, LOCK_FILE]  # no temporary


def test_two_tours_saving_at_once_keep_a_valid_file(tmp_path: Path) -> None:
    processes = [writer(tmp_path, key, key, 200) for key in ("tour-a", "tour-b")]
    watch_until_done(tmp_path, processes)
    for process in processes:
        assert process.wait(timeout=60) == 0
    tours = read_state(tmp_path)["tours"]
    # Each save is a merge under the lock: both tours' last saves are there, whole.
    assert set(tours) == {"tour-a", "tour-b"}
    for key, entry in tours.items():
        assert (entry["section"], entry["page"]) == (key, 199)


def test_a_writer_killed_mid_write_never_leaves_a_broken_file(tmp_path: Path) -> None:
    ProgressStore(tmp_path, "tour").save(Saved().at("before", 0, 1))
    for delay in (0.05, 0.1, 0.15, 0.2, 0.3):
        process = writer(tmp_path, "tour", "during", 100_000)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        entry = read_state(tmp_path)["tours"]["tour"]
        assert entry["section"] in ("before", "during")
    loaded = ProgressStore(tmp_path, "tour")
    assert loaded.load().section in ("before", "during")
    assert loaded.warnings == []


def test_ctrl_c_during_a_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProgressStore(tmp_path, "tour")
    store.save(Saved().at("before", 0, 1))

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.save(Saved().at("during", 0, 1))
    monkeypatch.undo()
    assert ProgressStore(tmp_path, "tour").load().section == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == [STATE_FILE, LOCK_FILE]


# -- through the command line ----------------------------------------------------------------------


@pytest.fixture
def state(state_dir: Path) -> Path:
    """The test's own EXOTOUR_STATE_DIR (from conftest), and its progress file."""
    return state_dir / STATE_FILE


def answer_the_example_quiz(state: Path) -> subprocess.CompletedProcess[str]:
    """`exotour --content EXAMPLE quiz` answered from a pipe, keeping progress beside STATE."""
    return subprocess.run(
        [PYTHON, "-m", "exotour", "--content", str(EXAMPLE), "quiz"],
        input=QUIZ_ANSWERS,
        capture_output=True,
        text=True,
        env=child_env(EXOTOUR_STATE_DIR=str(state.parent)),
        timeout=60,
        check=False,
    )


def warning(kind: str, path: Path) -> str:
    return f"exotour: warning: the progress file {path} {kind}; starting afresh\n"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"format": 1, "tours": {', "is damaged"),
        ("\x00\x00\x00", "is damaged"),
        ('{"format": 0, "position": 3}', "is from another version"),
        ("[1, 2, 3]", "is from another version"),
    ],
    ids=["cut-short", "zeros", "older-format", "not-an-object"],
)
def test_damaged_or_old_state_is_a_warning_and_a_fresh_start(
    text: str, kind: str, state: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state.write_text(text, encoding="utf-8")
    result = run_cli(["--content", str(EXAMPLE), "sections"], capsys)
    assert (result.status, result.err) == (0, warning(kind, state))
    assert "0 of 4 read" in result.out
    # The next save replaces it with a good file.
    quiz = answer_the_example_quiz(state)
    assert (quiz.returncode, quiz.stderr) == (0, warning(kind, state).rstrip("\n") + "\n")
    assert read_state(state.parent)["tours"][EXAMPLE_KEY]["quiz_best"] == [["all", 3, 3]]


def test_a_damaged_entry_of_this_tour_leaves_the_others_alone(
    state: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state.write_text(
        json.dumps(
            {
                "format": FORMAT,
                "tours": {
                    EXAMPLE_KEY: {"section": 7, "visited": "all"},
                    "exosome-therapy": {"section": "safety", "visited": ["safety"]},
                },
            }
        ),
        encoding="utf-8",
    )
    result = run_cli(["--content", str(EXAMPLE), "sections"], capsys)
    assert result.status == 0
    assert result.err == (
        f"exotour: warning: the saved place in {state} is damaged; starting afresh\n"
    )
    builtin = run_cli(["sections"], capsys)
    assert (builtin.status, builtin.err) == (0, "")
    assert "1 of " in builtin.out  # the built-in tour still has its section read


def test_a_file_from_another_tour_is_kept_and_not_mixed_in(
    state: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = {"section": "safety", "page": 0, "pages": 1, "visited": ["safety"], "quiz_best": []}
    state.write_text(
        json.dumps({"format": FORMAT, "tours": {"exosome-therapy": other}}), encoding="utf-8"
    )
    mine = run_cli(["--content", str(EXAMPLE), "sections"], capsys)
    assert (mine.status, mine.err) == (0, "")
    assert "0 of 4 read" in mine.out
    assert answer_the_example_quiz(state).returncode == 0
    tours = read_state(state.parent)["tours"]
    assert tours["exosome-therapy"] == other  # the other tour's place survives this tour's save
    assert tours[EXAMPLE_KEY]["quiz_best"] == [["all", 3, 3]]


def test_an_unwritable_state_folder_is_a_warning_and_the_command_runs(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    state_dir = blocker / "state"  # cannot be made, even by root (unlike a chmod)
    quiz = subprocess.run(
        [PYTHON, "-m", "exotour", "--content", str(EXAMPLE), "quiz"],
        input=QUIZ_ANSWERS,
        capture_output=True,
        text=True,
        env=child_env(EXOTOUR_STATE_DIR=str(state_dir)),
        timeout=60,
        check=False,
    )
    assert quiz.returncode == 0
    assert "Score: 3/3" in quiz.stdout
    assert quiz.stderr.endswith(
        f"exotour: warning: cannot save progress in {state_dir} (not a directory); "
        "the tour runs, but your place will not be kept\n"
    )
    assert "Traceback" not in quiz.stderr


# -- each tour keeps its own place, in a real terminal -------------------------------------------

pexpect = pytest.importorskip("pexpect")


@pytest.fixture
def terminal(term: Terminals) -> Callable[..., Any]:
    """Starts `exotour ARGS` in an 80x24 pseudo-terminal."""
    return term.exotour


def quit_and_wait(child: Any) -> None:
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_each_tour_keeps_its_own_place(terminal: Any, state_dir: Path) -> None:
    builtin = terminal("learn", "3")
    builtin.expect_exact("Section 3 of ")
    quit_and_wait(builtin)
    example = terminal("--content", str(EXAMPLE), "learn")
    example.expect_exact("Section 1 of 4 · page 1 of")
    example.send("n")
    example.expect_exact("Section 2 of 4")
    quit_and_wait(example)

    tours = read_state(state_dir)["tours"]
    assert set(tours) == {"exosome-therapy", EXAMPLE_KEY}
    assert tours["exosome-therapy"]["section"] == "how-does-it-work"
    assert tours[EXAMPLE_KEY]["section"] == "write-a-section"

    again = terminal("--content", str(EXAMPLE), "learn")
    again.expect_exact("Section 2 of 4 · page 1 of")
    again.expect_exact("Resumed at section 2")
    quit_and_wait(again)
    resumed = terminal("learn")
    resumed.expect_exact("Section 3 of ")
    resumed.expect_exact("Resumed at section 3")
    quit_and_wait(resumed)
    assert read_state(state_dir)["tours"][EXAMPLE_KEY]["section"] == "write-a-section"


def test_progress_saved_under_the_older_key_is_still_read(
    state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = {"section": "write-a-section", "visited": ["start-here"]}
    state = state_dir / STATE_FILE
    state.write_text(json.dumps({"format": FORMAT, "tours": {OLDER_EXAMPLE_KEY: older}}))
    result = run_cli(["--content", str(EXAMPLE), "sections"], capsys)
    assert (result.status, result.err) == (0, "")
    assert "1 of 4 read" in result.out
    store = ProgressStore(state_dir, EXAMPLE_KEY)
    assert store.load() == Saved()  # the new key alone: nothing
    moved = ProgressStore(state_dir, EXAMPLE_KEY, (OLDER_EXAMPLE_KEY,))
    was = moved.load()
    assert was != Saved()
    moved.save(replace(was, quiz_best=(("all", 3, 3),)))  # a quiz that only scored
    tours = read_state(state_dir)["tours"]
    assert set(tours) == {EXAMPLE_KEY}  # moved to the new key, the place kept
    assert tours[EXAMPLE_KEY]["section"] == "write-a-section"


def test_progress_saved_under_the_sha256_key_is_still_read(
    state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = {"section": "write-a-section", "visited": ["start-here"]}
    key = f"first-tour@{older_place_key(EXAMPLE.resolve())}"
    state = state_dir / STATE_FILE
    state.write_text(json.dumps({"format": FORMAT, "tours": {key: older}}))
    result = run_cli(["--content", str(EXAMPLE), "sections"], capsys)
    assert (result.status, result.err) == (0, "")
    assert "1 of 4 read" in result.out


def test_a_folder_keeps_its_key_from_version_to_version() -> None:
    # Progress is kept under the key: a new key in a new version would lose every place.
    assert place_key(Path("/home/reader/tours/skin")) == "e849a6cb665208cb"
    assert older_place_key(Path("/home/reader/tours/skin")) == "ae3de70d11573a9de6ee"
