"""Glossary names a reader cannot tell apart are one name to validate's duplicate check."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli, write_content

from exotour.content.lookalike import skeleton


@pytest.mark.parametrize(
    "twin",
    [
        "stem\u200b cell",  # a zero-width space
        "st\u0435m cell",  # a Cyrillic e
        "\uff53tem cell",  # a full-width s (NFKC)
        "stem\u00a0cell",  # a non-breaking space
        "STEM-CELL",  # case and a hyphen, as lookups read them
        "ste\u0301m cell".replace("\u0301", "") + "\u200d",  # a zero-width joiner at the end
    ],
)
def test_a_look_alike_of_a_term_is_a_duplicate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], twin: str
) -> None:
    glossary = (
        "terms:\n  - term: stem cell\n    definition: A cell.\n"
        f'  - term: "{twin}"\n    definition: Another cell.\n'
    )
    folder = write_content(tmp_path / "tour", {"glossary.yaml": glossary})
    result = run_cli(["validate", str(folder)], capsys)
    assert result.status == 2
    assert "already names the term at line 2" in result.out


def test_names_that_differ_to_the_eye_stay_apart() -> None:
    assert skeleton("stem cell") != skeleton("stem cells")
    assert skeleton("caf\u00e9") == skeleton("cafe\u0301")  # one letter, two spellings
    assert skeleton("exosome") != skeleton("endosome")
