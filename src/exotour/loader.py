"""A content folder to a Tour, naming the file, line, column and field of every problem.

Content is data from possibly hostile hands: YAML is composed (never constructed) with the safe
loader, only plain scalars, lists and mappings are accepted, alias expansion and nesting are
bounded, and text may not carry control characters or terminal escape sequences.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from exotour.errors import ContentError, Problem, UsageError
from exotour.model import EvidenceNote, GlossaryEntry, Question, Section, Source, Tour

# libyaml's composer when the wheel ships it: several times faster on large tours.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TOUR_FILE = "tour.yaml"
GLOSSARY_FILE = "glossary.yaml"
SECTIONS_DIR = "sections"
MAX_FILE_BYTES = 1_000_000
MAX_ALIAS_EXPANSION = 10_000  # values an alias may add beyond the file's own
MAX_DEPTH = 32
SECTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
# C0 controls but newline, C1 controls, DEL, and the bidirectional overrides that can reorder text.
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


@dataclass
class _Report:
    """The problems found so far, across every file of a folder."""

    root: Path
    problems: list[Problem] = field(default_factory=list)

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    def add(
        self, path: Path, line: int, column: int, message: str, *, warning: bool = False
    ) -> None:
        self.problems.append(Problem(self.display(path), line, column, message, warning))

    def at(self, path: Path, node: yaml.Node, message: str, *, warning: bool = False) -> None:
        mark = node.start_mark
        self.add(path, mark.line + 1, mark.column + 1, message, warning=warning)


@dataclass(frozen=True)
class _Spec:
    """A field of a record: its name, what it holds, and whether it must be there."""

    name: str
    kind: str  # text | line | int | bool | list | map
    required: bool = True


class _FileReader:
    """Reads one YAML file into plain values, reporting problems against its own path."""

    def __init__(self, path: Path, report: _Report) -> None:
        self.path = path
        self.report = report
        self.ok = True

    def problem(self, node: yaml.Node, where: str, message: str) -> None:
        self.ok = False
        self.report.at(self.path, node, f"{where}: {message}" if where else message)

    def warn(self, node: yaml.Node, where: str, message: str) -> None:
        self.report.at(self.path, node, f"{where}: {message}", warning=True)

    def fail(self, line: int, column: int, message: str) -> None:
        self.ok = False
        self.report.add(self.path, line, column, message)

    # -- reading the file ------------------------------------------------------------------------

    def compose(self, data: bytes) -> yaml.Node | None:
        """The file's single YAML document as a node graph, or None after reporting why not."""
        if len(data) > MAX_FILE_BYTES:
            size = len(data) / 1_000_000
            self.fail(
                1, 1, f"the file is {size:.1f} MB; the limit is {MAX_FILE_BYTES // 1_000_000} MB"
            )
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            self.fail(line, column, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x})")
            return None
        text = text.removeprefix("\ufeff")
        bad = list(FORBIDDEN_CHARS.finditer(text))
        for match in bad[:5]:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            code = f"U+{ord(match.group()):04X}"
            self.fail(line, column, f"control character {code} is not allowed in content")
        if bad:
            return None
        try:
            node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = exc.problem or exc.context or "cannot be read"
            self.fail(line, column, f"YAML syntax error: {what}")
            return None
        except yaml.YAMLError as exc:
            self.fail(1, 1, f"YAML syntax error: {exc}")
            return None
        if node is None:
            self.fail(1, 1, "the file is empty (expected a mapping of fields)")
            return None
        if not self._within_bounds(node):
            return None
        if node.tag != _MAP or not isinstance(node, yaml.MappingNode):
            self.problem(node, "", f"the file holds {_describe(node)}, not a mapping of fields")
            return None
        return node

    def _within_bounds(self, root: yaml.Node) -> bool:
        """Refuse alias bombs and runaway nesting before any value is built."""
        distinct: set[int] = set()
        visits = 0
        stack: list[tuple[yaml.Node, int]] = [(root, 0)]
        budget = MAX_ALIAS_EXPANSION
        while stack:
            node, depth = stack.pop()
            visits += 1
            if id(node) in distinct:
                budget -= 1
                if budget < 0:
                    self.problem(
                        root, "", f"aliases expand to more than {MAX_ALIAS_EXPANSION} values"
                    )
                    return False
            distinct.add(id(node))
            if depth > MAX_DEPTH:
                self.problem(node, "", f"values are nested more than {MAX_DEPTH} deep")
                return False
            for child in _children(node):
                stack.append((child, depth + 1))
        return True

    # -- checking fields -------------------------------------------------------------------------

    def fields(
        self, node: yaml.Node, where: str, specs: tuple[_Spec, ...]
    ) -> dict[str, yaml.Node] | None:
        """The mapping's fields by name, after reporting unknown, duplicate and missing ones."""
        if not isinstance(node, yaml.MappingNode) or node.tag != _MAP:
            self.problem(node, where, f"expected a mapping of fields, got {_describe(node)}")
            return None
        known = {spec.name: spec for spec in specs}
        found: dict[str, yaml.Node] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.problem(key_node, where, "field names must be plain text")
                continue
            name = str(key_node.value)
            path = _join(where, name)
            if name in found:
                self.problem(key_node, path, f"duplicate field (first at line {first_line[name]})")
                continue
            if name not in known:
                close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                valid = ", ".join(known)
                self.problem(key_node, path, f"unknown field{hint}; valid fields: {valid}")
                continue
            found[name] = value_node
            first_line[name] = key_node.start_mark.line + 1
        for spec in specs:
            if spec.required and spec.name not in found and spec.name != "takeaway":
                self.problem(node, _join(where, spec.name), "missing (required)")
        return found

    def scalar(self, node: yaml.Node, where: str) -> Any:
        """A plain scalar's value; tags that would build objects are refused."""
        if not isinstance(node, yaml.ScalarNode):
            return _NOT_SCALAR
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, where, f"the tag {node.tag} is not allowed (content is plain data)")
            return _NOT_SCALAR
        if node.tag == _STR or node.tag == "tag:yaml.org,2002:timestamp":
            return str(node.value)
        return _CONSTRUCTOR.construct_object(node, deep=True)

    def text(self, node: yaml.Node, where: str, *, one_line: bool = False) -> str | None:
        value = self.scalar(node, where)
        if value is _NOT_SCALAR:
            if not self._tagged(node):
                self.problem(node, where, f"expected text, got {_describe(node)}")
            return None
        if value is None or isinstance(value, bool):
            self.problem(node, where, f"expected text, got {_describe(node)}")
            return None
        text = str(value).strip()
        if not text:
            self.problem(node, where, "is empty")
            return None
        if one_line and "\n" in text:
            self.problem(node, where, "must be a single line")
            return None
        return text

    def integer(self, node: yaml.Node, where: str) -> int | None:
        value = self.scalar(node, where)
        if isinstance(value, bool) or not isinstance(value, int):
            if not self._tagged(node):
                self.problem(node, where, f"expected a whole number, got {_describe(node)}")
            return None
        return value

    def boolean(self, node: yaml.Node, where: str) -> bool | None:
        value = self.scalar(node, where)
        if not isinstance(value, bool):
            if not self._tagged(node):
                self.problem(node, where, f"expected true or false, got {_describe(node)}")
            return None
        return value

    def items(self, node: yaml.Node, where: str) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode) or node.tag != _SEQ:
            if not self._tagged(node):
                self.problem(node, where, f"expected a list, got {_describe(node)}")
            return None
        return list(node.value)

    def texts(self, node: yaml.Node, where: str) -> tuple[str, ...]:
        items = self.items(node, where) or []
        found = (self.text(item, f"{where}[{i}]", one_line=True) for i, item in enumerate(items))
        return tuple(t for t in found if t is not None)

    def _tagged(self, node: yaml.Node) -> bool:
        """Whether a refused tag was already reported for this node."""
        if node.tag in _SCALAR_TAGS or node.tag in (_SEQ, _MAP):
            return False
        self.problem(node, "", f"the tag {node.tag} is not allowed (content is plain data)")
        return True


