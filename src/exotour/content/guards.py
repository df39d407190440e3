"""A content file to YAML nodes, safely: what the file is and how large, checked before it is
read; its encoding; forbidden characters; then the composed document, bounded (see nodes.py).

Content is data from possibly hostile hands. A FIFO, a folder or a device named like a content
file is named as what it is, never opened for a read that could hang; a file is never read
beyond the size limit; text in another encoding is named by its encoding.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml

from exotour.content.limits import MAX_CHAR_REPORTS, MAX_FILE_BYTES
from exotour.content.node_words import char
from exotour.content.nodes import compose
from exotour.content.problems import FileReport, shown
from exotour.content.schema import FORBIDDEN_CHARS
from exotour.i18n import _, ngettext
from exotour.localnumbers import number
from exotour.state.atomic import kind_of_mode

# Byte order marks, the longest first (UTF-32's little-endian mark starts as UTF-16's does).
_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def kind_of(mode: int) -> str:
    """What a file of MODE is, in words, when it is not a regular file (the writer's rule)."""
    return kind_of_mode(mode) or _("a regular file")


def why(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def read_bytes(path: Path, file: FileReport) -> bytes | None:
    """The bytes of the content file PATH, or None after reporting why it cannot be read.

    The file's kind and size are checked first and again on the open file, which is opened
    without blocking, so a FIFO swapped in meanwhile cannot hang the read."""
    name = shown(path.name, 120)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        dangling = path.is_symlink()
        if dangling:
            file.fail(1, 1, _("{name} is a symbolic link to nothing").format(name=name))
        else:
            file.fail(1, 1, _("is missing"))
        return None
    except IsADirectoryError:
        file.fail(1, 1, _("{name} is a folder, not a file").format(name=name))
        return None
    except OSError as exc:
        file.fail(1, 1, cannot_read(exc))
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = kind_of(info.st_mode)
            file.fail(1, 1, _("{name} is {kind}, not a file").format(name=name, kind=kind))
            return None
        if info.st_size > MAX_FILE_BYTES:
            file.fail(1, 1, too_large(info.st_size))
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            # As much as fstat saw and a byte more, not a buffer of the limit for every file
            # (10,000 files of 4 KB each took a megabyte to read); a file that grew meanwhile
            # is read on, and not beyond the limit.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as exc:
        file.fail(1, 1, cannot_read(exc))
        return None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        file.fail(1, 1, too_large(len(data)))
        return None
    return data


def cannot_read(exc: OSError) -> str:
    return _("cannot read the file ({why})").format(why=why(exc))


def too_large(size: int) -> str:
    return _("the file is too large ({size} bytes); the limit is {mb} MB ({limit} bytes)").format(
        size=number(size), mb=MAX_FILE_BYTES // 1_000_000, limit=number(MAX_FILE_BYTES)
    )


def encoding_of(data: bytes) -> str | None:
    """UTF-16 or UTF-32 when DATA is, by its byte order mark or, as YAML detects it, by the
    zero bytes of its first character; None for anything else."""
    for mark, name in _BOMS:
        if data.startswith(mark):
            return name
    head = data[:4]
    if len(head) < 4:
        return None
    if head[1:] == b"\0\0\0" or head[:3] == b"\0\0\0":
        return "UTF-32"
    if head[1::2] == b"\0\0" or head[::2] == b"\0\0":
        return "UTF-16"
    return None


def decode(data: bytes, file: FileReport) -> str | None:
    """DATA as text with \\n line ends, or None after reporting why it is not UTF-8 text."""
    encoding = encoding_of(data)
    if encoding is not None:
        file.fail(
            1, 1, _("the file is {encoding} text; save it as UTF-8").format(encoding=encoding)
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", "replace")) + 1
        byte = f"0x{data[exc.start]:02x}"
        file.fail(line, column, _("the file is not UTF-8 text (byte {byte})").format(byte=byte))
        return None
    # Windows line ends are line ends; a carriage return anywhere else is refused below.
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def plain_characters(text: str, file: FileReport) -> bool:
    """Whether TEXT is free of control characters; each one found is reported (a few)."""
    bad = 0
    for match in FORBIDDEN_CHARS.finditer(text):
        bad += 1
        if bad <= MAX_CHAR_REPORTS:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            file.fail(line, column, char(match.group()))
    if bad > MAX_CHAR_REPORTS:
        more = bad - MAX_CHAR_REPORTS
        message = ngettext(
            "{count} more control character in this file",
            "{count} more control characters in this file",
            more,
        )
        file.fail(1, 1, message.format(count=number(more)))
    return not bad


def read_nodes(path: Path, file: FileReport) -> tuple[bytes | None, yaml.Node | None]:
    """The bytes PATH holds (for the fingerprint) and its YAML document, a mapping, or None
    after reporting why not."""
    data = read_bytes(path, file)
    if data is None:
        return None, None
    text = decode(data, file)
    if text is None or not plain_characters(text, file):
        return data, None
    return data, compose(text, file)
