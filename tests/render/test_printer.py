"""The one printer and the one Console: how output may look (colour, styles, ASCII), and that
nothing from outside reaches the terminal raw."""

from __future__ import annotations

import io
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import PYTHON, child_env, run_cli, write_content
from rich.console import Console, ConsoleOptions, RenderResult
from rich.panel import Panel
from rich.segment import Segment
from rich.text import Text

from exotour.commands import shell_quote
from exotour.render.console import Display, Environment, Look, display, make_console
from exotour.render.printer import emit, message, print_plain

ESC = "\x1b"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


PLAIN_LOOK = Look()


def seen(environ: dict[str, str], *, tty: bool = True, look: Look = PLAIN_LOOK) -> Display:
    stream = FakeTerminal() if tty else io.StringIO()
    return display(stream, Environment(environ=environ), look)


# -- the order of the rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "tty", "look", "expected"),
    [
        ({}, True, Look(), Display(True, True, False, False)),
        ({}, False, Look(), Display(False, False, False, False)),
        ({"NO_COLOR": "1"}, True, Look(), Display(True, False, False, False)),
        ({"NO_COLOR": ""}, True, Look(), Display(True, True, False, False)),
        ({}, True, Look(no_color=True), Display(True, False, False, False)),
        ({"CLICOLOR": "0"}, True, Look(), Display(True, False, False, False)),
        ({"TERM": "dumb"}, True, Look(), Display(False, False, False, False)),
        ({"FORCE_COLOR": "1"}, False, Look(), Display(True, True, False, True)),
        ({"FORCE_COLOR": ""}, False, Look(), Display(False, False, False, False)),
        ({"CLICOLOR_FORCE": "1"}, False, Look(), Display(True, True, False, True)),
        ({"CLICOLOR_FORCE": "0"}, False, Look(), Display(False, False, False, False)),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, True, Look(), Display(True, True, False, True)),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, Look(), Display(True, False, False, True)),
        ({"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, True, Look(), Display(True, False, False, True)),
        ({"ACCESSIBLE": "1"}, True, Look(), Display(True, True, True, False)),
        ({"ACCESSIBLE": "0"}, True, Look(), Display(True, True, False, False)),
        ({}, True, Look(ascii=True), Display(True, True, True, False)),
    ],
)
def test_how_output_may_look(
    environ: dict[str, str], tty: bool, look: Look, expected: Display
) -> None:
    assert seen(environ, tty=tty, look=look) == expected


def test_a_stream_that_is_not_utf_draws_ascii() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    assert display(stream, Environment(environ={})).ascii


def test_no_color_keeps_bold_and_drops_colour() -> None:
    out = FakeTerminal()
    env = Environment(stdout=out, environ={"NO_COLOR": "1", "TERM": "xterm-256color"})
    emit(Text("chosen", style="bold red"), env=env, pager=False)
    assert out.getvalue() == "\x1b[1mchosen\x1b[0m\n"


def test_force_color_colours_a_pipe(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("FORCE_COLOR", "CLICOLOR_FORCE"):
        with monkeypatch.context() as patch:
            patch.setenv(variable, "1")
            patch.setenv("TERM", "xterm-256color")
            out = run_cli(["sections"], capsys).out
        assert "\x1b[36m" in out, variable  # the ids in cyan
    assert ESC not in run_cli(["sections"], capsys).out


# -- ASCII ----------------------------------------------------------------------------------------


def test_an_ascii_stream_gets_ascii_boxes_and_symbols() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    env = Environment(stdout=stream, environ={"FORCE_COLOR": "1"})
    emit(Panel(Text("Read… ✓ · — café"), title="Note"), env=env, pager=False, look=Look())
    stream.flush()
    text = raw.getvalue().decode("ascii")
    assert "Read... + - -- cafe" in text
    assert text.splitlines()[0].startswith("\x1b[") or text.startswith("+")
    assert "+-" in text and "|" in text


def test_ascii_option_keeps_letters_on_a_utf_stream() -> None:
    out = io.StringIO()
    print_plain(
        Panel(Text("café · ok…")), env=Environment(stdout=out, environ={}), look=Look(ascii=True)
    )
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("+") and lines[1].startswith("| café - ok...")
    assert out.getvalue().isascii() is False  # é is kept: a screen reader reads it as é


@pytest.mark.parametrize("how", [["--ascii"], ["ACCESSIBLE=1"]])
def test_ascii_asked_for_draws_no_box_or_symbol(
    how: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # the terminal's layout, into the test's pipe
    if how == ["ACCESSIBLE=1"]:
        monkeypatch.setenv("ACCESSIBLE", "1")
    flags = how if how == ["--ascii"] else []
    for args in (["summary"], ["sections"], ["show", "5"], []):
        result = run_cli([*flags, *args], capsys)
        assert result.status == 0, result.err
        drawn = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", result.out)
        assert not re.search("[\u2500-\u259f·…✓—→←•]", drawn), (args, drawn[:400])
        assert "\x1b[1m" in result.out  # styles stay: only the symbols go


COMMANDS: tuple[list[str], ...] = (
    [],
    ["learn", "--plain"],
    ["search", "collagen"],
    ["summary"],
    ["summary", "--json"],
    ["summary", "--markdown"],
    ["sections"],
    ["sections", "--json"],
    ["show", "3"],
    ["glossary"],
    ["glossary", "exosome"],
    ["export"],
    ["validate"],
)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_every_command_prints_on_a_stream_that_is_not_utf(encoding: str, tmp_path: Path) -> None:
    env = child_env(PYTHONIOENCODING=encoding, LANG="C", LC_ALL="C", COLUMNS="80")

    def run(args: list[str]) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [PYTHON, "-m", "exotour", *args],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=tmp_path,
            timeout=60,
            check=False,
        )

    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(run, COMMANDS))
    for args, result in zip(COMMANDS, done, strict=True):
        assert (result.returncode, result.stderr) == (0, b""), (args, result.stderr)
        result.stdout.decode(encoding)  # nothing the stream could not hold
        assert result.stdout.strip(), args
        assert "Traceback" not in result.stderr.decode(encoding)


