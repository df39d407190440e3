"""A content folder to a Tour, naming the file, line, column and field of every problem.

Content is data from possibly hostile hands: YAML is composed (never constructed) with the safe
loader, only plain text, numbers, true/false, lists and mappings are accepted, alias expansion and
nesting are bounded, and text may not carry control characters or terminal escape sequences,
whether typed into the file or written as YAML escapes such as "\\e".

The fields of every record are declared once, in RECORDS; tests/test_schema.py holds the JSON
Schema in content/schema/ to the same names, kinds and required fields.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from exotour.content.location import (
    builtin_content_dir as builtin_content_dir,  # where the tour ships
)
from exotour.errors import ContentError, Problem, UsageError
from exotour.model import EvidenceNote, GlossaryEntry, Question, Section, Source, Tour

# libyaml's composer when the wheel ships it: several times faster on large tours.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TOUR_FILE = "tour.yaml"
GLOSSARY_FILE = "glossary.yaml"
SECTIONS_DIR = "sections"
SCHEMA_DIR = "schema"  # the JSON Schema files editors read; the loader ignores the folder
MAX_FILE_BYTES = 1_000_000
MAX_ALIAS_EXPANSION = 10_000  # values that aliases may add beyond the file's own
MAX_DEPTH = 32
MAX_VALUES = 20_000  # in one file: the whole built-in tour has a few thousand
MAX_PROBLEMS_PER_FILE = 100
MAX_CHAR_REPORTS = 5  # control characters reported one by one in a file, then counted
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
VALID_ID = re.compile(ID_PATTERN)
DOI_PATTERN = r"^10\.[0-9]+(\.[0-9]+)*/\S+$"
URL_PATTERN = r"^https?://\S+$"
MIN_CHOICES, MAX_CHOICES = 2, 4
MIN_YEAR, MAX_YEAR = 1000, 9999
# C0 controls but tab and newline, DEL, C1 controls, the Unicode line and paragraph separators
# (YAML and Python split lines there), and the bidirectional controls that can reorder text.
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _SEQ, _MAP}
_SYNTAX_HINTS = (
    ("found undefined alias", "an alias (*name) needs an anchor (&name) before it"),
    ("but found another document", "a file holds one document: remove the second '---'"),
)


# -- what each file may hold ---------------------------------------------------------------------

Kind = Literal["line", "text", "int", "bool", "lines", "record", "records"]
Need = Literal["required", "optional", "warn"]


@dataclass(frozen=True)
class FieldSpec:
    """A field of a record: its name, what it holds, and whether it must be there.

    Kinds: line (one line of text), text (may span lines), int, bool, lines (a list of lines),
    record (a mapping of the record named by `record`), records (a list of such mappings).
    """

    name: str
    kind: Kind
    need: Need = "required"
    record: str = ""
    if_missing: str = ""  # the warning when a `warn` field is missing


RECORDS: dict[str, tuple[FieldSpec, ...]] = {
    "tour": (
        FieldSpec("id", "line"),
        FieldSpec("title", "line"),
        FieldSpec("subtitle", "line", "optional"),
        FieldSpec("disclaimer", "text"),
        FieldSpec("bottom_line", "record", "optional", record="bottom_line"),
        FieldSpec("sections", "lines"),
    ),
    "bottom_line": (FieldSpec("text", "text"), FieldSpec("source", "line")),
    "section": (
        FieldSpec("id", "line"),
        FieldSpec("title", "line"),
        FieldSpec(
            "takeaway",
            "line",
            "warn",
            if_missing="missing; 'exotour summary' will show none for this section",
        ),
        FieldSpec("keywords", "lines", "optional"),
        FieldSpec("added_by_tour", "bool", "optional"),
        FieldSpec("body", "text"),
        FieldSpec("evidence", "records", "optional", record="evidence"),
        FieldSpec("quiz", "records", "optional", record="question"),
    ),
    "evidence": (
        FieldSpec("text", "text"),
        FieldSpec("as_of", "line"),
        FieldSpec("sources", "records", record="source"),
    ),
    "source": (
        FieldSpec("author", "line"),
        FieldSpec("title", "line"),
        FieldSpec("year", "int"),
        FieldSpec("url", "line", "optional"),
        FieldSpec("doi", "line", "optional"),
    ),
    "question": (
        FieldSpec("question", "text"),
        FieldSpec("choices", "lines"),
        FieldSpec("answer", "int"),
        FieldSpec("explanation", "text"),
    ),
    "glossary": (FieldSpec("terms", "records", record="term"),),
    "term": (
        FieldSpec("term", "line"),
        FieldSpec("aliases", "lines", "optional"),
        FieldSpec("definition", "text"),
    ),
}
# The record at the top of each kind of file, and the schema that describes it.
FILE_RECORDS = {
    "tour": "tour.schema.json",
    "section": "section.schema.json",
    "glossary": "glossary.schema.json",
}


# -- problems ------------------------------------------------------------------------------------


def shown(value: str, limit: int = 40) -> str:
    """Content quoted inside a message: anything unprintable escaped, and not too long."""
    if len(value) <= limit and value.isprintable():
        return value  # the usual case, called for every field name: spare the loop below
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the current folder when inside it."""
    if path.is_absolute():
        try:
            cwd = Path.cwd()
        except OSError:  # the current folder was removed
            cwd = None
        for base in (cwd, cwd.resolve()) if cwd is not None else ():
            try:
                return shown(str(path.relative_to(base)), 400)
            except ValueError:
                pass
    return shown(str(path), 400)


