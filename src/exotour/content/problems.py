"""Problems found in a content folder: each with its file, line and column, file by file.

Light on purpose (no YAML): `display_path` and `shown` serve messages about folders too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from exotour.content.limits import MAX_PROBLEMS_PER_FILE
from exotour.errors import Problem


class Marked(Protocol):
    """What has a place in a file: a YAML node (its start_mark)."""

    @property
    def start_mark(self) -> _Mark | None: ...


class _Mark(Protocol):
    line: int
    column: int


def shown(value: str, limit: int = 40) -> str:
    """Content quoted inside a message: anything unprintable escaped, and not too long."""
    if len(value) <= limit and value.isprintable():
        return value  # the usual case, called for every field name: spare the loop below
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value[: limit * 2])
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the current folder when inside it, with
    anything unprintable (a non-UTF-8 byte, an escape sequence in a name) escaped."""
    if path.is_absolute():
        try:
            cwd = Path.cwd()
        except OSError:  # the current folder was removed
            cwd = None
        for base in (cwd, cwd.resolve()) if cwd is not None else ():
            try:
                return shown(str(path.relative_to(base)), 400)
            except ValueError:
                pass
    return shown(str(path), 400)


def where(path: str, name: str) -> str:
    """A field's path inside a file: `evidence[0].sources`."""
    return f"{path}.{name}" if path else name


@dataclass(frozen=True)
class _Found:
    rank: int  # the order files were read in, so problems come out file by file
    problem: Problem


@dataclass
class Report:
    """The problems found so far, across every file of a folder."""

    found: list[_Found] = field(default_factory=list)
    ranks: dict[Path, int] = field(default_factory=dict)

    def add(
        self, path: Path, line: int, column: int, message: str, *, warning: bool = False
    ) -> None:
        rank = self.ranks.setdefault(path, len(self.ranks))
        self.found.append(_Found(rank, Problem(display_path(path), line, column, message, warning)))

    @property
    def errors(self) -> int:
        return sum(1 for f in self.found if not f.problem.is_warning)

    def problems(self) -> list[Problem]:
        ordered = sorted(self.found, key=lambda f: f.rank)  # stable: in the order found
        return [f.problem for f in ordered]


class FileReport:
    """The problems of one file: counted, capped at MAX_PROBLEMS_PER_FILE, and the values
    already refused (a record that holds one is not used, and not blamed twice)."""

    def __init__(self, path: Path, report: Report) -> None:
        self.path = path
        self.report = report
        self.errors = 0
        self.faults = 0  # errors, and uses of values already refused: a record with any is unused
        self.silenced = 0
        self.refused_nodes: set[int] = set()

    def _add(self, line: int, column: int, message: str, *, warning: bool = False) -> None:
        if not warning:
            self.errors += 1
            self.faults += 1
        if self.errors > MAX_PROBLEMS_PER_FILE:
            self.silenced += 1
            return
        self.report.add(self.path, line, column, message, warning=warning)

    def problem(self, node: Marked, path: str, message: str) -> None:
        mark = node.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self._add(line, column, f"{path}: {message}" if path else message)

    def warn(self, node: Marked, path: str, message: str) -> None:
        mark = node.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self._add(line, column, f"{path}: {message}", warning=True)

    def fail(self, line: int, column: int, message: str) -> None:
        self._add(line, column, message)

    def refuse(self, node: Marked, path: str, message: str) -> None:
        """Report NODE as unusable: whatever holds it is not used either."""
        self.refused_nodes.add(id(node))
        self.problem(node, path, message)

    def refused(self, node: Marked) -> bool:
        """Whether NODE was reported as unusable already (counted as a fault of its record)."""
        if id(node) in self.refused_nodes:
            self.faults += 1
            return True
        return False

    def finish(self) -> None:
        if self.silenced:
            from exotour.i18n import ngettext
            from exotour.localnumbers import number

            message = ngettext(
                "{count} more problem in this file is not shown",
                "{count} more problems in this file are not shown",
                self.silenced,
            )
            self.report.add(self.path, 1, 1, message.format(count=number(self.silenced)))
