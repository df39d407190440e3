"""The tour's reading level, measured one way per language (tour.yaml's `language`) on plain text.

English (and a language with no formula here): Flesch-Kincaid grade (textstat); the tests hold
the average grade over the units to 8 and every unit to 10. Spanish: Fernández Huerta's reading
ease (textstat with lang "es"; higher is easier); the average at 65 or more and every unit at 55
or more. A unit is each section body and each evidence note of a tour (the generated Sources
list is a list of citations, not prose), and, where a tour has a decision.yaml, each condition's
options grid with all its options' fields joined. `python tests/readability.py [CONTENT_DIR]`
prints a table by section, then the score of each unit.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from statistics import fmean
from typing import NamedTuple

import textstat
import yaml

from exotour.content.loader import builtin_content_dir, load_tour
from exotour.content.sources import is_sources_section
from exotour.model import Tour

AVERAGE_MOST = 8.0  # NIH: patient material at grade 8 or below
UNIT_MOST = 10.0
# Fernández Huerta: 60-70 is "normal" (a 12-year-old's reading, about grade 7), 70-80 "fairly easy".
SPANISH_AVERAGE_LEAST = 65.0
SPANISH_UNIT_LEAST = 55.0

# textstat splits sentences at every ".", "!" and "?", and drops a piece of two words or fewer.
# So, before measuring:
# - a decimal point ("0.76", "4.4%") is taken out of the number, which stays one word: it would
#   otherwise cut a sentence in two and make it look shorter and easier than it is;
# - the full stops of abbreviations ("et al.", "e.g.", "i.e.", "no.", "U.S.") go, for the same
#   reason;
# - a list item, a heading or a line that ends in a colon before a list is one sentence: a full
#   stop is added where it has none, or every item of a list would count as one long sentence.
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_ABBREVIATIONS = re.compile(r"\b(et al|e\.g|i\.e|vs|no|U\.S|approx)\.", re.IGNORECASE)
# Spanish's: "EE. UU." (the US), "p. ej.", "aprox.", "núm.", "Dr.", "Dra.".
_SPANISH_ABBREVIATIONS = re.compile(r"\b(EE\. UU|p\. ej|aprox|núm|Dra?)\.")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # [text](url) -> text
_URL = re.compile(r"<?https?://\S+>?")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s*#+\s+")
_ENDS_SENTENCE = re.compile(r"[.!?][\"')\]»]*$")


def plain(markdown: str) -> str:
    """MARKDOWN as the sentences a reader reads: marks, links and addresses gone, each list
    item and heading a sentence of its own."""
    sentences: list[str] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            text = " ".join(paragraph).strip()
            text = re.sub(r":$", ".", text)  # a lead-in to a list
            if text and not _ENDS_SENTENCE.search(text):
                text += "."
            sentences.append(text)
            paragraph.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip().removesuffix("\\")  # a hard line break
        if not line.strip():
            close()
            continue
        starts_block = _LIST_ITEM.match(line) or _HEADING.match(line)
        if starts_block:
            close()
            line = _HEADING.sub("", _LIST_ITEM.sub("", line))
        paragraph.append(line.strip())
        if _HEADING.match(raw):
            close()
    close()
    text = " ".join(sentences)
    text = _LINK.sub(r"\1", text)
    text = _URL.sub("", text)
    text = _EMAIL.sub("", text)
    text = re.sub(r"[*_`]", "", text)
    text = _DECIMAL.sub("", text)
    text = _SPANISH_ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", ""), text)
    return _ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", ""), text)


def grade(markdown: str) -> float:
    """The Flesch-Kincaid grade of MARKDOWN, measured as plain text."""
    return float(textstat.flesch_kincaid_grade(plain(markdown)))


def fernandez_huerta(markdown: str) -> float:
    """Fernández Huerta's reading ease of MARKDOWN (Spanish), measured as plain text. textstat's
    language is one setting for the whole process: it is set for this measure and put back."""
    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(plain(markdown)))
    finally:
        textstat.set_lang(ENGLISH_LOCALE)


ENGLISH_LOCALE = "en_US"  # textstat's default


class Measure(NamedTuple):
    """How a language's text is scored, and the bounds the tests hold a tour to."""

    name: str
    score: Callable[[str], float]
    average: float  # the bound of the average over the units
    unit: float  # the bound of every unit
    higher_is_easier: bool

    def within(self, value: float, bound: float) -> bool:
        return value >= bound if self.higher_is_easier else value <= bound

    def hardest(self, units: list[Unit]) -> Unit:
        if self.higher_is_easier:
            return min(units, key=lambda u: u.grade)
        return max(units, key=lambda u: u.grade)


