"""The three kinds of content file, checked field by field and built into the model."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from exotour.content.checker import Checker, Record
from exotour.content.lookalike import skeleton
from exotour.content.problems import shown
from exotour.content.schema import PATTERNS, RECORDS, VALID_ID, FieldSpec, fields_of
from exotour.decision import About
from exotour.i18n import _
from exotour.model import DEFAULT_LANGUAGE, EvidenceNote, GlossaryEntry, Question, Section, Source


@dataclass(frozen=True)
class TourHead:
    """What the tour file gives: everything of the Tour but its sections, and their order."""

    id: str
    title: str
    subtitle: str
    disclaimer: str
    bottom_line: str
    bottom_line_source: str
    bottom_line_short: str
    sources_checked: str | None
    language: str
    order: tuple[tuple[str, yaml.Node], ...]
    about: About | None = None


def bad_id(value: str) -> str:
    return PATTERNS["id"].refuse(value)


def _spec(record: str, name: str) -> FieldSpec:
    return next(spec for spec in fields_of(record) if spec.name == name)


def read_tour_file(file: Checker, root: yaml.Node) -> TourHead | None:
    tour = file.record(root, "", "tour")
    if tour is None:
        return None
    values = tour.values
    if "id" in values and not VALID_ID.match(values["id"]):
        file.problem(tour.nodes["id"], "id", bad_id(values["id"]))
    language = PATTERNS["language"]
    if "language" in values and not language.matches(values["language"]):
        message = language.refuse(values["language"])
        file.problem(tour.nodes["language"], "language", message)
    order = tour.lines("sections")
    if "sections" in values and not tour.nodes["sections"].value:
        file.problem(tour.nodes["sections"], "sections", _("lists no sections"))
    listed: dict[str, int] = {}
    for i, (section_id, node) in enumerate(order):
        if section_id in listed:
            message = _("'{id}' is listed twice").format(id=shown(section_id))
            file.problem(node, f"sections[{i}]", message)
        listed.setdefault(section_id, i)
    bottom: Record | None = values.get("bottom_line")
    about: Record | None = values.get("about")
    if not file.complete(tour):
        return None
    return TourHead(
        id=values["id"],
        title=values["title"],
        subtitle=values.get("subtitle", ""),
        disclaimer=values["disclaimer"],
        bottom_line=bottom.values["text"] if bottom else "",
        bottom_line_source=bottom.values["source"] if bottom else "",
        bottom_line_short=bottom.values.get("short", "") if bottom else "",
        sources_checked=values.get("sources_checked"),
        language=values.get("language", DEFAULT_LANGUAGE),
        order=tuple(order),
        about=About(**about.values) if about else None,
    )


@dataclass(frozen=True)
class SectionFile:
    """What a section file gave: its id (when readable) and the section (when it has no error)."""

    id: str | None
    id_node: yaml.Node | None
    section: Section | None


def read_section(file: Checker, root: yaml.Node) -> SectionFile:
    record = file.record(root, "", "section")
    if record is None:
        return SectionFile(None, None, None)
    values = record.values
    section_id: str | None = values.get("id")
    if section_id is not None and not VALID_ID.match(section_id):
        file.problem(record.nodes["id"], "id", bad_id(section_id))
    notes = [_note(file, r, f"evidence[{i}]") for i, r in enumerate(record.records("evidence"))]
    quiz = [_question(file, r, f"quiz[{i}]") for i, r in enumerate(record.records("quiz"))]
    id_node = record.nodes.get("id")
    if not file.complete(record):
        return SectionFile(section_id, id_node, None)
    section = Section(
        id=values["id"],
        title=values["title"],
        takeaway=values.get("takeaway", ""),
        gist=values.get("gist", ""),
        body=values["body"],
        keywords=tuple(text for text, _ in record.lines("keywords")),
        evidence=tuple(note for note in notes if note is not None),
        quiz=tuple(question for question in quiz if question is not None),
        added_by_tour=values.get("added_by_tour", False),
        options_grid=values.get("options_grid", False),
    )
    return SectionFile(section.id, id_node, section)


def _note(file: Checker, record: Record, path: str) -> EvidenceNote | None:
    sources_node = record.nodes.get("sources")
    if isinstance(sources_node, yaml.SequenceNode) and not sources_node.value:
        file.problem(record.nodes["sources"], f"{path}.sources", _("lists no sources"))
    sources = [
        _source(file, r, f"{path}.sources[{i}]") for i, r in enumerate(record.records("sources"))
    ]
    if not file.complete(record):
        return None
    return EvidenceNote(
        text=record.values["text"],
        as_of=record.values["as_of"],
        sources=tuple(source for source in sources if source is not None),
    )


def _source(file: Checker, record: Record, path: str) -> Source | None:
    values, nodes = record.values, record.nodes
    for group in RECORDS["source"].one_of:
        if not any(name in nodes for name in group.names):
            file.problem(record.node, path, _(group.message))
    for name in ("url", "doi"):
        pattern = PATTERNS[_spec("source", name).pattern]
        if name in values and not pattern.matches(values[name]):
            file.problem(nodes[name], f"{path}.{name}", pattern.problem())
        elif name == "url" and name in values:
            from exotour.weblinks import spoofing

            problem = spoofing(values[name])
            if problem is not None:
                message = _("the link {problem}").format(problem=problem)
                file.problem(nodes[name], f"{path}.{name}", message)
    low, high = _spec("source", "year").bounds or (0, None)
    if "year" in values and not low <= values["year"] <= (high or values["year"]):
        written = shown(str(nodes["year"].value))
        message = _("{written} is not a year").format(written=written)
        file.problem(nodes["year"], f"{path}.year", message)
    if not file.complete(record):
        return None
    return Source(
        author=values.get("author"),
        title=values.get("title"),
        year=values.get("year"),
        url=values.get("url"),
        doi=values.get("doi"),
        reference=values.get("reference"),
        accessed=values.get("accessed"),
    )


def _question(file: Checker, record: Record, path: str) -> Question | None:
    values, nodes = record.values, record.nodes
    choices = record.lines("choices")
    low, high = _spec("question", "choices").bounds or (0, None)
    all_read = "choices" in nodes and len(choices) == len(nodes["choices"].value)
    if all_read and not low <= len(choices) <= (high or len(choices)):
        message = _("has {count}; give {low} to {high}").format(
            count=len(choices), low=low, high=high
        )
        file.problem(nodes["choices"], f"{path}.choices", message)
    elif all_read and "answer" in values and not 1 <= values["answer"] <= len(choices):
        written = shown(str(nodes["answer"].value))
        message = _("{written} is not a choice (1-{count})").format(
            written=written, count=len(choices)
        )
        file.problem(nodes["answer"], f"{path}.answer", message)
    if not file.complete(record):
        return None
    return Question(
        question=values["question"],
        choices=tuple(text for text, _ in choices),
        answer=values["answer"] - 1,
        explanation=values["explanation"],
    )


def read_glossary(file: Checker, root: yaml.Node) -> tuple[GlossaryEntry, ...]:
    record = file.record(root, "", "glossary")
    if record is None:
        return ()
    entries: list[GlossaryEntry] = []
    first: dict[str, tuple[int, yaml.Node]] = {}  # a name, folded -> the term that has it
    for i, term in enumerate(record.records("terms")):
        names = [term.values[key] for key in ("term",) if key in term.values]
        names += [text for text, _ in term.lines("aliases")]
        for name in names:
            # By what a reader sees: a zero-width space or a Cyrillic letter makes no new name.
            index, node = first.setdefault(skeleton(name), (i, term.node))
            if index != i:
                line = node.start_mark.line + 1
                message = _("'{name}' already names the term at line {line}").format(
                    name=shown(name), line=line
                )
                file.problem(term.node, f"terms[{i}]", message)
        if file.complete(term):
            entries.append(
                GlossaryEntry(
                    term=term.values["term"],
                    definition=term.values["definition"],
                    aliases=tuple(text for text, _ in term.lines("aliases")),
                )
            )
    return tuple(entries)
