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
from yaml_damage import damage, deep, dump, value_at

from drafter.cli.main import main
from drafter.docx.read import read_docx
from drafter.model import Heading, iter_blocks
from drafter.numbering_scheme import roman_value

SOURCES = [MINIMAL, *sorted(EXAMPLES.glob("*.yaml"))]
DECREE = EXAMPLES / "lakeport-decree.docx"


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """(what was done, the damaged file's text)."""
    source = draw(st.sampled_from(SOURCES))
    return damage(draw, source.name, source.read_text(encoding="utf-8"))


def _edited(source: Path, old: str, new: str) -> tuple[str, str]:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    return f"{source.name}: {old!r} -> {new[:60]!r}", text.replace(old, new, 1)


def _without(source: Path, path: tuple[Any, ...]) -> tuple[str, str]:
    data = YAML(typ="safe", pure=True).load(source.read_text(encoding="utf-8"))
    del value_at(data, path[:-1])[path[-1]]
    return f"{source.name}: without {path!r}", dump(data)


FOUND = [
    # the decree named by decree.file missing: 'cannot open: No such file or directory', no file
    _edited(EXAMPLES / "lakeport-amendment.yaml", "file: lakeport-decree.docx", "file: nowhere.docx"),
    # block nesting past the limit: 'nested more than 64 levels deep' with no line
    _edited(MINIMAL, "  state: Ohio\n", deep("  state: DEEP-VALUE\n", 70, "mapping")),
    _edited(MINIMAL, "  state: Ohio\n", deep("  state: DEEP-VALUE\n", 400, "list")),
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
        Outcome(result.exit_code, result.stdout, result.stderr).refused_at(re.escape(str(source)), what)
        assert listing(folder) == before, what
        assert source.read_text(encoding="utf-8") == text
