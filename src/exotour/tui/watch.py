"""`learn --watch`: notice when the tour's files change, and load them again.

The files are polled (their sizes and times), every half second at most, from the key loop's
timeout: no thread, no extra dependency. Loading is given from outside, since tui/ reads no YAML.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from exotour.errors import ExotourError
from exotour.model import Tour

INTERVAL = 0.5
Stamp = tuple[tuple[str, int, int], ...]


def stamp(folder: Path) -> Stamp:
    """The name, size and modification time of every file under FOLDER (hidden ones aside)."""
    found: list[tuple[str, int, int]] = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            try:
                info = path.stat()
            except OSError:
                continue
            found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(found)


@dataclass
class Watcher:
    """Reloads the tour in FOLDER with LOAD when its files change."""

    folder: Path
    load: Callable[[], Tour]
    interval: float = INTERVAL
    clock: Callable[[], float] = time.monotonic
    _stamp: Stamp = field(default=(), init=False)
    _checked: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._stamp = stamp(self.folder)
        self._checked = self.clock()

    def poll(self) -> Tour | ExotourError | None:
        """The tour as the files are now, or what is wrong with them; None when nothing changed
        (or it is too soon to look again)."""
        now = self.clock()
        if now - self._checked < self.interval:
            return None
        self._checked = now
        current = stamp(self.folder)
        if current == self._stamp:
            return None
        self._stamp = current
        try:
            return self.load()
        except ExotourError as error:
            return error
