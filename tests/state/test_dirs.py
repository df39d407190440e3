"""exotour.state.paths names the cache folder platformdirs names, without importing it
where it can."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from platformdirs import user_cache_path, user_state_path

from exotour.search import cache as search
from exotour.state import paths as dirs


@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/reader"),
        ("", "/home/reader"),
        ("   ", "/home/reader"),
        ("/var/cache/reader", "/home/reader"),
        ("/var/cache/reader/", "/home/reader/"),
        ("relative/cache", "/home/reader"),
        (None, None),
        (None, "relative-home"),
    ],
)
@pytest.mark.parametrize(
    ("variable", "ours", "theirs"),
    [
        ("XDG_CACHE_HOME", dirs.user_cache_dir, user_cache_path),
        ("XDG_STATE_HOME", dirs.user_state_dir, user_state_path),
    ],
    ids=["cache", "state"],
)
def test_the_folders_are_platformdirs_own(
    xdg: str | None,
    home: str | None,
    variable: str,
    ours: Callable[[], Path],
    theirs: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in ((variable, xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    try:
        expected = theirs("exotour", appauthor=False)
    except RuntimeError:  # platformdirs cannot name one: neither can we
        with pytest.raises(RuntimeError):
            ours()
        return
    assert ours() == expected


def test_exotour_cache_dir_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOTOUR_CACHE_DIR", str(tmp_path))
    assert dirs.cache_dir() == tmp_path == search.cache_dir()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shortcut is Linux's")
def test_the_usual_case_does_not_import_platformdirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(sys.modules, "platformdirs", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert dirs.cache_dir() == tmp_path / "exotour"
    assert "platformdirs" not in sys.modules
