"""Property: a valid input file, damaged in any of the ways people and attackers damage YAML,
either still builds or is refused cleanly — exit 2, one line naming the file and a line number,
no traceback, nothing written.

Hypothesis starts from tests/data/minimal.yaml or an example (examples/*.yaml) and applies one
mutation:

- a value of the wrong type (number, boolean, null, text, list, mapping, date) anywhere;
- a key removed, or an unknown (misspelt, extension, numeric) key added to any mapping;
- a huge or odd number (10**30, 2**63, 1e308, .inf, .nan) in place of any value;
- a value replaced by lists or mappings nested 2 to 400 levels deep, in flow or block style;
- a date that does not exist or is out of range (2026-02-30, 9999-12-31, 0001-01-01, 20260302);
- a key written twice in the same mapping;
- an anchor on one value and its alias (*name) in another place, an alias used before its anchor
  or never defined, a `!tag`;
- broken syntax: a YAML indicator character or a stray indent inserted anywhere, or the file
  cut short at any point.

The build runs in-process through the CLI (click's CliRunner), as a user runs it; each outcome
is checked with the hostile-input harness's `Outcome`. tests/test_text_property.py covers
arbitrary text in valid places and control characters; tests/hostile/test_yaml_and_files.py the
single hand-made cases (alias bombs, 5,000-deep flow nesting, size, bytes, FIFOs).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import EXAMPLES
from harness import MINIMAL, Outcome, listing
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from drafter.cli.main import main
from drafter.docx.read import read_docx
from drafter.model import Heading, iter_blocks
from drafter.numbering_scheme import roman_value

SOURCES = [MINIMAL, *sorted(EXAMPLES.glob("*.yaml"))]
DECREE = EXAMPLES / "lakeport-decree.docx"

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


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    _at(data, path[:-1])[path[-1]] = value


def _dump(data: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _deep(text: str, depth: int, style: str) -> str:
    """`text` with its DEEP-VALUE placeholder replaced by a value nested `depth` levels deep,
    written out directly (ruamel's dumper recurses and cannot write 400 levels)."""
    head, tail = text.split("DEEP-VALUE", 1)
    if style == "flow":
        return head + "[" * depth + "x" + "]" * depth + tail
    indent = len(head.rsplit("\n", 1)[-1]) - len(head.rsplit("\n", 1)[-1].lstrip())
    step = "k:" if style == "mapping" else "-"
    lines = "".join("\n" + " " * (indent + 2 * (i + 1)) + step for i in range(depth))
    return head.rstrip(" ") + lines + "\n" + " " * (indent + 2 * (depth + 1)) + "x" + tail


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """(what was done, the damaged file's text)."""
    source = draw(st.sampled_from(SOURCES))
    text = source.read_text(encoding="utf-8")
    data = YAML(typ="safe", pure=True).load(text)
    paths = _paths(data)
    inner = [p for p in paths if p]
    kind = draw(
        st.sampled_from(
            ["type", "missing", "unknown", "huge", "nesting", "date", "duplicate", "alias", "syntax", "cut"]
        )
    )
    what = f"{source.name}: {kind}"
    if kind in ("type", "huge", "nesting", "date"):
        if kind == "date":
            dated = [p for p in inner if isinstance(_at(data, p), dt.date) or "date" in str(p[-1])]
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
            return f"{what} {path!r} nested {depth} deep ({style})", _deep(_dump(data), depth, style)
        _set(data, path, value)
        return f"{what} {path!r} = {value!r:.60}", _dump(data)
    if kind == "missing":
        path = draw(st.sampled_from([p for p in inner if isinstance(p[-1], str)]))
        del _at(data, path[:-1])[path[-1]]
        return f"{what} {path!r}", _dump(data)
    if kind == "unknown":
        path = draw(st.sampled_from([p for p in paths if isinstance(_at(data, p), dict)]))
        key = draw(st.sampled_from(UNKNOWN_KEYS))
        _at(data, path)[key] = draw(st.sampled_from(WRONG_TYPES))
        return f"{what} {path!r} + {key!r}", _dump(data)
    lines = text.splitlines(keepends=True)
    keyed = [i for i, line in enumerate(lines) if _KEY_LINE.match(line.rstrip("\n"))]
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


def _edited(source: Path, old: str, new: str) -> tuple[str, str]:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    return f"{source.name}: {old!r} -> {new[:60]!r}", text.replace(old, new, 1)


def _without(source: Path, path: tuple[Any, ...]) -> tuple[str, str]:
    data = YAML(typ="safe", pure=True).load(source.read_text(encoding="utf-8"))
    del _at(data, path[:-1])[path[-1]]
    return f"{source.name}: without {path!r}", _dump(data)


FOUND = [
    # the decree named by decree.file missing: 'cannot open: No such file or directory', no file
    _edited(EXAMPLES / "lakeport-amendment.yaml", "file: lakeport-decree.docx", "file: nowhere.docx"),
    # block nesting past the limit: 'nested more than 64 levels deep' with no line
    _edited(MINIMAL, "  state: Ohio\n", _deep("  state: DEEP-VALUE\n", 70, "mapping")),
    _edited(MINIMAL, "  state: Ohio\n", _deep("  state: DEEP-VALUE\n", 400, "list")),
    # a tag: 'unsupported value TaggedScalar' with no line
    _edited(MINIMAL, "short_name: TPD", "short_name: !custom TPD"),
    # a narrative missing what answers § 10382(c)(1): 'narrative: … not answered' with no line
    _without(EXAMPLES / "eastgate-cpd.yaml", ("grant", "strategy")),
    # a section number past Roman numerals built with sections numbered 9223372036854775808…
    _edited(EXAMPLES / "mesa-county.yaml", "start_section: 14", "start_section: 9223372036854775808"),
]


NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
"""Each example is a build; the failing mutation is printed whole, so shrinking adds nothing."""


@settings(max_examples=30, phases=NO_SHRINK, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
@example(FOUND[0])
@example(FOUND[1])
@example(FOUND[2])
@example(FOUND[3])
@example(FOUND[4])
@example(FOUND[5])
def test_a_damaged_input_builds_or_is_refused_at_a_line(case: tuple[str, str]) -> None:
    what, text = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "city.yaml"
        source.write_text(text, encoding="utf-8")
        shutil.copy(DECREE, folder)  # the decree lakeport-amendment.yaml names (decree.file)
        out = folder / "out.docx"
        before = listing(folder)
        result = CliRunner().invoke(main, ["build", str(source), "-o", str(out)])
        if result.exit_code == 0:
            Outcome(result.exit_code, result.stdout, result.stderr).ok()
            sections = [
                b.number
                for b in iter_blocks(read_docx(out).body)
                if isinstance(b, Heading) and b.level == 1 and b.number is not None
            ]
            assert all(roman_value(n) for n in sections), (what, sections[:3])  # as the input says
            return
        # one line per problem (a cut file lacks several sections), each at its line
        assert "Traceback" not in result.output and result.exit_code == 2, (
            what,
            result.exit_code,
            result.output,
        )
        lines = result.stderr.splitlines()
        assert lines and all(re.match(rf"{re.escape(str(source))}:\d+[:\s]", line) for line in lines), (
            what,
            lines,
        )
        assert listing(folder) == before, what
        assert source.read_text(encoding="utf-8") == text