_NOT_SCALAR = object()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        yield from node.value
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    names = {
        "tag:yaml.org,2002:int": "a number",
        "tag:yaml.org,2002:float": "a number",
        "tag:yaml.org,2002:bool": "true/false",
        "tag:yaml.org,2002:null": "nothing",
        "tag:yaml.org,2002:timestamp": "a date",
    }
    return names.get(node.tag, "text")


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


# -- the three kinds of file ---------------------------------------------------------------------

TOUR_FIELDS = (
    _Spec("id", "line"),
    _Spec("title", "line"),
    _Spec("subtitle", "line", required=False),
    _Spec("disclaimer", "text"),
    _Spec("bottom_line", "map", required=False),
    _Spec("sections", "list"),
)
BOTTOM_LINE_FIELDS = (_Spec("text", "text"), _Spec("source", "line"))
SECTION_FIELDS = (
    _Spec("id", "line"),
    _Spec("title", "line"),
    _Spec("takeaway", "line"),  # missing is only a warning
    _Spec("keywords", "list", required=False),
    _Spec("added_by_tour", "bool", required=False),
    _Spec("body", "text"),
    _Spec("evidence", "list", required=False),
    _Spec("quiz", "list", required=False),
)
EVIDENCE_FIELDS = (_Spec("text", "text"), _Spec("as_of", "line"), _Spec("sources", "list"))
SOURCE_FIELDS = (
    _Spec("author", "line"),
    _Spec("title", "line"),
    _Spec("year", "int"),
    _Spec("url", "line", required=False),
    _Spec("doi", "line", required=False),
)
QUESTION_FIELDS = (
    _Spec("question", "text"),
    _Spec("choices", "list"),
    _Spec("answer", "int"),
    _Spec("explanation", "text"),
)
GLOSSARY_FIELDS = (_Spec("terms", "list"),)
TERM_FIELDS = (
    _Spec("term", "line"),
    _Spec("aliases", "list", required=False),
    _Spec("definition", "text"),
)


