"""The two built-in tours, English (content/) and Spanish (content-es/), have the same shape: the
translation may change every word a reader reads, never a fact's place, a source or a date.

Held the same: the tour's id (the reader's place is shared between them) and its sources' check
date; the sections' ids and order; in each section the evidence notes (how many, each one's
as_of and its sources: author, title, year, url, doi, accessed), the quiz (how many
questions, each one's number of choices and the place of its right answer) and the targets of
the links in its body; the glossary's size; and in decision.yaml the ids of the conditions, of
each condition's options (and their kinds), of the factors (and the field each weighs) and of
the checks, the number of questions, and the sources of every option, question and check.

`differences` names each place where the two differ; the tests below hold it empty for the
built-in tours, and show it finds a dropped note, a changed URL and a moved right answer.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from markdown_it import MarkdownIt

from exotour.content.loader import load_tour
from exotour.content.location import builtin_content_dir
from exotour.decision import Decision
from exotour.model import EvidenceNote, Question, Section, Source, Tour

_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+")


def source_key(source: Source) -> tuple[object, ...]:
    """What a translation keeps of a source: who, what, when and where. Its `reference` is
    left out: besides a journal citation or a number, it may describe the source in words
    ('News report, 16 Dec 2019'), which are translated."""
    return (source.author, source.title, source.year, source.url, source.doi, source.accessed)


def link_targets(body: str) -> Counter[str]:
    """The targets of BODY's links (Markdown links, autolinks, bare addresses), counted."""
    found: Counter[str] = Counter()
    for block in MarkdownIt("commonmark").parse(body):
        inside_link = False
        for token in block.children or []:
            if token.type == "link_open":
                found[str(token.attrGet("href"))] += 1
                inside_link = True
            elif token.type == "link_close":
                inside_link = False
            elif token.type in ("text", "code_inline") and not inside_link:
                found.update(_BARE_URL.findall(token.content))
    return found


def _quiz_shape(question: Question) -> tuple[int, int]:
    return (len(question.choices), question.answer)


def _note_shape(note: EvidenceNote) -> tuple[object, ...]:
    return (note.as_of, tuple(source_key(s) for s in note.sources))


def _section_differences(ours: Section, theirs: Section) -> Iterator[str]:
    where = f"section {ours.id}"
    if len(ours.evidence) != len(theirs.evidence):
        yield f"{where}: {len(ours.evidence)} evidence notes, {len(theirs.evidence)} translated"
    for index, (a, b) in enumerate(zip(ours.evidence, theirs.evidence, strict=False)):
        if _note_shape(a) != _note_shape(b):
            yield f"{where}: evidence[{index}] has other sources or another as_of"
    if len(ours.quiz) != len(theirs.quiz):
        yield f"{where}: {len(ours.quiz)} quiz questions, {len(theirs.quiz)} translated"
    for index, (q, r) in enumerate(zip(ours.quiz, theirs.quiz, strict=False)):
        if _quiz_shape(q) != _quiz_shape(r):
            yield (
                f"{where}: quiz[{index}] has {len(q.choices)} choices, answer {q.answer + 1}; "
                f"translated {len(r.choices)} choices, answer {r.answer + 1}"
            )
    if link_targets(ours.body) != link_targets(theirs.body):
        missing = link_targets(ours.body) - link_targets(theirs.body)
        added = link_targets(theirs.body) - link_targets(ours.body)
        yield f"{where}: body links differ: missing {sorted(missing)}, added {sorted(added)}"
    if ours.options_grid != theirs.options_grid or ours.added_by_tour != theirs.added_by_tour:
        yield f"{where}: options_grid or added_by_tour differs"


def _sources(items: tuple[object, ...]) -> list[tuple[tuple[object, ...], ...]]:
    return [tuple(source_key(s) for s in getattr(item, "sources", ())) for item in items]


def _decision_differences(ours: Decision | None, theirs: Decision | None) -> Iterator[str]:
    if ours is None or theirs is None:
        if (ours is None) != (theirs is None):
            yield "decision.yaml: in one tour only"
        return
    if [c.id for c in ours.conditions] != [c.id for c in theirs.conditions]:
        yield "decision.yaml: other condition ids"
    for a, b in zip(ours.conditions, theirs.conditions, strict=False):
        if [(o.id, o.kind) for o in a.options] != [(o.id, o.kind) for o in b.options]:
            yield f"decision.yaml: condition {a.id}: other option ids"
        elif _sources(a.options) != _sources(b.options):
            yield f"decision.yaml: condition {a.id}: an option has other sources"
    if [(f.id, f.field) for f in ours.factors] != [(f.id, f.field) for f in theirs.factors]:
        yield "decision.yaml: other factor ids"
    if len(ours.questions) != len(theirs.questions):
        yield f"decision.yaml: {len(ours.questions)} questions, {len(theirs.questions)} translated"
    elif _sources(ours.questions) != _sources(theirs.questions):
        yield "decision.yaml: a question has other sources"
    if [c.id for c in ours.checks] != [c.id for c in theirs.checks]:
        yield "decision.yaml: other check ids"
    elif _sources(ours.checks) != _sources(theirs.checks):
        yield "decision.yaml: a check has other sources"


