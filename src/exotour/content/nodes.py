"""YAML text to a node graph, bounded: composed (never constructed) with the safe loader; only
plain data tags, each fitting its value; alias expansion, nesting and the text that aliases
expand to are bounded, so no file validate accepts can cost any command more than its limits.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from exotour.content.limits import (
    MAX_ALIAS_EXPANSION,
    MAX_DEPTH,
    MAX_FIELD_CHARS,
    MAX_FILE_CHARS,
    MAX_VALUES,
)
from exotour.content.node_words import char, syntax_error, too_deep, too_much
from exotour.content.problems import FileReport, shown, where
from exotour.content.schema import FORBIDDEN_CHARS
from exotour.i18n import N_, _

# libyaml's composer when the wheel ships it: several times faster on large tours.
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
MERGE = "tag:yaml.org,2002:merge"
PLAIN_TAGS = {STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, SEQ, MAP}
# What a value written with an explicit tag (`!!int x`) must look like: YAML's own rules.
_FORMS: dict[str, re.Pattern[str]] = {}
for _resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.values():
    for _tag, _regexp in _resolvers:
        _FORMS.setdefault(_tag, _regexp)
_MEANING = {
    INT: N_("a whole number"),
    FLOAT: N_("a number"),
    BOOL: N_("true or false"),
    NULL: N_("nothing"),
    TIMESTAMP: N_("a date"),
}
_TEXT = N_("text")
_DESCRIBED = {INT: N_("a number"), FLOAT: N_("a number"), BOOL: "true/false", NULL: N_("nothing")}


def describe(node: yaml.Node) -> str:
    """What NODE holds, in words, for "expected ..., got ..." messages."""
    if isinstance(node, yaml.MappingNode):
        return _("a mapping")
    if isinstance(node, yaml.SequenceNode):
        return _("a list")
    if node.tag == TIMESTAMP:
        return _("a date")
    return _(_DESCRIBED.get(node.tag, _TEXT))


def compose(text: str, file: FileReport) -> yaml.Node | None:
    """The single YAML document TEXT holds, a mapping, or None after reporting why not."""
    try:
        refused = _prescan(text) if _needs_prescan(text) else None
        if refused is not None:
            file.fail(*refused)
            return None
        node: yaml.Node | None = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        file.fail(*syntax_error(exc))
        return None
    except RecursionError:  # libyaml bounds nesting itself; the pure-Python parser recurses
        file.fail(1, 1, too_deep())
        return None
    except yaml.reader.ReaderError as exc:  # a noncharacter such as U+FFFE
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = _("character {code} is not allowed in YAML").format(code=f"U+{code:04X}")
        file.fail(line, column, message)
        return None
    except yaml.YAMLError as exc:
        what = " ".join(str(exc).split()) or type(exc).__name__
        file.fail(1, 1, _("YAML syntax error: {problem}").format(problem=shown(what, 200)))
        return None
    if node is None:
        file.fail(1, 1, _("the file is empty (expected a mapping of fields)"))
        return None
    if not _inspect(node, file) or file.refused(node):
        return None
    if not isinstance(node, yaml.MappingNode):
        message = _("the file holds {found}, not a mapping of fields")
        file.problem(node, "", message.format(found=describe(node)))
        return None
    return node


# Below this many characters libyaml composes anything in milliseconds (a character makes at
# most about three values, so not even MAX_VALUES fit), its own limit stops deep flow nesting,
# and _inspect refuses deeper nesting before any value is read: the prescan would only parse the
# file twice. (Most section files are this small: a tour of 10,000 of them spent a sixth of its
# check here.) The pure-Python parser always prescans: it recurses, and slows with depth.
PRESCAN_FROM_CHARS = 5_000


def _needs_prescan(text: str) -> bool:
    return Loader is yaml.SafeLoader or len(text) > PRESCAN_FROM_CHARS


def _prescan(text: str) -> tuple[int, int, str] | None:
    """What to refuse before composing, judged from parser events alone, which are cheap: more
    values than MAX_VALUES (a megabyte of tiny values takes seconds to compose), or nesting deeper
    than MAX_DEPTH (the pure-Python parser slows down with the square of it)."""
    count = 0
    stack: list[bool] = []  # for each collection open: whether it is a mapping
    field_next = False  # the next value in the root mapping is a field name
    name = ""
    for event in yaml.parse(text, Loader=Loader):
        role = _ROLES.get(type(event))
        if role is None:  # the stream's and the document's own events
            continue
        if role is _CLOSE:
            stack.pop()
            continue
        count += 1
        if count > MAX_VALUES:
            return 1, 1, _("the file holds more than {limit} values").format(limit=MAX_VALUES)
        if len(stack) == 1 and stack[0]:  # a value of the root mapping, or a field name
            if field_next and isinstance(event, yaml.ScalarEvent):
                name = shown(str(event.value))
            field_next = not field_next
        if role is _OPEN:
            stack.append(isinstance(event, yaml.MappingStartEvent))
            field_next = field_next or (len(stack) == 1 and stack[0])
            if len(stack) > MAX_DEPTH + 1:  # the root is 0 deep
                message = f"{name}: {too_deep()}" if name else too_deep()
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1, message) if mark else (1, 1, message)
    return None


# What each parser event is to _prescan, by its class (which has no subclasses): a value (a
# scalar, an alias), the opening or the closing of a collection; the rest are not looked at.
_SCALAR, _ALIAS, _OPEN, _CLOSE = "scalar", "alias", "open", "close"
_ROLES: dict[type, str] = {
    yaml.ScalarEvent: _SCALAR,
    yaml.AliasEvent: _ALIAS,
    yaml.SequenceStartEvent: _OPEN,
    yaml.MappingStartEvent: _OPEN,
    yaml.SequenceEndEvent: _CLOSE,
    yaml.MappingEndEvent: _CLOSE,
}


def _inspect(root: yaml.Node, file: FileReport) -> bool:
    """Check every node once, before any value is read: tags beyond plain data, values that do
    not fit their tags and control characters written as escapes are reported; alias bombs,
    loops, runaway nesting and text that aliases expand beyond the limits stop the file."""
    return _Walk(root, file).visit(root, 0, "", key=False)


class _Walk:
    """One walk of a document's nodes in document order, each checked once (_inspect): the
    nodes seen, those on the path from the root (an alias to one is a loop), each node's text
    and values with its aliases expanded, and what aliases may still add."""

    def __init__(self, root: yaml.Node, file: FileReport) -> None:
        self.root = root
        self.file = file
        self.seen: set[int] = set()
        self.on_path: set[int] = set()
        self.size: dict[int, int] = {}
        self.values: dict[int, int] = {}
        self.budget = MAX_ALIAS_EXPANSION

    def visit(self, node: yaml.Node, depth: int, path: str, *, key: bool) -> bool:
        """Check NODE at DEPTH, and all it holds; False once the file is to be read no further.
        (The nesting is bounded by MAX_DEPTH before it could run deep.)"""
        ident = id(node)
        if ident in self.on_path:
            message = _("an alias refers to a value that contains it (a loop)")
            self.file.problem(node, path, message)
            return False
        if ident in self.seen:
            self.budget -= self.values[ident]  # what the alias adds: the value and all it holds
            if self.budget < 0:
                message = _("aliases expand to more than {limit} values").format(
                    limit=MAX_ALIAS_EXPANSION
                )
                self.file.problem(self.root, "", message)
                return False
            return True  # measured already, and its children checked
        self.seen.add(ident)
        _check_node(node, path, self.file, key=key)
        if depth > MAX_DEPTH:
            top = re.split(r"[.\[]", path, maxsplit=1)[0]  # the field; the path is too long
            self.file.problem(node, top, too_deep())
            return False
        if isinstance(node, yaml.ScalarNode):
            self.size[ident] = len(str(node.value))
            self.values[ident] = 1
            return True
        self.on_path.add(ident)
        inner = depth + 1
        if isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value):
                if not self._plain(item, inner) and not self.visit(
                    item, inner, f"{path}[{number}]", key=False
                ):
                    return False
        elif isinstance(node, yaml.MappingNode):
            for name, value in node.value:
                if not self._plain(name, inner) and not self.visit(name, inner, path, key=True):
                    return False
                if not self._plain(value, inner):
                    field = str(name.value) if isinstance(name, yaml.ScalarNode) else "?"
                    if not self.visit(value, inner, where(path, shown(field)), key=False):
                        return False
        self.on_path.discard(ident)
        self.values[ident] = 1 + sum(self.values[id(child)] for child in _members(node))
        return _measure(node, path, self.size, self.file)

    def _plain(self, node: yaml.Node, depth: int) -> bool:
        """Whether NODE was a text seen for the first time with nothing to report, and is now
        counted: what `visit` would do for it, without making its path (most nodes are)."""
        if type(node) is not yaml.ScalarNode or node.tag != STR or depth > MAX_DEPTH:
            return False
        ident = id(node)
        text = str(node.value)
        if ident in self.seen or FORBIDDEN_CHARS.search(text):
            return False
        self.seen.add(ident)
        self.size[ident] = len(text)
        self.values[ident] = 1
        return True


def _measure(node: yaml.Node, path: str, size: dict[int, int], file: FileReport) -> bool:
    """Total NODE's expanded text from its children's; False (reported) beyond a limit."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if size[id(value)] > MAX_FIELD_CHARS:
                name = shown(str(key.value)) if isinstance(key, yaml.ScalarNode) else "?"
                file.problem(key, where(path, name), too_much(size[id(value)], "a field"))
                return False
    total = sum(size[id(member)] for member in _members(node))
    size[id(node)] = total
    if not path and total > MAX_FILE_CHARS:  # the root: a field inside is judged by its mapping
        file.problem(node, path, too_much(total, "a file"))
        return False
    return True


