"""Single keys from a real pseudo-terminal: escape sequences, a lone Esc, Esc then a key."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from exotour.tui.keys import KeyReader


@pytest.fixture
def typed() -> Iterator[tuple[int, KeyReader]]:
    """A pseudo-terminal: what is written to the first fd is read as keys from the second."""
    writer, reader = os.openpty()
    with KeyReader(reader) as keys:
        yield writer, keys
    os.close(writer)
    os.close(reader)


def test_an_arrow_is_one_key(typed: tuple[int, KeyReader]) -> None:
    writer, keys = typed
    os.write(writer, b"\x1b[A\x1b[6~")
    assert [keys.read_key(1), keys.read_key(1)] == ["up", "pagedown"]


def test_a_lone_esc_is_esc(typed: tuple[int, KeyReader]) -> None:
    writer, keys = typed
    os.write(writer, b"\x1b")
    assert keys.read_key(1) == "esc"
    assert keys.read_key(0.05) is None


def test_esc_then_a_key_sent_together_are_two_keys(typed: tuple[int, KeyReader]) -> None:
    # tmux holds Esc for its escape-time and may send it with the key that follows.
    writer, keys = typed
    os.write(writer, b"\x1bq\x1b\x1b")
    assert [keys.read_key(1) for _ in range(3)] == ["esc", "q", "esc"]
    assert keys.read_key(1) == "esc"
