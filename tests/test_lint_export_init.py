"""`library check` (each finding), `library export`, and `init`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA
from ruamel.yaml import YAML

from drafter.cli.main import main
from drafter.inputs.loader import check_file
from drafter.inputs.schema import input_schema
from drafter.library.lint import check_library

GOOD = """---
id: custom.good
title: Good
version: 1
kinds: [directive]
topics: [partners]
---
{{ agency.short_name }} {{ modal }} meet {{ partners | map(attribute='name') | join_and }}.
{% for p in partners %}
1. {{ p.name }}, on {{ p.root_causes | join_and }};
{% endfor %}
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args), env={"DRAFTER_LIBRARY": None})


@pytest.fixture()
def lib(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    shutil.copytree(DATA / "minilib", folder)
    (folder / "clauses" / "custom").mkdir()
    (folder / "clauses" / "custom" / "good.md").write_text(GOOD)
    return folder


def write(lib: Path, name: str, text: str) -> Path:
    path = lib / "clauses" / "custom" / name
    path.write_text(text)
    return path


def messages(lib: Path) -> list[str]:
    return [str(f) for f in check_library(lib).findings]


def test_clean_library_has_no_findings_and_exits_0(lib: Path) -> None:
    assert messages(lib) == []
    result = run("library", "check", str(lib))
    assert result.exit_code == 0, result.output


def test_builtin_library_is_clean() -> None:
    """Also guards the committed clauses/library.lock: wording changed without a version bump
    fails here."""
    result = check_library(None)
    assert [str(f) for f in result.findings if f.severity == "error"] == []
    assert result.clauses > 40


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD.replace("title: Good\n", "title: Good\nversoin: 2\n"),
            "bad.md:4: error: versoin: Extra inputs",
        ),
        (GOOD.replace("{% endfor %}", ""), "bad.md:10: error: template syntax: Unexpected end of template"),
        (
            GOOD + "{{ agency.shortname }}\n",
            "bad.md:12: error: 'agency.shortname': Agency has no field 'shortname'",
        ),
        (GOOD + "{{ budgett }}\n", "bad.md:12: error: 'budgett' is not a value of the input file"),
        (
            GOOD.replace("{{ p.name }}", "{{ p.nam }}"),
            "bad.md:10: error: 'p.nam': Partner has no field 'nam'",
        ),
        (GOOD + "See {{ ref('no.such') }}.\n", "bad.md:12: error: ref('no.such'): no clause has that id"),
        (GOOD + "The {{ term('Nothing') }}.\n", "bad.md:12: error: term('Nothing'): not defined"),
        (GOOD + "{{ agency.__class__ }}\n", "bad.md:12: error: the attribute '.__class__' is not allowed"),
        (GOOD + "{% include 'x.md' %}\n", "bad.md:12: error: {% include %} is not allowed"),
        (
            GOOD.replace("topics: [partners]\n", "topics: [partners]\nwhen: partners | length >\n"),
            "bad.md:7: error: when: cannot read the condition",
        ),
        (
            GOOD.replace("topics: [partners]\n", "topics: [partners]\nwhen: agency.head\n"),
            "bad.md:7: error: 'agency.head': Agency has no field 'head'",
        ),
        (
            GOOD.replace("topics: [partners]\n", "topics: [partners]\nelements: [meetings, meetngs]\n"),
            "bad.md:7: error: elements[1]: Value error, unknown element 'meetngs'",
        ),
        (
            GOOD.replace("topics: [partners]\n", "topics: [partners]\nconcise: true\n")
            + "See {{ ref('custom.other') }}.\n",
            "bad.md:13: error: ref('custom.other'): a concise directive keeps this clause but leaves that one out",
        ),
        (
            GOOD.replace("topics: [partners]", "topics: [orphans]"),
            "bad.md:2: warning: no outline reaches 'custom.good'",
        ),
    ],
)
def test_each_finding_names_file_and_line(lib: Path, text: str, expected: str) -> None:
    (lib / "clauses" / "custom" / "good.md").unlink()
    write(lib, "other.md", GOOD.replace("custom.good", "custom.other"))  # a clause to ref(), not concise
    write(lib, "bad.md", text)
    found = messages(lib)
    assert any(expected in m for m in found), found
    if ": error: " in expected:
        assert run("library", "check", str(lib)).exit_code == 1
    else:
        assert run("library", "check", str(lib)).exit_code == 0


def test_duplicate_ids_in_one_folder(lib: Path) -> None:
    write(lib, "copy.md", GOOD.replace("{{ modal }} meet", "{{ modal }} greet"))
    assert any("id 'custom.good' is also used by" in m for m in messages(lib))


def test_outline_naming_an_unknown_clause(lib: Path) -> None:
    outline = lib / "templates" / "directive" / "outline.yaml"
    outline.write_text(outline.read_text().replace("clauses: [alpha.never]", "clauses: [alpha.nevr]"))
    assert any(
        "outline.yaml:13: error: section 'Not Used' names unknown clause 'alpha.nevr'" in m
        for m in messages(lib)
    )


