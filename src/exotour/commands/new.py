"""`exotour new DIR [--title T]`: start a tour of your own from the packaged example.

The example (examples/first-tour, shipped as exotour/tours/first-tour) is copied with its JSON
Schemas and the editor modelines that point to them, its id taken from DIR's name and its title
from --title. The copy is built in a hidden folder beside DIR, checked as `validate` checks, and
only then renamed to DIR: a reader never sees half a tour, and a title the loader would refuse
leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from exotour.commands import Options
from exotour.errors import ExitStatus, UsageError
from exotour.i18n import _, ngettext

EXAMPLE = "first-tour"
FALLBACK_ID = "my-tour"


def example_tour_dir() -> Path:
    """The example tour: the content layer's answer once it has one, else the packaged copy,
    else the checkout's examples/ folder."""
    from exotour.content import location

    found = getattr(location, "example_tour_dir", None)  # added by the content layer
    if callable(found):
        return Path(found())
    packaged = location.packaged_tour(EXAMPLE)
    return packaged or Path(__file__).resolve().parents[3] / "examples" / EXAMPLE


def run(options: Options, folder: Path, title: str | None) -> ExitStatus:
    from exotour.text import printable

    # Echoed in every message: a control character in the name is shown escaped, never sent.
    shown = printable(str(folder))
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise UsageError(
            _("'{folder}' exists and is not a folder").format(folder=shown),
            _("choose a new folder name"),
        )
    if folder.is_dir() and any(folder.iterdir()):
        raise UsageError(
            _("'{folder}' is not empty; exotour new only writes into a new or empty folder").format(
                folder=shown
            ),
            _("choose a new folder name, or remove what is in it"),
        )
    source = example_tour_dir()
    files = _files(source, _tour_id(folder), title)
    _create(folder, files)
    sections = sum(1 for name in files if name.startswith("sections/"))
    print(
        ngettext(
            "Created a tour of {count} section in {folder}, with schemas for your editor.",
            "Created a tour of {count} sections in {folder}, with schemas for your editor.",
            sections,
        ).format(count=sections, folder=shown)
    )
    from exotour.content.location import authoring_guide
    from exotour.text import printable

    steps = [
        (f"exotour validate {_quote(shown)}", _("check it after every edit")),
        (f"exotour --content {_quote(shown)} learn --watch", _("read it as you write")),
        (printable(str(authoring_guide())), _("every field, the limits and the checks")),
    ]
    width = max(len(command) for command, _ in steps)
    print(_("Next:"))
    for command, why in steps:
        print(f"  {command.ljust(width)}   {why}")
    return ExitStatus.OK


def _tour_id(folder: Path) -> str:
    """An id from the folder's name: lower case, words joined by '-', as the loader wants."""
    words = re.findall(r"[a-z0-9]+", folder.resolve().name.lower())
    candidate = "-".join(words)[:64].strip("-")
    return candidate or FALLBACK_ID


def _files(source: Path, tour_id: str, title: str | None) -> dict[str, bytes]:
    """The example's files by relative path, with tour.yaml's id and title replaced."""
    import json

    files = {
        path.relative_to(source).as_posix(): path.read_bytes()
        for path in sorted(source.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    # A JSON string is a YAML string too: any title, quoted safely.
    fields = {
        "id": tour_id,
        "title": json.dumps(title, ensure_ascii=False) if title is not None else None,
    }
    lines = files["tour.yaml"].decode("utf-8").splitlines(keepends=True)
    for key, value in fields.items():
        index = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if value is not None and index is not None:
            lines[index] = f"{key}: {value}\n"
    files["tour.yaml"] = "".join(lines).encode("utf-8")
    return files


def _create(folder: Path, files: dict[str, bytes]) -> None:
    """Write FILES into a hidden folder beside FOLDER, check it, then rename it to FOLDER."""
    from exotour.content.loader import check_content
    from exotour.state.atomic import write_atomically

    parent = folder.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".exotour-new-", dir=parent))
    try:
        for relative, data in files.items():
            target = building / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data, shared=True)
        tour, problems = check_content(building)
        if tour is None:
            reasons = "; ".join(p.message for p in problems if not p.is_warning)
            raise UsageError(
                _("cannot make that tour: {reasons}").format(reasons=reasons),
                _("give --title one line of plain text"),
            )
        umask = os.umask(0)
        os.umask(umask)
        building.chmod(0o777 & ~umask)  # mkdtemp's folder is private; a tour is for sharing
        building.replace(folder)  # an empty folder is replaced whole; a new one appears
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)