@dataclass(frozen=True)
class _Found:
    rank: int  # the order files were read in, so problems come out file by file
    problem: Problem


@dataclass
class _Report:
    """The problems found so far, across every file of a folder."""

    found: list[_Found] = field(default_factory=list)
    ranks: dict[Path, int] = field(default_factory=dict)

    def add(
        self, path: Path, line: int, column: int, message: str, *, warning: bool = False
    ) -> None:
        rank = self.ranks.setdefault(path, len(self.ranks))
        self.found.append(_Found(rank, Problem(display_path(path), line, column, message, warning)))

    @property
    def errors(self) -> int:
        return sum(1 for f in self.found if not f.problem.is_warning)

    def problems(self) -> list[Problem]:
        ordered = sorted(self.found, key=lambda f: f.rank)  # stable: in the order found
        return [f.problem for f in ordered]


@dataclass
class _Record:
    """A mapping read against its fields: the nodes by name and the values read without fault."""

    node: yaml.Node
    nodes: dict[str, yaml.Node]
    values: dict[str, Any]
    start: int  # the reader's fault count before this record was read

    def lines(self, name: str) -> list[tuple[str, yaml.Node]]:
        found: list[tuple[str, yaml.Node]] = self.values.get(name, [])
        return found

    def records(self, name: str) -> list[_Record]:
        found: list[_Record] = self.values.get(name, [])
        return found


# -- one file ------------------------------------------------------------------------------------


