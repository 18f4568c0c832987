from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from review_helpers import decree_docx

from drafter.cli.review import review


def test_text_json_fail_on_and_annotate(tmp_path: Path) -> None:
    src = decree_docx(tmp_path / "d.docx", ["The City shall act by [INSERT DATE]."])
    runner = CliRunner()
    result = runner.invoke(review, [str(src)])
    assert result.exit_code == 1 and "ERRORS" in result.output and "¶ 212" in result.output
    result = runner.invoke(review, [str(src), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0 and json.loads(result.output)["schema_version"] == 1
    out = tmp_path / "a.docx"
    result = runner.invoke(review, [str(src), "--annotate", str(out), "--kind", "narrative"])
    assert result.exit_code == 1 and out.exists()


def test_unreadable_file_exits_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    result = CliRunner().invoke(review, [str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{bad}: not a .docx (not a zip archive)"


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(review, ["--help"])
    assert result.exit_code == 0 and "drafter review springfield-directive.docx" in result.output
