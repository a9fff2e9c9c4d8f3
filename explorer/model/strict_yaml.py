"""A strict YAML reader for clinician-written content.

PyYAML follows YAML 1.1, which silently turns `NO` into False, `01234` into an octal
number and `1:30` into 90. Content files are read here with our own scalar rules
instead: only plain decimal integers and floats, `true`/`false` and `null`/`~` are
typed; everything else stays text. Anchors, aliases, tags and duplicate keys are
refused, as are oversized, deeply nested and non-UTF-8 files. Every value keeps the
line it came from so problems can be reported as `file:line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
MAX_NODES = 50_000

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+([eE][-+]?[0-9]+)?")
# Tags are refused, the standard ones too (`!!str 01234`, `! text`): nothing in a
# content file needs one (numbers where text is expected are read as text, and quotes
# keep anything else as text), and one way to write a value is easier to check by eye.
_STANDARD_PREFIX = "tag:yaml.org,2002:"


_BLANK = " \t"
_LINE_END = "\0\r\n\x85\u2028\u2029"


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a tab within a line separates as a space does,
    as YAML allows (PyYAML refuses any tab outside quotes): `name:<TAB>Clam`, `Two or
    three<TAB>easy days` (the tab kept in the text), a tab before a comment or on a
    blank line. A tab that indents is still refused, as in YAML."""

    def scan_to_next_token(self) -> None:
        super().scan_to_next_token()
        while self.peek() == "\t" and self._tab_separates():
            self.forward(self._blanks())
            # PyYAML's own rule for tabs: no block key, entry or end may follow one (the
            # tab's width would decide where it belongs)
            self.allow_simple_key = False
            super().scan_to_next_token()

    def scan_plain_spaces(self, indent: int, start_mark: Any) -> list[str] | None:
        length = self._blanks()
        if "\t" in self.prefix(length) and self.peek(length) not in "#" + _LINE_END:
            between_words = str(self.prefix(length))
            self.forward(length)
            return [between_words]
        return super().scan_plain_spaces(indent, start_mark)

    def _tab_separates(self) -> bool:
        """The tab here follows something on its line, or nothing but a comment follows
        it: it does not indent."""
        before = str(self.buffer[self.pointer - self.column:self.pointer])
        return bool(before.strip(_BLANK)) or self.peek(self._blanks()) in "#" + _LINE_END

    def _blanks(self) -> int:
        """How many spaces and tabs come next."""
        length = 0
        while self.peek(length) in _BLANK:
            length += 1
        return length


class YamlError(Exception):
    """A file that cannot be read as strict YAML; `line` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    """Parsed data plus the line of every mapping key and list item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def check_size(size: int) -> None:
    """A YamlError if a file of `size` bytes is too big to be a content file."""
    if size > MAX_FILE_BYTES:
        raise YamlError(
            1, f"file is {size // 1024} KiB; content files may be at most "
            f"{MAX_FILE_BYTES // 1024} KiB"
        )