def differences(ours: Tour, theirs: Tour) -> list[str]:
    """Every place where THEIRS (a translation) has another shape than OURS."""
    found: list[str] = []
    if (ours.id, ours.sources_checked) != (theirs.id, theirs.sources_checked):
        found.append("tour.yaml: another id or sources_checked")
    ours_ids, theirs_ids = [s.id for s in ours.sections], [s.id for s in theirs.sections]
    if ours_ids != theirs_ids:
        found.append(f"sections: {ours_ids} translated as {theirs_ids}")
    for a, b in zip(ours.sections, theirs.sections, strict=False):
        if a.id == b.id:
            found.extend(_section_differences(a, b))
    if len(ours.glossary) != len(theirs.glossary):
        found.append(f"glossary: {len(ours.glossary)} terms, {len(theirs.glossary)} translated")
    found.extend(_decision_differences(ours.decision, theirs.decision))
    return found


@pytest.fixture(scope="module")
def spanish() -> Tour:
    return load_tour(builtin_content_dir("es"))


def test_the_spanish_tour_has_the_english_tours_shape(tour: Tour, spanish: Tour) -> None:
    assert spanish.language == "es" and tour.language == "en"
    assert differences(tour, spanish) == []


def test_the_spanish_tour_says_the_same_in_its_generated_sources_section(
    tour: Tour, spanish: Tour
) -> None:
    ours, theirs = tour.sections[-1], spanish.sections[-1]
    assert (ours.id, ours.title, theirs.title) == ("sources", "Sources", "Fuentes")
    assert link_targets(ours.body) == link_targets(theirs.body)


# -- the comparison finds what a translation could break ---------------------------------------


def _with_section(tour: Tour, index: int, **changes: object) -> Tour:
    sections = list(tour.sections)
    sections[index] = dataclasses.replace(sections[index], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(tour, sections=tuple(sections))


def _first_with(tour: Tour, field: str) -> int:
    return next(i for i, s in enumerate(tour.sections) if getattr(s, field))


def test_a_dropped_note_is_found(tour: Tour) -> None:
    index = _first_with(tour, "evidence")
    broken = _with_section(tour, index, evidence=tour.sections[index].evidence[1:])
    found = differences(tour, broken)
    assert found[0].startswith(f"section {tour.sections[index].id}: ")
    assert "evidence notes" in found[0]  # then each note after it, one place up


def test_a_changed_url_is_found(tour: Tour) -> None:
    index = _first_with(tour, "evidence")
    note = tour.sections[index].evidence[0]
    moved = dataclasses.replace(note.sources[0], url="https://example.org/elsewhere", doi=None)
    changed = dataclasses.replace(note, sources=(moved, *note.sources[1:]))
    evidence = (changed, *tour.sections[index].evidence[1:])
    found = differences(tour, _with_section(tour, index, evidence=evidence))
    assert found == [
        f"section {tour.sections[index].id}: evidence[0] has other sources or another as_of"
    ]


def test_a_changed_as_of_is_found(tour: Tour) -> None:
    index = _first_with(tour, "evidence")
    note = dataclasses.replace(tour.sections[index].evidence[0], as_of="1999-01-01")
    evidence = (note, *tour.sections[index].evidence[1:])
    assert differences(tour, _with_section(tour, index, evidence=evidence))


def test_a_reordered_quiz_answer_is_found(tour: Tour) -> None:
    index = _first_with(tour, "quiz")
    question = tour.sections[index].quiz[0]
    choices = (*question.choices[1:], question.choices[0])  # the choices in another order
    answer = (question.answer - 1) % len(choices)  # the same right answer, at another place
    moved = dataclasses.replace(question, choices=choices, answer=answer)
    quiz = (moved, *tour.sections[index].quiz[1:])
    (found,) = differences(tour, _with_section(tour, index, quiz=quiz))
    assert f"quiz[0] has {len(choices)} choices, answer {question.answer + 1}" in found


def test_a_changed_or_dropped_body_link_is_found(tour: Tour) -> None:
    index = next(i for i, s in enumerate(tour.sections) if link_targets(s.body))
    body = tour.sections[index].body
    (target, *_) = link_targets(body)
    broken = _with_section(tour, index, body=body.replace(target, "https://example.org/x"))
    (found,) = differences(tour, broken)
    assert "body links differ" in found and target in found


def test_a_reordered_section_a_dropped_glossary_term_and_a_changed_decision_are_found(
    tour: Tour,
) -> None:
    sections = (tour.sections[1], tour.sections[0], *tour.sections[2:])
    assert differences(tour, dataclasses.replace(tour, sections=sections))
    assert differences(tour, dataclasses.replace(tour, glossary=tour.glossary[1:]))
    decision = tour.decision
    assert decision is not None
    fewer = dataclasses.replace(decision, checks=decision.checks[1:])
    assert differences(tour, dataclasses.replace(tour, decision=fewer)) == [
        "decision.yaml: other check ids"
    ]


@pytest.mark.parametrize(
    ("body", "targets"),
    [
        ("See [the notice](https://fda.gov/a).", {"https://fda.gov/a": 1}),
        (
            "Read <https://isev.org/b> or https://nhs.uk/c.",
            {"https://isev.org/b": 1, "https://nhs.uk/c.": 1},
        ),
        ("Go to [section 2](#safety) and [again](#safety).", {"#safety": 2}),
        ("No links here, only `code`.", {}),
    ],
)
def test_link_targets_counts_each_kind_of_link(body: str, targets: dict[str, int]) -> None:
    assert link_targets(body) == Counter(targets)
