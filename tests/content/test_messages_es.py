"""validate's problems, load errors and progress warnings in Spanish, by --lang es and by LANG.

Each class of message the content and state layers say (a YAML syntax error, a missing field, a
wrong type, an unknown field, an unknown section id, an encoding, a limit, a damaged progress
file) is checked with its exact Spanish output and exit status; field names, file names and
values quoted from the tour stay as written. The English output is held by the tests beside
this one (test_validate.py, tests/broken/*/expected.txt), unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import REPO, Result, run_cli, write_content

from exotour import i18n
from exotour.errors import Problem

BROKEN = REPO / "tests" / "broken"
EXAMPLE = REPO / "examples" / "first-tour"
FIELDS = "id, title, takeaway, gist, keywords, added_by_tour, body, evidence, quiz, options_grid"
OK = "3 secciones, 4 términos del glosario, 3 preguntas: correcto\n"

SPANISH = {
    "yaml-syntax-unclosed-list": (
        "sections/start-here.yaml:6:5: error de sintaxis YAML: no se encontró la ',' o el ']' "
        "esperado\n"
    ),
    "yaml-undefined-alias": (
        "sections/start-here.yaml:5:11: error de sintaxis YAML: hay un alias sin definir "
        "(un alias (*nombre) necesita antes un ancla (&nombre))\n"
    ),
    "missing-fields": (
        "sections/start-here.yaml:2:1: title: falta (es obligatorio)\n"
        "sections/start-here.yaml:2:1: body: falta (es obligatorio)\n"
    ),
    "ill-typed-fields": (
        "sections/start-here.yaml:3:8: title: se esperaba texto; se encontró una lista\n"
        "sections/start-here.yaml:5:11: keywords: se esperaba una lista; se encontró texto\n"
        "sections/start-here.yaml:6:16: added_by_tour: se esperaba true o false; "
        "se encontró texto\n"
        "sections/start-here.yaml:8:3: body: se esperaba texto; se encontró un mapeo\n"
    ),
    "numbers-in-other-forms": (
        "sections/check-and-share.yaml:30:13: quiz[0].answer: YAML lee '010' como un número "
        "octal (empieza por 0), 8 en decimal; escriba solo cifras decimales\n"
        "sections/write-a-section.yaml:32:15: evidence[0].sources[0].year: se esperaba un "
        "número entero; se encontró '09', que YAML lee como texto (un 0 delante indica octal); "
        "escriba 9\n"
        "sections/write-a-section.yaml:40:13: quiz[0].answer: YAML lee "
        "'0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF…' como un número hexadecimal; escriba solo "
        "cifras decimales\n"
        "sections/write-a-section.yaml:46:13: quiz[1].answer: YAML lee '1_0' como un número "
        "con guiones bajos, 10 en decimal; escriba solo cifras decimales\n"
    ),
    "listed-section-misspelt": (
        "tour.yaml:8:5: sections[0]: ningún archivo de sección tiene el id 'start-her' "
        "(¿quiso decir 'start-here'?)\n"
        "sections/start-here.yaml:2:5: id: la sección 'start-here' no está en la lista de "
        "tour.yaml\n"
    ),
    "duplicate-section-id": (
        "sections/start-here.yaml:2:5: id: el id de sección 'start-here' también lo usa "
        "sections/copy-of-start-here.yaml\n"
    ),
    "tour-file-misnamed": (
        "tour.yaml:1:1: falta el archivo de la visita (da el título y el orden); existe "
        "tour.yml: cámbiele el nombre a tour.yaml\n"
    ),
    "source-citation-faults": (
        "sections/write-a-section.yaml:37:19: evidence[0].sources[2].accessed: '2026-02-30' no "
        "es una fecha escrita AAAA-MM-DD, como 2026-12-01\n"
        "sections/write-a-section.yaml:30:9: evidence[0].sources[0]: necesita author, title o "
        "reference\n"
        "sections/write-a-section.yaml:32:9: evidence[0].sources[1]: necesita year, o accessed "
        "para una página sin fecha\n"
        "sections/write-a-section.yaml:39:9: evidence[0].sources[3]: necesita url, doi o "
        "reference\n"
    ),
    "quiz-choices": (
        "sections/write-a-section.yaml:37:7: quiz[0].choices: tiene 1; ponga de 2 a 4\n"
        "sections/write-a-section.yaml:42:7: quiz[1].choices: tiene 5; ponga de 2 a 4\n"
    ),
    "text-too-long": (
        "sections/start-here.yaml:3:8: title: tiene 2001 caracteres; el límite para una línea "
        "es 2000\n"
        "sections/write-a-section.yaml:5:1: body: contiene 200 004 caracteres de texto (con los "
        "alias expandidos); el límite para un campo es 200 000\n"
    ),
    "python-object-apply": (
        "sections/start-here.yaml:5:7: body: la etiqueta "
        "tag:yaml.org,2002:python/object/apply:os.system no está permitida (el contenido son "
        "datos simples)\n"
    ),
    "raw-escape-sequence": (
        "sections/start-here.yaml:10:15: el carácter de control U+001B no está permitido en el "
        "contenido\n"
        "sections/start-here.yaml:10:26: el carácter de control U+001B no está permitido en el "
        "contenido\n"
    ),
    "yaml-two-documents": (
        "sections/start-here.yaml:6:1: error de sintaxis YAML: se esperaba un solo documento, "
        "pero hay otro documento (un archivo contiene un solo documento: quite el segundo "
        "'---')\n"
    ),
    "utf16": "sections/start-here.yaml:1:1: el archivo es texto UTF-16; guárdelo como UTF-8\n",
    "not-utf8": "sections/start-here.yaml:3:35: el archivo no es texto UTF-8 (byte 0xe9)\n",
    "glossary-file-is-a-folder": "glossary.yaml:1:1: glossary.yaml es una carpeta, no un archivo\n",
    "language-not-a-tag": (
        "tour.yaml:6:11: language: 'español' no es una etiqueta de idioma BCP 47, como en, es o "
        "es-MX\n"
    ),
    "unknown-field": (
        "sections/start-here.yaml:4:1: takeway: campo desconocido (¿quiso decir 'takeaway'?); "
        f"campos válidos: {FIELDS}\n"
        "sections/start-here.yaml:2:1: aviso: takeaway: falta; 'exotour summary' no mostrará "
        "ninguna idea clave para esta sección\n"
    ),
}
VERDICTS = {
    "yaml-undefined-alias": "1 error",
    "missing-fields": "2 errores",
    "ill-typed-fields": "4 errores",
    "numbers-in-other-forms": "4 errores",
    "listed-section-misspelt": "2 errores",
    "source-citation-faults": "4 errores",
    "quiz-choices": "2 errores",
    "text-too-long": "2 errores",
    "raw-escape-sequence": "2 errores",
    "unknown-field": "1 error y 1 aviso",
}


def build(case: str, target: Path) -> Path:
    """The example tour at TARGET with the broken case's files laid over it (as test_validate)."""
    shutil.copytree(EXAMPLE, target)
    source = BROKEN / case
    removals = source / "remove.txt"
    for name in removals.read_text(encoding="utf-8").split() if removals.exists() else ():
        (target / name).unlink()
    for path in source.rglob("*"):
        if path.is_file() and path.name not in ("expected.txt", "remove.txt"):
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    return target


