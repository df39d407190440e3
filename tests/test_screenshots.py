"""scripts/screenshots.py makes the README pictures from the real app, so they cannot rot."""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path
from types import ModuleType

from helpers import REPO

from exotour.content.sources import is_sources_section
from exotour.model import Tour

SCRIPT = REPO / "scripts" / "screenshots.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(svg: str) -> str:
    """The words an SVG shows, one line of the terminal a line."""
    lines: dict[str, list[str]] = {}
    for match in re.finditer(r'<text [^>]*?y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        lines.setdefault(match[1], []).append(html.unescape(match[2]).replace("\xa0", " "))
    return "\n".join(
        "".join(parts) for _, parts in sorted(lines.items(), key=lambda i: float(i[0]))
    )


def test_the_script_makes_the_three_pictures_from_the_real_app(tour: Tour, tmp_path: Path) -> None:
    assert _script().main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["learn.svg", "search.svg", "summary.svg"]
    learn = (tmp_path / "learn.svg").read_text(encoding="utf-8")
    search = (tmp_path / "search.svg").read_text(encoding="utf-8")
    summary = (tmp_path / "summary.svg").read_text(encoding="utf-8")
    for svg, title in ((learn, "exotour learn"), (search, "exotour search collagen")):
        assert svg.startswith("<svg ")
        assert f">{title}</text>" in svg.replace("&#160;", " ")

    first = _text(learn)
    assert f"Section 1 of {len(tour.sections)}" in first
    assert f"1. {tour.sections[0].title}" in first
    assert tour.disclaimer in first
    assert "?: help   q: quit" in first  # the key line: the whole screen, down to its last row

    found = _text(search)
    assert "$ exotour search collagen" in found
    assert "collagen" in found.split("\n", 2)[2].lower()
    assert "exotour learn how-does-it-work" in found

    gist = _text(summary)
    assert "$ exotour summary" in gist
    for section in tour.sections:
        if not is_sources_section(section):  # the generated list of sources has no takeaway
            assert section.gist in gist  # each section in one line
    assert "exotour learn N opens section N" in gist
    assert "The bottom line on the evidence" in gist


def test_the_readme_shows_the_pictures_and_how_to_make_them() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in ("learn", "search", "summary"):
        assert f"](docs/{name}.svg)" in readme
        assert (REPO / "docs" / f"{name}.svg").is_file()
    assert "python scripts/screenshots.py" in readme
