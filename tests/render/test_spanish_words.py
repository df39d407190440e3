"""The words drawn around the content, in Spanish and in English: plurals by ngettext (1 and 2 in
both languages), the worksheet's yes and no, the quiz's feedback, the decide screens and the
handout; and a tour's generated Sources section the same whichever language first loaded it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli
from rich.console import RenderableType

from exotour import i18n
from exotour.decision import Decision
from exotour.model import GlossaryEntry, Question, Section, Source, Tour
from exotour.quiz import Feedback, Item, Quiz
from exotour.render.console import offscreen_console
from exotour.render.glossary import listing
from exotour.render.quiz import ending, feedback_block, intro
from exotour.worksheet import Ask, parse, retry_words

TOUR_ES = Path(__file__).resolve().parent / "golden" / "tour-es"


def drawn(renderable: RenderableType, width: int = 80) -> str:
    console = offscreen_console(width)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def _tour(questions: int) -> Tour:
    question = Question("Q?", ("a", "b"), 1, "Why.")
    section = Section("one", "One", "It is.", "Body.", quiz=(question,) * questions)
    terms = tuple(GlossaryEntry(f"Term {n}", "Said.") for n in range(questions))
    return Tour("t", "T", "", "Not advice.", (section,), glossary=terms)


@pytest.mark.parametrize(
    ("language", "count", "heading", "glossary"),
    [
        ("en", 1, "Quiz: 1 question on the whole tour", "Glossary: 1 terms"),  # as before
        ("en", 2, "Quiz: 2 questions on the whole tour", "Glossary: 2 terms"),
        ("es", 1, "Prueba de repaso: 1 pregunta sobre toda la visita", "Glosario: 1 término"),
        ("es", 2, "Prueba de repaso: 2 preguntas sobre toda la visita", "Glosario: 2 términos"),
    ],
)
def test_plurals_for_one_and_two(language: str, count: int, heading: str, glossary: str) -> None:
    i18n.use(language)
    tour = _tour(count)
    quiz = Quiz(tuple(Item(0, "one", "One", q) for q in tour.sections[0].quiz))
    assert drawn(intro(quiz, "all", interactive=True)).splitlines()[0] == heading
    assert drawn(listing(tour.glossary, 80)).splitlines()[0] == glossary


@pytest.mark.parametrize(
    ("language", "count", "line"),
    [
        ("en", 1, "1 result for 'visita', best first"),
        ("es", 1, "1 resultado para 'visita', los mejores primero"),
        ("es", 2, "2 resultados para 'visita', los mejores primero"),
    ],
)
def test_the_search_heading_counts(language: str, count: int, line: str) -> None:
    from exotour.render.results import results_screen

    i18n.use(language)
    assert drawn(results_screen([], "visita", None, width=80, prefix="x")).startswith("0 ")
    words = i18n.ngettext(
        "{count} result for '{query}', best first",
        "{count} results for '{query}', best first",
        count,
    )
    assert words.format(count=count, query="visita") == line


def test_quiz_feedback_and_score_in_spanish() -> None:
    i18n.use("es")
    question = Question("¿Cuál?", ("uno", "dos"), 1, "Porque sí.")
    item = Item(0, "one", "Uno", question)
    wrong = drawn(feedback_block(Feedback(item, 0, False)))
    assert wrong == "✗ No exactamente: la respuesta es la 2, dos. Porque sí.\n"
    assert drawn(feedback_block(Feedback(item, 1, True))) == "✓ Correcto. Porque sí.\n"
    state, _ = Quiz((item, item)).answer(0)
    lines = drawn(ending(_tour(1), state, None)).splitlines()
    assert lines[1:3] == [
        "Resultado: 0/1  (parada tras 1 de 2 preguntas)",
        "Secciones para repasar:",
    ]


@pytest.mark.parametrize(
    ("language", "answers", "retry"),
    [
        ("en", {"y": "yes", "yes": "yes", "n": "no", "s": None}, "'s' is not yes or no."),
        ("es", {"s": "yes", "sí": "yes", "si": "yes", "y": "yes", "n": "no", "no": "no"}, None),
    ],
)
def test_yes_and_no_in_the_language(
    language: str, answers: dict[str, str | None], retry: str | None
) -> None:
    i18n.use(language)
    ask = Ask("sure-1", 2, "yesno", "Sure?")
    assert {said: parse(ask, said) for said in answers} == answers
    if retry:
        assert retry_words(ask, "s") == f"{retry} Type y for yes or n for no."
    else:
        assert (
            retry_words(ask, "")
            == "Una respuesta vacía no es sí ni no. Escriba s para sí o n para no."
        )


def test_the_decide_screens_in_spanish(tour: Tour) -> None:
    from exotour.render.decide import ending as decide_ending
    from exotour.render.decide import heading, prompt_text
    from exotour.worksheet import Worksheet

    i18n.use("es")
    decision = tour.decision
    assert isinstance(decision, Decision)
    sheet = Worksheet(decision)
    assert drawn(heading(2)) == "\nPaso 2 de 6: SURE: ¿qué seguridad siente?\n"
    asks = sheet.asks()
    assert prompt_text(asks[0]) == "¿Sobre qué problema de salud está decidiendo? (1-5, q para):"
    assert prompt_text(asks[2]).endswith("(s/n, q para):")
    words = drawn(decide_ending(sheet, "exotour")).splitlines()
    assert words[1:3] == [
        "Parado en el paso 1 de 6. Sus respuestas están guardadas.",
        "Siga donde lo dejó: exotour decide",
    ]


def test_the_handout_in_spanish(tour: Tour) -> None:
    from exotour.render.handout import handout
    from exotour.worksheet import Worksheet

    assert tour.decision is not None
    i18n.use("es")
    text = handout(tour, Worksheet(tour.decision), "markdown", today="2026-12-06")
    for line in ("# Mi hoja de decisión", "## 1. La decisión", "| Pregunta | Antes | Después |"):
        assert line in text.splitlines()
    assert ", impreso el 6 dic 2026." in text
    assert "☐ sí ☐ no" in text
    i18n.use("en")
    english = handout(tour, Worksheet(tour.decision), "markdown", today="2026-12-06")
    assert "# My decision worksheet" in english and ", printed 6 Dec 2026." in english


def test_an_undated_source_in_each_language() -> None:
    source = Source(author="A", title="T", url="https://example.org/", accessed="2026-12-06")
    i18n.use("es")
    assert source.date == "sin fecha; copia guardada revisada el 6 dic 2026"
    assert source.dated("en") == "undated; stored copy checked 6 Dec 2026"
    i18n.use("en")
    assert source.date == "undated; stored copy checked 6 Dec 2026"
    assert source.dated("es") == "sin fecha; copia guardada revisada el 6 dic 2026"


@pytest.mark.parametrize(
    ("language", "dated"),
    [
        ("en", "(undated; stored copy checked 6 Dec 2026)."),
        ("es", "(sin fecha; copia guardada revisada el 6 dic 2026)."),
    ],
)
def test_the_generated_sources_section_keeps_its_tours_language(
    language: str,
    dated: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Built once and cached: in the tour's words, never in those of the reader who first
    loaded it (a Source's date alone follows the reader's language)."""
    import shutil

    folder = tmp_path / "tour"
    shutil.copytree(TOUR_ES, folder)
    tour_yaml = folder / "tour.yaml"
    tour_yaml.write_text(tour_yaml.read_text().replace("language: es", f"language: {language}"))
    argv = ["--content", str(folder), "export", "--format", "markdown"]
    for reader in ("es", "en", "es"):  # the first builds the cache; the others read it
        result = run_cli(["--lang", reader, *argv], capsys)
        assert result.status == 0
        entry = f"2. YAML Language Development Team, *The Official YAML Web Site* {dated}\\"
        assert entry in result.out.splitlines()
