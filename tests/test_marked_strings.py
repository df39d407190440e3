"""Every string marked in the source reaches the catalogue template: Babel's extractor reads no
call inside an f-string, so a `_('Contents')` written there would stay English in every language
without scripts/i18n.py --check noticing. The source is read as Python reads it (ast)."""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.pofile import read_po

from exotour.i18n import LOCALE_DIR

SOURCE = Path(__file__).resolve().parent.parent / "src" / "exotour"
MARKERS = {"_": 1, "N_": 1, "ngettext": 2}


def marked(tree: ast.AST) -> list[str | tuple[str, str]]:
    """The literal messages of every `_`, `N_` and `ngettext` call in TREE."""
    found: list[str | tuple[str, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        count = MARKERS.get(node.func.id)
        if count is None or len(node.args) < count:
            continue
        texts = [
            a.value
            for a in node.args[:count]
            if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if len(texts) != count:
            continue  # a variable: marked where it was defined
        found.append(texts[0] if count == 1 else (texts[0], texts[1]))
    return found


def test_every_marked_string_is_in_the_template() -> None:
    with (LOCALE_DIR / "exotour.pot").open("rb") as file:
        template = {message.id for message in read_po(file) if message.id}
    missing = []
    for path in sorted(SOURCE.rglob("*.py")):
        for message in marked(ast.parse(path.read_text(encoding="utf-8"))):
            if message not in template:
                missing.append((path.relative_to(SOURCE).as_posix(), message))
    assert missing == []


def test_a_call_inside_an_f_string_is_found() -> None:
    assert marked(ast.parse("x = f\"## {_('Contents')}\"")) == ["Contents"]