FLESCH_KINCAID = Measure("Flesch-Kincaid grade", grade, AVERAGE_MOST, UNIT_MOST, False)
FERNANDEZ_HUERTA = Measure(
    "Fernández Huerta", fernandez_huerta, SPANISH_AVERAGE_LEAST, SPANISH_UNIT_LEAST, True
)


def measure_for(language: str) -> Measure:
    """The measure of a tour in LANGUAGE (a BCP 47 tag): Fernández Huerta for Spanish, the
    English rule for any other."""
    return FERNANDEZ_HUERTA if language.split("-", 1)[0].lower() == "es" else FLESCH_KINCAID


class Unit(NamedTuple):
    """One piece of text that is measured: where it is, and its score by its tour's measure
    (named `grade` for the English measure's grade, the first there was)."""

    where: str
    grade: float


def decision_grids(content_dir: Path) -> Iterator[tuple[str, str]]:
    """(condition, all its options' fields joined) for each condition of DIR's decision.yaml;
    nothing when the file is absent."""
    path = content_dir / "decision.yaml"
    if not path.is_file():
        return
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    conditions = data.get("conditions") if isinstance(data, dict) else None
    for index, condition in enumerate(conditions if isinstance(conditions, list) else []):
        if not isinstance(condition, dict):
            continue
        name = next(
            (str(condition[k]) for k in ("id", "name", "title") if condition.get(k)), str(index)
        )
        yield name, "\n\n".join(_texts(condition.get("options")))


def _texts(value: object) -> Iterator[str]:
    """Every text under VALUE, a list's items each a sentence of its own; ids and links left out
    (an id is no prose, and a link is no sentence)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "kind", "url", "doi", "sources"):  # kind: a word, not prose
                yield from _texts(item)


def units(tour: Tour) -> list[Unit]:
    """Every measured unit of TOUR, in tour order, scored by the measure of its language."""
    score = measure_for(tour.language).score
    found: list[Unit] = []
    for section in tour.sections:
        if is_sources_section(section):
            continue
        found.append(Unit(f"{section.id} body", score(section.body)))
        for index, note in enumerate(section.evidence):
            found.append(Unit(f"{section.id} evidence[{index}]", score(note.text)))
    if tour.content_dir is not None:
        for name, text in decision_grids(tour.content_dir):
            found.append(Unit(f"decision: {name}", score(text)))
    return found


def report(tour: Tour) -> str:
    """A table: each section's body score, its notes' mean and hardest score; then each unit's
    score; then the totals, with the measure's name."""
    measure = measure_for(tour.language)
    worst: Callable[[list[float]], float] = min if measure.higher_is_easier else max
    measured = units(tour)
    lines = [f"{'section':<26} {'body':>5} {'notes':>6} {'worst':>6}"]
    for section in tour.sections:
        if is_sources_section(section):
            continue
        body = next(u.grade for u in measured if u.where == f"{section.id} body")
        notes = [u.grade for u in measured if u.where.startswith(f"{section.id} evidence[")]
        mean = f"{fmean(notes):6.1f}" if notes else f"{'-':>6}"
        hardest_note = f"{worst(notes):6.1f}" if notes else f"{'-':>6}"
        lines.append(f"{section.id:<26} {body:5.1f} {mean} {hardest_note}")
    for unit in measured:
        if unit.where.startswith("decision: "):
            lines.append(f"{unit.where:<26} {unit.grade:5.1f}")
    lines.append("")
    lines.append(f"{'unit':<40} {'score':>6}")
    for unit in measured:
        flag = "" if measure.within(unit.grade, measure.unit) else "  (past the bound)"
        lines.append(f"{unit.where:<40} {unit.grade:6.1f}{flag}")
    kinds = {
        "bodies": [u.grade for u in measured if u.where.endswith(" body")],
        "notes": [u.grade for u in measured if "evidence[" in u.where],
        "grids": [u.grade for u in measured if u.where.startswith("decision: ")],
    }
    hardest = measure.hardest(measured)
    extreme = "lowest" if measure.higher_is_easier else "highest"
    lines.append(
        f"average of {len(measured)} units {fmean(u.grade for u in measured):.1f}, "
        f"{extreme} {hardest.grade:.1f} ({hardest.where}); "
        + ", ".join(f"{kind} {fmean(grades):.1f}" for kind, grades in kinds.items() if grades)
        + ("" if measure is FLESCH_KINCAID else f" ({measure.name})")
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    content = Path(argv[0]) if argv else builtin_content_dir()
    print(report(load_tour(content)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