class _FileReader:
    """Reads one YAML file into plain values, reporting problems against its own path."""

    def __init__(self, path: Path, report: _Report) -> None:
        self.path = path
        self.report = report
        self.errors = 0
        self.faults = 0  # errors, and uses of values already refused: a record with any is unused
        self.silenced = 0
        self._refused: set[int] = set()  # nodes already reported as unusable

    def _add(self, line: int, column: int, message: str, *, warning: bool = False) -> None:
        if not warning:
            self.errors += 1
            self.faults += 1
        if self.errors > MAX_PROBLEMS_PER_FILE:
            self.silenced += 1
            return
        self.report.add(self.path, line, column, message, warning=warning)

    def problem(self, node: yaml.Node, where: str, message: str) -> None:
        mark = node.start_mark
        self._add(mark.line + 1, mark.column + 1, f"{where}: {message}" if where else message)

    def warn(self, node: yaml.Node, where: str, message: str) -> None:
        mark = node.start_mark
        self._add(mark.line + 1, mark.column + 1, f"{where}: {message}", warning=True)

    def fail(self, line: int, column: int, message: str) -> None:
        self._add(line, column, message)

    def finish(self) -> None:
        if self.silenced:
            self.report.add(
                self.path, 1, 1, f"{self.silenced} more problems in this file are not shown"
            )

    # -- reading the file ------------------------------------------------------------------------

    def compose(self, data: bytes, size: int) -> yaml.Node | None:
        """The file's single YAML document as a node graph, or None after reporting why not."""
        if size > MAX_FILE_BYTES:
            self.fail(
                1,
                1,
                f"the file is too large ({size:,} bytes); "
                f"the limit is {MAX_FILE_BYTES // 1_000_000} MB ({MAX_FILE_BYTES:,} bytes)",
            )
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if data.startswith((b"\xff\xfe", b"\xfe\xff")):
                self.fail(1, 1, "the file is UTF-16 text; save it as UTF-8")
                return None
            line = data[: exc.start].count(b"\n") + 1
            column = (
                len(
                    data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace")
                )
                + 1
            )
            self.fail(
                line,
                column,
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x})",
            )
            return None
        # Windows line ends are line ends; a carriage return anywhere else is refused below.
        text = text.removeprefix("\ufeff").replace("\r\n", "\n")
        if not self._plain_characters(text):
            return None
        try:
            refused = _prescan(text)
            if refused is not None:
                self.fail(*refused)
                return None
            node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = str(exc.problem or exc.context or "the file cannot be read")
            if exc.context and what.startswith("but "):  # "expected a single document, but ..."
                what = f"{exc.context}, {what}"
            what = " ".join(what.split())
            hint = next((h for key, h in _SYNTAX_HINTS if key in what), "")
            self.fail(
                line,
                column,
                f"YAML syntax error: {shown(what, 200)}" + (f" ({hint})" if hint else ""),
            )
            return None
        except RecursionError:  # libyaml bounds nesting itself; the pure-Python parser recurses
            self.fail(1, 1, f"values are nested more than {MAX_DEPTH} deep")
            return None
        except yaml.reader.ReaderError as exc:  # a noncharacter such as U+FFFE
            line = text.count("\n", 0, exc.position) + 1
            column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
            code = exc.character if isinstance(exc.character, int) else ord(exc.character)
            self.fail(line, column, f"character U+{code:04X} is not allowed in YAML")
            return None
        except yaml.YAMLError as exc:
            what = " ".join(str(exc).split()) or type(exc).__name__
            self.fail(1, 1, f"YAML syntax error: {shown(what, 200)}")
            return None
        if node is None:
            self.fail(1, 1, "the file is empty (expected a mapping of fields)")
            return None
        if not self._inspect(node):
            return None
        if self.refused(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "", f"the file holds {_describe(node)}, not a mapping of fields")
            return None
        return node

    def _plain_characters(self, text: str) -> bool:
        """Whether TEXT is free of control characters; each one found is reported (a few)."""
        bad = list(FORBIDDEN_CHARS.finditer(text))
        for match in bad[:MAX_CHAR_REPORTS]:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            self.fail(line, column, _char_message(match.group()))
        if len(bad) > MAX_CHAR_REPORTS:
            more = len(bad) - MAX_CHAR_REPORTS
            self.fail(1, 1, f"{more} more control characters in this file")
        return not bad

    def _inspect(self, root: yaml.Node) -> bool:
        """Check every node once, before any value is read: tags beyond plain data and control
        characters written as escapes are reported; alias bombs, loops and runaway nesting stop
        the file (False)."""
        seen: set[int] = set()
        on_path: set[int] = set()
        budget = MAX_ALIAS_EXPANSION
        # (node, depth, field path, is a field name, leaving it after its children)
        stack: list[tuple[yaml.Node, int, str, bool, bool]] = [(root, 0, "", False, False)]
        while stack:
            node, depth, where, key, leaving = stack.pop()
            if leaving:
                on_path.discard(id(node))
                continue
            if id(node) in on_path:
                self.problem(node, where, "an alias refers to a value that contains it (a loop)")
                return False
            if id(node) in seen:
                budget -= 1
                if budget < 0:
                    message = f"aliases expand to more than {MAX_ALIAS_EXPANSION} values"
                    self.problem(root, "", message)
                    return False
            else:
                seen.add(id(node))
                self._check_node(node, where, key=key)
            if depth > MAX_DEPTH:
                top = re.split(r"[.\[]", where, maxsplit=1)[0]  # the field; the path is too long
                self.problem(node, top, f"values are nested more than {MAX_DEPTH} deep")
                return False
            children = list(_children(node, where))
            if children:
                on_path.add(id(node))
                stack.append((node, depth, where, key, True))
                stack.extend(
                    (child, depth + 1, path, is_key, False)
                    for child, path, is_key in reversed(children)
                )
        return True

    def _check_node(self, node: yaml.Node, where: str, *, key: bool) -> None:
        if node.tag == _MERGE:
            self._refuse(node, where, "merge keys (<<) are not supported; write the fields out")
        elif node.tag not in _PLAIN_TAGS:
            self._refuse(
                node,
                where,
                f"the tag {shown(node.tag, 120)} is not allowed (content is plain data)",
            )
        elif isinstance(node, yaml.ScalarNode) and (bad := FORBIDDEN_CHARS.search(str(node.value))):
            # Written as an escape ("\\e"): the characters typed into the file were checked already.
            message = "field names must be plain text" if key else _char_message(bad.group())
            self._refuse(node, where, message)

    def refused(self, node: yaml.Node) -> bool:
        """Whether NODE was reported as unusable already; its record is then not used either."""
        if id(node) in self._refused:
            self.faults += 1
            return True
        return False

    def _refuse(self, node: yaml.Node, where: str, message: str) -> None:
        self._refused.add(id(node))
        self.problem(node, where, message)

    # -- checking fields -------------------------------------------------------------------------

    def record(self, node: yaml.Node, where: str, name: str) -> _Record | None:
        """A mapping read against the fields of the record NAME; None if it is no mapping."""
        start = self.faults
        specs = RECORDS[name]
        found = self.fields(node, where, specs)
        if found is None:
            return None
        values: dict[str, Any] = {}
        for spec in specs:
            child = found.get(spec.name)
            if child is not None:
                value = self.value(child, _join(where, spec.name), spec)
                if value is not None:
                    values[spec.name] = value
        return _Record(node, found, values, start)

    def value(self, node: yaml.Node, where: str, spec: FieldSpec) -> Any:
        if spec.kind in ("line", "text"):
            return self.text(node, where, one_line=spec.kind == "line")
        if spec.kind == "int":
            return self.integer(node, where)
        if spec.kind == "bool":
            return self.boolean(node, where)
        if spec.kind == "record":
            return self.record(node, where, spec.record)
        items = self.items(node, where)
        if items is None:
            return None
        if spec.kind == "lines":
            lines = (
                (self.text(item, f"{where}[{i}]", one_line=True), item)
                for i, item in enumerate(items)
            )
            return [(text, item) for text, item in lines if text is not None]
        records = (self.record(item, f"{where}[{i}]", spec.record) for i, item in enumerate(items))
        return [record for record in records if record is not None]

    def fields(
        self, node: yaml.Node, where: str, specs: tuple[FieldSpec, ...]
    ) -> dict[str, yaml.Node] | None:
        """The mapping's fields by name, after reporting unknown, duplicate and missing ones."""
        if self.refused(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, where, f"expected a mapping of fields, got {_describe(node)}")
            return None
        known = {spec.name: spec for spec in specs}
        found: dict[str, yaml.Node] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if self.refused(key_node):
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.problem(key_node, where, "field names must be plain text")
                continue
            name = str(key_node.value)
            path = _join(where, shown(name))
            if name in found:
                self.problem(key_node, path, f"duplicate field (first at line {first_line[name]})")
                continue
            if name not in known:
                quiet = self.errors >= MAX_PROBLEMS_PER_FILE  # not shown: spare the suggestion
                self.problem(key_node, path, "" if quiet else _unknown_field(name, list(known)))
                continue
            found[name] = value_node
            first_line[name] = key_node.start_mark.line + 1
        for spec in specs:
            if spec.name in found:
                continue
            if spec.need == "required":
                self.problem(node, _join(where, spec.name), "missing (required)")
            elif spec.need == "warn":
                self.warn(node, _join(where, spec.name), spec.if_missing)
        return found

    def text(self, node: yaml.Node, where: str, *, one_line: bool = False) -> str | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, where, f"expected text, got {_describe(node)}")
            return None
        # A number, a date or yes/no where text belongs is text: the characters as written.
        text = "" if node.tag == _NULL else str(node.value).strip()
        if not text:
            self.problem(node, where, "is empty")
            return None
        if one_line and "\n" in text:
            self.problem(node, where, "must be a single line")
            return None
        return text

    def integer(self, node: yaml.Node, where: str) -> int | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag != _INT:
            got = _describe(node)
            if node.tag == _STR and str(node.value).strip().isdigit():
                got += " in quotes; remove the quotes"
            self.problem(node, where, f"expected a whole number, got {got}")
            return None
        try:
            value: int = _CONSTRUCTOR.construct_yaml_int(node)
        except ValueError:  # an explicit !!int on text, or more digits than Python converts
            self.problem(node, where, f"'{shown(str(node.value))}' is not a usable whole number")
            return None
        return value

    def boolean(self, node: yaml.Node, where: str) -> bool | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
            self.problem(node, where, f"expected true or false, got {_describe(node)}")
            return None
        try:
            value: bool = _CONSTRUCTOR.construct_yaml_bool(node)
        except (KeyError, ValueError):  # an explicit !!bool on other text
            self.problem(node, where, f"expected true or false, got '{shown(str(node.value))}'")
            return None
        return value

    def items(self, node: yaml.Node, where: str) -> list[yaml.Node] | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, where, f"expected a list, got {_describe(node)}")
            return None
        return list(node.value)


