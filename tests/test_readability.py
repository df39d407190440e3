"""The tour in plain words: Flesch-Kincaid grade 8 or below on average, no unit above 10; the
Spanish tour by Fernández Huerta, 65 or more on average, no unit below 55.

The measure is tests/readability.py's, one helper for the tests and for the per-section table
(`python tests/readability.py`). A unit is each section body and each evidence note, and, where
the tour has a decision.yaml, each condition's options grid.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from statistics import fmean

import pytest
import readability
import textstat
from readability import (
    AVERAGE_MOST,
    SPANISH_AVERAGE_LEAST,
    SPANISH_UNIT_LEAST,
    UNIT_MOST,
    grade,
    plain,
    units,
)

from exotour.content.loader import builtin_content_dir, load_tour
from exotour.model import Tour


def test_the_average_grade_is_at_most_8(tour: Tour) -> None:
    measured = units(tour)
    assert len(measured) > 40
    assert fmean(unit.grade for unit in measured) <= AVERAGE_MOST, readability.report(tour)


def test_no_unit_is_above_grade_10(tour: Tour) -> None:
    above = [unit for unit in units(tour) if unit.grade > UNIT_MOST]
    assert not above, above


def test_the_bodies_and_the_notes_each_average_at_most_8(tour: Tour) -> None:
    measured = units(tour)
    bodies = [unit.grade for unit in measured if unit.where.endswith(" body")]
    notes = [unit.grade for unit in measured if "evidence[" in unit.where]
    assert fmean(bodies) <= AVERAGE_MOST and fmean(notes) <= AVERAGE_MOST


# A fresh interpreter (textstat caches what it has loaded) with every connection refused.
OFFLINE = """\
import socket
def refuse(*args, **kwargs):
    raise OSError("no network in tests")
socket.socket.connect = refuse
socket.create_connection = refuse
import textstat
print(textstat.syllable_count("extracellular"), textstat.flesch_kincaid_grade(TEXT))
"""


def test_the_measure_needs_no_network() -> None:
    """textstat's syllable dictionary and pyphen's hyphenation dictionaries ship in their
    packages: a release that downloads one on first use (textstat 0.7.9 on, through nltk) fails
    here, as it would in CI."""
    text = "Exosomes are tiny bubbles. A regulator decides if a medicine may be sold."
    code = OFFLINE.replace("TEXT", repr(text))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    syllables, measured = done.stdout.split()
    assert int(syllables) == 5
    assert float(measured) == pytest.approx(grade(text))


# -- how the helper counts -------------------------------------------------------------------------


def test_a_decimal_point_does_not_end_a_sentence() -> None:
    one = "The odds were 0.76 with a range from 0.59 to 0.98 in that trial of many people."
    assert plain(one).count(".") == 1
    assert grade(one) == grade(
        one.replace("0.76", "076").replace("0.59", "059").replace("0.98", "098")
    )


@pytest.mark.parametrize("words", ["et al.", "e.g.", "i.e.", "no.", "U.S."])
def test_an_abbreviation_does_not_end_a_sentence(words: str) -> None:
    text = f"Fusco {words} found forty small studies of these new treatments in people."
    assert plain(text).count(".") == 1


def test_each_list_item_and_heading_is_a_sentence() -> None:
    text = "# Steps\n\nDo this:\n\n- ask for the number\n- read the form\n1. call them\n"
    assert plain(text) == "Steps. Do this. ask for the number. read the form. call them."


def test_marks_links_and_addresses_are_not_words() -> None:
    text = "**Ask** [FDA](https://fda.gov) at ocod@fda.hhs.gov or https://x.org/a-long-path now."
    assert plain(text) == "Ask FDA at  or  now."


def test_a_hard_line_break_joins_the_lines_of_a_paragraph() -> None:
    assert plain("One line\\\nand the next.") == "One line and the next."


# -- what is measured ------------------------------------------------------------------------------


def test_every_body_and_note_is_a_unit_and_the_sources_list_is_not(tour: Tour) -> None:
    wheres = {unit.where for unit in units(tour)}
    for section in tour.sections[:-1]:
        assert f"{section.id} body" in wheres
        assert all(f"{section.id} evidence[{i}]" in wheres for i in range(len(section.evidence)))
    assert f"{tour.sections[-1].id} body" not in wheres  # generated: citations, not prose


DECISION = """\
decision: Whether to try an exosome treatment
conditions:
  - id: hair
    name: Pattern hair loss
    about: Hair thins with age.
    without_treatment: Hair loss goes on as before.
    options:
      - id: wait
        kind: wait
        name: Waiting
        what: Nothing is done.
        benefit: No source gives a number.
        risks: No side effects from a treatment.
        daily_life: Nothing changes.
        cost: It costs nothing.
        evidence: No studies.
        sources:
          - author: NHS
            year: 2024
            url: https://example.org/a/very/long/address
factors:
  - id: cost
    label: Cost
    field: cost
questions:
  - text: Is it approved?
    sources:
      - author: FDA
        year: 2019
        url: https://example.org/b
