"""A paste into the walkthrough (a megabyte into the search prompt) is read key by key but drawn
once: the screen waits while keys are pending, and the prompt keeps at most LONGEST_QUERY."""

from __future__ import annotations

import io
import os
from collections import deque
from pathlib import Path

import pytest
from rich.console import Console

from exotour.model import Tour
from exotour.state.progress import ProgressStore, Saved
from exotour.tui.keys import KeyReader
from exotour.tui.search_overlay import LONGEST_QUERY, SearchOverlay
from exotour.tui.walkthrough import Position, Walkthrough


class Pasted(KeyReader):
    """Keys that all arrive at once, as a paste does: each is pending until read."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(fd=-1)
        self.keys = deque(keys)

    def pending(self) -> bool:
        return bool(self.keys)

    def read_key(self, timeout: float | None = None) -> str | None:
        return self.keys.popleft() if self.keys else "q"


def test_a_long_paste_into_the_search_prompt_is_drawn_once(
    tour: Tour, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = Console(file=io.StringIO(), width=80, height=24, color_system=None)
    walk = Walkthrough(tour, console, ProgressStore(tmp_path, tour.id), Saved(), Position(0))
    drawn: list[object] = []
    monkeypatch.setattr(walk, "draw", drawn.append)
    queries: list[str] = []
    # the paste, then Esc; the loop reads q (nothing pending) and quits
    paste = Pasted(["/", *("x" * 100_000), "esc"])
    original = SearchOverlay.handle

    def handle(overlay: SearchOverlay, key: str) -> object:
        answer = original(overlay, key)
        if key == "esc":
            queries.append(overlay.query)
        return answer

    monkeypatch.setattr(SearchOverlay, "handle", handle)
    walk._loop(paste)
    assert len(drawn) <= 2  # the first screen, and the one after the paste
    assert [len(query) for query in queries] == [LONGEST_QUERY]


def test_a_key_waiting_on_the_terminal_is_pending() -> None:
    read, write = os.pipe()
    try:
        keys = KeyReader(read)
        assert not keys.pending()
        os.write(write, b"ab")
        assert keys.pending()
        assert keys.read_key() == "a"
        assert keys.pending()
        assert keys.read_key() == "b"
        assert not keys.pending()
    finally:
        os.close(read)
        os.close(write)
