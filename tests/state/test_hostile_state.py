"""The progress file as untrusted input: whatever is in its place gives a warning naming the file
and a fresh start (the bad file kept aside, never deleted), or, for a newer format, a tour that
runs without saving; never an exception, never a hang."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exotour.model import Tour
from exotour.state.progress import FORMAT, MAX_BYTES, STATE_FILE, ProgressStore, Saved


def damaged(path: Path, how: str = "is damaged") -> str:
    return f"the progress file {path} {how}; starting afresh"


def kept_aside(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{STATE_FILE}.damaged-*"))


def load_then_save(folder: Path) -> ProgressStore:
    store = ProgressStore(folder, "tour")
    assert store.load() == Saved()
    store.save(Saved().at("a", 0, 1))
    assert ProgressStore(folder, "tour").load().section == "a"  # usable again
    return store


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("[" * 100_000, "is damaged"),
        ("{" * 100_000, "is damaged"),
        ('{"format": 1, "tours": []}', "is damaged"),
        ('{"format": 2, "tours": "all"}', "is damaged"),
        ('{"format": true, "tours": {}}', "is from another version"),
        ('{"format": 1.0, "tours": {}}', "is from another version"),
        ('{"format": ' + "9" * 5000 + "}", "is from another version"),
    ],
    ids=[
        "deep-lists",
        "deep-objects",
        "tours-a-list",
        "tours-text",
        "format-bool",
        "format-float",
        "format-huge",
    ],
)
def test_a_damaged_file_is_kept_aside_when_the_next_save_replaces_it(
    tmp_path: Path, text: str, how: str
) -> None:
    (tmp_path / STATE_FILE).write_text(text, encoding="utf-8")
    store = load_then_save(tmp_path)
    assert store.warnings == [damaged(tmp_path / STATE_FILE, how)]
    [aside] = kept_aside(tmp_path)
    assert aside.read_text(encoding="utf-8") == text  # kept whole, never deleted


@pytest.mark.parametrize(
    "entry",
    [
        {"section": "a", "page": float("inf")},
        {"section": "a", "page": float("nan")},
        {"section": "a", "page": 10**40},
        {"section": "a", "page": -3},
        {"section": "a", "pages": True},
        {"section": "a", "anchor": [1]},
        {"section": "a", "anchor": [-1, 0]},
        {"section": "a", "anchor": "top"},
        {"section": "a", "seen": {"a": [6, 5]}},
        {"section": "a", "seen": []},
        {"section": "a", "quiz_best": [["all", 5, 3]]},
        {"section": "a", "quiz_best": [["all", 1]]},
        {"section": "a", "quiz_best": [[1, 1, 1]]},
        {"section": ["a"]},
        [],
        "safety",
    ],
)
def test_wrong_values_reset_this_tour_and_keep_the_others(tmp_path: Path, entry: object) -> None:
    other = {"section": "x", "page": 0, "pages": 1, "visited": ["x"], "quiz_best": []}
    text = json.dumps({"format": FORMAT, "tours": {"tour": entry, "other": other}})
    (tmp_path / STATE_FILE).write_text(text, encoding="utf-8")  # Infinity and NaN as JSON has them
    store = ProgressStore(tmp_path, "tour")
    assert store.load() == Saved()
    assert store.warnings == [
        f"the saved place in {tmp_path / STATE_FILE} is damaged; starting afresh"
    ]
    store.save(Saved().at("a", 0, 1))
    assert ProgressStore(tmp_path, "other").load().visited == {"x"}


def test_a_symlink_to_dev_zero_is_a_device_and_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).symlink_to("/dev/zero")
    store = load_then_save(tmp_path)
    assert store.warnings == [damaged(tmp_path / STATE_FILE, "is a device")]
    [aside] = kept_aside(tmp_path)
    assert aside.is_symlink() and aside.readlink() == Path("/dev/zero")  # the link, not /dev/zero


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / STATE_FILE)  # opening it to read would wait for a writer forever
    store = load_then_save(tmp_path)
    assert store.warnings == [damaged(tmp_path / STATE_FILE, "is a FIFO (named pipe)")]
    assert len(kept_aside(tmp_path)) == 1


def test_a_folder_in_its_place(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).mkdir()
    (tmp_path / STATE_FILE / "inside").write_text("kept", encoding="utf-8")
    store = load_then_save(tmp_path)
    assert store.warnings == [damaged(tmp_path / STATE_FILE, "is a folder")]
    [aside] = kept_aside(tmp_path)
    assert (aside / "inside").read_text(encoding="utf-8") == "kept"


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    with (tmp_path / STATE_FILE).open("wb") as handle:
        handle.truncate(3 * 1024**3)  # 3 GB, sparse: its size alone refuses it
    store = load_then_save(tmp_path)
    size = 3 * 1024**3
    how = f"is too large ({size:,} bytes; at most {MAX_BYTES:,})"
    assert store.warnings == [damaged(tmp_path / STATE_FILE, how)]
    assert kept_aside(tmp_path)[0].stat().st_size == size


def test_a_newer_format_is_never_overwritten(tmp_path: Path) -> None:
    text = json.dumps({"format": FORMAT + 1, "tours": {"other": {"whatever": 1}}})
    (tmp_path / STATE_FILE).write_text(text, encoding="utf-8")
    store = ProgressStore(tmp_path, "tour")
    assert store.load() == Saved()
    store.save(Saved().at("a", 0, 1))
    store.save(Saved().at("a", 0, 2))
    assert (tmp_path / STATE_FILE).read_text(encoding="utf-8") == text
    assert store.warnings == [
        f"the progress file {tmp_path / STATE_FILE} is from a newer exotour "
        f"(format {FORMAT + 1}); it is left as it is, and your place will not be saved"
    ]
    assert kept_aside(tmp_path) == []


def test_a_file_that_cannot_be_read_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / STATE_FILE
    path.write_text('{"format": 2, "tours": {}}', encoding="utf-8")

    def refused(*args: object) -> int:
        raise PermissionError(13, "Permission denied")  # as chmod 0 would, even for root

    monkeypatch.setattr(os, "open", refused)
    store = ProgressStore(tmp_path, "tour")
    assert store.load() == Saved()
    store.save(Saved().at("a", 0, 1))
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == '{"format": 2, "tours": {}}'
    assert store.warnings == [
        f"cannot read the progress file {path} (permission denied); your place will not be saved"
    ]


def test_a_file_of_format_1_still_loads_and_is_saved_as_the_new_format(tmp_path: Path) -> None:
    entry = {"section": "b", "page": 2, "pages": 5, "visited": ["a"], "quiz_best": [["all", 3, 4]]}
    old = {"format": 1, "tours": {"tour": entry, "other": entry}}
    (tmp_path / STATE_FILE).write_text(json.dumps(old), encoding="utf-8")
    store = ProgressStore(tmp_path, "tour")
    saved = store.load()
    assert saved == Saved("b", 2, 5, frozenset({"a"}), (("all", 3, 4),))
    assert saved.anchor is None  # the walkthrough maps the page to an anchor
    store.save(saved.at("b", 3, 5, anchor=(7, 0)))
    data = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    assert data["tours"]["other"] == entry  # the other tour is carried over untouched
    assert ProgressStore(tmp_path, "other").load() == saved
    assert store.warnings == []


# Any bytes at all: a Saved, perhaps with a warning; and the next save works.
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(
                    st.sampled_from(
                        [
                            "format",
                            "tours",
                            "tour",
                            "section",
                            "page",
                            "pages",
                            "anchor",
                            "seen",
                            "visited",
                            "quiz_best",
                            "x",
                        ]
                    ),
                    inner,
                    max_size=5,
                )
            ),
            max_leaves=20,
        ).map(lambda value: json.dumps(value).encode()),
    )
)
def test_any_bytes_give_a_saved_or_a_warning(tmp_path: Path, raw: bytes) -> None:
    for leftover in tmp_path.iterdir():
        leftover.unlink()
    (tmp_path / STATE_FILE).write_bytes(raw)
    store = ProgressStore(tmp_path, "tour")
    saved = store.load()
    assert isinstance(saved, Saved)
    assert len(store.warnings) <= 2
    store.save(saved.at("a", 0, 1))
    assert all(
        w.startswith(("the progress file", "the saved place", "cannot")) for w in store.warnings
    )


# -- through the command line: sections and the welcome screen run on -----------------------------


def test_sections_does_not_hang_on_a_fifo(
    tour: Tour, state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(state_dir / STATE_FILE)
    for argv in (["sections"], [], ["sections", "--json"]):
        result = run_cli(argv, capsys)
        assert result.status == 0
        assert result.err == (
            f"exotour: warning: {damaged(state_dir / STATE_FILE, 'is a FIFO (named pipe)')}\n"
        )


def test_a_state_folder_named_with_escape_codes_is_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "\x1b]0;owned\x07\x1b[31m"
    folder.mkdir()
    (folder / STATE_FILE).write_text("{", encoding="utf-8")
    store = ProgressStore(folder, "tour")
    store.load()
    [warning] = store.warnings
    assert "\x1b" not in warning and "\x07" not in warning
    assert warning.endswith("\\x1b]0;owned\\x07\\x1b[31m/progress.json is damaged; starting afresh")
