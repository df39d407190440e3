"""A content folder to a Tour: each file read and checked, then the checks across files (ids
listed and present, each id once), naming the file, line, column and field of every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from exotour.content.checker import Checker
from exotour.content.fingerprint import (
    DECISION_FILE,
    GLOSSARY_FILE,
    SECTIONS_DIR,
    TOUR_FILE,
    Digest,
    Entry,
    section_entries,
)
from exotour.content.guards import kind_of, read_nodes, why
from exotour.content.limits import MAX_SECTIONS, MAX_SUGGESTIONS, MAX_TOUR_BYTES
from exotour.content.problems import Report, display_path, shown
from exotour.content.records import (
    SectionFile,
    TourHead,
    read_glossary,
    read_section,
    read_tour_file,
)
from exotour.decision import Decision
from exotour.errors import ContentError, Problem, UsageError
from exotour.i18n import N_, _
from exotour.localnumbers import number
from exotour.model import GlossaryEntry, Section, Tour
from exotour.suggest import did_you_mean


@dataclass
class _Folder:
    """One reading of a content folder: the problems, the files read and the digest."""

    root: Path
    report: Report = field(default_factory=Report)
    files: list[Checker] = field(default_factory=list)
    digest: Digest = field(default_factory=Digest)
    read_bytes: int = 0

    def read(self, path: Path) -> tuple[Checker, yaml.Node | None]:
        file = Checker(path, self.report)
        self.files.append(file)
        self.report.ranks.setdefault(path, len(self.report.ranks))  # problems in reading order
        if self.read_bytes > MAX_TOUR_BYTES:
            return file, None  # reported once, by check_content
        data, node = read_nodes(path, file)
        if data is not None:
            self.read_bytes += len(data)
            self.digest.add(path.relative_to(self.root).as_posix(), data)
        return file, node


def _root_file(folder: _Folder, name: str, what: str) -> Path | None:
    """ROOT/NAME when it is there, else None after saying why (another case, another suffix)."""
    path = folder.root / name
    if path.exists() or path.is_symlink():
        return path  # read_nodes names a folder, a FIFO or a dangling link for what it is
    stem = name.removesuffix(".yaml")
    try:
        others = sorted(
            p.name
            for p in folder.root.iterdir()
            if p.name != name and p.name.lower() in (f"{stem}.yaml", f"{stem}.yml")
        )
    except OSError:
        others = []
    if what:
        message = _(what)
        if others:
            found = shown(others[0])
            rename = _("{problem}; {found} is there: rename it {name}")
            message = rename.format(problem=message, found=found, name=name)
        folder.report.add(path, 1, 1, message)
    elif others:
        message = _("not read: rename it {name}").format(name=name)
        folder.report.add(folder.root / others[0], 1, 1, message, warning=True)
    return None


def _section_files(folder: _Folder) -> list[Path]:
    place = folder.root / SECTIONS_DIR
    try:
        entries = section_entries(folder.root) if place.is_dir() else []
    except OSError as exc:
        message = _("cannot read the folder ({why})").format(why=why(exc))
        folder.report.add(place, 1, 1, message)
        return []
    readable: list[Path] = []
    for entry in entries:
        if entry.misnamed:
            message = _(
                "not read: section files end in .yaml (lower case); rename it {name}"
            ).format(name=_lower(entry))
            folder.report.add(entry.path, 1, 1, message, warning=True)
        elif not entry.is_file:
            what = kind_of(entry.mode) if entry.mode else _("a symbolic link to nothing")
            message = _("{name} is {kind}, not a file; not read").format(
                name=shown(entry.path.name), kind=what
            )
            folder.report.add(entry.path, 1, 1, message, warning=True)
        else:
            readable.append(entry.path)
    if len(readable) > MAX_SECTIONS:
        message = _("holds {count} section files; the limit is {limit}").format(
            count=number(len(readable)), limit=number(MAX_SECTIONS)
        )
        folder.report.add(place, 1, 1, message)
        return []
    return readable


def _lower(entry: Entry) -> str:
    return shown(entry.path.stem + entry.path.suffix.lower())


def check_content(root: Path) -> tuple[Tour | None, list[Problem]]:
    """Read and check a whole content folder: the tour (None if any error) and every problem."""
    if not root.exists():
        raise UsageError(
            _("content folder '{folder}' does not exist").format(folder=shown(str(root), 400)),
            hint=_("give a folder that holds tour.yaml and sections/"),
        )
    if not root.is_dir():
        raise UsageError(
            _("'{folder}' is not a folder").format(folder=shown(str(root), 400)),
            hint=_("give the folder that holds tour.yaml and sections/, not a file in it"),
        )
    folder = _Folder(root)
    report = folder.report
    head: TourHead | None = None
    tour_file: Checker | None = None
    report.ranks[root / TOUR_FILE] = 0
    missing = N_("the tour file is missing (it gives the title and the order)")
    tour_path = _root_file(folder, TOUR_FILE, missing)
    if tour_path is not None:
        tour_file, node = folder.read(tour_path)
        head = read_tour_file(tour_file, node) if node is not None else None

    files = _section_files(folder)
    sections: dict[str, Section] = {}
    claimed: dict[str, tuple[Checker, yaml.Node]] = {}  # id -> the file that gave it first
    unreadable: set[str] = set()  # stems of section files whose id could not be read
    for path in files:
        file, node = folder.read(path)
        got = read_section(file, node) if node is not None else SectionFile(None, None, None)
        if got.id is None or got.id_node is None:
            unreadable.add(path.stem)
            continue
        if got.id in claimed:
            first = display_path(claimed[got.id][0].path)
            message = _("section id '{id}' is also used by {file}").format(
                id=shown(got.id), file=first
            )
            file.problem(got.id_node, "id", message)
            continue
        claimed[got.id] = (file, got.id_node)
        if got.section is not None:
            sections[got.id] = got.section

    glossary: tuple[GlossaryEntry, ...] = ()
    glossary_path = _root_file(folder, GLOSSARY_FILE, "")
    if glossary_path is not None:
        file, node = folder.read(glossary_path)
        if node is not None:
            glossary = read_glossary(file, node)
    decision = _decision(folder)
    if folder.read_bytes > MAX_TOUR_BYTES:
        message = _("the tour's files hold more than {limit} bytes together").format(
            limit=number(MAX_TOUR_BYTES)
        )
        report.add(root / TOUR_FILE, 1, 1, message)

    ordered: list[Section] = []
    if not files:
        message = _("no section files (expected sections/<id>.yaml)")
        report.add(root / SECTIONS_DIR, 1, 1, message)
    elif head is not None and tour_file is not None:
        ordered = _in_order(head, tour_file, sections, claimed, unreadable)
    for file in folder.files:
        file.finish()

    problems = report.problems()
    if report.errors or head is None or not ordered:
        return None, problems
    if any(section.evidence for section in ordered):
        from exotour.content.sources import sources_section  # the generated "Sources" section, last

        ordered.append(sources_section(ordered, head.sources_checked, head.language))
    tour = Tour(
        id=head.id,
        title=head.title,
        subtitle=head.subtitle,
        disclaimer=head.disclaimer,
        sections=tuple(ordered),
        glossary=glossary,
        bottom_line=head.bottom_line,
        bottom_line_source=head.bottom_line_source,
        bottom_line_short=head.bottom_line_short,
        sources_checked=head.sources_checked,
        decision=decision,
        about=head.about,
        language=head.language,
        content_dir=root,
        fingerprint=folder.digest.hexdigest(),
    )
    return tour, problems


def _decision(folder: _Folder) -> Decision | None:
    """The decision aid in decision.yaml, which a tour may leave out."""
    path = _root_file(folder, DECISION_FILE, "")
    if path is None:
        return None
    file, node = folder.read(path)
    if node is None:
        return None
    from exotour.content.aid_records import read_decision

    return read_decision(file, node)


def _in_order(
    head: TourHead,
    tour_file: Checker,
    sections: dict[str, Section],
    claimed: dict[str, tuple[Checker, yaml.Node]],
    unreadable: set[str],
) -> list[Section]:
    """The sections in the tour file's order; each id listed and missing, or present and not
    listed, is reported."""
    ordered: list[Section] = []
    listed: set[str] = set()
    suggested = 0
    for i, (section_id, node) in enumerate(head.order):
        if section_id in listed:
            continue
        listed.add(section_id)
        if section_id in sections:
            ordered.append(sections[section_id])
        elif section_id not in claimed and section_id not in unreadable:
            # A file whose id could not be read was reported already: not blamed twice.
            suggested += 1  # each suggestion compares with every id: a few are enough
            hint = did_you_mean(section_id, claimed) if suggested <= MAX_SUGGESTIONS else ""
            message = _("no section file has the id '{id}'").format(id=shown(section_id))
            message += hint
            tour_file.problem(node, f"sections[{i}]", message)
    for section_id, (file, id_node) in claimed.items():
        if section_id not in listed:
            message = _("section '{id}' is not listed in {file}").format(
                id=shown(section_id), file=TOUR_FILE
            )
            file.problem(id_node, "id", message)
    return ordered


def load_tour(root: Path) -> Tour:
    """The tour in ROOT; raises ContentError naming every problem if there is any."""
    tour, problems = check_content(root)
    if tour is None:
        raise ContentError(problems)
    return tour
