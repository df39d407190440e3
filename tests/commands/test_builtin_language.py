"""The built-in tour in the reader's language: the Spanish tour (content-es) when the interface
is Spanish and no --content is given, the English one otherwise, byte for byte as before; a
--content tour as its author wrote it; one reading place for both, and caches per folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from helpers import REPO, golden, run_cli

from exotour.commands import store_for
from exotour.content import location
from exotour.content.loader import load_tour
from exotour.content.location import builtin_content_dir, content_place
from exotour.model import Tour
from exotour.state.progress import Saved

GOLDEN = Path(__file__).resolve().parent / "golden"
# The built-in tours where exotour finds them: the checkout's folders, or the installed
# package's copies of them (CI tests a regular install).
ENGLISH = builtin_content_dir("en")
SPANISH = builtin_content_dir("es")
SPANISH_HEAD = yaml.safe_load((SPANISH / "tour.yaml").read_text(encoding="utf-8"))
ENGLISH_HEAD = yaml.safe_load((ENGLISH / "tour.yaml").read_text(encoding="utf-8"))


def _summary(
    environ: dict[str, str],
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    # Not the tests' own LANGUAGE=en: this test's variables decide.
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    result = run_cli([*argv, "summary"], capsys)
    assert (result.status, result.err) == (0, "")
    return result.out


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {"LANG": "C"},
        {"LANG": "POSIX"},
        {"LANG": "en_US.UTF-8"},
        {"LC_ALL": "C", "LANG": "es_ES.UTF-8"},  # LC_ALL first, as gettext reads them
        {"LANG": "fr_FR.UTF-8"},  # a language without its tour: English
    ],
    ids=["none", "C", "POSIX", "en_US", "LC_ALL=C", "fr_FR"],
)
def test_an_english_or_unknown_locale_reads_the_english_tour_as_before(
    environ: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The golden file is `exotour summary` as it printed before the tour had a language;
    EXOTOUR_UPDATE_GOLDENS=1 rewrites it after a change to the English tour."""
    out = _summary(environ, [], capsys, monkeypatch)
    assert out == golden(GOLDEN / "summary-builtin-80.txt", out)


@pytest.mark.parametrize(
    ("environ", "argv"),
    [
        ({"LANG": "es_ES.UTF-8"}, []),
        ({"LC_ALL": "es_MX.UTF-8"}, []),
        ({"LANGUAGE": "es:en", "LANG": "C"}, []),
        ({"EXOTOUR_LANG": "es", "LANG": "en_US.UTF-8"}, []),
        ({"LANG": "C"}, ["--lang", "es"]),
    ],
    ids=["LANG", "LC_ALL", "LANGUAGE", "EXOTOUR_LANG", "--lang"],
)
def test_a_spanish_interface_reads_the_spanish_tour(
    environ: dict[str, str],
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = _summary(environ, argv, capsys, monkeypatch)
    assert out.startswith(f"{SPANISH_HEAD['title']} · ")
    assert ENGLISH_HEAD["title"] not in out


def test_a_content_folder_stays_as_its_author_wrote_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _summary({}, ["--lang", "es", "--content", str(ENGLISH)], capsys, monkeypatch)
    assert english.startswith(f"{ENGLISH_HEAD['title']} · ")
    spanish = _summary({}, ["--lang", "en", "--content", str(SPANISH)], capsys, monkeypatch)
    assert spanish.startswith(f"{SPANISH_HEAD['title']} · ")


def test_the_built_in_folders_by_language() -> None:
    package = Path(location.__file__).resolve().parents[1] / "tours"
    assert ENGLISH in (REPO / "content", package / "exosome")
    assert SPANISH in (REPO / "content-es", package / "exosome-es")
    for folder, source in ((ENGLISH, REPO / "content"), (SPANISH, REPO / "content-es")):
        assert (folder / "tour.yaml").read_bytes() == (source / "tour.yaml").read_bytes()
    assert builtin_content_dir() == builtin_content_dir("en") == ENGLISH
    assert builtin_content_dir("es") == SPANISH
    assert builtin_content_dir("fr") == ENGLISH  # no tour in French: English
    assert location.builtin_content_dirs() == (ENGLISH, SPANISH)
    assert load_tour(SPANISH).language == "es"
    assert load_tour(ENGLISH).language == "en"


def test_a_missing_spanish_folder_leaves_the_english_tour(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(location.BUILTIN_TOURS, "es", ("not-there", str(tmp_path / "gone")))
    assert builtin_content_dir("es") == ENGLISH
    assert location.builtin_content_dirs() == (ENGLISH,)


def test_each_built_in_folder_has_its_own_caches_and_both_are_built_in() -> None:
    english, spanish = content_place(None, "en"), content_place(None, "es")
    assert (english.folder, spanish.folder) == (ENGLISH, SPANISH)
    assert english.key != spanish.key  # the tour cache and the search index, per folder
    assert english.builtin and spanish.builtin
    assert content_place(SPANISH).builtin  # given with --content, still the built-in tour
    assert content_place(SPANISH).key == spanish.key


def _read_marks(out: str) -> dict[str, bool]:
    return {s["id"]: s["read"] for s in json.loads(out)["sections"]}


def test_the_reader_keeps_their_place_when_switching_language(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both tours have the same id and section ids: one record of progress, read in either."""
    spanish = load_tour(SPANISH)
    assert spanish.id == tour.id
    assert store_for(spanish).path == store_for(tour).path  # the older key, the tour's id
    store_for(tour).save(Saved().at(tour.sections[1].id, 0, 1).at(tour.sections[2].id, 0, 3))
    result = run_cli(["--lang", "es", "sections", "--json"], capsys)
    assert result.status == 0
    assert json.loads(result.out)["tour"]["title"] == SPANISH_HEAD["title"]
    marks = _read_marks(result.out)
    assert [section for section, read in marks.items() if read] == [tour.sections[1].id]
    saved = store_for(spanish).load()
    assert saved.section == tour.sections[2].id  # where the reader stopped, in Spanish too


def test_the_spanish_tours_sources_section_and_about_are_in_spanish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown = run_cli(["--lang", "es", "show", "sources"], capsys)
    assert (shown.status, shown.err) == (0, "")
    assert shown.out.startswith("10. Fuentes  (")
    assert "Estas fuentes se revisaron con copias guardadas, 1-6 dic 2026." in shown.out
    assert "   Citada en la sección 1.\n" in shown.out
    assert "Cited in" not in shown.out and "checked against" not in shown.out
    about = run_cli(["--lang", "es", "about"], capsys)
    assert about.status == 0
    assert "Estas fuentes se revisaron con copias guardadas, 1-6 dic 2026." in about.out


def test_the_spanish_tour_validates(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["validate", str(SPANISH)], capsys)
    assert (result.status, result.err) == (0, "")
    assert result.out.endswith(": OK\n")
