"""The HTML export's one Markdown parser: raw HTML off, no images, only safe links made, each
web address written out made a link, and a link whose text names another address shown with
its real target (markdown-it core rules, its documented extension point)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from exotour.safe_markdown import is_safe_link, names_other_address

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore

# A web address in running text; what may end a sentence after it is not part of it.
_BARE_URL = re.compile(r"https?://[^\s<>\"'`]+")
_URL_TAIL = ".,;:!?"


@cache
def html_parser() -> MarkdownIt:
    """The one parser for every body: making one costs more than rendering a section."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False})
    md.disable("image")  # a picture would be a resource loaded from elsewhere
    # markdown-it's documented hook for which links to make: the Markdown export's policy.
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    md.core.ruler.push("bare_urls", _link_bare_urls)
    md.core.ruler.push("true_targets", _show_true_targets)
    return md


def _show_true_targets(state: StateCore) -> None:
    """A markdown-it core rule: a link whose text is another address than its target becomes
    text that names both (`https://www.fda.gov/x (https://elsewhere.example)`)."""
    from markdown_it.token import Token

    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        opened: Token | None = None
        inside: list[Token] = []
        for token in block.children:
            if token.type == "link_open" and opened is None:
                opened, inside = token, []
            elif token.type == "link_close" and opened is not None:
                href = str(opened.attrGet("href") or "")
                label = "".join(t.content for t in inside if t.type in ("text", "code_inline"))
                if names_other_address(label, href):
                    children.append(Token("text", "", 0, content=f"{label} ({href})"))
                else:
                    children += [opened, *inside, token]
                opened = None
            elif opened is not None:
                inside.append(token)
            else:
                children.append(token)
        block.children = children + ([opened, *inside] if opened is not None else [])


def _url_end(text: str, start: int, end: int) -> int:
    """Where the address found in TEXT[START:END] ends: not at a full stop after it, nor at a
    closing bracket that it did not open (a DOI may hold brackets of its own)."""
    while end > start:
        last = text[end - 1]
        if last in _URL_TAIL or (
            last == ")" and text.count("(", start, end) < text.count(")", start, end)
        ):
            end -= 1
        else:
            break
    return end


def _link_bare_urls(state: StateCore) -> None:
    """A markdown-it core rule: each http(s) address in text outside a link becomes a link."""
    from markdown_it.token import Token

    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        depth = 0
        for token in block.children:
            depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            if token.type != "text" or depth or not _BARE_URL.search(token.content):
                children.append(token)
                continue
            text, done = token.content, 0
            for match in _BARE_URL.finditer(text):
                end = _url_end(text, match.start(), match.end())
                url = text[match.start() : end]
                if match.start() < done or not state.md.validateLink(url):
                    continue
                children.append(Token("text", "", 0, content=text[done : match.start()]))
                children.append(
                    Token("link_open", "a", 1, attrs={"href": state.md.normalizeLink(url)})
                )
                children.append(Token("text", "", 0, content=url))
                children.append(Token("link_close", "a", -1))
                done = end
            children.append(Token("text", "", 0, content=text[done:]))
        block.children = children
