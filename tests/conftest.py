"""Shared fixtures: every test runs with its own state folder and never touches the user's."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from exotour.content.loader import builtin_content_dir, load_tour
from exotour.model import Tour

if TYPE_CHECKING:
    from terminals import Terminals

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh EXOTOUR_STATE_DIR for each test, and no colour or content overrides leaking in."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("EXOTOUR_STATE_DIR", str(state))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("EXOTOUR_CONTENT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    # The caller's choices of colour, symbols and pager must not change what a test sees.
    for name in ("FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "ACCESSIBLE", "PAGER", "LESS"):
        monkeypatch.delenv(name, raising=False)
    return state


@pytest.fixture(scope="session")
def tour() -> Tour:
    """The built-in exosome tour."""
    return load_tour(builtin_content_dir())


@pytest.fixture
def content_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the built-in content folder, to break on purpose."""
    target = tmp_path / "content"
    shutil.copytree(builtin_content_dir(), target)
    yield target


@pytest.fixture
def term(state_dir: Path, tmp_path: Path) -> Iterator[Terminals]:
    """Pseudo-terminals running exotour with this test's state folder; all ended afterwards."""
    pytest.importorskip("pexpect")
    from terminals import Terminals

    terminals = Terminals(state_dir, tmp_path)
    yield terminals
    terminals.close()