@pytest.mark.parametrize("case", sorted(SPANISH))
def test_validate_names_each_problem_in_spanish(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(build(case, tmp_path / "tour"))
    verdict = VERDICTS.get(case, "1 error")
    assert run_cli(["--lang", "es", "validate", "."], capsys) == Result(
        2, SPANISH[case], f"exotour: error: {verdict} en .\n"
    )


@pytest.mark.parametrize("environ", [{"LANG": "es_ES.UTF-8"}, {"LC_ALL": "es_MX.UTF-8"}])
def test_the_locale_alone_gives_spanish_problems(
    environ: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("LANGUAGE")
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(build("missing-fields", tmp_path / "tour"))
    assert run_cli(["validate", "."], capsys) == Result(
        2, SPANISH["missing-fields"], "exotour: error: 2 errores en .\n"
    )


def test_a_warning_alone_passes_in_spanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(build("section-file-in-upper-case", tmp_path / "tour"))
    out = (
        "sections/Extra.YAML:1:1: aviso: no se ha leído: los archivos de sección terminan en "
        ".yaml (en minúsculas); cámbiele el nombre a Extra.yaml\n"
        "sections/folder.yaml:1:1: aviso: folder.yaml es una carpeta, no un archivo; no se ha "
        "leído\n"
        "sections/more.Yml:1:1: aviso: no se ha leído: los archivos de sección terminan en "
        ".yaml (en minúsculas); cámbiele el nombre a more.yml\n"
    )
    assert run_cli(["--lang", "es", "validate", "."], capsys) == Result(0, out + OK, "")


def test_a_broken_tour_stops_another_command_in_spanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build("yaml-syntax-unclosed-list", tmp_path / "tour")
    monkeypatch.chdir(tmp_path)
    result = run_cli(["--lang", "es", "--content", "tour", "sections"], capsys)
    assert result == Result(
        2,
        "",
        "exotour: error: tour/sections/start-here.yaml:6:5: error de sintaxis YAML: no se "
        "encontró la ',' o el ']' esperado\n"
        "exotour: sugerencia: corrija los archivos nombrados arriba y después revise la carpeta "
        "con 'exotour validate DIR'\n",
    )
    assert root.is_dir()


@pytest.mark.parametrize(
    ("make", "message", "hint"),
    [
        (
            None,
            "la carpeta de contenido 'missing' no existe",
            "indique una carpeta que contenga tour.yaml y sections/",
        ),
        (
            "file",
            "'missing' no es una carpeta",
            "indique la carpeta que contiene tour.yaml y sections/, no un archivo que haya dentro",
        ),
    ],
)
def test_a_content_folder_that_is_not_one_in_spanish(
    make: str | None,
    message: str,
    hint: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    if make == "file":
        (tmp_path / "missing").write_text("not a folder\n", encoding="utf-8")
    result = run_cli(["--lang", "es", "validate", "missing"], capsys)
    assert result == Result(2, "", f"exotour: error: {message}\nexotour: sugerencia: {hint}\n")


def test_a_damaged_progress_file_is_named_in_spanish(
    state_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_content(tmp_path / "tour")
    (state_dir / "progress.json").write_text("{not json", encoding="utf-8")
    result = run_cli(["--lang", "es", "--content", str(root), "sections", "--json"], capsys)
    assert result.status == 0
    assert result.err == (
        f"exotour: aviso: el archivo de progreso {state_dir / 'progress.json'} está dañado; "
        "se empieza de nuevo\n"
    )


def test_a_progress_file_in_a_folders_place_in_spanish(
    state_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_content(tmp_path / "tour")
    (state_dir / "progress.json").mkdir()
    result = run_cli(["--lang", "es", "--content", str(root), "sections", "--json"], capsys)
    assert result.status == 0
    assert result.err == (
        f"exotour: aviso: el archivo de progreso {state_dir / 'progress.json'} es una carpeta; "
        "se empieza de nuevo\n"
    )


def test_a_warning_line_in_spanish_and_english() -> None:
    problem = Problem("sections/one.yaml", 2, 1, "takeaway: falta", is_warning=True)
    i18n.use("es")
    assert str(problem) == "sections/one.yaml:2:1: aviso: takeaway: falta"
    i18n.use("en")
    assert str(problem) == "sections/one.yaml:2:1: warning: takeaway: falta"


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ("inflamation", "¿quiso decir inflammation?"),
        ("%%", "busque palabras o números; los signos de puntuación y los símbolos no se indexan"),
    ],
)
def test_a_search_with_no_results_in_spanish(
    query: str, hint: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "id: one\ntitle: One\ntakeaway: It is the first.\nbody: Hello there, inflammation.\n"
    root = write_content(tmp_path / "tour", {"sections/one.yaml": body})
    result = run_cli(["--lang", "es", "--content", str(root), "search", query], capsys)
    assert result == Result(
        1, "", f"exotour: error: no hay resultados para '{query}'\nexotour: sugerencia: {hint}\n"
    )


def test_a_search_with_no_results_by_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LANGUAGE")
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    root = write_content(tmp_path / "tour")
    result = run_cli(["--content", str(root), "search", "zzzz"], capsys)
    assert result == Result(
        1,
        "",
        "exotour: error: no hay resultados para 'zzzz'\nexotour: sugerencia: pruebe otra "
        "palabra, o el comienzo de una seguido de *, como en colág*\n",
    )
