"""Ways people and attackers damage a YAML file, for the invalid-input properties.

`damage(draw, name, text)` applies one mutation to a YAML file's text (see
test_invalid_input_property.py for the list); the input-file property and the library property
(test_invalid_library_property.py) both draw from it, so a new kind of damage reaches both.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from hypothesis import strategies as st
from ruamel.yaml import YAML

WRONG_TYPES: list[Any] = [0, -1, 3.5, True, False, None, "", "text", [], ["a", "b"], {}, {"a": 1}]
WRONG_TYPES.append(dt.date(2026, 1, 5))
HUGE = [10**30, -(10**30), 2**63, 1e308, -1e308, float("inf"), float("-inf"), float("nan"), 10**400]
BAD_DATES: list[Any] = [
    "2026-02-30",
    "2026-13-01",
    "2025-02-29",
    dt.date(9999, 12, 31),
    dt.date(1, 1, 1),
    "yesterday",
    20260302,
    "03/02/2026",
    "2026-3-2",
]
UNKNOWN_KEYS = ["extra", "nmae", "Name", "x_note", "id", "1", "true", "null", "<<"]
SYNTAX = [
    ":",
    ": ",
    "{",
    "}",
    "[",
    "]",
    '"',
    "'",
    "&",
    "*",
    "!",
    "|",
    ">",
    "%",
    "@",
    "`",
    "\t",
    "- ",
    "? ",
    ",",
    "#",
]
SYNTAX += ["\n  ", "\n ", "\n-", "\n---\n", "\n...\n", "\ufeff", "&a ", "*a", "!!binary ", "<<: "]

_KEY_LINE = re.compile(
    r"^(?P<indent> *)(?P<dash>- )?(?P<key>[A-Za-z_][\w-]*):(?P<value>[ \t]+[^\s#&*!|>][^#]*)$"
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _paths(value, (*prefix, i))
    return out


def value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    value_at(data, path[:-1])[path[-1]] = value


def dump(data: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def deep(text: str, depth: int, style: str) -> str:
    """`text` with its DEEP-VALUE placeholder replaced by a value nested `depth` levels deep,
    written out directly (ruamel's dumper recurses and cannot write 400 levels)."""
    head, tail = text.split("DEEP-VALUE", 1)
    if style == "flow":
        return head + "[" * depth + "x" + "]" * depth + tail
    indent = len(head.rsplit("\n", 1)[-1]) - len(head.rsplit("\n", 1)[-1].lstrip())
    step = "k:" if style == "mapping" else "-"
    lines = "".join("\n" + " " * (indent + 2 * (i + 1)) + step for i in range(depth))
    return head.rstrip(" ") + lines + "\n" + " " * (indent + 2 * (depth + 1)) + "x" + tail


def damage(draw: st.DrawFn, name: str, text: str) -> tuple[str, str]:
    """(what was done, `text` with one mutation): `text` is a YAML file called `name`."""
    data = YAML(typ="safe", pure=True).load(text)
    paths = _paths(data)
    inner = [p for p in paths if p]
    kind = draw(
        st.sampled_from(
            ["type", "missing", "unknown", "huge", "nesting", "date", "duplicate", "alias", "syntax", "cut"]
        )
    )
    what = f"{name}: {kind}"
    if kind in ("type", "huge", "nesting", "date"):
        if kind == "date":
            dated = [p for p in inner if isinstance(value_at(data, p), dt.date) or "date" in str(p[-1])]
            path = draw(st.sampled_from(dated or inner))
        else:
            path = draw(st.sampled_from(inner))
        if kind == "type":
            value = draw(st.sampled_from(WRONG_TYPES))
        elif kind == "huge":
            value = draw(st.sampled_from(HUGE))
        elif kind == "date":
            value = draw(st.sampled_from(BAD_DATES))
        else:
            depth = draw(st.sampled_from([2, 8, 63, 64, 65, 100, 400]))
            style = draw(st.sampled_from(["mapping", "list", "flow"]))
            _set(data, path, "DEEP-VALUE")
            return f"{what} {path!r} nested {depth} deep ({style})", deep(dump(data), depth, style)
        _set(data, path, value)
        return f"{what} {path!r} = {value!r:.60}", dump(data)
    if kind == "missing":
        path = draw(st.sampled_from([p for p in inner if isinstance(p[-1], str)]))
        del value_at(data, path[:-1])[path[-1]]
        return f"{what} {path!r}", dump(data)
    if kind == "unknown":
        path = draw(st.sampled_from([p for p in paths if isinstance(value_at(data, p), dict)]))
        key = draw(st.sampled_from(UNKNOWN_KEYS))
        value_at(data, path)[key] = draw(st.sampled_from(WRONG_TYPES))
        return f"{what} {path!r} + {key!r}", dump(data)
    lines = text.splitlines(keepends=True)
    keyed = [i for i, line in enumerate(lines) if _KEY_LINE.match(line.rstrip("\n"))]
    if not keyed and kind in ("duplicate", "alias"):  # no 'key: value' line ('Term Name: …' only)
        kind, what = "syntax", f"{name}: syntax"
    if kind == "duplicate":
        i = draw(st.sampled_from(keyed))
        found = _KEY_LINE.match(lines[i].rstrip("\n"))
        assert found is not None
        indent = found["indent"] + ("  " if found["dash"] else "")
        value = draw(st.sampled_from([found["value"] or "", " other", " 5", " [a]"]))
        lines.insert(i + 1, f"{indent}{found['key']}:{value}\n")
        return f"{what} line {i + 2}", "".join(lines)
    if kind == "alias":
        i, j = draw(st.sampled_from(keyed)), draw(st.sampled_from(keyed))
        anchor, alias = draw(
            st.sampled_from([("&a ", "*a"), ("&a ", "*b"), ("!!str ", "!custom x"), ("", "*a")])
        )
        heads = {}
        for n in (i, j):
            found = _KEY_LINE.match(lines[n].rstrip("\n"))
            assert found is not None
            heads[n] = (found["indent"] + (found["dash"] or "") + found["key"] + ": ", found["value"].strip())
        lines[i] = heads[i][0] + anchor + heads[i][1] + "\n"
        lines[j] = heads[j][0] + alias + "\n"
        return f"{what} {anchor!r} at line {i + 1}, {alias!r} at line {j + 1}", "".join(lines)
    if kind == "syntax":
        at = draw(st.integers(0, len(text)))
        insert = draw(st.sampled_from(SYNTAX))
        return f"{what} {insert!r} at {at}", text[:at] + insert + text[at:]
    at = draw(st.integers(0, len(text)))
    return f"{what} at {at}", text[:at]
