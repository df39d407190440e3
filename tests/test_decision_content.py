"""The built-in decision aid's data, content/decision.yaml: every option told in equal detail,
every source one the evidence sheet gives, and every text in plain language.

The file is read here as plain YAML (safely), as the agreed format describes it, so that these
checks hold the data whatever code later draws it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from readability import grade
from sheet_options import RECHECKED
from test_evidence import ALLOWED, UNLINKED
from test_facts import DOI, URL

from exotour.content.loader import builtin_content_dir
from exotour.model import Source, Tour

FIELDS = ("what", "benefit", "risks", "daily_life", "cost", "evidence")
KINDS = ("exosome", "trial", "established", "wait")
# The article's areas, in the article's order.
CONDITIONS = ("skin", "joints", "hair", "neuro", "autoimmune")
CHECKS = ("check-ind", "check-trial", "report-harm")
NO_NUMBER = "No source in this tour gives"

Record = dict[str, Any]


@pytest.fixture(scope="module")
def decision() -> Record:
    text = (builtin_content_dir() / "decision.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def options(decision: Record) -> Iterator[tuple[str, Record]]:
    for condition in decision["conditions"]:
        for option in condition["options"]:
            yield f"{condition['id']}/{option['id']}", option


def source_lists(decision: Record) -> Iterator[tuple[str, list[Record]]]:
    for where, option in options(decision):
        yield where, option["sources"]
    for index, question in enumerate(decision["questions"]):
        yield f"questions[{index}]", question["sources"]
    for check in decision["checks"]:
        yield check["id"], check["sources"]


def texts(decision: Record) -> Iterator[tuple[str, str]]:
    """(where, text) of every piece of text the reader is shown."""
    yield "decision", decision["decision"]
    for condition in decision["conditions"]:
        for key in ("name", "about", "without_treatment"):
            yield f"{condition['id']} {key}", condition[key]
    for where, option in options(decision):
        for key in ("name", *FIELDS):
            yield f"{where} {key}", option[key]
    for factor in decision["factors"]:
        yield f"factor {factor['id']}", factor["label"]
    for index, question in enumerate(decision["questions"]):
        yield f"questions[{index}]", question["text"]
    for check in decision["checks"]:
        yield check["id"], " ".join((check["title"], *check["steps"]))


# -- the shape: every option has every field ----------------------------------------------------


def test_each_condition_the_article_names_in_its_order(decision: Record) -> None:
    assert tuple(c["id"] for c in decision["conditions"]) == CONDITIONS
    assert decision["decision"].endswith("?")
    for condition in decision["conditions"]:
        assert condition["about"] and condition["without_treatment"], condition["id"]


def test_every_option_has_every_field_and_its_sources(decision: Record) -> None:
    for where, option in options(decision):
        assert set(option) == {"id", "kind", "name", *FIELDS, "sources"}, where
        for field in ("name", *FIELDS):
            assert isinstance(option[field], str) and option[field].strip(), (where, field)
        assert option["kind"] in KINDS, where
        assert option["sources"], where


def test_the_exosome_offer_first_then_a_trial_the_established_options_and_waiting(
    decision: Record,
) -> None:
    for condition in decision["conditions"]:
        kinds = [option["kind"] for option in condition["options"]]
        assert kinds[:2] == ["exosome", "trial"] and kinds[-1] == "wait", condition["id"]
        assert set(kinds[2:-1]) == {"established"}, condition["id"]
        ids = [option["id"] for option in condition["options"]]
        assert len(ids) == len(set(ids)), condition["id"]


def test_factors_questions_and_checks(decision: Record) -> None:
    factors = decision["factors"]
    assert len({f["id"] for f in factors}) == len(factors)
    assert all(f["field"] in FIELDS and f["label"] for f in factors)
    assert tuple(check["id"] for check in decision["checks"]) == CHECKS
    for check in decision["checks"]:
        assert check["title"] and check["steps"], check["id"]
    for _, sources in source_lists(decision):
        assert sources


# -- the facts: as the sheet gives them ---------------------------------------------------------


def test_every_source_is_one_the_sheet_gives_with_its_year(decision: Record) -> None:
    for where, sources in source_lists(decision):
        for record in sources:
            source = Source(**record)  # a record the model accepts, as an evidence note's
            if source.link:
                assert source.link in ALLOWED, (where, source.link)
                year, _ = ALLOWED[source.link]
            else:
                assert source.reference in UNLINKED, (where, source.reference)
                year, _ = UNLINKED[source.reference or ""]
            assert source.year == year, (where, source.citation())
            if year is None:  # undated: said so, with the day its stored copy was checked
                assert source.accessed == RECHECKED, (where, source.citation())


def test_every_link_and_doi_in_the_text_is_from_the_sheet(decision: Record) -> None:
    for where, text in texts(decision):
        for url in URL.findall(text):
            assert url.rstrip(".,;:") in ALLOWED, (where, url)
        for doi in DOI.findall(text):
            assert f"https://doi.org/{doi.rstrip('.,;:')}" in ALLOWED, (where, doi)


def test_a_benefit_is_a_number_or_says_no_source_gives_one(decision: Record) -> None:
    for where, option in options(decision):
        assert re.search(r"\d", option["benefit"]) or NO_NUMBER in option["benefit"], where
        assert option["cost"].startswith(NO_NUMBER) or "US$" in option["cost"], where


def test_the_exosome_offer_costs_what_the_market_study_found(decision: Record) -> None:
    for where, option in options(decision):
        if option["kind"] == "exosome":
            assert "US$99 to US$20,000" in option["cost"], where
            assert "ninety-nine to twenty thousand US dollars" in option["cost"], where
            assert "not approved" in option["risks"] or "No exosome" in option["what"], where


def test_the_first_questions_are_the_regulator_the_ind_and_the_irb(decision: Record) -> None:
    first = [" ".join(q["text"].split()) for q in decision["questions"][:4]]
    assert "the regulator where I live" in first[0]
    assert "IND number" in first[1] and "acknowledges" in first[1]
    assert "IRB" in first[2] and "consent form" in first[2]
    assert "Am I being charged" in first[3]
    for question in decision["questions"]:
        assert "registered" not in question["text"]  # a listing is no review


def test_a_trial_listing_is_read_in_the_registrys_own_words(decision: Record) -> None:
    (check,) = [c for c in decision["checks"] if c["id"] == "check-trial"]
    steps = " ".join(" ".join(check["steps"]).split())
    assert (
        '"The U.S. government does not review or approve the safety and science of all studies '
        'listed on this website."' in steps
    )
    assert "https://trialsearch.who.int" in steps and "not itself a registry" in steps


def test_reporting_a_harm_names_each_place_the_sheet_gives(decision: Record) -> None:
    (check,) = [c for c in decision["checks"] if c["id"] == "report-harm"]
    steps = " ".join(check["steps"])
    for name in ("MedWatch", "3500B", "ocod@fda.hhs.gov", "Yellow Card", "Health Canada"):
        assert name in steps, name


def test_no_advice(decision: Record) -> None:
    for where, text in texts(decision):
        assert not re.search(r"\b(you should|we recommend|best option)\b", text, re.I), where


# -- plain language (measured as tests/readability.py measures the tour) --------------------------


@pytest.mark.parametrize("condition_id", CONDITIONS)
def test_each_condition_reads_at_grade_8_or_below(decision: Record, condition_id: str) -> None:
    (condition,) = [c for c in decision["conditions"] if c["id"] == condition_id]
    parts = [condition["about"], condition["without_treatment"]]
    parts += [option[field] for option in condition["options"] for field in FIELDS]
    assert grade(" ".join(parts)) <= 8, condition_id
    for option in condition["options"]:
        assert grade(" ".join(option[field] for field in FIELDS)) <= 10, option["id"]


def test_the_questions_and_checks_read_at_grade_8_or_below(decision: Record) -> None:
    assert grade(" ".join(q["text"] for q in decision["questions"])) <= 8
    for check in decision["checks"]:
        assert grade(" ".join(check["steps"])) <= 8, check["id"]


def test_the_section_before_the_grid_reads_at_grade_8_or_below(tour: Tour) -> None:
    section = tour.sections[tour.index_of("before-you-decide")]
    assert grade(section.body) <= 8
    notes = [note.text for note in section.evidence]
    assert grade(" ".join(notes)) <= 8
    for note in notes:
        assert grade(note) <= 10, note[:60]
