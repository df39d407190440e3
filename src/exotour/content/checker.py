"""YAML nodes read against the field schema: each value of the kind its field declares, or a
problem that names the field, what was expected and what was found.

Every value yields a value or a clear message: a number written in another base (`010`,
`0x1F`) is named as what YAML reads it as, a number in quotes as text in quotes, and a value
never has to be converted or printed whole to be reported.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

import yaml

from exotour.content.limits import MAX_PROBLEMS_PER_FILE
from exotour.content.markdown_shapes import shape_problem
from exotour.content.nodes import BOOL, INT, NULL, STR, TIMESTAMP, describe
from exotour.content.problems import FileReport, shown, where
from exotour.content.schema import PATTERNS, TEXT_LIMITS, FieldSpec, fields_of
from exotour.i18n import N_, _
from exotour.localnumbers import number
from exotour.suggest import did_you_mean

_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}
# Whole numbers YAML 1.1 reads in a form other than plain decimal digits.
_OTHER_FORMS = (
    (re.compile(r"[-+]?0b[01_]+"), N_("a binary number")),
    (re.compile(r"[-+]?0x[0-9a-fA-F_]+"), N_("a hexadecimal number")),
    (re.compile(r"[-+]?0[0-7_]+"), N_("an octal number (it starts with 0)")),
    (re.compile(r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"), N_("a number in base 60 (as in 1:30)")),
    (re.compile(r"[-+]?[0-9][0-9_]*"), N_("a number with underscores")),
)

# Only its scalar conversions are used, never construct_object: no state, no objects.
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _other_form(node: yaml.ScalarNode, written: str) -> str:
    """What YAML reads WRITTEN (a whole number not in plain decimal digits) as, in words."""
    form = next((name for regex, name in _OTHER_FORMS if regex.fullmatch(written)), "")
    what = _(form) if form else _("no plain number")
    value = None
    if len(written) <= 30:  # a longer number is no typo, and not worth printing
        try:
            value = _CONSTRUCTOR.construct_yaml_int(node)
        except (ValueError, IndexError):
            value = None
    if value is None:
        message = _("'{written}' is read by YAML as {form}; write plain decimal digits")
        return message.format(written=shown(written), form=what)
    message = _(
        "'{written}' is read by YAML as {form}, {value} in decimal; write plain decimal digits"
    )
    return message.format(written=shown(written), form=what, value=value)


@dataclass
class Record:
    """A mapping read against its fields: the nodes by name and the values read without fault."""

    node: yaml.Node
    nodes: dict[str, yaml.Node]
    values: dict[str, Any]
    start: int  # the file's fault count before this record was read

    def lines(self, name: str) -> list[tuple[str, yaml.Node]]:
        found: list[tuple[str, yaml.Node]] = self.values.get(name, [])
        return found

    def records(self, name: str) -> list[Record]:
        found: list[Record] = self.values.get(name, [])
        return found


class Checker(FileReport):
    """One file's problems, and its values read against the schema."""

    def complete(self, record: Record) -> bool:
        """Whether the record and everything in it was read without an error."""
        return self.faults == record.start

    def record(self, node: yaml.Node, path: str, name: str) -> Record | None:
        """A mapping read against the fields of the record NAME; None if it is no mapping."""
        start = self.faults
        specs = fields_of(name)
        found = self.fields(node, path, specs)
        if found is None:
            return None
        values: dict[str, Any] = {}
        for spec in specs:
            child = found.get(spec.name)
            if child is not None:
                value = self.value(child, where(path, spec.name), spec)
                if value is not None:
                    values[spec.name] = value
        return Record(node, found, values, start)

    def value(self, node: yaml.Node, path: str, spec: FieldSpec) -> Any:
        if spec.kind in ("line", "text"):
            return self.text(node, path, one_line=spec.kind == "line", limit=spec.max_chars)
        if spec.kind == "int":
            return self.integer(node, path)
        if spec.kind == "bool":
            return self.boolean(node, path)
        if spec.kind == "date":
            return self.date(node, path, spec.pattern or "date")
        if spec.kind == "record":
            return self.record(node, path, spec.record)
        items = self.items(node, path)
        if items is None:
            return None
        if spec.kind == "lines":
            lines = (
                (self.text(item, f"{path}[{i}]", one_line=True), item)
                for i, item in enumerate(items)
            )
            return [(text, item) for text, item in lines if text is not None]
        records = (self.record(item, f"{path}[{i}]", spec.record) for i, item in enumerate(items))
        return [record for record in records if record is not None]

    def fields(
        self, node: yaml.Node, path: str, specs: tuple[FieldSpec, ...]
    ) -> dict[str, yaml.Node] | None:
        """The mapping's fields by name, after reporting unknown, duplicate and missing ones."""
        if self.refused(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            message = _("expected a mapping of fields, got {found}")
            self.problem(node, path, message.format(found=describe(node)))
            return None
        known = [spec.name for spec in specs]
        found: dict[str, yaml.Node] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if self.refused(key_node):
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR:
                self.problem(key_node, path, _("field names must be plain text"))
                continue
            name = str(key_node.value)
            field_path = where(path, shown(name))
            if name in found:
                message = _("duplicate field (first at line {line})").format(line=first_line[name])
                self.problem(key_node, field_path, message)
                continue
            if name not in known:
                quiet = self.errors >= MAX_PROBLEMS_PER_FILE  # not shown: spare the suggestion
                hint = "" if quiet else did_you_mean(name, known)
                message = (
                    ""
                    if quiet
                    else _("unknown field{suggestion}; valid fields: {fields}").format(
                        suggestion=hint, fields=", ".join(known)
                    )
                )
                self.problem(key_node, field_path, message)
                continue
            found[name] = value_node
            first_line[name] = key_node.start_mark.line + 1
        for spec in specs:
            if spec.name in found:
                continue
            if spec.need == "required":
                self.problem(node, where(path, spec.name), _("missing (required)"))
            elif spec.need == "warn":
                self.warn(node, where(path, spec.name), _(spec.if_missing))
        return found

    def text(
        self, node: yaml.Node, path: str, *, one_line: bool = False, limit: int | None = None
    ) -> str | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, path, _("expected text, got {found}").format(found=describe(node)))
            return None
        # A number, a date or yes/no where text belongs is text: the characters as written.
        text = "" if node.tag == NULL else str(node.value).strip()
        if not text:
            self.problem(node, path, _("is empty"))
            return None
        if one_line and "\n" in text:
            self.problem(node, path, _("must be a single line"))
            return None
        bound = limit or TEXT_LIMITS["line" if one_line else "text"]
        if len(text) > bound:
            if limit:
                message = _(
                    "is {length} characters long; the limit for this field is {limit}, "
                    "so that it fits one line of a terminal"
                )
            elif one_line:
                message = _("is {length} characters long; the limit for one line is {limit}")
            else:
                message = _("is {length} characters long; the limit for one field is {limit}")
            length = number(len(text))
            self.problem(node, path, message.format(length=length, limit=number(bound)))
            return None
        shape = None if one_line else shape_problem(text)
        if shape is not None:  # what Markdown renders too slowly: refused here, not met later
            self._shape(node, path, *shape)
            return None
        return text

    def _shape(self, node: yaml.Node, path: str, line: int, message: str) -> None:
        """Report a Markdown shape at its own line when the file shows the text line for line
        (a literal block, `|`), else at the field with the line of the text named."""
        mark = node.start_mark
        if getattr(node, "style", None) == "|" and mark is not None:
            self.fail(mark.line + 1 + line, 1, f"{path}: {message}")
        else:
            where_ = _("{problem} (line {line} of the text)")
            self.problem(node, path, where_.format(problem=message, line=line))

    def integer(self, node: yaml.Node, path: str) -> int | None:
        if self.refused(node):
            return None
        written = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
        if not isinstance(node, yaml.ScalarNode) or node.tag != INT:
            message = _("expected a whole number, got {found}")
            if node.tag == STR and written.strip().isdigit():
                if getattr(node, "style", None) in ("'", '"'):
                    message = _("expected a whole number, got {found} in quotes; remove the quotes")
                else:  # `09`: not octal, so YAML 1.1 reads it as text
                    message = _(
                        "expected a whole number, got '{written}', which YAML reads as text "
                        "(a leading 0 means octal); write {digits}"
                    )
            found = describe(node)
            digits = shown(written.lstrip("0") or "0")  # shown: kept short
            message = message.format(found=found, written=shown(written), digits=digits)
            self.problem(node, path, message)
            return None
        if not _DECIMAL.fullmatch(written) and isinstance(node, yaml.ScalarNode):
            self.problem(node, path, _other_form(node, written))
            return None
        try:
            return int(written)
        except ValueError:  # more digits than Python converts
            message = _("'{written}' is not a usable whole number").format(written=shown(written))
            self.problem(node, path, message)
            return None

    def boolean(self, node: yaml.Node, path: str) -> bool | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag != BOOL:
            message = _("expected true or false, got {found}").format(found=describe(node))
            self.problem(node, path, message)
            return None
        value = _BOOLS.get(str(node.value).casefold())
        if value is None:  # an explicit !!bool on other text
            message = _("expected true or false, got '{written}'")
            self.problem(node, path, message.format(written=shown(str(node.value))))
        return value

    def date(self, node: yaml.Node, path: str, pattern: str = "date") -> str | None:
        """A date written YYYY-MM-DD (YAML reads it as a date, or as text in quotes); where
        PATTERN is "dates", also two, first/last, the first not after the last."""
        if self.refused(node):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (STR, TIMESTAMP):
            message = _("expected a date (YYYY-MM-DD), got {found}").format(found=describe(node))
            self.problem(node, path, message)
            return None
        written = str(node.value).strip()
        try:
            days = [datetime.date.fromisoformat(part) for part in written.split("/")]
            valid = PATTERNS[pattern].matches(written) and days == sorted(days)
        except ValueError:
            valid = False
        if not valid:
            self.problem(node, path, PATTERNS[pattern].refuse(written))
            return None
        return written

    def items(self, node: yaml.Node, path: str) -> list[yaml.Node] | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, path, _("expected a list, got {found}").format(found=describe(node)))
            return None
        return list(node.value)
