"""The command side in Spanish (issue 22): errors and hints, --help, tab completion and the
walkthrough's overlays follow --lang and the locale variables; English stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import Result, run_cli, run_typer
from rich.console import Console

from exotour import i18n
from exotour.model import Tour
from exotour.tui.overlays import ContentsOverlay, HelpOverlay
from exotour.typer_gettext import click_message

# Each error path: the command line, the exit status, and stderr in Spanish, word for word.
ERRORS = [
    (
        ["search", "-n", "0", "x"],
        2,
        "exotour: error: Valor no válido para '--limit' / '-n': 0 no está en el intervalo x>=1.\n"
        "exotour: sugerencia: pruebe 'exotour search --help'\n",
    ),
    (
        ["lern"],
        2,
        "exotour: error: No existe el comando 'lern'. ¿Quiso decir 'learn'?\n"
        "exotour: sugerencia: pruebe 'exotour --help'\n",
    ),
    (
        ["learn", "--bogus"],
        2,
        "exotour: error: No existe la opción: --bogus\n"
        "exotour: sugerencia: pruebe 'exotour learn --help'\n",
    ),
    (
        ["search"],
        2,
        "exotour: error: Falta el argumento 'QUERY...'.\n"
        "exotour: sugerencia: pruebe 'exotour search --help'\n",
    ),
    (
        ["export", "-f", "pdf"],
        2,
        "exotour: error: formato desconocido 'pdf'\n"
        "exotour: sugerencia: elija uno de: markdown, html\n",
    ),
    (
        ["learn", "--theme", "blue"],
        2,
        "exotour: error: --theme 'blue' no es light ni dark\n"
        "exotour: sugerencia: pruebe --theme light\n",
    ),
    (
        ["summary", "--json", "--markdown"],
        2,
        "exotour: error: --json y --markdown no se pueden usar juntos\n"
        "exotour: sugerencia: elija uno: 'exotour summary --json' o "
        "'exotour summary --markdown'\n",
    ),
    (
        ["search", "xyzzyq"],
        1,
        "exotour: error: no hay resultados para 'xyzzyq'\n"
        "exotour: sugerencia: pruebe otra palabra, o el comienzo de una seguido de *, como en "
        "colág*\n",
    ),
    (
        ["decide", "--json", "-o", "x.md"],
        2,
        "exotour: error: --json y --output no se pueden usar juntos\n"
        "exotour: sugerencia: use --json para mostrar la hoja de decisión, o --output FILE para "
        "escribir la hoja para la consulta\n",
    ),
    (
        ["--content", "", "sections"],
        2,
        "exotour: error: Valor no válido para '--content' (variable de entorno: "
        "'EXOTOUR_CONTENT'): una ruta vacía no nombra ninguna carpeta (para esta carpeta, "
        "escriba '.')\n"
        "exotour: sugerencia: pruebe 'exotour --help'\n",
    ),
]


@pytest.mark.parametrize(("args", "status", "err"), ERRORS)
def test_errors_in_spanish_with_lang_es(
    args: list[str], status: int, err: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["--lang", "es", *args], capsys) == Result(status, "", err)


@pytest.mark.parametrize(("args", "status", "err"), ERRORS)
def test_errors_in_spanish_with_lang_variable(
    args: list[str],
    status: int,
    err: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LANGUAGE")
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert run_cli(args, capsys) == Result(status, "", err)


@pytest.mark.parametrize("lang", ["C", "en_US.UTF-8"])
def test_errors_in_english_as_before(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LANGUAGE")
    monkeypatch.setenv("LANG", lang)
    assert run_cli(["search", "-n", "0", "x"], capsys) == Result(
        2,
        "",
        "exotour: error: Invalid value for '--limit' / '-n': 0 is not in the range x>=1.\n"
        "exotour: hint: try 'exotour search --help'\n",
    )


def test_click_messages_unknown_to_the_table_stay_as_click_wrote_them() -> None:
    i18n.use("es")
    assert click_message("Something Click says.") == "Something Click says."
    assert click_message("Option '--at' requires an argument.") == (
        "La opción '--at' necesita un argumento."
    )
    i18n.use("en")
    assert click_message("Option '--at' requires an argument.") == (
        "Option '--at' requires an argument."
    )


@pytest.mark.parametrize("runner", [run_cli, run_typer])
def test_search_help_in_spanish(runner: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert callable(runner)
    result = runner(["--lang", "es", "search", "--help"], capsys)
    assert result == Result(
        0,
        "Uso: exotour search [OPTIONS] QUERY...\n"
        "\n"
        "  Busca en la visita; los mejores pasajes primero, con el comando que abre\n"
        "  cada uno.\n"
        "\n"
        "Argumentos:\n"
        '  QUERY...  Palabras que buscar; "una frase" o un prefijo*.  [obligatorio]\n'
        "\n"
        "Opciones:\n"
        "  -n, --limit N  Mostrar como máximo N resultados.  [por defecto: 10; x>=1]\n"
        "  --json         Mostrarlo como JSON (claves: vea el README).\n"
        "  --no-color     Sin colores (la negrita se mantiene), como hace NO_COLOR.\n"
        "  -h, --help     Mostrar este mensaje y salir.\n"
        "\n"
        "Opciones globales, antes o después del comando: --content DIR, --lang LANG,\n"
        "--no-color, --ascii y --no-pager.\n",
        "",
    )


def test_learn_help_keys_in_spanish_with_the_keys_as_they_are(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "es")
    out = run_cli(["learn", "--help"], capsys).out
    assert "  Teclas (basta una tecla; no hace falta Enter):\n" in out
    assert "    → n Space Enter j f PgDn ↓  página siguiente\n" in out
    assert "    q Ctrl-C                    salir (se guarda el lugar)\n" in out
    assert "[variable de entorno" not in out  # learn has no variable of its own


def test_the_group_help_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_cli(["--help", "--lang", "es"], capsys).out
    assert out.startswith("Uso: exotour [OPTIONS] COMMAND [ARGS]...\n")
    assert "[variable de entorno: EXOTOUR_CONTENT]" in out
    assert "  learn     Lee la visita, página a página.\n" in out
    assert "  -h, --help            Mostrar este mensaje y salir.\n" in out


def _complete(
    line: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setenv("_EXOTOUR_COMPLETE", "complete_zsh")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", line)
    result = run_cli([], capsys)
    assert (result.status, result.err) == (0, "")
    return result.out


def test_completion_describes_commands_and_options_in_spanish(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "es")
    commands = _complete("exotour se", monkeypatch, capsys)
    assert '"search":"Busca en la visita; los mejores pasajes primero."' in commands
    options = _complete("exotour search --", monkeypatch, capsys)
    assert '"--limit":"Mostrar como máximo N resultados."' in options
    monkeypatch.setenv("LANGUAGE", "en")
    assert '"--limit":"Show at most N hits."' in _complete("exotour search --", monkeypatch, capsys)


def _drawn(renderable: object, width: int, height: int) -> str:
    console = Console(width=width, height=height, color_system=None, record=True)
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize(("width", "height"), [(80, 24), (40, 15)])
def test_overlays_in_spanish(tour: Tour, width: int, height: int) -> None:
    i18n.use("es")
    help_screen = _drawn(HelpOverlay(tour).screen((width, height)), width, height)
    assert "Teclas" in help_screen
    assert "cualquier tecla: volver a la visita" in help_screen
    assert "next page" not in help_screen and "any key" not in help_screen
    if width == 80:  # the whole table fits, as in English: one key a line
        assert "│ → n Space Enter j f PgDn ↓  página siguiente " in help_screen
    contents = _drawn(ContentsOverlay(tour, frozenset()).screen((width, height)), width, height)
    assert "Índice (✓ leída, 2/5 páginas vistas)"[: width - 6] in contents
    assert "elegir" in contents and "Esc" in contents and "choose" not in contents
    assert all(len(line) <= width for line in contents.splitlines())


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Wrote {file} (html, {size} bytes)\n"),
        ("es", "Se escribió {file} (html, {size} bytes)\n"),
    ],
)
@pytest.mark.parametrize("command", [["export", "-f", "html"], ["decide"]])
def test_the_written_file_line_groups_its_number_as_the_language_does(
    lang: str,
    said: str,
    command: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "out.html"
    result = run_cli(["--lang", lang, *command, "-o", str(target)], capsys)
    size = len(target.read_bytes())
    assert size > 9999  # a number that is grouped: 12,345 in English, 12 345 in Spanish
    grouped = f"{size:,}" if lang == "en" else f"{size:,}".replace(",", " ")
    assert result == Result(0, said.format(file=target, size=grouped), "")


def test_new_says_what_comes_next_in_spanish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["--lang", "es", "new", str(tmp_path / "mi-visita")], capsys)
    assert (result.status, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[1] == "Después:"
    assert lines[2].endswith("   revísela después de cada cambio")
    assert lines[3].endswith("   léala mientras escribe")
