#!/usr/bin/env python3
"""Write docs/exotour.1, the manual page exotour(1), from the Typer app that `--help` reads.

    python scripts/manpage.py           # write docs/exotour.1
    python scripts/manpage.py --check   # exit 1 if docs/exotour.1 differs from the app
    man docs/exotour.1                  # read it before installing

The commands, their usage lines, options, arguments and help text come from the app, through
Click's own help records (what `exotour COMMAND --help` prints); a block of help that Click keeps
as it is (the keys of `learn`) becomes a table. The exit statuses come from
exotour.errors.ExitStatus; the environment and the files are described here. The page is dated
the day its text last changed: the date in the file is kept while the rest stays the same. It
passes `mandoc -T lint` (.ci/run). The wheel installs the page as share/man/man1/exotour.1
(pyproject's shared-data), so `man exotour` finds it where the installer links man pages.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "docs" / "exotour.1"
# The page in each language: the help from the catalogue, the page's own prose from here.
PAGES = {"en": PAGE, "es": REPO / "docs" / "es" / "exotour.1"}

EXIT_STATUS = {
    "OK": "Success.",
    "NO_MATCH": "A search that found nothing, as grep(1) has it.",
    "ERROR": "A usage error, or content that is invalid.",
    "INTERRUPTED": "Interrupted (Ctrl-C); another signal N gives 128+N (143 for SIGTERM).",
}
ENVIRONMENT = {
    "EXOTOUR_CONTENT": "The content folder to read, as --content does.",
    "EXOTOUR_LANG": "The interface language (en or es), as --lang does.",
    "LANGUAGE, LC_ALL, LC_MESSAGES, LANG": "Without --lang or EXOTOUR_LANG, the first of these "
    "that is set chooses the language, as gettext(3) reads them; C, POSIX and a language "
    "exotour has no catalogue for give English.",
    "EXOTOUR_STATE_DIR": "Where the reading progress is kept, instead of the user state folder.",
    "EXOTOUR_CACHE_DIR": "Where the tour and search caches are kept, instead of the user cache "
    "folder.",
    "XDG_STATE_HOME, XDG_CACHE_HOME": "The user state and cache folders, on Linux and the BSDs.",
    "EXOTOUR_DEBUG": "When set to anything but empty or 0, an error also shows the traceback "
    "behind it, before its message.",
    "NO_COLOR": "When set and not empty, no colours, as --no-color does; bold, reverse and "
    "underline stay, so a choice still shows. It wins over FORCE_COLOR and CLICOLOR_FORCE.",
    "CLICOLOR": "A value of 0 means no colours, as NO_COLOR does.",
    "FORCE_COLOR, CLICOLOR_FORCE": "When set and not empty (and CLICOLOR_FORCE not 0), styled "
    "output even into a pipe or a file, or on TERM=dumb.",
    "ACCESSIBLE": "When set and not 0, no box drawing or symbols, as --ascii does, for screen "
    "readers.",
    "TERM": "A value of dumb (or unknown) gives plain text with no escape codes, and no pager.",
    "COLORFGBG": "Whether the terminal's background is light or dark, for the colours of learn "
    "(--theme overrides it).",
    "COLUMNS, LINES": "The size to draw for, instead of the terminal's (80 columns where there "
    "is no terminal); a value that is not a number from 1 to 10000 is ignored.",
    "PAGER": "The pager for output taller than the terminal (default: less \\-R); empty or cat "
    "means none.",
    "LESS, LV": "Options for less(1) and lv(1); when unset, exotour runs them with FRX and \\-c.",
}
FILES = {
    "$XDG_STATE_HOME/exotour/progress.json": "Where each tour was left, its ticks and quiz "
    "scores (on Linux, ~/.local/state/exotour/ by default).",
    "$XDG_CACHE_HOME/exotour/": "The validated tours and search indexes, rebuilt whenever the "
    "content changes (on Linux, ~/.cache/exotour/ by default); safe to delete.",
}


# -- the page's own prose in Spanish (the help comes from the catalogue) --
SPANISH = {
    "headings": {
        "NAME": "NOMBRE",
        "SYNOPSIS": "SINOPSIS",
        "DESCRIPTION": "DESCRIPCIÓN",
        "OPTIONS": "OPCIONES",
        "COMMANDS": "COMANDOS",
        "EXIT STATUS": "ESTADO DE SALIDA",
        "ENVIRONMENT": "ENTORNO",
        "FILES": "ARCHIVOS",
        "SEE ALSO": "VÉASE TAMBIÉN",
    },
    "section": "Órdenes de usuario",
    "description": (
        "exotour le guía por lo que dice un artículo promocional sobre la terapia con exosomas, "
        "sección por sección, y a su lado lo que dicen las autoridades reguladoras y las "
        "sociedades científicas, con fuentes y fechas. Es información educativa, no un consejo "
        "médico. Sin comando muestra la pantalla de bienvenida; con --content se puede leer la "
        "carpeta de contenido de otra visita."
    ),
    "exit": {
        "OK": "Éxito.",
        "NO_MATCH": "Una búsqueda que no encontró nada, como en grep(1).",
        "ERROR": "Un error de uso, o un contenido que no es válido.",
        "INTERRUPTED": "Interrumpido (Ctrl-C); otra señal N da 128+N (143 para SIGTERM).",
    },
    "environment": {
        "EXOTOUR_CONTENT": "La carpeta de contenido que leer, como hace --content.",
        "EXOTOUR_LANG": "El idioma de la interfaz (en o es), como hace --lang.",
        "LANGUAGE, LC_ALL, LC_MESSAGES, LANG": "Sin --lang ni EXOTOUR_LANG, la primera de "
        "estas variables que tenga valor elige el idioma, como las lee gettext(3); C, POSIX y "
        "un idioma sin catálogo en exotour dan inglés.",
        "EXOTOUR_STATE_DIR": "Dónde se guarda el progreso de lectura, en lugar de la carpeta "
        "de estado del usuario.",
        "EXOTOUR_CACHE_DIR": "Dónde se guardan las cachés de la visita y de la búsqueda, en "
        "lugar de la carpeta de caché del usuario.",
        "XDG_STATE_HOME, XDG_CACHE_HOME": "Las carpetas de estado y de caché del usuario, en "
        "Linux y en los BSD.",
        "EXOTOUR_DEBUG": "Con cualquier valor que no sea vacío ni 0, un error muestra también "
        "la traza que hay detrás, antes de su mensaje.",
        "NO_COLOR": "Con un valor no vacío, sin colores, como hace --no-color; la negrita, el "
        "vídeo inverso y el subrayado se mantienen, para que una elección se siga viendo. Tiene "
        "prioridad sobre FORCE_COLOR y CLICOLOR_FORCE.",
        "CLICOLOR": "El valor 0 significa sin colores, como NO_COLOR.",
        "FORCE_COLOR, CLICOLOR_FORCE": "Con un valor no vacío (y CLICOLOR_FORCE distinto de 0), "
        "salida con estilos incluso hacia una tubería o un archivo, o con TERM=dumb.",
        "ACCESSIBLE": "Con un valor distinto de 0, sin marcos ni símbolos, como hace --ascii, "
        "para lectores de pantalla.",
        "TERM": "El valor dumb (o uno desconocido) da texto simple sin secuencias de escape, y "
        "sin paginador.",
        "COLORFGBG": "Si el fondo de la terminal es claro u oscuro, para los colores de learn "
        "(--theme tiene prioridad).",
        "COLUMNS, LINES": "El tamaño para el que dibujar, en lugar del de la terminal (80 "
        "columnas si no hay terminal); se ignora un valor que no sea un número de 1 a 10000.",
        "PAGER": "El paginador para la salida más alta que la terminal (por defecto: less "
        "\\-R); vacío o cat significa ninguno.",
        "LESS, LV": "Opciones para less(1) y lv(1); sin valor, exotour los ejecuta con FRX y \\-c.",
    },
    "files": {
        "$XDG_STATE_HOME/exotour/progress.json": "Dónde se dejó cada visita, sus marcas y "
        "los resultados de las pruebas de repaso (en Linux, ~/.local/state/exotour/ por "
        "defecto).",
        "$XDG_CACHE_HOME/exotour/": "Las visitas validadas y los índices de búsqueda, que "
        "se rehacen cada vez que cambia el contenido (en Linux, ~/.cache/exotour/ por defecto); "
        "se pueden borrar sin riesgo.",
    },
    "see_also": (
        "exotour COMMAND --help; para escribir una visita propia, la guía de autores "
        "(authoring.md, instalada con exotour: exotour new indica dónde)."
    ),
}


def _prose(language: str) -> dict[str, Any]:
    """The page's own words in LANGUAGE: English as written above, or its translation."""
    if language == "es":
        return SPANISH
    headings = ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS")
    headings += ("ENVIRONMENT", "FILES", "SEE ALSO")
    return {
        "headings": {heading: heading for heading in headings},
        "section": "User Commands",
        "description": DESCRIPTION,
        "exit": EXIT_STATUS,
        "environment": ENVIRONMENT,
        "files": FILES,
        "see_also": SEE_ALSO,
    }


