"""The small pieces of Typer and Click that cli.py's definitions use: a group that lets a closed
pipe reach the error boundary, usage lines in one style, a folder path that is never '', the
global options merged, and the app run with every failure made a message and a status."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from exotour import __version__
from exotour.commands import Options
from exotour.commands.completion import complete_section as _complete_section
from exotour.errors import ExitStatus, ReaderLeftError
from exotour.i18n import N_

# Global options that every command accepts after its name too (`exotour summary --no-color`);
# given either side of the command, they are folded into Options, never passed to `run`.
NoColor = Annotated[
    bool, typer.Option("--no-color", help=N_("No colours (bold stays), as NO_COLOR does."))
]
NoPager = Annotated[
    bool, typer.Option("--no-pager", help=N_("Print long output instead of showing it in $PAGER."))
]


# Arguments that several commands share, said the same way everywhere.
Section = Annotated[
    str | None,
    typer.Argument(
        help=N_("A section: an id, a number, or the start of a title."),
        metavar="SECTION",
        autocompletion=_complete_section,
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help=N_("Print it as JSON (keys: see README)."))]


def flag(name: str, help: str) -> Any:
    """An on/off option: `typer.Option(NAME, help=HELP)`, short enough for one line."""
    return typer.Option(name, help=help)


def valued(
    *names: str, help: str, metavar: str, autocompletion: Callable[..., Any] | None = None
) -> Any:
    """An option that takes a value, named METAVAR in the help; no default is shown. Tab
    completes it with AUTOCOMPLETION (its choices), else as the shell would (file names)."""
    return typer.Option(
        *names, help=help, metavar=metavar, show_default=False, autocompletion=autocompletion
    )


class Spoken:
    """Help drawn in the reader's language (exotour.helptext): the usage line, the help text,
    the options and arguments, and (for the group) the list of commands. Click's own methods,
    as its help formatter calls them."""

    help: str | None

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        from exotour.i18n import _

        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), _("Usage: "))

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        from exotour.helptext import help_text

        text = help_text(self.help)
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The line beside the command's name in the list and in tab completion."""
        from exotour.helptext import short_help

        return short_help(self)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """Tab completion's options (and, for the group, commands), described in the reader's
        language."""
        from exotour.i18n import _

        items = list(super().shell_complete(ctx, incomplete))  # type: ignore[misc]
        for item in items:
            if item.help:
                item.help = _(item.help)
        return items

    def format_options(self, ctx: Any, formatter: Any) -> None:
        from exotour.helptext import help_record
        from exotour.i18n import _

        rows: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = help_record(param, ctx)
            if record is not None and param.param_type_name in rows:
                rows[param.param_type_name].append(record)
        for kind, heading in (("argument", _("Arguments")), ("option", _("Options"))):
            if rows[kind]:
                with formatter.section(heading):
                    formatter.write_dl(rows[kind])


class Group(Spoken, TyperGroup):
    """Typer's group, except that a closed pipe reaches errors.guarded (which exits quietly)
    instead of becoming Typer's silent exit 1, and the help is in the reader's language."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # Any: Click's Context
        """The global options read where they are given, before or after the command; the
        language known before Click draws any help."""
        from typer.core import TyperOption

        from exotour.globalopts import hoisted
        from exotour.typer_gettext import lang_option

        lang = lang_option(args)
        if lang is not None:
            from exotour import i18n

            i18n.use(i18n.language_of(lang) or i18n.ENGLISH)
        flags = {
            name: not param.is_flag
            for param in self.params
            if isinstance(param, TyperOption) and param.expose_value and not param.is_eager
            for name in (*param.opts, *param.secondary_opts)
        }
        return list(super().parse_args(ctx, hoisted(args, flags)))

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        from exotour.helptext import short_help
        from exotour.i18n import _

        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, short_help(command)))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise ReaderLeftError from exc


class Command(Spoken, TyperCommand):
    """A command whose usage line names a required argument as SECTION, as an optional one is
    [SECTION]: Typer's own braces ({SECTION}) are one style too many. Its help is in the
    reader's language."""

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        """After the options: the one rule for the global ones."""
        from exotour.globalopts import RULE
        from exotour.i18n import _

        super().format_epilog(ctx, formatter)
        formatter.write_paragraph()
        formatter.write_text(_(RULE))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # Any: Click's Context is private
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


def folder_path(value: str) -> Path:
    """A folder's path as given (Typer's `parser`); never '', which Click would read as the
    current folder, nor one that is there but cannot be read."""
    import os

    from exotour.i18n import _

    if value == "":
        raise typer.BadParameter(_("an empty path names no folder (for this folder, write '.')"))
    path = Path(value)
    if path.exists() and not os.access(path, os.R_OK):
        raise typer.BadParameter(_("'{value}' is not readable").format(value=value))
    return path


def merged_options(ctx: typer.Context, no_color: bool = False, no_pager: bool = False) -> Options:
    """The root's options, with a command's own --no-color and --no-pager merged in."""
    found = ctx.find_object(Options)
    options = found if found is not None else Options()
    return Options(
        options.content,
        no_color=options.no_color or no_color,
        ascii=options.ascii,
        no_pager=options.no_pager or no_pager,
        lang=options.lang,
    )


def show_version(value: bool) -> None:
    if value:
        print(f"exotour {__version__}")
        raise typer.Exit()


def run_app(app: typer.Typer, argv: list[str] | None) -> NoReturn:
    """Run the Typer app on ARGV and exit; entry.main (the `exotour` script) runs the command
    lines it is sure of without loading Typer. Every failure becomes a message and a status:
    Typer's usage errors here, all others in errors.guarded."""
    from exotour.errors import fail, guarded
    from exotour.i18n import _

    def invoke() -> int:
        try:
            # Not standalone: Typer returns exit codes instead of exiting, and raises usage
            # errors for us to print in our own format.
            status = app(args=argv, prog_name="exotour", standalone_mode=False)
        except typer.Abort:
            return int(ExitStatus.INTERRUPTED)
        except typer.TyperException as exc:
            # Typer 0.28 keeps Click inside a private module; the public base of all its
            # errors is TyperException, and usage errors are the ones whose exit_code is 2
            # (Click's own rule); those name the command whose --help tells more.
            hint = None
            if exc.exit_code == 2:
                context = getattr(exc, "ctx", None)
                command = context.command_path if context else "exotour"
                hint = _("try '{command} --help'").format(command=command)
            from exotour.typer_gettext import click_message

            fail(click_message(exc.format_message()), hint, int(ExitStatus.ERROR))
        return status if isinstance(status, int) else int(ExitStatus.OK)

    guarded(invoke)
