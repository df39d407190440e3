"""The command line: parse, call one core function, print what it returns, map errors to exits.

No logic lives here. Every error reaches `main` (or entry.main, the script, which runs the
plainest command lines without Typer), and entry.guarded prints `exotour: error: ...` on stderr
and exits with the documented status; nobody sees a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

# Typer 0.28 vendors Click; its exceptions are reachable only here.
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperCommand

from exotour import __version__
from exotour.commands import Options
from exotour.errors import ExitStatus, ReaderLeftError


class _Group(typer.core.TyperGroup):
    """Typer's group, except that a closed pipe reaches errors.guarded (which exits quietly)
    instead of becoming Typer's silent exit 1."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise ReaderLeftError from exc


class _Command(TyperCommand):
    """A command whose usage line names a required argument as SECTION, as an optional one is
    [SECTION]: Typer's own braces ({SECTION}) are one style too many."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # Any: Click's Context is private
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


# Every command accepts --no-color after its name too (`exotour summary --no-color`); the
# option before the command is the root's. Defined once, here.
NoPager = Annotated[
    bool, typer.Option("--no-pager", help="Print long output instead of showing it in $PAGER.")
]
NoColor = Annotated[
    bool, typer.Option("--no-color", help="No colours (bold stays), as NO_COLOR does.")
]

app = typer.Typer(
    cls=_Group,
    name="exotour",
    help="A guided tour of exosome therapy in the terminal, with what the evidence says.",
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _options(ctx: typer.Context, no_color: bool = False, no_pager: bool = False) -> Options:
    """The root's options, with a command's own --no-color and --no-pager merged in."""
    found = ctx.find_object(Options)
    options = found if found is not None else Options()
    return Options(
        options.content,
        no_color=options.no_color or no_color,
        ascii=options.ascii,
        no_pager=options.no_pager or no_pager,
    )


def _version(value: bool) -> None:
    if value:
        print(f"exotour {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    content: Annotated[
        Path | None,
        typer.Option(
            "--content",
            envvar="EXOTOUR_CONTENT",
            help="Use another tour's content folder (default: the built-in exosome tour).",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    no_color: NoColor = False,
    ascii_only: Annotated[
        bool,
        typer.Option("--ascii", help="No box drawing or symbols, as ACCESSIBLE=1 does."),
    ] = False,
    no_pager: NoPager = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """A guided tour of exosome therapy in the terminal, with what the evidence says."""
    ctx.obj = Options(content, no_color, ascii=ascii_only, no_pager=no_pager)
    if ctx.invoked_subcommand is None:
        from exotour.commands import welcome

        welcome.run(ctx.obj)


@app.command(cls=_Command, short_help="Walk through the tour, page by page.")
def learn(
    ctx: typer.Context,
    section: Annotated[
        str | None,
        typer.Argument(
            help="Open this section: an id, a number, or the start of a title.",
            metavar="SECTION",
        ),
    ] = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Start again from the beginning.")
    ] = False,
    plain: Annotated[
        bool, typer.Option("--plain", help="Print the tour as plain text, with no keys.")
    ] = False,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            help="Open SECTION at the page that shows these words (ignored with --plain).",
            metavar="WORDS",
        ),
    ] = None,
    watch: Annotated[
        bool, typer.Option("--watch", help="Reload as the content files change.")
    ] = False,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme",
            help="Colours for a light or dark background (default: as COLORFGBG says).",
            metavar="light|dark",
            show_default=False,
        ),
    ] = None,
    no_color: NoColor = False,
) -> None:
    """Walk through the tour page by page; it remembers where you stopped.

    \b
    Keys (a single key acts; no Enter needed):
      n, Space, Enter, j, f, PgDn or →   next page
      p, Backspace, k, b, PgUp or ←      previous page
      g and G (or Home and End)          the first and the last page
      1-9                                that section
      t contents                         jump to a section
      / search                           then n and N: the next and previous hit
      ' or Ctrl-O                        back to before the last jump
      w the glossary                     the terms on this page
      ? help;  Esc closes what is open (or ends a search);  q quits
    """
    from exotour.commands import learn as command

    options = _options(ctx, no_color)
    status = command.run(
        options, section, restart=restart, plain=plain, at=at, watch=watch, theme=theme
    )
    raise typer.Exit(int(status))


@app.command(cls=_Command, short_help="Search the tour; the best passages first.")
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(help='Words to find; "a phrase" or a prefix*.', metavar="QUERY..."),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Show at most N hits.", metavar="N")
    ] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
    no_color: NoColor = False,
) -> None:
    """Search the tour; the best passages first, with the command that opens each."""
    from exotour.commands import search as command

    options = _options(ctx, no_color)
    raise typer.Exit(int(command.run(options, query, limit=limit, as_json=as_json)))


@app.command(cls=_Command, short_help="The gist of the whole tour on one screen.")
def summary(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    as_markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the summary as Markdown.")
    ] = False,
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    """The gist of the whole tour on one screen: one takeaway per section."""
    from exotour.commands import summary as command

    options = _options(ctx, no_color, no_pager)
    raise typer.Exit(int(command.run(options, as_json=as_json, as_markdown=as_markdown)))


@app.command(cls=_Command, short_help="The contents, with ids, reading time and progress.")
def sections(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contents as JSON.")] = False,
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    """The contents: number, id, title, reading time and what you have read."""
    from exotour.commands import sections as command

    raise typer.Exit(int(command.run(_options(ctx, no_color, no_pager), as_json=as_json)))


@app.command(cls=_Command, short_help="Print one section in full, with no keys to press.")
def show(
    ctx: typer.Context,
    section: Annotated[
        str, typer.Argument(help="An id, a number, or the start of a title.", metavar="SECTION")
    ],
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    """Print one section in full, with no keys to press."""
    from exotour.commands import show as command

    raise typer.Exit(int(command.run(_options(ctx, no_color, no_pager), section)))


@app.command(cls=_Command, short_help="The whole tour as one Markdown or HTML document.")
def export(
    ctx: typer.Context,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown or html (default: what FILE's extension says, else markdown).",
            metavar="FORMAT",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE, a .md or .html file ('-': stdout, the default).",
            metavar="FILE",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite FILE if it is a file that exists.")
    ] = False,
    no_color: NoColor = False,
) -> None:
    """The whole tour, sources included, as one document to share or print."""
    from exotour.commands import export as command

    options = _options(ctx, no_color)
    raise typer.Exit(int(command.run(options, format_, output, force=force)))


@app.command(cls=_Command, short_help="The key terms in plain words, or one term.")
def glossary(
    ctx: typer.Context,
    term: Annotated[
        str | None, typer.Argument(help="Show one term (aliases work too).", metavar="TERM")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the terms (or TERM) as JSON.")
    ] = False,
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    """The key terms in plain words, or one term with the sections that use it."""
    from exotour.commands import glossary as command

    raise typer.Exit(int(command.run(_options(ctx, no_color, no_pager), term, as_json=as_json)))


@app.command(cls=_Command, short_help="A short multiple-choice check, with a score.")
def quiz(
    ctx: typer.Context,
    section: Annotated[
        str | None, typer.Argument(help="Only this section's questions.", metavar="SECTION")
    ] = None,
    no_color: NoColor = False,
) -> None:
    """A short multiple-choice check with explanations and a score."""
    from exotour.commands import quiz as command

    raise typer.Exit(int(command.run(_options(ctx, no_color), section)))


@app.command(cls=_Command, short_help="Check a content folder; list every problem.")
def validate(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="The content folder to check (default: the one in use).", metavar="DIR"
        ),
    ] = None,
    no_color: NoColor = False,
) -> None:
    """Check a content folder and report every problem as file:line:column: message."""
    from exotour.commands import validate as command

    raise typer.Exit(int(command.run(_options(ctx, no_color), folder)))


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the Typer app on ARGV and exit; entry.main (the `exotour` script) runs the plainest
    command lines without loading Typer. Every failure becomes a message and a status: Click's
    here, all others in entry.guarded."""
    from exotour.errors import fail, guarded

    def invoke() -> int:
        try:
            # Not standalone: Typer returns exit codes instead of exiting, and raises usage
            # errors for us to print in our own format.
            status = app(args=argv, prog_name="exotour", standalone_mode=False)
        except typer.Abort:
            return int(ExitStatus.INTERRUPTED)
        except UsageError as exc:
            command = exc.ctx.command_path if exc.ctx else "exotour"
            fail(exc.format_message(), f"try '{command} --help'", int(ExitStatus.ERROR))
        except ClickException as exc:
            fail(exc.format_message(), None, int(ExitStatus.ERROR))
        return status if isinstance(status, int) else int(ExitStatus.OK)

    guarded(invoke)
