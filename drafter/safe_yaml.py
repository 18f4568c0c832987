"""The one place drafter reads a user's text file and parses YAML: input files, clause front
matter, outlines, defined terms and solicitation profiles.

Any of these may come from a stranger, so reading is bounded before parsing starts:
- only a regular file is read (not a FIFO that blocks forever, not a link to /dev/zero),
  and at most `MAX_FILE_BYTES` of it (a 58 MB input took 5 minutes and 2.85 GB to validate);
- the text must be UTF-8; a bad byte is reported at its line, not at a byte offset;
- nesting deeper than `MAX_DEPTH` is refused (ruamel's composer recurses, and Python's
  stack ends near 300 levels with a RecursionError);
- anchors and aliases are allowed, within a budget: the document, with every alias
  expanded, may hold at most `MAX_NODES` values. A 324-byte "billion laughs" file is a tiny
  graph of shared lists that every later step (conversion, validation, templates) walks in
  full; counting the expansion before anything walks it refuses the bomb in milliseconds.
  Aliases are not refused outright because YAML users reuse blocks with `&defaults` /
  `<<: *defaults` in profiles and inputs, and a budget costs them nothing. An alias that
  contains itself is refused.
- values are plain: mappings, lists, text, numbers, booleans, dates, null; a `!tag` is
  refused (YAML's tags are how other loaders construct objects).
Every failure is a `YamlFileError` that says `file:line:col: what is wrong`, which each
caller turns into its own error family.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent

MAX_FILE_BYTES = 256 * 1024
"""256 KiB per file: 36 times the largest example input, and 70 times the largest clause."""

MAX_NODES = 50_000
"""Values in one YAML document with every alias expanded (an example input holds ~400)."""

MAX_DEPTH = 64
"""Levels of nesting (an example input uses 6)."""


class YamlFileError(Exception):
    """A text or YAML file drafter will not read, with where and why."""

    def __init__(self, path: Path, message: str, line: int | None = None, column: int | None = None):
        self.path, self.message, self.line, self.column = path, message, line, column
        where = str(path) + (f":{line}" if line else "") + (f":{column}" if line and column else "")
        super().__init__(f"{where}: {message}")


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """A regular file's UTF-8 text, at most `max_bytes` long."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise YamlFileError(path, "file not found") from None
    except OSError as exc:
        raise YamlFileError(path, f"cannot read: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise YamlFileError(
            path, "not a regular file (a folder, device, FIFO or socket); drafter reads only files"
        )
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise YamlFileError(path, f"cannot read: {exc.strerror}") from None
    if len(data) > max_bytes:
        raise YamlFileError(path, f"file is larger than the limit of {max_bytes:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlFileError(
            path, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8", line, column
        ) from None


class _DatesAsText(RoundTripConstructor):
    """Leave dates as text so pydantic parses them and reports an impossible date
    (2026-02-30) at its field, instead of the YAML reader failing without a location."""


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node))