# -- nothing raw --------------------------------------------------------------------------------


def test_control_characters_in_text_print_as_escapes_and_keep_their_styles() -> None:
    out = FakeTerminal()
    env = Environment(stdout=out, environ={"TERM": "xterm-256color"})
    text = Text("a\x1b[2Jb\u202ec")
    text.stylize("bold", 0, 1)
    emit(text, env=env, pager=False)
    assert out.getvalue() == "\x1b[1ma\x1b[0m\\x1b[2Jb\\u202ec\n"


class RawSegments:
    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment("cache row \x1b]0;owned\x07 here")


def test_segments_from_any_renderable_are_made_printable() -> None:
    out = io.StringIO()
    emit(RawSegments(), env=Environment(stdout=out, environ={}))
    assert out.getvalue() == "cache row \\x1b]0;owned\\x07 here\n"
    console = make_console(Environment(stdout=out, environ={}))
    assert ESC not in "".join(s.text for s in console.render(RawSegments()))


def test_messages_on_stderr_are_printable() -> None:
    err = io.StringIO()
    message("exotour: warning: \x1b[31mred", env=Environment(stderr=err))
    assert err.getvalue() == "exotour: warning: \\x1b[31mred\n"


def test_a_content_folder_named_with_an_escape_never_prints_it_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "x\x1b[31my"
    result = run_cli(["--content", str(missing), "sections"], capsys)
    assert result.status == 2
    assert result.err == (
        f"exotour: error: content folder '{tmp_path}/x\\x1b[31my' does not exist\n"
        "exotour: hint: give a folder that holds tour.yaml and sections/\n"
    )
    folder = write_content(tmp_path / "tour\x1b[31m")
    for args in (["sections"], ["show", "1"], ["learn", "--plain"], []):
        result = run_cli(["--content", str(folder), *args], capsys)
        assert result.status == 0, result.err
        assert ESC not in result.out + result.err
        assert f"exotour --content $'{tmp_path}/tour\\x1b[31m'" in " ".join(result.out.split())


def test_shell_quote_reads_back_as_the_same_name() -> None:
    name = "a b'\x1b[31m\\\u202ez"
    quoted = shell_quote(name)
    assert quoted.isprintable()
    done = subprocess.run(
        ["bash", "-c", f"printf %s {quoted}"], capture_output=True, check=True, text=True
    )
    assert done.stdout == name
    assert shell_quote("my tours") == "'my tours'"


# -- width --------------------------------------------------------------------------------------

EMOJI_TITLES = (
    "Heart \u2764\ufe0f care",
    "Scientist \U0001f469\u200d\U0001f52c",
    "OK \U0001f44d\U0001f3fd",
)


@pytest.mark.parametrize("title", EMOJI_TITLES)
def test_an_emoji_sequence_in_a_title_does_not_overflow_the_panel(
    title: str, tmp_path: Path
) -> None:
    from rich.cells import cell_len

    from exotour.content.loader import load_tour
    from exotour.render.screens import learn_screen
    from exotour.tui.pages import Paginator

    one = f"id: one\ntitle: '{title}'\ntakeaway: It is the first.\nbody: Hello.\n"
    tour = load_tour(write_content(tmp_path / "emoji", {"sections/one.yaml": one}))
    pages = Paginator(tour, 40, 15).pages(0)
    out = FakeTerminal()
    console = make_console(Environment(stdout=out, environ={"TERM": "xterm"}), width=40)
    console.print(learn_screen(tour, 0, pages[0], 0, len(pages), (40, 15), ""))
    drawn = [line for line in out.getvalue().splitlines() if line]

    plain = [re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\\\", "", line) for line in drawn]
    assert not any(c in "".join(plain) for c in "\ufe0f\u200d\U0001f3fd")
    panel = plain[1 : len(plain) - 1]
    assert panel[0].startswith("╭─ 1. ") and panel[-1].startswith("╰")
    # Every character left has one width on every terminal, and every line is the panel's.
    assert {cell_len(line) for line in panel} == {40}
