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
from exotour.suggest import did_you_mean

_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}
# Whole numbers YAML 1.1 reads in a form other than plain decimal digits.
_OTHER_FORMS = (
    (re.compile(r"[-+]?0b[01_]+"), "a binary number"),
    (re.compile(r"[-+]?0x[0-9a-fA-F_]+"), "a hexadecimal number"),
    (re.compile(r"[-+]?0[0-7_]+"), "an octal number (it starts with 0)"),
    (re.compile(r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"), "a number in base 60 (as in 1:30)"),
    (re.compile(r"[-+]?[0-9][0-9_]*"), "a number with underscores"),
)

# Only its scalar conversions are used, never construct_object: no state, no objects.
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _other_form(node: yaml.ScalarNode, written: str) -> str:
    """What YAML reads WRITTEN (a whole number not in plain decimal digits) as, in words."""
    form = next((name for regex, name in _OTHER_FORMS if regex.fullmatch(written)), "")
    value = ""
    if len(written) <= 30:  # a longer number is no typo, and not worth printing
        try:
            value = f", {_CONSTRUCTOR.construct_yaml_int(node)} in decimal"
        except (ValueError, IndexError):
            value = ""
    return (
        f"'{shown(written)}' is read by YAML as {form or 'no plain number'}{value}; "
        "write plain decimal digits"
    )


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
            return self.text(node, path, one_line=spec.kind == "line")
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
            self.problem(node, path, f"expected a mapping of fields, got {describe(node)}")
            return None
        known = [spec.name for spec in specs]
        found: dict[str, yaml.Node] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if self.refused(key_node):
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR:
                self.problem(key_node, path, "field names must be plain text")
                continue
            name = str(key_node.value)
            field_path = where(path, shown(name))
            if name in found:
                message = f"duplicate field (first at line {first_line[name]})"
                self.problem(key_node, field_path, message)
                continue
            if name not in known:
                quiet = self.errors >= MAX_PROBLEMS_PER_FILE  # not shown: spare the suggestion
                hint = "" if quiet else did_you_mean(name, known)
                message = "" if quiet else f"unknown field{hint}; valid fields: {', '.join(known)}"
                self.problem(key_node, field_path, message)
                continue
            found[name] = value_node
            first_line[name] = key_node.start_mark.line + 1
        for spec in specs:
            if spec.name in found:
                continue
            if spec.need == "required":
                self.problem(node, where(path, spec.name), "missing (required)")
            elif spec.need == "warn":
                self.warn(node, where(path, spec.name), spec.if_missing)
        return found

    def text(self, node: yaml.Node, path: str, *, one_line: bool = False) -> str | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, path, f"expected text, got {describe(node)}")
            return None
        # A number, a date or yes/no where text belongs is text: the characters as written.
        text = "" if node.tag == NULL else str(node.value).strip()
        if not text:
            self.problem(node, path, "is empty")
            return None
        if one_line and "\n" in text:
            self.problem(node, path, "must be a single line")
            return None
        limit = TEXT_LIMITS["line" if one_line else "text"]
        if len(text) > limit:
            what = "one line" if one_line else "one field"
            message = f"is {len(text):,} characters long; the limit for {what} is {limit:,}"
            self.problem(node, path, message)
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
            self.problem(node, path, f"{message} (line {line} of the text)")

    def integer(self, node: yaml.Node, path: str) -> int | None:
        if self.refused(node):
            return None
        written = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
        if not isinstance(node, yaml.ScalarNode) or node.tag != INT:
            got = describe(node)
            if node.tag == STR and written.strip().isdigit():
                if getattr(node, "style", None) in ("'", '"'):
                    got += " in quotes; remove the quotes"
                else:  # `09`: not octal, so YAML 1.1 reads it as text
                    got = f"'{shown(written)}', which YAML reads as text (a leading 0 means octal)"
                    got += f"; write {shown(written.lstrip('0') or '0')}"  # shown: kept short
            self.problem(node, path, f"expected a whole number, got {got}")
            return None
        if not _DECIMAL.fullmatch(written) and isinstance(node, yaml.ScalarNode):
            self.problem(node, path, _other_form(node, written))
            return None
        try:
            return int(written)
        except ValueError:  # more digits than Python converts
            self.problem(node, path, f"'{shown(written)}' is not a usable whole number")
            return None

    def boolean(self, node: yaml.Node, path: str) -> bool | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag != BOOL:
            self.problem(node, path, f"expected true or false, got {describe(node)}")
            return None
        value = _BOOLS.get(str(node.value).casefold())
        if value is None:  # an explicit !!bool on other text
            self.problem(node, path, f"expected true or false, got '{shown(str(node.value))}'")
        return value

    def date(self, node: yaml.Node, path: str, pattern: str = "date") -> str | None:
        """A date written YYYY-MM-DD (YAML reads it as a date, or as text in quotes); where
        PATTERN is "dates", also two, first/last, the first not after the last."""
        if self.refused(node):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (STR, TIMESTAMP):
            self.problem(node, path, f"expected a date (YYYY-MM-DD), got {describe(node)}")
            return None
        written = str(node.value).strip()
        try:
            days = [datetime.date.fromisoformat(part) for part in written.split("/")]
            valid = PATTERNS[pattern].matches(written) and days == sorted(days)
        except ValueError:
            valid = False
        if not valid:
            self.problem(node, path, f"'{shown(written)}' {PATTERNS[pattern].message}")
            return None
        return written

    def items(self, node: yaml.Node, path: str) -> list[yaml.Node] | None:
        if self.refused(node):
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, path, f"expected a list, got {describe(node)}")
            return None
        return list(node.value)