# Only its scalar conversions are used, never construct_object: no state, no objects.
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


_VALUE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)


def _prescan(text: str) -> tuple[int, int, str] | None:
    """What to refuse before composing, judged from parser events alone, which are cheap: more
    values than MAX_VALUES (a megabyte of tiny values takes seconds to compose), or nesting deeper
    than MAX_DEPTH (the pure-Python parser slows down with the square of it)."""
    count = 0
    stack: list[bool] = []  # for each collection open: whether it is a mapping
    field_next = False  # the next value in the root mapping is a field name
    name = ""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            stack.pop()
            continue
        if not isinstance(event, _VALUE_EVENTS):
            continue
        count += 1
        if count > MAX_VALUES:
            return 1, 1, f"the file holds more than {MAX_VALUES} values"
        if stack == [True]:
            if field_next and isinstance(event, yaml.ScalarEvent):
                name = shown(str(event.value))
            field_next = not field_next
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append(isinstance(event, yaml.MappingStartEvent))
            field_next = field_next or stack == [True]
            if len(stack) > MAX_DEPTH + 1:  # the root is 0 deep
                where = f"{name}: " if name else ""
                message = f"{where}values are nested more than {MAX_DEPTH} deep"
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1, message) if mark else (1, 1, message)
    return None


def _children(node: yaml.Node, where: str) -> Iterator[tuple[yaml.Node, str, bool]]:
    """Each child with its field path, and whether it is a field name."""
    if isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield item, f"{where}[{i}]", False
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
            yield key, where, True
            yield value, _join(where, shown(name)), False


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    names = {
        _INT: "a number",
        _FLOAT: "a number",
        _BOOL: "true/false",
        _NULL: "nothing",
        _TIMESTAMP: "a date",
    }
    return names.get(node.tag, "text")