DESCRIPTION = (
    "exotour walks you through what a promotional article says about exosome therapy, "
    "section by section, and beside it what regulators and scientific societies say, "
    "with sources and dates. It is educational information, not medical advice. With "
    "no command it shows the welcome screen; another tour's content folder can be read "
    "with --content."
)
SEE_ALSO = (
    "exotour COMMAND --help; for writing a tour of your own, the authoring guide "
    "(authoring.md, installed with exotour: exotour new names where)."
)


def roff(text: str) -> str:
    """TEXT safe in roff lines of at most 80 bytes: backslashes and hyphens escaped, long lines
    folded at spaces, and no line read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # Letters beyond ASCII as roff's own escapes: any man formatter reads them, with no
    # encoding to guess, and mandoc counts a line's length in them.
    text = "".join(char if char.isascii() else f"\\[u{ord(char):04X}]" for char in text)
    lines = [folded for line in text.splitlines() for folded in _folded(line)]
    return "\n".join(f"\\&{line}" if line.startswith((".", "'")) else line for line in lines)


def _folded(line: str) -> list[str]:
    """LINE folded at spaces into lines of at most 76 characters."""
    return textwrap.wrap(line, 76, break_long_words=False, break_on_hyphens=False) or [""]


def _paragraphs(text: str | None) -> list[str]:
    return [
        block.strip("\n") if block.startswith("\b") else " ".join(block.split())
        for block in (text or "").split("\n\n")
        if block.strip()
    ]


def _block(paragraph: str) -> list[str]:
    """A paragraph as roff: a block that Click keeps as it is (`\\b`: a caption, then rows of
    two columns two spaces apart) as a table, any other as text."""
    if not paragraph.startswith("\b"):
        return [roff(paragraph)]
    caption, *rows = paragraph.removeprefix("\b").strip("\n").splitlines()
    lines = [roff(caption), ".TS", "l l."]
    for row in rows:
        cells = re.split(r"\s{2,}", row.strip(), maxsplit=1)
        lines.append("\t".join(roff(cell) for cell in cells))
    return [*lines, ".TE"]


def _records(command: Any, context: Any) -> list[str]:
    from exotour.helptext import help_record

    lines: list[str] = []
    for param in command.get_params(context):
        record = help_record(param, context)
        if record is None:
            continue
        usage, description = record
        lines += [".TP", f"\\fB{roff(usage)}\\fR", roff(" ".join(description.split()))]
    return lines


def _dated(page: Path = PAGE) -> str | None:
    """The date of PAGE as it is now, if it has one."""
    current = page.read_text(encoding="utf-8") if page.exists() else ""
    found = re.search(r"^\.TH EXOTOUR 1 (\d{4}-\d\d-\d\d) ", current, re.M)
    return found[1] if found else None


def render(date: str | None = None, language: str = "en") -> str:
    """The page in LANGUAGE, dated DATE (YYYY-MM-DD; default: the date the page has now, else
    today)."""
    import typer

    from exotour import __version__, i18n
    from exotour.cli import app
    from exotour.errors import ExitStatus
    from exotour.helptext import help_text

    i18n.use(language)
    prose = _prose(language)
    heading = prose["headings"]
    date = date or _dated(PAGES[language]) or datetime.date.today().isoformat()
    group = typer.main.get_command(app)
    root = typer.Context(group, info_name="exotour", **group.context_settings)  # -h too
    summary = _paragraphs(help_text(group.help))[0]
    lines = [
        "'\\\" t",  # tables: man runs tbl(1) first
        '.\\" Generated by scripts/manpage.py from exotour/cli.py; do not edit.',
        f'.TH EXOTOUR 1 {date} "exotour {__version__}" "{roff(prose["section"])}"',
        f".SH {roff(heading['NAME'])}",
        roff(f"exotour - {summary[0].lower()}{summary[1:].rstrip('.')}"),
        f".SH {roff(heading['SYNOPSIS'])}",
        ".B exotour",
        "[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fIARGS\\fR]...]",
        f".SH {roff(heading['DESCRIPTION'])}",
        roff(prose["description"]),
        f".SH {roff(heading['OPTIONS'])}",
        *_records(group, root),
        f".SH {roff(heading['COMMANDS'])}",
    ]
    for name, command in group.commands.items():
        context = typer.Context(command, info_name=name, parent=root)
        usage = " ".join(command.collect_usage_pieces(context))
        lines += [".SS", f"\\fBexotour {roff(name)}\\fR {roff(usage)}"]
        for number, paragraph in enumerate(_paragraphs(help_text(command.help))):
            lines += [".PP"] if number else []
            lines += _block(paragraph)
        lines += _records(command, context)
    lines.append(f".SH {roff(heading['EXIT STATUS'])}")
    for status in ExitStatus:
        lines += [".TP", f"\\fB{int(status)}\\fR", roff(prose["exit"][status.name])]
    lines.append(f".SH {roff(heading['ENVIRONMENT'])}")
    for name, text in prose["environment"].items():
        lines += [".TP", f"\\fB{roff(name)}\\fR", roff(text)]
    lines.append(f".SH {roff(heading['FILES'])}")
    for name, text in prose["files"].items():
        lines += [".TP", f"\\fI{roff(name)}\\fR", roff(text)]
    lines += [f".SH {roff(heading['SEE ALSO'])}", roff(prose["see_also"])]
    i18n.use(None)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is stale")
    args = parser.parse_args(argv)
    stale = 0
    for language, page in PAGES.items():
        current = page.read_text(encoding="utf-8") if page.exists() else ""
        wanted = render(language=language)
        if wanted != current and not args.check:  # the text changed: dated today
            wanted = render(datetime.date.today().isoformat(), language)
        if current == wanted:
            continue
        if args.check:
            print(f"{page.relative_to(REPO)} differs from cli.py: run scripts/manpage.py")
            stale = 1
            continue
        from exotour.state.atomic import write_atomically

        page.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(page, wanted, shared=True)
        print(f"wrote {page.relative_to(REPO)}")
    return stale


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.exit(main())
