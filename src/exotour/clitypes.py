"""The small pieces of Typer and Click that cli.py's definitions use: a group that lets a closed
pipe reach the error boundary, usage lines in one style, and a folder path that is never ''."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import TyperPath

from exotour.errors import ReaderLeftError


class Group(TyperGroup):
    """Typer's group, except that a closed pipe reaches errors.guarded (which exits quietly)
    instead of becoming Typer's silent exit 1."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise ReaderLeftError from exc


class Command(TyperCommand):
    """A command whose usage line names a required argument as SECTION, as an optional one is
    [SECTION]: Typer's own braces ({SECTION}) are one style too many."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # Any: Click's Context is private
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


class FolderPath(TyperPath):
    """A path that must not be empty: Click would read '' as the current folder."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if value == "":
            self.fail("an empty path names no folder (for this folder, write '.')", param, ctx)
        return super().convert(value, param, ctx)
