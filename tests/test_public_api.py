"""Only the public API of Typer, Click and Rich: their private modules change without notice
(typer.models.TyperPath is gone in Typer 0.29)."""

from __future__ import annotations

import re

import pytest
from helpers import REPO

# A private module of Typer, Click or Rich, imported or reached by attribute.
_PRIVATE = re.compile(r"\b(?:typer\.(?:models|_\w+)|click\._\w+|rich\._\w+)\b")


@pytest.mark.parametrize("folder", ["src", "scripts", "tests", "bench"])
def test_no_private_module_of_typer_click_or_rich_is_used(folder: str) -> None:
    used = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sorted((REPO / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _PRIVATE.search(line) and path.name != "test_public_api.py"
    ]
    assert used == []