def _check_node(node: yaml.Node, path: str, file: FileReport, *, key: bool) -> None:
    if node.tag == MERGE:
        file.refuse(node, path, _("merge keys (<<) are not supported; write the fields out"))
    elif node.tag not in PLAIN_TAGS:
        message = _("the tag {tag} is not allowed (content is plain data)").format(
            tag=shown(node.tag, 120)
        )
        file.refuse(node, path, message)
    elif not isinstance(node, yaml.ScalarNode):
        return
    elif bad := FORBIDDEN_CHARS.search(str(node.value)):
        # Written as an escape ("\\e"): the characters typed into the file were checked already.
        file.refuse(node, path, _("field names must be plain text") if key else char(bad.group()))
    elif node.tag in _MEANING and not _FORMS[node.tag].match(str(node.value)):
        # Only an explicit tag (`!!int ""`) can give a value a tag it does not fit.
        short = node.tag.rsplit(":", 1)[-1]
        message = _("'{value}' does not fit its tag {tag} ({meaning}); remove the tag")
        file.refuse(
            node,
            path,
            message.format(
                value=shown(str(node.value)), tag=f"!!{short}", meaning=_(_MEANING[node.tag])
            ),
        )


def _members(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [member for pair in node.value for member in pair]
    return list(node.value)
