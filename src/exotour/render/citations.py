"""A source's link and citation as the exports write them: a Markdown autolink (or code, where
an autolink cannot hold the address) and an HTML list item with a safe link. Every link whole."""

from __future__ import annotations

import html
import re

from exotour.model import Source
from exotour.safe_markdown import is_safe_link, literal


def md_link(url: str) -> str:
    # An autolink cannot hold spaces or angle brackets; such a link (or one that could run a
    # script) is shown as code instead.
    if url and is_safe_link(url) and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    return f"`{url}`" if url and "`" not in url else literal(url)


def html_citation(source: Source, language: str = "en") -> str:
    """SOURCE as the inside of an HTML list item: its names, its date (in the words of a tour in
    LANGUAGE, as the generated Sources section dates it), then its link."""
    from exotour.content.sources import source_date

    e = html.escape
    shown = [f"<cite>{e(t)}</cite>" if is_title else e(t) for t, is_title in source.parts()]
    date = source_date(source, language)
    item = ", ".join(shown) + e(f" ({date})." if date else ".")
    if source.link:
        href = e(source.link) if is_safe_link(source.link) else ""
        item += f' <a href="{href}">{e(source.link)}</a>' if href else f" {e(source.link)}"
    return item