@dataclass(frozen=True)
class _TourHead:
    id: str
    title: str
    subtitle: str
    disclaimer: str
    bottom_line: str
    bottom_line_source: str
    order: tuple[tuple[str, yaml.Node], ...]


def _read_tour_file(reader: _FileReader, root: yaml.Node) -> _TourHead | None:
    found = reader.fields(root, "", TOUR_FIELDS)
    if found is None:
        return None
    get = _getter(reader, found, "")
    bottom_text = bottom_source = ""
    if "bottom_line" in found:
        bottom = reader.fields(found["bottom_line"], "bottom_line", BOTTOM_LINE_FIELDS)
        if bottom is not None:
            bottom_get = _getter(reader, bottom, "bottom_line")
            bottom_text = bottom_get("text", "text") or ""
            bottom_source = bottom_get("source", "line") or ""
    order: list[tuple[str, yaml.Node]] = []
    for i, item in enumerate(_list(reader, found, "sections", "")):
        section_id = reader.text(item, f"sections[{i}]", one_line=True)
        if section_id is not None:
            order.append((section_id, item))
    if "sections" in found and not order and reader.ok:
        reader.problem(found["sections"], "sections", "lists no sections")
    head = _TourHead(
        id=get("id", "line") or "",
        title=get("title", "line") or "",
        subtitle=get("subtitle", "line") or "",
        disclaimer=get("disclaimer", "text") or "",
        bottom_line=bottom_text,
        bottom_line_source=bottom_source,
        order=tuple(order),
    )
    return head if reader.ok else None


def _getter(
    reader: _FileReader, found: dict[str, yaml.Node], where: str
) -> Callable[[str, str], Any]:
    def get(name: str, kind: str) -> Any:
        node = found.get(name)
        if node is None:
            return None
        path = _join(where, name)
        if kind == "line":
            return reader.text(node, path, one_line=True)
        if kind == "text":
            return reader.text(node, path)
        if kind == "int":
            return reader.integer(node, path)
        if kind == "bool":
            return reader.boolean(node, path)
        raise AssertionError(kind)

    return get


def _list(
    reader: _FileReader, found: dict[str, yaml.Node], name: str, where: str
) -> list[yaml.Node]:
    """The items of an optional list field; none when it is absent or not a list."""
    node = found.get(name)
    return (reader.items(node, _join(where, name)) or []) if node is not None else []


