"""Where exotour keeps its caches and state, found without platformdirs in the common case.

platformdirs costs about 6 ms to import (it brings tempfile, shutil, bz2 and lzma), as much as
reading the cached tour. On Linux, with an absolute XDG_CACHE_HOME or an absolute HOME, its
answer is plain (the XDG Base Directory rules), and every version that pyproject allows gives the
same one; anything else (another system, Android, a relative path) asks platformdirs itself.
tests/test_dirs.py holds the two to the same answers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "exotour"


def cache_dir() -> Path:
    """EXOTOUR_CACHE_DIR when set, else the platform's user cache folder for exotour."""
    override = os.environ.get("EXOTOUR_CACHE_DIR")
    if override:
        return Path(override)
    return user_cache_dir()


def user_cache_dir() -> Path:
    """platformdirs.user_cache_path("exotour", appauthor=False)."""
    found = _xdg("XDG_CACHE_HOME", ".cache")
    if found is not None:
        return found
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)


def user_state_dir() -> Path:
    """platformdirs.user_state_path("exotour", appauthor=False)."""
    found = _xdg("XDG_STATE_HOME", ".local/state")
    if found is not None:
        return found
    from platformdirs import user_state_path

    return user_state_path(APP, appauthor=False)


def _xdg(variable: str, default: str) -> Path | None:
    """The folder by the XDG rules: VARIABLE when it is absolute, else DEFAULT in an absolute
    HOME; None when platformdirs must decide (not plain Linux, or a relative path)."""
    if not _plain_linux():
        return None
    value = os.environ.get(variable, "")
    if value.startswith("/"):
        return Path(value) / APP
    home = os.environ.get("HOME", "")
    if not value.strip() and home.startswith("/"):
        return Path(home) / default / APP
    return None


def _plain_linux() -> bool:
    """Linux, and not an Android app (where platformdirs looks further)."""
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel"):
        return False
    return os.environ.get("ANDROID_DATA") is None and os.environ.get("ANDROID_ROOT") is None
