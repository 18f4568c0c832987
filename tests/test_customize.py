"""Customization without Python: library overlays, the input's `library:` key, reference
documents, and draft mode — all driven through `drafter build` as a user runs it."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT
from docx_helpers import W, read_part

from drafter.cli.main import main

BUILTIN_REFERENCE = ROOT / "templates" / "directive" / "reference.docx"

CLAUSE = """---
id: {id}
title: {title}
version: 1
kinds: [directive]
topics: [partners]
{extra}---
{body}
"""


def clause(folder: Path, name: str, clause_id: str, body: str, *, title: str = "T", extra: str = "") -> Path:
    path = folder / "clauses" / "custom" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CLAUSE.format(id=clause_id, title=title, extra=extra, body=body), encoding="utf-8")
    return path


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env or {"DRAFTER_LIBRARY": None})


def text_of(path: Path) -> str:
    return "".join(t.text or "" for t in read_part(path).iter(W + "t"))


def highlighted(path: Path) -> list[str]:
    runs = read_part(path).iter(W + "r")
    return [
        "".join(t.text or "" for t in r.iter(W + "t"))
        for r in runs
        if r.find(f"{W}rPr/{W}highlight") is not None
    ]


@pytest.fixture()
def lib(tmp_path: Path) -> Path:
    """A copy of the tiny test library, to change freely."""
    folder = tmp_path / "lib"
    shutil.copytree(DATA / "minilib", folder)
    return folder


def build(tmp_path: Path, *extra: str, source: Path = DATA / "minimal.yaml"):
    out = tmp_path / "out.docx"
    result = run("build", str(source), "-o", str(out), *extra)
    return result, out


# ------------------------------------------------------------------ overlays


def test_outline_in_library_replaces_the_builtin_one(tmp_path: Path, lib: Path) -> None:
    result, out = build(tmp_path, "--library", str(lib))
    assert result.exit_code == 0, result.output
    text = text_of(out)
    assert "TPD shall practice community policing" in text  # minilib's alpha.purpose
    assert "root causes" not in text.lower()  # no built-in clause reached through the built-in outline


def test_clause_with_same_id_replaces_the_builtin_one(tmp_path: Path, lib: Path) -> None:
    (lib / "clauses" / "alpha" / "partners.md").unlink()
    clause(lib, "partners", "alpha.partners", "{{ agency.short_name }} {{ modal }} meet the tenants weekly.")
    result, out = build(tmp_path, "--library", str(lib))
    assert result.exit_code == 0, result.output
    assert "meet the tenants weekly" in text_of(out)


def test_overlay_replaces_by_id_over_a_lower_layer(tmp_path: Path, lib: Path) -> None:
    top = tmp_path / "top"
    clause(top, "p", "alpha.partners", "{{ agency.short_name }} {{ modal }} use the top layer.")
    result, out = build(tmp_path, "--library", str(lib), "--library", str(top))
    assert result.exit_code == 0, result.output
    assert "use the top layer" in text_of(out)
    assert "Eastside Tenants Union" not in text_of(out)  # the replaced clause named the partners


def test_new_clause_adds_through_a_topic(tmp_path: Path, lib: Path) -> None:
    clause(lib, "extra", "custom.extra", "{{ agency.short_name }} {{ modal }} publish a new report.")
    result, out = build(tmp_path, "--library", str(lib))
    assert result.exit_code == 0, result.output
    assert "publish a new report" in text_of(out)


def test_library_key_in_the_input_is_relative_to_the_input(tmp_path: Path, lib: Path) -> None:
    clause(lib, "extra", "custom.extra", "{{ agency.short_name }} {{ modal }} answer letters.")
    source = tmp_path / "inputs" / "city.yaml"
    source.parent.mkdir()
    source.write_text((DATA / "minimal.yaml").read_text() + "library: ../lib\n")
    result, out = build(tmp_path, source=source)
    assert result.exit_code == 0, result.output
    assert "answer letters" in text_of(out)


def test_command_line_library_wins_over_the_input_key(tmp_path: Path, lib: Path) -> None:
    source = tmp_path / "city.yaml"
    source.write_text((DATA / "minimal.yaml").read_text() + "library: lib\n")
    top = tmp_path / "top"
    clause(top, "p", "alpha.partners", "{{ agency.short_name }} {{ modal }} follow the command line.")
    result, out = build(tmp_path, "--library", str(top), source=source)
    assert result.exit_code == 0, result.output
    assert "follow the command line" in text_of(out)
    env_result = CliRunner().invoke(
        main, ["build", str(source), "-o", str(tmp_path / "e.docx")], env={"DRAFTER_LIBRARY": str(top)}
    )
    assert env_result.exit_code == 0, env_result.output
    assert "follow the command line" in text_of(tmp_path / "e.docx")


def test_missing_library_folder_in_input_is_a_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "city.yaml"
    source.write_text((DATA / "minimal.yaml").read_text() + "library: nowhere\n")
    result, out = build(tmp_path, source=source)
    assert result.exit_code == 2
    assert "nowhere: library folder not found" in result.output
    assert not out.exists()


# ------------------------------------------------------------------ reference documents


def restyled(path: Path, font: str) -> Path:
    document = docx.Document(str(BUILTIN_REFERENCE))
    document.styles["Normal"].font.name = font
    document.styles["Decree Paragraph"].font.name = font
    document.save(str(path))
    return path


def style_font(out: Path, style_id: str) -> str | None:
    for style in read_part(out, "word/styles.xml").iter(W + "style"):
        if style.get(W + "styleId") == style_id:
            fonts = style.find(f"{W}rPr/{W}rFonts")
            return None if fonts is None else fonts.get(W + "ascii")
    return None


def test_reference_doc_option_restyles_the_output(tmp_path: Path) -> None:
    reference = restyled(tmp_path / "letterhead.docx", "Courier New")
    result, out = build(tmp_path, "--reference-doc", str(reference))
    assert result.exit_code == 0, result.output
    assert style_font(out, "Normal") == "Courier New"
    assert style_font(out, "DecreeParagraph") == "Courier New"
    (tmp_path / "plain").mkdir()
    plain, plain_out = build(tmp_path / "plain")
    assert plain.exit_code == 0, plain.output
    assert style_font(plain_out, "DecreeParagraph") is None  # the built-in reference is untouched


def test_reference_doc_in_a_library_folder(tmp_path: Path, lib: Path) -> None:
    restyled(lib / "templates" / "directive" / "reference.docx", "Garamond")
    result, out = build(tmp_path, "--library", str(lib))
    assert result.exit_code == 0, result.output
    assert style_font(out, "Normal") == "Garamond"


def test_reference_doc_missing_a_style_borrows_it_with_a_note(tmp_path: Path) -> None:
    reference = tmp_path / "letterhead.docx"
    document = docx.Document(str(BUILTIN_REFERENCE))
    element = document.styles["Decree Paragraph"].element
    element.getparent().remove(element)
    document.save(str(reference))
    result, out = build(tmp_path, "--reference-doc", str(reference))
    assert result.exit_code == 0, result.output
    assert f"note: {reference} lacks 1 of drafter's styles" in result.output
    assert result.output.rstrip().endswith(": Decree Paragraph")
    assert style_font(out, "DecreeParagraph") is None  # the default's own definition


def test_library_reference_missing_a_needed_style_names_the_file_and_style(tmp_path: Path, lib: Path) -> None:
    reference = lib / "templates" / "directive" / "reference.docx"
    document = docx.Document(str(BUILTIN_REFERENCE))
    element = document.styles["Decree Paragraph"].element
    element.getparent().remove(element)
    document.save(str(reference))
    result, out = build(tmp_path, "--library", str(lib))
    assert result.exit_code == 2
    assert str(reference) in result.output and "'Decree Paragraph' is missing" in result.output
    assert not out.exists()


# ------------------------------------------------------------------ draft mode


def test_draft_turns_missing_facts_into_highlighted_prompts(tmp_path: Path, lib: Path) -> None:
    clause(
        lib,
        "gaps",
        "custom.gaps",
        "The {{ community_body.name }} {{ modal }} meet the {{ decree.monitor.name }} "
        "under paragraph {{ ref('alpha.never') }} from {{ decree.appointed | long_date }}.",
    )
    strict, out = build(tmp_path, "--library", str(lib))
    assert strict.exit_code == 2 and "gaps.md:8: undefined value" in strict.output
    assert not out.exists()
    result, out = build(tmp_path, "--library", str(lib), "--draft")
    assert result.exit_code == 0, result.output
    prompts = highlighted(out)
    assert "[community_body.name]" in prompts
    assert "[decree.monitor.name]" in prompts
    assert "[decree.appointed]" in prompts
    assert "[paragraph on Never used]" in prompts  # ref() to a clause its `when` left out
    assert "TPD shall practice community policing" in text_of(out)


def test_draft_does_not_soften_sandbox_violations(tmp_path: Path, lib: Path) -> None:
    clause(lib, "bad", "custom.bad", "{{ agency.__class__ }}")
    result, out = build(tmp_path, "--library", str(lib), "--draft")
    assert result.exit_code == 2 and "not allowed in a clause" in result.output
    assert not out.exists()


def test_draft_still_refuses_a_ref_to_an_unknown_id(tmp_path: Path, lib: Path) -> None:
    clause(lib, "r", "custom.r", "See paragraph {{ ref('no.such') }}.")
    result, out = build(tmp_path, "--library", str(lib), "--draft")
    assert result.exit_code == 2 and "ref('no.such'): no clause has that id" in result.output


# ------------------------------------------------------------------ sandbox escapes


ESCAPES = [
    ("{{ agency.__class__ }}", "'.__class__' is not allowed"),
    ("{{ days.__globals__ }}", "'.__globals__' is not allowed"),
    ("{{ agency.mro() }}", "'.mro' is not allowed"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "is not allowed"),
    ("{{ __builtins__ }}", "'__builtins__' is not allowed"),
    ("{% import 'os' as os %}", "{% import %} is not allowed"),
    ("{% from 'x' import y %}", "{% from … import %} is not allowed"),
    ("{% include '/etc/passwd' %}", "{% include %} is not allowed"),
    ("{% extends 'base.html' %}", "{% extends %} is not allowed"),
    ("{{ self }}", "'self' is not allowed"),
    ("{{ lipsum() }}", "'lipsum' is undefined"),
    ("{{ cycler(1, 2) }}", "'cycler' is undefined"),
    ("{{ joiner() }}", "'joiner' is undefined"),
    ("{{ namespace(a=1) }}", "'namespace' is undefined"),
    ("{{ range(10**9) | list | length }}", "range() may yield at most 1,000 numbers"),
    ("{{ '{0.__class__}'.format(agency) }}", "'.format' is not allowed"),
    ("{{ '{0.__class__}'.format_map(agency) }}", "'.format_map' is not allowed"),
    ("{{ config }}", "'config' is not allowed"),
    ("{{ request }}", "'request' is not allowed"),
    ("{{ agency['__class__'] }}", "'__class__' is not allowed"),
    ("{% if false %}{{ x.__init__ }}{% endif %}", "'.__init__' is not allowed"),
]


@pytest.mark.parametrize(("body", "reason"), ESCAPES)
def test_sandbox_escape_fails_clearly_and_writes_nothing(
    tmp_path: Path, lib: Path, body: str, reason: str
) -> None:
    path = clause(lib, "escape", "custom.escape", "Line one.\n\n" + body)
    result, out = build(tmp_path, "--library", str(lib))
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    assert f"{path}:10: " in result.output  # the body's third line is the file's tenth
    assert reason in result.output
    assert not out.exists()


def test_when_expression_is_sandboxed_too(tmp_path: Path, lib: Path) -> None:
    clause(lib, "w", "custom.w", "Text.", extra="when: agency.__class__\n")
    result, out = build(tmp_path, "--library", str(lib))
    assert result.exit_code == 2 and "when: the attribute '.__class__' is not allowed" in result.output
    assert not out.exists()


def test_draft_leaves_out_a_clause_whose_condition_needs_a_missing_fact(tmp_path: Path, lib: Path) -> None:
    clause(
        lib, "big", "custom.big", "The large body meets weekly.", extra="when: community_body.members > 9\n"
    )
    clause(lib, "named", "custom.named", "Reports go to the {{ community_body.name }}.")
    strict, out = build(tmp_path, "--library", str(lib))
    assert strict.exit_code == 2 and "big.md:7: when: undefined value" in strict.output
    result, out = build(tmp_path, "--library", str(lib), "--draft")
    assert result.exit_code == 0, result.output
    assert "meets weekly" not in text_of(out)
    assert "[community_body.name]" in highlighted(out)
