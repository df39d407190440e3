"""The tour in plain words: Flesch-Kincaid grade 8 or below on average, no unit above 10.

The measure is tests/readability.py's, one helper for the tests and for the per-section table
(`python tests/readability.py`). A unit is each section body and each evidence note, and, where
the tour has a decision.yaml, each condition's options grid.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from statistics import fmean

import pytest
import readability
from readability import AVERAGE_MOST, UNIT_MOST, grade, plain, units

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