def _char_message(char: str) -> str:
    return f"control character U+{ord(char):04X} is not allowed in content"


def _unknown_field(name: str, known: list[str]) -> str:
    folded = {k.casefold(): k for k in known}
    close = [folded[name.casefold()]] if name.casefold() in folded else []
    if not close and len(name) <= 64:  # a longer name is no typo, and costly to compare
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown field{hint}; valid fields: {', '.join(known)}"


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _complete(reader: _FileReader, record: _Record) -> bool:
    """Whether the record and everything in it was read without an error."""
    return reader.faults == record.start


# -- the three kinds of file ---------------------------------------------------------------------


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
    tour = reader.record(root, "", "tour")
    if tour is None:
        return None
    values = tour.values
    if "id" in values and not VALID_ID.match(values["id"]):
        reader.problem(tour.nodes["id"], "id", _bad_id(values["id"]))
    order = tour.lines("sections")
    if "sections" in values and not tour.nodes["sections"].value:
        reader.problem(tour.nodes["sections"], "sections", "lists no sections")
    listed: dict[str, int] = {}
    for i, (section_id, node) in enumerate(order):
        if section_id in listed:
            reader.problem(node, f"sections[{i}]", f"'{shown(section_id)}' is listed twice")
        listed.setdefault(section_id, i)
    bottom: _Record | None = values.get("bottom_line")
    if not _complete(reader, tour):
        return None
    return _TourHead(
        id=values["id"],
        title=values["title"],
        subtitle=values.get("subtitle", ""),
        disclaimer=values["disclaimer"],
        bottom_line=bottom.values["text"] if bottom else "",
        bottom_line_source=bottom.values["source"] if bottom else "",
        order=tuple(order),
    )


