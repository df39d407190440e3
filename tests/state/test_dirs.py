"""exotour.state.paths: the user folders are platformdirs' own; the variables win over them."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_cache_path, user_state_path

from exotour.search import cache as search
from exotour.state import paths as dirs
from exotour.state.progress import default_state_dir


@pytest.mark.parametrize("xdg", [None, "", "/var/cache/reader", "relative/cache"])
def test_the_folders_are_platformdirs_own(
    xdg: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("EXOTOUR_CACHE_DIR", raising=False)
    for variable in ("XDG_CACHE_HOME", "XDG_STATE_HOME"):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, xdg)
    assert dirs.cache_dir() == user_cache_path("exotour", appauthor=False)
    assert dirs.user_state_dir() == user_state_path("exotour", appauthor=False)


def test_exotour_cache_dir_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOTOUR_CACHE_DIR", str(tmp_path))
    assert dirs.cache_dir() == tmp_path == search.cache_dir()


def test_exotour_state_dir_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOTOUR_STATE_DIR", str(tmp_path))
    assert default_state_dir() == tmp_path
    monkeypatch.delenv("EXOTOUR_STATE_DIR")
    assert default_state_dir() == user_state_path("exotour", appauthor=False)
