"""Where exotour keeps its caches and state: the platform's user folders, as platformdirs names
them, unless EXOTOUR_CACHE_DIR (or, for progress, EXOTOUR_STATE_DIR) says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

APP = "exotour"


def cache_dir() -> Path:
    """EXOTOUR_CACHE_DIR when set, else the platform's user cache folder for exotour."""
    override = os.environ.get("EXOTOUR_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)


def user_state_dir() -> Path:
    """The platform's user state folder for exotour."""
    from platformdirs import user_state_path

    return user_state_path(APP, appauthor=False)
