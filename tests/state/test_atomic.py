"""The one atomic writer: whole files or none, no temporary file left, and never through a
target that is not a regular file."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from exotour.state.atomic import (
    STALE_SECONDS,
    NotARegularFileError,
    atomic_path,
    kind_of,
    remove_stale,
    write_atomically,
)


def test_writes_the_whole_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomically(target, "one\n")
    write_atomically(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: p.mkdir(), "a folder"),
        (lambda p: os.mkfifo(p), "a FIFO (named pipe)"),
        (lambda p: p.symlink_to("/dev/null"), "a device"),
    ],
    ids=["folder", "fifo", "device"],
)
def test_a_target_that_is_not_a_regular_file_is_refused(
    tmp_path: Path, make: object, kind: str
) -> None:
    target = tmp_path / "target"
    make(target)  # type: ignore[operator]
    assert kind_of(target) == kind
    with pytest.raises(NotARegularFileError, match=re.escape(f"is {kind}")):
        write_atomically(target, "x")
    assert kind_of(target) == kind  # still what it was
    assert [p.name for p in tmp_path.iterdir()] == ["target"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_atomically(target, "old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_ctrl_c_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt), atomic_path(target):
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_state_is_private_and_shared_documents_follow_the_umask(tmp_path: Path) -> None:
    private, shared = tmp_path / "state", tmp_path / "doc"
    old = os.umask(0o022)
    try:
        write_atomically(private, "x")
        write_atomically(shared, "x", shared=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644


def test_a_symlink_to_a_file_is_replaced_not_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.write_text("keep", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert real.read_text(encoding="utf-8") == "keep"
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"


def test_temporary_files_a_killed_writer_left_are_removed_when_stale(tmp_path: Path) -> None:
    target = tmp_path / "search-1.sqlite3"
    old = tmp_path.stat().st_mtime - STALE_SECONDS - 60
    stale = tmp_path / ".search-1.sqlite3.abc123.tmp"
    live = tmp_path / ".search-1.sqlite3.def456.tmp"  # a writer at work now
    other = tmp_path / ".search-2.sqlite3.abc123.tmp"  # another file's
    link = tmp_path / ".search-1.sqlite3.link.tmp"
    for path in (stale, live, other):
        path.write_bytes(b"x")
    link.symlink_to(other)
    for path in (stale, other):
        os.utime(path, (old, old))
    os.utime(link, (old, old), follow_symlinks=False)
    remove_stale(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name, link.name])
