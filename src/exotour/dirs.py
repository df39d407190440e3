"""Where exotour keeps its caches, found without importing platformdirs in the common case.

platformdirs costs about 6 ms to import (it brings tempfile, shutil, bz2 and lzma), as much as
reading the cached tour. On Linux, with an absolute XDG_CACHE_HOME or an absolute HOME, its
answer is plain (the XDG Base Directory rules), and every version that pyproject allows gives the
same one; anything else (another system, Android, a relative path) asks platformdirs itself.
tests/test_dirs.py holds the two to the same answer.
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
    if _plain_linux():
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        if xdg.startswith("/"):
            return Path(xdg) / APP
        home = os.environ.get("HOME", "")
        if not xdg.strip() and home.startswith("/"):
            return Path(home) / ".cache" / APP
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)


def _plain_linux() -> bool:
    """Linux, and not an Android app (where platformdirs looks further)."""
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel"):
        return False
    return os.environ.get("ANDROID_DATA") is None and os.environ.get("ANDROID_ROOT") is None
