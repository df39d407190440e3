"""The glossary: a term found by any of its names, the closest terms to a miss, the terms on a page.

Pure functions over the tour's GlossaryEntry tuple; nothing here prints or reads a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from exotour.errors import UsageError
from exotour.i18n import _, ngettext
from exotour.model import GlossaryEntry, Section
from exotour.suggest import close_words

# Box-drawing characters and the bullets of rendered pages: not words, so they must not stop a
# term that wraps from one line of a panel to the next from being found.
_DECORATION = re.compile("[\u2500-\u259f\u2022]")
_SPACE = re.compile(r"\s+")


def normalize(name: str) -> str:
    """A name as lookups compare it: case folded, hyphens as spaces, spaces collapsed."""
    return _SPACE.sub(" ", name.replace("-", " ")).strip().casefold()


def lookup(entries: Sequence[GlossaryEntry], name: str) -> GlossaryEntry | None:
    """The entry one of whose names (term or alias) is NAME, ignoring case and hyphens.

    Failing that, a name that starts with NAME (at least three letters): the shortest such name,
    so `angio` finds Angiogenesis and `exosom` Exosome rather than Exosome therapy. None when
    nothing fits, or two entries have equally short names that do.
    """
    wanted = normalize(name)
    if not wanted:
        return None
    for entry in entries:
        if any(normalize(n) == wanted for n in entry.names):
            return entry
    if len(wanted) < 3:
        return None
    starts = [
        (len(key), entry)
        for entry in entries
        for key in map(normalize, entry.names)
        if key.startswith(wanted)
    ]
    if not starts:
        return None
    shortest = min(length for length, _ in starts)
    best = {id(entry): entry for length, entry in starts if length == shortest}
    return next(iter(best.values())) if len(best) == 1 else None


def closest(entries: Sequence[GlossaryEntry], name: str, limit: int = 3) -> list[str]:
    """Up to LIMIT terms NAME may have meant: names that contain it first, then similar ones."""
    wanted = normalize(name)
    owner: dict[str, str] = {}
    for entry in entries:
        for n in entry.names:
            owner.setdefault(normalize(n), entry.term)
    found: list[str] = []

    def add(term: str) -> None:
        if term not in found:
            found.append(term)

    if len(wanted) >= 3:
        for key, term in owner.items():
            if wanted in key:
                add(term)
    for key in close_words(wanted, owner, limit=limit * 3):
        add(owner[key])
    return found[:limit]


def find(entries: Sequence[GlossaryEntry], name: str, prefix: str = "exotour") -> GlossaryEntry:
    """The entry NAME names; raises UsageError with the closest terms as a hint when none does
    (the command it suggests begins with PREFIX)."""
    entry = lookup(entries, name)
    if entry is not None:
        return entry
    if not entries:
        raise UsageError(
            _("this tour has no glossary"),
            hint=_("a content folder's glossary lives in glossary.yaml beside tour.yaml"),
        )
    near = closest(entries, name)
    count = len(entries)
    # The English says "terms" for one too, as it always has; another language says its own.
    listing = ngettext(
        "'{command}' lists all {count} terms", "'{command}' lists all {count} terms", count
    ).format(command=f"{prefix} glossary", count=count)
    if near:
        hint = _("closest terms: {terms}; {listing}").format(terms=", ".join(near), listing=listing)
    else:
        hint = listing
    raise UsageError(_("no glossary term '{name}'").format(name=name), hint=hint)


def is_acronym(name: str) -> bool:
    """MSC, EVs, IND: matched with their case, so 'iv' or 'ind' inside prose never count."""
    letters = [c for c in name if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and len(letters) - upper <= 1


@lru_cache(maxsize=256)
def _pattern(name: str) -> re.Pattern[str]:
    if is_acronym(name):
        words, flags = name.split(), 0
    else:
        words, flags = normalize(name).split(" "), re.IGNORECASE
    # A space or a hyphen between words: "placebo controlled" finds "placebo-controlled".
    body = r"[\s-]+".join(re.escape(word) for word in words)
    # A plural counts: "mesenchymal stem cells (MSCs)" uses Mesenchymal stem cell.
    return re.compile(rf"(?<!\w){body}(?:e?s)?(?!\w)", flags)


def flatten(text: str) -> str:
    """Rendered page text as one line of words: panel borders and line breaks become spaces."""
    return _SPACE.sub(" ", _DECORATION.sub(" ", text))


def terms_in(entries: Sequence[GlossaryEntry], text: str) -> list[GlossaryEntry]:
    """The entries any of whose names occur in TEXT, in the order they first occur."""
    flat = flatten(text)
    found: list[tuple[int, int, GlossaryEntry]] = []
    for order, entry in enumerate(entries):
        positions = [m.start() for n in entry.names if (m := _pattern(n).search(flat))]
        if positions:
            found.append((min(positions), order, entry))
    return [entry for _, _, entry in sorted(found, key=lambda item: (item[0], item[1]))]


def first_sentence(definition: str) -> str:
    """The definition's first sentence, for one-line listings."""
    flat = _SPACE.sub(" ", definition).strip()
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z\"'(])", flat)
    return flat[: match.start()] if match else flat


def mentions(entry: GlossaryEntry, text: str) -> bool:
    """Whether any name of ENTRY occurs in TEXT, as terms_in finds them."""
    return first_mention(entry, text) is not None


def first_mention(entry: GlossaryEntry, text: str) -> str | None:
    """The words by which TEXT first names ENTRY (by any of its names, as written there), or
    None: what a reader would search for to land on the page that uses the term."""
    flat = flatten(text)
    found = [m for name in entry.names if (m := _pattern(name).search(flat))]
    return min(found, key=lambda m: m.start())[0] if found else None


def short_name(entry: GlossaryEntry) -> str:
    """The term with its first acronym, as 'Mesenchymal stem cell (MSC)', for listings."""
    acronym = next((a for a in entry.aliases if is_acronym(a)), None)
    return f"{entry.term} ({acronym})" if acronym and not is_acronym(entry.term) else entry.term


@dataclass(frozen=True)
class Use:
    """A section that uses a term: its number (from 1), id, title, and the words it uses."""

    number: int
    section_id: str
    title: str
    words: str

    def command(self, prefix: str = "exotour") -> str:
        """The command that opens the page of this section that holds the term."""
        import shlex

        return f"{prefix} learn {self.section_id} --at {shlex.quote(self.words)}"


def uses(entry: GlossaryEntry, sections: Iterable[tuple[int, Section]]) -> tuple[Use, ...]:
    """The SECTIONS (each with its number) whose body or evidence notes name ENTRY."""
    found: list[Use] = []
    for number, section in sections:
        text = " ".join([section.body, *(note.text for note in section.evidence)])
        words = first_mention(entry, text)
        if words is not None:
            found.append(Use(number, section.id, section.title, words))
    return tuple(found)
