"""Where the built-in tours live: inside the installed package, or beside the source tree."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

PACKAGED = "tours"  # exotour/tours/<name> in the wheel (pyproject's force-include)
_PACKAGE = Path(__file__).resolve().parents[1]
_CHECKOUT = _PACKAGE.parents[1]  # the repository, when run from a checkout (src/exotour)


# The built-in tour in each language it is written in: its folder in the wheel (exotour/tours/)
# and in a checkout. Both have the same section ids, so a reader's place is shared between them.
BUILTIN_TOURS = {"en": ("exosome", "content"), "es": ("exosome-es", "content-es")}


def builtin_content_dir(language: str = "en") -> Path:
    """The exosome tour shipped with the package (or the repository's content/, in a checkout)
    in LANGUAGE (an interface language, exotour.i18n's); English for a language it is not in,
    or when that language's folder is missing."""
    if language != "en" and language in BUILTIN_TOURS:
        name, folder = BUILTIN_TOURS[language]
        found = _found(name, _CHECKOUT / folder)
        if found.is_dir():
            return found
    return _found("exosome", _CHECKOUT / "content")


def builtin_content_dirs() -> tuple[Path, ...]:
    """The built-in tour's folder in every language it is written in, English first."""
    return tuple(dict.fromkeys(builtin_content_dir(language) for language in BUILTIN_TOURS))


def example_tour_dir() -> Path:
    """The small example tour that `exotour new` copies (the checkout's examples/first-tour)."""
    return _found("first-tour", _CHECKOUT / "examples" / "first-tour")


def authoring_guide() -> Path:
    """The guide to writing a tour: the package's copy, or the checkout's docs/authoring.md."""
    packaged = _PACKAGE / "docs" / "authoring.md"
    return packaged if packaged.is_file() else _CHECKOUT / "docs" / "authoring.md"


def packaged_tour(name: str) -> Path | None:
    """The folder of the tour NAME shipped inside the package, if it is one on disk."""
    found = _PACKAGE / PACKAGED / name
    if found.is_dir():
        return found
    from importlib.resources import files

    resource = files("exotour") / PACKAGED / name
    return Path(str(resource)) if resource.is_dir() else None


def _found(name: str, in_checkout: Path) -> Path:
    # Plain folders first, the package's then the checkout's: importlib.resources costs ~25 ms
    # to import (zipfile, tempfile, lzma), as much as the rest of a search; it answers only
    # where neither is there (a package that is not plain files).
    packaged = _PACKAGE / PACKAGED / name
    if packaged.is_dir():
        return packaged
    if in_checkout.is_dir():
        return in_checkout
    return packaged_tour(name) or in_checkout


class ContentPlace(NamedTuple):
    """A content folder, resolved once: the folder as given (or the built-in tour's), where it
    really is, and the one key that names its tour cache and its search index and keeps its
    readers' progress apart from other folders'."""

    folder: Path
    resolved: Path
    builtin: bool
    key: str


@cache
def content_place(given: Path | None, language: str = "en") -> ContentPlace:
    """The place of the folder GIVEN (None: the built-in tour in LANGUAGE, the interface's),
    worked out once per process. A folder given is used as it is, whatever the language; it is
    built-in when it is one of the built-in tour's folders in any language."""
    folder = given if given is not None else builtin_content_dir(language)
    resolved = folder.resolve()
    builtin = given is None or resolved in {d.resolve() for d in builtin_content_dirs()}
    return ContentPlace(folder, resolved, builtin, place_key(resolved))


def place_key(resolved: Path) -> str:
    """The key of the folder at RESOLVED: the same in every run and every version, short enough
    for a file name. It names caches and keeps progress apart, and is no secret: two checksums
    of the path (64 bits) do that, where hashlib would cost more to import (its OpenSSL) than
    the rest of the key's work. A clash of two folders costs a cache miss, not a wrong tour:
    each cache file holds the fingerprint of what it was made from."""
    import zlib

    name = _path_bytes(resolved)
    return f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}"


def older_place_key(resolved: Path) -> str:
    """The key that named the folder at RESOLVED before place_key (a SHA-256 of the path),
    so that progress saved under it is still read."""
    import hashlib

    return hashlib.sha256(_path_bytes(resolved)).hexdigest()[:20]


def _path_bytes(resolved: Path) -> bytes:
    return str(resolved).encode("utf-8", "surrogateescape")