def _bad_id(value: str) -> str:
    return f"'{shown(value)}' is not a valid id (use a-z, 0-9 and -, at most 64)"


@dataclass(frozen=True)
class _SectionFile:
    """What a section file gave: its id (when readable) and the section (when it has no error)."""

    id: str | None
    id_node: yaml.Node | None
    section: Section | None


def _read_section(reader: _FileReader, root: yaml.Node) -> _SectionFile:
    record = reader.record(root, "", "section")
    if record is None:
        return _SectionFile(None, None, None)
    values = record.values
    section_id: str | None = values.get("id")
    if section_id is not None and not VALID_ID.match(section_id):
        reader.problem(record.nodes["id"], "id", _bad_id(section_id))
    notes = [_note(reader, r, f"evidence[{i}]") for i, r in enumerate(record.records("evidence"))]
    quiz = [_question(reader, r, f"quiz[{i}]") for i, r in enumerate(record.records("quiz"))]
    id_node = record.nodes.get("id")
    if not _complete(reader, record):
        return _SectionFile(section_id, id_node, None)
    section = Section(
        id=values["id"],
        title=values["title"],
        takeaway=values.get("takeaway", ""),
        body=values["body"],
        keywords=tuple(text for text, _ in record.lines("keywords")),
        evidence=tuple(note for note in notes if note is not None),
        quiz=tuple(question for question in quiz if question is not None),
        added_by_tour=values.get("added_by_tour", False),
    )
    return _SectionFile(section.id, id_node, section)


def _note(reader: _FileReader, record: _Record, where: str) -> EvidenceNote | None:
    sources_node = record.nodes.get("sources")
    if isinstance(sources_node, yaml.SequenceNode) and not sources_node.value:
        reader.problem(record.nodes["sources"], f"{where}.sources", "lists no sources")
    sources = [
        _source(reader, r, f"{where}.sources[{i}]") for i, r in enumerate(record.records("sources"))
    ]
    if not _complete(reader, record):
        return None
    return EvidenceNote(
        text=record.values["text"],
        as_of=record.values["as_of"],
        sources=tuple(source for source in sources if source is not None),
    )


