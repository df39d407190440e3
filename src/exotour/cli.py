"""The command line: parse, call one core function, print what it returns, map errors to exits.

No logic lives here. Every error reaches `main` (or entry.main, the script, which runs the
plainest command lines without Typer), and entry.guarded prints `exotour: error: ...` on stderr
and exits with the documented status; nobody sees a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

# Typer 0.28 vendors Click; its exceptions are reachable only here.
from typer._click.exceptions import ClickException, UsageError

from exotour import __version__
from exotour.commands import Options
from exotour.errors import ExitStatus

app = typer.Typer(
    name="exotour",
    help="A guided tour of exosome therapy in the terminal, with what the evidence says.",
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _options(ctx: typer.Context) -> Options:
    options = ctx.find_object(Options)
    return options if options is not None else Options()


NO_PAGER_HELP = "Print long output instead of showing it in $PAGER."


def _paged(ctx: typer.Context, no_pager: bool) -> Options:
    """The options, with a --no-pager given after the command as well as before it."""
    options = _options(ctx)
    options.no_pager = options.no_pager or no_pager
    return options


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
            show_default=False,
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colours (bold stays), as NO_COLOR does.")
    ] = False,
    ascii_only: Annotated[
        bool,
        typer.Option("--ascii", help="No box drawing or symbols, as ACCESSIBLE=1 does."),
    ] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help=NO_PAGER_HELP)] = False,
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


@app.command()
def learn(
    ctx: typer.Context,
    section: Annotated[
        str | None,
        typer.Argument(help="Open this section: an id, a number, or the start of a title."),
    ] = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Start again from the beginning.")
    ] = False,
    plain: Annotated[
        bool, typer.Option("--plain", help="Print the tour as plain text, with no keys.")
    ] = False,
) -> None:
    """Walk through the tour page by page; it remembers where you stopped."""
    from exotour.commands import learn as command

    status = command.run(_options(ctx), section, restart=restart, plain=plain)
    raise typer.Exit(int(status))


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help='Words to find; "a phrase" or a prefix*.')],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N hits.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
) -> None:
    """Search the tour; the best passages first, with the command that opens each."""
    from exotour.commands import search as command

    raise typer.Exit(int(command.run(_options(ctx), query, limit=limit, as_json=as_json)))


@app.command()
def summary(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    as_markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the summary as Markdown.")
    ] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help=NO_PAGER_HELP)] = False,
) -> None:
    """The gist of the whole tour on one screen: one takeaway per section."""
    from exotour.commands import summary as command

    options = _paged(ctx, no_pager)
    raise typer.Exit(int(command.run(options, as_json=as_json, as_markdown=as_markdown)))


@app.command()
def sections(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contents as JSON.")] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help=NO_PAGER_HELP)] = False,
) -> None:
    """The contents: number, id, title, reading time and what you have read."""
    from exotour.commands import sections as command

    raise typer.Exit(int(command.run(_paged(ctx, no_pager), as_json=as_json)))


@app.command()
def show(
    ctx: typer.Context,
    section: Annotated[
        str, typer.Argument(help="An id, a number, or the start of a title.", metavar="SECTION")
    ],
    no_pager: Annotated[bool, typer.Option("--no-pager", help=NO_PAGER_HELP)] = False,
) -> None:
    """Print one section in full, with no keys to press."""
    from exotour.commands import show as command

    raise typer.Exit(int(command.run(_paged(ctx, no_pager), section)))


@app.command()
def export(
    ctx: typer.Context,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown or html (default: from FILE's extension, else markdown).",
            metavar="FORMAT",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to FILE ('-': stdout, the default).", metavar="FILE"
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """The whole tour, sources included, as one document to share or print."""
    from exotour.commands import export as command

    raise typer.Exit(int(command.run(_options(ctx), format_, output, force=force)))


@app.command()
def glossary(
    ctx: typer.Context,
    term: Annotated[str | None, typer.Argument(help="Show one term (aliases work too).")] = None,
    no_pager: Annotated[bool, typer.Option("--no-pager", help=NO_PAGER_HELP)] = False,
) -> None:
    """The key terms in plain words, or one term."""
    from exotour.commands import glossary as command

    raise typer.Exit(int(command.run(_paged(ctx, no_pager), term)))


@app.command()
def quiz(
    ctx: typer.Context,
    section: Annotated[str | None, typer.Argument(help="Only this section's questions.")] = None,
) -> None:
    """A short multiple-choice check with explanations and a score."""
    from exotour.commands import quiz as command

    raise typer.Exit(int(command.run(_options(ctx), section)))


@app.command()
def validate(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="The content folder to check (default: the one in use).", metavar="DIR"
        ),
    ] = None,
) -> None:
    """Check a content folder and report every problem as file:line:column: message."""
    from exotour.commands import validate as command

    raise typer.Exit(int(command.run(_options(ctx), folder)))


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
