"""The rows docs/authoring.md must hold, made from the field definition and the limits: a test
holds the page to them, so a field or a limit cannot change without the page."""

from __future__ import annotations

from exotour.content.limits import LIMITS
from exotour.content.schema import RECORDS, FieldSpec

KIND_WORDS = {
    "line": "one line of text",
    "text": "text (Markdown where shown)",
    "int": "a whole number",
    "bool": "true or false",
    "date": "a date, YYYY-MM-DD",
    "lines": "a list of lines",
    "record": "a mapping",
    "records": "a list of mappings",
}
NEED_WORDS = {"required": "required", "optional": "optional", "warn": "expected (a warning)"}


def field_row(spec: FieldSpec) -> str:
    kind = KIND_WORDS[spec.kind] + (f" ({spec.record})" if spec.record else "")
    return f"| `{spec.name}` | {kind} | {NEED_WORDS[spec.need]} | {spec.description} |"


def field_rows(record: str) -> list[str]:
    return [field_row(spec) for spec in RECORDS[record].fields]


def limit_rows() -> list[str]:
    return [f"| {what} | {value:,} {unit} |" for what, value, unit in LIMITS]