def _read_section(reader: _FileReader, root: yaml.Node) -> tuple[Section, yaml.Node] | None:
    found = reader.fields(root, "", SECTION_FIELDS)
    if found is None:
        return None
    get = _getter(reader, found, "")
    section_id = get("id", "line")
    if section_id is not None and not SECTION_ID.match(section_id):
        reader.problem(
            found["id"], "id", f"'{section_id}' is not a valid id (use a-z, 0-9 and -, at most 64)"
        )
    title = get("title", "line")
    takeaway = get("takeaway", "line")
    if "takeaway" not in found:
        reader.warn(root, "takeaway", "missing; 'exotour summary' will show none for this section")
    keywords = reader.texts(found["keywords"], "keywords") if "keywords" in found else ()
    added = get("added_by_tour", "bool")
    body = get("body", "text")
    evidence = tuple(
        note
        for i, node in enumerate(_list(reader, found, "evidence", ""))
        if (note := _read_note(reader, node, f"evidence[{i}]")) is not None
    )
    quiz = tuple(
        question
        for i, node in enumerate(_list(reader, found, "quiz", ""))
        if (question := _read_question(reader, node, f"quiz[{i}]")) is not None
    )
    if not reader.ok or section_id is None or title is None or body is None:
        return None
    section = Section(
        id=section_id,
        title=title,
        takeaway=takeaway or "",
        body=body,
        keywords=keywords,
        evidence=evidence,
        quiz=quiz,
        added_by_tour=bool(added),
    )
    return section, found["id"]


def _read_note(reader: _FileReader, node: yaml.Node, where: str) -> EvidenceNote | None:
    found = reader.fields(node, where, EVIDENCE_FIELDS)
    if found is None:
        return None
    get = _getter(reader, found, where)
    text, as_of = get("text", "text"), get("as_of", "line")
    sources: list[Source] = []
    items = reader.items(found["sources"], f"{where}.sources") if "sources" in found else None
    for i, item in enumerate(items or []):
        source = _read_source(reader, item, f"{where}.sources[{i}]")
        if source is not None:
            sources.append(source)
    if items is not None and not items:
        reader.problem(found["sources"], f"{where}.sources", "lists no sources")
    if text is None or as_of is None or not sources:
        return None
    return EvidenceNote(text=text, as_of=as_of, sources=tuple(sources))


def _read_source(reader: _FileReader, node: yaml.Node, where: str) -> Source | None:
    found = reader.fields(node, where, SOURCE_FIELDS)
    if found is None:
        return None
    get = _getter(reader, found, where)
    author, title, year = get("author", "line"), get("title", "line"), get("year", "int")
    url, doi = get("url", "line"), get("doi", "line")
    if "url" not in found and "doi" not in found:
        reader.problem(node, where, "needs a url or a doi")
        return None
    if url is not None and not url.startswith(("https://", "http://")):
        reader.problem(found["url"], f"{where}.url", "must start with https:// or http://")
        return None
    if author is None or title is None or year is None:
        return None
    return Source(author=author, title=title, year=year, url=url, doi=doi)


def _read_question(reader: _FileReader, node: yaml.Node, where: str) -> Question | None:
    found = reader.fields(node, where, QUESTION_FIELDS)
    if found is None:
        return None
    get = _getter(reader, found, where)
    question, answer, explanation = (
        get("question", "text"),
        get("answer", "int"),
        get("explanation", "text"),
    )
    choices = reader.texts(found["choices"], f"{where}.choices") if "choices" in found else ()
    if "choices" in found and not 2 <= len(choices) <= 4 and reader.ok:
        reader.problem(found["choices"], f"{where}.choices", f"has {len(choices)}; give 2 to 4")
        return None
    if answer is not None and choices and not 1 <= answer <= len(choices):
        reader.problem(
            found["answer"], f"{where}.answer", f"{answer} is not a choice (1-{len(choices)})"
        )
        return None
    if question is None or answer is None or explanation is None or not choices:
        return None
    return Question(question=question, choices=choices, answer=answer - 1, explanation=explanation)


def _read_glossary(reader: _FileReader, root: yaml.Node) -> tuple[GlossaryEntry, ...]:
    found = reader.fields(root, "", GLOSSARY_FIELDS)
    if found is None or "terms" not in found:
        return ()
    entries: list[GlossaryEntry] = []
    seen: dict[str, int] = {}
    for i, node in enumerate(_list(reader, found, "terms", "")):
        where = f"terms[{i}]"
        fields = reader.fields(node, where, TERM_FIELDS)
        if fields is None:
            continue
        get = _getter(reader, fields, where)
        term, definition = get("term", "line"), get("definition", "text")
        aliases = reader.texts(fields["aliases"], f"{where}.aliases") if "aliases" in fields else ()
        if term is None or definition is None:
            continue
        for name in (term, *aliases):
            key = name.casefold()
            if key in seen:
                reader.problem(node, where, f"'{name}' is already a name of terms[{seen[key]}]")
            seen.setdefault(key, i)
        entries.append(GlossaryEntry(term=term, definition=definition, aliases=aliases))
    return tuple(entries)