def test_wording_changed_without_version_bump(lib: Path) -> None:
    result = run("library", "check", str(lib), "--update-lock")
    assert result.exit_code == 0 and (lib / "clauses" / "library.lock").is_file()
    lock = json.loads((lib / "clauses" / "library.lock").read_text())
    assert set(lock["custom.good"]) == {"1"}
    good = lib / "clauses" / "custom" / "good.md"
    good.write_text(good.read_text().replace("meet", "consult"))
    assert any("good.md:4: error: the wording changed but version is still 1" in m for m in messages(lib))
    # --update-lock does not bless the change: only a bump does
    assert run("library", "check", str(lib), "--update-lock").exit_code == 1
    good.write_text(good.read_text().replace("version: 1", "version: 2"))
    assert run("library", "check", str(lib), "--update-lock").exit_code == 0
    assert set(json.loads((lib / "clauses" / "library.lock").read_text())["custom.good"]) == {"1", "2"}
    good.write_text(good.read_text() + "   \n")  # trailing spaces are not wording
    assert messages(lib) == []


def test_check_usage_error_exits_2(tmp_path: Path) -> None:
    assert run("library", "check", str(tmp_path / "missing")).exit_code == 2


# ------------------------------------------------------------------ export


def test_export_copies_the_library_with_a_readme(tmp_path: Path) -> None:
    target = tmp_path / "ours"
    result = run("library", "export", str(target))
    assert result.exit_code == 0, result.output
    assert (target / "templates" / "directive" / "outline.yaml").is_file()
    assert (target / "templates" / "directive" / "reference.docx").is_file()
    assert (target / "clauses" / "_terms.yaml").is_file()
    assert (target / "clauses" / "library.lock").is_file()
    assert not list(target.rglob("__init__.py"))
    readme = (target / "README.md").read_text()
    for words in ("version", "when:", "join_and", "ref('", "term('", "--update-lock", "reference.docx"):
        assert words in readme
    assert "{{ agency.short_name }}" in readme  # the format braces came out right
    # the export is a valid library on its own, and checks clean
    assert check_library(target).errors == 0
    again = run("library", "export", str(target))
    assert again.exit_code == 2 and "not empty" in again.output
    assert run("library", "export", str(target), "--force").exit_code == 0


def test_exported_library_builds_and_an_edit_shows(tmp_path: Path) -> None:
    target = tmp_path / "ours"
    assert run("library", "export", str(target)).exit_code == 0
    clause = target / "clauses" / "partnership" / "root-causes.md"
    clause.write_text(clause.read_text().replace("Help with arrests", "Assistance with arrests"))
    out = tmp_path / "d.docx"
    result = run("build", str(DATA / "minimal.yaml"), "-o", str(out), "--library", str(target))
    assert result.exit_code == 0, result.output
    import zipfile

    with zipfile.ZipFile(out) as z:
        assert "Assistance with arrests" in z.read("word/document.xml").decode()


# ------------------------------------------------------------------ init


def test_init_writes_a_starter_that_validates_against_the_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    result = run("init", str(tmp_path / "city"))
    assert result.exit_code == 0, result.output
    starter = tmp_path / "city" / "jurisdiction.yaml"
    text = starter.read_text()
    assert text.startswith("# yaml-language-server: $schema=drafter.schema.json\n")
    assert "# Docket number, e.g. '1:15-cv-01046'. Required." in text
    assert "# community_body:" in text  # optional sections shown commented out
    data = json.loads(json.dumps(YAML(typ="safe").load(text), default=str))
    schema = json.loads((tmp_path / "city" / "drafter.schema.json").read_text())
    assert schema == json.loads(json.dumps(input_schema()))
    jsonschema.validate(data, schema)
    assert check_file(starter) == []  # and through drafter's own loader and cross-checks
    settings = json.loads((tmp_path / "city" / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"]["./drafter.schema.json"][0] == "jurisdiction.yaml"
    built = run("build", str(starter), "-o", str(tmp_path / "city.docx"))
    assert built.exit_code == 0, built.output


def test_init_explains_every_field(tmp_path: Path) -> None:
    from drafter.inputs.models import Inputs

    assert run("init", str(tmp_path)).exit_code == 0
    text = (tmp_path / "jurisdiction.yaml").read_text()
    for name, info in Inputs.model_fields.items():
        assert f"{name}:" in text and (info.description or "")[:30] in text


def test_init_keeps_existing_files(tmp_path: Path) -> None:
    assert run("init", str(tmp_path)).exit_code == 0
    assert run("init", str(tmp_path)).exit_code == 2
    assert run("init", str(tmp_path), "--force").exit_code == 0


def test_a_concise_clause_may_ref_a_full_only_clause_inside_a_scope_test(lib: Path) -> None:
    write(lib, "other.md", GOOD.replace("custom.good", "custom.other"))
    guarded = GOOD.replace("topics: [partners]\n", "topics: [partners]\nconcise: true\n") + (
        "{% if document.scope != 'concise' %}See {{ ref('custom.other') }}.{% endif %}\n"
    )
    write(lib, "good.md", guarded)
    assert [m for m in messages(lib) if "ref(" in m] == []


def test_a_definition_using_an_undefined_term_is_found_by_check_and_named_by_build(
    lib: Path, tmp_path: Path
) -> None:
    terms = lib / "clauses" / "_terms.yaml"
    terms.write_text(terms.read_text() + "Partner: \"a group that works with {{ term('Nowhere Term') }}.\"\n")
    write(lib, "good.md", GOOD + "Each {{ term('Partner') }} counts.\n")
    lines = [line for line in messages(lib) if "Nowhere Term" in line]
    assert lines and lines[0].startswith(f"{terms}:2: error: Partner: term('Nowhere Term')"), lines
    out = tmp_path / "out.docx"
    result = run("build", str(DATA / "minimal.yaml"), "--library", str(lib), "-o", str(out))
    assert result.exit_code == 2, result.output
    assert f"{terms}:2: term('Nowhere Term') is used but" in result.output
    assert not out.exists()
