"""Small things a new user meets first: aligned columns, plurals, honest help, refusing a
.docx under another name, messages that fit the document, and the mode of every output."""

from __future__ import annotations

import os
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

import drafter.docx.pdf
from drafter.cli.main import main

CLAUSE = """---
id: local.only-one
title: The only clause
version: 1
kinds: [directive]
topics: [local]
status: approved
---
{{ agency.short_name }} {{ modal }} meet the community each month.
"""


def test_library_list_columns_never_run_together() -> None:
    result = CliRunner().invoke(main, ["library", "list"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        fields = [f for f in line.split("  ") if f.strip()]
        assert len(fields) >= 5, line  # id, version, status, kinds, (topics,) title: apart
    starts = {line.index(" v") for line in lines}
    assert len(starts) == 1  # the version column is aligned after the longest id


def test_one_clause_is_singular(tmp_path: Path) -> None:
    folder = tmp_path / "lib" / "clauses" / "local"
    folder.mkdir(parents=True)
    (folder / "only-one.md").write_text(CLAUSE, encoding="utf-8")
    result = CliRunner().invoke(main, ["library", "check", str(tmp_path / "lib")])
    assert "1 clause checked" in result.stderr, result.stderr
    assert "1 clauses" not in result.stderr


def test_help_texts_say_what_is_there() -> None:
    validate = CliRunner().invoke(main, ["validate", "--help"]).output
    example = next(line for line in validate.splitlines() if line.strip().startswith("drafter validate"))
    files = example.split()[2:]
    assert len(files) == len(set(files)) == 2 and all((ROOT / f).is_file() for f in files)
    group = CliRunner().invoke(main, ["library", "--help"]).output
    description = group.split("Options:")[0].lower()
    for command in ("list", "show", "check", "export"):
        assert command in description


def _command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group under `group`, as the words a user types after `drafter`."""
    paths = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths += _command_paths(command, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


@pytest.mark.parametrize("path", _command_paths(main), ids=lambda p: " ".join(p) or "drafter")
def test_every_help_shows_an_example_of_its_own_command(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    # "drafter library list --kind directive" or "Start:   drafter build …", not the Usage line
    example = re.compile(r"^\s*(?:[A-Z]\w*:\s+)?" + re.escape(" ".join(("drafter", *path))) + r" [^\[\s]")
    assert any(example.match(line) for line in result.output.splitlines()), result.output


def test_output_must_be_a_docx(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES / "lakeport.yaml"), "-o", str(out)])
    assert result.exit_code == 2
    assert "out.txt: the output is a Word document; give a name ending in .docx" in result.output
    assert not out.exists() and not list(tmp_path.iterdir())
    upper = CliRunner().invoke(
        main, ["build", str(EXAMPLES / "lakeport.yaml"), "-o", str(tmp_path / "A.DOCX")]
    )
    assert upper.exit_code == 0, upper.output


def test_pdf_of_a_directive_does_not_talk_about_a_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF step itself is LibreOffice's (tested end to end elsewhere); here, the report."""
    monkeypatch.setattr(drafter.docx.pdf, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(drafter.docx.pdf, "to_pdf", lambda path: (path.with_suffix(".pdf"), 9))
    out = tmp_path / "d.docx"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES / "lakeport.yaml"), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    assert f"wrote {tmp_path / 'd.pdf'} (9 pages)" in result.output
    assert "profile" not in result.output


def test_annotated_copy_has_the_mode_of_every_other_output(tmp_path: Path) -> None:
    built = tmp_path / "d.docx"
    assert (
        CliRunner().invoke(main, ["build", str(EXAMPLES / "lakeport.yaml"), "-o", str(built)]).exit_code == 0
    )
    annotated = tmp_path / "reviewed.docx"
    result = CliRunner().invoke(
        main, ["review", str(built), "--annotate", str(annotated), "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    assert os.stat(annotated).st_mode & 0o777 == os.stat(built).st_mode & 0o777 == 0o644
