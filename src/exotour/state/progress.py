"""Where the reader stopped and what they have read, kept per tour in one JSON file.

Writes are atomic (a temporary file in the same folder, then a rename), so an interrupted write or
two sessions at once never leave a broken file: the last writer wins. Every fault turns into a
warning and a tour that still runs.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

STATE_FILE = "progress.json"
FORMAT = 1
END = "__end__"  # the section id saved once the closing panel was reached


@dataclass(frozen=True)
class Saved:
    """One tour's saved state: the page to resume on and the sections read."""

    section: str | None = None
    page: int = 0
    pages: int = 1
    visited: frozenset[str] = frozenset()
    quiz_best: tuple[tuple[str, int, int], ...] = ()  # (scope, right, asked)
    # The place by its text, which any terminal size finds again: (block, offset) in `section`.
    anchor: tuple[int, int] | None = None
    # How far into each section the reader got: (section id, furthest page seen, pages).
    seen: tuple[tuple[str, int, int], ...] = ()

    def at(
        self,
        section: str,
        page: int,
        pages: int,
        *,
        anchor: tuple[int, int] | None = None,
        read: bool = True,
        seen: tuple[tuple[str, int, int], ...] | None = None,
    ) -> Saved:
        """At SECTION; it counts as read (ticked) when READ, e.g. once its last page was shown."""
        visited = self.visited | {section} if section != END and read else self.visited
        return replace(
            self,
            section=section,
            page=page,
            pages=pages,
            visited=visited,
            anchor=anchor,
            seen=self.seen if seen is None else seen,
        )

    def with_quiz(self, scope: str, right: int, asked: int) -> Saved:
        """Keep the best score per scope (a section id, or 'all')."""
        best = {s: (r, a) for s, r, a in self.quiz_best}
        old = best.get(scope)
        if old is None or right / max(asked, 1) >= old[0] / max(old[1], 1):
            best[scope] = (right, asked)
        return replace(self, quiz_best=tuple((s, r, a) for s, (r, a) in sorted(best.items())))


def default_state_dir() -> Path:
    """EXOTOUR_STATE_DIR when set, else the platform's user state folder."""
    override = os.environ.get("EXOTOUR_STATE_DIR")
    if override:
        return Path(override)
    from exotour.state.paths import (
        user_state_dir,  # platformdirs' answer, mostly without importing it
    )

    return user_state_dir()


@dataclass
class ProgressStore:
    """The progress file of one tour; warnings say what could not be read or written."""

    state_dir: Path
    tour_key: str
    warnings: list[str] = field(default_factory=list)
    _read_only: bool = False

    @property
    def path(self) -> Path:
        return self.state_dir / STATE_FILE

    def _read_all(self, *, warn: bool) -> dict[str, Any]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            if warn:
                self.warnings.append(f"cannot read the progress file {self.path} ({_why(exc)})")
            return {}
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            if warn:
                self.warnings.append(f"the progress file {self.path} is damaged; starting afresh")
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            if warn:
                self.warnings.append(
                    f"the progress file {self.path} is from another version; starting afresh"
                )
            return {}
        return data

    def load(self) -> Saved:
        entry = self._read_all(warn=True).get("tours", {}).get(self.tour_key)
        if not isinstance(entry, dict):
            return Saved()
        try:
            return _saved_from_json(entry)
        except (TypeError, ValueError, KeyError):
            self.warnings.append(f"the saved place in {self.path} is damaged; starting afresh")
            return Saved()

    def save(self, saved: Saved) -> None:
        """Write atomically; on failure warn once and keep running without saving."""
        if self._read_only:
            return
        data = self._read_all(warn=False)
        tours = data.get("tours")
        if not isinstance(tours, dict):
            tours = {}
        tours[self.tour_key] = _saved_to_json(saved)
        text = json.dumps({"format": FORMAT, "tours": tours}, indent=1, sort_keys=True)
        try:
            self.state_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".tmp", dir=self.state_dir)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(text)
                    handle.flush()
                    os.fsync(handle.fileno())
                Path(tmp).replace(self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            self._read_only = True
            self.warnings.append(
                f"cannot save progress in {self.state_dir} ({_why(exc)}); "
                "the tour runs, but your place will not be kept"
            )


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__


def _saved_to_json(saved: Saved) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "section": saved.section,
        "page": saved.page,
        "pages": saved.pages,
        "visited": sorted(saved.visited),
        "quiz_best": [list(item) for item in saved.quiz_best],
    }
    # Written only when known, so files without them read as before.
    if saved.anchor is not None:
        entry["anchor"] = list(saved.anchor)
    if saved.seen:
        entry["seen"] = [list(item) for item in saved.seen]
    return entry


def _saved_from_json(entry: dict[str, Any]) -> Saved:
    section = entry.get("section")
    page, pages = int(entry.get("page", 0)), int(entry.get("pages", 1))
    visited = entry.get("visited", [])
    best = entry.get("quiz_best", [])
    if section is not None and not isinstance(section, str):
        raise ValueError("section")
    if not isinstance(visited, list) or not all(isinstance(v, str) for v in visited):
        raise ValueError("visited")
    if page < 0 or pages < 1 or not isinstance(best, list):
        raise ValueError("page")
    quiz = tuple((str(s), int(r), int(a)) for s, r, a in best)
    raw_anchor = entry.get("anchor")  # absent in files from before anchors: the page decides
    anchor = None
    if raw_anchor is not None:
        block, offset = (int(part) for part in raw_anchor)
        if block < 0 or offset < 0:
            raise ValueError("anchor")
        anchor = (block, offset)
    seen = tuple((str(s), int(f), int(n)) for s, f, n in entry.get("seen", []))
    return Saved(section, page, pages, frozenset(visited), quiz, anchor, seen)
