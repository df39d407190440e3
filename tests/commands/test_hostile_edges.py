"""The smaller edges of hostile input and environments: a folder name with escape codes, a link
as export's target, a watched folder that vanishes for a moment."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from helpers import run_cli, write_content


def test_new_echoes_a_folder_name_with_its_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "n\x1b[31mred\x07"
    result = run_cli(["new", str(folder)], capsys)
    assert result.status == 0 and folder.is_dir()
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "n\\x1b[31mred\\x07" in result.out


@pytest.mark.parametrize("points_to", ["file", "device"])
def test_export_never_replaces_a_link_with_a_file_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], points_to: str
) -> None:
    target = tmp_path / "target.md"
    if points_to == "file":
        target.write_text("mine\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target if points_to == "file" else Path("/dev/null"))
    result = run_cli(["export", "-o", str(link), "--force"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.startswith(f"exotour: error: {link} is a symbolic link\n")
    assert link.is_symlink()
    assert points_to == "device" or target.read_text(encoding="utf-8") == "mine\n"


def test_export_to_a_link_like_dev_stderr_leaves_the_link_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # /dev/stderr's own shape, in a folder of the test's: the real one is not the test's to risk
    stderr = tmp_path / "stderr"
    stderr.symlink_to("/proc/self/fd/2")
    result = run_cli(["export", "-o", str(stderr), "--force"], capsys)
    assert result.status == 2 and stderr.is_symlink()


def test_validate_watch_goes_on_when_the_folder_vanishes_for_a_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_content(tmp_path / "tour")
    away = tmp_path / "away"
    naps: list[float] = []

    def nap(seconds: float) -> None:
        """Instead of waiting: the folder goes (a checkout), comes back, then Ctrl-C."""
        naps.append(seconds)
        if len(naps) == 1:
            shutil.move(folder, away)
        elif len(naps) == 2:
            shutil.move(away, folder)
        elif len(naps) >= 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", nap)
    result = run_cli(["validate", str(folder), "--watch"], capsys)
    assert result.status == 130
    assert [line for line in result.out.splitlines() if line.endswith(": OK")] == [
        "1 section, 0 glossary terms, 0 questions: OK"
    ] * 2
    assert result.err.count(f"exotour: watching {folder}; Ctrl-C stops") == 3
    assert result.err.count("exotour: error: ") == 1
