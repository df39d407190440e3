"""What a web address really names: the checks that keep a link from pretending to go where it
does not, shared by validate (which refuses such an address) and the screens (which show a
link by its real host).

A source link is shown to a worried reader as the place to check a claim, so its text must not
mislead: no user name or password before the host (`https://www.nih.gov` written with a
division slash, then `@attacker.example`, goes to attacker.example), no character that looks
like a slash, a dot or a colon but is not one, nothing invisible, and a host in another
script only as IDNA allows it."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

# Characters drawn like a URL's own punctuation (/ . : @ ? # \) that a URL never needs; NFKC
# catches the full-width forms, these it leaves as they are.
LOOK_ALIKES = frozenset(
    "\u2215\u2044\u29f8\u2571\u1735\u3033\u2cc6\u2f03\u30ce\u31d3\u4e3f\u0337\u0338"  # slashes
    "\u2024\u3002\u0701\u0702\ua60e\U00010a50\u2e33\u06d4\u0660\u06f0\u00b7\u2027"  # dots
    "\ua789\u2236\u0589\u02d0\u02f8\u05c3\u16ec\ufe13\ufe30\u2982"  # colons
    "\u29f5\u2216\ufe68\u2572"  # backslashes
)


def spoofing(url: str) -> str | None:
    """Why URL (an http or https address) could show a reader a site it does not go to, in
    words for validate; None when it says what it is."""
    from exotour.i18n import _

    for char in url:
        if char in LOOK_ALIKES or unicodedata.normalize("NFKC", char) != char:
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            message = _("holds '{char}' ({name}), which looks like part of an address but is not")
            return message.format(char=char, name=name)
        if unicodedata.category(char)[0] in "CZ" and char != " ":
            message = _("holds an invisible or control character ({code})")
            return message.format(code=f"U+{ord(char):04X}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        return _("is not a web address that can be read")
    if "@" in parts.netloc:
        return _(
            "has a user name or password before its host (the part before '@'), so it goes "
            "to another site than it seems to"
        )
    host = parts.hostname or ""
    if not host:
        return _("names no host")
    if not host.isascii() and _ascii_host(host) is None:
        message = _("has a host, '{host}', that is not a valid international domain name")
        return message.format(host=host)
    return None


def real_host(url: str) -> str:
    """The host URL goes to, as a reader can tell it apart: ASCII (an international name in its
    xn-- form); empty when URL has none."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    if host.isascii():
        return host
    return _ascii_host(host) or host.encode("ascii", "replace").decode("ascii")


def without_user_info(url: str) -> str:
    """URL with any user name or password before its host left out, and the host in ASCII."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc and parts.netloc.isascii():
        return url
    netloc = real_host(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None:
        netloc += f":{port}"
    return parts._replace(netloc=netloc).geturl()


def _ascii_host(host: str) -> str | None:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