"""


def test_a_decision_grid_is_measured_per_condition(tmp_path: Path) -> None:
    root = shutil.copytree(builtin_content_dir(), tmp_path / "content")
    (root / "decision.yaml").unlink()  # the built-in one, for a small one of this test's
    assert not any(u.where.startswith("decision: ") for u in units(load_tour(root)))
    (root / "decision.yaml").write_text(DECISION, encoding="utf-8")
    grids = [u for u in units(load_tour(root)) if u.where.startswith("decision: ")]
    assert [u.where for u in grids] == ["decision: hair"]
    assert grids[0].grade < UNIT_MOST
    (name, text), *_ = readability.decision_grids(root)
    assert name == "hair"
    assert text.split("\n\n") == [
        "Waiting",
        "Nothing is done.",
        "No source gives a number.",
        "No side effects from a treatment.",
        "Nothing changes.",
        "It costs nothing.",
        "No studies.",
    ]


def test_the_table_gives_each_section_its_grades(tour: Tour) -> None:
    table = readability.report(tour).splitlines()
    assert table[0].split() == ["section", "body", "notes", "worst"]
    for section in tour.sections[:-1]:
        assert any(line.startswith(section.id + " ") for line in table), section.id
    assert table[-1].startswith("average of ")


# -- the Spanish tour, by its own formula ----------------------------------------------------------

SPANISH_FIXTURE = Path(__file__).parent / "search" / "spanish-tour"


@pytest.fixture(scope="module")
def spanish_tour() -> Tour:
    """The built-in tour in Spanish."""
    return load_tour(builtin_content_dir("es"))


def test_the_spanish_tour_is_measured_by_fernandez_huerta(spanish_tour: Tour) -> None:
    assert spanish_tour.language == "es"
    assert readability.measure_for(spanish_tour.language) is readability.FERNANDEZ_HUERTA


def test_the_spanish_average_is_at_least_65(spanish_tour: Tour) -> None:
    measured = units(spanish_tour)
    assert len(measured) > 40
    average = fmean(unit.grade for unit in measured)
    assert average >= SPANISH_AVERAGE_LEAST, readability.report(spanish_tour)


def test_no_spanish_unit_is_below_55(spanish_tour: Tour) -> None:
    below = [unit for unit in units(spanish_tour) if unit.grade < SPANISH_UNIT_LEAST]
    assert not below, below


def test_the_spanish_tour_has_the_english_tours_units(tour: Tour, spanish_tour: Tour) -> None:
    assert [u.where for u in units(spanish_tour)] == [u.where for u in units(tour)]


@pytest.mark.parametrize(
    ("language", "measure"),
    [
        ("es", "Fernández Huerta"),
        ("es-MX", "Fernández Huerta"),
        ("ES", "Fernández Huerta"),
        ("en", "Flesch-Kincaid grade"),
        ("en-GB", "Flesch-Kincaid grade"),
        ("fr", "Flesch-Kincaid grade"),  # no formula of its own here: the English rule
    ],
)
def test_the_measure_follows_the_tours_language(language: str, measure: str) -> None:
    assert readability.measure_for(language).name == measure


def test_a_spanish_unit_is_scored_by_textstat_in_spanish() -> None:
    spanish = load_tour(SPANISH_FIXTURE)
    body = spanish.sections[0].body
    textstat.set_lang("es")
    try:
        expected = float(textstat.fernandez_huerta(plain(body)))
    finally:
        textstat.set_lang("en_US")
    assert units(spanish)[0] == readability.Unit(f"{spanish.sections[0].id} body", expected)


def test_measuring_spanish_leaves_the_english_measure_as_it_was() -> None:
    """textstat's language is one setting for the process: the Spanish measure puts it back."""
    text = "Exosomes are tiny bubbles. A regulator decides if a medicine may be sold."
    before = grade(text)
    readability.fernandez_huerta("Los exosomas son bolsas muy pequeñas que sueltan las células.")
    assert grade(text) == before


def test_the_spanish_rule_is_higher_is_easier() -> None:
    easy = "El sol sale. La casa es azul. Su perro come pan."
    hard = (
        "La administración intravenosa de vesículas extracelulares derivadas de células "
        "mesenquimales presenta consideraciones regulatorias considerablemente complejas."
    )
    assert readability.fernandez_huerta(easy) > SPANISH_AVERAGE_LEAST
    assert readability.fernandez_huerta(hard) < SPANISH_UNIT_LEAST


@pytest.mark.parametrize("words", ["EE. UU.", "p. ej.", "aprox.", "Dr."])
def test_a_spanish_abbreviation_does_not_end_a_sentence(words: str) -> None:
    text = f"La agencia de {words} revisó cuarenta estudios pequeños de estos tratamientos."
    assert plain(text).count(".") == 1


def test_a_closing_quote_after_the_full_stop_ends_a_sentence() -> None:
    assert plain("- «Es seguro.»\n- Nada más") == "«Es seguro.» Nada más."


def test_the_script_prints_each_spanish_units_score(spanish_tour: Tour) -> None:
    script = Path(readability.__file__)
    done = subprocess.run(
        [sys.executable, str(script), str(builtin_content_dir("es"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    for unit in units(spanish_tour):
        assert any(
            re.fullmatch(rf"{re.escape(unit.where)} +{unit.grade:.1f}.*", line) for line in lines
        )
    assert lines[-1].startswith("average of ") and lines[-1].endswith("(Fernández Huerta)")
