"""Property: any text in any text field builds, byte-identically twice, and comes back exactly.

Every string leaf below is a free-text field of tests/data/minimal.yaml. Hypothesis puts
arbitrary Unicode into one of them (everything validation accepts: no control characters
other than tab and line feed, no surrogates or U+FFFE/U+FFFF); a clause prints every field
between markers, and the value must come back from the .docx exactly as the input model holds
it (in a directive, straight quotes are set as curly ones, values included; nothing else
changes). Invalid text (a control character) must fail validation at its field and write nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from conftest import DATA
from docx_helpers import docx_paragraph_texts
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from drafter.build import build
from drafter.errors import InputError
from drafter.inputs.loader import load_inputs
from drafter.library.context import plain
from drafter.library.grammar import typographic
from drafter.library.render import literal, reveal

FIELDS: list[tuple[str | int, ...]] = [
    ("jurisdiction", "name"),
    ("jurisdiction", "short_name"),
    ("agency", "name"),
    ("agency", "short_name"),
    ("decree", "court"),
    ("decree", "defendant"),
    ("partners", 0, "name"),
    ("partners", 0, "role"),
    ("partners", 0, "root_causes", 0),
    ("problems", 0, "name"),
    ("problems", 0, "data_sources", 0),
    ("problems", 0, "responses", 0, "action"),
    ("problems", 0, "responses", 0, "measure"),
    ("commitments", "policy_revisions", 0),
    ("metrics", 0, "name"),
    ("metrics", 0, "source"),
]
CLAUSE = (
    "---\nid: custom.echo\ntitle: Echo\nversion: 1\nkinds: [directive]\ntopics: [partners]\n---\n"
    + "".join(
        "Field {i}: \u27e6{{{{ {path} }}}}\u27e7\n\n".format(
            i=i, path="".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
        )
        for i, loc in enumerate(FIELDS)
    )
)
TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters="\ufffe\uffff\u27e6\u27e7",
    )
    | st.sampled_from("\t\n *_&#[]<>`\\|\ue000\ue001P:"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
"""Each example is a build; shrinking one failure could take minutes, and the failing value
is printed anyway."""


def _set(data: Any, loc: tuple[str | int, ...], value: str) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def _get(data: Any, loc: tuple[str | int, ...]) -> Any:
    for part in loc:
        data = data[part]
    return data


def _write_input(folder: Path, loc: tuple[str | int, ...], value: str) -> Path:
    yaml = YAML(typ="rt")
    data = yaml.load((DATA / "minimal.yaml").read_text(encoding="utf-8"))
    _set(data, loc, "VALUE-GOES-HERE")
    source = folder / "city.yaml"
    with source.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    quoted = (
        '"' + "".join(c if " " <= c < "\x7f" and c not in '"\\' else f"\\U{ord(c):08x}" for c in value) + '"'
    )
    source.write_text(source.read_text(encoding="utf-8").replace("VALUE-GOES-HERE", quoted), encoding="utf-8")
    return source


def _library(folder: Path) -> Path:
    lib = folder / "lib"
    shutil.copytree(DATA / "minilib", lib)
    (lib / "clauses" / "custom").mkdir()
    (lib / "clauses" / "custom" / "echo.md").write_text(CLAUSE, encoding="utf-8")
    return lib


@settings(max_examples=12, deadline=None, phases=NO_SHRINK, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), value=TEXT)
def test_any_text_builds_twice_identically_and_comes_back_exactly(
    field: tuple[str | int, ...], value: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, lib = _write_input(folder, field, value), _library(folder)
        expected = _get(plain(load_inputs(source).model_dump()), field)
        first, second = folder / "a.docx", folder / "b.docx"
        build(source, first, library_dirs=[lib])
        build(source, second, library_dirs=[lib])
        assert first.read_bytes() == second.read_bytes()
        # a directive sets straight quotes as curly ones, values included; nothing else changes
        shown = reveal(typographic(f"\u27e6{literal(expected)}\u27e7"))
        assert shown.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace(
            "\u201d", '"'
        ) == f"\u27e6{expected}\u27e7".replace("\u2018", "'").replace("\u2019", "'").replace(
            "\u201c", '"'
        ).replace("\u201d", '"')
        assert f"Field {FIELDS.index(field)}: {shown}" in docx_paragraph_texts(first)


@settings(max_examples=12, deadline=None, phases=NO_SHRINK)
@given(
    field=st.sampled_from(FIELDS),
    value=TEXT,
    bad=st.characters(whitelist_categories=("Cc",), blacklist_characters="\t\n\r"),  # type: ignore[arg-type]
)
def test_a_control_character_anywhere_is_refused_at_its_field(
    field: tuple[str | int, ...], value: str, bad: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = _write_input(folder, field, value + bad)
        out = folder / "out.docx"
        try:
            build(source, out)
        except InputError as exc:
            dotted = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in field).lstrip(".")
            assert any(p.field == dotted and p.line for p in exc.problems), exc.lines()
        else:
            raise AssertionError("built despite a control character")
        assert not out.exists()
