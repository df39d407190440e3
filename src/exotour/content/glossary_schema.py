"""The field schema of a tour's glossary file: part of THE field schema (exotour.content.schema
merges these records into RECORDS), kept apart only so that each module stays small."""

from __future__ import annotations

from exotour.content.fields import FieldSpec, RecordSpec, records_field

GLOSSARY_RECORDS: dict[str, RecordSpec] = {
    "glossary": RecordSpec(
        "The key terms of a tour, for 'exotour glossary'.",
        (records_field("terms", "term", "The terms, each with a definition."),),
    ),
    "term": RecordSpec(
        "A term and its definition.",
        (
            FieldSpec("term", "line", description="The term."),
            FieldSpec(
                "aliases",
                "lines",
                "optional",
                description="Other names the term may be looked up by.",
            ),
            FieldSpec("definition", "text", description="The definition, in plain words."),
        ),
    ),
}