def decode(raw: bytes) -> str:
    """UTF-8 text of a file, or a YamlError naming the line of the first bad byte."""
    check_size(len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(line, "file is not UTF-8 text (save it as UTF-8)") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        if raw.count(0) * 3 >= len(raw):  # every other byte: UTF-16 saved without its mark
            raise YamlError(1, "file is not UTF-8 text (UTF-16, it seems; save it as UTF-8)")
        raise YamlError(text[: text.index("\x00")].count("\n") + 1, "file contains a NUL byte")
    override = _DIRECTION_OVERRIDE.search(text)
    if override:  # text that shows reversed: a name or warning that reads other than it is
        raise YamlError(text[: override.start()].count("\n") + 1,
                        f"contains a text direction override (U+{ord(override[0]):04X}), "
                        "which shows the text after it reversed; remove it (Arabic and "
                        "Hebrew text reads right to left without it)")
    return text


_DIRECTION_OVERRIDE = re.compile("[\u202d\u202e]")  # left-to-right, right-to-left


def parse(raw: bytes) -> Document:
    """Parse bytes into a Document, raising YamlError for anything not allowed."""
    text = decode(raw)
    try:
        loader = _CheckedLoader(text)  # its reader checks the characters at once
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _from_marked(exc, text) from None
    except yaml.YAMLError as exc:
        raise _unmarked(exc, text) from None
    doc = Document(data=None)
    if node is None:
        return doc
    doc.lines[()] = node.start_mark.line + 1
    doc.data = _build(node, (), doc.lines)
    return doc


class _CheckedLoader(_Loader):
    """Refuses aliases, anchors, tags, deep nesting and node floods as it composes, each
    at its event and before the node is built: a hostile file cannot exhaust the
    recursion limit (nesting stops at MAX_DEPTH) or memory (an alias bomb stops at its
    first anchor) before it is refused. One pass over the file, not a check and a read."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._depth = 0
        self._count = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(line, "aliases (*name) are not allowed; write the value out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlError(line, f"anchors (&{anchor}) are not allowed; write values out")
        tag = getattr(event, "tag", None)  # None unless one is written
        if tag is not None:
            raise YamlError(line, f"tags ({_as_written(tag)}) are not allowed; remove it "
                            "(to keep a value as text, put it in quotes)")
        self._count += 1
        if self._count > MAX_NODES:
            raise YamlError(line, f"more than {MAX_NODES} values in one file")
        collection = isinstance(event, yaml.CollectionStartEvent)
        if collection:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise YamlError(line, f"nested more than {MAX_DEPTH} levels deep")
        node = super().compose_node(parent, index)
        self._depth -= collection
        return node


def _as_written(tag: str) -> str:
    """A tag as it is written in the file: "tag:yaml.org,2002:str" is "!!str"."""
    return "!!" + tag.removeprefix(_STANDARD_PREFIX) if tag.startswith(_STANDARD_PREFIX) else tag


def _unmarked(exc: yaml.YAMLError, text: str) -> YamlError:
    """Errors PyYAML reports without a mark, such as a control character in the text."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: max(0, exc.position)].count("\n") + 1
        char = exc.character
        code = char if isinstance(char, int) else ord(str(char)[:1] or "?")
        return YamlError(line, f"contains a character not allowed in text (code {code:#04x})")
    return YamlError(1, f"YAML syntax: {exc}")


# PyYAML's names for what it was reading, in the words of the content guide
_PLAIN_CONTEXT = {"a flow sequence": "a [ ] list", "a flow mapping": "a { } group",
                  "a quoted scalar": "quoted text", "a block mapping": "an indented block",
                  "a block sequence": "a list of - items"}


# A non-breaking space (pasted from Word or a web page) looks like a space, but YAML reads
# it as text: after "name:" it makes the line one word, and the mistake shows lines later.
NBSP = "\u00a0"
NBSP_MESSAGE = ("a non-breaking space (U+00A0, as pasted from Word or a web page) stands "
                "where an ordinary space is needed: delete it and type a space")
# where one stands for a space that YAML needs: indenting, after "-", beside ":" or "#"
_NBSP_FOR_SPACE = re.compile(f"^[ \t]*-?{NBSP}|:{NBSP}|{NBSP}[:#]")


def _from_marked(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    began = exc.context_mark.line + 1 if exc.context_mark is not None else line
    lines = text.splitlines()
    for suspect in range(max(1, min(began, line - 1)), line + 1):  # the cause is often above
        if suspect <= len(lines) and _NBSP_FOR_SPACE.search(lines[suspect - 1]):
            return YamlError(suspect, NBSP_MESSAGE)
    opened = _unclosed_quote(lines[:line])
    if opened:  # the parser stumbles lines later, at the next line that looks like a field
        return YamlError(opened, UNCLOSED_QUOTE)
    problem = (exc.problem or "cannot be read as YAML").replace(
        "'<stream end>'", "the end of the file").replace("end of stream", "end of the file")
    if exc.context:
        context = exc.context
        for jargon, plain in _PLAIN_CONTEXT.items():
            context = context.replace(jargon, plain)
        start = exc.context_mark
        if start is not None and start.line + 1 != line:  # e.g. where a "[" was left open
            context += f" that starts on line {start.line + 1}"
        problem = f"{problem} ({context})"
    if "\\t" in problem or "\t" in problem or " tab" in problem:
        problem += "; indent with spaces, not tabs"
    elif problem.startswith("mapping values are not allowed"):
        problem += ("; a colon and a space inside text start a new field: put the text in "
                    "double quotes, or indent this line as the one above it")
    elif problem.startswith("expected <block end>"):
        problem += ("; this line is not lined up with the lines above it: give each level "
                    "2 more spaces, and the lines of one level the same indent")
    return YamlError(line, f"YAML syntax: {problem}")


UNCLOSED_QUOTE = ('text in double quotes begins on this line and is not closed: end it '
                  'with " (a quote inside the text is written \\")')
# a value that begins with a double quote: after "key: " or "- ", or on a line of its own
_QUOTED_VALUE = re.compile(r'^\s*(?:-\s+)?(?:[\w.-]+:\s+)?"')


def _unclosed_quote(lines: list[str]) -> int:
    """The line (from 1) where quoted text begins that the lines given never close; 0 if
    all are closed. Only a value that begins with a quote counts (5" in plain text is
    no quote)."""
    opened = 0
    for number, line in enumerate(lines, 1):
        quotes = len(re.findall(r'(?<!\\)"', line))
        if opened:
            if quotes % 2:
                opened = 0
        elif _QUOTED_VALUE.match(line) and quotes % 2:
            opened = number
    return opened


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, child in enumerate(node.value):
            lines[(*path, index)] = child.start_mark.line + 1
            items.append(_build(child, (*path, index), lines))
        return items
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(line, "a key must be plain text")
            key = str(key_node.value)
            if NBSP in key:  # "urgency\u00a0" would be an unknown field that looks known
                raise YamlError(line, NBSP_MESSAGE)
            if key == "<<":
                raise YamlError(line, "merge keys (<<) are not allowed")
            if key in result:
                first = lines.get((*path, key), line)
                raise YamlError(line, f"duplicate key '{key}' (first given on line {first})")
            lines[(*path, key)] = line
            result[key] = _build(value_node, (*path, key), lines)
        return result
    raise YamlError(node.start_mark.line + 1, "unsupported YAML node")  # pragma: no cover


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    if node.style is not None and node.style != "":  # quoted or block: always text
        return value
    if value.startswith((NBSP, f"-{NBSP}")):  # after "name: " or for the space of "- "
        raise YamlError(node.start_mark.line + 1, NBSP_MESSAGE)
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if _INT.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # more digits than Python converts (4,300)
            raise YamlError(node.start_mark.line + 1,
                            f"a number with {len(value)} digits is too long; "
                            "quote it if it is meant as text") from None
    if _FLOAT.fullmatch(value):
        return float(value)
    return value
