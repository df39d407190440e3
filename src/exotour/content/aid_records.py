"""decision.yaml and a tour's `about:` block, checked field by field and built into the model:
each pattern, each list's bounds and each id's uniqueness reported at its file, line and column."""

from __future__ import annotations

from typing import Any

import yaml

from exotour.content.checker import Checker, Record
from exotour.content.problems import shown, where
from exotour.content.records import _source as read_source
from exotour.content.schema import PATTERNS, fields_of
from exotour.decision import Check, ClinicQuestion, Condition, Decision, Factor, Option
from exotour.i18n import _
from exotour.model import Source


def _checked(file: Checker, record: Record, path: str, name: str) -> None:
    """Report each value of RECORD (of the record kind NAME) that breaks its field's pattern,
    and each list whose length is out of its field's bounds."""
    for spec in fields_of(name):
        node = record.nodes.get(spec.name)
        if node is None:
            continue
        field_path = where(path, spec.name)
        if spec.pattern and spec.kind == "line" and spec.name in record.values:
            pattern = PATTERNS[spec.pattern]
            value: str = record.values[spec.name]
            if not pattern.matches(value):
                file.problem(node, field_path, pattern.refuse(value))
        if (
            spec.bounds
            and spec.kind in ("lines", "records")
            and isinstance(node, yaml.SequenceNode)
        ):
            low, high = spec.bounds
            count = len(node.value)
            if count < low:
                message = (
                    _("lists none")
                    if count == 0
                    else _("has {count}; give at least {low}").format(count=count, low=low)
                )
                file.problem(node, field_path, message)
            elif high is not None and count > high:
                message = _("has {count}; the limit is {limit}").format(count=count, limit=high)
                file.problem(node, field_path, message)


def _unique(file: Checker, records: list[Record], path: str, field: str = "id") -> None:
    """Report every record whose FIELD repeats one before it in the same list."""
    first: dict[str, int] = {}
    for i, record in enumerate(records):
        value = record.values.get(field)
        if not isinstance(value, str):
            continue
        if value in first:
            message = _("'{value}' is also the {field} of {place}").format(
                value=shown(value), field=field, place=f"{path}[{first[value]}]"
            )
            file.problem(record.nodes[field], f"{path}[{i}].{field}", message)
        first.setdefault(value, i)


def _sources(file: Checker, record: Record, path: str) -> tuple[Source, ...]:
    found = (
        read_source(file, r, f"{path}.sources[{i}]")
        for i, r in enumerate(record.records("sources"))
    )
    return tuple(source for source in found if source is not None)


def _option(file: Checker, record: Record, path: str) -> Option | None:
    _checked(file, record, path, "option")
    sources = _sources(file, record, path)
    if not file.complete(record):
        return None
    values: dict[str, Any] = dict(record.values)
    values["sources"] = sources
    return Option(**values)


def _condition(file: Checker, record: Record, path: str) -> Condition | None:
    _checked(file, record, path, "condition")
    options_found = record.records("options")
    _unique(file, options_found, where(path, "options"))
    options = [_option(file, r, f"{path}.options[{i}]") for i, r in enumerate(options_found)]
    if not file.complete(record):
        return None
    return Condition(
        id=record.values["id"],
        name=record.values["name"],
        about=record.values["about"],
        without_treatment=record.values["without_treatment"],
        options=tuple(option for option in options if option is not None),
    )


def _factor(file: Checker, record: Record, path: str) -> Factor | None:
    _checked(file, record, path, "factor")
    if not file.complete(record):
        return None
    return Factor(**record.values)


def _question(file: Checker, record: Record, path: str) -> ClinicQuestion | None:
    _checked(file, record, path, "clinic_question")
    sources = _sources(file, record, path)
    if not file.complete(record):
        return None
    return ClinicQuestion(text=record.values["text"], sources=sources)


def _check(file: Checker, record: Record, path: str) -> Check | None:
    _checked(file, record, path, "check")
    sources = _sources(file, record, path)
    if not file.complete(record):
        return None
    return Check(
        id=record.values["id"],
        title=record.values["title"],
        steps=tuple(text for text, _ in record.lines("steps")),
        sources=sources,
    )


def read_decision(file: Checker, root: yaml.Node) -> Decision | None:
    """The decision aid in a decision.yaml's ROOT node, or None after reporting every problem."""
    record = file.record(root, "", "decision")
    if record is None:
        return None
    _checked(file, record, "", "decision")
    parts: dict[str, list[Any]] = {}
    readers = (
        ("conditions", _condition),
        ("factors", _factor),
        ("questions", _question),
        ("checks", _check),
    )
    for name, reader in readers:
        found = record.records(name)
        if name != "questions":
            _unique(file, found, name)
        parts[name] = [reader(file, r, f"{name}[{i}]") for i, r in enumerate(found)]
    if not file.complete(record):
        return None
    return Decision(
        decision=record.values["decision"],
        conditions=tuple(parts["conditions"]),
        factors=tuple(parts["factors"]),
        questions=tuple(parts["questions"]),
        checks=tuple(parts["checks"]),
    )
