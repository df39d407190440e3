"""`exotour sections` (the contents) and `exotour show SECTION` (one section in full)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run_cli

from exotour.commands import store_for
from exotour.model import Tour
from exotour.state.progress import Saved


def _read(tour: Tour, *ids: str) -> None:
    saved = Saved()
    for section_id in ids:
        saved = saved.at(section_id, 0, 1)
    store_for(tour).save(saved)


def test_sections_lists_number_id_title_minutes_and_ticks_what_was_read(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    _read(tour, tour.sections[1].id)
    result = run_cli(["sections"], capsys)
    assert result.status == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0].split() == ["read", "#", "title", "id", "time"]
    for number, section in enumerate(tour.sections, start=1):
        row = lines[number]
        assert f"{number}." in row
        assert section.title in row
        assert section.id in row
        assert row.endswith(f"{section.reading_minutes} min")
        assert row.lstrip().startswith("✓") == (number == 2)
    assert f"1 of {len(tour.sections)} read" in result.out


def test_sections_json(tour: Tour, capsys: pytest.CaptureFixture[str]) -> None:
    _read(tour, tour.sections[0].id)
    result = run_cli(["sections", "--json"], capsys)
    assert result.status == 0
    data = json.loads(result.out)
    assert data["format"] == 1
    assert data["tour"] == {
        "id": tour.id,
        "title": tour.title,
        "sections": len(tour.sections),
        "read": 1,
        "reading_minutes": sum(s.reading_minutes for s in tour.sections),
        "quiz_best": None,
    }
    rows = data["sections"]
    assert [r["id"] for r in rows] == list(tour.section_ids)
    assert rows[0] == {
        "number": 1,
        "id": tour.sections[0].id,
        "title": tour.sections[0].title,
        "reading_minutes": tour.sections[0].reading_minutes,
        "read": True,
        "progress": None,
        "quiz_best": None,
        "added_by_tour": tour.sections[0].added_by_tour,
    }
    assert not any(r["read"] for r in rows[1:])


def _begun_and_scored(tour: Tour) -> None:
    """Section 2 read to page 2 of 5; quiz bests: 3/4 on section 3, 20/26 on the whole tour."""
    saved = Saved().at(tour.sections[0].id, 0, 1).at(tour.sections[1].id, 1, 5, anchor=(2, 0))
    saved = saved.with_quiz(tour.sections[2].id, 3, 4).with_quiz("all", 20, 26)
    store_for(tour).save(saved)


def test_sections_shows_how_far_a_begun_section_was_read_and_the_best_quiz_scores(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    _begun_and_scored(tour)
    result = run_cli(["sections"], capsys)
    assert (result.status, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0].split() == ["read", "#", "title", "id", "quiz", "time"]
    assert lines[1].lstrip().startswith("✓ ")
    assert lines[2].lstrip().startswith("2/5 ")  # begun, not read: no tick
    assert lines[3].split()[-3:] == ["3/4", str(tour.sections[2].reading_minutes), "min"]
    assert "3/4" not in lines[1] + lines[2]
    assert lines[-1] == "Best quiz score on the whole tour: 20/26"
    assert f"1 of {len(tour.sections)} read" in result.out


def test_sections_json_has_progress_and_quiz_scores(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    _begun_and_scored(tour)
    data = json.loads(run_cli(["sections", "--json"], capsys).out)
    rows = data["sections"]
    assert data["tour"]["quiz_best"] == {"right": 20, "asked": 26}
    assert (rows[0]["read"], rows[0]["progress"]) == (True, None)
    assert (rows[1]["read"], rows[1]["progress"]) == (False, {"pages_seen": 2, "pages": 5})
    assert rows[2]["quiz_best"] == {"right": 3, "asked": 4}
    assert [r["quiz_best"] for r in rows[3:]] == [None] * (len(rows) - 3)


def test_a_damaged_progress_file_warns_and_lists_nothing_read(
    tour: Tour, state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (state_dir / "progress.json").write_text("{not json", encoding="utf-8")
    result = run_cli(["sections"], capsys)
    assert result.status == 0
    assert result.err.startswith("exotour: warning: the progress file ")
    assert "✓" not in result.out


def test_show_by_number_and_by_id_print_the_same_section_in_full(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    third = tour.sections[2]
    by_number = run_cli(["show", "3"], capsys)
    by_id = run_cli(["show", third.id], capsys)
    by_title = run_cli(["show", third.title[:7]], capsys)
    assert by_number.status == by_id.status == by_title.status == 0
    assert by_number.out == by_id.out == by_title.out
    out = by_number.out
    assert out.startswith(f"3. {third.title}  (section 3 of {len(tour.sections)}, id: {third.id})")
    flat = " ".join(out.replace("┃", " ").split())  # without the evidence notes' frames
    # All of it: the last words of the body and every evidence note, not just a first page.
    assert " ".join(third.body.split()[-6:]) in flat
    for note in third.evidence:
        assert f"What the evidence says ({note.when})" in out
        assert " ".join(note.text.split()[-6:]) in flat
    assert tour.disclaimer in flat
    assert "Next: exotour show 4" in out
    assert "\x1b" not in out


def test_show_an_unknown_section_exits_2_with_suggestions_and_the_valid_ids(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["show", "benefts"], capsys)
    assert result.status == 2
    assert result.out == ""
    ids = ", ".join(tour.section_ids)
    assert result.err == (
        "exotour: error: no section 'benefts'\n"
        f"exotour: hint: did you mean benefits? valid sections: 1-{len(tour.sections)} or {ids}\n"
    )


def test_show_out_of_range_and_missing_argument_are_usage_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_cli(["show", "99"], capsys).status == 2
    missing = run_cli(["show"], capsys)
    assert missing.status == 2
    assert missing.err.startswith("exotour: error: Missing argument 'SECTION'.")


def test_a_narrow_terminal_leaves_the_ids_out_and_keeps_the_titles(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    result = run_cli(["sections"], capsys)
    assert result.status == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["read", "#", "title", "time"]
    assert all(len(line) <= 40 for line in lines)
    assert tour.sections[0].title in result.out
    assert tour.sections[0].id not in result.out
    assert "exotour learn N" in " ".join(result.out.split())
