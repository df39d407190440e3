"""exotour.dirs names the cache folder platformdirs names, without importing it where it can."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from platformdirs import user_cache_path

from exotour import dirs, search


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
def test_the_cache_folder_is_platformdirs_own(
    xdg: str | None, home: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in (("XDG_CACHE_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    try:
        expected = user_cache_path("exotour", appauthor=False)
    except RuntimeError:  # platformdirs cannot name one: neither can we
        with pytest.raises(RuntimeError):
            dirs.user_cache_dir()
        return
    assert dirs.user_cache_dir() == expected


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
