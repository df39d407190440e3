#!/usr/bin/env python3
"""Extract, update and compile exotour's message catalogues with Babel (a build tool only).

    python scripts/i18n.py           # write the template, update each .po, compile each .mo
    python scripts/i18n.py --check   # exit 1, saying why, if any of them is not current

The strings marked with `_()` and `ngettext()` in src/exotour are extracted to
src/exotour/locale/exotour.pot; each language's src/exotour/locale/<lang>/LC_MESSAGES/exotour.po
is brought up to date with it (a new string arrives untranslated, a changed one fuzzy), and
compiled to exotour.mo beside it, which the wheel ships and exotour.i18n reads. Fuzzy
translations are never compiled.

--check fails when a marked string is missing from the template, a catalogue or a compiled file
is out of date, or any message is untranslated or fuzzy, or is a translation exotour would
refuse at run time (a control character, Rich markup or a placeholder its English text has not).
After marking or changing strings: run this script, translate what it lists, run it again.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "exotour"
sys.path.insert(0, str(REPO / "src"))

from exotour.i18n import DOMAIN, ENGLISH, LOCALE_DIR, SUPPORTED, safe_translation  # noqa: E402

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
# A fixed date in the headers: the files change when the strings do, not with the clock.
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
HEADER = {"project": "exotour", "msgid_bugs_address": "", "copyright_holder": "exotour developers"}
# The one header line that names Babel's version: ignored when files are compared, so the lowest
# Babel pyproject allows finds the files current too.
_GENERATED_BY = re.compile(rb'^"Generated-By: [^"]*"\n', re.M)


def catalogue_path(language: str, suffix: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.{suffix}"


def languages() -> list[str]:
    return [language for language in SUPPORTED if language != ENGLISH]


def extract() -> Catalog:
    """The template: every marked string in the package, by file (line numbers would change
    the template at every edit above a string)."""
    template = Catalog(domain=DOMAIN, creation_date=STAMP, revision_date=STAMP, **HEADER)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        path = f"src/exotour/{filename}"
        template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def po_text(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalogue, width=100, include_lineno=False, sort_output=True)
    return out.getvalue()


def mo_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def updated(language: str, template: Catalog) -> Catalog:
    """LANGUAGE's catalogue brought up to date with TEMPLATE (a new one if there is none)."""
    path = catalogue_path(language, "po")
    if path.exists():
        with path.open("rb") as file:
            catalogue = read_po(file, locale=language, domain=DOMAIN)
    else:
        catalogue = Catalog(locale=language, domain=DOMAIN, creation_date=STAMP, **HEADER)
    catalogue.update(template, update_header_comment=False)
    catalogue.revision_date = STAMP
    catalogue.fuzzy = False  # the header: its plural rule is the translator's, kept as written
    catalogue.obsolete.clear()  # a string no longer marked is gone, not kept as a comment
    return catalogue


def problems(catalogue: Catalog, language: str) -> list[str]:
    """What keeps CATALOGUE from being complete: untranslated, fuzzy or unsafe messages."""
    found = []
    for message in catalogue:
        if not message.id:
            continue  # the header
        name = _name(message)
        if message.fuzzy:
            found.append(f"{language}: fuzzy: {name}")
        elif not _translated(message):
            found.append(f"{language}: untranslated: {name}")
        elif not _safe(message):
            found.append(f"{language}: refused at run time (markup, control, placeholder): {name}")
    return found


def _name(message: Message) -> str:
    return repr(message.id if isinstance(message.id, str) else message.id[0])


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return all(strings)


def _safe(message: Message) -> bool:
    if isinstance(message.id, str):
        assert isinstance(message.string, str)
        return safe_translation(message.id, message.string) == message.string
    singular, plural = message.id[0], message.id[1]
    forms = list(message.string)
    # The first form stands beside the singular, every other beside the plural.
    return all(
        safe_translation(singular if index == 0 else plural, form) == form
        for index, form in enumerate(forms)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a catalogue is not current or complete"
    )
    args = parser.parse_args(argv)
    template = extract()
    wanted = {TEMPLATE: po_text(template)}
    complaints: list[str] = []
    for language in languages():
        catalogue = updated(language, template)
        wanted[catalogue_path(language, "po")] = po_text(catalogue)
        wanted[catalogue_path(language, "mo")] = mo_bytes(catalogue)
        complaints += problems(catalogue, language)
    stale = [path for path, data in wanted.items() if not _holds(path, data)]
    if args.check:
        for path in stale:
            complaints.append(f"{path.relative_to(REPO)} is out of date: run scripts/i18n.py")
        for complaint in complaints:
            print(complaint, file=sys.stderr)
        return 1 if complaints else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(wanted[path])
        print(f"wrote {path.relative_to(REPO)}")
    for complaint in complaints:
        print(complaint, file=sys.stderr)
    return 0


def _holds(path: Path, data: bytes) -> bool:
    """Whether PATH holds DATA, but for the version of Babel that wrote it."""
    try:
        held = path.read_bytes()
    except OSError:
        return False
    if path.suffix == ".mo":
        return _messages(held) == _messages(data)
    return _GENERATED_BY.sub(b"", held) == _GENERATED_BY.sub(b"", data)


def _messages(data: bytes) -> list[tuple[object, object, object]] | None:
    """A compiled catalogue's messages and plural rule, or None when it cannot be read."""
    try:
        catalogue = read_mo(io.BytesIO(data))
    except Exception:  # a broken file is simply not current
        return None
    found: list[tuple[object, object, object]] = [("", catalogue.plural_forms, None)]
    found += sorted((repr(m.id), repr(m.string), m.context) for m in catalogue if m.id)
    return found


if __name__ == "__main__":
    sys.exit(main())
