"""Where the built-in tours live: inside the installed package, or beside the source tree."""

from __future__ import annotations

from pathlib import Path

PACKAGED = "tours"  # exotour/tours/<name> in the wheel (pyproject's force-include)
_CHECKOUT = Path(__file__).resolve().parents[3]  # the repository, when run from a checkout


def builtin_content_dir() -> Path:
    """The exosome tour shipped with the package (or the repository's content/, in a checkout)."""
    return packaged_tour("exosome") or _CHECKOUT / "content"


def example_tour_dir() -> Path:
    """The small example tour that `exotour new` copies (the checkout's examples/first-tour)."""
    return packaged_tour("first-tour") or _CHECKOUT / "examples" / "first-tour"


def packaged_tour(name: str) -> Path | None:
    """The folder of the tour NAME shipped inside the package, if it is one on disk."""
    # The package folder itself first: importlib.resources costs ~25 ms to import, as much as
    # the rest of a search; it answers only where the package is not plain files.
    package = Path(__file__).resolve().parents[1]
    found = package / PACKAGED / name
    if found.is_dir():
        return found
    from importlib.resources import files

    resource = files("exotour") / PACKAGED / name
    return Path(str(resource)) if resource.is_dir() else None
