"""The one printer: everything exotour shows goes to the terminal, a pipe or the pager from here.

- `emit`: a screen styled where output is styled (render.console decides), through `$PAGER`
  when it is taller than the terminal, as plain text anywhere else;
- `print_plain`: plain text whatever the output, no escape codes and no trailing spaces; a line
  that is wider than the page (a link) runs past it whole rather than fold;
- `write`: text as it is (JSON, Markdown), with stand-ins where the stream cannot encode it;
- `message`: one line on stderr (`exotour: warning: ...`), made printable.

All of it passes the console's sanitising (render.console.SafeConsole) or `printable`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exotour.render.console import DEFAULT_LOOK, Environment, Look, display, isatty
from exotour.render.terminal import guard

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console, RenderableType

# As git: less that quits when the text fits one screen, passes colours, and leaves the text
# on the screen afterwards; lv with its colours on.
DEFAULT_PAGER = "less -R"
PAGER_SETTINGS = {"LESS": "FRX", "LV": "-c"}


def emit(
    screen: RenderableType,
    *,
    env: Environment | None = None,
    look: Look = DEFAULT_LOOK,
    pager: bool = True,
    console: Console | None = None,
) -> None:
    """SCREEN with its styles where output is styled; through the pager where PAGER allows and
    it is taller than the terminal; elsewhere (a pipe, a file, TERM=dumb) as plain text."""
    from exotour.render.console import make_console  # looked up now: a script may stand in

    env = env if env is not None else Environment()
    console = console if console is not None else make_console(env, look)
    if not console.is_terminal:
        print_plain(screen, env=env, look=look, width=console.width)
        return
    if not (pager and pager_allowed(env)):
        console.print(screen, crop=False)  # a link longer than the line stays whole
        return
    with console.capture() as capture:
        console.print(screen, crop=False)
    text = capture.get()
    if text.count("\n") <= console.height or not run_pager(text, env):
        console.file.write(text)
        console.file.flush()


def print_plain(
    renderable: RenderableType,
    *,
    env: Environment | None = None,
    look: Look = DEFAULT_LOOK,
    width: int | None = None,
) -> None:
    """RENDERABLE as plain text at WIDTH (default: the terminal's, or 80): Rich's drawing with
    colour and styles off. Part by part as it is drawn (a Group's parts: the sections of a
    tour), so the first lines come out at once."""
    from rich.console import Group

    from exotour.render.console import make_console, offscreen_console
    from exotour.render.parts import Parts

    env = env if env is not None else Environment()
    if width is None:
        width = make_console(env, look).width
    seen = display(env.out, env, look)
    console = offscreen_console(width, ascii_only=seen.ascii)

    parts: Iterable[RenderableType] = [renderable]
    if isinstance(renderable, Group):
        parts = renderable.renderables
    elif isinstance(renderable, Parts):
        parts = renderable
    written = False
    for part in parts:
        with console.capture() as capture:
            console.print(part, crop=False)  # links run past the width rather than fold
        lines = capture.get().splitlines()
        if lines:
            write("\n".join(map(str.rstrip, lines)) + "\n", env=env)
            written = True
    if not written:
        write("\n", env=env)


def page_plain(
    renderable: RenderableType,
    *,
    env: Environment | None = None,
    look: Look = DEFAULT_LOOK,
    pager: bool = True,
) -> None:
    """RENDERABLE as plain text (`print_plain`), through the pager where a reader is at a
    terminal (stdout and stdin) and it is taller than the screen, as `emit` pages a screen; a
    dumb terminal too, where less is told not to mind it. Elsewhere, print_plain as it is."""
    import io

    from exotour.render.console import make_console

    env = env if env is not None else Environment()
    if not (pager and isatty(env.out) and isatty(env.inp) and pager_command(env) is not None):
        print_plain(renderable, env=env, look=look)
        return
    console = make_console(env, look)
    seen = display(env.out, env, look)
    buffer = io.StringIO()
    ascii_look = look._replace(ascii=seen.ascii)  # as the terminal, not the buffer, can show
    print_plain(renderable, env=env._replace(stdout=buffer), look=ascii_look, width=console.width)
    text = buffer.getvalue()
    if text.count("\n") < console.height or not run_pager(text, env):
        write(text, env=env)


def write(text: str, *, env: Environment | None = None) -> None:
    """TEXT to stdout as it is; a character the stream cannot encode becomes a stand-in."""
    stream = (env if env is not None else Environment()).out
    guard(stream)
    stream.write(text)


def message(line: str, *, env: Environment | None = None) -> None:
    """One line on stderr, every control character in it shown as its escape."""
    from exotour.text import printable

    stream = (env if env is not None else Environment()).err
    guard(stream)
    stream.write(printable(line) + "\n")


def pager_command(env: Environment) -> list[str] | None:
    """The pager to run, as arguments: `$PAGER`, else less; None when PAGER is empty or `cat`
    (as git has it) or cannot be split into words."""
    import shlex

    command = env.environ.get("PAGER", DEFAULT_PAGER)
    try:
        words = shlex.split(command)
    except ValueError:
        return None
    if not words or words == ["cat"]:
        return None
    return words


def pager_allowed(env: Environment) -> bool:
    """A pager needs a reader: stdout and stdin both a real terminal (never a pipe or a file,
    whatever FORCE_COLOR says), not a dumb one, and a PAGER that names one."""
    if env.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    return isatty(env.out) and isatty(env.inp) and pager_command(env) is not None


def run_pager(text: str, env: Environment) -> bool:
    """Show TEXT in the pager and wait for it to end; False when it could not be started (the
    caller prints instead). Ctrl-C is the pager's to handle while it runs, as with git."""
    import subprocess

    words = pager_command(env)
    if words is None:
        return False
    variables = dict(env.environ)
    settings = dict(PAGER_SETTINGS)
    if variables.get("TERM", "").lower() in ("dumb", "unknown"):
        settings["LESS"] += "d"  # less pages a dumb terminal without asking for RETURN first
    for name, value in settings.items():
        variables.setdefault(name, value)
    stream = env.out
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        stream.flush()
        child = subprocess.Popen(words, stdin=subprocess.PIPE, env=variables)
    except OSError:  # no such program, or not allowed to run it
        return False
    assert child.stdin is not None  # a pipe was asked for
    try:
        child.stdin.write(text.encode(encoding, errors="exotour-ascii"))
        child.stdin.close()
    except BrokenPipeError:  # the reader quit before the end: that is reading, not an error
        pass
    while True:
        try:
            child.wait()
            return True
        except KeyboardInterrupt:
            continue