def parse_yaml(
    text: str, path: Path, *, round_trip: bool = False, dates_as_text: bool = False, line_offset: int = 0
) -> Any:
    """Parse YAML text within the limits above.

    `round_trip` keeps the position of every key (ruamel's CommentedMap) for located
    messages; otherwise plain dicts and lists. `line_offset` is added to reported lines
    (front matter starts below the first `---`).
    """
    _flow_depth(text, path, line_offset)
    yaml = YAML(typ="rt" if round_trip else "safe")
    if dates_as_text:
        yaml.Constructor = _DatesAsText
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join((exc.problem or exc.context or "invalid YAML").split())
        if exc.context and exc.problem and "merg" in exc.problem:
            what = f"{' '.join(exc.context.split())}: {what} (a '<<' merge key takes a mapping or a list of them)"
        raise YamlFileError(
            path,
            f"YAML syntax: {what}",
            mark.line + 1 + line_offset if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except RecursionError:
        line = _too_deep_at(text, line_offset)
        raise YamlFileError(path, f"nested more than {MAX_DEPTH} levels deep", line) from None
    except YAMLError as exc:
        raise YamlFileError(path, f"YAML syntax: {' '.join(str(exc).split())}") from None
    except (TypeError, ValueError, AttributeError) as exc:  # ruamel's constructors on odd input
        raise YamlFileError(path, f"YAML: cannot read this file: {exc}") from None
    try:
        check_shape(data, path, line_offset)
    except YamlFileError as exc:
        if round_trip or exc.line is not None:
            raise
        # The fast loader's plain dicts carry no positions: read again keeping them, only now,
        # so the refusal names its line.
        parse_yaml(text, path, round_trip=True, dates_as_text=dates_as_text, line_offset=line_offset)
        raise
    return data


def _flow_depth(text: str, path: Path, line_offset: int) -> None:
    """Refuse `[[[[…` or `{{{{…` nested past MAX_DEPTH before ruamel's scanner, which slows
    down badly on deep flow collections (3.9 s of CPU at 1,000 levels), spends time on it."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth, quote, line, previous = 0, "", 1, "\n"
    for char in text:
        if char == "\n":
            line, quote = line + 1, ""  # a quote left open is a plain scalar's apostrophe
        elif quote:
            if char == quote:
                quote = ""
        elif char in "\"'" and previous in " \t\n[{,:":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlFileError(path, f"nested more than {MAX_DEPTH} levels deep", line + line_offset)
        elif char in "]}":
            depth = max(depth - 1, 0)
        previous = char


def _too_deep_at(text: str, line_offset: int) -> int | None:
    """The line where block nesting passes MAX_DEPTH, for a file whose nesting was too deep for
    ruamel's composer (it recurses; its parser, which makes the events read here, does not)."""
    depth = 0
    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return int(event.start_mark.line) + 1 + line_offset
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1
    except YAMLError:
        return None
    return None


def load_yaml_file(path: Path, **options: Any) -> Any:
    """`read_text` then `parse_yaml`."""
    return parse_yaml(read_text(path), path, **options)


_PLAIN = (str, int, float, bool, dt.date, type(None))


def check_shape(data: Any, path: Path, line_offset: int = 0) -> None:
    """Refuse alias bombs, self-containing aliases, deep nesting and tagged values."""
    sizes: dict[int, int] = {}
    open_ids: set[int] = set()

    def size(node: Any, depth: int, line: int | None) -> int:
        """`line`: where `node` is, or the nearest line known above it (a plain scalar has none)."""
        line = _line(node, line_offset) or line
        if depth > MAX_DEPTH:
            raise YamlFileError(path, f"nested more than {MAX_DEPTH} levels deep", line)
        if isinstance(node, (dict, list)):
            children = _children(node, line, line_offset)
        elif isinstance(node, _PLAIN):
            return 1
        else:
            raise YamlFileError(
                path,
                f"unsupported value {type(node).__name__} (YAML tags such as !name are not allowed)",
                line,
            )
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_ids:
            raise YamlFileError(path, "an alias refers to a value that contains it", _line(node, line_offset))
        open_ids.add(key)
        total = 1
        for child, child_line in children:
            total += size(child, depth + 1, child_line)
            if total > MAX_NODES:
                raise YamlFileError(
                    path,
                    f"more than {MAX_NODES:,} values once aliases (*name) are expanded; "
                    "an alias bomb, or a file to split",
                    line,
                )
        open_ids.discard(key)
        sizes[key] = total
        return total

    size(data, 0, None)


def _children(node: dict | list, line: int | None, offset: int) -> list[tuple[Any, int | None]]:
    """A mapping's keys and values, or a list's items, each with its line when the file was read
    with positions (round trip), else the container's."""
    if isinstance(node, list):
        return [(item, _position(node, "item", i, offset) or line) for i, item in enumerate(node)]
    out: list[tuple[Any, int | None]] = []
    for key, value in node.items():
        at = _position(node, "key", key, offset) or line
        out += [(key, at), (value, _position(node, "value", key, offset) or at)]
    return out


def _position(node: Any, kind: str, key: Any, offset: int) -> int | None:
    """ruamel's recorded line of one key, value or item (None for merged keys or plain loads)."""
    try:
        return int(getattr(node.lc, kind)(key)[0]) + 1 + offset
    except (AttributeError, KeyError, IndexError, TypeError):
        return None


def _line(node: Any, offset: int) -> int | None:
    if isinstance(node, (CommentedMap, CommentedSeq)):
        return node.lc.line + 1 + offset
    return None
