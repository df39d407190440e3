"""THE field definition of every content file: what each record holds, which fields it needs,
their patterns and bounds, and the words that describe them.

The loader checks content against it; `python scripts/schemas.py` writes the JSON Schemas that
editors read (content/schema/, examples/first-tour/schema/) from it; docs/authoring.md names
every field it defines (a test holds all three together). No YAML here: it is plain data.
"""

from __future__ import annotations

import re

from exotour.content.aid_schema import AID_RECORDS
from exotour.content.fields import FieldSpec as FieldSpec  # re-exported, as the types below
from exotour.content.fields import FileSpec as FileSpec
from exotour.content.fields import OneOf as OneOf
from exotour.content.fields import RecordSpec as RecordSpec
from exotour.content.fields import records_field
from exotour.content.glossary_schema import GLOSSARY_RECORDS
from exotour.content.limits import GIST_CHARS, MAX_FIELD_CHARS, MAX_LINE_CHARS
from exotour.content.patterns import PATTERNS as PATTERNS  # re-exported: part of the schema
from exotour.i18n import N_
from exotour.text import UNSAFE_CHARS

ID_PATTERN = PATTERNS["id"].regex
URL_PATTERN = PATTERNS["url"].regex
DOI_PATTERN = PATTERNS["doi"].regex
VALID_ID = re.compile(ID_PATTERN)
# What no text may hold: the characters text.printable escapes (controls but tab and newline,
# line and paragraph separators, bidirectional controls), typed or written as an escape.
FORBIDDEN_CHARS = UNSAFE_CHARS
ONE_LINE = r"^\s*\S(?:[^\n]*\S)?\s*$"
NOT_BLANK = r"\S"
TEXT_LIMITS = {"line": MAX_LINE_CHARS, "text": MAX_FIELD_CHARS}
MIN_CHOICES, MAX_CHOICES = 2, 4
MIN_YEAR, MAX_YEAR = 1000, 9999