def _source(reader: _FileReader, record: _Record, where: str) -> Source | None:
    values, nodes = record.values, record.nodes
    if "url" not in nodes and "doi" not in nodes:
        reader.problem(record.node, where, "needs a url or a doi")
    if "url" in values and not re.match(URL_PATTERN, values["url"]):
        reader.problem(nodes["url"], f"{where}.url", "must start with https:// or http://")
    if "doi" in values and not re.match(DOI_PATTERN, values["doi"]):
        reader.problem(
            nodes["doi"], f"{where}.doi", "must look like 10.1234/abc (without https://doi.org/)"
        )
    if "year" in values and not MIN_YEAR <= values["year"] <= MAX_YEAR:
        reader.problem(nodes["year"], f"{where}.year", f"{values['year']} is not a year")
    if not _complete(reader, record):
        return None
    return Source(
        author=values["author"],
        title=values["title"],
        year=values["year"],
        url=values.get("url"),
        doi=values.get("doi"),
    )


def _question(reader: _FileReader, record: _Record, where: str) -> Question | None:
    values, nodes = record.values, record.nodes
    choices = record.lines("choices")
    all_read = "choices" in nodes and len(choices) == len(nodes["choices"].value)
    if all_read and not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        reader.problem(
            nodes["choices"],
            f"{where}.choices",
            f"has {len(choices)}; give {MIN_CHOICES} to {MAX_CHOICES}",
        )
    elif all_read and "answer" in values and not 1 <= values["answer"] <= len(choices):
        reader.problem(
            nodes["answer"],
            f"{where}.answer",
            f"{values['answer']} is not a choice (1-{len(choices)})",
        )
    if not _complete(reader, record):
        return None
    return Question(
        question=values["question"],
        choices=tuple(text for text, _ in choices),
        answer=values["answer"] - 1,
        explanation=values["explanation"],
    )


def _read_glossary(reader: _FileReader, root: yaml.Node) -> tuple[GlossaryEntry, ...]:
    record = reader.record(root, "", "glossary")
    if record is None:
        return ()
    entries: list[GlossaryEntry] = []
    first: dict[str, tuple[int, yaml.Node]] = {}  # a name, folded -> the term that has it
    for i, term in enumerate(record.records("terms")):
        names = [term.values[key] for key in ("term",) if key in term.values]
        names += [text for text, _ in term.lines("aliases")]
        for name in names:
            index, node = first.setdefault(name.casefold(), (i, term.node))
            if index != i:
                line = node.start_mark.line + 1
                reader.problem(
                    term.node,
                    f"terms[{i}]",
                    f"'{shown(name)}' already names the term at line {line}",
                )
        if _complete(reader, term):
            entries.append(
                GlossaryEntry(
                    term=term.values["term"],
                    definition=term.values["definition"],
                    aliases=tuple(text for text, _ in term.lines("aliases")),
                )
            )
    return tuple(entries)


# -- the folder ----------------------------------------------------------------------------------


def _section_files(root: Path, report: _Report) -> list[Path]:
    folder = root / SECTIONS_DIR
    try:
        names = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError as exc:
        report.add(folder, 1, 1, f"cannot read the folder ({_why(exc)})")
        return []
    # Hidden files are editor backups and the like, not sections.
    return [
        p
        for p in names
        if p.suffix in (".yaml", ".yml") and not p.name.startswith(".") and p.is_file()
    ]


