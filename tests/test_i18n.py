"""The interface language: chosen from --lang and the environment as gettext does, and the
catalogues read as data that cannot inject markup, escape codes or placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from hypothesis import given
from hypothesis import strategies as st

from exotour import i18n

VARIABLES = (i18n.OWN_VARIABLE, *i18n.LOCALE_VARIABLES)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "es_MX"}, "es"),
        ({"LANG": "es-MX"}, "es"),
        ({"LANG": "es"}, "es"),
        ({"LANG": "es_ES@euro"}, "es"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # no catalogue: English, silently
        ({"LANG": "klingon!"}, "en"),
        ({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        ({"LC_ALL": "C", "LC_MESSAGES": "es_ES.UTF-8"}, "en"),
        ({"LC_ALL": "es_AR.UTF-8", "LANG": "C"}, "es"),
        ({"LANGUAGE": "fr:es:en", "LANG": "C"}, "es"),  # the first with a catalogue
        ({"LANGUAGE": "de:en:es"}, "en"),
        ({"LANGUAGE": "de:fr", "LANG": "es_ES.UTF-8"}, "en"),  # the first one set decides
        ({"LANGUAGE": "", "LANG": "es_ES.UTF-8"}, "es"),  # an empty one is not set
        ({"EXOTOUR_LANG": "es", "LANG": "C"}, "es"),
        ({"EXOTOUR_LANG": "en", "LANGUAGE": "es"}, "en"),
        ({"EXOTOUR_LANG": "xx", "LANGUAGE": "es"}, "en"),
    ],
)
def test_the_language_is_chosen_as_gettext_chooses_it(
    environ: dict[str, str], expected: str
) -> None:
    assert i18n.choose(environ) == expected


def test_the_option_comes_before_every_variable() -> None:
    assert i18n.choose({"EXOTOUR_LANG": "en", "LANG": "en_GB"}, "es-ES") == "es"
    assert i18n.choose({"EXOTOUR_LANG": "es"}, "en") == "en"
    assert i18n.choose({"EXOTOUR_LANG": "es"}, "zz") == "en"  # unknown: English, no error


@given(
    st.dictionaries(st.sampled_from(VARIABLES), st.text(max_size=30)),
    st.none() | st.text(max_size=30),
)
def test_any_environment_gives_a_supported_language(
    environ: dict[str, str], option: str | None
) -> None:
    assert i18n.choose(environ, option) in i18n.SUPPORTED


def test_english_is_the_strings_as_written_with_no_catalogue_opened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", Path("/nonexistent"))
    i18n.use("en")
    assert i18n._("the content has 1 problem") == "the content has 1 problem"
    assert i18n.ngettext("{n} error", "{n} errors", 1) == "{n} error"
    assert i18n.ngettext("{n} error", "{n} errors", 0) == "{n} errors"


def test_the_environment_is_read_when_no_language_was_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    i18n.use(None)
    assert i18n.current() == "es"


def hostile_catalogue(folder: Path, plural_forms: str = "nplurals=2; plural=(n != 1);") -> Path:
    """A Spanish catalogue under FOLDER whose translations try what a catalogue must not do."""
    catalogue = Catalog(locale="es", domain=i18n.DOMAIN)
    catalogue.plural_forms  # noqa: B018 - Babel fills the header from the locale
    catalogue.add("plain", "llano")
    catalogue.add("escape", "\x1b[31mescape\x1b[0m")
    catalogue.add("bidi", "a\u202eb")
    catalogue.add("markup", "[bold red]marcado[/]")
    catalogue.add("[link] kept", "[link] guardado")
    catalogue.add("{count} found", "{cuenta} encontrados")
    catalogue.add("{count} sure", "{count} seguros")
    catalogue.add("%s done", "%s %s hecho")
    catalogue.add(("{n} file", "{n} files"), ("{n} archivo", "{n} archivos\x07"))
    catalogue.add(("{n} row", "{n} rows"), ("{n} fila", "{n} filas"))
    folder = folder / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    path = folder / f"{i18n.DOMAIN}.mo"
    with path.open("wb") as file:
        write_mo(file, catalogue)
    if plural_forms != catalogue.plural_forms:
        header = catalogue.plural_forms.encode()
        data = path.read_bytes().replace(header, plural_forms.encode().ljust(len(header)))
        path.write_bytes(data)
    return path


def test_a_hostile_catalogue_cannot_inject_markup_escapes_or_placeholders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile_catalogue(tmp_path)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.use("es")
    _ = i18n._
    assert _("plain") == "llano"
    assert _("escape") == "escape"
    assert _("bidi") == "bidi"
    assert _("markup") == "markup"
    assert _("[link] kept") == "[link] guardado"  # the same brackets as the English: safe
    assert _("{count} found") == "{count} found"  # a placeholder .format() would not fill
    assert _("{count} sure") == "{count} seguros"
    assert _("%s done") == "%s done"
    assert i18n.ngettext("{n} file", "{n} files", 1) == "{n} archivo"
    assert i18n.ngettext("{n} file", "{n} files", 2) == "{n} files"
    assert i18n.ngettext("{n} row", "{n} rows", 2) == "{n} filas"


def test_a_catalogue_whose_plural_rule_fails_gives_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile_catalogue(tmp_path, "nplurals=2; plural=n/0;")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.use("es")
    assert i18n.ngettext("{n} row", "{n} rows", 2) == "{n} rows"
    assert i18n._("plain") == "llano"


@pytest.mark.parametrize(
    "data", [b"", b"\x00" * 3, b"\xde\x12\x04\x95" + b"\xff" * 40, b"not a catalogue at all"]
)
def test_a_broken_catalogue_gives_english(
    data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / f"{i18n.DOMAIN}.mo").write_bytes(data)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.use("es")
    assert i18n._("plain") == "plain"
    assert i18n.ngettext("{n} row", "{n} rows", 2) == "{n} rows"


def test_the_shipped_spanish_catalogue_translates() -> None:
    i18n.use("es")
    assert i18n.ngettext("{n} error", "{n} errors", 2) == "{n} errores"
    assert i18n.ngettext("{n} section", "{n} sections", 1) == "{n} sección"
    assert i18n._("{errors} and {warnings}") == "{errors} y {warnings}"