RECORDS: dict[str, RecordSpec] = {
    "tour": RecordSpec(
        "The tour's title, its disclaimer and the order of its sections.",
        (
            FieldSpec(
                "id",
                "line",
                description="The tour's id; progress is kept per tour id, so give each its own.",
                pattern="id",
            ),
            FieldSpec(
                "title", "line", description="The tour's title, shown on the welcome screen."
            ),
            FieldSpec(
                "subtitle",
                "line",
                "optional",
                description="An optional second line under the title.",
            ),
            FieldSpec(
                "disclaimer",
                "text",
                description="Shown on the welcome screen and the first page, e.g. 'Educational "
                "information, not medical advice.'",
            ),
            FieldSpec(
                "bottom_line",
                "record",
                "optional",
                record="bottom_line",
                description="An optional overall summary with its source, shown by "
                "'exotour summary'.",
            ),
            FieldSpec(
                "sources_checked",
                "date",
                "optional",
                description="The date the tour's sources were checked (YYYY-MM-DD), or the first "
                "and last day of the check (2026-12-01/2026-12-06); the Sources section states it.",
                pattern="dates",
            ),
            FieldSpec(
                "language",
                "line",
                "optional",
                description="The language the tour is written in, as a BCP 47 tag such as en, "
                "es or es-MX (default: en); search finds words in their other forms by it, and "
                "the Sources section and the exports' lang follow it.",
                pattern="language",
            ),
            FieldSpec(
                "sections",
                "lines",
                description="The section ids in the order the tour shows them; each names a file "
                "in sections/ whose id is that.",
                pattern="id",
                bounds=(1, None),
                unique=True,
            ),
            FieldSpec(
                "about",
                "record",
                "optional",
                record="about",
                description="Who made the tour, when its facts were checked, its update policy, "
                "funding and conflicts: shown by 'exotour about'.",
            ),
        ),
    ),
    "bottom_line": RecordSpec(
        "The overall summary and where it comes from.",
        (
            FieldSpec("text", "text", description="The summary in a few sentences."),
            FieldSpec("source", "line", description="Where it comes from, e.g. 'FDA, 6 Dec 2019'."),
            FieldSpec(
                "short",
                "line",
                "optional",
                description="The same in about two lines of a terminal, with its sources, for the "
                "welcome screen and the first page; the text is shown where it is missing.",
            ),
        ),
    ),
    "section": RecordSpec(
        "One section of a tour.",
        (
            FieldSpec(
                "id",
                "line",
                description="The section's id, as the tour file lists it.",
                pattern="id",
            ),
            FieldSpec("title", "line", description="The section's title."),
            FieldSpec(
                "takeaway",
                "line",
                "warn",
                if_missing=N_("missing; 'exotour summary' will show none for this section"),
                description="One sentence: the gist, shown by 'exotour summary'. Missing is a "
                "warning.",
            ),
            FieldSpec(
                "gist",
                "line",
                "optional",
                description=f"The takeaway in at most {GIST_CHARS} characters, for 'summary'.",
                max_chars=GIST_CHARS,
            ),
            FieldSpec(
                "keywords",
                "lines",
                "optional",
                description="Words that search should find this section by.",
            ),
            FieldSpec(
                "added_by_tour",
                "bool",
                "optional",
                description="true when the section is the tour's own addition, not part of the "
                "source it presents.",
            ),
            FieldSpec("body", "text", description="The section's text, in Markdown."),
            records_field(
                "evidence",
                "evidence",
                "What the evidence says, each note with its date and sources.",
                "optional",
            ),
            records_field(
                "quiz", "question", "Multiple-choice questions for 'exotour quiz'.", "optional"
            ),
            FieldSpec(
                "options_grid",
                "bool",
                "optional",
                description="true to draw the options grids of decision.yaml after the body.",
            ),
        ),
    ),
    "evidence": RecordSpec(
        "An evidence note.",
        (
            FieldSpec("text", "text", description="What the evidence says."),
            FieldSpec(
                "as_of",
                "line",
                description="The date the note is true as of, e.g. 2024-06-01 or 'June 2024'.",
            ),
            records_field(
                "sources", "source", "The sources of the note (at least one).", bounds=(1, None)
            ),
        ),
    ),
    "source": RecordSpec(
        "A cited source, as the evidence gives it: who or what leads (an author, a title or a "
        "reference), a year or the date an undated page was checked, and a url or a doi (a "
        "source with a reference may have no link).",
        (
            FieldSpec(
                "author",
                "line",
                "optional",
                description="The author or organisation; leave it out where the evidence names "
                "none (then the reference or publisher leads).",
            ),
            FieldSpec(
                "title",
                "line",
                "optional",
                description="The work's own title, as checked; leave it out where it was not "
                "(never a description in its place).",
            ),
            FieldSpec(
                "reference",
                "line",
                "optional",
                description="The journal citation or document number, e.g. 'Skin Health Dis "
                "2024;4(6):e348'; shown plainly, not as a title.",
            ),
            FieldSpec(
                "year",
                "int",
                "optional",
                description="The year of publication; leave it out for an undated page and "
                "give accessed.",
                bounds=(MIN_YEAR, MAX_YEAR),
            ),
            FieldSpec(
                "accessed",
                "date",
                "optional",
                description="For an undated page: the date it was checked (YYYY-MM-DD), shown "
                "as 'undated; checked' that date.",
                pattern="date",
            ),
            FieldSpec(
                "url",
                "line",
                "optional",
                description="A link, starting with https:// or http://.",
                pattern="url",
            ),
            FieldSpec(
                "doi",
                "line",
                "optional",
                description="A DOI such as 10.1234/abc, without https://doi.org/.",
                pattern="doi",
            ),
        ),
        one_of=(
            OneOf(("author", "title", "reference"), N_("needs an author, a title or a reference")),
            OneOf(("year", "accessed"), N_("needs a year, or accessed for an undated page")),
            OneOf(("url", "doi", "reference"), N_("needs a url, a doi or a reference")),
        ),
    ),
    "question": RecordSpec(
        "A multiple-choice question.",
        (
            FieldSpec("question", "text", description="The question."),
            FieldSpec(
                "choices",
                "lines",
                description="Two to four choices.",
                bounds=(MIN_CHOICES, MAX_CHOICES),
            ),
            FieldSpec(
                "answer",
                "int",
                description="The number of the right choice, counting from 1.",
                bounds=(1, MAX_CHOICES),
            ),
            FieldSpec(
                "explanation",
                "text",
                description="Why that answer is right, shown after answering.",
            ),
        ),
    ),
    **GLOSSARY_RECORDS,
    **AID_RECORDS,
}


FILES: tuple[FileSpec, ...] = (
    FileSpec("tour", "tour.schema.json", "exotour tour file (tour.yaml)"),
    FileSpec("section", "section.schema.json", "exotour section file (sections/<id>.yaml)"),
    FileSpec("glossary", "glossary.schema.json", "exotour glossary file (glossary.yaml)"),
    FileSpec("decision", "decision.schema.json", "exotour decision aid file (decision.yaml)"),
)
# The record at the top of each kind of file, and the schema that describes it.
FILE_RECORDS = {spec.record: spec.schema_file for spec in FILES}


def fields_of(record: str) -> tuple[FieldSpec, ...]:
    return RECORDS[record].fields
