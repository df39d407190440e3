"""Where the reader stopped and what they have read, kept per tour in one JSON file.

The file is untrusted input: whatever is in its place (damaged JSON, wrong types, a FIFO, a
device, a folder, a huge file) gives a warning naming the file and a fresh start, never a crash
or a hang. A damaged file is set aside (renamed `progress.json.damaged-<time>`, never deleted)
when the next save replaces it. A file of a newer format is never overwritten: the tour runs
without saving. Writes go through the one atomic writer, so an interrupted write never leaves a
broken file; and a save is a merge under a lock (state.lock), so processes saving at once (a
`learn` in each of two terminals, a quiz beside them) keep each other's record: see
saved.merged. Keys of a tour's entry that this version does not know are kept as they are.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exotour.i18n import _
from exotour.state.progress_json import FORMAT, READABLE_FORMATS, DamagedError
from exotour.state.saved import END, Anchor, Saved
from exotour.state.untrusted import UnreadableFileError, UnusableFileError, why
from exotour.text import printable

__all__ = [
    "END",
    "FORMAT",
    "LOCK_FILE",
    "STATE_FILE",
    "Anchor",
    "ProgressStore",
    "Saved",
    "default_state_dir",
]

STATE_FILE = "progress.json"
LOCK_FILE = "progress.json.lock"
# A progress file holds a few hundred bytes a tour; anything near this is not ours.
MAX_BYTES = 8 * 1024 * 1024


def default_state_dir() -> Path:
    """EXOTOUR_STATE_DIR when set, else the platform's user state folder."""
    override = os.environ.get("EXOTOUR_STATE_DIR")
    if override:
        return Path(override)
    from exotour.state.paths import user_state_dir

    return user_state_dir()


@dataclass(frozen=True)
class _Found:
    """What the progress file holds, and what may be done with it."""

    tours: dict[str, Any]
    problem: str | None = None  # the warning, when the file could not be used
    set_aside: tuple[int, int] | None = None  # the identity of a damaged file to keep aside
    writable: bool = True  # False: a newer format, or a file we cannot read


@dataclass
class ProgressStore:
    """The progress file of one tour; warnings say what could not be read or written."""

    state_dir: Path
    tour_key: str
    older_keys: tuple[str, ...] = ()  # where progress was saved before; read when tour_key is not
    warnings: list[str] = field(default_factory=list)
    _read_only: bool = False
    _warned: bool = False
    _base: Saved = field(default_factory=Saved)  # what this process last loaded or saved

    @property
    def path(self) -> Path:
        return self.state_dir / STATE_FILE

    @property
    def shown(self) -> str:
        """The path as a warning may show it: a control character in it is escaped, not sent."""
        return printable(str(self.path))

    def load(self) -> Saved:
        found = self._read()
        self._warn(found)
        if not found.writable:
            self._read_only = True
        entry = self._entry(found.tours)
        if entry is None:
            return Saved()
        try:
            self._base = _saved(entry)
        except ValueError:
            message = _("the saved place in {file} is damaged; starting afresh")
            self.warnings.append(message.format(file=self.shown))
        return self._base

    def save(self, saved: Saved) -> None:
        """Merge SAVED into the file under the lock and write it atomically; on failure warn
        once and keep running without saving."""
        if self._read_only:
            return
        from exotour.state.lock import held

        try:
            self.state_dir.mkdir(parents=True, exist_ok=True)
            with held(self.state_dir / LOCK_FILE):
                self._merge_and_write(saved)
        except OSError as exc:
            self._read_only = True
            message = _(
                "cannot save progress in {folder} ({why}); "
                "the tour runs, but your place will not be kept"
            )
            folder = printable(str(self.state_dir))
            self.warnings.append(message.format(folder=folder, why=why(exc)))

    def _merge_and_write(self, saved: Saved) -> None:
        """Under the lock: read the file, merge SAVED into its entry, write it back."""
        found = self._read()
        if not found.writable:
            self._read_only = True
            self._warn(found)
            return
        from exotour.state.atomic import write_atomically
        from exotour.state.progress_json import FIELDS, dump, saved_to_json
        from exotour.state.saved import merged

        entry = self._entry(found.tours)
        try:
            theirs = _saved(entry) if entry is not None else Saved()
        except ValueError:
            theirs = Saved()  # a damaged entry: ours replaces what cannot be read
        own: dict[str, Any] = entry if isinstance(entry, dict) else {}
        kept = {k: v for k, v in own.items() if k not in FIELDS}
        tours = {k: v for k, v in found.tours.items() if k not in self.older_keys}
        tours[self.tour_key] = kept | saved_to_json(merged(saved, theirs, self._base))
        if found.set_aside is not None:
            self._set_aside(found.set_aside)
        write_atomically(self.path, dump(tours))
        self._base = saved

    def _entry(self, tours: dict[str, Any]) -> Any:
        """This tour's entry: under tour_key, else under an older key it was saved by."""
        for key in (self.tour_key, *self.older_keys):
            if key in tours:
                return tours[key]
        return None

    def _warn(self, found: _Found) -> None:
        if found.problem is not None and not self._warned:
            self._warned = True
            self.warnings.append(found.problem)

    def _read(self) -> _Found:
        from exotour.state.progress_json import parse
        from exotour.state.untrusted import read_small_file

        path = self.shown
        try:
            raw = read_small_file(self.path, MAX_BYTES)
        except UnusableFileError as exc:
            message = _("the progress file {file} {reason}; starting afresh")
            return _Found({}, message.format(file=path, reason=exc.reason), exc.identity)
        except UnreadableFileError as exc:
            problem = _(
                "cannot read the progress file {file} ({why}); your place will not be saved"
            ).format(file=path, why=exc.why)
            return _Found({}, problem, writable=False)
        if raw is None:
            return _Found({})
        from exotour.state.untrusted import identity_of

        identity = identity_of(self.path)
        try:
            data = parse(raw)
        except DamagedError:
            return _Found({}, damaged(path), identity)
        version = data.get("format") if isinstance(data, dict) else None
        if type(version) is int and version > FORMAT:
            problem = _(
                "the progress file {file} is from a newer exotour (format {version}); "
                "it is left as it is, and your place will not be saved"
            ).format(file=path, version=version)
            return _Found({}, problem, writable=False)
        if type(version) is not int or version not in READABLE_FORMATS:
            problem = _("the progress file {file} is from another version; starting afresh").format(
                file=path
            )
            return _Found({}, problem, identity)
        tours = data.get("tours", {})
        if not isinstance(tours, dict):
            return _Found({}, damaged(path), identity)
        return _Found(tours)

    def _set_aside(self, identity: tuple[int, int]) -> None:
        """Rename the damaged file beside itself, if it is still the one that was judged."""
        import time

        from exotour.state.untrusted import identity_of

        if identity_of(self.path) != identity:
            return  # gone, or already replaced by another session's good file
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        target = self.path.with_name(f"{STATE_FILE}.damaged-{stamp}")
        number = 1
        while target.exists() or target.is_symlink():
            number += 1
            target = self.path.with_name(f"{STATE_FILE}.damaged-{stamp}-{number}")
        self.path.rename(target)


def damaged(path: str) -> str:
    return _("the progress file {file} is damaged; starting afresh").format(file=path)


def _saved(entry: object) -> Saved:
    from exotour.state.progress_json import saved_from_json

    return saved_from_json(entry)
