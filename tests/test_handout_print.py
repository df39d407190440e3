"""The handout prints to one page in a real browser (headless Chromium's print-to-PDF), on A4
and on Letter paper, blank and filled in. Skipped, saying why, where Chromium is not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from exotour.content.loader import builtin_content_dir, load_tour
from exotour.model import Tour
from exotour.render.handout import handout
from exotour.worksheet import Worksheet

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "decision-tour"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


def _browser() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        pytest.skip("Chromium is not installed (apt-get install chromium): the print test needs it")
    return found


def _pages(browser: str, page_html: str, size: str, folder: Path) -> int:
    source = folder / f"handout-{size}.html"
    assert "size: landscape;" in page_html  # the paper is the reader's; the test names it
    source.write_text(page_html.replace("size: landscape;", f"size: {size} landscape;"), "utf-8")
    pdf = folder / f"handout-{size}.pdf"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return len(PAGE.findall(pdf.read_bytes()))


def _tours() -> list[Tour]:
    tours = [load_tour(FIXTURE)]
    builtin = load_tour(builtin_content_dir())
    return [*tours, builtin] if builtin.decision is not None else tours


@pytest.mark.slow
@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_the_handout_prints_on_one_page(size: str, tmp_path: Path) -> None:
    browser = _browser()
    for tour in _tours():
        decision = tour.decision
        assert decision is not None
        blank = Worksheet(decision)
        longest = max(decision.conditions, key=lambda c: sum(len(o.what) for o in c.options))
        filled = Worksheet.from_saved(
            decision,
            [("condition", longest.id), ("by-when", "before my next visit"), ("sure-1", "no")]
            + [(f"rate-{factor.id}", "4") for factor in decision.factors]
            + [("next-step", "Talk it over with my own doctor, and ask the clinic for the IND.")],
        )
        for sheet in (blank, filled):
            page = handout(tour, sheet, "html", today="2026-12-06")
            assert _pages(browser, page, size, tmp_path) == 1, (tour.id, sheet.answers, size)
