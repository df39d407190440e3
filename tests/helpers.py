"""Small helpers the tests share: writing content folders and running the CLI in-process."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

from exotour import cli, entry

REPO = Path(__file__).resolve().parent.parent

# The seven parts of the article, in order, then the parts the tour adds.
ARTICLE_IDS = (
    "what-are-exosomes",
    "what-is-exosome-therapy",
    "how-does-it-work",
    "benefits",
    "safety",
    "future",
    "summary",
    "before-you-decide",
    "trials-and-harms",
)
# The article's parts whose claims the evidence sheet addresses: each needs evidence notes and at
# least two quiz questions (the Summary and the tour's own section are not among them).
CLAIM_SECTIONS = ARTICLE_IDS[:6]
# Sections the loader may generate after the authored ones.
GENERATED_IDS = frozenset({"sources"})

TOUR_YAML = """\
id: tiny
title: A tiny tour
disclaimer: Not medical advice.
sections:
  - one
"""
ONE_YAML = """\
id: one
title: One
takeaway: It is the first.
body: Hello.
"""


def write_content(root: Path, files: dict[str, str | bytes | None] | None = None) -> Path:
    """A content folder at ROOT: a one-section tour, with FILES (relative paths) added or replaced.

    A file given as None is left out.
    """
    base: dict[str, str | bytes | None] = {"tour.yaml": TOUR_YAML, "sections/one.yaml": ONE_YAML}
    base.update(files or {})
    for relative, text in base.items():
        if text is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return root


@dataclass(frozen=True)
class Result:
    """What a run of the CLI did: its exit status and the text of both streams."""

    status: int
    out: str
    err: str


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Result:
    """Run `exotour ARGV` in this process through the installed script's entry point, so the
    fast path and the error mapping are the ones a user meets."""
    return run_main(entry.main, argv, capsys)


def run_typer(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Result:
    """Run `exotour ARGV` in this process through the Typer app alone (cli.main)."""
    return run_main(cli.main, argv, capsys)


def run_main(
    main: Callable[[list[str]], NoReturn], argv: list[str], capsys: pytest.CaptureFixture[str]
) -> Result:
    capsys.readouterr()  # drop whatever came before
    try:
        main(argv)
    except SystemExit as exc:
        code = exc.code
        status = code if isinstance(code, int) else (0 if code is None else 1)
    else:  # pragma: no cover - main always exits
        raise AssertionError(f"{main.__module__}.main returned instead of exiting")
    captured = capsys.readouterr()
    return Result(status, captured.out, captured.err)


# What a caller's shell may set that changes what exotour prints or where it keeps things. The
# tests start from none of them (conftest.py); a test that wants one sets it itself.
CALLER_VARIABLES = (
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "ACCESSIBLE",
    "COLUMNS",
    "LINES",
    "PAGER",
    "MANPAGER",
    "LESS",
    "LV",
    "COMP_WORDS",
    "COMP_CWORD",
    "_TYPER_COMPLETE_ARGS",
    "_TYPER_COMPLETE_WORD_TO_COMPLETE",
)
# Set to one known value instead: a dumb or missing TERM would change every screen.
# LANGUAGE: English whatever the caller's locale; a test of another language sets its own.
SET_VARIABLES = {"TERM": "xterm-256color", "LANGUAGE": "en"}
# Set by conftest.py for each test, so a child uses the test's folders too.
_TEST_OWNED = ("EXOTOUR_STATE_DIR", "EXOTOUR_CACHE_DIR")
# The test run's own switches, kept.
TEST_SWITCHES = ("EXOTOUR_UPDATE_GOLDENS",)


def is_callers(name: str) -> bool:
    """Whether NAME is one of the caller's variables that no test may inherit."""
    if name in TEST_SWITCHES:
        return False
    return name in CALLER_VARIABLES or name.startswith(("EXOTOUR_", "_EXOTOUR_"))


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child exotour: this one, less the caller's colour, terminal and
    exotour variables (conftest.py has set the test's own state and cache folders), plus EXTRA."""
    env = {k: v for k, v in os.environ.items() if not is_callers(k) or k in _TEST_OWNED}
    env.update(SET_VARIABLES)
    env.update(extra)
    return env


PYTHON = sys.executable

# An escape sequence that sets a colour (SGR 30-49, 90-107, 38;5;N, 38;2;R;G;B), wherever it
# stands among the parameters; bold, dim, reverse and underline do not match. NO_COLOR forbids
# these, not emphasis.
COLOUR_SGR = r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:[;m])"


def golden(path: Path, drawn: str) -> str:
    """The golden file at PATH, as the test compares DRAWN with it; EXOTOUR_UPDATE_GOLDENS=1
    rewrites it from DRAWN first (after a change to how something looks: then read the diff)."""
    if os.environ.get("EXOTOUR_UPDATE_GOLDENS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(drawn, encoding="utf-8")
    return path.read_text(encoding="utf-8")
