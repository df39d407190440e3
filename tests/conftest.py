"""Shared fixtures: every test runs with its own state folder and never touches the user's."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from helpers import SET_VARIABLES, is_callers
from hypothesis import settings

from exotour import i18n
from exotour.content.loader import builtin_content_dir, load_tour
from exotour.model import Tour

if TYPE_CHECKING:
    from terminals import Terminals

REPO = Path(__file__).resolve().parent.parent

# No test asserts a time, Hypothesis's included: its per-example deadline (200 ms) fails a
# property test on a busy machine (CI's second environment runs beside the first).
settings.register_profile("exotour", deadline=None)
settings.load_profile("exotour")


@pytest.fixture(autouse=True)
def state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh EXOTOUR_STATE_DIR and cache folder (XDG_CACHE_HOME) for each test, and none of
    the caller's exotour, colour or terminal variables (helpers.CALLER_VARIABLES) leaking in."""
    for name in [name for name in os.environ if is_callers(name)]:
        monkeypatch.delenv(name)
    for name, value in SET_VARIABLES.items():
        monkeypatch.setenv(name, value)
    state = tmp_path_factory.mktemp("state")
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("EXOTOUR_STATE_DIR", str(state))
    # The caches go to the user cache folder, as without EXOTOUR_CACHE_DIR (tests of that
    # variable set it themselves).
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    # The language as this test's environment says, whatever an earlier test chose in-process.
    i18n.use(None)
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
