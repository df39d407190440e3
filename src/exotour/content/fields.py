"""The shapes of the field schema: a field, a record of fields, a kind of content file.

The schema itself (exotour.content.schema) is data made of these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Kinds: line (one line of text), text (may span lines; Markdown where it is shown), int, bool,
# date (YYYY-MM-DD), lines (a list of lines), record (a mapping of the record named by
# `record`), records (a list of such mappings).
Kind = Literal["line", "text", "int", "bool", "date", "lines", "record", "records"]
Need = Literal["required", "optional", "warn"]


@dataclass(frozen=True)
class FieldSpec:
    """A field of a record: its name, what it holds, whether it must be there, and its words."""

    name: str
    kind: Kind
    need: Need = "required"
    record: str = ""
    if_missing: str = ""  # the warning when a `warn` field is missing
    description: str = ""
    pattern: str = ""  # a key of PATTERNS, for the value or each item of a list
    bounds: tuple[int, int | None] | None = None  # of a number, or of a list's length
    unique: bool = False  # a list whose items differ
    max_chars: int | None = None  # a line shorter than any line may be: it must fit one screen line


def records_field(
    name: str,
    record: str,
    description: str,
    need: Need = "required",
    bounds: tuple[int, int | None] | None = None,
) -> FieldSpec:
    """A field that holds a list of records of the kind `record`."""
    return FieldSpec(name, "records", need, record=record, description=description, bounds=bounds)


@dataclass(frozen=True)
class OneOf:
    """Fields of which at least one must be there, and what validate says when none is."""

    names: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class RecordSpec:
    """A mapping of fields; each of `one_of` names fields of which at least one must be there."""

    description: str
    fields: tuple[FieldSpec, ...]
    one_of: tuple[OneOf, ...] = ()


@dataclass(frozen=True)
class FileSpec:
    """A kind of content file: the record at its top, its schema file, and its title."""

    record: str
    schema_file: str
    title: str
