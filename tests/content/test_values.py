"""Every YAML value yields a value or a clear error: any standard tag on any text, in a field of
any kind, is read or refused with a one-line message, never an exception."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exotour.content.loader import check_content

EXAMPLE = REPO / "examples" / "first-tour"
TAGS = ["", "!!int ", "!!float ", "!!bool ", "!!null ", "!!timestamp ", "!!str "]
# A field of each kind: (file, the line to replace, its start up to the value).
FIELDS = [
    ("sections/check-and-share.yaml", "    answer: 2", "    answer: "),  # int
    ("sections/write-a-section.yaml", "        year: 2021", "        year: "),  # int
    ("sections/start-here.yaml", "title: What a tour is made of", "title: "),  # line
    ("tour.yaml", "sections:", "sources_checked: "),  # date (added before sections)
]
_WORDS = st.sampled_from(
    ["", "x", "words", "maybe", "yes", "010", "09", "0x1F", "0o17", "1_000", "1:30", "-0",
     "2026-12-01", "2026-02-30", ".inf", ".nan", "~", "null", "1e3", "0x" + "F" * 4000,
     "9" * 5000]
)  # fmt: skip


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shutil.copytree(EXAMPLE, tmp_path_factory.mktemp("values") / "tour")


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(FIELDS),
    tag=st.sampled_from(TAGS),
    value=_WORDS | st.text(max_size=20).map(json.dumps),
)
def test_any_tag_on_any_value_is_read_or_refused_in_words(
    scratch: Path, field: tuple[str, str, str], tag: str, value: str
) -> None:
    name, old, start = field
    original = (EXAMPLE / name).read_text(encoding="utf-8")
    new = f"{start}{tag}{value}"
    text = original.replace(old, f"{new}\n{old}" if name == "tour.yaml" else new, 1)
    try:
        (scratch / name).write_text(text, encoding="utf-8")
        tour, problems = check_content(scratch)
        for problem in problems:
            assert "\n" not in problem.message and len(problem.message) < 400
        assert (tour is None) == any(not p.is_warning for p in problems)
    finally:
        (scratch / name).write_text(original, encoding="utf-8")
