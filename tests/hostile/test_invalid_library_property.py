"""Property: a clause library that legal staff edited by hand and shared, with one file damaged,
is either still usable or refused at the damaged file's line — by `library check` and by a build
with `--library` — never with a traceback or an internal error, writing nothing, changing nothing.

The library is a `--library` folder laid over the built-in one: a copy of tests/data/minilib
(clauses alpha.*, their `_terms.yaml`, a directive outline), where hypothesis damages one file —
one of minilib's, or a built-in clause, outline, `_terms.yaml` or solicitation profile copied in
to replace the shipped one. The damage:

- in YAML (outline.yaml, _terms.yaml, a profile, a clause's front matter): every mutation of
  the input property (yaml_damage.damage: wrong types, missing and unknown keys, huge numbers,
  deep nesting, bad dates, duplicate keys, anchors, aliases and tags, stray syntax, the file cut
  short), and an id-like value replaced by one that names nothing (a clause, topic, element or
  document kind that does not exist, an id of the wrong form);
- in a clause's Jinja body: a stray or unclosed tag, `ref()` to an id no clause has, `term()`
  to an undefined term, a name or field the input does not have, a construct the sandbox refuses;
- in a whole clause file: the file cut short, a syntax character inserted anywhere (the '---'
  fences included).

Then, in-process through the CLI (click's CliRunner, outcomes checked with the hostile harness's
`Outcome`): `drafter library check LIB` exits 0, or 1 with every finding at `FILE:LINE`; and
`drafter build INPUT --library LIB -o OUT` exits 0, or 2 with every error line at a line of the
damaged file, or of the library file it broke (a `ref()` to a clause the damage left out).
The input-file property is test_invalid_input_property.py; hand-made hostile library cases
(alias bombs, budgets, FIFOs) are in test_yaml_and_files.py and test_template_budgets.py.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES, PROFILES, ROOT
from harness import MINILIB, MINIMAL, Outcome, listing
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from yaml_damage import SYNTAX, damage, deep, dump, value_at

from drafter.cli.main import main

NARRATIVE = EXAMPLES / "eastgate-cpd.yaml"
"""The example built when a narrative clause or the CPD profile is damaged."""

BUILTIN_CLAUSES = [p for p in sorted((ROOT / "clauses").rglob("*.md")) if "_" not in p.parent.name]
TARGETS: list[tuple[str, Path]] = [
    *((str(p.relative_to(MINILIB)), p) for p in sorted(MINILIB.rglob("*.yaml"))),
    *((str(p.relative_to(MINILIB)), p) for p in sorted(MINILIB.rglob("*.md"))),
    ("templates/directive/outline.yaml", ROOT / "templates" / "directive" / "outline.yaml"),
    ("clauses/_terms.yaml", ROOT / "clauses" / "_terms.yaml"),
    ("templates/narrative/profiles/cpd-2024.yaml", PROFILES / "cpd-2024.yaml"),
    *((str(p.relative_to(ROOT)), p) for p in BUILTIN_CLAUSES),
]
"""(where the damaged file goes in the library folder, the file it starts from)."""

NOWHERE = ["no.such-clause", "no-such-topic", "no-such-element", "memo", "Alpha.Purpose", "alpha", "", "a b"]
"""Values that name nothing: in place of a clause id, topic, element, kind or `when` name."""

JINJA = [
    "{{ ref('no.such-clause') }}",
    "{{ term('No Such Term') }}",
    "{{ no_such_name }}",
    "{{ agency.no_such_field }}",
    "{{ partners[99].name }}",
    "{{ ref() }}{{ ref(1) }}",
    "{{ days('x') }}",
    "{{ 1 / 0 }}",
    "{{ 10 ** 400 }}",
    "{{ '%s' % agency }}",
    "{{ agency.__class__ }}",
    "{% include 'x.md' %}",
    "{% extends 'x.md' %}",
    "{% set x = 1 %}{{ x.y.z }}",
    "{{",
    "}}",
    "{%",
    "{% if %}",
    "{% if x %}",
    "{% endif %}",
    "{% for x in %}",
    "{#",
    "{% raw %}",
    "\n---\n",
]


def _front_and_body(text: str) -> tuple[str, str, str]:
    """A clause file as (its first '---' line, the front matter, '---' and the body)."""
    first, rest = text.split("\n", 1)
    front, body = rest.split("\n---\n", 1)
    return first + "\n", front + "\n", "---\n" + body


def _nowhere(draw: st.DrawFn, name: str, text: str) -> tuple[str, str]:
    """`text` (YAML) with one text value replaced by a name of nothing."""
    data = YAML(typ="safe", pure=True).load(text)
    leaves: list[tuple[object, ...]] = []

    def walk(node: object, path: tuple[object, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, (*path, i))
        elif isinstance(node, str) and path:
            leaves.append(path)

    walk(data, ())
    path = draw(st.sampled_from(leaves))
    value = draw(st.sampled_from(NOWHERE))
    value_at(data, path[:-1])[path[-1]] = value
    return f"{name}: {path!r} = {value!r}", dump(data)


@st.composite
def damaged_library(draw: st.DrawFn) -> tuple[str, str, str]:
    """(what was done, where the damaged file goes in the library folder, its text)."""
    where, source = draw(st.sampled_from(TARGETS))
    text = source.read_text(encoding="utf-8")
    name = where
    if where.endswith(".md"):
        kind = draw(st.sampled_from(["front", "nowhere", "body", "whole-syntax", "whole-cut"]))
        head, front, body = _front_and_body(text)
        if kind == "front":
            what, front = damage(draw, name, front)
        elif kind == "nowhere":
            what, front = _nowhere(draw, name, front)
        elif kind == "body":
            at = draw(st.integers(4, len(body)))
            snippet = draw(st.sampled_from(JINJA))
            return (
                f"{name}: body + {snippet!r} at {at}",
                where,
                head + front + body[:at] + snippet + body[at:],
            )
        elif kind == "whole-syntax":
            at = draw(st.integers(0, len(text)))
            insert = draw(st.sampled_from(SYNTAX))
            return f"{name}: {insert!r} at {at}", where, text[:at] + insert + text[at:]
        else:
            at = draw(st.integers(0, len(text)))
            return f"{name}: cut at {at}", where, text[:at]
        return what, where, head + front + body
    what, damaged = _nowhere(draw, name, text) if draw(st.booleans()) else damage(draw, name, text)
    return what, where, damaged


def _library(folder: Path, where: str, text: str) -> Path:
    """minilib copied to folder/lib with `text` at `where`; returns the damaged file."""
    lib = folder / "lib"
    shutil.copytree(MINILIB, lib)
    path = lib / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _edited(where: str, source: Path, old: str, new: str) -> tuple[str, str, str]:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    return f"{where}: {old!r} -> {new!r}", where, text.replace(old, new, 1)


FOUND = [
    # a YAML error in front matter: 'FILE: error: 9:1: YAML syntax …', the line not read as one
    _edited(
        "clauses/alpha/purpose.md",
        MINILIB / "clauses" / "alpha" / "purpose.md",
        "version: 3\n",
        "version: 3\nversion: 4\n",
    ),
    # block nesting past the limit in front matter: 'nested more than 64 levels deep', no line
    _edited(
        "clauses/alpha/partners.md",
        MINILIB / "clauses" / "alpha" / "partners.md",
        "title: Partners\n",
        deep("title: DEEP-VALUE\n", 400, "list"),
    ),
    # an outline naming no clause: build said 'outline.yaml: section … names unknown clause', no line
    _edited(
        "templates/directive/outline.yaml",
        MINILIB / "templates" / "directive" / "outline.yaml",
        "clauses: [alpha.purpose]",
        "clauses: [memo]",
    ),
    # the clause a ref() names left out (no section has its topic now): the referring clause's
    # file was named without a line
    _edited(
        "clauses/alpha/partners.md",
        MINILIB / "clauses" / "alpha" / "partners.md",
        "topics: [partners]",
        "topics: [Alpha.Purpose]",
    ),
    # Markdown a clause may not use ('---', a rule): 'FILE: line 3: hr is not supported', the
    # line counted in the rendered text, not the file
    _edited(
        "clauses/alpha/purpose.md",
        MINILIB / "clauses" / "alpha" / "purpose.md",
        "   2. in writing.\n",
        "   2. in writing.\n\n---\n",
    ),
    # a filter no one defined ('{{ agency|cy.short_name }}'): internal error, exit 70, in library
    # check and build (Jinja finds it compiling, not parsing)
    _edited(
        "clauses/alpha/partners.md",
        MINILIB / "clauses" / "alpha" / "partners.md",
        "{{ agency.short_name }}",
        "{{ agency|cy.short_name }}",
    ),
    # a `when:` naming nothing: build said 'never.md: when: undefined value …', no line
    _edited(
        "clauses/alpha/never.md",
        MINILIB / "clauses" / "alpha" / "never.md",
        "when: community_body",
        "when: no.such-clause",
    ),
]


NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
"""Each example is a check and a build; the failing case is printed whole."""

FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (error|warning): ")


@settings(max_examples=20, phases=NO_SHRINK, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_library())
@example(FOUND[0])
@example(FOUND[1])
@example(FOUND[2])
@example(FOUND[3])
@example(FOUND[4])
@example(FOUND[5])
@example(FOUND[6])
def test_a_damaged_library_is_usable_or_refused_at_a_line(case: tuple[str, str, str]) -> None:
    what, where, text = case
    runner = CliRunner(env={"DRAFTER_LIBRARY": None})
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        damaged = _library(folder, where, text)
        lib = damaged.parents[len(Path(where).parts) - 1]
        before, files = listing(folder), _contents(lib)

        check = runner.invoke(main, ["library", "check", str(lib)])
        assert "Traceback" not in check.output and check.exit_code in (0, 1), (
            what,
            check.exit_code,
            check.output,
        )
        findings = check.stdout.splitlines()
        assert (check.exit_code == 1) == any(": error: " in line for line in findings), (what, check.output)
        for line in findings:
            found = FINDING.match(line)
            assert found and Path(found["file"]).is_relative_to(lib), (what, line)

        source = NARRATIVE if "narrative" in where else MINIMAL
        out = folder / "out.docx"
        build = runner.invoke(main, ["build", str(source), "--library", str(lib), "-o", str(out)])
        if build.exit_code == 0:
            Outcome(build.exit_code, build.stdout, build.stderr).ok()
            assert out.is_file(), what
            out.unlink()
        else:
            # at the damaged file, or at the file it broke (a ref() to a clause it left out)
            Outcome(build.exit_code, build.stdout, build.stderr).refused_at(
                rf"{re.escape(str(lib))}/\S+", what
            )
        assert listing(folder) == before, what
        assert _contents(lib) == files, what
