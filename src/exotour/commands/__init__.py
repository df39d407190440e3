"""What each command does, between the command line and the core modules.

One module a command; each loads the tour, calls the core, and prints what the renderer returns.
The helpers here are what every command shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console, RenderableType

    from exotour.content.location import ContentPlace
    from exotour.model import Tour
    from exotour.render.console import Look
    from exotour.state.progress import ProgressStore


class Options:
    """What the global options chose, for every command."""

    def __init__(
        self,
        content: Path | None = None,
        no_color: bool = False,
        *,
        ascii: bool = False,
        no_pager: bool = False,
        lang: str | None = None,
    ) -> None:
        self.content = content
        self.no_color = no_color
        self.ascii = ascii  # --ascii: no box drawing or symbols, for screen readers
        self.no_pager = no_pager  # --no-pager, before or after the command
        self.lang = lang  # --lang or EXOTOUR_LANG; None: as the locale variables say
        if lang:
            import os

            from exotour import i18n

            i18n.use(i18n.choose(os.environ, lang))
        # Every command starts here, through either door: from now on what stdout cannot encode
        # (PYTHONIOENCODING=ascii, LANG=C) is written as a stand-in, never a UnicodeEncodeError,
        # whichever module writes it.
        import sys

        from exotour.render.terminal import guard

        guard(sys.stdout)
        guard(sys.stderr)

    def look(self) -> Look:
        from exotour.render.console import Look  # without Rich's layout modules

        return Look(no_color=self.no_color, ascii=self.ascii)

    def place(self) -> ContentPlace:
        """The content folder in use, resolved once, with its one key: without --content, the
        built-in tour in the interface's language."""
        from exotour import i18n
        from exotour.content.location import content_place  # without importing the loader

        return content_place(self.content, i18n.current() if self.content is None else "en")

    def content_dir(self) -> Path:
        return self.place().folder


def command_prefix(options: Options) -> str:
    """How a command that exotour suggests begins: `exotour`, or `exotour --content DIR` when
    the tour came from --content, so that copying the command opens the same tour. A folder that
    EXOTOUR_CONTENT names is left out: the variable stays in effect for the next command."""
    if options.content is None:
        return "exotour"
    import os
    from pathlib import Path

    variable = os.environ.get("EXOTOUR_CONTENT")
    if variable and Path(variable) == options.content:
        return "exotour"
    return f"exotour --content {shell_quote(str(options.content))}"


def shell_quote(word: str) -> str:
    """WORD quoted for a POSIX shell, and printable: a name holding a control character (an
    escape sequence in a folder's name) is written as $'...' with the character escaped, which
    bash, zsh and ksh read back as the same name, and which cannot act on the terminal."""
    import shlex

    from exotour.text import UNSAFE_CHARS

    if not UNSAFE_CHARS.search(word):
        return shlex.quote(word)

    def escaped(char: str) -> str:
        if UNSAFE_CHARS.match(char):
            return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
        return "\\" + char if char in "\\'" else char

    return "$'" + "".join(escaped(char) for char in word) + "'"


def load(options: Options) -> Tour:
    """The tour the options name; raises ContentError before anything is printed.

    A folder that loaded without error before and has not changed since comes from the cache.
    """
    from exotour.content import cache as tourcache

    place = options.place()
    return tourcache.load(place.folder, place.key)


def stdout(options: Options) -> Console:
    """The console for this command's output (render.console decides how it may look)."""
    from exotour.render.console import make_console

    return make_console(look=options.look())


def store_for(tour: Tour) -> ProgressStore:
    """The progress of this tour, so two tours never mix.

    The built-in tour is kept by its id alone, so a reinstall (a new path) keeps the reader's
    place, and so does a change of language: its English and Spanish folders have the same id
    and section ids, and share one record. Any other folder by id and the folder's key, so a
    copied tour that kept its id starts afresh. Progress saved under the older keys (id@path,
    then id@ and the path's SHA-256) is
    still read.
    """
    from exotour.content.location import content_place, older_place_key
    from exotour.state.progress import ProgressStore, default_state_dir

    if tour.content_dir is None:
        return ProgressStore(default_state_dir(), tour.id)
    place = content_place(tour.content_dir)
    if place.builtin:
        return ProgressStore(default_state_dir(), tour.id)
    older = (f"{tour.id}@{place.resolved}", f"{tour.id}@{older_place_key(place.resolved)}")
    return ProgressStore(default_state_dir(), f"{tour.id}@{place.key}", older)


def warn(lines: list[str]) -> None:
    """Warnings on stderr, each as `exotour: warning: ...`."""
    from exotour.i18n import _
    from exotour.render.printer import message

    for line in lines:
        message(_("exotour: warning: {warning}").format(warning=line))


def emit(options: Options, screen: RenderableType, console: Console | None = None) -> None:
    """SCREEN with its styles on a terminal (through the pager when it is taller than the
    screen, unless --no-pager); elsewhere (a pipe, a file) as plain text."""
    from exotour.render.printer import emit as print_screen

    print_screen(screen, look=options.look(), pager=not options.no_pager, console=console)


def print_plain(
    options: Options, renderable: RenderableType, console: Console | None = None
) -> None:
    """Print as plain text, whatever the terminal: no escape codes, no trailing spaces; to
    CONSOLE's file at its width when given (the quiz's injected streams), else to stdout."""
    from exotour.render.console import Environment
    from exotour.render.printer import print_plain as print_text

    if console is None:
        print_text(renderable, look=options.look())
    else:
        print_text(
            renderable,
            env=Environment(stdout=console.file),
            look=options.look(),
            width=console.width,
        )


def write(text: str) -> None:
    """TEXT (JSON, Markdown) to stdout as it is; what the stream cannot encode gets a stand-in."""
    from exotour.render.printer import write as write_text

    write_text(text)


def write_json(data: object) -> None:
    """DATA as indented JSON on stdout, the one way every `--json` prints."""
    import json

    write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