def _why(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def check_content(root: Path) -> tuple[Tour | None, list[Problem]]:
    """Read and check a whole content folder: the tour (None if any error) and every problem."""
    if not root.exists():
        raise UsageError(
            f"content folder '{root}' does not exist",
            hint="give a folder that holds tour.yaml and sections/",
        )
    if not root.is_dir():
        raise UsageError(
            f"'{root}' is not a folder",
            hint="give the folder that holds tour.yaml and sections/, not a file in it",
        )
    report = _Report()
    digest = hashlib.sha256()
    readers: list[_FileReader] = []

    def read(path: Path) -> tuple[_FileReader, yaml.Node | None]:
        reader = _FileReader(path, report)
        readers.append(reader)
        report.ranks.setdefault(path, len(report.ranks))  # problems come out in reading order
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)  # a huge file is never read whole
                size = len(data) if len(data) <= MAX_FILE_BYTES else path.stat().st_size
        except OSError as exc:
            reader.fail(1, 1, f"cannot read the file ({_why(exc)})")
            return reader, None
        digest.update(path.name.encode() + b"\0" + data + b"\0")
        return reader, reader.compose(data, size)

    tour_path = root / TOUR_FILE
    head: _TourHead | None = None
    tour_reader: _FileReader | None = None
    report.ranks[tour_path] = 0
    if tour_path.is_file():
        tour_reader, node = read(tour_path)
        head = _read_tour_file(tour_reader, node) if node is not None else None
    else:
        other = root / "tour.yml"
        hint = "; tour.yml is there: rename it tour.yaml" if other.is_file() else ""
        report.add(
            tour_path, 1, 1, f"the tour file is missing (it gives the title and the order){hint}"
        )

    files = _section_files(root, report)
    sections: dict[str, Section] = {}
    claimed: dict[str, tuple[_FileReader, yaml.Node]] = {}  # id -> the file that gave it first
    unreadable: set[str] = set()  # stems of section files whose id could not be read
    for path in files:
        reader, node = read(path)
        got = _read_section(reader, node) if node is not None else _SectionFile(None, None, None)
        if got.id is None or got.id_node is None:
            unreadable.add(path.stem)
            continue
        if got.id in claimed:
            first = display_path(claimed[got.id][0].path)
            reader.problem(
                got.id_node, "id", f"section id '{shown(got.id)}' is also used by {first}"
            )
            continue
        claimed[got.id] = (reader, got.id_node)
        if got.section is not None:
            sections[got.id] = got.section

    glossary: tuple[GlossaryEntry, ...] = ()
    glossary_path = root / GLOSSARY_FILE
    if glossary_path.is_file():
        reader, node = read(glossary_path)
        if node is not None:
            glossary = _read_glossary(reader, node)
    elif (root / "glossary.yml").is_file():
        report.add(root / "glossary.yml", 1, 1, "not read: rename it glossary.yaml", warning=True)

    ordered: list[Section] = []
    if not files:
        report.add(root / SECTIONS_DIR, 1, 1, "no section files (expected sections/<id>.yaml)")
    elif head is not None and tour_reader is not None:
        listed: set[str] = set()
        for i, (section_id, node) in enumerate(head.order):
            if section_id in listed:
                continue
            listed.add(section_id)
            if section_id in sections:
                ordered.append(sections[section_id])
            elif section_id not in claimed and section_id not in unreadable:
                # A file whose id could not be read was reported already: not blamed twice.
                close = difflib.get_close_matches(section_id, list(claimed), n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                tour_reader.problem(
                    node,
                    f"sections[{i}]",
                    f"no section file has the id '{shown(section_id)}'{hint}",
                )
        for section_id, (reader, id_node) in claimed.items():
            if section_id not in listed:
                reader.problem(
                    id_node,
                    "id",
                    f"section '{shown(section_id)}' is not listed in {TOUR_FILE}",
                )
    for reader in readers:
        reader.finish()

    problems = report.problems()
    if report.errors or head is None or not ordered:
        return None, problems
    if any(section.evidence for section in ordered):
        from exotour.content.sources import sources_section  # the generated "Sources" section, last

        ordered.append(sources_section(ordered))
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
    return tour, problems


def load_tour(root: Path) -> Tour:
    """The tour in ROOT; raises ContentError naming every problem if there is any."""
    tour, problems = check_content(root)
    if tour is None:
        raise ContentError(problems)
    return tour