# -- the folder ----------------------------------------------------------------------------------


def _section_files(root: Path) -> list[Path]:
    folder = root / SECTIONS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def check_content(root: Path) -> tuple[Tour | None, list[Problem]]:
    """Read and check a whole content folder: the tour (None if any error) and every problem."""
    if not root.is_dir():
        raise UsageError(
            f"content folder '{root}' does not exist",
            hint="give a folder that holds tour.yaml and sections/",
        )
    report = _Report(root)
    digest = hashlib.sha256()

    def read(path: Path) -> tuple[_FileReader, yaml.Node | None]:
        reader = _FileReader(path, report)
        try:
            data = path.read_bytes()
        except OSError as exc:
            reader.fail(1, 1, f"cannot read the file: {exc.strerror or exc}")
            return reader, None
        digest.update(path.name.encode() + b"\0" + data + b"\0")
        return reader, reader.compose(data)

    tour_path = root / TOUR_FILE
    head: _TourHead | None = None
    tour_reader: _FileReader | None = None
    if tour_path.is_file():
        tour_reader, node = read(tour_path)
        head = _read_tour_file(tour_reader, node) if node is not None else None
    else:
        report.add(tour_path, 1, 1, "the tour file is missing (it gives the title and the order)")

    sections: dict[str, Section] = {}
    id_nodes: dict[str, tuple[_FileReader, yaml.Node]] = {}
    for path in _section_files(root):
        reader, node = read(path)
        if node is None:
            continue
        result = _read_section(reader, node)
        if result is None:
            continue
        section, id_node = result
        if section.id in sections:
            other = report.display(id_nodes[section.id][0].path)
            reader.problem(id_node, "id", f"section id '{section.id}' is also used by {other}")
            continue
        sections[section.id] = section
        id_nodes[section.id] = (reader, id_node)

    glossary: tuple[GlossaryEntry, ...] = ()
    glossary_path = root / GLOSSARY_FILE
    if glossary_path.is_file():
        reader, node = read(glossary_path)
        if node is not None:
            glossary = _read_glossary(reader, node)

    ordered: list[Section] = []
    if head is not None and tour_reader is not None:
        listed: set[str] = set()
        for i, (section_id, node) in enumerate(head.order):
            if section_id in listed:
                tour_reader.problem(node, f"sections[{i}]", f"'{section_id}' is listed twice")
            elif section_id in sections:
                ordered.append(sections[section_id])
            elif section_id not in id_nodes:
                close = difflib.get_close_matches(section_id, list(sections), n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                tour_reader.problem(
                    node, f"sections[{i}]", f"no section file has the id '{section_id}'{hint}"
                )
            listed.add(section_id)
        for section_id, (reader, id_node) in id_nodes.items():
            if section_id not in listed:
                reader.problem(
                    id_node, "id", f"section '{section_id}' is not listed in {TOUR_FILE}"
                )
        if not sections and not any(not p.is_warning for p in report.problems):
            report.add(root / SECTIONS_DIR, 1, 1, "no section files (expected sections/*.yaml)")

    errors = [p for p in report.problems if not p.is_warning]
    if errors or head is None or not ordered:
        return None, report.problems
    tour = Tour(
        id=head.id,
        title=head.title,
        subtitle=head.subtitle,
        disclaimer=head.disclaimer,
        sections=tuple(ordered),
        glossary=glossary,
        bottom_line=head.bottom_line,
        bottom_line_source=head.bottom_line_source,
        content_dir=root,
        fingerprint=digest.hexdigest(),
    )
    return tour, report.problems


def load_tour(root: Path) -> Tour:
    """The tour in ROOT; raises ContentError naming every problem if there is any."""
    tour, problems = check_content(root)
    if tour is None:
        raise ContentError(problems)
    return tour


def builtin_content_dir() -> Path:
    """The exosome tour shipped with the package (or beside the source tree, in a checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "content"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "content"
