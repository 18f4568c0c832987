"""One family of errors, one exit code each, one place that prints them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

import drafter.build
from drafter import errors
from drafter.cli.main import main
from drafter.library.markup import parse_blocks


def test_every_drafter_error_carries_exit_code_2_and_markup_is_not_a_value_error() -> None:
    family = [
        errors.InputError,
        errors.LibraryError,
        errors.RenderError,
        errors.OutputError,
        errors.DocxReadError,
        errors.ProfileNotFound,
        errors.MarkupError,
        errors.ScheduleError,
        errors.PdfError,
        errors.LimitError,
    ]
    assert all(issubclass(cls, errors.DrafterError) and cls.exit_code == 2 for cls in family)
    assert not issubclass(errors.MarkupError, ValueError)
    with pytest.raises(errors.MarkupError):
        parse_blocks("# a Markdown heading\n", numbered=True)


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("something drafter did not expect")


def test_an_unexpected_exception_is_one_line_and_exit_70(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(drafter.build, "build", _boom)
    result = CliRunner().invoke(
        main, ["build", str(ROOT / "examples" / "lakeport.yaml"), "-o", str(tmp_path / "x.docx")]
    )
    assert result.exit_code == errors.EXIT_BUG == 70
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "bug in drafter" in lines[0] and "RuntimeError: something drafter did not expect" in lines[0]
    assert "--debug" in lines[0] and "Traceback" not in result.output


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(drafter.build, "build", _boom)
    result = CliRunner().invoke(
        main, ["--debug", "build", str(ROOT / "examples" / "lakeport.yaml"), "-o", str(tmp_path / "x.docx")]
    )
    assert isinstance(result.exception, RuntimeError)  # propagated: click prints the traceback
    assert result.exit_code == 1 and "bug in drafter" not in result.output


def test_a_drafter_error_is_its_lines_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    result = CliRunner().invoke(main, ["review", str(bad)])
    assert result.exit_code == 2
    assert result.output.strip() == f"{bad}: not a .docx (not a zip archive)"
    clause = tmp_path / "lib" / "clauses" / "t" / "bad.md"
    clause.parent.mkdir(parents=True)
    clause.write_text("---\nid: [\n---\nbody\n")
    lib = CliRunner().invoke(main, ["library", "list", "--library", str(tmp_path / "lib")])
    assert lib.exit_code == 2
    assert lib.output.strip() == f"{clause}:3:1: YAML syntax: did not find expected node content"
    reviewed = CliRunner().invoke(main, ["review", str(bad), "--library", str(tmp_path / "lib")])
    assert reviewed.exit_code == 2
    assert reviewed.output.strip() == lib.output.strip()  # the clause's file, not the document's


@pytest.mark.parametrize("args", [["library", "list"], ["--help"]], ids=["command", "help"])
def test_a_closed_output_ends_quietly_not_as_a_bug(args: list[str]) -> None:
    """`drafter library list | head`: the reader closing the pipe is not a drafter bug."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before drafter writes its first line
    try:
        done = subprocess.run(
            [str(Path(sys.executable).with_name("drafter")), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (errors.EXIT_OUTPUT_CLOSED, "")
